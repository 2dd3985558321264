// The migration runner: applies in order, records Prisma's history, is idempotent, refuses edited
// migrations and failed histories, rolls a failing migration back, and serialises runners.
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { checksum, loadMigrations, migrate, migrationsDir } from '../src/migrate.js';

const created: string[] = [];
const dirs: string[] = [];

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** An empty database (not the migrated template). */
async function emptyDatabase(): Promise<string> {
  const name = `m_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  created.push(name);
  const u = new URL(inject('pgAdminUrl'));
  u.pathname = `/${name}`;
  return u.toString();
}

function copyOfMigrations(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'lianjian-migrations-'));
  dirs.push(dir);
  cpSync(migrationsDir(), dir, { recursive: true });
  return dir;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql)).rows;
  } finally {
    await c.end();
  }
}

afterAll(async () => {
  for (const name of created) await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('migrate', () => {
  const all = loadMigrations().map((m) => m.name);

  it('applies every migration in name order, then nothing', async () => {
    expect(all.length).toBeGreaterThanOrEqual(2);
    expect([...all].sort()).toEqual(all);
    const url = await emptyDatabase();
    const lines: string[] = [];
    expect(await migrate(url, { log: (s) => lines.push(s) })).toEqual({ applied: all });
    expect(lines.map((l) => l.split(' ')[1])).toEqual(all);
    expect(await migrate(url)).toEqual({ applied: [] });

    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      url,
      'SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name',
    );
    expect(rows.map((r) => r.migration_name)).toEqual(all);
    for (const r of rows) {
      const file = readFileSync(path.join(migrationsDir(), r.migration_name, 'migration.sql'));
      expect(r.checksum).toBe(checksum(file));
      expect(r.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(r.finished_at).toBeInstanceOf(Date);
      expect(r.applied_steps_count).toBe(1);
    }
  });

  it('refuses when an applied migration was edited, naming it', async () => {
    const url = await emptyDatabase();
    const dir = copyOfMigrations();
    await migrate(url, { dir });
    appendFileSync(path.join(dir, all[0]!, 'migration.sql'), '\n-- an innocent-looking edit\n');
    await expect(migrate(url, { dir })).rejects.toThrow(new RegExp(`applied migration changed since it was applied: ${all[0]}`));
  });

  it('rolls a failing migration back and records nothing, naming the line', async () => {
    const url = await emptyDatabase();
    const dir = copyOfMigrations();
    mkdirSync(path.join(dir, '99990101000000_broken'));
    writeFileSync(
      path.join(dir, '99990101000000_broken', 'migration.sql'),
      'CREATE TABLE half_done (id int);\n\nALTER TABLE half_done ADD COLUM x int;\n',
    );
    await expect(migrate(url, { dir })).rejects.toThrow(/migration 99990101000000_broken failed at line 3: syntax error at or near "int"/);
    const names = await query<{ migration_name: string }>(url, 'SELECT migration_name FROM _prisma_migrations ORDER BY 1');
    expect(names.map((r) => r.migration_name)).toEqual(all);
    expect(await query(url, "SELECT 1 FROM pg_class WHERE relname = 'half_done'")).toEqual([]);
  });

  it('refuses a history with an unfinished migration', async () => {
    const url = await emptyDatabase();
    await migrate(url);
    await query(url, `INSERT INTO _prisma_migrations (id, checksum, migration_name) VALUES ('x', 'y', '99990101000000_crashed')`);
    await expect(migrate(url)).rejects.toThrow(/99990101000000_crashed was started but never finished/);
  });

  it('lets concurrent runners apply each migration exactly once', async () => {
    const url = await emptyDatabase();
    const results = await Promise.all([migrate(url), migrate(url), migrate(url)]);
    expect(results.flatMap((r) => r.applied).sort()).toEqual(all);
    const count = await query<{ n: string }>(url, 'SELECT count(*) AS n FROM _prisma_migrations');
    expect(Number(count[0]!.n)).toBe(all.length);
  });
});
