// Postgres transactions per GraphQL request, per server and query: how many round trips a read
// costs, which on a busy machine each wait for a backend to be scheduled.
//
//   LIANJIAN_BENCH_PG=… node scripts/run-ts.mjs bench/graphql/xacts.ts [--members 100000] [--requests 50]
//
// Counts `pg_stat_database.xact_commit + xact_rollback` of the benchmark database around N
// sequential requests (each statement outside a transaction block counts as one). Backends
// publish their counters when idle, at least every 10 s, so each count waits that long; the
// count of an idle interval of the same length is subtracted (the servers' own background reads).
import { parseArgs } from 'node:util';
import pg from 'pg';
import { sleep } from '../../scripts/lib/process.js';
import { ensureSeeded, openCluster } from '../lib/cluster.js';
import { startChain } from '../lib/stack.js';
import { pickTargets, variables, type QueryName } from './queries.js';
import { startServers } from './run.js';

const { values } = parseArgs({ options: { members: { type: 'string', default: '100000' }, requests: { type: 'string', default: '50' }, only: { type: 'string' } } });
const say = (s: string) => process.stdout.write(`${s}\n`);
const N = Number(values.requests);
const SETTLE_MS = 11_000;

const cluster = await openCluster();
const { database, url } = await ensureSeeded(cluster, Number(values.members), say);
const chain = await startChain(cluster, database);
const stat = new pg.Client({ connectionString: url });
await stat.connect();
const count = async () =>
  Number((await stat.query<{ n: string }>('SELECT (xact_commit + xact_rollback)::text AS n FROM pg_stat_database WHERE datname = current_database()')).rows[0]!.n);
const settled = async () => {
  await sleep(SETTLE_MS);
  return count();
};

try {
  const t = await pickTargets(url);
  const servers = (await startServers(url, chain, values.only)).filter((s) => s.name !== 'lianjianBare');
  try {
    // Our own SELECT on `stat` is one transaction per count.
    const a = await settled();
    const idle = (await settled()) - a - 1;
    say(`idle: ${idle} transactions in ${SETTLE_MS / 1000} s`);
    for (const s of servers) {
      for (const q of ['memberById', 'subtree100', 'memberSteps'] as QueryName[]) {
        const body = JSON.stringify({ query: s.queries[q], variables: variables(q, t) });
        // One request first: caches (the latest anchored batch) and the session touch settle.
        await fetch(s.url, { method: 'POST', headers: s.headers, body }).then((r) => r.arrayBuffer());
        const before = await settled();
        const t0 = Date.now();
        for (let i = 0; i < N; i++) {
          const r = await fetch(s.url, { method: 'POST', headers: s.headers, body });
          const j = (await r.json()) as { errors?: unknown };
          if (!r.ok || j.errors) throw new Error(`${s.name} ${q}: ${JSON.stringify(j).slice(0, 300)}`);
        }
        const ms = Date.now() - t0;
        const after = await settled();
        const n = after - before - 1 - idle;
        say(`${s.name.padEnd(12)} ${q.padEnd(12)} ${(n / N).toFixed(2)} transactions/request (${n} in ${N} requests, ${(ms / N).toFixed(1)} ms/request sequential)`);
      }
    }
  } finally {
    for (const svc of new Set(servers.map((s) => s.svc))) await svc.stop();
  }
} finally {
  await stat.end();
  await chain.stop();
  await cluster.stop();
}
