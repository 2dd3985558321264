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

  it('with --mirror also starts a demo mirror of the demo general branch, prints its URL, catches up and stops first', async () => {
    const mdir = mkdtempSync(path.join(tmpdir(), 'lianjian-start-mirror-'));
    const chain = await pickChainPorts();
    const shell = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'NODE_ENV' && k !== 'DATABASE_URL'));
    const mirrorPort = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...shell,
      LIANJIAN_DATA_DIR: mdir,
      LIANJIAN_API_PORT: String(await freePort()),
      LIANJIAN_WEB_PORT: String(await freePort()),
      LIANJIAN_INDEXER_PORT: String(await freePort()),
      LIANJIAN_PG_PORT: String(await freePort()),
      LIANJIAN_MIRROR_PORT: String(mirrorPort),
      LIANJIAN_RPC_PORT: String(chain.rpc),
      LIANJIAN_GRPC_PORT: String(chain.grpc),
      LIANJIAN_CHAIN_API_PORT: String(chain.api),
      LIANJIAN_P2P_PORT: String(chain.p2p),
    };
    const child = spawn(process.execPath, [path.join(root, 'scripts/start.mjs'), '--mirror'], { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const deadline = Date.now() + 300_000;
      while (!out.includes('Press Ctrl-C') && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 250));
      expect(out, out.slice(-2000)).toContain('Press Ctrl-C');
      expect(out).toMatch(new RegExp(`Mirror / 镜像 \\(.+\\)\\s+http://127\\.0\\.0\\.1:${mirrorPort}/status`));
      // The key it made is kept for the next start, outside the command line.
      expect(readFileSync(path.join(mdir, 'mirror', 'key'), 'utf8')).toMatch(/^ljk_[0-9a-f]{12}_/);
      // It catches up with what the indexer anchors of its subtree.
      let status: { position: number; documents: number; unitId: string | null } = { position: -1, documents: 0, unitId: null };
      const until = Date.now() + 180_000;
      while (Date.now() < until) {
        status = (await (await fetch(`http://127.0.0.1:${mirrorPort}/status`)).json()) as typeof status;
        if (status.documents > 0) break;
        await new Promise((r) => setTimeout(r, 1000));
      }
      expect(status.documents, out.slice(-2000)).toBeGreaterThan(0);
      expect(status.unitId).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      process.kill(-child.pid!, 'SIGINT');
    }
    expect(await exited, out.slice(-2000)).toBe(0);
    const stopped = [...out.matchAll(/^\s+stopped (\S+)/gm)].map((m) => m[1]);
    expect(stopped).toEqual(['mirror', 'web', 'api', 'indexer', 'chain', 'postgres']);
    expect(out).not.toMatch(/stopped unexpectedly/);
    // It reported to the centre without a refusal, and stopped without an error.
    expect(readFileSync(path.join(mdir, 'logs', 'mirror.log'), 'utf8')).not.toMatch(/could not report|stopped with an error/);
    for (const d of [path.join(mdir, 'pg'), path.join(mdir, 'mirror', 'pg')]) {
      rmSync(usableDataDir(d), { recursive: true, force: true });
      rmSync(`${usableDataDir(d)}.password`, { force: true });
    }
    rmSync(mdir, { recursive: true, force: true });
  }, 600_000);
});
