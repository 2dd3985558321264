import { describe, expect, it } from 'vitest';
import { countWorkingDays, isWorkingDay, makeCalendar, nthWorkingDay } from './calendar.js';

// 2024-09-30 is a Monday. Holiday data below is illustrative, not an official calendar.
describe('working days', () => {
  it('excludes Saturdays and Sundays', () => {
    expect(countWorkingDays('2024-09-02', '2024-09-06')).toBe(5); // Mon–Fri
    expect(countWorkingDays('2024-09-02', '2024-09-05')).toBe(4); // Mon–Thu
    expect(countWorkingDays('2024-09-04', '2024-09-10')).toBe(5); // Wed–Tue across a weekend
    expect(countWorkingDays('2024-09-04', '2024-09-09')).toBe(4); // Wed–Mon
    expect(countWorkingDays('2024-09-07', '2024-09-08')).toBe(0); // a weekend
    expect(countWorkingDays('2024-09-06', '2024-09-05')).toBe(0); // empty range
  });

  it('excludes holidays and counts weekend days worked in exchange (调休) when the calendar says so', () => {
    const cal = makeCalendar({ holidays: ['2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04', '2024-10-07'], workingWeekends: ['2024-10-12'] });
    expect(isWorkingDay('2024-10-01', cal)).toBe(false);
    expect(isWorkingDay('2024-10-12', cal)).toBe(true);
    expect(countWorkingDays('2024-09-30', '2024-10-11', cal)).toBe(5); // Mon 9-30, then 10-08..10-11
    expect(countWorkingDays('2024-09-30', '2024-10-11')).toBe(10); // weekends-only counting over-counts
    expect(countWorkingDays('2024-10-08', '2024-10-12', cal)).toBe(5); // Tue–Sat with the Saturday worked
  });

  it('finds the day a period reaches n working days', () => {
    expect(nthWorkingDay('2024-09-02', 5)).toBe('2024-09-06');
    expect(nthWorkingDay('2024-09-04', 5)).toBe('2024-09-10');
    expect(nthWorkingDay('2024-09-07', 1)).toBe('2024-09-09'); // starts on a Saturday
    const cal = makeCalendar({ holidays: ['2024-09-04'] });
    expect(nthWorkingDay('2024-09-02', 5, cal)).toBe('2024-09-09');
  });

  it('refuses an inconsistent calendar', () => {
    expect(() => makeCalendar({ workingWeekends: ['2024-09-04'] })).toThrow(/not a Saturday or Sunday/);
    expect(() => makeCalendar({ holidays: ['2024-09-07'], workingWeekends: ['2024-09-07'] })).toThrow(/both/);
    expect(() => makeCalendar({ holidays: ['2024-09-31'] })).toThrow(/not a calendar date/);
  });
});
