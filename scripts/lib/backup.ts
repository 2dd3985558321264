// Backup and restore of a Lianjian deployment: the database and the chain node's home.
//
// The database is dumped logically, as pg_dump does — every table of the public schema copied out
// in one REPEATABLE READ READ ONLY snapshot (COPY … TO STDOUT, binary, gzip), sequences with their
// positions — and restored into an empty database: the schema by the project's own migrations
// (the manifest names them; restore refuses a release whose migrations differ), the rows by COPY
// with triggers off (session_replication_role = replica: the append-only and record-coverage
// triggers would refuse a bulk load, and the rows are the checked ones of the snapshot), then the
// sequences. The embedded Postgres of `npm start` ships no pg_dump (only initdb, pg_ctl, postgres),
// and Debian's pg_dump 15 refuses a PostgreSQL 18 server; this needs neither.
//
// The chain home is a tar.gz of the node's directory (config, keys, data). Take it with the node
// stopped: a copy of a running node's databases may not open. It holds the validator's and the
// submitters' keys: keep backups where keys are kept (the files are written 0600).
//
// Order: the database first, then the chain. The chain may then hold batches the restored database
// does not — the indexer adopts a batch whose root it rebuilds, and raises a tamper alert for one it
// cannot (docs/operations.md, "database lost").
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { createGunzip, createGzip } from 'node:zlib';
import { loadMigrations, migrate, migrationsDir } from '@lianjian/db';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';

const run = promisify(execFile);

export const BACKUP_FORMAT = 'lianjian-backup/1';

export interface TableEntry {
  name: string;
  columns: string[];
  rows: number;
  file: string;
  bytes: number;
  sha256: string;
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  /** git HEAD of the tree that made the backup, when known: restore with the same release. */
  release: string | null;
  postgres: { serverVersion: string; database: string };
  migrations: { name: string; checksum: string }[];
  tables: TableEntry[];
  sequences: { name: string; lastValue: string; isCalled: boolean }[];
  /** The ledger as the snapshot saw it. */
  ledger: { records: number; batches: number; lastAnchoredSeq: number };
  chain: { file: string; bytes: number; sha256: string; chainId: string | null } | null;
  timings: { databaseMs: number; chainMs: number; totalMs: number };
}

const quote = (name: string) => pg.escapeIdentifier(name);

async function sha256File(file: string): Promise<string> {
  const h = createHash('sha256');
  await pipeline(createReadStream(file), h);
  return h.digest('hex');
}

async function gitHead(cwd: string): Promise<string | null> {
  try {
    return (await run('git', ['rev-parse', 'HEAD'], { cwd })).stdout.trim() || null;
  } catch {
    return null;
  }
}

export interface BackupOptions {
  databaseUrl: string;
  /** The chain node's home; omitted: the database only. */
  chainHome?: string;
  /** Directory to create; must not exist or be empty. */
  out: string;
  log?: (line: string) => void;
}

/** Writes <out>/manifest.json, <out>/db/<table>.copy.gz and <out>/chain-home.tar.gz. */
export async function backup(opts: BackupOptions): Promise<BackupManifest> {
  const log = opts.log ?? (() => {});
  const t0 = performance.now();
  if (existsSync(opts.out) && readdirSync(opts.out).length > 0) throw new Error(`${opts.out} exists and is not empty`);
  mkdirSync(path.join(opts.out, 'db'), { recursive: true, mode: 0o700 });

  const client = new pg.Client({ connectionString: opts.databaseUrl, application_name: 'lianjian-backup' });
  await client.connect();
  let manifest: Omit<BackupManifest, 'chain' | 'timings' | 'createdAt' | 'release'>;
  try {
    // One snapshot for everything, as pg_dump takes it.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const info = (await client.query<{ v: string; db: string }>('SELECT current_setting($1) AS v, current_database() AS db', ['server_version'])).rows[0]!;
    const migrations = (await client.query<{ name: string; checksum: string }>(
      `SELECT migration_name AS name, checksum FROM "_prisma_migrations"
        WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY started_at, migration_name`,
    )).rows;
    const tables = (await client.query<{ name: string; columns: string[] }>(
      `SELECT c.relname AS name,
              array_agg(a.attname::text ORDER BY a.attnum) AS columns
         FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
        WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> '_prisma_migrations'
        GROUP BY c.relname ORDER BY c.relname`,
    )).rows;
    const entries: TableEntry[] = [];
    for (const t of tables) {
      const file = `db/${t.name}.copy.gz`;
      const target = path.join(opts.out, file);
      const stream = client.query(copyTo(`COPY (SELECT ${t.columns.map(quote).join(', ')} FROM ${quote(t.name)}) TO STDOUT WITH (FORMAT binary)`));
      await pipeline(stream, createGzip({ level: 1 }), createWriteStream(target, { mode: 0o600 }));
      entries.push({ name: t.name, columns: t.columns, rows: stream.rowCount, file, bytes: statSync(target).size, sha256: await sha256File(target) });
    }
    const seqNames = (await client.query<{ name: string }>(`SELECT sequencename AS name FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename`)).rows;
    const sequences: BackupManifest['sequences'] = [];
    for (const s of seqNames) {
      const r = (await client.query<{ last_value: string; is_called: boolean }>(`SELECT last_value::text, is_called FROM ${quote(s.name)}`)).rows[0]!;
      sequences.push({ name: s.name, lastValue: r.last_value, isCalled: r.is_called });
    }
    const ledger = (await client.query<{ records: string; batches: string; last: number | null }>(
      `SELECT (SELECT count(*) FROM outbox_record)::text AS records, (SELECT count(*) FROM batch)::text AS batches,
              (SELECT max(seq) FROM batch WHERE status = 'ANCHORED') AS last`,
    )).rows[0]!;
    await client.query('COMMIT');
    manifest = {
      format: BACKUP_FORMAT,
      postgres: { serverVersion: info.v, database: info.db },
      migrations,
      tables: entries,
      sequences,
      ledger: { records: Number(ledger.records), batches: Number(ledger.batches), lastAnchoredSeq: ledger.last ?? 0 },
    };
  } finally {
    await client.end();
  }
  const tDb = performance.now();
  log(`database: ${manifest.tables.length} tables, ${manifest.tables.reduce((a, t) => a + t.rows, 0)} rows in ${Math.round(tDb - t0)} ms`);

  let chain: BackupManifest['chain'] = null;
  if (opts.chainHome) {
    if (!existsSync(path.join(opts.chainHome, 'config/genesis.json'))) throw new Error(`${opts.chainHome} is not a chain node home (no config/genesis.json)`);
    const file = 'chain-home.tar.gz';
    const target = path.join(opts.out, file);
    await run('tar', ['-czf', target, '-C', opts.chainHome, '.']);
    const genesis = JSON.parse(readFileSync(path.join(opts.chainHome, 'config/genesis.json'), 'utf8')) as { chain_id?: string };
    chain = { file, bytes: statSync(target).size, sha256: await sha256File(target), chainId: genesis.chain_id ?? null };
    log(`chain home: ${(chain.bytes / 1e6).toFixed(1)} MB in ${Math.round(performance.now() - tDb)} ms`);
  }
  const tEnd = performance.now();
  const full: BackupManifest = {
    ...manifest,
    createdAt: new Date().toISOString(),
    release: await gitHead(path.resolve(import.meta.dirname, '../..')),
    chain,
    timings: { databaseMs: Math.round(tDb - t0), chainMs: Math.round(tEnd - tDb), totalMs: Math.round(tEnd - t0) },
  };
  writeFileSync(path.join(opts.out, 'manifest.json'), JSON.stringify(full, null, 2) + '\n', { mode: 0o600 });
  return full;
}

export interface RestoreOptions {
  /** A directory written by backup(). */
  from: string;
  /** An empty database (no tables yet): the migrations and the rows go there. */
  databaseUrl?: string;
  /** Where to unpack the chain home; must not exist or be empty. */
  chainHome?: string;
  /**
   * The migrations of the release doing the restore (default: this tree's prisma/migrations). Only
   * the release that made the backup restores it: a test plays another release by naming its set.
   */
  migrationsDir?: string;
  log?: (line: string) => void;
}

export interface RestoreReport {
  tables: number;
  rows: number;
  timings: { verifyMs: number; databaseMs: number; chainMs: number; totalMs: number };
}

/** A set of migrations as one comparable string (by name: the applied order is by start time). */
const migrationKey = (x: { name: string; checksum: string }[]) =>
  x
    .map((r) => `${r.name}:${r.checksum}`)
    .sort()
    .join('\n');

/** The restoring release is not the one that made the backup (docs/operations.md, "a release is rolled back"). */
export class MigrationsDifferError extends Error {
  override name = 'MigrationsDifferError';
  constructor(m: BackupManifest, here: number) {
    super(
      `this release's migrations differ from the backup's (backup: ${m.migrations.length}, here: ${here}; backup release ${m.release ?? 'unknown'}): ` +
        'restore with the release that made the backup, then start the new release to migrate',
    );
  }
}

export function readManifest(dir: string): BackupManifest {
  const m = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as BackupManifest;
  if (m.format !== BACKUP_FORMAT) throw new Error(`${dir}: not a ${BACKUP_FORMAT} backup (format ${String(m.format)})`);
  return m;
}

export async function restore(opts: RestoreOptions): Promise<RestoreReport> {
  const log = opts.log ?? (() => {});
  const t0 = performance.now();
  const m = readManifest(opts.from);
  // Every file as written, before anything is touched.
  const files = [...(opts.databaseUrl ? m.tables : []), ...(opts.chainHome && m.chain ? [m.chain] : [])];
  for (const f of files) {
    const got = await sha256File(path.join(opts.from, f.file));
    if (got !== f.sha256) throw new Error(`${f.file} is damaged: sha256 ${got}, manifest ${f.sha256}`);
  }
  const tVerify = performance.now();

  let rows = 0;
  if (opts.databaseUrl) {
    // Refuse another release's restore before the target is touched (checked again once migrated).
    const mine = loadMigrations(opts.migrationsDir ?? migrationsDir()).map((x) => ({ name: x.name, checksum: x.checksum }));
    if (migrationKey(mine) !== migrationKey(m.migrations)) throw new MigrationsDifferError(m, mine.length);
    const client = new pg.Client({ connectionString: opts.databaseUrl, application_name: 'lianjian-restore' });
    await client.connect();
    try {
      const existing = (await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')`,
      )).rows[0]!.n;
      if (existing > 0) throw new Error('the target database is not empty: restore into a new database (createdb) or a fresh cluster');
    } finally {
      await client.end();
    }
    // The schema, by the same migrations the backup's database had.
    await migrate(opts.databaseUrl, { log: () => {}, ...(opts.migrationsDir ? { dir: opts.migrationsDir } : {}) });
    const client2 = new pg.Client({ connectionString: opts.databaseUrl, application_name: 'lianjian-restore' });
    await client2.connect();
    try {
      const applied = (await client2.query<{ name: string; checksum: string }>(
        `SELECT migration_name AS name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY started_at, migration_name`,
      )).rows;
      if (migrationKey(applied) !== migrationKey(m.migrations)) throw new MigrationsDifferError(m, applied.length);
      await client2.query('BEGIN');
      // Rows as they were, not as new writes: no append-only or record-coverage trigger, no FK check.
      await client2.query('SET LOCAL session_replication_role = replica');
      await client2.query(`TRUNCATE ${m.tables.map((t) => quote(t.name)).join(', ')}`);
      for (const t of m.tables) {
        const stream = client2.query(copyFrom(`COPY ${quote(t.name)} (${t.columns.map(quote).join(', ')}) FROM STDIN WITH (FORMAT binary)`));
        await pipeline(createReadStream(path.join(opts.from, t.file)), createGunzip(), stream);
        if (stream.rowCount !== t.rows) throw new Error(`${t.name}: ${stream.rowCount} rows restored, the backup has ${t.rows}`);
        rows += stream.rowCount;
      }
      for (const s of m.sequences) await client2.query('SELECT setval($1::regclass, $2::bigint, $3)', [quote(s.name), s.lastValue, s.isCalled]);
      // The indexer claims records in (xid, id) order after the last batch's (xid, id). The xids
      // came from the backed-up cluster; this cluster counts its own from far lower, so a new write
      // would sort below the cursor and never be claimed. Renumber the log's xids densely, keeping
      // their order (they are in no leaf), then move this cluster's counter past them.
      await client2.query(`
        CREATE TEMP TABLE xid_map ON COMMIT DROP AS
        SELECT xid AS old, (dense_rank() OVER (ORDER BY xid) + 2)::text::xid8 AS new FROM (SELECT DISTINCT xid FROM outbox_record) d`);
      await client2.query('UPDATE outbox_record o SET xid = m.new FROM xid_map m WHERE o.xid = m.old');
      // The webhook dispatcher's cursor is an (xid, id) of the same log: left in the old numbering
      // it would sort after every new write, and nothing written after the restore would be
      // delivered. It moves to the renumbered xid of the last record it had passed (a cursor xid
      // no record has means every record below it was passed: the last of those).
      await client2.query(`
        UPDATE webhook_cursor c
           SET xid = m.new::text, record_id = CASE WHEN m.old = c.xid::xid8 THEN c.record_id ELSE m.last_id END
          FROM (SELECT w.name, x.old, x.new, (SELECT max(o.id) FROM outbox_record o WHERE o.xid = x.new) AS last_id
                  FROM webhook_cursor w
                  CROSS JOIN LATERAL (SELECT old, new FROM xid_map WHERE old <= w.xid::xid8 ORDER BY old DESC LIMIT 1) x) m
         WHERE c.name = m.name`);
      // One row back, not one per record: the highest renumbered xid.
      const highest = Number((await client2.query<{ n: string | null }>('SELECT max(xid)::text AS n FROM outbox_record')).rows[0]?.n ?? 0);
      await client2.query('COMMIT');
      // Each transaction takes one xid: a few hundred at most per distinct writing transaction.
      while (highest > 0 && Number((await client2.query<{ x: string }>('SELECT pg_current_xact_id()::text AS x')).rows[0]!.x) <= highest) {
        /* consume xids until new writes sort after every restored record */
      }
      await client2.query('ANALYZE');
    } catch (error) {
      await client2.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      await client2.end();
    }
    log(`database: ${m.tables.length} tables, ${rows} rows restored`);
  }
  const tDb = performance.now();

  if (opts.chainHome) {
    if (!m.chain) throw new Error('this backup has no chain home');
    if (existsSync(opts.chainHome) && readdirSync(opts.chainHome).length > 0) throw new Error(`${opts.chainHome} exists and is not empty`);
    mkdirSync(opts.chainHome, { recursive: true, mode: 0o700 });
    await run('tar', ['-xzf', path.join(opts.from, m.chain.file), '-C', opts.chainHome]);
    log(`chain home unpacked into ${opts.chainHome}`);
  }
  const tEnd = performance.now();
  return {
    tables: opts.databaseUrl ? m.tables.length : 0,
    rows,
    timings: { verifyMs: Math.round(tVerify - t0), databaseMs: Math.round(tDb - tVerify), chainMs: Math.round(tEnd - tDb), totalMs: Math.round(tEnd - t0) },
  };
}
