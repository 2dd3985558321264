// Crash safety with real processes (indexer/src/main.ts) and a real chain node of the test's own:
// the indexer is parked at a named point (LIANJIAN_FAULT=<point>:pause), killed with SIGKILL, and
// restarted. Nothing may be lost, nothing may land in two batches, no batch may be committed
// twice, and afterwards the chain and the database agree batch for batch.
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bytesEqual } from '@lianjian/verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/lib/chain-node.js';
import { freePort } from '@lianjian/db/postgres';
import { httpOk, startService, type RunningService } from '../../scripts/lib/process.js';
import { createTestDatabase } from '../../test/db.js';
import { committerChain, type AnchorChain } from '../src/anchor-chain.js';
import { ChainCommitter } from '../src/chain/index.js';
import { ledgerInvariants, ownChain, waitFor, withClient, writeRecords } from './helpers.js';

let dir: string;
let chainNode: Awaited<ReturnType<typeof ownChain>>;
let chain: AnchorChain;
let url: string;
let runs = 0;
const running: RunningService[] = [];

async function startIndexer(fault?: string): Promise<{ svc: RunningService; logFile: string; port: number }> {
  const port = await freePort();
  const logFile = path.join(dir, `indexer-${++runs}.log`);
  const svc = await startService({
    name: `indexer#${runs}`,
    command: process.execPath,
    args: ['--conditions=source', '--import', 'tsx', path.join(repoRoot, 'indexer/src/main.ts')],
    env: {
      DATABASE_URL: url,
      LIANJIAN_RPC: chainNode.rpcUrl,
      LIANJIAN_CHAIN_HOME: chainNode.home,
      PORT: String(port),
      LIANJIAN_BATCH_MAX_RECORDS: '40',
      LIANJIAN_BATCH_MAX_WAIT_MS: '50',
      LIANJIAN_FAULT: fault ?? '',
    },
    logFile,
    ready: () => httpOk(`http://127.0.0.1:${port}/health`),
  });
  running.push(svc);
  return { svc, logFile, port };
}

/** The log's complete lines: the process may be writing the last one while it is read. */
function logLines(file: string): Record<string, unknown>[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .slice(0, -1)
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

async function reachFault(logFile: string, point: string): Promise<Record<string, unknown>> {
  return waitFor(`fault point ${point}`, async () => logLines(logFile).find((l) => l.fault === point), 60_000);
}

async function dbBatches() {
  return withClient(url, async (c) => (await c.query<{ seq: number; status: string; attempts: number; root: Buffer; size: number; tx_hash: string | null }>('SELECT seq, status::text, attempts, root, size, tx_hash FROM batch ORDER BY seq')).rows);
}

async function totalRecords(): Promise<number> {
  return withClient(url, async (c) => (await c.query('SELECT count(*)::int AS n FROM outbox_record')).rows[0].n);
}

/** Everything anchored, each record once, and the chain holds exactly the database's batches. */
async function settledAndConsistent(): Promise<void> {
  const total = await totalRecords();
  await waitFor('every record anchored', async () =>
    withClient(url, async (c) => Number((await c.query(`SELECT coalesce(sum(size), 0) AS n FROM batch WHERE status = 'ANCHORED'`)).rows[0].n) === total),
  90_000);
  const inv = await withClient(url, (c) => ledgerInvariants(c));
  expect(inv.positioned).toBe(total);
  const batches = await dbBatches();
  const latest = await chain.latest();
  expect(latest.seq).toBe(batches.length);
  for (const b of batches) {
    const on = await chain.getBatch(b.seq);
    expect(on !== null && bytesEqual(on.root, b.root) && on.size === b.size).toBe(true);
    expect(await chain.findCommitTx(b.seq, new Uint8Array(b.root), on!.height)).toBe(b.tx_hash);
  }
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'lianjian-crash-'));
  chmodSync(dir, 0o755);
  [chainNode, { url }] = await Promise.all([ownChain(dir), createTestDatabase()]);
  const committer = await ChainCommitter.create({ rpcUrl: chainNode.rpcUrl, mnemonic: chainNode.mnemonics()[0]! });
  chain = committerChain(committer);
  await writeRecords(url, 30);
  const first = await startIndexer();
  await settledAndConsistent();
  await first.svc.stop();
});

afterAll(async () => {
  for (const s of running) await s.kill().catch(() => {});
  await chainNode?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('indexer crash safety (SIGKILL at named points, then restart)', () => {
  it('mid proof write: the half-written batch is rolled back, then completed from its claimed positions', async () => {
    const before = await dbBatches();
    const positionedBefore = before.reduce((a, b) => a + b.size, 0);
    await writeRecords(url, 35, 100);
    const { svc, logFile } = await startIndexer('mid-proof-write:pause');
    const at = await reachFault(logFile, 'mid-proof-write');
    const seq = before.length + 1;
    expect(at.seq).toBe(seq);
    await svc.kill();
    // The claim (positions) had committed; the batch row and levels had not.
    // Postgres ends the backend when it reads the closed socket; on a loaded 2-core machine that
    // has taken over 10 s, so the wait is generous and a timeout says what the backend was doing.
    await waitFor('the killed transaction rolled back', async () =>
      withClient(url, async (c) => (await c.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1', ['lianjian-indexer-leader'])).rows[0].n === 0),
    45_000).catch(async (e: Error) => {
      const left = await withClient(url, async (c) => (await c.query('SELECT pid, state, wait_event_type, wait_event, left(query, 120) AS query FROM pg_stat_activity WHERE application_name = $1', ['lianjian-indexer-leader'])).rows);
      throw new Error(`${e.message}; still connected: ${JSON.stringify(left)}`);
    });
    expect(await dbBatches()).toHaveLength(before.length);
    const claimed = await withClient(url, async (c) => (await c.query<{ n: number }>('SELECT count(*)::int AS n FROM record_position WHERE batch_seq = $1', [seq])).rows[0]!.n);
    expect(claimed).toBe(35);
    expect(await withClient(url, async (c) => (await c.query('SELECT count(*)::int AS n FROM record_position')).rows[0].n)).toBe(positionedBefore + 35);

    const next = await startIndexer();
    await settledAndConsistent();
    const batch = (await dbBatches()).find((b) => b.seq === seq)!;
    expect(batch.size).toBe(35);
    expect(logLines(next.logFile).some((l) => l.msg === 'completed a batch claimed before a crash' && l.seq === seq)).toBe(true);
  });

  it('before broadcast: the built batch is committed once after the restart', async () => {
    const before = await dbBatches();
    for (const s of running) await s.stop();
    await writeRecords(url, 25, 200);
    const { svc, logFile } = await startIndexer('before-broadcast:pause');
    const at = await reachFault(logFile, 'before-broadcast');
    const seq = Number(at.seq);
    await svc.kill();
    expect((await chain.latest()).seq).toBe(seq - 1);
    const parked = (await dbBatches()).find((b) => b.seq === seq)!;
    expect(parked.status).toBe('SUBMITTED');

    await startIndexer();
    await settledAndConsistent();
    expect((await dbBatches()).length).toBeGreaterThan(before.length);
  });

  it('after broadcast, before the database write: the anchor is adopted from the chain, not committed again', async () => {
    for (const s of running) await s.stop();
    await writeRecords(url, 20, 300);
    const { svc, logFile } = await startIndexer('after-broadcast:pause');
    const at = await reachFault(logFile, 'after-broadcast');
    const seq = Number(at.seq);
    await svc.kill();
    expect((await chain.latest()).seq).toBe(seq);
    const parked = (await dbBatches()).find((b) => b.seq === seq)!;
    expect(parked.status).toBe('SUBMITTED');
    expect(parked.attempts).toBe(1);

    const next = await startIndexer();
    await settledAndConsistent();
    const adopted = (await dbBatches()).find((b) => b.seq === seq)!;
    expect(adopted.status).toBe('ANCHORED');
    expect(adopted.attempts).toBe(1); // no second commit was sent
    expect(logLines(next.logFile).some((l) => l.msg === 'batch found on chain; recording its anchor' && l.seq === seq)).toBe(true);

    // Operations view of the restarted process.
    const health = (await (await fetch(`http://127.0.0.1:${next.port}/health`)).json()) as Record<string, unknown>;
    expect(health).toMatchObject({ status: 'ok', role: 'leader', backlog: 0, unanchoredRecords: 0, recordsAnchored: await totalRecords() });
    const metrics = await (await fetch(`http://127.0.0.1:${next.port}/metrics`)).text();
    expect(metrics).toMatch(new RegExp(`^lianjian_indexer_records_anchored_total ${await totalRecords()}$`, 'm'));
    expect(metrics).toMatch(/^lianjian_indexer_backlog_records 0$/m);
    // No secret in any log.
    const mnemonic = chainNode.mnemonics()[0]!;
    for (let i = 1; i <= runs; i++) {
      const text = readFileSync(path.join(dir, `indexer-${i}.log`), 'utf8');
      expect(text.includes(mnemonic.split(' ').slice(0, 4).join(' '))).toBe(false);
      expect(text.includes(new URL(url).password)).toBe(false);
    }
  });
});
