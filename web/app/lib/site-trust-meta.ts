// How a page tells its scripts whether this site has a root of trust: the root layout writes the
// root loader's answer into a <meta> (root.tsx), lib/site-trust.ts reads it. Kept apart from
// site-trust.ts so the layout does not pull the verifier into every page's first script.

/** A site's trust setting without the root itself (lib/site-trust.ts has the full type). */
export type SiteTrustMode = 'root' | 'node' | 'broken';

/**
 * The <meta name> through which the root layout tells the page's scripts whether this site has a
 * root of trust (content: a SiteTrustMode). "node" is a plain answer: the page then does not
 * request /trust-root.json (whose 404 would show in the browser's console as an error).
 */
export const TRUST_MODE_META = 'lianjian-trust-root';

/** What the page's <head> says about this site's root, or null when it says nothing (an error page). */
export function announcedTrustMode(doc: Pick<Document, 'querySelector'> = document): SiteTrustMode | null {
  const content = doc.querySelector<HTMLMetaElement>(`meta[name="${TRUST_MODE_META}"]`)?.content;
  return content === 'root' || content === 'node' || content === 'broken' ? content : null;
}
