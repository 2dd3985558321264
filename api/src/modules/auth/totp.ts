// RFC 6238 time-based one-time passwords (HMAC-SHA1, 30 s steps, 6 digits — what authenticator
// apps use), on node:crypto. Secrets are RFC 4648 base32, as in otpauth:// URIs.
import { base32Decode, base32Encode } from '@lianjian/db';
import { createHmac, timingSafeEqual } from 'node:crypto';

export { base32Decode, base32Encode };

export const TOTP_STEP_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps of clock skew accepted either side of now (RFC 6238 §5.2 recommends at most one). */
export const TOTP_WINDOW = 1;

/** RFC 4226 HOTP with dynamic truncation. */
export function hotp(key: Uint8Array, counter: number, digits = TOTP_DIGITS, algorithm: 'sha1' | 'sha256' | 'sha512' = 'sha1'): string {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(algorithm, key).update(msg).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const bin = ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!;
  return String(bin % 10 ** digits).padStart(digits, '0');
}

export function timeStep(at: Date): number {
  return Math.floor(at.getTime() / 1000 / TOTP_STEP_SECONDS);
}

export function totp(key: Uint8Array, at: Date, digits = TOTP_DIGITS): string {
  return hotp(key, timeStep(at), digits);
}

/**
 * Returns the time step whose code equals `code` within ±TOTP_WINDOW of `at`, or null. The
 * caller refuses a step at or below the last one used (replay, RFC 6238 §5.2).
 */
export function matchTotp(key: Uint8Array, code: string, at: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const now = timeStep(at);
  const given = Buffer.from(code);
  let matched: number | null = null;
  // Check every candidate so the time taken does not tell which step matched.
  for (let step = now - TOTP_WINDOW; step <= now + TOTP_WINDOW; step++) {
    if (timingSafeEqual(Buffer.from(hotp(key, step)), given) && matched === null) matched = step;
  }
  return matched;
}

export function stepStart(step: number): Date {
  return new Date(step * TOTP_STEP_SECONDS * 1000);
}
