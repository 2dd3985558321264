// How each TypeScript service is started, in one place for `npm start` (scripts/stack.ts), the
// browser tests' stack (web/test/stack.ts) and anything else that runs the whole platform.
import path from 'node:path';
import { repoRoot } from './chain-node.js';
import { httpOk, startService, type RunningService } from './process.js';

/** Runs a workspace entry point from source ("source" condition, tsx). */
export function tsEntry(entry: string): string[] {
  return ['--conditions=source', '--import', 'tsx', path.join(repoRoot, entry)];
}

export const webServerEntry = path.join(repoRoot, 'web/build/server/index.js');

interface Common {
  port: number;
  logFile: string;
  /** DATABASE_URL, LIANJIAN_RPC, LIANJIAN_CHAIN_HOME, NODE_ENV and any tuning variables. */
  env: NodeJS.ProcessEnv;
}

export function startIndexer(opts: Common): Promise<RunningService> {
  return startService({
    name: 'indexer',
    command: process.execPath,
    args: tsEntry('indexer/src/main.ts'),
    env: { ...opts.env, PORT: String(opts.port) },
    logFile: opts.logFile,
    ready: () => httpOk(`http://127.0.0.1:${opts.port}/health`),
  });
}

/** `forwardSecret`: shared with the web server, which then names the browser it calls for (LIANJIAN_FORWARD_SECRET). */
export function startApi(opts: Common & { forwardSecret?: string }): Promise<RunningService> {
  return startService({
    name: 'api',
    command: process.execPath,
    args: tsEntry('api/src/main.ts'),
    env: { ...opts.env, PORT: String(opts.port), ...(opts.forwardSecret ? { LIANJIAN_FORWARD_SECRET: opts.forwardSecret } : {}) },
    logFile: opts.logFile,
    ready: () => httpOk(`http://127.0.0.1:${opts.port}/health`),
  });
}

/**
 * The built web app served by @react-router/serve. `trustRootFile`: the root of trust its
 * verifier uses (LIANJIAN_TRUST_ROOT); default env.LIANJIAN_TRUST_ROOT, else the trust-root.json
 * that every chain start writes in LIANJIAN_CHAIN_HOME. `rpcPublic`: the RPC the browser asks
 * (default rpcUrl; "/chain-rpc" sends it through the web server's proxy).
 */
export function startWebServer(opts: Common & { apiUrl: string; rpcUrl: string; indexerUrl: string; sessionSecret: string; forwardSecret?: string; trustRootFile?: string; rpcPublic?: string }): Promise<RunningService> {
  const chainHome = opts.env.LIANJIAN_CHAIN_HOME;
  const trustRootFile = opts.trustRootFile ?? opts.env.LIANJIAN_TRUST_ROOT ?? (chainHome ? path.join(chainHome, 'trust-root.json') : undefined);
  return startService({
    name: 'web',
    command: process.execPath,
    args: [path.join(repoRoot, 'node_modules/@react-router/serve/bin.cjs'), webServerEntry],
    cwd: path.join(repoRoot, 'web'),
    env: {
      ...opts.env,
      PORT: String(opts.port),
      HOST: '127.0.0.1',
      LIANJIAN_API_URL: opts.apiUrl,
      LIANJIAN_RPC: opts.rpcUrl,
      LIANJIAN_RPC_PUBLIC: opts.rpcPublic ?? opts.rpcUrl,
      LIANJIAN_INDEXER_URL: opts.indexerUrl,
      LIANJIAN_SESSION_SECRET: opts.sessionSecret,
      ...(opts.forwardSecret ? { LIANJIAN_FORWARD_SECRET: opts.forwardSecret } : {}),
      ...(trustRootFile ? { LIANJIAN_TRUST_ROOT: trustRootFile } : {}),
    },
    logFile: opts.logFile,
    ready: () => httpOk(`http://127.0.0.1:${opts.port}/healthz`),
  });
}
