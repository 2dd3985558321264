// Analytics benchmark: p50/p95 of each dashboard query, as the GraphQL resolvers run them
// (api/src/modules/analytics: the catch-up refresh, then the rollup reads), over units at three depths
// of the database it is pointed at.
//
//   DATABASE_URL=postgres://… npm run bench:analytics -- [--iterations 200] [--rebuild]
//
// --rebuild first recomputes every rollup and open deadline from the domain tables (what the
// migration's backfill does) and reports how long that took. Results are printed and written to
// bench/out/analytics-<time>.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createPrisma } from '@lianjian/db';
import * as d from '@lianjian/api/analytics';
import { foldRollups, refreshAnalytics, refreshDueItems } from '@lianjian/api/analytics';
import { repoRoot } from '../../scripts/lib/chain-node.js';

const { values: args } = parseArgs({
  options: {
    iterations: { type: 'string', default: '200' },
    rebuild: { type: 'boolean', default: false },
    // Today, as the dashboard defaults to: the period (this year so far) then holds the seed's recent meetings.
    'as-of': { type: 'string', default: new Date().toISOString().slice(0, 10) },
  },
});
const url = process.env.DATABASE_URL;
if (!url) {
  process.stderr.write('DATABASE_URL is required: the database to measure\n');
  process.exit(2);
}
const say = (line: string) => process.stdout.write(`${line}\n`);
const prisma = createPrisma(url, { max: 4 });
const N = Number(args.iterations);
const asOf = args['as-of']!;
const year = Number(asOf.slice(0, 4));
const period: d.Period = { from: `${year}-01-01`, to: `${asOf.slice(0, 7)}-01` };

const counts = await prisma.$queryRaw<{ members: bigint; units: bigint; records: bigint; attendance: bigint; points: bigint }[]>`
  SELECT (SELECT count(*) FROM member) AS members, (SELECT count(*) FROM org_unit) AS units,
         (SELECT count(*) FROM outbox_record) AS records, (SELECT count(*) FROM attendance) AS attendance,
         (SELECT count(*) FROM points_entry) AS points`;
const c = counts[0]!;
say(`database: ${Number(c.members).toLocaleString()} members, ${Number(c.units).toLocaleString()} units, ${Number(c.records).toLocaleString()} records, ${Number(c.attendance).toLocaleString()} attendance rows, ${Number(c.points).toLocaleString()} points entries`);

let rebuild: { rollupsMs: number; dueMs: number; dueMembers: number } | null = null;
if (args.rebuild) {
  let t = performance.now();
  await prisma.$transaction(async (tx) => { await tx.$executeRaw`SELECT lianjian_analytics_rebuild()`; }, { timeout: 3_600_000 });
  const rollupsMs = performance.now() - t;
  t = performance.now();
  const dueMembers = await refreshDueItems(prisma);
  rebuild = { rollupsMs, dueMs: performance.now() - t, dueMembers };
  say(`rebuild: rollups ${(rollupsMs / 1000).toFixed(1)} s; open deadlines of ${dueMembers.toLocaleString()} members ${(rebuild.dueMs / 1000).toFixed(1)} s`);
} else {
  await refreshAnalytics(prisma);
}
const rollupRows = await prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM analytics_rollup`;
say(`rollup rows: ${Number(rollupRows[0]!.n).toLocaleString()}`);

// Units: the root, the largest unit one level down, and a branch under it.
const [root] = await prisma.$queryRaw<{ id: string; path: string; name: string }[]>`SELECT id::text, path, name FROM org_unit WHERE parent_id IS NULL ORDER BY no LIMIT 1`;
const [mid] = await prisma.$queryRaw<{ id: string; path: string; name: string }[]>`
  SELECT u.id::text, u.path, u.name FROM org_unit u JOIN analytics_rollup r ON r.unit_id = u.id AND r.metric = 'member' AND r.key = 'total'
   WHERE u.parent_id = ${root!.id}::uuid ORDER BY r.count DESC LIMIT 1`;
const [leaf] = await prisma.$queryRaw<{ id: string; path: string; name: string }[]>`
  SELECT id::text, path, name FROM org_unit WHERE path LIKE ${`${(mid ?? root)!.path}%`} AND kind = 'BRANCH' ORDER BY no LIMIT 1`;
const units = [
  ['root', root],
  ['level 1', mid],
  ['branch', leaf],
].filter((u): u is [string, { id: string; path: string; name: string }] => u[1] !== undefined);

// The first page of children as the API serves byUnit (50 by default, the organisation's order),
// plus the count it reports beside them: a root with thousands of children is paged, not read whole.
async function children(id: string): Promise<string[]> {
  const [page] = await Promise.all([
    prisma.orgUnit.findMany({ where: { parentId: id }, select: { id: true }, orderBy: [{ sortOrder: 'asc' }, { no: 'asc' }], take: 50 }),
    prisma.orgUnit.count({ where: { parentId: id } }),
  ]);
  return page.map((u) => u.id);
}

type Unit = { id: string; path: string; name: string };
const queries: [string, (u: Unit) => Promise<unknown>][] = [
  ['composition', (u) => d.composition(prisma, u.id, year)],
  ['byUnit', async (u) => { const ids = await children(u.id); return Promise.all([d.compositionByUnit(prisma, ids, year), d.meetingsByUnit(prisma, ids, period)]); }],
  ['funnel', (u) => d.funnel(prisma, u, asOf, period)],
  ['meetings', (u) => d.meetingsByUnit(prisma, [u.id], period)],
  ['learning', (u) => d.learning(prisma, u.id, period)],
  ['appraisal', (u) => d.appraisal(prisma, u.id, year - 1)],
  ['points', (u) => d.points(prisma, u, year, 10)],
  ['feedback', (u) => d.feedback(prisma, u.id, period)],
  ['transfers', (u) => d.transfers(prisma, u.id, asOf, period)],
];

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const results: { unit: string; members: number; query: string; p50: number; p95: number; max: number }[] = [];
for (const [label, u] of units) {
  const members = Number((await d.composition(prisma, u.id, year)).total);
  say(`\n${label}: ${u.name} (${u.path}), ${members.toLocaleString()} active members`);
  say(`  ${'query'.padEnd(12)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'max ms'.padStart(8)}`);
  for (const [name, run] of queries) {
    for (let i = 0; i < 5; i++) await run(u); // warm
    const times: number[] = [];
    for (let i = 0; i < N; i++) {
      const t = performance.now();
      // What each resolver does: catch up, then read.
      await foldRollups(prisma);
      await run(u);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const r = { unit: label, members, query: name, p50: pct(times, 50), p95: pct(times, 95), max: times.at(-1)! };
    results.push(r);
    say(`  ${name.padEnd(12)} ${r.p50.toFixed(1).padStart(8)} ${r.p95.toFixed(1).padStart(8)} ${r.max.toFixed(1).padStart(8)}`);
  }
}

const worst = results.reduce((a, b) => (b.p95 > a.p95 ? b : a));
say(`\nworst p95: ${worst.query} at ${worst.unit}, ${worst.p95.toFixed(1)} ms (target < 150 ms)`);
const out = path.join(repoRoot, 'bench/out');
mkdirSync(out, { recursive: true });
const file = path.join(out, `analytics-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), cpus: cpus().length, loadavg: loadavg(), database: { members: Number(c.members), units: Number(c.units), records: Number(c.records) }, iterations: N, rebuild, results }, null, 2));
say(`written to ${path.relative(repoRoot, file)}`);
await prisma.$disconnect();
