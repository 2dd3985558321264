// Test-only crash points. LIANJIAN_FAULT names a point and what to do there, e.g.
// "after-broadcast:pause" (log the point, then hang until killed) or "before-broadcast:exit@2"
// (exit at once the second time the point is reached). Fault tests SIGKILL a real indexer
// process parked at a point and restart it. Without the variable every call is a no-op.
import type { Logger } from './log.js';

export const FAULT_POINTS = ['mid-proof-write', 'before-broadcast', 'after-broadcast'] as const;
export type FaultPoint = (typeof FAULT_POINTS)[number];

interface Fault {
  point: FaultPoint;
  action: 'pause' | 'exit';
  nth: number;
}

export function parseFault(spec: string | undefined): Fault | undefined {
  if (!spec) return undefined;
  const m = /^([a-z-]+)(?::(pause|exit))?(?:@(\d+))?$/.exec(spec.trim());
  if (!m || !(FAULT_POINTS as readonly string[]).includes(m[1]!)) {
    throw new Error(`LIANJIAN_FAULT="${spec}": expected <point>[:pause|exit][@n] with point one of ${FAULT_POINTS.join(', ')}`);
  }
  return { point: m[1] as FaultPoint, action: (m[2] as Fault['action']) ?? 'pause', nth: Number(m[3] ?? 1) };
}

export type FaultHook = (point: FaultPoint, context?: Record<string, unknown>) => Promise<void>;

export function createFaultHook(spec: string | undefined, log: Logger): FaultHook {
  const fault = parseFault(spec);
  if (!fault) return async () => {};
  let seen = 0;
  return async (point, context) => {
    if (point !== fault.point || ++seen !== fault.nth) return;
    log.warn('fault point reached', { fault: point, action: fault.action, ...context });
    if (fault.action === 'exit') process.exit(86);
    await new Promise<never>(() => {});
  };
}
