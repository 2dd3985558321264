// The chain node SIGKILLed while the indexer is committing, with records still arriving: the
// indexer retries (no batch fails for good, none is committed twice), records written while the
// node is down wait in the outbox, and after the restart every record is anchored and the chain
// holds exactly the database's batches, root for root.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { committerChain, Indexer, type AnchorChain } from '@lianjian/indexer';
import { bytesEqual } from '@lianjian/verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChainCommitter } from '@lianjian/indexer/chain';
import { ledgerInvariants, waitFor, withClient, writeRecords } from '../../indexer/test/helpers.js';
import { createTestDatabase } from '../db.js';
import { killableChain, type KillableChain } from './lib/chain.js';

let dir: string;
let chain: KillableChain;
let url: string;
let indexer: Indexer;
let reader: AnchorChain;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'lianjian-chain-kill-'));
  chmodSync(dir, 0o755);
  [chain, { url }] = await Promise.all([killableChain(dir), createTestDatabase()]);
  const committer = await ChainCommitter.create({ rpcUrl: chain.rpcUrl, mnemonic: chain.mnemonics()[0]!, retry: { initialDelayMs: 200, maxDelayMs: 1_000, maxElapsedMs: 120_000 } });
  indexer = new Indexer({ databaseUrl: url, chain: committerChain(committer), policy: { maxRecords: 40, maxWaitMs: 30, pollMs: 10 } });
  await indexer.start();
  reader = committerChain(await ChainCommitter.create({ rpcUrl: chain.rpcUrl, mnemonic: chain.mnemonics()[0]! }));
}, 180_000);

afterAll(async () => {
  await indexer?.stop();
  await chain?.stop().catch(() => undefined);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const count = (sql: string) => withClient(url, async (c) => Number((await c.query(sql)).rows[0].n));

describe('chain node killed during commits', () => {
  it('loses nothing: every record is anchored after the restart, and chain and database agree batch for batch', async () => {
    let written = 0;
    let writing = true;
    const writer = (async () => {
      while (writing) {
        await writeRecords(url, 7, written);
        written += 7;
        await new Promise((r) => setTimeout(r, 60));
      }
    })();

    await waitFor('two batches anchored', async () => (await count(`SELECT count(*) AS n FROM batch WHERE status = 'ANCHORED'`)) >= 2, 60_000, 50);
    // Kill while a commit is in flight (a batch marked SUBMITTED, not yet ANCHORED).
    await waitFor('a commit in flight', async () => (await count(`SELECT count(*) AS n FROM batch WHERE status = 'SUBMITTED'`)) > 0, 20_000, 5);
    await chain.kill();
    const anchoredAtKill = await count(`SELECT count(*) AS n FROM batch WHERE status = 'ANCHORED'`);

    await new Promise((r) => setTimeout(r, 3_000));
    expect(indexer.role).toBe('leader'); // still running, retrying
    expect(await count(`SELECT count(*) AS n FROM batch WHERE status = 'ANCHORED'`)).toBe(anchoredAtKill);
    // Meanwhile records keep arriving and wait: in the outbox or in built batches.
    expect(await count('SELECT count(*) AS n FROM outbox_record')).toBeGreaterThan(await count(`SELECT coalesce(sum(size), 0) AS n FROM batch WHERE status = 'ANCHORED'`));

    await chain.restart();
    await new Promise((r) => setTimeout(r, 1_500));
    writing = false;
    await writer;

    const total = await count('SELECT count(*) AS n FROM outbox_record');
    expect(total).toBe(written);
    await waitFor(
      'every record anchored after the restart',
      async () => (await count(`SELECT coalesce(sum(size), 0) AS n FROM batch WHERE status = 'ANCHORED'`)) === total,
      120_000,
      100,
    );
    const inv = await withClient(url, (c) => ledgerInvariants(c));
    expect(inv.positioned).toBe(total);

    const batches = await withClient(url, async (c) => (await c.query<{ seq: number; root: Buffer; size: number; tx_hash: string; attempts: number }>('SELECT seq, root, size, tx_hash, attempts FROM batch ORDER BY seq')).rows);
    expect((await reader.latest()).seq).toBe(batches.length);
    for (const b of batches) {
      const on = await reader.getBatch(b.seq);
      expect(on !== null && bytesEqual(on.root, b.root) && on.size === b.size, `batch ${b.seq}`).toBe(true);
      expect(await reader.findCommitTx(b.seq, new Uint8Array(b.root), on!.height), `batch ${b.seq} tx`).toBe(b.tx_hash);
    }
    // Records written while the node was down went out once it was back.
    expect(batches.length).toBeGreaterThan(anchoredAtKill);
    console.log(`[faults-chain] ${total} records in ${batches.length} batches; ${anchoredAtKill} anchored at the kill; max attempts on one batch ${Math.max(...batches.map((b) => b.attempts))}`);
  });
});
