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
}

export async function load(opts: { url: string; body: string; headers: Record<string, string>; connections: number; seconds: number }): Promise<LoadRun> {
  const latencies: number[] = [];
  const t0 = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: opts.url, method: 'POST', headers: opts.headers, body: opts.body, connections: opts.connections, duration: opts.seconds, pipelining: 1 },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => latencies.push(ms));
  });
  const elapsed = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requestsPerSecond: latencies.length / elapsed,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}
