// Calendar helpers in UTC. Date-only values are Dates at UTC midnight.
export const DAY_MS = 86_400_000;

/** The seed's "today": every generated event happens before it, whatever the wall clock says. */
export const BASE_DATE = new Date(Date.UTC(2026, 10, 1));

export function addDays(d: Date, n: number): Date {
  return new Date(d.getTime() + n * DAY_MS);
}

/** Adds calendar months, clamping the day (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(d: Date, n: number): Date {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + n;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), last), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()));
}

export function addYears(d: Date, n: number): Date {
  return addMonths(d, 12 * n);
}

export function daysBetween(a: Date, b: Date): number {
  return Math.round((b.getTime() - a.getTime()) / DAY_MS);
}

export function dateOnly(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

/** A time of day (Beijing office hours, 09:00–17:00 +08:00) on a date, with milliseconds. */
export function atOfficeHours(d: Date, minuteOfDay: number, ms = 0): Date {
  // 09:00 +08:00 is 01:00 UTC.
  return new Date(dateOnly(d).getTime() + (60 + minuteOfDay) * 60_000 + ms);
}

export function ymd(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function maxDate(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}
