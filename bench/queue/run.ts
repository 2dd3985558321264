// The approver's queue (issue #19): GraphQL `approvalQueue` as the web's approvals page asks it
// (first 50, each request with its member and unit), latency p50/p95 through the API process as
// `npm start` runs it, on a seeded dataset with the organisation tree of seed/org.ts (top
// committee → regional committees at size → grassroots committees → general branches → branches):
//
//   - approver: the demo `approver` account, organiser of the grassroots committee above the demo branch;
//   - busiest committee: the grassroots committee with the most requests waiting on it;
//   - regional committee: the regional committee (片区党委) with the most waiting below it, when the tree has them;
//   - root: the top committee's `leader` account (its queue spans every committee).
//
//   npm run bench:queue -- [--members 100000] [--requests 100] [--seconds 60] [--warmup 5]
//
// The dataset is lj_<size>_tree_bench on the bench cluster (bench/lib/cluster.ts): seeded once with
// `--profile scale --seed 1` and cached (recorded in .data/bench/datasets.json). It has its own name
// because the lj_<size>_bench datasets of the other benchmarks were seeded with the earlier tree
// (general branches directly under one committee), whose queue is one committee's. Prints its figures
// and writes bench/out/queue-<time>.json and queue-latest.json; no chain node is needed (no proof
// fields are asked).
import { loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { seed } from '@lianjian/db';
import { newSessionToken } from '@lianjian/api';
import pg from 'pg';
import { repoRoot } from '../../scripts/lib/chain-node.js';
import { adminQuery, clusterLabel, databaseExists, metaKey, openCluster, readMeta, sizeLabel, writeMeta, type Cluster } from '../lib/cluster.js';
import { startLianjianApi } from '../lib/stack.js';
import { fmt, machine, percentile, writeResult } from '../lib/stats.js';

const { values: args } = parseArgs({
  options: {
    members: { type: 'string', default: '100000' },
    requests: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '60' },
    warmup: { type: 'string', default: '5' },
  },
});
const say = (s: string) => process.stdout.write(`${s}\n`);

const MEMBERS = Number(args.members);
const REQUESTS = Number(args.requests);
const SECONDS = Number(args.seconds);
const WARMUP = Number(args.warmup);
if (!Number.isInteger(MEMBERS) || MEMBERS < 1000 || !Number.isInteger(REQUESTS) || REQUESTS < 1 || !(SECONDS > 0) || !Number.isInteger(WARMUP) || WARMUP < 0) {
  process.stderr.write('usage: bench/queue/run.ts [--members N ≥ 1000] [--requests R ≥ 1] [--seconds S] [--warmup W]\n');
  process.exit(2);
}

/** What the approvals page asks (web/app/routes/approvals: its ApprovalQueue query's queue part). */
const QUERY = `query BenchApprovalQueue($unitId: ID) {
  approvalQueue(unitId: $unitId, first: 50) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { since waitingDays dueOn deadline status daysLeft request {
      id kind stepNo nameZh nameEn status notes requestedAt requestedByName decidedAt decidedByName returnReason decidingUnitName
      member { id name orgUnit { id name } }
    } } }
  }
}`;

const SOURCE = 'seed --profile scale --seed 1 (tree: grassroots committees, general branches, branches)';

/** The cached dataset with the current tree, seeded when missing; the seed's own figures when it was seeded now. */
async function ensureDataset(cluster: Cluster, members: number): Promise<{ database: string; url: string; seedSeconds: number | null; seededAt: string }> {
  const database = `lj_${sizeLabel(members)}_tree_bench`;
  const url = cluster.urlFor(database);
  const key = metaKey(cluster, database);
  const meta = readMeta()[key];
  if ((await databaseExists(cluster, database)) && meta?.seededAt) return { database, url, seedSeconds: meta.seedSeconds ?? null, seededAt: meta.seededAt };
  if (!cluster.embedded && (await databaseExists(cluster, database))) throw new Error(`${database} exists but is not recorded as seeded here: drop it to have it made again`);
  if (!(await databaseExists(cluster, database))) await adminQuery(cluster.adminUrl, `CREATE DATABASE ${pg.escapeIdentifier(database)}`);
  say(`seeding ${fmt(members)} members into ${database} (profile scale, seed 1; cached for later runs)…`);
  const t = Date.now();
  const res = await seed(url, { members, seed: 1, profile: 'scale', reset: true, progress: true, log: (l) => say(`  ${l}`) });
  const seedSeconds = (Date.now() - t) / 1000;
  const seededAt = new Date().toISOString();
  say(`  seeded in ${fmt(seedSeconds)} s: ${fmt(members / seedSeconds)} members/s, ${fmt(res.totalRows / seedSeconds)} rows/s, ${fmt(res.databaseBytes / 2 ** 30, 1)} GiB`);
  writeMeta(key, { database, members, source: SOURCE, seededAt, seedSeconds });
  return { database, url, seedSeconds, seededAt };
}

/** A signed-in session (second factor done) of a seeded account, as sign-in would leave it. */
async function sessionOf(url: string, username: string): Promise<string> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ id: string }>('SELECT id FROM account WHERE username = $1', [username]);
    if (!rows[0]) throw new Error(`the dataset has no ${username} account`);
    const { token, hash } = newSessionToken();
    await c.query(
      `INSERT INTO session (id, account_id, token_hash, second_factor_at, expires_at, created_at)
       VALUES (gen_random_uuid(), $1, $2, now(), now() + interval '1 day', now())`,
      [rows[0].id, Buffer.from(hash)],
    );
    return token;
  } finally {
    await c.end();
  }
}

interface Target {
  name: string;
  account: string;
  unitId: string | null;
  unit: string;
  /** Requests waiting on deciding units in its subtree (SQL count, before the API answers). */
  waiting: number;
}

/** The tree's shape and the targets: the approver's committee, the busiest grassroots committee, the busiest regional committee, the root. */
async function targets(url: string) {
  const waiting = `r.status::text IN ('PENDING', 'IN_REVIEW')`;
  const [shape] = await adminQuery<{ units: string; committees: string; regional: string; general: string; branches: string; direct: string; depth: number; widest: string; waiting: string }>(
    url,
    `SELECT (SELECT count(*) FROM org_unit)::text AS units,
            (SELECT count(*) FROM org_unit u WHERE u.kind = 'COMMITTEE' AND EXISTS (SELECT 1 FROM org_unit c WHERE c.parent_id = u.id AND c.kind <> 'COMMITTEE'))::text AS committees,
            (SELECT count(*) FROM org_unit u WHERE u.kind = 'COMMITTEE' AND u.parent_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM org_unit c WHERE c.parent_id = u.id AND c.kind <> 'COMMITTEE'))::text AS regional,
            (SELECT count(*) FROM org_unit WHERE kind = 'GENERAL_BRANCH')::text AS general,
            (SELECT count(*) FROM org_unit WHERE kind = 'BRANCH')::text AS branches,
            (SELECT count(*) FROM org_unit b JOIN org_unit p ON p.id = b.parent_id WHERE b.kind = 'BRANCH' AND p.kind = 'COMMITTEE')::text AS direct,
            (SELECT max(level) FROM org_unit) AS depth,
            (SELECT max(n) FROM (SELECT count(*) AS n FROM org_unit GROUP BY parent_id) x)::text AS widest,
            (SELECT count(*) FROM level_request r WHERE ${waiting})::text AS waiting`,
  );
  const one = async (sql: string, params: unknown[] = []) => (await adminQuery<{ id: string; name: string; n: string }>(url, sql, params))[0] ?? null;
  const approver = await one(
    `SELECT u.id, u.name, (SELECT count(*) FROM level_request r JOIN org_unit d ON d.id = r.deciding_unit_id WHERE ${waiting} AND d.path LIKE u.path || '%')::text AS n
       FROM account a JOIN org_unit u ON u.id = a.scope_unit_id WHERE a.username = 'approver'`,
  );
  const busiest = await one(
    `SELECT d.id, d.name, count(*)::text AS n FROM level_request r JOIN org_unit d ON d.id = r.deciding_unit_id
      WHERE ${waiting} AND d.parent_id IS NOT NULL AND EXISTS (SELECT 1 FROM org_unit c WHERE c.parent_id = d.id AND c.kind <> 'COMMITTEE')
      GROUP BY d.id, d.name ORDER BY count(*) DESC, d.id LIMIT 1`,
  );
  const regional = await one(
    `SELECT g.id, g.name, count(*)::text AS n FROM org_unit g JOIN org_unit d ON d.path LIKE g.path || '%' JOIN level_request r ON r.deciding_unit_id = d.id
      WHERE ${waiting} AND g.kind = 'COMMITTEE' AND g.parent_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM org_unit c WHERE c.parent_id = g.id AND c.kind <> 'COMMITTEE')
      GROUP BY g.id, g.name ORDER BY count(*) DESC, g.id LIMIT 1`,
  );
  const root = await one(`SELECT u.id, u.name, '0' AS n FROM org_unit u WHERE u.parent_id IS NULL`);
  const list: Target[] = [];
  if (approver) list.push({ name: 'approver (grassroots committee)', account: 'approver', unitId: null, unit: approver.name, waiting: Number(approver.n) });
  if (busiest) list.push({ name: 'busiest grassroots committee', account: 'leader', unitId: busiest.id, unit: busiest.name, waiting: Number(busiest.n) });
  if (regional) list.push({ name: 'busiest regional committee', account: 'leader', unitId: regional.id, unit: regional.name, waiting: Number(regional.n) });
  if (root) list.push({ name: 'root (top committee)', account: 'leader', unitId: null, unit: root.name, waiting: Number(shape!.waiting) });
  return { shape: shape!, list };
}

interface Measured extends Target {
  totalCount: number;
  rows: number;
  requests: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  meanMs: number;
}

async function ask(apiUrl: string, token: string, unitId: string | null): Promise<{ ms: number; totalCount: number; rows: number }> {
  const t = performance.now();
  const res = await fetch(apiUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: QUERY, variables: { unitId } }),
  });
  const body = (await res.json()) as { data?: { approvalQueue: { totalCount: number; edges: unknown[] } }; errors?: Array<{ message: string }> };
  const ms = performance.now() - t;
  if (!res.ok || body.errors?.length || !body.data) throw new Error(`approvalQueue failed (${res.status}): ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  return { ms, totalCount: body.data.approvalQueue.totalCount, rows: body.data.approvalQueue.edges.length };
}

/** Sequential requests (one in flight: a person opening the page), up to REQUESTS or SECONDS, after WARMUP. */
async function measure(apiUrl: string, token: string, target: Target): Promise<Measured> {
  for (let i = 0; i < WARMUP; i++) await ask(apiUrl, token, target.unitId);
  const times: number[] = [];
  let last = { totalCount: 0, rows: 0 };
  const t0 = performance.now();
  while (times.length < REQUESTS && (times.length === 0 || performance.now() - t0 < SECONDS * 1000)) {
    const r = await ask(apiUrl, token, target.unitId);
    times.push(r.ms);
    last = r;
  }
  const sorted = [...times].sort((a, b) => a - b);
  return {
    ...target,
    totalCount: last.totalCount,
    rows: last.rows,
    requests: times.length,
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    maxMs: sorted[sorted.length - 1]!,
    meanMs: times.reduce((s, x) => s + x, 0) / times.length,
  };
}

/**
 * Stops the cluster once no other benchmark uses it: another benchmark started while this one ran
 * shares the embedded cluster this process started (bench/lib/cluster.ts), and stopping it under
 * them would fail their run. Waits up to an hour, then leaves it running.
 */
async function stopWhenAlone(cluster: Cluster): Promise<void> {
  if (!cluster.embedded) return;
  const others = async () =>
    Number(
      (await adminQuery<{ n: string }>(cluster.adminUrl, "SELECT count(*)::text AS n FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()").catch(() => [{ n: '0' }]))[0]!.n,
    );
  const until = Date.now() + 3_600_000;
  let said = 0;
  for (let n = await others(); n > 0; n = await others()) {
    if (Date.now() > until) {
      say(`the bench cluster is still used by ${n} connection(s) of another benchmark: left running`);
      return;
    }
    if (Date.now() - said > 60_000) {
      say(`waiting for another benchmark's ${n} connection(s) to the bench cluster before stopping it…`);
      said = Date.now();
    }
    await new Promise((r) => setTimeout(r, 5000));
  }
  await cluster.stop();
}

async function main() {
  const m0 = machine();
  const cluster = await openCluster();
  try {
    const data = await ensureDataset(cluster, MEMBERS);
    const { shape, list } = await targets(data.url);
    say(
      `${data.database}: ${fmt(Number(shape.units))} units — ${fmt(Number(shape.regional))} regional committees, ${fmt(Number(shape.committees))} grassroots committees, ` +
        `${fmt(Number(shape.general))} general branches, ${fmt(Number(shape.branches))} branches (${fmt(Number(shape.direct))} directly under a committee); ` +
        `depth ${shape.depth} below the root, at most ${shape.widest} children per unit; ${fmt(Number(shape.waiting))} requests waiting`,
    );
    const pgVersion = (await adminQuery<{ v: string }>(data.url, "SELECT current_setting('server_version') AS v"))[0]!.v;
    await adminQuery(data.url, 'ANALYZE level_request');
    // Background jobs off: the figures are the queue's, not a reminder or arrears scan's.
    const api = await startLianjianApi(data.url, null, { LIANJIAN_REMINDERS_MS: '0', LIANJIAN_DUES_ARREARS_SCAN_MS: '0' });
    const results: Measured[] = [];
    try {
      const tokens = new Map<string, string>();
      for (const t of list) if (!tokens.has(t.account)) tokens.set(t.account, await sessionOf(data.url, t.account));
      for (const t of list) {
        const m = await measure(api.url, tokens.get(t.account)!, t);
        results.push(m);
        say(`  ${t.name} — ${t.unit}: ${fmt(m.totalCount)} waiting (SQL ${fmt(t.waiting)}), ${m.requests} requests: p50 ${fmt(m.p50Ms, 1)} ms, p95 ${fmt(m.p95Ms, 1)} ms, max ${fmt(m.maxMs, 1)} ms`);
      }
    } finally {
      await api.stop();
    }
    say('\n| queue | unit | waiting | p50 ms | p95 ms | requests |');
    say('|---|---|---|---|---|---|');
    for (const m of results) say(`| ${m.name} | ${m.unit} | ${fmt(m.totalCount)} | ${fmt(m.p50Ms, 1)} | ${fmt(m.p95Ms, 1)} | ${m.requests} |`);
    const seedRate = data.seedSeconds ? MEMBERS / data.seedSeconds : null;
    if (seedRate) say(`(seed: ${fmt(MEMBERS)} members in ${fmt(data.seedSeconds!)} s = ${fmt(seedRate)} members/s; ${m0.cores} cores, load average ${loadavg()[0]!.toFixed(1)})`);
    const file = writeResult('queue', {
      machine: { ...machine({ postgres: pgVersion }), loadavgAtStart: m0.loadavg },
      dataset: { database: data.database, members: MEMBERS, source: SOURCE, seededAt: data.seededAt, seedSeconds: data.seedSeconds, membersPerSecond: seedRate, cluster: clusterLabel(cluster) },
      tree: Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, Number(v)])),
      settings: { requests: REQUESTS, seconds: SECONDS, warmup: WARMUP, pageSize: 50, concurrency: 1 },
      results,
    });
    say(`results: ${path.relative(repoRoot, file)}`);
  } finally {
    await stopWhenAlone(cluster);
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench queue: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
