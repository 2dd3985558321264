// GraphQL read throughput: the Lianjian API (every row with its proof) beside PostGraphile 5.1.5
// (no proofs), over the same database, on this machine.
//
//   npm run bench:graphql -- [--members 100000] [--runs 3] [--seconds 5] [--warmup 3]
//                            [--concurrency 1,16,64] [--queries memberById,subtree100,memberSteps]
//                            [--cpu-prof DIR] [--only lianjian|postgraphile] [--name graphql]
//                            [--no-bare] [--no-set] [--api-env KEY=VALUE,…]
//
// Both servers run as their own processes; only one is under load at a time, and their runs
// alternate (A B A B …) so a change in the machine's background load hits both alike. The
// Lianjian API is started as `npm start` starts it (scripts/lib/services.ts) in production mode,
// over a dataset whose records the indexer has anchored on a real chain node.
//
// Lianjian is asked each read three ways from the same process: with proof set v2 (`proof
// { status ref }` and `extensions.proofSet`), with v1 bundles on every object, and without
// proofs; the headline takes the proof format with the higher geometric mean (chooseHeadline). Per cell one response of each proof-carrying variant is verified with
// @lianjian/verify against the chain node (verify.ts), and the CPU each server spends per request
// is read from /proc for its Node process and for the Postgres backends of the database (cpu.ts).
import { loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { freePort } from '@lianjian/db/postgres';
import pg from 'pg';
import { repoRoot } from '../../scripts/lib/chain-node.js';
import { httpOk, startService, type RunningService } from '../../scripts/lib/process.js';
import { clusterLabel, ensureSeeded, openCluster, type Cluster } from '../lib/cluster.js';
import { load, type LoadRun } from '../lib/load.js';
import { adminSession, ensureAnchored, logDir, POOL_SIZE, startChain, startLianjianApi } from '../lib/stack.js';
import { fmt, machine, median, spread, writeResult, type Spread } from '../lib/stats.js';
import { BackendCpu, type CpuSample } from './cpu.js';
import { LIANJIAN, LIANJIAN_BARE, LIANJIAN_SET, PEER_FUNCTION_SQL, pickTargets, POSTGRAPHILE, QUERY_LABELS, variables, type QueryName, type Targets } from './queries.js';
import { benchChainChecker, verifyResponse, type ProofFormat, type ResponseCheck } from './verify.js';
import type { ChainChecker } from '@lianjian/verify';

// Parsed in main only: other benchmarks import this module's functions with their own arguments.
const cli = () => parseArgs({
  options: {
    members: { type: 'string', default: '100000' },
    // 4 variants × 9 cells × 3 runs × (2 s ramp + 5 s + drain): about 15 min at 100k with the
    // warm-up and the per-cell verification (`--runs 2`: 10 min; 3 variants × 10 s runs took 15).
    runs: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '1,16,64' },
    queries: { type: 'string', default: 'memberById,subtree100,memberSteps' },
    'cpu-prof': { type: 'string' },
    only: { type: 'string' },
    name: { type: 'string', default: 'graphql' },
    'no-bare': { type: 'boolean', default: false },
    'no-set': { type: 'boolean', default: false },
    // Extra environment for the API process, e.g. LIANJIAN_COMPILED_READS=0 (Apollo only).
    'api-env': { type: 'string' },
  },
}).values;
const say = (s: string) => process.stdout.write(`${s}\n`);

type ServerName = 'lianjian' | 'postgraphile' | 'lianjianBare' | 'lianjianSet';
/** The variants that carry proofs (complete, and verified per cell), in the order a tie is decided. */
const PROOF_FORMAT: Partial<Record<ServerName, ProofFormat>> = { lianjian: 'bundle', lianjianSet: 'proofSet' };
const HEADLINE_ORDER: ServerName[] = ['lianjianSet', 'lianjian'];
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

/** One request; the parsed data and extensions, and the response's size on the wire (body bytes). */
async function post(server: Server, q: QueryName, t: Targets): Promise<{ data: unknown; extensions?: Record<string, unknown>; bytes: number }> {
  const res = await fetch(server.url, { method: 'POST', headers: server.headers, body: JSON.stringify({ query: server.queries[q], variables: variables(q, t) }) });
  const text = await res.text();
  const body = JSON.parse(text) as { data?: unknown; errors?: unknown; extensions?: Record<string, unknown> };
  if (!res.ok || body.errors || !body.data) throw new Error(`${server.name} ${q}: HTTP ${res.status} ${text.slice(0, 600)}`);
  return { data: body.data, ...(body.extensions ? { extensions: body.extensions } : {}), bytes: Buffer.byteLength(text) };
}

/** One response of a proof-carrying variant, verified completely (verify.ts); throws if it does not. */
export async function verifyOne(server: Server, q: QueryName, t: Targets, chain: ChainChecker): Promise<ResponseCheck | null> {
  const format = PROOF_FORMAT[server.name];
  if (!format) return null;
  const { data, extensions } = await post(server, q, t);
  try {
    return await verifyResponse(format, data, extensions, chain);
  } catch (error) {
    throw new Error(`${server.name} ${q}: the response's proofs do not verify — ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
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
    for (const name of ['lianjian', 'lianjianSet'] as const) {
      const lj = answers[name];
      if (lj && (lj.proofs.length === 0 || lj.proofs.some((p) => p !== 'ANCHORED'))) throw new Error(`${q}: ${name} proofs are not all ANCHORED: ${lj.proofs.join(',')}`);
    }
    out[q] = { rows: new Set(a!.ids).size, bytes: Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, v.bytes])) };
  }
  return out;
}

/** CPU per request served in a run, in ms, from /proc (cpu.ts); null where it could not be read. */
export interface CpuPerRequest {
  nodeMs: Spread | null;
  postgresMs: Spread | null;
  /** The load generator in the benchmark's own process: it shares the 2 cores with the servers. */
  clientMs: Spread | null;
}

export interface Cell {
  query: QueryName;
  connections: number;
  servers: Partial<Record<ServerName, { requestsPerSecond: Spread; p50Ms: Spread; p99Ms: Spread; non2xx: number; errors: number; cpu?: CpuPerRequest; load1?: Spread }>>;
  /** The headline ratio of this cell: `ratioOf` (with proofs) req/s ÷ PostGraphile req/s, medians. */
  ratio?: number;
  ratioOf?: ServerName;
  /** Every Lianjian variant's req/s ÷ PostGraphile's (medians). */
  ratios?: Partial<Record<ServerName, number>>;
  /** The response verified for this cell, per proof-carrying variant. */
  verified?: Partial<Record<ServerName, ResponseCheck>>;
}

/**
 * Requests the load tool gave up on (timeouts) are still being worked off by the server; one
 * more request waits behind them, so the next run starts on an idle server.
 */
async function drain(s: Server, body: string): Promise<void> {
  await fetch(s.url, { method: 'POST', headers: s.headers, body, signal: AbortSignal.timeout(300_000) }).then((r) => r.arrayBuffer(), () => undefined);
}

/** Seconds of each run's load that are not counted (load.ts rampSeconds). */
const RAMP_SECONDS = 2;

export async function measure(
  servers: Server[],
  t: Targets,
  opts: { queries: QueryName[]; concurrency: number[]; runs: number; seconds: number; warmup: number; cpu?: BackendCpu; chain?: ChainChecker },
): Promise<Cell[]> {
  const body = (s: Server, q: QueryName) => JSON.stringify({ query: s.queries[q], variables: variables(q, t) });
  say(`warming up (${opts.warmup} s per server and query at 16 connections)…`);
  for (const s of servers) for (const q of opts.queries) await load({ url: s.url, headers: s.headers, body: body(s, q), connections: 16, seconds: opts.warmup });
  const cells: Cell[] = [];
  for (const q of opts.queries) {
    for (const c of opts.concurrency) {
      const cell: Cell = { query: q, connections: c, servers: {} };
      // One response of each proof-carrying variant, verified before the cell is measured: a run
      // whose proofs do not verify is not a run "with proofs" and stops here.
      if (opts.chain) {
        for (const s of servers) {
          const v = await verifyOne(s, q, t, opts.chain);
          if (v) (cell.verified ??= {})[s.name] = v;
        }
      }
      type Run = LoadRun & { cpu?: CpuSample; load1: number };
      const runs: Record<string, Run[]> = {};
      for (let r = 0; r < opts.runs; r++) {
        for (const s of r % 2 ? [...servers].reverse() : servers) {
          // One load of RAMP + seconds, counted (responses and CPU) from RAMP on: the server's
          // queue has filled at this concurrency by then, so a run measures the steady state. A
          // separate warm-up run before it left the counted run either an empty server (its first
          // responses a whole latency late) or the warm-up's abandoned backlog; at c = 64 under
          // load 17 either made 5 s runs count no response at all.
          const load1 = loadavg()[0]!;
          let probe: Promise<{ stop: () => Promise<CpuSample> }> | undefined;
          const result = await load({
            url: s.url,
            headers: s.headers,
            body: body(s, q),
            connections: c,
            seconds: opts.seconds,
            rampSeconds: RAMP_SECONDS,
            onRampEnd: () => {
              probe = opts.cpu?.start(s.svc.child.pid);
            },
          });
          const cpu = probe ? await (await probe).stop() : undefined;
          (runs[s.name] ??= []).push({ ...result, ...(cpu ? { cpu } : {}), load1 });
          await drain(s, body(s, q));
        }
      }
      for (const [name, rs] of Object.entries(runs)) {
        // Per response completed in the run; a run that completed none has no such figure.
        const perRequest = (pick: (r: Run) => number | null | undefined) => {
          const xs = rs.flatMap((r) => {
            const cpu = pick(r);
            const served = r.responses ?? r.requests;
            return typeof cpu === 'number' && served > 0 ? [(cpu * 1000) / served] : [];
          });
          return xs.length ? spread(xs) : null;
        };
        cell.servers[name as ServerName] = {
          requestsPerSecond: spread(rs.map((r) => r.requestsPerSecond)),
          p50Ms: spread(rs.map((r) => r.p50Ms)),
          p99Ms: spread(rs.map((r) => r.p99Ms)),
          non2xx: rs.reduce((n, r) => n + r.non2xx, 0),
          errors: rs.reduce((n, r) => n + r.errors, 0),
          load1: spread(rs.map((r) => r.load1)),
          ...(opts.cpu ? { cpu: { nodeMs: perRequest((r) => r.cpu?.nodeS), postgresMs: perRequest((r) => r.cpu?.postgresS), clientMs: perRequest((r) => r.cpu?.clientS) } } : {}),
        };
      }
      const pgl = cell.servers.postgraphile?.requestsPerSecond.median;
      if (pgl) {
        for (const name of ['lianjianSet', 'lianjian', 'lianjianBare'] as const) {
          const lj = cell.servers[name]?.requestsPerSecond.median;
          if (lj !== undefined) (cell.ratios ??= {})[name] = lj / pgl;
        }
        const of = HEADLINE_ORDER.find((n) => cell.ratios?.[n] !== undefined);
        if (of) {
          cell.ratio = cell.ratios![of];
          cell.ratioOf = of;
        }
      }
      cells.push(cell);
      const cpu = (v: NonNullable<Cell['servers'][ServerName]>) =>
        v.cpu ? ` cpu/req node ${fmt(v.cpu.nodeMs?.median ?? NaN, 2)} pg ${fmt(v.cpu.postgresMs?.median ?? NaN, 2)} ms` : '';
      say(
        `  ${q.padEnd(12)} c=${String(c).padEnd(3)} load ${fmt(loadavg()[0]!, 1)} ` +
          Object.entries(cell.servers)
            .map(([n, v]) => `${n} ${fmt(v.requestsPerSecond.median)} req/s (${fmt(v.requestsPerSecond.min)}–${fmt(v.requestsPerSecond.max)}) p50 ${fmt(v.p50Ms.median, 1)} p99 ${fmt(v.p99Ms.median, 1)} ms${cpu(v)}${v.non2xx + v.errors ? ` ✗${v.non2xx + v.errors}` : ''}`)
            .join(' | ') +
          (cell.ratio ? ` → ratio ${cell.ratio.toFixed(2)} (${cell.ratioOf})` : '') +
          (cell.verified ? `; verified ${Object.entries(cell.verified).map(([n, v]) => `${n} ${v.records} records/${v.batches} batches, ${v.chainQueries} chain queries, ${fmt(v.ms)} ms`).join(', ')}` : ''),
      );
    }
  }
  return cells;
}

/**
 * "Lianjian with proofs" for the headline: of the proof-carrying variants measured in every cell
 * (proof set v2, v1 bundles — both complete proofs, each verified per cell), the one whose
 * geometric mean of per-cell ratios is higher; one format for all nine cells, never the better
 * of the two per cell (which would pick the noise). Sets each cell's `ratio` and `ratioOf`.
 */
export function chooseHeadline(cells: Cell[]): ServerName | null {
  let best: { name: ServerName; g: number } | null = null;
  for (const name of HEADLINE_ORDER) {
    const rs = cells.map((c) => c.ratios?.[name]);
    if (!rs.length || rs.some((r) => r === undefined)) continue;
    const positive = (rs as number[]).filter((r) => r > 0);
    const g = positive.length ? geomean(positive) * (positive.length / rs.length) : 0;
    if (!best || g > best.g) best = { name, g };
  }
  if (!best) return null;
  for (const c of cells) {
    c.ratio = c.ratios![best.name];
    c.ratioOf = best.name;
  }
  return best.name;
}

/**
 * The geometric mean of the per-cell ratios; a cell where Lianjian completed nothing (every
 * request timed out) has ratio 0 and is counted apart, since a geometric mean cannot hold it.
 */
export function headline(cells: Cell[]) {
  const ratios = cells.map((c) => c.ratio).filter((r): r is number => r !== undefined);
  const positive = ratios.filter((r) => r > 0);
  if (!positive.length) return null;
  // The same figure for every variant measured (proof set v2, v1 bundles, no proofs).
  const byVariant: Partial<Record<ServerName, number>> = {};
  for (const name of ['lianjianSet', 'lianjian', 'lianjianBare'] as const) {
    const rs = cells.map((c) => c.ratios?.[name]).filter((r): r is number => r !== undefined && r > 0);
    if (rs.length) byVariant[name] = geomean(rs);
  }
  const of = [...new Set(cells.map((c) => c.ratioOf).filter(Boolean))];
  return {
    geomeanRatio: geomean(positive),
    minRatio: Math.min(...ratios),
    maxRatio: Math.max(...ratios),
    cells: ratios.length,
    zeroCells: ratios.length - positive.length,
    method: 'geometric mean over the cells of (Lianjian with proofs req/s ÷ PostGraphile req/s), each the median of the runs',
    ...(of.length ? { variant: of.join(',') } : {}),
    byVariant,
  };
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

export async function startServers(
  url: string,
  chain: Awaited<ReturnType<typeof startChain>>,
  only: string | undefined,
  cpuProfDir?: string,
  bare = false,
  proofSet = false,
  apiEnv: Record<string, string> = {},
): Promise<Server[]> {
  const servers: Server[] = [];
  if (only !== 'lianjian') {
    const p = await startPostGraphile(url);
    servers.push({ name: 'postgraphile', svc: p, url: p.url, headers: { 'content-type': 'application/json' }, queries: POSTGRAPHILE });
  }
  if (only !== 'postgraphile') {
    const token = await adminSession(url);
    const api = await startLianjianApi(url, chain, { ...apiEnv, ...(cpuProfDir ? { NODE_OPTIONS: `--import ${path.join(repoRoot, 'bench/lib/cpu-profile.mjs')}`, CPU_PROFILE_DIR: path.resolve(cpuProfDir) } : {}) });
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    servers.push({ name: 'lianjian', svc: api, url: api.url, headers, queries: LIANJIAN });
    // …and with proof set v2 instead of v1 bundles (the same process too).
    if (proofSet) servers.push({ name: 'lianjianSet', svc: api, url: api.url, headers, queries: LIANJIAN_SET });
    // The same process asked the same reads without proof fields (not a separate server).
    if (bare) servers.push({ name: 'lianjianBare', svc: api, url: api.url, headers, queries: LIANJIAN_BARE });
  }
  return servers;
}

/** The table the notes quote: ratios, CPU per request (Node | Postgres) and load, per cell. */
function summary(cells: Cell[], answers: Record<string, { bytes: Record<string, number> }>): void {
  const names = [...new Set(cells.flatMap((c) => Object.keys(c.servers)))] as ServerName[];
  say('');
  say('per cell: load1 (median over every run of the cell); per server: req/s · ratio to PostGraphile · CPU ms per request node|postgres');
  say('cell              load1  ' + names.map((n) => n.padEnd(30)).join(''));
  for (const c of cells) {
    const load1 = median(Object.values(c.servers).flatMap((v) => v.load1?.runs ?? []));
    say(
      `${c.query.padEnd(12)} c=${String(c.connections).padEnd(3)}${fmt(load1, 1).padStart(5)}  ` +
        names
          .map((n) => {
            const v = c.servers[n];
            if (!v) return '—'.padEnd(30);
            const r = n === 'postgraphile' ? '1' : c.ratios?.[n]?.toFixed(2) ?? '—';
            return `${fmt(v.requestsPerSecond.median)} · ${r} · ${fmt(v.cpu?.nodeMs?.median ?? NaN, 2)}|${fmt(v.cpu?.postgresMs?.median ?? NaN, 2)}`.padEnd(30);
          })
          .join(''),
    );
  }
  say(`response bytes: ${Object.entries(answers).map(([q, a]) => `${q} ${Object.entries(a.bytes).map(([k, v]) => `${k} ${fmt(v)}`).join(' / ')}`).join('; ')}`);
}

async function main() {
  const args = cli();
  const members = Number(args.members);
  const cluster = await openCluster();
  const prep = await prepare(cluster, members);
  const { targets: t } = prep;
  say(`targets: member ${t.memberId}; unit ${t.unitName} (${fmt(t.unitMembers)} members in its subtree); member ${t.stepsMemberId} with ${t.steps} development steps`);
  const t0 = Date.now();
  const apiEnv = Object.fromEntries((args['api-env'] ?? '').split(',').filter(Boolean).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
  const servers = await startServers(prep.url, prep.chain, args.only, args['cpu-prof'], !args['no-bare'] && args.only !== 'postgraphile', !args['no-set'] && args.only !== 'postgraphile', apiEnv);
  const cpu = new BackendCpu(prep.url);
  let cpuOpen = false;
  try {
    await cpu.open();
    cpuOpen = true;
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
    const chain = benchChainChecker(prep.chain.rpcUrl, prep.chain.trustRootFile);
    const cells = await measure(servers, t, { ...opts, cpu, chain });
    chooseHeadline(cells);
    await checkAnswers(servers, t);
    const result = {
      machine: { ...machine({ postgres: prep.pgVersion }), loadavgAtStart: m0.loadavg },
      dataset: { database: prep.database, members, anchor: prep.anchor, cluster: clusterLabel(cluster) },
      targets: t,
      answers,
      settings: { ...opts, rampSeconds: RAMP_SECONDS, poolSize: POOL_SIZE, postgraphile: '5.1.5', queryLabels: QUERY_LABELS, apiEnv },
      cells,
      headline: headline(cells),
      wallSeconds: (Date.now() - t0) / 1000,
    };
    const file = writeResult(args.name!, result);
    summary(cells, answers);
    const h = result.headline;
    if (h) {
      say(
        `HEADLINE Lianjian with proofs (${h.variant ?? 'lianjian'}) / PostGraphile without, req/s: ${h.geomeanRatio.toFixed(2)} — geometric mean of the ${h.cells} per-cell ratios of medians (min ${h.minRatio.toFixed(2)}, max ${h.maxRatio.toFixed(2)})` +
          `; by variant: ${Object.entries(h.byVariant).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')}`,
      );
    }
    say(`load average at start ${m0.loadavg.join(' / ')}, at end ${loadavg().map((x) => x.toFixed(2)).join(' / ')}; ${fmt(result.wallSeconds / 60, 1)} min`);
    say(`results: ${path.relative(repoRoot, file)}`);
  } finally {
    if (cpuOpen) await cpu.close();
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
