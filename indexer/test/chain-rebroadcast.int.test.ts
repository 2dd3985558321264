// The committer's re-send while it waits for a block (default every 3 s) against a real node whose
// blocks are slow (timeout_commit 4 s, as while the validator set changes): the node answers the
// repeated transaction with the JSON-RPC error "tx already exists in cache", which means the
// transaction is still pending. The commit must wait for its block, not fail.
import { createHash } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CometRpc } from '@lianjian/verify/chain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainAvailable, pickChainPorts, startChainNode, type ChainNode } from '../../scripts/lib/chain-node.js';
import { ChainCommitter } from '../src/chain/index.js';
import { isAlreadyPending } from '../src/chain/committer.js';

const ZERO = new Uint8Array(32);
const rootOf = (label: string) => new Uint8Array(createHash('sha256').update(label).digest());

let dir: string;
let node: ChainNode;

describe.skipIf(!chainAvailable())('re-sending a pending commit while blocks are slow', () => {
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'lianjian-rebroadcast-'));
    chmodSync(dir, 0o755);
    node = await startChainNode({ home: path.join(dir, 'chain'), ports: await pickChainPorts(), logFile: path.join(dir, 'chain.log'), env: { LIANJIAN_TIMEOUT_COMMIT: '4s' } });
  }, 180_000);

  afterAll(async () => {
    await node?.stop().catch(() => undefined);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('a commit whose re-sends the node answers with "tx already exists in cache" waits for its block', async () => {
    const committer = await ChainCommitter.create({ rpcUrl: node.rpcUrl, mnemonic: node.submitterMnemonics()[0]!, rebroadcastIntervalMs: 150, pollIntervalMs: 50 });
    const seen: string[] = [];
    // Observe (not replace) the committer's calls to the real node: record broadcast errors.
    const rpc = committer.rpc as unknown as { call: CometRpc['call'] };
    const call = rpc.call.bind(committer.rpc);
    rpc.call = (async (method: string, params: Record<string, unknown>) => {
      try {
        return await call(method, params);
      } catch (error) {
        if (method === 'broadcast_tx_sync') seen.push(String((error as Error).message));
        throw error;
      }
    }) as CometRpc['call'];

    const t = performance.now();
    const r = await committer.commitBatch({ seq: 1, root: rootOf('slow-1'), size: 3, prevRoot: ZERO });
    const ms = performance.now() - t;
    expect(r.seq).toBe(1);
    expect(r.height).toBeGreaterThan(0);
    // Blocks every ~4 s and a re-send every 150 ms: the node said "already in cache" at least once.
    expect(seen.some((m) => /tx already exists in cache/.test(m)), `broadcast errors seen: ${JSON.stringify(seen)}`).toBe(true);
    console.log(`[rebroadcast] commit with re-sends every 150 ms in ${(ms / 1000).toFixed(1)} s; ${seen.length} "already in cache" answers treated as pending`);

    // And the next commit goes through as well (the account sequence moved on once).
    const r2 = await committer.commitBatch({ seq: 2, root: rootOf('slow-2'), size: 1, prevRoot: rootOf('slow-1') });
    expect(r2.seq).toBe(2);
  }, 120_000);

  it('recognises the node’s "already pending" answers, and nothing else', () => {
    expect(isAlreadyPending('chain node refused broadcast_tx_sync: tx already exists in cache')).toBe(true);
    expect(isAlreadyPending('Internal error: tx already exists in cache')).toBe(true);
    expect(isAlreadyPending('chain node refused broadcast_tx_sync: mempool is full')).toBe(false);
    expect(isAlreadyPending('account sequence mismatch')).toBe(false);
  });
});
