// The working-day calendar the API counts public notices with. Holidays and 调休 working weekends
// are published yearly by the State Council; an operator supplies them as a JSON file
// ({"holidays": ["2026-10-01", …], "workingWeekends": ["2026-09-20", …]}) named by
// LIANJIAN_WORKDAY_CALENDAR. Without it only Saturdays and Sundays are rest days.
import { readFileSync } from 'node:fs';
import { makeCalendar, WEEKENDS_ONLY, type WorkingDayCalendar } from '@lianjian/rules/pipeline';

let cached: { file: string | undefined; calendar: WorkingDayCalendar } | undefined;

export function configuredCalendar(env: NodeJS.ProcessEnv = process.env): WorkingDayCalendar {
  const file = env.LIANJIAN_WORKDAY_CALENDAR || undefined;
  if (cached && cached.file === file) return cached.calendar;
  let calendar = WEEKENDS_ONLY;
  if (file) {
    let spec: { holidays?: string[]; workingWeekends?: string[] };
    try {
      spec = JSON.parse(readFileSync(file, 'utf8')) as typeof spec;
    } catch (err) {
      throw new Error(`LIANJIAN_WORKDAY_CALENDAR=${file}: cannot read the calendar (${(err as Error).message})`);
    }
    calendar = makeCalendar(spec);
  }
  cached = { file, calendar };
  return calendar;
}
