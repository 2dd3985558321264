// "Today" is the calendar day in China (Asia/Shanghai), everywhere in the API: before 08:00 China
// time the UTC date is still yesterday, and a birth or status date of today would be refused.
import { todayInChina } from '@lianjian/rules/dates';

/** Today in China as a Date at 00:00 UTC: the value Prisma stores in a `@db.Date` column. */
export function chinaToday(now: Date): Date {
  return new Date(`${todayInChina(now)}T00:00:00Z`);
}

/** The instant today began in China (00:00 +08:00), for windows counted per China day. */
export function chinaDayStart(now: Date): Date {
  return new Date(`${todayInChina(now)}T00:00:00+08:00`);
}
