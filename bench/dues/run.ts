// Dues benchmark: the time to compute one month's dues — every tracked member's amount due, what
// was collected against it, the collection rate and who is in arrears — for N members (default
// 1,000,000), with the function the API's dashboard resolver calls (api/src/modules/dues/reads.ts
// `summary`, through @lianjian/api/analytics), on the root of the organisation, one general branch
// and one branch.
//
//   npm run bench:dues -- [--members 1000000] [--runs 3] [--keep]
//
// The data. Seeding the 1M benchmark dataset takes about 2 h, so this benchmark makes its own in a
// scratch database (bench_dues_<size>, on the bench cluster of bench/lib/cluster.ts) with
// set-based SQL, in seconds, and prints exactly what it made. Rows are inserted with the
// database's triggers off (session_replication_role = replica): no record documents, outbox or
// analytics rollups are written, because the figures read the domain tables only. The monthly
// dues of the bases are computed in SQL by the 2008 rules; a sample of them is checked against
// @lianjian/rules/dues monthlyDue before anything is timed. --keep leaves the database for the
// next run (otherwise it is dropped at the end).
import { parseArgs } from 'node:util';
import { createPrisma, migrate } from '@lianjian/db';
import { createContext, duesSummary, type Principal } from '@lianjian/api/analytics';
import { defaultConfig } from '@lianjian/api';
import { monthlyDue, type DuesCategory } from '@lianjian/rules/dues';
import pg from 'pg';
import { adminQuery, databaseExists, openCluster, sizeLabel } from '../lib/cluster.js';
import { fmt, machine, spread, writeResult } from '../lib/stats.js';

const { values: args } = parseArgs({
  options: {
    members: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '3' },
    keep: { type: 'boolean', default: false },
  },
});
const say = (s: string) => process.stdout.write(`${s}\n`);

const N = Number(args.members);
const RUNS = Number(args.runs);
if (!Number.isInteger(N) || N < 1000 || !Number.isInteger(RUNS) || RUNS < 1) {
  process.stderr.write('usage: bench/dues/run.ts [--members N ≥ 1000] [--runs R ≥ 1] [--keep]\n');
  process.exit(2);
}

/** The month measured, and "now": mid-December 2026 (China time), so November is the last month due. */
const MONTH = '2026-11';
const NOW = new Date('2026-12-15T04:00:00.000Z');
const PER_BRANCH = 500;
const BRANCHES_PER_GENERAL = 40;

const DATA_DESCRIPTION = [
  `${fmt(N)} members, ${PER_BRANCH} per branch, ${BRANCHES_PER_GENERAL} branches per general branch, all general branches under one committee`,
  '90 % FULL (full member since 2010-07-01), 10 % PROBATIONARY (since 2026-03-01); all ACTIVE',
  'one 2026 base per member, CHECKED: 70 % IN_WORK (income 1,500–16,499 yuan), 20 % RETIRED (2,000–7,999 yuan), 5 % FARMER (0.20–1.00 yuan fixed), 5 % LOW_INCOME (0.20 yuan)',
  'payments (one entry each): 80 % paid January–November 2026, 10 % January–June only, 10 % nothing',
  'of those paying nothing: 1 in 10 has an APPROVED exemption for 2026, 1 in 5 an OPEN arrears case for January–June',
].join('\n    ');

/** The units and member rows, set-based. Member ids are derived from their number, so later tables can join on generate_series. */
function seedSql(n: number): string[] {
  const branches = Math.ceil(n / PER_BRANCH);
  const generals = Math.ceil(branches / BRANCHES_PER_GENERAL);
  const mid = (i: string) => `('00000000-0000-4000-8000-' || lpad(to_hex(${i}), 12, '0'))::uuid`;
  const uid = (i: string) => `('00000000-0000-4000-9000-' || lpad(to_hex(${i}), 12, '0'))::uuid`;
  // Unit numbers: 1 the committee, 2…generals+1 the general branches, then the branches.
  const branchNo = `(${generals} + 1 + ((i - 1) / ${PER_BRANCH}) + 1)`;
  const base = `CASE WHEN i % 20 < 14 THEN 150000 + (i::bigint * 7919 % 1500000) WHEN i % 20 < 18 THEN 200000 + (i::bigint * 104729 % 600000) END`;
  const rate = (b: string) =>
    `CASE WHEN i % 20 < 14 THEN (CASE WHEN ${b} <= 300000 THEN 50 WHEN ${b} <= 500000 THEN 100 WHEN ${b} <= 1000000 THEN 150 ELSE 200 END)
          WHEN i % 20 < 18 THEN (CASE WHEN ${b} <= 500000 THEN 50 ELSE 100 END) END`;
  return [
    `INSERT INTO org_unit (id, no, parent_id, path, level, kind, name, code, province)
       VALUES (${uid('1')}, 1, NULL, '/1/', 0, 'COMMITTEE', '基准党委', 'BD-1', '北京')`,
    `INSERT INTO org_unit (id, no, parent_id, path, level, kind, name, code, province)
       SELECT ${uid('g')}, g, ${uid('1')}, '/1/' || g || '/', 1, 'GENERAL_BRANCH', '党总支 ' || g, 'BD-' || g, '北京'
         FROM generate_series(2, ${generals} + 1) g`,
    `INSERT INTO org_unit (id, no, parent_id, path, level, kind, name, code, province)
       SELECT ${uid('b')}, b, ${uid(`(2 + (b - ${generals} - 2) / ${BRANCHES_PER_GENERAL})`)},
              '/1/' || (2 + (b - ${generals} - 2) / ${BRANCHES_PER_GENERAL}) || '/' || b || '/', 2, 'BRANCH', '党支部 ' || b, 'BD-' || b, '北京'
         FROM generate_series(${generals} + 2, ${generals} + 1 + ${branches}) b`,
    `SELECT setval(pg_get_serial_sequence('org_unit', 'no'), ${generals} + 1 + ${branches})`,
    `INSERT INTO member (id, org_unit_id, name, gender, birth_date, ethnicity, education, stage, status, applied_on, probationary_since, full_member_since)
       SELECT ${mid('i')}, ${uid(branchNo)}, '党员' || i, CASE WHEN i % 2 = 0 THEN 'MALE' ELSE 'FEMALE' END::gender,
              DATE '1960-01-01' + (i % 15000), '汉族', 'BACHELOR', CASE WHEN i % 10 = 0 THEN 'PROBATIONARY' ELSE 'FULL' END::member_stage, 'ACTIVE',
              DATE '2008-03-01', CASE WHEN i % 10 = 0 THEN DATE '2026-03-01' ELSE DATE '2009-07-01' END, CASE WHEN i % 10 = 0 THEN NULL ELSE DATE '2010-07-01' END
         FROM generate_series(1, ${n}) i`,
    `INSERT INTO dues_base (id, org_unit_id, member_id, year, category, base_fen, fixed_fen, rate_bp, monthly_due_fen, status, checked_on)
       SELECT gen_random_uuid(), ${uid(branchNo)}, ${mid('i')}, 2026,
              (CASE WHEN i % 20 < 14 THEN 'IN_WORK' WHEN i % 20 < 18 THEN 'RETIRED' WHEN i % 20 = 18 THEN 'FARMER' ELSE 'LOW_INCOME' END)::dues_category,
              b, CASE WHEN i % 20 = 18 THEN 20 + i % 81 WHEN i % 20 = 19 THEN 20 END, r,
              -- Rounded half up to the fen, in integers, as @lianjian/rules/dues applyRate.
              CASE WHEN i % 20 = 18 THEN 20 + i % 81 WHEN i % 20 = 19 THEN 20 ELSE ((2 * b * r + 10000) / 20000)::int END,
              'CHECKED', DATE '2026-01-15'
         FROM (SELECT i, ${base} AS b, ${rate(base)} AS r FROM generate_series(1, ${n}) i) x`,
    // 80 %: January–November in one entry; 10 %: January–June.
    `INSERT INTO dues_payment (id, org_unit_id, member_id, months, month_amounts, extra_fen, amount_fen, method, paid_on, receipt_no)
       SELECT gen_random_uuid(), d.org_unit_id, d.member_id,
              ARRAY(SELECT '2026-' || lpad(m::text, 2, '0') FROM generate_series(1, k) m), array_fill(d.monthly_due_fen, ARRAY[k]), 0, d.monthly_due_fen * k,
              'CASH', DATE '2026-11-20', 'BENCH-' || i
         FROM (SELECT i, CASE WHEN i % 10 < 8 THEN 11 ELSE 6 END AS k FROM generate_series(1, ${n}) i WHERE i % 10 < 9) x
         JOIN dues_base d ON d.member_id = ${mid('i')}`,
    `INSERT INTO dues_hardship (id, org_unit_id, member_id, kind, from_month, to_month, reason, branch_decision, status, decided_on)
       SELECT gen_random_uuid(), ${uid(branchNo)}, ${mid('i')}, 'EXEMPTION', '2026-01', '2026-12', '基准数据', '支部委员会决定', 'APPROVED', DATE '2026-01-20'
         FROM generate_series(1, ${n}) i WHERE i % 100 = 9`,
    `INSERT INTO dues_arrears_case (id, org_unit_id, member_id, from_month, to_month, months, status)
       SELECT gen_random_uuid(), ${uid(branchNo)}, ${mid('i')}, '2026-01', '2026-06', 6, 'OPEN'
         FROM generate_series(1, ${n}) i WHERE i % 50 = 19`,
  ];
}

async function seed(url: string, n: number): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const t = performance.now();
  try {
    await c.query('BEGIN');
    // Triggers off: no record documents (the record guard would refuse the rows), no rollups.
    await c.query('SET LOCAL session_replication_role = replica');
    for (const sql of seedSql(n)) await c.query(sql);
    await c.query('COMMIT');
    await c.query('ANALYZE');
  } catch (err) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    await c.end();
  }
  return (performance.now() - t) / 1000;
}

/** The seeded monthly dues agree with the rules' monthlyDue on a sample of 2,000 bases. */
async function checkSample(url: string): Promise<number> {
  const rows = await adminQuery<{ category: DuesCategory; base_fen: number | null; fixed_fen: number | null; rate_bp: number | null; monthly_due_fen: number }>(
    url,
    'SELECT category, base_fen, fixed_fen, rate_bp, monthly_due_fen FROM dues_base TABLESAMPLE BERNOULLI (50) REPEATABLE (1) LIMIT 2000',
  );
  for (const r of rows) {
    const want = monthlyDue({ category: r.category, baseFen: r.base_fen, fixedFen: r.category === 'LOW_INCOME' ? null : r.fixed_fen });
    if (want.dueFen !== r.monthly_due_fen || (want.rateBp ?? null) !== r.rate_bp) {
      throw new Error(`seeded base ${JSON.stringify(r)} disagrees with the rules: ${JSON.stringify(want)}`);
    }
  }
  return rows.length;
}

async function main() {
  const m0 = machine();
  const cluster = await openCluster();
  const database = `bench_dues_${sizeLabel(N)}`;
  const url = cluster.urlFor(database);
  const prisma = createPrisma(url, { max: 6 });
  try {
    let seedSeconds: number | null = null;
    const have = (await databaseExists(cluster, database)) && (await adminQuery<{ n: string }>(url, 'SELECT count(*)::text AS n FROM dues_base').catch(() => [{ n: '0' }]))[0]!.n === String(N);
    if (!have) {
      await adminQuery(cluster.adminUrl, `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(database)}`);
      await adminQuery(cluster.adminUrl, `CREATE DATABASE ${pg.escapeIdentifier(database)}`);
      await migrate(url);
      say(`seeding ${database} with set-based SQL…`);
      seedSeconds = await seed(url, N);
      say(`  seeded in ${seedSeconds.toFixed(1)} s`);
    } else say(`reusing ${database} (kept by an earlier --keep run)`);
    const sampled = await checkSample(url);
    const [counts] = await adminQuery<Record<string, string>>(
      url,
      `SELECT (SELECT count(*) FROM org_unit)::text AS units, (SELECT count(*) FROM member)::text AS members, (SELECT count(*) FROM dues_base)::text AS bases,
              (SELECT count(*) FROM dues_payment)::text AS payments, (SELECT count(*) FROM dues_hardship)::text AS hardships,
              (SELECT count(*) FROM dues_arrears_case)::text AS cases, pg_size_pretty(pg_database_size(current_database())) AS size,
              current_setting('server_version') AS pg`,
    );
    say(`data (scratch database ${database}, not the seeded benchmark dataset):\n    ${DATA_DESCRIPTION}`);
    say(
      `    rows: ${fmt(Number(counts!.units))} units, ${fmt(Number(counts!.members))} members, ${fmt(Number(counts!.bases))} bases, ${fmt(Number(counts!.payments))} payments, ` +
        `${fmt(Number(counts!.hardships))} hardship decisions, ${fmt(Number(counts!.cases))} arrears cases; ${counts!.size}; no record documents (triggers off while seeding)`,
    );
    say(`    monthly dues of ${fmt(sampled)} sampled bases equal @lianjian/rules/dues monthlyDue`);

    const [root] = await adminQuery<{ id: string; path: string }>(url, `SELECT id::text, path FROM org_unit WHERE parent_id IS NULL`);
    const [general] = await adminQuery<{ id: string }>(url, `SELECT id::text FROM org_unit WHERE level = 1 ORDER BY no LIMIT 1`);
    const [branch] = await adminQuery<{ id: string }>(url, `SELECT id::text FROM org_unit WHERE level = 2 ORDER BY no LIMIT 1`);
    const principal: Principal = {
      kind: 'account',
      accountId: '00000000-0000-4000-a000-000000000001',
      username: 'bench',
      displayName: 'bench',
      role: 'ADMIN',
      scopeUnitId: root!.id,
      scopePath: root!.path,
      memberId: null,
      sessionId: 'bench',
    };
    const config = defaultConfig({ now: () => NOW });
    const results: Record<string, { members: number; seconds: ReturnType<typeof spread>; runs: number[]; rssMB: number; figures: unknown }> = {};
    for (const [label, unitId] of [['branch', branch!.id], ['general branch', general!.id], ['root', root!.id]] as const) {
      const runs: number[] = [];
      let figures: Awaited<ReturnType<typeof duesSummary>> | null = null;
      let rss = 0;
      // One warm-up run (connections, plans, JIT), then the timed runs: each with a fresh request
      // context, as each GraphQL request has.
      for (let r = 0; r <= RUNS; r++) {
        const ctx = createContext({ prisma, config }, principal, { ip: '127.0.0.1', userAgent: 'bench' });
        const t = performance.now();
        figures = await duesSummary(ctx, unitId, MONTH);
        const s = (performance.now() - t) / 1000;
        rss = Math.max(rss, process.memoryUsage().rss);
        if (r > 0) runs.push(s);
      }
      const sp = spread(runs);
      results[label] = { members: figures!.trackedMembers, seconds: sp, runs, rssMB: Math.round(rss / 1e6), figures };
      say(`${label}: ${fmt(figures!.trackedMembers)} tracked members — ${MONTH} computed in ${fmt(sp.median, 2)} s median (${runs.map((x) => x.toFixed(2)).join(', ')} s), process RSS ≤ ${fmt(rss / 1e6)} MB`);
      say(`    ${JSON.stringify(figures)}`);
    }
    const file = writeResult('dues', {
      machine: { ...machine({ postgres: counts!.pg }), loadavgAtStart: m0.loadavg },
      members: N,
      month: MONTH,
      now: NOW.toISOString(),
      data: { database, description: DATA_DESCRIPTION, counts, seedSeconds, sampledBasesChecked: sampled },
      path: 'api/src/modules/dues/reads.ts summary (the AnalyticsDashboard.dues resolver), called in-process with an ADMIN context',
      runs: RUNS,
      results,
    });
    say(`written ${file}`);
  } finally {
    await prisma.$disconnect();
    if (!args.keep) await adminQuery(cluster.adminUrl, `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(database)}`).catch(() => undefined);
    await cluster.stop();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench:dues failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
