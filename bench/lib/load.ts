// One load run with autocannon: a fixed POST body at a given concurrency for a duration,
// latencies taken per response (sub-millisecond resolution) rather than autocannon's whole-ms
// histogram.
import autocannon from 'autocannon';
import { percentile } from './stats.js';

export interface LoadRun {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  /** Responses completed within the run (what requestsPerSecond counts), and the run's wall time. */
  responses?: number;
  seconds?: number;
}

/**
 * `rampSeconds` (default 0): the load runs that much longer, and the responses of its first
 * `rampSeconds` are not counted, so the figures are of a server whose queue has filled at this
 * concurrency (steady state) rather than of one starting empty; `onRampEnd` is called when the
 * counted part starts (to read CPU counters then).
 */
export async function load(opts: { url: string; body: string; headers: Record<string, string>; connections: number; seconds: number; rampSeconds?: number; onRampEnd?: () => void }): Promise<LoadRun> {
  const latencies: number[] = [];
  const ramp = opts.rampSeconds ?? 0;
  let counting = ramp === 0;
  const t0 = performance.now();
  let tCount = t0;
  const timer = ramp
    ? setTimeout(() => {
        counting = true;
        tCount = performance.now();
        opts.onRampEnd?.();
      }, ramp * 1000)
    : undefined;
  if (!ramp) opts.onRampEnd?.();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: opts.url, method: 'POST', headers: opts.headers, body: opts.body, connections: opts.connections, duration: ramp + opts.seconds, pipelining: 1 },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => {
      if (counting) latencies.push(ms);
    });
  }).finally(() => clearTimeout(timer));
  const elapsed = (performance.now() - tCount) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requestsPerSecond: latencies.length / elapsed,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    responses: latencies.length,
    seconds: elapsed,
  };
}
