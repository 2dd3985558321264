// generateReminders: runs every source (one file each, most important first) in one transaction
// under an advisory lock, so API replicas running it at the same moment take turns instead of
// racing (their statements are idempotent anyway; the lock keeps them from doing the work twice
// at once). The pipeline's due items are brought up to date first (analytics/refresh.ts: only
// members whose history changed since the last refresh are recomputed).
import type { InboxKind, PrismaClient } from '@lianjian/db';
import { refreshDueItems } from '../../analytics/refresh.js';
import { appraisal } from './appraisal.js';
import { levelRequestsDecided, levelRequestsWaiting } from './level-requests.js';
import { meetings } from './meetings.js';
import { quizzes } from './quizzes.js';
import type { ReminderSource, SourceResult } from './source.js';
import { steps } from './steps.js';
import { tamper } from './tamper.js';
import { terms } from './terms.js';
import { transfers } from './transfers.js';
import { votesClosing, votesOpen } from './votes.js';

/** NOTICE_REMINDER items are written by the notices module when a notice reminds its readers. */
export const SOURCES: readonly ReminderSource[] = [
  steps,
  levelRequestsWaiting,
  levelRequestsDecided,
  meetings,
  terms,
  tamper,
  transfers,
  votesOpen,
  votesClosing,
  appraisal,
  quizzes,
];

const LOCK = 'lianjian:inbox-reminders';

export interface ReminderRun {
  /** Items written and items marked done, per kind. */
  counts: Partial<Record<InboxKind, SourceResult>>;
  created: number;
  done: number;
  /** Wall time of the whole run, the due-item refresh included. */
  ms: number;
  /** Of which the due-item refresh. */
  refreshMs: number;
}

export async function generateReminders(prisma: PrismaClient, now: Date, opts: { timeoutMs?: number } = {}): Promise<ReminderRun> {
  const t0 = performance.now();
  await refreshDueItems(prisma);
  const refreshMs = performance.now() - t0;
  const counts: ReminderRun['counts'] = {};
  await prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${LOCK}, 0))`;
      for (const source of SOURCES) {
        const r = await source.run(tx, now);
        const prev = counts[source.kind];
        counts[source.kind] = prev ? { created: prev.created + r.created, done: prev.done + r.done } : r;
      }
    },
    { timeout: opts.timeoutMs ?? 10 * 60_000, maxWait: 10 * 60_000 },
  );
  const all = Object.values(counts);
  return {
    counts,
    created: all.reduce((s, r) => s + r.created, 0),
    done: all.reduce((s, r) => s + r.done, 0),
    ms: performance.now() - t0,
    refreshMs,
  };
}
