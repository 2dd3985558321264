import { describe, expect, it } from 'vitest';
import { crossesProvinces, lapsed, lastValidDay, validUntil } from './rules.js';

describe('transfer letter validity', () => {
  it('is 3 months within a province and 6 across, through the corresponding day', () => {
    expect(validUntil('2026-01-15', false)).toBe('2026-04-15');
    expect(validUntil('2026-01-15', true)).toBe('2026-07-15');
    expect(validUntil('2025-11-30', false)).toBe('2026-02-28'); // no 02-30: the month's last day
  });

  it('names a province the same with or without its suffix', () => {
    expect(crossesProvinces('北京', '北京市')).toBe(false);
    expect(crossesProvinces('广西壮族自治区', '广西')).toBe(false);
    expect(crossesProvinces('北京', '上海市')).toBe(true);
  });

  it('lapses the day after the last valid day', () => {
    expect(lapsed('2026-04-15', '2026-04-15')).toBe(false);
    expect(lapsed('2026-04-15', '2026-04-16')).toBe(true);
  });

  it('never lets a recorded validUntil outlast the window from the day of issue', () => {
    expect(lastValidDay({ issuedOn: '2026-01-15', validUntil: '2027-01-15', crossProvince: false })).toBe('2026-04-15');
    expect(lastValidDay({ issuedOn: '2026-01-15', validUntil: '2027-01-15', crossProvince: true })).toBe('2026-07-15');
    expect(lastValidDay({ issuedOn: '2026-01-15', validUntil: '2026-03-01', crossProvince: true })).toBe('2026-03-01'); // shorter stays
  });
});
