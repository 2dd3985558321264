// `npm start` stopped from a terminal: Ctrl-C sends SIGINT to the whole foreground process
// group. Every service must still stop in order, dependents first and Postgres last, so that no
// service loses its database while it is still running.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, usableDataDir } from '@lianjian/db/postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { pickChainPorts } from '../scripts/lib/chain-node.js';

const root = path.resolve(import.meta.dirname, '..');
const dir = mkdtempSync(path.join(tmpdir(), 'lianjian-start-'));

afterAll(() => {
  rmSync(usableDataDir(path.join(dir, 'pg')), { recursive: true, force: true });
  rmSync(`${usableDataDir(path.join(dir, 'pg'))}.password`, { force: true });
  rmSync(dir, { recursive: true, force: true });
});

describe('npm start', () => {
  it('stops every service in order, Postgres last, when Ctrl-C reaches the whole process group', async () => {
    const chain = await pickChainPorts();
    // As from a shell: without Vitest's variables (the web build leaves its plugin out under them).
    const shell = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'NODE_ENV' && k !== 'DATABASE_URL'));
    const env: NodeJS.ProcessEnv = {
      ...shell,
      LIANJIAN_DATA_DIR: dir,
      LIANJIAN_API_PORT: String(await freePort()),
      LIANJIAN_WEB_PORT: String(await freePort()),
      LIANJIAN_INDEXER_PORT: String(await freePort()),
      LIANJIAN_PG_PORT: String(await freePort()),
      LIANJIAN_RPC_PORT: String(chain.rpc),
      LIANJIAN_GRPC_PORT: String(chain.grpc),
      LIANJIAN_CHAIN_API_PORT: String(chain.api),
      LIANJIAN_P2P_PORT: String(chain.p2p),
    };
    // A group of its own stands for the terminal's foreground group.
    const child = spawn(process.execPath, [path.join(root, 'scripts/start.mjs')], { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const deadline = Date.now() + 300_000;
    while (!out.includes('Press Ctrl-C') && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 250));
    expect(out, out.slice(-2000)).toContain('Press Ctrl-C');

    process.kill(-child.pid!, 'SIGINT');
    expect(await exited, out.slice(-2000)).toBe(0);
    const stopped = [...out.matchAll(/^\s+stopped (\S+)/gm)].map((m) => m[1]);
    expect(stopped).toEqual(['web', 'api', 'indexer', 'chain', 'postgres']);
    expect(out).not.toMatch(/stopped unexpectedly/);
    // A service whose database went away first logs Postgres' "terminating connection".
    for (const name of ['indexer', 'api']) {
      const log = path.join(dir, 'logs', `${name}.log`);
      expect(existsSync(log), log).toBe(true);
      expect(readFileSync(log, 'utf8'), `${name}.log`).not.toMatch(/terminating connection|indexer failed/);
    }
  }, 420_000);
});
