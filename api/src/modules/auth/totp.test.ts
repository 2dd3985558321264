import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, matchTotp, timeStep, totp } from './totp.js';

// RFC 6238 Appendix B: SHA-1 seed "12345678901234567890", 8 digits.
const seed = Buffer.from('12345678901234567890');
const vectors: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP (RFC 6238)', () => {
  it.each(vectors)('matches the RFC test vector at T=%i', (seconds, expected) => {
    expect(totp(seed, new Date(seconds * 1000), 8)).toBe(expected);
  });

  it('matches RFC 4226 Appendix D HOTP values', () => {
    expect([0, 1, 2, 9].map((c) => hotp(seed, c))).toEqual(['755224', '287082', '359152', '520489']);
  });

  it('round-trips base32 and decodes the RFC 4648 vector', () => {
    expect(base32Decode('MZXW6YTBOI======').toString()).toBe('foobar');
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(() => base32Decode('01')).toThrow(/base32/);
  });

  it('accepts ±1 step of skew and returns the matched step, refuses beyond', () => {
    const at = new Date(1_700_000_000_000);
    const now = timeStep(at);
    for (const d of [-1, 0, 1]) {
      const code = hotp(seed, now + d);
      expect(matchTotp(seed, code, at)).toBe(now + d);
    }
    expect(matchTotp(seed, hotp(seed, now + 2), at)).toBeNull();
    expect(matchTotp(seed, hotp(seed, now - 2), at)).toBeNull();
    expect(matchTotp(seed, 'abcdef', at)).toBeNull();
  });
});
