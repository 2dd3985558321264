// What every reminder source is: two set-based statements over the whole database — an INSERT …
// SELECT of what is due now (ON CONFLICT (key) DO NOTHING: an item is written once per occasion,
// however often generation runs) and an UPDATE that sets done_at on the open items whose thing is
// done or no longer due. Neither reads rows into the process, so a run costs the same few
// statements at a million members as at ten.
import type { InboxKind, Prisma } from '@lianjian/db';

export type Db = Prisma.TransactionClient;

export interface SourceResult {
  /** New items written. */
  created: number;
  /** Open items marked done. */
  done: number;
}

export interface ReminderSource {
  kind: InboxKind;
  run(db: Db, now: Date): Promise<SourceResult>;
}

/**
 * The day in China of `now` as a SQL expression's parameter: due dates are calendar days there.
 * Written as a literal date, so the same statement gives the same answer on any server's zone.
 */
export function chinaDay(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
