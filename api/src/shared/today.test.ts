import { describe, expect, it } from 'vitest';
import { chinaDayStart, chinaToday } from './today.js';

describe('today in China', () => {
  it('is already the next day at 07:59 China time (23:59 UTC the day before)', () => {
    const now = new Date('2026-12-06T23:59:00Z'); // 2026-12-07 07:59 in Beijing
    expect(chinaToday(now).toISOString()).toBe('2026-12-07T00:00:00.000Z');
    expect(chinaDayStart(now).toISOString()).toBe('2026-12-06T16:00:00.000Z');
  });

  it('is the same day as UTC from 08:00 China time', () => {
    const now = new Date('2026-12-07T00:00:00Z'); // 08:00 in Beijing
    expect(chinaToday(now).toISOString()).toBe('2026-12-07T00:00:00.000Z');
  });
});
