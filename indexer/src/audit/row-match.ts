// The rows phase's fast path: whether a stored record document holds exactly a row's data, org
// and version, decided on the document's text instead of parsing it and canonicalising both
// sides (which took most of that phase's time).
import { canonicalize } from '@lianjian/verify';

const SALT = /^[A-Za-z0-9_-]{22}$/;
const sortedKeys = new Map<string, string[]>();

/**
 * canonicalize(data) for a row's data, or undefined when JCS refuses it. Row data is a flat
 * object of a fixed key set per type, so the keys are sorted once per key set and the scalar
 * values written with JSON.stringify (what JCS does for a finite number and a string without a
 * lone surrogate); a nested value, or anything else, goes to canonicalize.
 */
export function canonicalData(data: Record<string, unknown>): string | undefined {
  const own = Object.keys(data);
  const id = JSON.stringify(own);
  let keys = sortedKeys.get(id);
  if (!keys) sortedKeys.set(id, (keys = [...own].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))));
  try {
    let out = '{';
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      const v = data[k];
      const text = typeof v === 'string' || typeof v === 'boolean' || v === null || (typeof v === 'number' && Number.isFinite(v)) ? JSON.stringify(v) : canonicalize(v);
      out += `${i ? ',' : ''}${JSON.stringify(k)}:${text}`;
    }
    out += '}';
    // JSON.stringify escapes a lone surrogate where JCS refuses it: the reference decides.
    return /\\u[dD][89a-fA-F]/.test(out) ? canonicalize(data) : out;
  } catch {
    return undefined;
  }
}

/**
 * True only when JSON.parse(text), if it parses at all, has data, org and version equal to the
 * row's — so the full comparison could find no difference. The text must end, in canonical key
 * order, with `,"data":<canonical data>,"id":…,"org":…,"salt":"<22 base64url>","type":…,"v":1,
 * "version":<n>}`. In valid JSON that comma cannot sit inside a string (the quote after it would
 * close the string and leave `data` bare), so these are the top-level object's last keys, and a
 * duplicate earlier in the text is overridden by them; the salt's alphabet keeps a quote from
 * smuggling in a later key. Text that is not JSON is the log phase's finding, as before. Anything
 * else (a non-canonical document, another key order, a difference) answers false and goes to the
 * full comparison.
 */
export function documentHolds(text: string, row: { type: string; id: string; version: number; org: string; data: Record<string, unknown> }): boolean {
  const tail = `","type":${JSON.stringify(row.type)},"v":1,"version":${JSON.stringify(row.version)}}`;
  if (!text.endsWith(tail)) return false;
  const data = canonicalData(row.data);
  if (data === undefined) return false;
  const head = `,"data":${data},"id":${JSON.stringify(row.id)},"org":${JSON.stringify(row.org)},"salt":"`;
  const saltAt = text.length - tail.length - 22;
  return saltAt - head.length >= 0 && text.startsWith(head, saltAt - head.length) && SALT.test(text.slice(saltAt, saltAt + 22));
}
