// Strings that no text column can hold as sent: an unpaired UTF-16 surrogate (JSON allows the
// escape "\ud800"; UTF-8 cannot encode it, so Postgres would silently store U+FFFD instead of
// what the client sent, and the record document would prove the substitute) and NUL (Postgres
// refuses it in text, which would surface as an internal error). Checked once for every request's
// variables, so every module is covered, not only those that validate their own text.
import { badInput, type FieldError } from '../errors.js';

const MAX_REPORTED = 20;
// String.prototype.isWellFormed is ES2024; the project's lib is ES2023.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function problem(s: string): { message: string; messageZh: string } | null {
  if (LONE_SURROGATE.test(s)) return { message: 'contains an unpaired UTF-16 surrogate (not a valid Unicode string).', messageZh: '包含不成对的 UTF-16 代理项（不是合法的 Unicode 字符串）。' };
  if (s.includes('\u0000')) return { message: 'must not contain NUL characters.', messageZh: '不能包含 NUL 字符。' };
  return null;
}

function walk(value: unknown, path: string, out: FieldError[], depth: number): void {
  if (out.length >= MAX_REPORTED || depth > 64) return;
  if (typeof value === 'string') {
    const p = problem(value);
    if (p) out.push({ field: path, ...p });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => walk(v, `${path}[${i}]`, out, depth + 1));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const key = problem(k);
      if (key) out.push({ field: `${path}.<key>`, ...key });
      walk(v, path ? `${path}.${k}` : k, out, depth + 1);
    }
  }
}

/** A BAD_USER_INPUT error naming each variable (e.g. "input.name") whose text cannot be stored, or null. */
export function unstorableText(variables: unknown) {
  const out: FieldError[] = [];
  walk(variables, '', out, 0);
  return out.length ? badInput(out) : null;
}
