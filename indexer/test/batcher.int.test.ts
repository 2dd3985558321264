import { buildTree, treeRoot, verifyBundle, parseBundle, toHex, leafHash } from '@lianjian/verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db.js';
import { Indexer } from '../src/indexer.js';
import { appendRecords } from '../src/outbox.js';
import { getProofBundle } from '../src/proof.js';
import { claimRecords, loadHead, recover } from '../src/batcher.js';
import { fakeRecord, ledgerInvariants, waitFor, withClient, writeRecords } from './helpers.js';
import pg from 'pg';

describe('batcher: commit-order positions without a chain', () => {
  let url: string;
  let indexer: Indexer;

  beforeAll(async () => {
    url = (await createTestDatabase()).url;
    indexer = new Indexer({ databaseUrl: url, policy: { maxRecords: 40, maxWaitMs: 20, maxUnanchored: 1_000_000, pollMs: 10 } });
    await indexer.start();
  });
  afterAll(() => indexer?.stop());

  it('never skips a transaction that commits after later ones, and positions every record once', async () => {
    const held = new pg.Client({ connectionString: url });
    await held.connect();
    await writeRecords(url, 7); // before the held transaction: free to go
    await held.query('BEGIN');
    const heldRecords = await appendRecords(held, [fakeRecord(1000), fakeRecord(1001), fakeRecord(1002)]);

    // 30 writers commit while the held one stays open (each with its own larger xid).
    const sizes = Array.from({ length: 30 }, (_, w) => 5 + (w % 4));
    await Promise.all(sizes.map((n, w) => writeRecords(url, n, w * 10)));
    const rolledBack = await withClient(url, async (c) => {
      await c.query('BEGIN');
      await appendRecords(c, [fakeRecord(-1)]);
      await c.query('ROLLBACK');
    });
    expect(rolledBack).toBeUndefined();

    await waitFor('the records before the held transaction', async () =>
      withClient(url, async (c) => (await c.query('SELECT count(*)::int AS n FROM record_position')).rows[0].n === 7),
    );
    // While it is open nothing behind it may be positioned: that would leave it a gap to fall into.
    await new Promise((r) => setTimeout(r, 300));
    const during = await withClient(url, (c) => ledgerInvariants(c));
    expect(during.positioned).toBe(7);
    expect(during.records).toBe(7 + sizes.reduce((a, b) => a + b, 0));

    await held.query('COMMIT');
    await held.end();
    const total = during.records + 3;
    const final = await waitFor('every record positioned', async () =>
      withClient(url, async (c) => {
        const inv = await ledgerInvariants(c);
        return inv.positioned === total ? inv : undefined;
      }),
    );
    expect(final.records).toBe(total);
    expect(final.batches).toBeGreaterThan(1);

    await withClient(url, async (c) => {
      // Log order is (xid, id): the held transaction's records come right after the first 7.
      const { rows } = await c.query<{ leaf: Buffer }>(
        `SELECT o.leaf FROM record_position rp JOIN outbox_record o ON o.id = rp.record_id WHERE rp.position BETWEEN 7 AND 9 ORDER BY rp.position`,
      );
      expect(rows.map((r) => toHex(r.leaf))).toEqual(heldRecords.map((r) => toHex(r.leaf)));
      // Every stored root and level is the tree of the batch's leaves in position order.
      const batches = await c.query<{ seq: number; first_position: string; size: number; root: Buffer }>('SELECT seq, first_position, size, root FROM batch ORDER BY seq');
      for (const b of batches.rows) {
        const leaves = await c.query<{ leaf: Buffer }>(
          `SELECT o.leaf FROM record_position rp JOIN outbox_record o ON o.id = rp.record_id WHERE rp.batch_seq = $1 ORDER BY rp.position`,
          [b.seq],
        );
        const layers = buildTree(leaves.rows.map((r) => new Uint8Array(r.leaf)));
        expect(toHex(treeRoot(layers))).toBe(toHex(b.root));
        const levels = await c.query<{ level: number; hashes: Buffer }>('SELECT level, hashes FROM batch_level WHERE batch_seq = $1 ORDER BY level', [b.seq]);
        expect(levels.rows.map((l) => toHex(l.hashes))).toEqual(layers.map((l) => toHex(Buffer.concat(l))));
      }
    });
  });

  it('serves a bundle that verifies offline for a batched record, and PENDING without a bundle before', async () => {
    const recs = await withClient(url, async (c) => {
      await c.query('BEGIN');
      const r = await appendRecords(c, Array.from({ length: 13 }, (_, i) => fakeRecord(5000 + i)));
      await c.query('COMMIT');
      return r;
    });
    const pick = recs[11]!;
    await waitFor('record batched', async () => {
      const p = await withClient(url, (c) => getProofBundle(c, { type: 'Member', id: pick.document.id }));
      return p?.bundle ? p : undefined;
    });
    const proof = await withClient(url, (c) => getProofBundle(c, { type: 'Member', id: pick.document.id, version: 1 }));
    expect(proof!.status).toBe('PENDING');
    expect(proof!.bundle!.anchor).toBeNull();
    expect(proof!.bundle!.leaf).toBe(toHex(leafHash(pick.document)));
    const report = await verifyBundle(parseBundle(JSON.parse(JSON.stringify(proof!.bundle))));
    expect(report.verified).toBe(true);
    expect(await withClient(url, (c) => getProofBundle(c, { type: 'Member', id: pick.document.id, version: 2 }))).toBeNull();

    // A record in an open transaction is invisible; once committed and before a batch: PENDING, no bundle.
    await indexer.stop();
    const late = fakeRecord(9999);
    await withClient(url, async (c) => {
      await c.query('BEGIN');
      await appendRecords(c, [late]);
      await c.query('COMMIT');
    });
    const pending = await withClient(url, (c) => getProofBundle(c, { type: 'Member', id: late.id }));
    expect(pending).toMatchObject({ status: 'PENDING', bundle: null, position: null });
  });
});

describe('recovery of claims left without their batch', () => {
  it('completes two claimed batches in order, exactly as an uninterrupted run would have stored them', async () => {
    const { url } = await createTestDatabase();
    await writeRecords(url, 50);
    await withClient(url, async (c) => {
      // What a crash after two pipelined claims leaves: positions for batches 1 and 2, no batch rows.
      const head = await loadHead(c);
      const first = (await claimRecords(c, head, 30))!;
      const second = (await claimRecords(c, { seq: 1, lastPosition: 29, cursor: first.cursor }, 30))!;
      expect([first.size, second.size]).toEqual([30, 20]);
      expect((await c.query('SELECT count(*)::int AS n FROM batch')).rows[0].n).toBe(0);

      const { head: after, completed } = await recover(c);
      expect(completed.map((b) => [b.seq, b.firstPosition, b.size])).toEqual([[1, 0, 30], [2, 30, 20]]);
      expect(after).toMatchObject({ seq: 2, lastPosition: 49, cursor: second.cursor });
      expect(toHex(completed[1]!.prevRoot)).toBe(toHex(completed[0]!.root));
      expect((await ledgerInvariants(c)).batches).toBe(2);
      // The same leaves, in claim order, give the stored root.
      expect(toHex(treeRoot(buildTree(Array.from({ length: 30 }, (_, i) => first.leaves.subarray(i * 32, i * 32 + 32)))))).toBe(toHex(completed[0]!.root));
      // Nothing left to complete; a second recovery is a no-op.
      expect((await recover(c)).completed).toEqual([]);
    });
  });
});
