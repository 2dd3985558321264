// Bearer secrets: session tokens and partner API keys. Only SHA-256 digests are stored, so a
// database leak does not hand out working credentials; the tokens carry 256 random bits, so a
// fast hash is enough (no password stretching needed).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const SESSION_PREFIX = 'ljs_';
export const API_KEY_PREFIX = 'ljk_';

/** As a plain Uint8Array, the type Prisma uses for Bytes columns. */
export function sha256(text: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(createHash('sha256').update(text, 'utf8').digest());
}

export function newSessionToken(): { token: string; hash: Uint8Array<ArrayBuffer> } {
  const token = SESSION_PREFIX + randomBytes(32).toString('base64url');
  return { token, hash: sha256(token) };
}

/** `ljk_<prefix>_<secret>`: the prefix is stored in clear to find the key, the whole key hashed. */
export function newApiKey(): { key: string; prefix: string; hash: Uint8Array<ArrayBuffer> } {
  const prefix = randomBytes(6).toString('hex');
  const key = `${API_KEY_PREFIX}${prefix}_${randomBytes(32).toString('base64url')}`;
  return { key, prefix, hash: sha256(key) };
}

export function parseApiKey(key: string): { prefix: string } | null {
  const m = /^ljk_([0-9a-f]{12})_[A-Za-z0-9_-]{43}$/.exec(key);
  return m ? { prefix: m[1]! } : null;
}

export function sameHash(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
