// Server side of trust-root.tsx: GET /trust-root.json, the root of trust this site verifies from.
import { TRUST_ROOT_MEDIA_TYPE } from '@lianjian/verify';
import { siteTrustWithText } from '../../lib/site-trust.server';

export function loader() {
  const { trust, text } = siteTrustWithText();
  // A short cache: a root deployed anew reaches browsers within a minute.
  const headers = { 'cache-control': 'public, max-age=60', 'x-content-type-options': 'nosniff' };
  if (trust.mode === 'root' && text !== null) {
    return new Response(text, { headers: { ...headers, 'content-type': `${TRUST_ROOT_MEDIA_TYPE}; charset=utf-8` } });
  }
  if (trust.mode === 'node') {
    // No such file here (for a download or `curl -f`). Pages learn "none" from the root loader's
    // data and do not ask (root.tsx, lib/site-trust-meta.ts); a page that did not hear treats a
    // 404 as none too.
    return Response.json({ error: 'no root of trust is configured on this site; the chain check trusts the node it asks' }, { status: 404, headers });
  }
  return Response.json({ error: trust.mode === 'broken' ? trust.message : 'unavailable' }, { status: 503, headers: { ...headers, 'cache-control': 'no-store' } });
}
