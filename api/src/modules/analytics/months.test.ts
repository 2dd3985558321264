// monthsOf counts months instead of comparing them as text: "10000-01-01" sorts before
// "9999-12-01", so a period in the year 9999 looped about a million times.
import { describe, expect, it } from 'vitest';
import { monthsOf } from './dashboard.js';

describe('monthsOf', () => {
  it('lists the month starts of a period, across years', () => {
    expect(monthsOf({ from: '2025-11-01', to: '2026-02-01' })).toEqual(['2025-11-01', '2025-12-01', '2026-01-01', '2026-02-01']);
    expect(monthsOf({ from: '2026-03-01', to: '2026-03-01' })).toEqual(['2026-03-01']);
    expect(monthsOf({ from: '2026-04-01', to: '2026-03-01' })).toEqual([]);
  });

  it('stops at the last month of year 9999', () => {
    expect(monthsOf({ from: '9999-11-01', to: '9999-12-01' })).toEqual(['9999-11-01', '9999-12-01']);
  });

  it('takes the whole range the API accepts, 1900–2100, in one count', () => {
    const all = monthsOf({ from: '1900-01-01', to: '2100-12-01' });
    expect(all).toHaveLength(201 * 12);
    expect(all.at(-1)).toBe('2100-12-01');
  });
});
