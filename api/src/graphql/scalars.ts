// Scalars: DateTime (RFC 3339, UTC, milliseconds), Date (calendar date, YYYY-MM-DD — the form
// record documents use, so shown fields compare equal to proven data) and JSON.
import { GraphQLError, Kind } from 'graphql';
import { builder } from './builder.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The UTC midnight of y-m-d, or null when that day does not exist (2026-02-30 would roll over to 2 March). */
function calendarDay(y: number, m: number, d: number): Date | null {
  const t = new Date(Date.UTC(2000, m - 1, d));
  t.setUTCFullYear(y); // Date.UTC reads years 0–99 as 1900–1999.
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d ? t : null;
}

export function parseDate(value: unknown): Date {
  const m = typeof value === 'string' ? DATE.exec(value) : null;
  const d = m ? calendarDay(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  if (!d) {
    throw new GraphQLError(`Date must be a calendar date written YYYY-MM-DD, got ${JSON.stringify(value)}.`, {
      extensions: { code: 'BAD_USER_INPUT', messageZh: `日期格式应为 YYYY-MM-DD，收到 ${JSON.stringify(value)}。` },
    });
  }
  return d;
}

export function formatDate(value: Date | string): string {
  return typeof value === 'string' ? value : value.toISOString().slice(0, 10);
}

builder.scalarType('Date', {
  description: 'A calendar date, YYYY-MM-DD (日期)',
  serialize: (v) => formatDate(v),
  parseValue: (v) => parseDate(v),
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

// RFC 3339: date, time (seconds optional, any fraction), and a zone (Z or ±HH:MM).
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;

export function parseDateTime(value: unknown): Date {
  const m = typeof value === 'string' ? DATE_TIME.exec(value) : null;
  let d: Date | null = null;
  if (m) {
    const [hh, mi, ss, oh, om] = [m[4], m[5], m[6] ?? '0', m[9] ?? '0', m[10] ?? '0'].map(Number) as [number, number, number, number, number];
    const day = calendarDay(Number(m[1]), Number(m[2]), Number(m[3]));
    // new Date() would also roll 2026-02-30 into March and 24:00 into the next day.
    if (day && hh <= 23 && mi <= 59 && ss <= 59 && oh <= 23 && om <= 59) {
      const offset = (m[8] === '-' ? -1 : 1) * (oh * 60 + om) * 60_000;
      const ms = Math.floor(Number(`0${m[7] ?? ''}`) * 1000);
      d = new Date(day.getTime() + ((hh * 60 + mi) * 60 + ss) * 1000 + ms - offset);
    }
  }
  if (!d || Number.isNaN(d.getTime())) {
    throw new GraphQLError(`DateTime must be an RFC 3339 time such as 2026-11-22T09:42:21.998Z, got ${JSON.stringify(value)}.`, {
      extensions: { code: 'BAD_USER_INPUT', messageZh: `时间格式应为 RFC 3339（如 2026-11-22T09:42:21.998Z），收到 ${JSON.stringify(value)}。` },
    });
  }
  return d;
}

builder.scalarType('DateTime', {
  description: 'A point in time, RFC 3339 in UTC with milliseconds (时间)',
  serialize: (v) => (typeof v === 'string' ? v : v.toISOString()),
  parseValue: (v) => parseDateTime(v),
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});

builder.scalarType('JSON', {
  description: 'Any JSON value',
  serialize: (v) => v,
  parseValue: (v) => v,
});
