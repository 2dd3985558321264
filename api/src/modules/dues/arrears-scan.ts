// The arrears scan on a schedule, in the API process: six consecutive unpaid months without a
// recorded reason raise a case (constitution art. 9: the system raises it, people decide), so it
// must not wait for someone to press a button. Every API replica runs the schedule; the scan
// itself serialises on an advisory lock (service.ts scanArrears), so replicas running it at the
// same moment raise each case once. Interval: ApiConfig.duesArrearsScanMs
// (LIANJIAN_DUES_ARREARS_SCAN_MS; 0 or unset in tests: off).
import type { PrismaClient } from '@lianjian/db';
import type { ApiConfig } from '../../shared/config.js';
import { scanArrears } from './service.js';

export interface ArrearsSchedule {
  /** Runs a scan now (after any scan in progress); resolves to the number of cases raised or extended. */
  runNow(): Promise<number>;
  /** Stops the timer and waits for a scan in progress. */
  stop(): Promise<void>;
}

export interface ArrearsScheduleOptions {
  intervalMs: number;
  /**
   * Delay of the first scan (default: one interval). Not at start: a process started for a test or
   * a demo (web/test/stack.ts runs main.ts) must not raise cases on seeded data behind the tests'
   * backs; a replica living less than an interval leaves the scan to the others.
   */
  firstRunMs?: number;
  /** Where a failed scan is reported (default: stderr); the schedule keeps running. */
  onError?: (err: unknown) => void;
  /** Told after each scan with the number of cases raised or extended. */
  onScan?: (changed: number) => void;
}

export function startArrearsSchedule(prisma: PrismaClient, config: Pick<ApiConfig, 'now'>, opts: ArrearsScheduleOptions): ArrearsSchedule {
  if (!(Number.isFinite(opts.intervalMs) && opts.intervalMs > 0)) throw new RangeError(`the arrears scan interval must be a positive number of ms, not ${opts.intervalMs}`);
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let running: Promise<number> = Promise.resolve(0);
  const onError = opts.onError ?? ((err: unknown) => process.stderr.write(`dues arrears scan failed: ${err instanceof Error ? err.message : String(err)}\n`));

  const runNow = (): Promise<number> => {
    // One scan at a time per process; another process's scan waits on the database lock.
    // A failed scan was reported to its own caller; the next one runs regardless.
    running = running.catch(() => 0).then(async () => {
      const changed = (await scanArrears(prisma, config.now(), null)).length;
      opts.onScan?.(changed);
      return changed;
    });
    return running;
  };
  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      timer = null;
      runNow().then(
        () => schedule(opts.intervalMs),
        (err: unknown) => {
          onError(err);
          schedule(opts.intervalMs);
        },
      );
    }, ms);
    // The schedule never keeps a process alive that has nothing else to do.
    timer.unref();
  };
  schedule(opts.firstRunMs ?? opts.intervalMs);

  return {
    runNow,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running.catch(() => undefined);
    },
  };
}
