// The real stack for the browser tests (and for working on the web app): embedded Postgres,
// migrations and the demo seed, a single-validator chain, the indexer, the API and the built
// web server, each on a free port in a temporary directory, stopped in reverse order.
import { migrate, seedDemo, type DemoAccount } from '@lianjian/db';
import { freePort, startPostgres, type RunningPostgres } from '@lianjian/db/postgres';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chainAvailable, pickChainPorts, startChainNode } from '../../scripts/lib/chain-node.js';
import { type RunningService } from '../../scripts/lib/process.js';
import { startApi, startIndexer, startWebServer as startWeb, webServerEntry } from '../../scripts/lib/services.js';

export interface Stack {
  dir: string;
  webUrl: string;
  apiUrl: string;
  rpcUrl: string;
  indexerUrl: string;
  databaseUrl: string;
  /** The API's file store (LIANJIAN_FILES_DIR): inside `dir`, so a test run leaves nothing in the repository. */
  filesDir: string;
  accounts: DemoAccount[];
  /** Milliseconds each part took to start. */
  timings: Record<string, number>;
  stop(): Promise<void>;
}

export interface StackOptions {
  /** Start the built web server (web/build); default true. */
  web?: boolean;
  /** Members in the demo seed (default: the seed's own default). */
  members?: number;
  /** Fixed ports for a development stack; free ports otherwise. */
  webPort?: number;
  apiPort?: number;
  log?: (line: string) => void;
}

export class StackError extends Error {
  override name = 'StackError';
}


/** The session secret of test web servers (two servers with it accept each other's cookies). */
export const TEST_SESSION_SECRET = 'browser-test-session-secret-0123456789';

/** Shared by the test API and web servers, so the API's per-address limits see the browser. */
export const TEST_FORWARD_SECRET = 'browser-test-forward-secret-0123456789';

/** The built web server as npm start runs it (@react-router/serve), in production mode. */

export function startWebServer(opts: { port: number; apiUrl: string; rpcUrl: string; indexerUrl: string; logFile: string; trustRootFile?: string; rpcPublic?: string }): Promise<RunningService> {
  return startWeb({ ...opts, env: { NODE_ENV: 'production' }, sessionSecret: TEST_SESSION_SECRET, forwardSecret: TEST_FORWARD_SECRET });
}

export async function startStack(opts: StackOptions = {}): Promise<Stack> {
  const log = opts.log ?? (() => {});
  if (!chainAvailable()) throw new StackError('chain/build/lianjiand is missing: build the chain first (npm start does, or chain/scripts/build.sh)');
  if (opts.web !== false && !existsSync(webServerEntry)) {
    throw new StackError(`${webServerEntry} is missing: run "npm run build -w @lianjian/web" first`);
  }
  // Postgres runs as the postgres user when we are root, so the directory must be walkable.
  const dir = mkdtempSync(path.join(tmpdir(), 'lianjian-web-'));
  chmodSync(dir, 0o755);
  const services: RunningService[] = [];
  let postgres: RunningPostgres | undefined;
  const timings: Record<string, number> = {};
  const timed = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const out = await fn();
    timings[name] = Math.round(performance.now() - t);
    log(`${name} ready in ${timings[name]} ms`);
    return out;
  };
  const stop = async () => {
    for (const svc of [...services].reverse()) await svc.stop(5000).catch(() => undefined);
    await postgres?.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  };

  try {
    postgres = await timed('postgres', () => startPostgres({ dataDir: path.join(dir, 'pg'), fast: true, log: () => {} }));
    const databaseUrl = postgres.url;
    await timed('migrate', () => migrate(databaseUrl, { log: () => {} }));
    const seeded = await timed('seed', () => seedDemo(databaseUrl, opts.members === undefined ? {} : { members: opts.members }));

    const chain = await timed('chain', async () =>
      startChainNode({ home: path.join(dir, 'chain'), ports: await pickChainPorts(), logFile: path.join(dir, 'chain.log') }),
    );
    services.push(chain);
    const filesDir = path.join(dir, 'files');
    const env = { DATABASE_URL: databaseUrl, LIANJIAN_RPC: chain.rpcUrl, LIANJIAN_CHAIN_HOME: chain.home, LIANJIAN_FILES_DIR: filesDir, NODE_ENV: 'development' };

    const indexerPort = await freePort();
    const indexerUrl = `http://127.0.0.1:${indexerPort}`;
    services.push(
      await timed('indexer', () =>
        startIndexer({
          port: indexerPort,
          env: { ...env, LIANJIAN_BATCH_MAX_WAIT_MS: '200' },
          logFile: path.join(dir, 'indexer.log'),
        }),
      ),
    );

    const apiPort = opts.apiPort ?? (await freePort());
    const apiBase = `http://127.0.0.1:${apiPort}`;
    services.push(
      await timed('api', () =>
        startApi({ port: apiPort, env, forwardSecret: TEST_FORWARD_SECRET, logFile: path.join(dir, 'api.log') }),
      ),
    );

    const webPort = opts.webPort ?? (await freePort());
    const webUrl = `http://127.0.0.1:${webPort}`;
    if (opts.web !== false) {
      services.push(
        await timed('web', () =>
          startWebServer({
            port: webPort,
            apiUrl: `${apiBase}/graphql`,
            rpcUrl: chain.rpcUrl,
            indexerUrl,
            // The root of trust the chain start wrote: the browser verifies headers from it.
            trustRootFile: chain.trustRootFile,
            logFile: path.join(dir, 'web.log'),
          }),
        ),
      );
    }

    return {
      dir,
      webUrl,
      apiUrl: `${apiBase}/graphql`,
      rpcUrl: chain.rpcUrl,
      indexerUrl,
      databaseUrl,
      filesDir,
      accounts: seeded.accounts,
      timings,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
