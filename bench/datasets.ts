// Prepares (seeds and anchors) the cached benchmark datasets without measuring anything else:
//   node scripts/run-ts.mjs bench/datasets.ts --members 10000,100000
//
// --adopt (LIANJIAN_BENCH_PG only) takes a complete seeded database lj_<size> on that server as
// the benchmark's lj_<size>_bench by renaming it, instead of copying it with CREATE DATABASE …
// TEMPLATE: a 1M-member dataset (~32 GB) cannot be held twice on a small disk. The original
// lj_<size> is gone afterwards (it is the benchmark copy now, and anchoring writes to it). A
// source already anchored under its own name (its chain node home kept under .data/bench/chain)
// brings that chain home and its anchoring figures along.
//   LIANJIAN_BENCH_PG=postgresql://… node scripts/run-ts.mjs bench/datasets.ts --members 1000000 --adopt
//
// --tree anchors lj_<size>_tree_bench, the dataset with the current organisation tree that
// `npm run bench:queue -- --members N` seeds; it never seeds that one here (the queue bench does).
import { existsSync, renameSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { adminQuery, databaseExists, dataDir, ensureSeeded, metaKey, openCluster, readMeta, sizeLabel, writeMeta, type Cluster } from './lib/cluster.js';
import { ensureAnchored, startChain } from './lib/stack.js';

const { values } = parseArgs({ options: { members: { type: 'string', default: '10000' }, adopt: { type: 'boolean', default: false }, tree: { type: 'boolean', default: false } } });
const say = (s: string) => process.stdout.write(`${s}\n`);

/** Renames a finished lj_<size> to lj_<size>_bench and records it as seeded, refusing anything half-made. */
async function adopt(cluster: Cluster, members: number): Promise<void> {
  if (cluster.embedded) throw new Error('--adopt needs LIANJIAN_BENCH_PG (a server that holds a seeded lj_<size>)');
  const label = sizeLabel(members);
  const source = `lj_${label}`;
  const database = `lj_${label}_bench`;
  const key = metaKey(cluster, database);
  // startChain's home for a database of an external cluster.
  const chainHome = (db: string) => path.join(dataDir, 'chain', metaKey(cluster, db).replace(/[^A-Za-z0-9_.-]+/g, '_'));
  if (await databaseExists(cluster, database)) {
    if (readMeta()[key]?.seededAt) {
      say(`${database} already prepared; nothing to adopt`);
      return;
    }
    throw new Error(`${database} exists but is not recorded as seeded in .data/bench/datasets.json: drop it or record it by hand`);
  }
  if (!(await databaseExists(cluster, source))) throw new Error(`${source} does not exist on ${new URL(cluster.adminUrl).host}`);
  // What a finished `npm run seed` leaves: every member, the keys, the demo accounts (written after
  // the analytics rebuild, so their presence means the tail of the seed ran) and the rollups.
  const [s] = await adminQuery<{ n: string; pk: boolean; admins: string; rollups: boolean; anchored: string }>(
    cluster.urlFor(source),
    `SELECT (SELECT count(*) FROM member)::text AS n,
            EXISTS (SELECT 1 FROM pg_indexes WHERE tablename = 'member' AND indexname = 'member_pkey') AS pk,
            (SELECT count(*) FROM account WHERE role = 'ADMIN')::text AS admins,
            EXISTS (SELECT 1 FROM analytics_rollup) AS rollups,
            (SELECT count(*) FROM batch)::text AS anchored`,
  );
  const problems = [
    Number(s!.n) !== members && `${Number(s!.n).toLocaleString('en-US')} members, not ${members.toLocaleString('en-US')}`,
    !s!.pk && 'no primary key on member (bulk load not finished)',
    Number(s!.admins) === 0 && 'no ADMIN account (the seed did not finish)',
    !s!.rollups && 'analytics rollups are empty',
    Number(s!.anchored) !== 0 && !existsSync(chainHome(source)) && `it has ${s!.anchored} batches but no chain home here (${chainHome(source)})`,
    existsSync(chainHome(database)) && `a chain home for ${database} already exists (${chainHome(database)}): remove it first`,
  ].filter(Boolean);
  if (problems.length) throw new Error(`${source} cannot be adopted: ${problems.join('; ')}`);
  const busy = await adminQuery<{ n: string }>(cluster.adminUrl, "SELECT count(*)::text AS n FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend'", [source]);
  if (Number(busy[0]!.n) > 0) throw new Error(`${source} has ${busy[0]!.n} open connections: close them first`);
  await adminQuery(cluster.adminUrl, `ALTER DATABASE ${pg.escapeIdentifier(source)} RENAME TO ${pg.escapeIdentifier(database)}`);
  // The anchors it already holds are those of the chain beside it: keep the two together.
  if (existsSync(chainHome(source))) renameSync(chainHome(source), chainHome(database));
  const anchor = readMeta()[metaKey(cluster, source)]?.anchor;
  writeMeta(key, { database, members, source: `${source} renamed (seed --profile scale --seed 1)`, seededAt: new Date().toISOString(), ...(anchor ? { anchor } : {}) });
  say(`adopted ${source} as ${database} (renamed, not copied)`);
}

/** The queue bench's dataset with the current tree, which must be seeded already. */
async function treeDataset(cluster: Cluster, members: number): Promise<string> {
  const database = `lj_${sizeLabel(members)}_tree_bench`;
  if (!(await databaseExists(cluster, database)) || !readMeta()[metaKey(cluster, database)]?.seededAt) {
    throw new Error(`${database} is not seeded here: run npm run bench:queue -- --members ${members} first`);
  }
  return database;
}

const cluster = await openCluster();
try {
  for (const members of values.members!.split(',').map(Number)) {
    if (values.adopt) await adopt(cluster, members);
    const database = values.tree ? await treeDataset(cluster, members) : (await ensureSeeded(cluster, members, say)).database;
    const chain = await startChain(cluster, database);
    try {
      const a = await ensureAnchored(cluster, database, chain, say);
      say(`${database}: ${a.records.toLocaleString('en-US')} records anchored at ${Math.round(a.recordsPerSecond).toLocaleString('en-US')} records/s`);
    } finally {
      await chain.stop();
    }
  }
} finally {
  await cluster.stop();
}
