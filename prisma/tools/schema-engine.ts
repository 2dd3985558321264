// Prisma's schema engine compiled to WebAssembly (@prisma/schema-engine-wasm), driven through the
// pg driver adapter. The native engine cannot be downloaded here, and `prisma migrate diff` only
// uses the native one; the wasm build computes the same DDL offline from schema.prisma.
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from '@prisma/driver-adapter-utils';
import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import pg from 'pg';

type Engine = {
  diff(params: unknown): Promise<{ exitCode: number; stdout: string | null }>;
  free(): void;
};
// @types/node does not declare the WebAssembly global; this is the part used here.
type WasmExports = Record<string, unknown>;
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, Record<string, unknown>>) => { exports: WasmExports };
}
const WebAssemblyApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

type Bindings = {
  __wbg_set_wasm(exports: WasmExports): void;
  SchemaEngine: { new: (options: unknown, log: (line: string) => void, adapter: unknown) => Promise<Engine> };
};

let bindings: Promise<Bindings> | undefined;

/** wasm-bindgen panics report their message here; the engine's caller reads it back. */
const panics = { message: '', set_message(m: string) { this.message = m; } };

async function loadBindings(): Promise<Bindings> {
  (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: typeof panics }).PRISMA_WASM_PANIC_REGISTRY = panics;
  const require = createRequire(import.meta.url);
  const bgPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const bg = (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as unknown as Bindings;
  const wasm = readFileSync(path.join(path.dirname(bgPath), 'schema_engine_bg.wasm'));
  const instance = new WebAssemblyApi.Instance(new WebAssemblyApi.Module(wasm), {
    './schema_engine_bg.js': bg as unknown as Record<string, unknown>,
  });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return bg;
}

export type DiffTarget =
  | { tag: 'empty' }
  | { tag: 'schemaDatamodel'; files: Array<{ path: string; content: string }> }
  | {
      tag: 'migrations';
      baseDir: string;
      lockfile: { path: string; content: string | null };
      shadowDbInitScript: string;
      migrationDirectories: Array<{
        path: string;
        migrationFile: { path: string; content: { tag: 'ok'; value: string } };
      }>;
    };

export function schemaTarget(schemaFile: string, content = readFileSync(schemaFile, 'utf8')): DiffTarget {
  return { tag: 'schemaDatamodel', files: [{ path: path.basename(schemaFile), content }] };
}

export function migrationsTarget(dir: string): DiffTarget {
  const lock = path.join(dir, 'migration_lock.toml');
  const names = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, 'migration.sql')))
        .map((d) => d.name)
        .sort()
    : [];
  return {
    tag: 'migrations',
    baseDir: dir,
    lockfile: { path: 'migration_lock.toml', content: existsSync(lock) ? readFileSync(lock, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: names.map((name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok', value: readFileSync(path.join(dir, name, 'migration.sql'), 'utf8') },
      },
    })),
  };
}

function pgConfig(url: string, database?: string) {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: database ?? decodeURIComponent(u.pathname.slice(1)),
  };
}

const PG_CHAR = 18;
const PG_TEXT = 25;
// Column names of "char" columns carry this suffix from the pg client to the adapter wrapper.
const CHAR_MARK = '\u0000char';

function markChar<T>(res: T): T {
  const fields = (res as { fields?: Array<{ dataTypeID: number; name: string }> } | undefined)?.fields;
  if (fields) {
    for (const f of fields) {
      if (f.dataTypeID === PG_CHAR) {
        f.dataTypeID = PG_TEXT;
        f.name += CHAR_MARK;
      }
    }
  }
  return res;
}

/**
 * The engine introspects pg_catalog columns of type "char" (relkind, contype, …) and expects them
 * as Character values, which @prisma/adapter-pg 7.10 cannot map (OID 18 is missing from its type
 * table). The client marks such columns; `fixAdapter` turns them into Character columns.
 */
class CharMarkingClient extends pg.Client {
  override query(...args: unknown[]): never {
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      args[args.length - 1] = (err: unknown, res: unknown) => (last as (e: unknown, r: unknown) => void)(err, markChar(res));
      return (super.query as (...a: unknown[]) => never)(...args);
    }
    const out = (super.query as (...a: unknown[]) => unknown)(...args);
    return (out instanceof Promise ? out.then(markChar) : out) as never;
  }
}

type Queryable = { queryRaw(q: unknown): Promise<{ columnNames: string[]; columnTypes: number[] }> };

function unmark<Q extends Queryable>(q: Q): Q {
  const queryRaw = q.queryRaw.bind(q);
  q.queryRaw = async (query: unknown) => {
    const res = await queryRaw(query);
    res.columnNames.forEach((name, i) => {
      if (name.endsWith(CHAR_MARK)) {
        res.columnNames[i] = name.slice(0, -CHAR_MARK.length);
        res.columnTypes[i] = ColumnTypeEnum.Character;
      }
    });
    return res;
  };
  return q;
}

/**
 * Also runs scripts whole: adapter-pg 7.10 splits a script on every ';', which breaks function
 * bodies ($$ … ; … $$) in migrations; Postgres' simple query protocol takes the script as is.
 */
function fixAdapter<A extends Queryable & { startTransaction(...a: unknown[]): Promise<Queryable>; executeScript(s: string): Promise<void> }>(
  adapter: A,
  pool: pg.Pool,
): A {
  unmark(adapter);
  const start = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (...a: unknown[]) => unmark(await start(...a));
  adapter.executeScript = async (script: string) => {
    await pool.query(script);
  };
  return adapter;
}

function pool(url: string, database?: string): pg.Pool {
  const p = new pg.Pool({ ...pgConfig(url, database), Client: CharMarkingClient, max: 4 });
  // An idle connection killed by a DROP DATABASE … WITH (FORCE) must not crash the process.
  p.on('error', () => {});
  return p;
}

/**
 * PrismaPg's own shadow database drops the database before closing its pool, which Postgres
 * refuses ("being accessed by other users"); this one closes first and drops WITH (FORCE).
 */
function adapterFactory(url: string) {
  const mainPool = pool(url);
  const main = new PrismaPg(mainPool);
  return {
    close: () => mainPool.end(),
    provider: 'postgres' as const,
    adapterName: main.adapterName,
    connect: async () => fixAdapter(await main.connect(), mainPool),
    connectToShadowDb: async () => {
      const name = `lianjian_shadow_${randomUUID().replaceAll('-', '')}`;
      const admin = new pg.Client(pgConfig(url));
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      const shadowPool = pool(url, name);
      const adapter = fixAdapter(await new PrismaPg(shadowPool).connect(), shadowPool);
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        try {
          await dispose();
          await shadowPool.end();
          await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        } finally {
          await admin.end();
        }
      };
      return adapter;
    },
  };
}

/**
 * Returns the SQL script that turns `from` into `to` ('' when they agree). `url` names a Postgres
 * database the engine may connect to; diffing from migrations creates (and drops) a shadow
 * database next to it, so its user needs CREATEDB.
 */
export async function diffSql(url: string, from: DiffTarget, to: DiffTarget, schemaFile: string): Promise<string> {
  // The engine needs some datamodel to start with; the targets carry what is compared.
  bindings ??= loadBindings();
  const bg = await bindings;
  const factory = adapterFactory(url);
  const adapter = bindMigrationAwareSqlAdapterFactory(factory);
  const datamodel = readFileSync(schemaFile, 'utf8');
  const logs: string[] = [];
  const engine = await bg.SchemaEngine.new(
    { datamodels: [[path.basename(schemaFile), datamodel]] },
    (line: string) => logs.push(line),
    adapter,
  );
  try {
    const res = await engine.diff({
      from,
      to,
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return res.stdout ?? '';
  } catch (err) {
    if (panics.message) throw new Error(`schema engine panicked: ${panics.message}`, { cause: err });
    throw err;
  } finally {
    engine.free();
    await factory.close();
  }
}

/** True when a diff script contains statements (the engine prints a comment for an empty diff). */
export function hasStatements(sql: string): boolean {
  return sql
    .split('\n')
    .map((l) => l.trim())
    .some((l) => l !== '' && !l.startsWith('--'));
}

/**
 * The engine does not read back btree operator classes (e.g. text_pattern_ops), so it always
 * proposes to drop and recreate such an index unchanged. A DROP INDEX whose matching CREATE INDEX
 * is, verbatim, the latest definition of that index in the migrations is such a no-op: removed.
 */
export function withoutNoopIndexRecreates(diff: string, migrationsSql: string[]): { sql: string; dropped: string[] } {
  const blocks = diff.split(/\n(?=-- )/);
  const creates = new Map<string, string>();
  for (const b of blocks) {
    const m = /CREATE (?:UNIQUE )?INDEX "([^"]+)"[^;]*;/.exec(b);
    if (m) creates.set(m[1]!, m[0]);
  }
  const latest = new Map<string, string>();
  for (const sql of migrationsSql) {
    for (const m of sql.matchAll(/CREATE (?:UNIQUE )?INDEX "([^"]+)"[^;]*;/g)) latest.set(m[1]!, m[0]);
    for (const m of sql.matchAll(/DROP INDEX "([^"]+)";/g)) latest.delete(m[1]!);
  }
  const dropped: string[] = [];
  for (const [name, create] of creates) {
    if (latest.get(name) === create && blocks.some((b) => b.includes(`DROP INDEX "${name}";`))) dropped.push(name);
  }
  const kept = blocks.filter(
    (b) => !dropped.some((name) => b.includes(`DROP INDEX "${name}";`) || creates.get(name) === /CREATE (?:UNIQUE )?INDEX "[^"]+"[^;]*;/.exec(b)?.[0]),
  );
  return { sql: kept.join('\n'), dropped };
}
