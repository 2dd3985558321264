// The root of trust given to this web server at deploy time (LIANJIAN_TRUST_ROOT, a
// trust-root.json as `npm run trust-root` and every chain start write it). Read strictly with
// @lianjian/verify's parser; read again when the file changes (a new root deployed, a local chain
// restarted with a new genesis), so no restart of the web server is needed.
import { readFileSync, statSync } from 'node:fs';
import { parseTrustRoot } from '@lianjian/verify';
import { webConfig } from './config.server';
import type { SiteTrust } from './site-trust';

let cache: { file: string; mtimeMs: number; size: number; trust: SiteTrust; text: string | null } | undefined;

/** The site's trust setting, and the file's text when there is a valid root (served as is). */
export function siteTrustWithText(file: string | null = webConfig().trustRootFile): { trust: SiteTrust; text: string | null } {
  if (!file) return { trust: { mode: 'node' }, text: null };
  let stat: { mtimeMs: number; size: number };
  try {
    stat = statSync(file);
  } catch (error) {
    return broken(file, `the root of trust file cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  if (cache && cache.file === file && cache.mtimeMs === stat.mtimeMs && cache.size === stat.size) return cache;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return broken(file, `the root of trust file cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  try {
    const root = parseTrustRoot(text);
    cache = { file, mtimeMs: stat.mtimeMs, size: stat.size, trust: { mode: 'root', root }, text };
    return cache;
  } catch (error) {
    return broken(file, `the root of trust file is not valid: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export function siteTrust(file?: string | null): SiteTrust {
  return siteTrustWithText(file).trust;
}

let reported = '';
/** The page gets the problem without the server's file path; the log gets both. */
function broken(file: string, message: string): { trust: SiteTrust; text: null } {
  // Once per distinct problem: a misconfigured root must be visible in the log, not only on the page.
  if (reported !== `${file}: ${message}`) {
    reported = `${file}: ${message}`;
    process.stderr.write(`web: LIANJIAN_TRUST_ROOT=${file}: ${message}; the chain check will not run until it is fixed\n`);
  }
  cache = undefined;
  return { trust: { mode: 'broken', message }, text: null };
}
