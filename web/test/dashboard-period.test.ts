// The dashboard's period from a plain link (?from=…&to=…): a month out of range or a period too
// long is answered with a 400 naming the problem in both languages, before the API is asked
// (?from=9999-12&to=9999-12 stalled the API for seconds).
import { describe, expect, it } from 'vitest';
import { periodParams } from '../app/lib/analytics.server';
import { monthsBetween } from '../app/lib/analytics';

const req = (q: string) => new Request(`http://localhost/dashboard${q}`);
const NOW = Date.parse('2026-06-15T04:00:00Z');

function refusal(q: string): { status: number; code: string; message: string; messageZh: string } {
  try {
    periodParams(req(q), NOW);
  } catch (err) {
    const e = err as { init: { status: number }; data: { code: string; message: string; messageZh: string } };
    return { status: e.init.status, ...e.data };
  }
  throw new Error(`${q} was accepted`);
}

describe('periodParams (the dashboard period in the URL)', () => {
  it('reads months within 1900-01 to 2100-12', () => {
    expect(periodParams(req(''), NOW)).toEqual({ from: null, to: null });
    expect(periodParams(req('?from=2026-01&to=2026-06'), NOW)).toEqual({ from: '2026-01', to: '2026-06' });
    expect(periodParams(req('?from=2060-01&to=2100-12'), NOW)).toEqual({ from: '2060-01', to: '2100-12' });
    expect(periodParams(req('?from=1980-01'), NOW)).toEqual({ from: '1980-01', to: null });
  });

  it('refuses months out of range with a 400 naming the value in both languages', () => {
    for (const q of ['?from=9999-12&to=9999-12', '?to=9999-12', '?from=0000-01', '?from=1899-12&to=1900-06', '?from=2100-12&to=2101-01']) {
      const r = refusal(q);
      expect(r.status, q).toBe(400);
      expect(r.code, q).toBe('BAD_USER_INPUT');
      expect(r.message, q).toMatch(/outside the months the dashboard covers, 1900-01 to 2100-12/);
      expect(r.messageZh, q).toContain('1900-01 至 2100-12');
    }
  });

  it('refuses a period longer than 50 years, also when it runs to this month', () => {
    expect(refusal('?from=1900-01&to=2100-12').message).toContain('longer than 50 years');
    expect(refusal('?from=1950-01').messageZh).toContain('超过 50 年');
    expect(periodParams(req('?from=1976-07'), NOW).from).toBe('1976-07');
  });

  it('still refuses malformed and reversed months', () => {
    expect(refusal('?from=2026-13').message).toContain('is not a month');
    expect(refusal('?from=2026-06&to=2026-01').message).toContain('after the last one');
  });

  it('lists every month of the longest period', () => {
    const months = monthsBetween('1976-07', '2026-06');
    expect(months).toHaveLength(600);
    expect(months.at(-1)).toBe('2026-06');
  });
});
