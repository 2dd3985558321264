// The root of trust this site verifies chain headers from, as the browser gets it. The web server
// is given the organisation's trust-root.json at deploy time (LIANJIAN_TRUST_ROOT) and serves it
// at /trust-root.json (docs/decisions/011-trust-root-served-at-deploy.md); the verify page also
// receives it in its loader data. Every page says in its <head> whether the site has a root (from
// the root loader's data), so a page on a site without one does not ask for the file at all. Every
// record and snapshot checked on a page then follows the validator set from this root with
// CometBFT light-client rules, never by the set a node presents.
import { parseTrustRoot, type TrustRoot } from '@lianjian/verify';
import { announcedTrustMode } from './site-trust-meta';

/**
 * root: verify from this root. node: the site has none; the chain check trusts the validator set
 * the node presents, and pages say so. broken: a root is configured but cannot be read; the chain
 * check does not run (it must not silently fall back to trusting the node).
 */
export type SiteTrust = { mode: 'root'; root: TrustRoot } | { mode: 'node' } | { mode: 'broken'; message: string };

export const TRUST_ROOT_PATH = '/trust-root.json';

let loaded: Promise<SiteTrust> | undefined;

/** The verify page hands over what its loader read, so the page needs no second request. */
export function primeSiteTrust(trust: SiteTrust): void {
  loaded = Promise.resolve(trust);
}

/** A stable key of a trust setting (checkers and cached answers are per root). */
export function trustKey(trust: SiteTrust): string {
  if (trust.mode !== 'root') return trust.mode;
  const r = trust.root;
  return JSON.stringify([r.chainId, r.genesisHash, r.height, r.headerHash, r.validators.map((v) => [v.address, v.power]), r.trustingPeriodSeconds]);
}

/**
 * The site's root of trust, fetched once per page load (a failed fetch is tried again next time).
 * A site that says it has none is not asked.
 */
export function loadSiteTrust(): Promise<SiteTrust> {
  // Outside a page (unit tests in Node) there is no site to ask.
  if (typeof document === 'undefined' || typeof location === 'undefined') return Promise.resolve({ mode: 'node' });
  if (!loaded && announcedTrustMode() === 'node') return Promise.resolve({ mode: 'node' });
  if (!loaded) {
    const p = fetchSiteTrust();
    loaded = p;
    p.then(
      (t) => {
        if (t.mode === 'broken' && loaded === p) loaded = undefined;
      },
      () => {
        if (loaded === p) loaded = undefined;
      },
    );
  }
  return loaded;
}

async function fetchSiteTrust(): Promise<SiteTrust> {
  let res: Response;
  try {
    res = await fetch(new URL(TRUST_ROOT_PATH, location.href), { headers: { accept: 'application/json' } });
  } catch (error) {
    return { mode: 'broken', message: `the root of trust could not be fetched from this site: ${error instanceof Error ? error.message : String(error)}` };
  }
  // 404 is the server's "none configured" (routes/public/trust-root.server.ts), for a page whose
  // <head> did not say (pages normally do, and then do not ask).
  if (res.status === 404) return { mode: 'node' };
  const text = await res.text();
  if (!res.ok) return { mode: 'broken', message: `this site's root of trust is unavailable (HTTP ${res.status}): ${text.slice(0, 200)}` };
  try {
    return { mode: 'root', root: parseTrustRoot(text) };
  } catch (error) {
    return { mode: 'broken', message: `this site's root of trust is not valid: ${error instanceof Error ? error.message : String(error)}` };
  }
}
