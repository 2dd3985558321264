// Steps shared by `npm start` and `npm test` that must run before any dependency exists:
// so this file uses Node built-ins only.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function step(label) {
  process.stdout.write(`\x1b[36m▸\x1b[0m ${label}\n`);
}

/** Runs a command with inherited stdio; throws with one clear line when it fails. */
export function run(cmd, args, opts = {}) {
  const res = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
  if (res.error) throw new Error(`${cmd} could not start: ${res.error.message}`);
  if (res.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${res.status ?? res.signal}`);
}

/** npm ci when node_modules is missing or older than the lock file. */
export function ensureInstalled() {
  const marker = path.join(root, 'node_modules/.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return false;
  step('Installing dependencies (npm ci) / 安装依赖');
  run('npm', ['ci', '--no-audit', '--no-fund']);
  return true;
}

export function generatePrismaClient() {
  run(process.execPath, [path.join(root, 'scripts/prisma-generate.mjs')]);
}

/** Builds chain/build/lianjiand when the chain exists and the binary is missing or stale. */
export function buildChain() {
  const script = path.join(root, 'chain/scripts/build.sh');
  if (!existsSync(script)) return false;
  if (!hasCommand('go')) throw new Error('Go is required to build the chain (chain/): install Go ≥ 1.23 and retry');
  step('Building the chain node (lianjiand) / 构建链节点');
  run('bash', [script]);
  return true;
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds verify/dist (the lianjian-verify CLI's code) when missing or older than its sources. */
export function buildVerify() {
  const out = path.join(root, 'verify/dist/cli.js');
  if (existsSync(out) && statSync(out).mtimeMs >= newestMtime(path.join(root, 'verify/src'))) return false;
  step('Building the proof verifier (lianjian-verify) / 构建验证工具');
  run('npm', ['run', 'build', '--silent', '-w', '@lianjian/verify']);
  return true;
}

export function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/** Runs a TypeScript entry point with workspace sources resolved through the "source" condition. */
export function tsNodeArgs(entry, args = []) {
  return ['--conditions=source', '--import', 'tsx', path.join(root, entry), ...args];
}

export function fail(err) {
  process.stderr.write(`\x1b[31m✗\x1b[0m ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
