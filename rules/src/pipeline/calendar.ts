// Working days for the public notice (公示不少于5个工作日). Saturdays and Sundays are rest days;
// public holidays and the weekend days that are worked in exchange (调休上班) are announced each
// year by the State Council, so they are data handed in, not rules written here. Without that
// data a notice that spans a holiday is over-counted: callers that know the official calendar
// must pass it (see RULES.md, "Working days").

import { addDays, assertIsoDate, daysBetween, isoWeekday, type IsoDate } from '../dates.js';

export interface WorkingDayCalendar {
  /** Weekday dates that are public holidays (rest days). */
  readonly holidays: ReadonlySet<IsoDate>;
  /** Saturday/Sunday dates that are working days (调休上班). */
  readonly workingWeekends: ReadonlySet<IsoDate>;
}

export const WEEKENDS_ONLY: WorkingDayCalendar = { holidays: new Set(), workingWeekends: new Set() };

export function makeCalendar(spec: { holidays?: readonly string[]; workingWeekends?: readonly string[] }): WorkingDayCalendar {
  const holidays = new Set((spec.holidays ?? []).map(assertIsoDate));
  const workingWeekends = new Set((spec.workingWeekends ?? []).map(assertIsoDate));
  for (const d of workingWeekends) {
    if (isoWeekday(d) < 6) throw new Error(`${d} is not a Saturday or Sunday, so it cannot be a working weekend day`);
    if (holidays.has(d)) throw new Error(`${d} is listed both as a holiday and as a working day`);
  }
  return { holidays, workingWeekends };
}

export function isWorkingDay(d: IsoDate, cal: WorkingDayCalendar = WEEKENDS_ONLY): boolean {
  if (cal.holidays.has(d)) return false;
  if (cal.workingWeekends.has(d)) return true;
  return isoWeekday(d) < 6;
}

/** Working days in the closed range [from, to]; 0 when `to` is before `from`. */
export function countWorkingDays(from: IsoDate, to: IsoDate, cal: WorkingDayCalendar = WEEKENDS_ONLY): number {
  const span = daysBetween(from, to);
  let n = 0;
  for (let i = 0; i <= span; i++) if (isWorkingDay(addDays(from, i), cal)) n++;
  return n;
}

/** The date on which a period starting on `from` (counted if it is a working day) reaches `n` working days. */
export function nthWorkingDay(from: IsoDate, n: number, cal: WorkingDayCalendar = WEEKENDS_ONLY): IsoDate {
  if (n < 1) throw new RangeError(`n must be at least 1, got ${n}`);
  let d = from;
  let seen = isWorkingDay(d, cal) ? 1 : 0;
  while (seen < n) {
    d = addDays(d, 1);
    if (isWorkingDay(d, cal)) seen++;
  }
  return d;
}
