// Security headers of the web server's answers. A page runs only the scripts React Router and
// React render with this request's nonce, so markup that slipped into a page cannot run script;
// no page may be framed (clickjacking) or sniffed into another type.
import { randomBytes } from 'node:crypto';

export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

export function documentPolicy(nonce: string, rpcPublic: string): string {
  // A relative RPC (/chain-rpc, the proxy) is covered by 'self'.
  const rpc = /^https?:\/\//i.test(rpcPublic) ? ` ${new URL(rpcPublic).origin}` : '';
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    // React renders `style` attributes (Recharts sizes and places its SVG and tooltip with them),
    // and an attribute cannot carry a nonce. CSS runs no script; scripts stay nonce-only.
    "style-src 'self' 'unsafe-inline'",
    // data: is the inline SVG icon; QR codes are inline SVG elements, not images.
    "img-src 'self' data:",
    // The proof check asks the chain node from the browser: the configured node, or on /verify a
    // node the reader trusts (the page invites it; trust comes from signatures, not the node).
    // https: only, since an http node would be mixed content on an https site anyway.
    `connect-src 'self'${rpc} https:`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** For answers that are data, not pages (React Router's .data requests). */
export const DATA_POLICY = "default-src 'none'; frame-ancestors 'none'";

export function setSecurityHeaders(headers: Headers, policy: string): void {
  headers.set('Content-Security-Policy', policy);
  headers.set('X-Content-Type-Options', 'nosniff');
  // Not no-referrer: Chromium then sends `Origin: null` with this site's own form posts, which the
  // same-origin check (assertSameOrigin) refuses. same-origin sends nothing to the chain node.
  headers.set('Referrer-Policy', 'same-origin');
  // For browsers without CSP frame-ancestors.
  headers.set('X-Frame-Options', 'DENY');
}
