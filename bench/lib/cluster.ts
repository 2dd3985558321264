// The Postgres cluster the benchmarks run on, and the seeded datasets they cache in it.
//
// By default an embedded PostgreSQL 18 cluster kept under .data/bench/pg (git-ignored), so a fresh
// clone seeds what it needs once and later runs reuse it. LIANJIAN_BENCH_PG (a connection URL of
// any database on another server, with the right to CREATE DATABASE) uses that server instead;
// when it already holds a prepared dataset named lj_<size> (e.g. lj_100k), the benchmark copies it
// (CREATE DATABASE … TEMPLATE) rather than seeding, and never writes to the original.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { migrate, seed } from '@lianjian/db';
import { startPostgres } from '@lianjian/db/postgres';
import pg from 'pg';
import { repoRoot } from '../../scripts/lib/chain-node.js';

export const dataDir = path.join(repoRoot, '.data/bench');

export interface Cluster {
  adminUrl: string;
  embedded: boolean;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

export function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

const runningFile = path.join(dataDir, 'cluster.json');

async function reachable(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

export async function openCluster(): Promise<Cluster> {
  const external = process.env.LIANJIAN_BENCH_PG;
  if (external) {
    const adminUrl = withDatabase(external, 'postgres');
    return { adminUrl, embedded: false, urlFor: (db) => withDatabase(external, db), stop: async () => {} };
  }
  // Another benchmark process already runs the embedded cluster: share it (it stops it).
  if (existsSync(runningFile)) {
    const { adminUrl } = JSON.parse(readFileSync(runningFile, 'utf8')) as { adminUrl: string };
    if (await reachable(adminUrl)) return { adminUrl, embedded: true, urlFor: (db) => withDatabase(adminUrl, db), stop: async () => {} };
  }
  // startPostgres would use DATABASE_URL when set; the benchmark owns its cluster.
  const saved = process.env.DATABASE_URL;
  delete process.env.DATABASE_URL;
  try {
    const server = await startPostgres({ dataDir: path.join(dataDir, 'pg'), database: 'postgres' });
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(runningFile, JSON.stringify({ adminUrl: server.adminUrl, pid: process.pid }), { mode: 0o600 });
    return {
      adminUrl: server.adminUrl,
      embedded: true,
      urlFor: (db) => withDatabase(server.adminUrl, db),
      stop: async () => {
        rmSync(runningFile, { force: true });
        await server.stop();
      },
    };
  } finally {
    if (saved !== undefined) process.env.DATABASE_URL = saved;
  }
}

/** Where the data lives, for the results page. */
export function clusterLabel(cluster: Cluster): string {
  const u = new URL(cluster.adminUrl);
  return cluster.embedded ? 'embedded cluster under .data/bench (durable settings)' : `${u.hostname}:${u.port} (LIANJIAN_BENCH_PG)`;
}

export async function adminQuery<T extends pg.QueryResultRow = pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end();
  }
}

export async function databaseExists(cluster: Cluster, name: string): Promise<boolean> {
  return (await adminQuery(cluster.adminUrl, 'SELECT 1 FROM pg_database WHERE datname = $1', [name])).length > 0;
}

/** 10000 → "10k", 1000000 → "1m". */
export function sizeLabel(members: number): string {
  if (members >= 1_000_000 && members % 1_000_000 === 0) return `${members / 1_000_000}m`;
  if (members >= 1000 && members % 1000 === 0) return `${members / 1000}k`;
  return String(members);
}

// What each cached dataset took to make, kept beside the cluster (the database itself stays a
// plain Lianjian database, so PostGraphile sees exactly the application's schema).
const metaFile = path.join(dataDir, 'datasets.json');

export interface DatasetMeta {
  database: string;
  members: number;
  source: string;
  seededAt?: string;
  seedSeconds?: number;
  anchor?: AnchorStats;
}

export interface AnchorStats {
  at: string;
  records: number;
  batches: number;
  /** From the indexer answering /health to the last record anchored. */
  seconds: number;
  recordsPerSecond: number;
  loadavg: number[];
}

export function readMeta(): Record<string, DatasetMeta> {
  return existsSync(metaFile) ? (JSON.parse(readFileSync(metaFile, 'utf8')) as Record<string, DatasetMeta>) : {};
}

export function writeMeta(key: string, meta: DatasetMeta): void {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(metaFile, JSON.stringify({ ...readMeta(), [key]: meta }, null, 2));
}

export function metaKey(cluster: Cluster, database: string): string {
  const u = new URL(cluster.adminUrl);
  return `${cluster.embedded ? 'embedded' : `${u.hostname}:${u.port}`}/${database}`;
}

/**
 * The seeded (not yet necessarily anchored) database of `members` members, profile "scale",
 * seed 1 — the densities the 100k/1M datasets use, so every size of the scale curve holds the
 * same kind of data.
 */
/** Member count and primary key of a dataset: a database still loading has no keys yet and fewer members. */
async function completeness(url: string, members: number): Promise<{ complete: boolean; text: string }> {
  const [ready] = await adminQuery<{ n: string; pk: boolean }>(
    url,
    `SELECT (SELECT count(*) FROM member)::text AS n, EXISTS (SELECT 1 FROM pg_indexes WHERE tablename = 'member' AND indexname = 'member_pkey') AS pk`,
  ).catch(() => [{ n: '0', pk: false }]);
  return { complete: Number(ready!.n) === members && ready!.pk, text: `${Number(ready!.n).toLocaleString('en-US')} members, primary key ${ready!.pk ? 'present' : 'missing'}` };
}

/**
 * A cached dataset brought up to the repository's migrations: one seeded before a migration (an index
 * the code now relies on, say) would otherwise be measured silently on the old schema.
 */
async function migrated(found: { database: string; url: string }, say: (s: string) => void): Promise<{ database: string; url: string }> {
  const t = Date.now();
  const { applied } = await migrate(found.url);
  if (applied.length) say(`  ${found.database}: applied ${applied.join(', ')} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  return found;
}

export async function ensureSeeded(cluster: Cluster, members: number, say: (s: string) => void): Promise<{ database: string; url: string }> {
  const label = sizeLabel(members);
  const database = `lj_${label}_bench`;
  const url = cluster.urlFor(database);
  const key = metaKey(cluster, database);
  const meta = readMeta()[key];
  const exists = await databaseExists(cluster, database);
  if (exists && meta?.seededAt) return migrated({ database, url }, say);
  if (exists) {
    // Not recorded as made here (another checkout, or a seed that was interrupted): adopt it when
    // complete; on a server that is not the benchmark's own, never wipe it by reseeding.
    const state = await completeness(url, members);
    if (state.complete) {
      say(`adopting the existing ${database} (${state.text})`);
      writeMeta(key, { database, members, source: 'existing database, adopted', seededAt: new Date().toISOString(), seedSeconds: 0 });
      return migrated({ database, url }, say);
    }
    if (!cluster.embedded) throw new Error(`${database} exists but is not a complete ${label} dataset (${state.text}): drop it to have it made again`);
  }
  const source = `lj_${label}`;
  if (!cluster.embedded && (await databaseExists(cluster, source))) {
    const state = await completeness(cluster.urlFor(source), members);
    if (!state.complete) throw new Error(`${source} is not complete yet (${state.text}): still being seeded`);
    say(`copying ${source} → ${database} (CREATE DATABASE … TEMPLATE)…`);
    const t = Date.now();
    await adminQuery(cluster.adminUrl, `CREATE DATABASE ${pg.escapeIdentifier(database)} TEMPLATE ${pg.escapeIdentifier(source)}`);
    writeMeta(key, { database, members, source: `copy of ${source}`, seededAt: new Date().toISOString(), seedSeconds: (Date.now() - t) / 1000 });
    return migrated({ database, url }, say);
  }
  say(`seeding ${members.toLocaleString('en-US')} members into ${database} (profile scale, seed 1; cached for later runs)…`);
  if (!exists) await adminQuery(cluster.adminUrl, `CREATE DATABASE ${pg.escapeIdentifier(database)}`);
  const t = Date.now();
  await seed(url, { members, seed: 1, profile: 'scale', reset: true, progress: false });
  const seedSeconds = (Date.now() - t) / 1000;
  say(`  seeded in ${seedSeconds.toFixed(0)} s`);
  writeMeta(key, { database, members, source: 'seed --profile scale --seed 1', seededAt: new Date().toISOString(), seedSeconds });
  return { database, url };
}
