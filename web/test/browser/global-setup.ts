// Global setup of the browser tests: builds the web app when its sources are newer than the
// build, then starts the whole stack once (test/stack.ts) for every browser test file.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startStack, type Stack } from '../stack.js';
import './context.js';

const webDir = path.resolve(import.meta.dirname, '../..');
let stack: Stack | undefined;

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function buildIfStale(): number {
  const server = path.join(webDir, 'build/server/index.js');
  const inputs = Math.max(
    newestMtime(path.join(webDir, 'app')),
    newestMtime(path.resolve(webDir, '../verify/src')),
    ...['vite.config.ts', 'react-router.config.ts', 'package.json'].map((f) => statSync(path.join(webDir, f)).mtimeMs),
  );
  if (existsSync(server) && statSync(server).mtimeMs > inputs) return 0;
  const t = performance.now();
  // vite.config.ts leaves the React Router plugin out under Vitest; this build is not a test.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST')));
  execFileSync(process.execPath, [path.resolve(webDir, '../node_modules/@react-router/dev/bin.cjs'), 'build'], { cwd: webDir, stdio: 'pipe', env: { ...env, NODE_ENV: 'production' } });
  return Math.round(performance.now() - t);
}

export async function setup(project: TestProject): Promise<void> {
  const buildMs = buildIfStale();
  stack = await startStack({ log: (line) => process.stderr.write(`[web stack] ${line}\n`) });
  const timings = { ...(buildMs ? { build: buildMs } : {}), ...stack.timings };
  process.stderr.write(`[web stack] up: ${JSON.stringify(timings)}\n`);
  project.provide('webStack', {
    webUrl: stack.webUrl,
    apiUrl: stack.apiUrl,
    rpcUrl: stack.rpcUrl,
    indexerUrl: stack.indexerUrl,
    filesDir: stack.filesDir,
    accounts: stack.accounts,
    timings,
  });
}

export async function teardown(): Promise<void> {
  await stack?.stop();
}
