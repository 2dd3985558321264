// Applies prisma/migrations/<name>/migration.sql in name order, recording them in Prisma's
// `_prisma_migrations` table, so that Prisma's own tooling would see the same history. Prisma's
// native schema engine (which `prisma migrate deploy` needs) cannot be downloaded here.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/** The advisory lock key `prisma migrate` takes, so our runner and Prisma's exclude each other. */
export const MIGRATION_LOCK_KEY = 72707369;

export class MigrationError extends Error {
  override name = 'MigrationError';
}

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrateOptions {
  log?: (line: string) => void;
  /** Defaults to the package's migrations/ directory. */
  dir?: string;
}

export function migrationsDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  // src/ in development, dist/src/ when built.
  for (const candidate of ['../migrations', '../../migrations']) {
    const dir = path.resolve(here, candidate);
    if (existsSync(path.join(dir, 'migration_lock.toml'))) return dir;
  }
  throw new MigrationError(`no migrations directory (with migration_lock.toml) found above ${here}`);
}

/** sha256 of the file's bytes, hex: what Prisma stores in `_prisma_migrations.checksum`. */
export function checksum(sql: string | Buffer): string {
  return createHash('sha256').update(sql).digest('hex');
}

export function loadMigrations(dir = migrationsDir()): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const file = path.join(dir, name, 'migration.sql');
      if (!existsSync(file)) throw new MigrationError(`migration ${name} has no migration.sql`);
      const bytes = readFileSync(file);
      return { name, sql: bytes.toString('utf8'), checksum: checksum(bytes) };
    });
}

const CREATE_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"            VARCHAR(64) NOT NULL,
    "finished_at"         TIMESTAMPTZ,
    "migration_name"      VARCHAR(255) NOT NULL,
    "logs"                TEXT,
    "rolled_back_at"      TIMESTAMPTZ,
    "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/** Names the line of a failed statement: pg reports a character offset into the script. */
function describeFailure(m: Migration, err: unknown): string {
  const e = err as { message?: string; position?: string };
  let where = '';
  if (e.position) {
    const line = m.sql.slice(0, Number(e.position)).split('\n').length;
    where = ` at line ${line}`;
  }
  return `migration ${m.name} failed${where}: ${e.message ?? String(err)}`;
}

/**
 * Applies every pending migration, each in its own transaction, under Prisma's advisory lock so
 * concurrent runners wait for each other. Refuses to run when an applied migration's file has
 * changed or a previous attempt was left failed.
 */
export async function migrate(url: string, opts: MigrateOptions = {}): Promise<{ applied: string[] }> {
  const log = opts.log ?? (() => {});
  const migrations = loadMigrations(opts.dir ?? migrationsDir());
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await client.query(CREATE_TABLE);
      const { rows } = await client.query<AppliedRow>(
        'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at, migration_name',
      );
      const failed = rows.find((r) => r.finished_at === null && r.rolled_back_at === null);
      if (failed) {
        throw new MigrationError(
          `migration ${failed.migration_name} was started but never finished; repair the database and ` +
            `mark it rolled back (UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = '${failed.migration_name}') before migrating again`,
        );
      }
      const done = new Map(rows.filter((r) => r.finished_at !== null).map((r) => [r.migration_name, r.checksum]));
      const local = new Set(migrations.map((m) => m.name));
      for (const name of done.keys()) {
        if (!local.has(name)) log(`warning: migration ${name} is applied in the database but missing here`);
      }
      const changed = migrations.filter((m) => done.has(m.name) && done.get(m.name) !== m.checksum);
      if (changed.length) {
        throw new MigrationError(
          `applied migration${changed.length > 1 ? 's' : ''} changed since ${changed.length > 1 ? 'they were' : 'it was'} applied: ` +
            changed.map((m) => `${m.name} (database ${done.get(m.name)!.slice(0, 12)}…, file ${m.checksum.slice(0, 12)}…)`).join(', ') +
            '. Never edit an applied migration: add a new one.',
        );
      }
      const applied: string[] = [];
      for (const m of migrations) {
        if (done.has(m.name)) continue;
        const t0 = Date.now();
        await client.query('BEGIN');
        try {
          await client.query(m.sql);
          await client.query(
            `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
             VALUES ($1, $2, clock_timestamp(), $3, now(), 1)`,
            [randomUUID(), m.checksum, m.name],
          );
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw new MigrationError(describeFailure(m, err), { cause: err });
        }
        applied.push(m.name);
        log(`applied ${m.name} (${Date.now() - t0} ms)`);
      }
      return { applied };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    }
  } finally {
    await client.end();
  }
}
