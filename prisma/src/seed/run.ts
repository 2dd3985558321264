// Seeds a database: migrates it, refuses to touch data unless told to reset, generates the
// organisation in chunks (worker threads when available) and writes each chunk with COPY in one
// transaction, every verifiable row with its outbox record.
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { migrate } from '../migrate.js';
import { createDemoAccounts, type DemoAccount } from './accounts.js';
import { generateChunk, generateGlobal, planFor, type GeneratedChunk, type SeedSpec } from './generate.js';
import { fmt, Progress } from './progress.js';
import { Prng } from './prng.js';
import { OUTBOX_OMIT } from './sink.js';
import { tableSpec } from './copy.js';

export interface SeedOptions {
  members: number;
  seed?: string | number;
  /** Empty every table first; without it a non-empty database is refused. */
  reset?: boolean;
  /** Months of meeting history before the base date (default 6). */
  months?: number;
  /** Generator threads; 0 generates in-process (default 1). */
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
const profile: Record<string, number> | null = process.env.LIANJIAN_SEED_PROFILE ? {} : null;

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
      if (profile) profile[spec.table] = (profile[spec.table] ?? 0) + performance.now() - tc;
      written += t.rows;
    }
    const tc = performance.now();
    await client.query('COMMIT');
    if (profile) profile.COMMIT = (profile.COMMIT ?? 0) + performance.now() - tc;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
  return written;
}

interface Deferred {
  indexes: Array<{ name: string; def: string }>;
  foreignKeys: Array<{ table: string; name: string; def: string }>;
}

/**
 * Bulk mode (large seeds into an empty database): secondary indexes and foreign keys are dropped
 * before the load and rebuilt after it, which is several times faster than maintaining them row
 * by row. Rebuilding the foreign keys validates every reference, so integrity is still checked.
 * Primary keys stay. An interrupted bulk load leaves them missing: rerun with --reset.
 */
async function deferIndexes(client: pg.Client): Promise<Deferred> {
  const indexes = await client.query<{ name: string; def: string }>(
    `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
      WHERE t.relnamespace = 'public'::regnamespace AND t.relname <> '_prisma_migrations' AND NOT i.indisprimary
        -- Indexes that back a constraint (or that a foreign key relies on) stay.
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`,
  );
  const fks = await client.query<{ table: string; name: string; def: string }>(
    `SELECT t.relname AS table, k.conname AS name, pg_get_constraintdef(k.oid) AS def
       FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid
      WHERE k.contype = 'f' AND t.relnamespace = 'public'::regnamespace`,
  );
  await client.query('BEGIN');
  for (const f of fks.rows) await client.query(`ALTER TABLE "${f.table}" DROP CONSTRAINT "${f.name}"`);
  for (const i of indexes.rows) await client.query(`DROP INDEX "${i.name}"`);
  await client.query('COMMIT');
  return { indexes: indexes.rows, foreignKeys: fks.rows };
}

async function restoreIndexes(url: string, d: Deferred, log: (s: string) => void): Promise<void> {
  // Two connections: index builds on the two cores of a small machine.
  const clients = [new pg.Client({ connectionString: url }), new pg.Client({ connectionString: url })];
  await Promise.all(clients.map((c) => c.connect()));
  try {
    await Promise.all(clients.map((c) => c.query("SET maintenance_work_mem = '512MB'")));
    const work = [...d.indexes.map((i) => i.def)];
    await Promise.all(
      clients.map(async (c) => {
        for (let next = work.shift(); next; next = work.shift()) await c.query(next);
      }),
    );
    log(`rebuilt ${d.indexes.length} indexes`);
    const fks = d.foreignKeys.map((f) => `ALTER TABLE "${f.table}" ADD CONSTRAINT "${f.name}" ${f.def}`);
    await Promise.all(
      clients.map(async (c) => {
        for (let next = fks.shift(); next; next = fks.shift()) await c.query(next);
      }),
    );
    log(`restored and validated ${d.foreignKeys.length} foreign keys`);
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
  return 1;
}

export async function seed(url: string, opts: SeedOptions): Promise<SeedResult> {
  const t0 = Date.now();
  const log = opts.log ?? (() => {});
  const spec: SeedSpec = { seed: opts.seed ?? 1, members: opts.members, months: opts.months ?? 6, randomSalts: opts.randomSalts ?? false };
  if (!Number.isSafeInteger(spec.members) || spec.members < 1) throw new SeedError('--members must be a positive integer');
  if (!Number.isSafeInteger(spec.months) || spec.months < 1 || spec.months > 60) throw new SeedError('--months must be 1–60');
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
    const deferred = bulk ? await deferIndexes(client) : null;
    if (deferred) log(`bulk mode: ${deferred.indexes.length} indexes and ${deferred.foreignKeys.length} foreign keys deferred to the end`);
    // Bulk-load settings for this session only.
    await client.query("SET synchronous_commit = off; SET maintenance_work_mem = '256MB'");
    const { plan } = planFor(spec);
    const rows: Record<string, number> = {};
    let total = 0;
    let members = 0;
    const progress = new Progress(spec.members, 'members', process.stderr, opts.progress ?? true);
    total += await writeChunk(client, generateGlobal(spec), rows, guards);
    progress.update(0, total);
    let demoMemberId: string | null = null;
    for await (const chunk of chunks(spec, plan.chunks.length, opts.workers ?? defaultWorkers())) {
      demoMemberId ??= chunk.demoMemberId;
      total += await writeChunk(client, chunk, rows, guards);
      members += chunk.members;
      progress.update(members, total);
    }
    progress.finish();
    if (deferred) {
      const tr = Date.now();
      await restoreIndexes(url, deferred, log);
      log(`indexes and foreign keys rebuilt in ${fmt((Date.now() - tr) / 1000)}`);
    }
    await client.query(`SELECT setval(pg_get_serial_sequence('org_unit', 'no'), (SELECT max(no) FROM org_unit))`);

    const demoBranch = plan.branches[0]!;
    const member = demoMemberId
      ? (await client.query<{ id: string; name: string; org_unit_id: string }>('SELECT id, name, org_unit_id FROM member WHERE id = $1', [demoMemberId]))
          .rows[0]
      : undefined;
    const ids = new Prng(spec.seed, 'accounts');
    const accounts = await createDemoAccounts(
      client,
      {
        committeeId: plan.committee.id,
        committeeName: plan.committee.name,
        branchId: demoBranch.id,
        branchName: demoBranch.name,
        member: member ? { id: member.id, name: member.name, unitId: member.org_unit_id } : null,
      },
      () => ids.uuid(),
    );
    rows.account = accounts.length;
    total += accounts.length;
    if (profile) log(`copy time per table (ms): ${JSON.stringify(Object.fromEntries(Object.entries(profile).sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, Math.round(v)])))}`);
    log('analysing tables…');
    await client.query('ANALYZE');
    const size = await client.query<{ bytes: string }>('SELECT pg_database_size(current_database())::text AS bytes');
    const elapsedMs = Date.now() - t0;
    log(`seeded ${members.toLocaleString('en-US')} members, ${total.toLocaleString('en-US')} rows in ${fmt(elapsedMs / 1000)}`);
    return { members, seed: spec.seed, elapsedMs, rows, totalRows: total, databaseBytes: Number(size.rows[0]!.bytes), accounts };
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
  return seed(url, { members: opts.members ?? 300, seed: opts.seed ?? 'demo', months: 12, progress: false, workers: 0, randomSalts: true });
}
