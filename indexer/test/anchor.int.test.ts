// The indexer in-process against a real chain node of its own: records anchored with bundles
// that verify online, records queued while the chain is down and anchored in order after it
// returns, and a standby indexer taking over the log.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createChainChecker, verifyBundle, bytesEqual } from '@lianjian/verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db.js';
import { committerChain, type AnchorChain } from '../src/anchor-chain.js';
import { ChainCommitter } from '../src/chain/index.js';
import { Indexer } from '../src/indexer.js';
import { getProofs } from '../src/proof.js';
import { appendRecords } from '../src/outbox.js';
import { fakeRecord, ledgerInvariants, ownChain, waitFor, withClient, writeRecords } from './helpers.js';

const POLICY = { maxRecords: 25, maxWaitMs: 30, maxUnanchored: 2, pollMs: 10 };

async function anchoredCount(url: string): Promise<number> {
  return withClient(url, async (c) => Number((await c.query(`SELECT coalesce(sum(size), 0) AS n FROM batch WHERE status = 'ANCHORED'`)).rows[0].n));
}

async function chainMatchesDb(url: string, chain: AnchorChain): Promise<number> {
  const latest = await chain.latest();
  const batches = await withClient(url, (c) => c.query<{ seq: number; root: Buffer; size: number; chain_height: string }>(`SELECT seq, root, size, chain_height FROM batch WHERE status = 'ANCHORED' ORDER BY seq`));
  expect(latest.seq).toBe(batches.rows.length);
  for (const b of batches.rows) {
    const on = await chain.getBatch(b.seq);
    expect(on && bytesEqual(on.root, b.root) && on.size === b.size && on.height === Number(b.chain_height)).toBe(true);
  }
  return latest.seq;
}

describe('indexer with a real chain', () => {
  let dir: string;
  let chainNode: Awaited<ReturnType<typeof ownChain>>;
  let url: string;
  let chain: AnchorChain;
  let indexer: Indexer;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'lianjian-anchor-'));
    chmodSync(dir, 0o755);
    [chainNode, { url }] = await Promise.all([ownChain(dir), createTestDatabase()]);
    const committer = await ChainCommitter.create({ rpcUrl: chainNode.rpcUrl, mnemonic: chainNode.mnemonics()[0]!, retry: { maxElapsedMs: 5_000 } });
    chain = committerChain(committer);
    indexer = new Indexer({ databaseUrl: url, chain, policy: POLICY });
    await indexer.start();
  });
  afterAll(async () => {
    await indexer?.stop();
    await chainNode?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('anchors every record; bundles verify against the chain', async () => {
    const written = await withClient(url, async (c) => {
      await c.query('BEGIN');
      const r = await appendRecords(c, Array.from({ length: 60 }, (_, i) => fakeRecord(i)));
      await c.query('COMMIT');
      return r;
    });
    await waitFor('60 records anchored', async () => (await anchoredCount(url)) === 60, 60_000);
    const inv = await withClient(url, (c) => ledgerInvariants(c));
    expect(inv).toMatchObject({ records: 60, positioned: 60 });
    expect(inv.batches).toBeGreaterThanOrEqual(3); // 25 per batch at most
    await chainMatchesDb(url, chain);

    const proofs = await withClient(url, (c) => getProofs(c, [0, 24, 25, 59].map((i) => ({ type: 'Member', id: written[i]!.document.id }))));
    const checker = createChainChecker(chainNode.rpcUrl);
    for (const p of proofs) {
      expect(p!.status).toBe('ANCHORED');
      expect(p!.bundle!.anchor).not.toBeNull();
      const report = await verifyBundle(p!.bundle!, { chain: checker });
      expect(report.checks.find((c) => c.name === 'chain')).toMatchObject({ ok: true });
      expect(report.verified).toBe(true);
    }
    // A bundle whose root was swapped for another batch's must fail on chain.
    const forged = { ...proofs[0]!.bundle!, batch: { ...proofs[0]!.bundle!.batch, root: proofs[3]!.bundle!.batch.root } };
    expect((await verifyBundle(forged, { chain: checker })).verified).toBe(false);
  });

  it('queues records while the chain is down and anchors them in order once it is back', async () => {
    const before = await anchoredCount(url);
    await chainNode.stop();
    for (let i = 0; i < 10; i++) await writeRecords(url, 9, 1000 + i * 9);
    await new Promise((r) => setTimeout(r, 1_500));
    const stats = await withClient(url, async (c) => (await c.query(`SELECT count(*)::int AS unanchored FROM batch WHERE status <> 'ANCHORED'`)).rows[0]);
    // The builder stops at maxUnanchored batches; the rest waits in the outbox.
    expect(stats.unanchored).toBeLessThanOrEqual(POLICY.maxUnanchored);
    expect(await anchoredCount(url)).toBe(before);

    await chainNode.restart();
    await waitFor('the queued records anchored', async () => (await anchoredCount(url)) === before + 90, 90_000);
    const inv = await withClient(url, (c) => ledgerInvariants(c));
    expect(inv.positioned).toBe(before + 90);
    await chainMatchesDb(url, chain);
  });

  it('a second indexer stands by, then takes over the log', async () => {
    const standby = new Indexer({ databaseUrl: url, chain, policy: POLICY });
    await standby.start();
    await waitFor('standby', async () => standby.role === 'standby', 10_000);
    await indexer.stop();
    await waitFor('takeover', async () => standby.role === 'leader', 10_000);
    const before = await anchoredCount(url);
    await writeRecords(url, 30, 5000);
    await waitFor('anchored by the new leader', async () => (await anchoredCount(url)) === before + 30, 60_000);
    await withClient(url, (c) => ledgerInvariants(c));
    await chainMatchesDb(url, chain);
    indexer = standby;
  });
});
