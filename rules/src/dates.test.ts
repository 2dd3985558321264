import { describe, expect, it } from 'vitest';
import { addDays, addMonths, addYears, daysBetween, InvalidDateError, isIsoDate, isoWeekday, todayInChina } from './dates.js';

describe('calendar dates', () => {
  it('adds months to the corresponding day, or the month end when there is none (民法典第二百零二条)', () => {
    expect(addMonths('2024-03-04', 1)).toBe('2024-04-04');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-08-31', 6)).toBe('2025-02-28');
    expect(addMonths('2024-11-15', 3)).toBe('2025-02-15');
    expect(addMonths('2025-02-15', -3)).toBe('2024-11-15');
  });

  it('adds years; 02-29 plus a year is 02-28', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2006-03-15', 18)).toBe('2024-03-15');
  });

  it('adds days and counts the days between dates across month, year and leap day', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-01-01', '2024-12-31')).toBe(-1);
  });

  it('knows the ISO weekday', () => {
    expect(isoWeekday('2024-03-04')).toBe(1);
    expect(isoWeekday('2024-03-09')).toBe(6);
    expect(isoWeekday('2024-03-10')).toBe(7);
  });

  it('rejects what is not a calendar date', () => {
    expect(isIsoDate('2024-02-30')).toBe(false);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-2-3')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(() => addDays('nope', 1)).toThrow(InvalidDateError);
  });

  it("takes today's date in China Standard Time", () => {
    expect(todayInChina(new Date('2026-11-21T15:59:59Z'))).toBe('2026-11-21');
    expect(todayInChina(new Date('2026-11-21T16:00:00Z'))).toBe('2026-11-22');
  });
});
