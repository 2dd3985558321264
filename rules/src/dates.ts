// Calendar dates as ISO 'YYYY-MM-DD' strings. The pipeline's rules are about days, never instants:
// a plain date cannot shift across a time zone, and ISO strings compare correctly as text.

export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export class InvalidDateError extends Error {
  constructor(readonly value: string) {
    super(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(value)}`);
    this.name = 'InvalidDateError';
  }
}

function parts(d: IsoDate): [number, number, number] {
  const m = ISO.exec(d);
  if (!m) throw new InvalidDateError(d);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const day = Number(m[3]);
  if (mo < 1 || mo > 12 || day < 1 || day > daysInMonth(y, mo)) throw new InvalidDateError(d);
  return [y, mo, day];
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function format(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function isIsoDate(d: string): boolean {
  try {
    parts(d);
    return true;
  } catch {
    return false;
  }
}

/** Throws InvalidDateError unless `d` is a real calendar date. */
export function assertIsoDate(d: string): IsoDate {
  parts(d);
  return d;
}

function toEpochDay(d: IsoDate): number {
  const [y, m, day] = parts(d);
  return Date.UTC(y, m - 1, day) / DAY_MS;
}

function fromEpochDay(n: number): IsoDate {
  const dt = new Date(n * DAY_MS);
  return format(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

export function addDays(d: IsoDate, n: number): IsoDate {
  return fromEpochDay(toEpochDay(d) + n);
}

/** b − a in days (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toEpochDay(b) - toEpochDay(a);
}

/**
 * The corresponding day `n` months later, or the month's last day when there is none: the rule
 * of 《民法典》第二百零二条 for periods counted in months and years. So one month after 01-31 is
 * 02-28/29, and a year after 02-29 is 02-28.
 */
export function addMonths(d: IsoDate, n: number): IsoDate {
  const [y, m, day] = parts(d);
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return format(ny, nm, Math.min(day, daysInMonth(ny, nm)));
}

export function addYears(d: IsoDate, n: number): IsoDate {
  return addMonths(d, 12 * n);
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function isoWeekday(d: IsoDate): number {
  const [y, m, day] = parts(d);
  const w = new Date(Date.UTC(y, m - 1, day)).getUTCDay();
  return w === 0 ? 7 : w;
}

export function maxDate(...ds: (IsoDate | undefined)[]): IsoDate | undefined {
  let best: IsoDate | undefined;
  for (const d of ds) if (d !== undefined && (best === undefined || d > best)) best = d;
  return best;
}

/** Today's date in China Standard Time, where the organisation keeps its calendar. */
export function todayInChina(now: Date = new Date()): IsoDate {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
}
