// Reminders and their e-mail on a schedule, in the API process (as dues/arrears-scan.ts): every
// `intervalMs` reminders are generated (reminders/index.ts, under an advisory lock, so replicas
// take turns); when SMTP is configured, e-mails are queued and sent every minute (or every
// interval, if shorter), so a retry's backoff is not stretched to the reminder interval.
// Interval: ApiConfig.remindersMs (LIANJIAN_REMINDERS_MS; default 10 min; 0 or unset in tests: off).
import type { PrismaClient } from '@lianjian/db';
import type { ApiConfig } from '../../shared/config.js';
import { queueEmails, sendQueued } from './email/index.js';
import { generateReminders } from './reminders/index.js';

export interface InboxSchedule {
  /** Generates reminders now, then queues and sends e-mail (after any run in progress). */
  runNow(): Promise<void>;
  /** Stops the timers and waits for a run in progress. */
  stop(): Promise<void>;
}

export interface InboxScheduleOptions {
  intervalMs: number;
  /** Delay of the first run (default: one interval; start-api.ts starts it within seconds: reminders change no record). */
  firstRunMs?: number;
  onError?: (err: unknown) => void;
}

const EMAIL_EVERY_MS = 60_000;

export function startInboxSchedule(prisma: PrismaClient, config: Pick<ApiConfig, 'now' | 'smtp' | 'webUrl'>, opts: InboxScheduleOptions): InboxSchedule {
  if (!(Number.isFinite(opts.intervalMs) && opts.intervalMs > 0)) throw new RangeError(`the reminders interval must be a positive number of ms, not ${opts.intervalMs}`);
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  // Only counts and the message: an SMTP error can quote an address, which stays in the e-mail log.
  const onError = opts.onError ?? ((err: unknown) => process.stderr.write(`inbox reminders/e-mail run failed: ${err instanceof Error ? err.message.replace(/[^\s<>@]+@[^\s<>@]+/g, '<address>') : String(err)}\n`));

  const email = async () => {
    if (!config.smtp) return;
    await queueEmails(prisma, config.now(), config.webUrl);
    await sendQueued(prisma, config.smtp, config.now());
  };
  const chain = (job: () => Promise<unknown>): Promise<void> => {
    running = running.catch(() => undefined).then(async () => {
      await job();
    });
    return running;
  };
  const reminders = () => chain(async () => {
    await generateReminders(prisma, config.now());
    await email();
  });
  const every = (ms: number, first: number, job: () => Promise<void>) => {
    const tick = (delay: number) => {
      if (stopped) return;
      const t = setTimeout(() => {
        timers.delete(t);
        job().then(
          () => tick(ms),
          (err: unknown) => {
            onError(err);
            tick(ms);
          },
        );
      }, delay);
      t.unref();
      timers.add(t);
    };
    tick(first);
  };
  every(opts.intervalMs, opts.firstRunMs ?? opts.intervalMs, reminders);
  if (config.smtp) {
    const ms = Math.min(EMAIL_EVERY_MS, opts.intervalMs);
    every(ms, ms, () => chain(email));
  }
  return {
    runNow: reminders,
    async stop() {
      stopped = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      await running.catch(() => undefined);
    },
  };
}
