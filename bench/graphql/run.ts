// GraphQL read throughput: the Lianjian API (every row with its proof) beside PostGraphile 5.1.5
// (no proofs), over the same database, on this machine.
//
//   npm run bench:graphql -- [--members 100000] [--runs 3] [--seconds 10] [--warmup 5]
//                            [--concurrency 1,16,64] [--queries memberById,subtree100,memberSteps]
//                            [--cpu-prof DIR] [--only lianjian|postgraphile] [--name graphql]
//
// Both servers run as their own processes; only one is under load at a time, and their runs
// alternate (A B A B …) so a change in the machine's background load hits both alike. The
// Lianjian API is started as `npm start` starts it (scripts/lib/services.ts) in production mode,
// over a dataset whose records the indexer has anchored on a real chain node.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { freePort } from '@lianjian/db/postgres';
import pg from 'pg';
import { repoRoot } from '../../scripts/lib/chain-node.js';
import { httpOk, startService, type RunningService } from '../../scripts/lib/process.js';
import { clusterLabel, ensureSeeded, openCluster, type Cluster } from '../lib/cluster.js';
import { load, type LoadRun } from '../lib/load.js';
import { adminSession, ensureAnchored, logDir, POOL_SIZE, startChain, startLianjianApi } from '../lib/stack.js';
import { fmt, machine, spread, writeResult, type Spread } from '../lib/stats.js';
import { LIANJIAN, LIANJIAN_BARE, PEER_FUNCTION_SQL, pickTargets, POSTGRAPHILE, QUERY_LABELS, variables, type QueryName, type Targets } from './queries.js';

// Parsed in main only: other benchmarks import this module's functions with their own arguments.
const cli = () => parseArgs({
  options: {
    members: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '1,16,64' },
    queries: { type: 'string', default: 'memberById,subtree100,memberSteps' },
    'cpu-prof': { type: 'string' },
    only: { type: 'string' },
    name: { type: 'string', default: 'graphql' },
    'no-bare': { type: 'boolean', default: false },
  },
}).values;
const say = (s: string) => process.stdout.write(`${s}\n`);

type ServerName = 'lianjian' | 'postgraphile' | 'lianjianBare';
interface Server {
  name: ServerName;
  svc: RunningService;
  url: string;
  headers: Record<string, string>;
  queries: Record<QueryName, string>;
}

export async function startPostGraphile(url: string): Promise<RunningService & { url: string }> {
  const port = await freePort();
  const svc = await startService({
    name: 'postgraphile',
    command: process.execPath,
    args: ['--import', 'tsx', path.join(repoRoot, 'bench/graphql/postgraphile-server.ts')],
    cwd: repoRoot,
    env: { DATABASE_URL: url, PORT: String(port), POOL_SIZE: String(POOL_SIZE), NODE_ENV: 'production' },
    logFile: path.join(logDir, 'postgraphile.log'),
    ready: () => httpOk(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{__typename}"}' }),
    readyTimeoutMs: 120_000,
  });
  return { ...svc, url: `http://127.0.0.1:${port}/graphql` };
}

/** One request; the parsed data and the response's size on the wire (body bytes). */
async function post(server: Server, q: QueryName, t: Targets): Promise<{ data: unknown; bytes: number }> {
  const res = await fetch(server.url, { method: 'POST', headers: server.headers, body: JSON.stringify({ query: server.queries[q], variables: variables(q, t) }) });
  const text = await res.text();
  const body = JSON.parse(text) as { data?: unknown; errors?: unknown };
  if (!res.ok || body.errors || !body.data) throw new Error(`${server.name} ${q}: HTTP ${res.status} ${text.slice(0, 600)}`);
  return { data: body.data, bytes: Buffer.byteLength(text) };
}

/** Both servers answer each query with the same rows; Lianjian's carry anchored proofs. */
async function checkAnswers(servers: Server[], t: Targets): Promise<Record<QueryName, { rows: number; bytes: Record<string, number> }>> {
  const out = {} as Record<QueryName, { rows: number; bytes: Record<string, number> }>;
  for (const q of Object.keys(LIANJIAN) as QueryName[]) {
    const answers: Record<string, { ids: string[]; bytes: number; proofs: string[] }> = {};
    for (const s of servers) {
      const { data, bytes } = await post(s, q, t);
      const ids: string[] = [];
      const proofs: string[] = [];
      JSON.stringify(data, (k, v: unknown) => {
        if ((k === 'id' || k === 'rowId') && typeof v === 'string') ids.push(v);
        if (k === 'proof' && v && typeof v === 'object') proofs.push((v as { status: string }).status);
        return k === 'bundle' ? undefined : v;
      });
      answers[s.name] = { ids, bytes, proofs };
    }
    const [a, ...others] = Object.values(answers);
    for (const b of others) if (a!.ids.join() !== b.ids.join()) throw new Error(`${q}: the servers return different rows (${a!.ids.length} vs ${b.ids.length} ids)`);
    const lj = answers.lianjian;
    if (lj && (lj.proofs.length === 0 || lj.proofs.some((p) => p !== 'ANCHORED'))) throw new Error(`${q}: Lianjian proofs are not all ANCHORED: ${lj.proofs.join(',')}`);
    out[q] = { rows: new Set(a!.ids).size, bytes: Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, v.bytes])) };
  }
  return out;
}

export interface Cell {
  query: QueryName;
  connections: number;
  servers: Partial<Record<ServerName, { requestsPerSecond: Spread; p50Ms: Spread; p99Ms: Spread; non2xx: number; errors: number }>>;
  ratio?: number;
}

/**
 * Requests the load tool gave up on (timeouts) are still being worked off by the server; one
 * more request waits behind them, so the next run starts on an idle server.
 */
async function drain(s: Server, body: string): Promise<void> {
  await fetch(s.url, { method: 'POST', headers: s.headers, body, signal: AbortSignal.timeout(300_000) }).then((r) => r.arrayBuffer(), () => undefined);
}

export async function measure(servers: Server[], t: Targets, opts: { queries: QueryName[]; concurrency: number[]; runs: number; seconds: number; warmup: number }): Promise<Cell[]> {
  const body = (s: Server, q: QueryName) => JSON.stringify({ query: s.queries[q], variables: variables(q, t) });
  say(`warming up (${opts.warmup} s per server and query at 16 connections)…`);
  for (const s of servers) for (const q of opts.queries) await load({ url: s.url, headers: s.headers, body: body(s, q), connections: 16, seconds: opts.warmup });
  const cells: Cell[] = [];
  for (const q of opts.queries) {
    for (const c of opts.concurrency) {
      const runs: Record<string, LoadRun[]> = {};
      for (let r = 0; r < opts.runs; r++) {
        for (const s of r % 2 ? [...servers].reverse() : servers) {
          await load({ url: s.url, headers: s.headers, body: body(s, q), connections: c, seconds: 1 });
          (runs[s.name] ??= []).push(await load({ url: s.url, headers: s.headers, body: body(s, q), connections: c, seconds: opts.seconds }));
          await drain(s, body(s, q));
        }
      }
      const cell: Cell = { query: q, connections: c, servers: {} };
      for (const [name, rs] of Object.entries(runs)) {
        cell.servers[name as ServerName] = {
          requestsPerSecond: spread(rs.map((r) => r.requestsPerSecond)),
          p50Ms: spread(rs.map((r) => r.p50Ms)),
          p99Ms: spread(rs.map((r) => r.p99Ms)),
          non2xx: rs.reduce((n, r) => n + r.non2xx, 0),
          errors: rs.reduce((n, r) => n + r.errors, 0),
        };
      }
      const lj = cell.servers.lianjian?.requestsPerSecond.median;
      const pgl = cell.servers.postgraphile?.requestsPerSecond.median;
      if (lj !== undefined && pgl) cell.ratio = lj / pgl;
      cells.push(cell);
      say(
        `  ${q.padEnd(12)} c=${String(c).padEnd(3)} ` +
          Object.entries(cell.servers)
            .map(([n, v]) => `${n} ${fmt(v.requestsPerSecond.median)} req/s (${fmt(v.requestsPerSecond.min)}–${fmt(v.requestsPerSecond.max)}) p50 ${fmt(v.p50Ms.median, 1)} p99 ${fmt(v.p99Ms.median, 1)} ms${v.non2xx + v.errors ? ` ✗${v.non2xx + v.errors}` : ''}`)
            .join(' | ') +
          (cell.ratio ? ` → ratio ${cell.ratio.toFixed(2)}` : ''),
      );
    }
  }
  return cells;
}

/**
 * The geometric mean of the per-cell ratios; a cell where Lianjian completed nothing (every
 * request timed out) has ratio 0 and is counted apart, since a geometric mean cannot hold it.
 */
export function headline(cells: Cell[]) {
  const ratios = cells.map((c) => c.ratio).filter((r): r is number => r !== undefined);
  const positive = ratios.filter((r) => r > 0);
  if (!positive.length) return null;
  return { geomeanRatio: geomean(positive), minRatio: Math.min(...ratios), maxRatio: Math.max(...ratios), cells: ratios.length, zeroCells: ratios.length - positive.length };
}

export function geomean(xs: number[]): number {
  return Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);
}

/** Seeds, anchors and prepares a dataset; returns its URL, the chain node and the targets. */
export async function prepare(cluster: Cluster, members: number) {
  const { database, url } = await ensureSeeded(cluster, members, say);
  const chain = await startChain(cluster, database);
  const anchor = await ensureAnchored(cluster, database, chain, say);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(PEER_FUNCTION_SQL);
  const pgVersion = (await c.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!.v;
  await c.query('ANALYZE');
  await c.end();
  const targets = await pickTargets(url);
  return { database, url, chain, anchor, targets, pgVersion };
}

export async function startServers(url: string, chain: Awaited<ReturnType<typeof startChain>>, only: string | undefined, cpuProfDir?: string, bare = false): Promise<Server[]> {
  const servers: Server[] = [];
  if (only !== 'lianjian') {
    const p = await startPostGraphile(url);
    servers.push({ name: 'postgraphile', svc: p, url: p.url, headers: { 'content-type': 'application/json' }, queries: POSTGRAPHILE });
  }
  if (only !== 'postgraphile') {
    const token = await adminSession(url);
    const api = await startLianjianApi(url, chain, cpuProfDir ? { NODE_OPTIONS: `--import ${path.join(repoRoot, 'bench/lib/cpu-profile.mjs')}`, CPU_PROFILE_DIR: path.resolve(cpuProfDir) } : {});
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    servers.push({ name: 'lianjian', svc: api, url: api.url, headers, queries: LIANJIAN });
    // The same process asked the same reads without proof fields (not a separate server).
    if (bare) servers.push({ name: 'lianjianBare', svc: api, url: api.url, headers, queries: LIANJIAN_BARE });
  }
  return servers;
}

async function main() {
  const args = cli();
  const members = Number(args.members);
  const cluster = await openCluster();
  const prep = await prepare(cluster, members);
  const { targets: t } = prep;
  say(`targets: member ${t.memberId}; unit ${t.unitName} (${fmt(t.unitMembers)} members in its subtree); member ${t.stepsMemberId} with ${t.steps} development steps`);
  const servers = await startServers(prep.url, prep.chain, args.only, args['cpu-prof'], !args['no-bare'] && args.only !== 'postgraphile');
  try {
    const answers = await checkAnswers(servers, t);
    for (const [q, a] of Object.entries(answers)) say(`  ${q}: ${a.rows} rows; response bytes ${Object.entries(a.bytes).map(([k, v]) => `${k} ${fmt(v)}`).join(', ')}`);
    const opts = {
      queries: args.queries!.split(',') as QueryName[],
      concurrency: args.concurrency!.split(',').map(Number),
      runs: Number(args.runs),
      seconds: Number(args.seconds),
      warmup: Number(args.warmup),
    };
    const m0 = machine();
    const cells = await measure(servers, t, opts);
    await checkAnswers(servers, t);
    const result = {
      machine: { ...machine({ postgres: prep.pgVersion }), loadavgAtStart: m0.loadavg },
      dataset: { database: prep.database, members, anchor: prep.anchor, cluster: clusterLabel(cluster) },
      targets: t,
      answers,
      settings: { ...opts, poolSize: POOL_SIZE, postgraphile: '5.1.5', queryLabels: QUERY_LABELS },
      cells,
      headline: headline(cells),
    };
    const file = writeResult(args.name!, result);
    if (result.headline) say(`Lianjian / PostGraphile req/s: geometric mean ${result.headline.geomeanRatio.toFixed(2)} (min ${result.headline.minRatio.toFixed(2)}, max ${result.headline.maxRatio.toFixed(2)})`);
    say(`results: ${path.relative(repoRoot, file)}`);
  } finally {
    for (const svc of new Set(servers.map((s) => s.svc))) await svc.stop();
    await prep.chain.stop();
    await cluster.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      process.stderr.write(`bench:graphql failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    },
  );
}
