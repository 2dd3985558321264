// The arrears scan on a schedule, in the API process: six consecutive unpaid months without a
// recorded reason raise a case (constitution art. 9: the system raises it, people decide), so it
// must not wait for someone to press a button. Every API replica runs the schedule; the scan
// itself serialises on an advisory lock (service.ts scanArrears), so replicas running it at the
// same moment raise each case once. Interval: ApiConfig.duesArrearsScanMs
// (LIANJIAN_DUES_ARREARS_SCAN_MS; 0 or unset in tests: off).
import type { PrismaClient } from '@lianjian/db';
import type { ApiConfig } from '../../shared/config.js';
import { startPeriodic, type Periodic, type PeriodicOptions } from '../../shared/periodic.js';
import { scanArrears } from './service.js';

/** runNow resolves to the number of cases raised or extended. */
export type ArrearsSchedule = Periodic<number>;

export interface ArrearsScheduleOptions extends PeriodicOptions {
  /**
   * Delay of the first scan (default: one interval). Not at start: a process started for a test or
   * a demo (web/test/stack.ts runs main.ts) must not raise cases on seeded data behind the tests'
   * backs; a replica living less than an interval leaves the scan to the others.
   */
  firstRunMs?: number;
  /** Told after each scan with the number of cases raised or extended. */
  onScan?: (changed: number) => void;
}

export function startArrearsSchedule(prisma: PrismaClient, config: Pick<ApiConfig, 'now'>, opts: ArrearsScheduleOptions): ArrearsSchedule {
  // One scan at a time per process; another process's scan waits on the database lock.
  return startPeriodic('the arrears scan', 'dues arrears scan failed', 0, async () => {
    const changed = (await scanArrears(prisma, config.now(), null)).length;
    opts.onScan?.(changed);
    return changed;
  }, opts);
}
