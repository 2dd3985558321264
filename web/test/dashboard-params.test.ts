import { describe, expect, it } from 'vitest';
import { unitsOffsetParam } from '../app/lib/analytics.server';

const req = (q: string) => new Request(`http://localhost/dashboard${q}`);

describe('unitsOffsetParam (which page of sub-units the dashboard shows)', () => {
  it('reads a whole number, 0 when absent or empty', () => {
    expect(unitsOffsetParam(req(''))).toBe(0);
    expect(unitsOffsetParam(req('?units='))).toBe(0);
    expect(unitsOffsetParam(req('?units=150'))).toBe(150);
  });

  it('answers anything else with a 400 that names the value in both languages', () => {
    for (const bad of ['-1', '1.5', 'abc', '99999999']) {
      let thrown: unknown;
      try {
        unitsOffsetParam(req(`?units=${bad}`));
      } catch (err) {
        thrown = err;
      }
      const e = thrown as { init: { status: number }; data: { code: string; message: string; messageZh: string } };
      expect(e.init.status).toBe(400);
      expect(e.data.code).toBe('BAD_USER_INPUT');
      expect(e.data.message).toContain(bad);
      expect(e.data.messageZh).toContain(bad);
    }
  });
});
