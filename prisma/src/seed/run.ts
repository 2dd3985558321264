// Seeds a database: migrates it, refuses to touch data unless told to reset, generates the
// organisation in chunks (worker threads when available) and writes each chunk with COPY in one
// transaction, every verifiable row with its outbox record.
import { once } from 'node:events';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { migrate } from '../migrate.js';
import { createDemoAccounts, type DemoAccount } from './accounts.js';
import { generateChunk, generateGlobal, planFor, salts, type GeneratedChunk, type SeedSpec } from './generate.js';
import { demoNotices } from './notices.js';
import { fmt, Progress } from './progress.js';
import { Prng } from './prng.js';
import { density, SCALE_FROM, type ProfileName } from './profile.js';
import { OUTBOX_OMIT, TABLE_ORDER } from './sink.js';
import { tableSpec } from './copy.js';

export interface SeedOptions {
  members: number;
  seed?: string | number;
  /** Empty every table first; without it a non-empty database is refused. */
  reset?: boolean;
  /** Densities (profile.ts): `full` (default below 50,000 members) or `scale` (default from then on). */
  profile?: ProfileName;
  /** Months of meeting history before the base date (default: 6 full, 3 scale). */
  months?: number;
  /** Generator threads; 0 generates in-process (default: the machine's cores). */
  workers?: number;
  /** Drop secondary indexes and foreign keys during the load (default: from 5,000 members). */
  bulk?: boolean;
  /** Record salts from the CSPRNG rather than the seed (default false: fully reproducible). */
  randomSalts?: boolean;
  /** Progress on stderr (default true). */
  progress?: boolean;
  log?: (line: string) => void;
}

export interface SeedResult {
  members: number;
  seed: string | number;
  elapsedMs: number;
  /** Rows written per table. */
  rows: Record<string, number>;
  totalRows: number;
  profile: ProfileName;
  /** Seconds per phase: generate+copy, index rebuild (bulk), analyze. */
  phases: Array<{ phase: string; seconds: number }>;
  databaseBytes: number;
  accounts: DemoAccount[];
}

export class SeedError extends Error {
  override name = 'SeedError';
}

async function isEmpty(client: pg.Client): Promise<boolean> {
  const { rows } = await client.query<{ any: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM org_unit) OR EXISTS (SELECT 1 FROM outbox_record) OR EXISTS (SELECT 1 FROM account) AS any',
  );
  return !rows[0]!.any;
}

/**
 * The deferred per-row "requires its outbox record" triggers (20261122235900_indexer_ledger), by
 * table. The seed writes every record by construction (and its tests check it), so inside its own
 * transactions it switches them off for the tables it copies: at bulk scale the per-row check at
 * COMMIT costs more than the load itself.
 */
async function recordGuards(client: pg.Client): Promise<Map<string, string[]>> {
  const { rows } = await client.query<{ table: string; trigger: string }>(
    `SELECT c.relname AS table, t.tgname AS trigger
       FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
      WHERE p.proname = 'lianjian_require_record' AND NOT t.tgisinternal`,
  );
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.table, [...(out.get(r.table) ?? []), r.trigger]);
  return out;
}

/** LIANJIAN_SEED_PROFILE=1: milliseconds spent copying each table, printed at the end. */
const profileTimes: Record<string, number> | null = process.env.LIANJIAN_SEED_PROFILE ? {} : null;

async function writeChunk(
  client: pg.Client,
  chunk: GeneratedChunk,
  rows: Record<string, number>,
  guards: Map<string, string[]>,
): Promise<number> {
  let written = 0;
  await client.query('BEGIN');
  try {
    for (const t of chunk.tables) {
      const spec = tableSpec(t.model, t.model === 'OutboxRecord' ? OUTBOX_OMIT : []);
      // Transactional: no other session ever sees the triggers disabled.
      for (const trigger of guards.get(spec.table) ?? []) {
        await client.query(`ALTER TABLE "${spec.table}" DISABLE TRIGGER "${trigger}"`);
      }
      const tc = performance.now();
      const stream = client.query(copyFrom(spec.copySql));
      const done = once(stream, 'finish');
      // Slices keep single writes bounded; waiting on 'drain' keeps memory flat.
      const SLICE = 1 << 20;
      for (let i = 0; i < t.text.length; i += SLICE) {
        if (!stream.write(t.text.slice(i, i + SLICE))) await once(stream, 'drain');
      }
      stream.end();
      await done;
      for (const trigger of guards.get(spec.table) ?? []) {
        await client.query(`ALTER TABLE "${spec.table}" ENABLE TRIGGER "${trigger}"`);
      }
      rows[spec.table] = (rows[spec.table] ?? 0) + t.rows;
      if (profileTimes) profileTimes[spec.table] = (profileTimes[spec.table] ?? 0) + performance.now() - tc;
      written += t.rows;
    }
    const tc = performance.now();
    await client.query('COMMIT');
    if (profileTimes) profileTimes.COMMIT = (profileTimes.COMMIT ?? 0) + performance.now() - tc;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
  return written;
}

interface Deferred {
  /** Primary keys and unique constraints (rebuilt first: foreign keys need them). */
  keys: Array<{ table: string; name: string; def: string }>;
  indexes: Array<{ table: string; name: string; def: string }>;
  foreignKeys: Array<{ table: string; name: string; def: string }>;
  /** Record guards (and analytics capture triggers) switched off for the whole load. */
  guards: Array<{ table: string; trigger: string }>;
  /** Analytics capture triggers were among them: the rollups are rebuilt from the tables after. */
  analytics: boolean;
  /** Tables whose autovacuum is paused during the load. */
  tables: string[];
}

/**
 * Bulk mode (large seeds into an empty database): foreign keys, primary keys, unique constraints
 * and secondary indexes are dropped before the load and rebuilt after it, which is several times
 * faster than maintaining them row by row (a random-UUID primary key costs a B-tree descent per
 * row; a rebuild sorts once). Rebuilding validates every key and reference, so integrity is still
 * checked. The record guards (deferred "requires its outbox record" triggers) are switched off for
 * the whole load too, instead of per chunk transaction: ALTER TABLE … DISABLE TRIGGER takes a
 * SHARE ROW EXCLUSIVE lock that would serialise concurrent writers, and the database is being
 * seeded, unfit for other writers anyway, until the restore. An interrupted bulk load leaves
 * keys, indexes and guards missing: rerun with --reset.
 */
async function deferIndexes(client: pg.Client, guards: Map<string, string[]>): Promise<Deferred> {
  // Keys and indexes of the tables the seed copies into; other tables (accounts, ledger, the
  // rollups that statement triggers fill during the load, with ON CONFLICT on their keys) keep theirs.
  const seeded = TABLE_ORDER.map((m) => tableSpec(m).table);
  // Except org_unit's: small, written first, and its path trigger looks each parent up by id (a
  // sequential scan per row without the primary key: 39 s of a 100k-member load, quadratic).
  const rebuilt = seeded.filter((t) => t !== 'org_unit');
  const indexes = await client.query<{ table: string; name: string; def: string }>(
    `SELECT t.relname AS table, c.relname AS name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
      WHERE t.relnamespace = 'public'::regnamespace AND t.relname = ANY($1) AND NOT i.indisprimary
        -- Indexes that back a constraint come back with it.
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`,
    [rebuilt],
  );
  // Every foreign key goes (one may reference a seeded table's key); keys only of seeded tables.
  const constraints = await client.query<{ table: string; name: string; def: string; type: string }>(
    `SELECT t.relname AS table, k.conname AS name, pg_get_constraintdef(k.oid) AS def, k.contype AS type
       FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid
      WHERE t.relnamespace = 'public'::regnamespace AND t.relname <> '_prisma_migrations'
        AND (k.contype = 'f' OR (k.contype IN ('p', 'u') AND t.relname = ANY($1)))`,
    [rebuilt],
  );
  const fks = constraints.rows.filter((k) => k.type === 'f');
  const keys = constraints.rows.filter((k) => k.type !== 'f');
  // The analytics rollups' statement-level capture triggers (migration *_analytics_rollups) cost
  // more per COPY than the copy itself; their documented equivalent is one rebuild from the
  // tables (lianjian_analytics_rebuild()), run after the load.
  const analytics = await client.query<{ table: string; trigger: string }>(
    `SELECT c.relname AS table, t.tgname AS trigger
       FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
      WHERE p.proname LIKE 'lianjian\\_analytics\\_%' AND NOT t.tgisinternal AND c.relname = ANY($1)
        AND EXISTS (SELECT 1 FROM pg_proc r WHERE r.proname = 'lianjian_analytics_rebuild')`,
    [seeded],
  );
  const off = [...[...guards].flatMap(([table, triggers]) => triggers.map((trigger) => ({ table, trigger }))), ...analytics.rows];
  await client.query('BEGIN');
  for (const f of fks) await client.query(`ALTER TABLE "${f.table}" DROP CONSTRAINT "${f.name}"`);
  for (const k of keys) await client.query(`ALTER TABLE "${k.table}" DROP CONSTRAINT "${k.name}"`);
  for (const i of indexes.rows) await client.query(`DROP INDEX "${i.name}"`);
  for (const g of off) await client.query(`ALTER TABLE "${g.table}" DISABLE TRIGGER "${g.trigger}"`);
  // Insert-driven autovacuum would scan the tables while they grow, competing for the cores.
  for (const t of seeded) await client.query(`ALTER TABLE "${t}" SET (autovacuum_enabled = false)`);
  await client.query('COMMIT');
  return { keys, indexes: indexes.rows, foreignKeys: fks, guards: off, analytics: analytics.rows.length > 0, tables: seeded };
}

/** Runs statements on the connections, largest table first, each connection taking the next. */
async function runSpread(clients: pg.Client[], work: Array<{ table: string; sql: string }>, sizes: Map<string, number>): Promise<void> {
  const queue = [...work].sort((x, y) => (sizes.get(y.table) ?? 0) - (sizes.get(x.table) ?? 0));
  await Promise.all(
    clients.map(async (c) => {
      for (let next = queue.shift(); next; next = queue.shift()) await c.query(next.sql);
    }),
  );
}

async function restoreIndexes(url: string, d: Deferred, log: (s: string) => void): Promise<void> {
  // Two connections: index builds on the two cores of a small machine.
  const clients = [new pg.Client({ connectionString: url }), new pg.Client({ connectionString: url })];
  await Promise.all(clients.map((c) => c.connect()));
  try {
    await Promise.all(clients.map((c) => c.query("SET maintenance_work_mem = '1GB'; SET max_parallel_maintenance_workers = 0")));
    const { rows } = await clients[0]!.query<{ table: string; bytes: string }>(
      `SELECT relname AS table, pg_relation_size(oid)::text AS bytes FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'`,
    );
    const sizes = new Map(rows.map((r) => [r.table, Number(r.bytes)]));
    let t = Date.now();
    await runSpread(clients, d.keys.map((k) => ({ table: k.table, sql: `ALTER TABLE "${k.table}" ADD CONSTRAINT "${k.name}" ${k.def}` })), sizes);
    log(`rebuilt ${d.keys.length} primary keys and unique constraints in ${fmt((Date.now() - t) / 1000)}`);
    t = Date.now();
    await runSpread(clients, d.indexes.map((i) => ({ table: i.table, sql: i.def })), sizes);
    log(`rebuilt ${d.indexes.length} indexes in ${fmt((Date.now() - t) / 1000)}`);
    t = Date.now();
    await runSpread(clients, d.foreignKeys.map((f) => ({ table: f.table, sql: `ALTER TABLE "${f.table}" ADD CONSTRAINT "${f.name}" ${f.def}` })), sizes);
    log(`restored and validated ${d.foreignKeys.length} foreign keys in ${fmt((Date.now() - t) / 1000)}`);
    await clients[0]!.query('BEGIN');
    for (const g of d.guards) await clients[0]!.query(`ALTER TABLE "${g.table}" ENABLE TRIGGER "${g.trigger}"`);
    for (const t of d.tables) await clients[0]!.query(`ALTER TABLE "${t}" RESET (autovacuum_enabled)`);
    await clients[0]!.query('COMMIT');
    log(`re-enabled ${d.guards.length} record guards and analytics triggers`);
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
}

/**
 * Built, the worker is worker.js. From source, worker threads do not inherit tsx's loader, so
 * a tiny data: module registers it before importing worker.ts.
 */
function workerEntry(): URL {
  if (!import.meta.url.endsWith('.ts')) return new URL('./worker.js', import.meta.url);
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./worker.ts', import.meta.url).href;
  const code = `const { register } = await import(${JSON.stringify(tsx)}); register(); await import(${JSON.stringify(entry)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

/** Yields generated chunks in index order, from worker threads (or in-process). */
async function* chunks(spec: SeedSpec, count: number, workers: number): AsyncGenerator<GeneratedChunk> {
  if (workers <= 0 || count <= 1) {
    for (let i = 0; i < count; i++) {
      yield generateChunk(spec, i);
      // Let the event loop flush COPY data between chunks.
      await new Promise((r) => setImmediate(r));
    }
    return;
  }
  const n = Math.min(workers, count);
  const ready = new Map<number, GeneratedChunk>();
  let wake: (() => void) | null = null;
  let failure: unknown = null;
  const pool = Array.from({ length: n }, (_, w) => {
    const mine = Array.from({ length: count }, (_, i) => i).filter((i) => i % n === w);
    // A larger young generation: generation allocates many short-lived strings (GC was a quarter of the time).
    const worker = new Worker(workerEntry(), { workerData: { spec, chunks: mine }, resourceLimits: { maxYoungGenerationSizeMb: 64 } });
    worker.on('message', (m: GeneratedChunk | { done: true }) => {
      if ('index' in m) ready.set(m.index, m);
      wake?.();
    });
    worker.on('error', (err) => {
      failure = err;
      wake?.();
    });
    return worker;
  });
  try {
    for (let i = 0; i < count; i++) {
      while (!ready.has(i)) {
        if (failure) throw failure;
        await new Promise<void>((r) => (wake = r));
        wake = null;
      }
      const chunk = ready.get(i)!;
      ready.delete(i);
      pool[i % n]!.postMessage({ credit: 1 });
      yield chunk;
    }
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}

/** Worker threads need the TypeScript loader when running from source (tsx); under a test runner they may not load. */
function defaultWorkers(): number {
  if (process.env.VITEST) return 0;
  return availableParallelism();
}

export async function seed(url: string, opts: SeedOptions): Promise<SeedResult> {
  const t0 = Date.now();
  const log = opts.log ?? (() => {});
  if (!Number.isSafeInteger(opts.members) || opts.members < 1) throw new SeedError('--members must be a positive integer');
  if (opts.months !== undefined && (!Number.isSafeInteger(opts.months) || opts.months < 1 || opts.months > 60)) throw new SeedError('--months must be 1–60');
  const profile = opts.profile ?? (opts.members >= SCALE_FROM ? 'scale' : 'full');
  if (profile !== 'full' && profile !== 'scale') throw new SeedError(`--profile must be full or scale, got ${String(profile)}`);
  const spec: SeedSpec = { seed: opts.seed ?? 1, members: opts.members, density: density(profile, opts.months), randomSalts: opts.randomSalts ?? false };
  const phases: SeedResult['phases'] = [];
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    if (opts.reset) {
      // The ledger refuses TRUNCATE and DELETE by design, so a reset starts from an empty schema
      // (which also clears a history whose migrations have since changed).
      log('dropping and recreating the public schema…');
      await client.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public');
    }
    await migrate(url, { log });
    if (!(await isEmpty(client))) {
      throw new SeedError('the database already holds data; pass --reset to empty it first (this deletes everything)');
    }
    const guards = await recordGuards(client);
    const bulk = opts.bulk ?? spec.members >= 5_000;
    const deferred = bulk ? await deferIndexes(client, guards) : null;
    if (deferred) {
      log(`bulk mode: ${deferred.keys.length} keys, ${deferred.indexes.length} indexes, ${deferred.foreignKeys.length} foreign keys and ${deferred.guards.length} record guards deferred to the end`);
    }
    // Per chunk transaction only when the guards are still on (not in bulk mode).
    const chunkGuards = deferred ? new Map<string, string[]>() : guards;
    // Bulk-load settings for this session only.
    await client.query("SET synchronous_commit = off; SET maintenance_work_mem = '256MB'");
    const { plan } = planFor(spec);
    const workers = opts.workers ?? defaultWorkers();
    log(`profile ${profile} (${spec.density.months} months of meetings), ${plan.chunks.length} chunks, ${workers} generator thread${workers === 1 ? '' : 's'}`);
    const rows: Record<string, number> = {};
    let total = 0;
    let members = 0;
    const progress = new Progress(spec.members, 'members', process.stderr, opts.progress ?? true);
    const tl = Date.now();
    total += await writeChunk(client, generateGlobal(spec), rows, chunkGuards);
    progress.update(0, total);
    let demoMemberId: string | null = null;
    for await (const chunk of chunks(spec, plan.chunks.length, workers)) {
      demoMemberId ??= chunk.demoMemberId;
      total += await writeChunk(client, chunk, rows, chunkGuards);
      members += chunk.members;
      progress.update(members, total);
    }
    progress.finish();
    phases.push({ phase: 'generate+copy', seconds: (Date.now() - tl) / 1000 });
    log(`generated and copied ${total.toLocaleString('en-US')} rows in ${fmt(phases[0]!.seconds)} (${Math.round(total / phases[0]!.seconds).toLocaleString('en-US')} rows/s)`);
    if (deferred) {
      const tr = Date.now();
      await restoreIndexes(url, deferred, log);
      phases.push({ phase: 'index rebuild', seconds: (Date.now() - tr) / 1000 });
      log(`keys, indexes and foreign keys rebuilt in ${fmt(phases[phases.length - 1]!.seconds)}`);
      if (deferred.analytics) {
        const tr2 = Date.now();
        await client.query('SELECT lianjian_analytics_rebuild()');
        phases.push({ phase: 'analytics', seconds: (Date.now() - tr2) / 1000 });
        log(`analytics rollups rebuilt from the tables in ${fmt(phases[phases.length - 1]!.seconds)}`);
      }
    }
    await client.query(`SELECT setval(pg_get_serial_sequence('org_unit', 'no'), (SELECT max(no) FROM org_unit))`);

    const demoBranch = plan.branches[0]!;
    const member = demoMemberId
      ? (await client.query<{ id: string; name: string; org_unit_id: string }>('SELECT id, name, org_unit_id FROM member WHERE id = $1', [demoMemberId]))
          .rows[0]
      : undefined;
    // The general-branch secretary's account belongs to its current 书记 (seed/committees.ts).
    const secretaryOf = async (unitId: string) =>
      (await client.query<{ id: string; name: string }>(
        `SELECT m.id, m.name FROM committee_position p JOIN committee c ON c.id = p.committee_id JOIN member m ON m.id = p.member_id
          WHERE p.org_unit_id = $1 AND p.title = 'SECRETARY' AND p.ended_on IS NULL AND c.ended_on IS NULL`,
        [unitId],
      )).rows[0] ?? null;
    const ids = new Prng(spec.seed, 'accounts');
    const accounts = await createDemoAccounts(
      client,
      {
        committeeId: plan.committee.id,
        committeeName: plan.committee.name,
        branchId: demoBranch.id,
        branchName: demoBranch.name,
        member: member ? { id: member.id, name: member.name, unitId: member.org_unit_id } : null,
        deciding: { id: demoBranch.committee.id, name: demoBranch.committee.name },
        generalBranch: demoBranch.generalBranch
          ? { id: demoBranch.generalBranch.id, name: demoBranch.generalBranch.name, secretary: await secretaryOf(demoBranch.generalBranch.id) }
          : null,
      },
      () => ids.uuid(),
    );
    rows.account = accounts.length;
    total += accounts.length;
    total += await writeChunk(client, { ...(await demoNotices(client, plan, spec.seed, salts(spec, 'salt:notices'))), index: -1, demoMemberId: null }, rows, guards);
    if (profileTimes) log(`copy time per table (ms): ${JSON.stringify(Object.fromEntries(Object.entries(profileTimes).sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, Math.round(v)])))}`);
    log('analysing tables…');
    const ta = Date.now();
    await client.query('ANALYZE');
    phases.push({ phase: 'analyze', seconds: (Date.now() - ta) / 1000 });
    const size = await client.query<{ bytes: string }>('SELECT pg_database_size(current_database())::text AS bytes');
    const elapsedMs = Date.now() - t0;
    log(`seeded ${members.toLocaleString('en-US')} members, ${total.toLocaleString('en-US')} rows in ${fmt(elapsedMs / 1000)}`);
    return { members, seed: spec.seed, elapsedMs, rows, totalRows: total, profile, phases, databaseBytes: Number(size.rows[0]!.bytes), accounts };
  } finally {
    await client.end();
  }
}

/**
 * The data `npm start` puts in an empty database: a few hundred members and the demo accounts.
 * The rows are the same on every install; record salts are not (they are drawn from the CSPRNG),
 * since the seed of the demo is public.
 */
export async function seedDemo(url: string, opts: { members?: number; seed?: string | number } = {}): Promise<SeedResult> {
  return seed(url, { members: opts.members ?? 300, seed: opts.seed ?? 'demo', profile: 'full', months: 12, progress: false, workers: 0, randomSalts: true });
}
