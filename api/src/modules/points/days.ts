// Points are counted per calendar day. Days travel as Dates at 00:00 UTC (what Prisma gives for a
// @db.Date column); "today" is the organisation's calendar day, in China Standard Time.
import { addDays, todayInChina } from '@lianjian/rules/dates';
import type { Context } from '../../shared/context.js';

export function dayOf(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}

export function isoOf(day: Date): string {
  return day.toISOString().slice(0, 10);
}

/** The UTC calendar day of an instant, as awardPoints has always counted event days. */
export function utcDay(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

export function today(ctx: Context): Date {
  return dayOf(todayInChina(ctx.config.now()));
}

export function shiftDays(day: Date, n: number): Date {
  return dayOf(addDays(isoOf(day), n));
}
