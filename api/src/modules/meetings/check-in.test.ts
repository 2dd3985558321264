import { describe, expect, it } from 'vitest';
import { codeMatches, hashCode, newCode, parseQr, qrPayload, WrongCodes } from './check-in.js';

const MEETING = '3f2b8a2e-1c4d-4e5f-8a9b-0c1d2e3f4a5b';

describe('check-in codes', () => {
  it('are six digits, stored only as a hash bound to the meeting', () => {
    for (let i = 0; i < 50; i++) expect(newCode()).toMatch(/^\d{6}$/);
    const stored = hashCode(MEETING, '012345');
    expect(stored).toMatch(/^[0-9a-f]{64}$/);
    expect(stored).not.toContain('012345');
    expect(codeMatches(MEETING, '012345', stored)).toBe(true);
    expect(codeMatches(MEETING, '012346', stored)).toBe(false);
    expect(codeMatches('00000000-0000-4000-8000-000000000000', '012345', stored)).toBe(false);
  });

  it('round-trip through the QR payload, which nothing else parses as', () => {
    const exp = new Date('2026-12-01T01:15:00.000Z');
    const qr = qrPayload(MEETING, '004711', exp);
    expect(parseQr(qr)).toEqual({ meetingId: MEETING, code: '004711', expiresAt: exp });
    expect(parseQr('004711')).toBeNull();
    expect(parseQr(qr.replace('004711', '4711'))).toBeNull();
    expect(parseQr(`https://example.com/?${qr}`)).toBeNull();
  });
});

describe('wrong-code limit', () => {
  it('allows five wrong codes per window, then asks to wait until the first falls out', () => {
    const l = new WrongCodes(5, 10 * 60_000);
    const t0 = new Date('2026-12-01T01:00:00Z');
    const at = (s: number) => new Date(t0.getTime() + s * 1000);
    expect([0, 10, 20, 30, 40].map((s) => l.fail('m', at(s)))).toEqual([4, 3, 2, 1, 0]);
    expect(l.retryAfter('m', at(41))).toBe(559);
    expect(l.retryAfter('other', at(41))).toBe(0);
    expect(l.retryAfter('m', at(599))).toBe(1);
    expect(l.retryAfter('m', at(600))).toBe(0); // the first failure has left the window: one more try
    expect(l.fail('m', at(600))).toBe(0);
    expect(l.retryAfter('m', at(601))).toBe(9); // until the failure at 10 s leaves
  });
});
