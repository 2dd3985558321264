// Password hashing shared by the seed and the API: scrypt (node:crypto), stored as
// `scrypt$N$r$p$salt$hash` with salt and hash in base64url, so parameters can be raised later
// without invalidating existing hashes.
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptParams {
  /** CPU/memory cost, a power of two. */
  N: number;
  r: number;
  p: number;
}

/**
 * N = 2^15, r = 8, p = 1: 32 MiB per hash. OWASP suggests N = 2^17; 2^15 keeps sign-in fast on
 * small machines. Raising it later is safe: stored hashes carry their parameters and
 * `needsRehash` tells the API to upgrade one after a successful sign-in.
 */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };

const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
// Refuse absurd parameters from a tampered hash string (a denial of service on verify).
const MAX_N = 2 ** 20;

export class PasswordHashError extends Error {
  override name = 'PasswordHashError';
}

function scrypt(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scryptCb(password.normalize('NFKC'), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<string> {
  if (typeof password !== 'string' || password.length === 0) throw new PasswordHashError('password must be a non-empty string');
  const salt = randomBytes(SALT_LENGTH);
  const key = await scrypt(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

function parse(stored: string): { params: ScryptParams; salt: Buffer; key: Buffer } {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') throw new PasswordHashError('not a scrypt$N$r$p$salt$hash string');
  const [N, r, p] = parts.slice(1, 4).map((x) => Number(x)) as [number, number, number];
  if (![N, r, p].every((x) => Number.isSafeInteger(x) && x > 0) || (N & (N - 1)) !== 0 || N > MAX_N || r > 32 || p > 16) {
    throw new PasswordHashError('scrypt parameters out of range');
  }
  const salt = Buffer.from(parts[4]!, 'base64url');
  const key = Buffer.from(parts[5]!, 'base64url');
  if (salt.length < 8 || key.length !== KEY_LENGTH) throw new PasswordHashError('scrypt salt or hash has the wrong size');
  return { params: { N, r, p }, salt, key };
}

/** True when `password` matches `stored`; compares in constant time. Malformed hashes throw. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const { params, salt, key } = parse(stored);
  if (typeof password !== 'string' || password.length === 0) return false;
  const candidate = await scrypt(password, salt, params);
  return timingSafeEqual(candidate, key);
}

/** True when a stored hash uses weaker parameters than `params` (rehash after a successful login). */
export function needsRehash(stored: string, params: ScryptParams = DEFAULT_SCRYPT): boolean {
  const { params: p } = parse(stored);
  return p.N < params.N || p.r < params.r || p.p < params.p;
}
