// The auditor over a seeded organisation anchored on a real chain of the test's own: clean, then
// tampered with the way someone with database access would (triggers switched off), and every
// kind of change must come back as a tamper_alert naming the entity and the batch.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { seed } from '@lianjian/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { createTestDatabase } from '../../test/db.js';
import { committerChain } from '../src/anchor-chain.js';
import { audit, type AuditReport } from '../src/audit.js';
import { ChainCommitter } from '../src/chain/index.js';
import { createPool } from '../src/db.js';
import { Indexer } from '../src/indexer.js';
import { ownChain, waitFor, withClient } from './helpers.js';

let dir: string;
let chainNode: Awaited<ReturnType<typeof ownChain>>;
let url: string;
let pool: pg.Pool;

/** Runs `sql` as an attacker would: as superuser with triggers off (session_replication_role). */
async function tamper(sql: string, values: unknown[] = []): Promise<void> {
  await withClient(url, async (c) => {
    await c.query('SET session_replication_role = replica');
    await c.query(sql, values);
  });
}

async function alerts(): Promise<{ kind: string; entity_type: string | null; entity_id: string | null; batch_seq: number | null }[]> {
  return withClient(url, async (c) => (await c.query('SELECT kind, entity_type, entity_id::text, batch_seq FROM tamper_alert ORDER BY id')).rows);
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'lianjian-audit-'));
  chmodSync(dir, 0o755);
  [chainNode, { url }] = await Promise.all([ownChain(dir), createTestDatabase()]);
  await seed(url, { members: 60, progress: false, workers: 0 });
  const committer = await ChainCommitter.create({ rpcUrl: chainNode.rpcUrl, mnemonic: chainNode.mnemonics()[0]! });
  const indexer = new Indexer({ databaseUrl: url, chain: committerChain(committer), policy: { maxRecords: 1_000, maxWaitMs: 20 } });
  await indexer.start();
  const total = await withClient(url, async (c) => (await c.query('SELECT count(*)::int AS n FROM outbox_record')).rows[0].n as number);
  await waitFor('the seed anchored', async () =>
    withClient(url, async (c) => Number((await c.query(`SELECT coalesce(sum(size), 0) AS n FROM batch WHERE status = 'ANCHORED'`)).rows[0].n) === total),
  120_000, 250);
  await indexer.stop();
  pool = createPool(url);
}, 300_000);

afterAll(async () => {
  await pool?.end();
  await chainNode?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('auditor', () => {
  let clean: AuditReport;

  it('finds nothing in an untouched ledger, chain included', async () => {
    clean = await audit(pool, { rpcUrl: chainNode.rpcUrl, chunkSize: 700 });
    expect(clean.sample).toEqual([]);
    expect(clean.mismatches).toBe(0);
    expect(clean.records).toBeGreaterThan(1_000);
    expect(clean.chainChecked).toBe(clean.batches);
    expect(clean.batches).toBeGreaterThanOrEqual(4);
    expect(clean.rows).toBe(clean.records); // the seed writes one record per row
    expect(await alerts()).toEqual([]);
  });

  it('reports rows, documents, leaves, levels and roots changed behind its back, naming entity and batch', async () => {
    const member = await withClient(url, async (c) =>
      (await c.query<{ id: string; batch_seq: number }>(
        `SELECT m.id::text, rp.batch_seq FROM member m JOIN outbox_record o ON o.entity_type = 'Member' AND o.entity_id = m.id AND o.version = m.version
           JOIN record_position rp ON rp.record_id = o.id ORDER BY m.id LIMIT 1`,
      )).rows[0]!,
    );
    // 1. A row edited in SQL. (With triggers on, the database refuses it: see outbox.int.test.ts.)
    await tamper(`UPDATE member SET name = name || ' (edited)' WHERE id = $1`, [member.id]);
    // 2. A stored document edited (its leaf no longer matches).
    const doc = await withClient(url, async (c) =>
      (await c.query<{ id: string; entity_id: string; batch_seq: number }>(
        `SELECT o.id::text, o.entity_id::text, rp.batch_seq FROM outbox_record o JOIN record_position rp ON rp.record_id = o.id
          WHERE o.entity_type = 'Meeting' ORDER BY rp.position DESC LIMIT 1`,
      )).rows[0]!,
    );
    await tamper(`UPDATE outbox_record SET document = replace(document, '"v":1', '"v":1 ') WHERE id = $1`, [doc.id]);
    // 3. A node of a stored level, and 4. a stored root.
    await tamper(`UPDATE batch_level SET hashes = overlay(hashes PLACING '\\x00'::bytea FROM 1 FOR 1) WHERE batch_seq = 2 AND level = 1`);
    await tamper(`UPDATE batch SET root = sha256(root) WHERE seq = 3`);
    // 5. Two log positions swapped in batch 4 (the log reordered; the unique index needs three steps).
    await withClient(url, async (c) => {
      await c.query('SET session_replication_role = replica');
      const { rows } = await c.query<{ p: string; r: string }>(
        `SELECT rp.position::text AS p, rp.record_id::text AS r FROM record_position rp
          WHERE rp.position >= (SELECT first_position FROM batch WHERE seq = 4) ORDER BY rp.position LIMIT 2`,
      );
      const [x, y] = rows as [{ p: string; r: string }, { p: string; r: string }];
      await c.query('UPDATE record_position SET record_id = -1 WHERE position = $1', [x.p]);
      await c.query('UPDATE record_position SET record_id = $2 WHERE position = $1', [y.p, x.r]);
      await c.query('UPDATE record_position SET record_id = $2 WHERE position = $1', [x.p, y.r]);
    });
    // 6. A verifiable row inserted without its record.
    const unit = await withClient(url, async (c) => (await c.query<{ id: string }>('SELECT id::text FROM org_unit LIMIT 1')).rows[0]!.id);
    const ghost = '11111111-2222-4333-8444-555555555555';
    await tamper(
      `INSERT INTO course (id, org_unit_id, title, class_hours, mandatory, status) VALUES ($1, $2, 'ghost course', 1, false, 'DRAFT')`,
      [ghost, unit],
    );

    const report = await audit(pool, { rpcUrl: chainNode.rpcUrl, chunkSize: 700 });
    expect(report.byKind).toMatchObject({
      ROW_MISMATCH: 1,
      LEAF_MISMATCH: 1,
      DOCUMENT_INVALID: 1,
      LEVEL_MISMATCH: 2, // batch 2's edited node, batch 4’s leaves in another order
      ROW_WITHOUT_RECORD: 1,
    });
    expect(report.byKind.ROOT_MISMATCH).toBe(2); // batch 3's stored root, and batch 4 rebuilt in the swapped order
    expect(report.byKind.LOG_BROKEN).toBeGreaterThanOrEqual(1); // batch 4 out of commit order
    expect(report.byKind.CHAIN_LINK_BROKEN).toBe(1); // batch 4's prev_root no longer matches batch 3
    expect(report.byKind.CHAIN_MISMATCH).toBe(1); // the chain holds batch 3's real root

    const found = await alerts();
    expect(found).toContainEqual({ kind: 'ROW_MISMATCH', entity_type: 'Member', entity_id: member.id, batch_seq: member.batch_seq });
    expect(found).toContainEqual({ kind: 'LEAF_MISMATCH', entity_type: 'Meeting', entity_id: doc.entity_id, batch_seq: doc.batch_seq });
    expect(found).toContainEqual({ kind: 'LEVEL_MISMATCH', entity_type: null, entity_id: null, batch_seq: 2 });
    expect(found).toContainEqual({ kind: 'ROOT_MISMATCH', entity_type: null, entity_id: null, batch_seq: 3 });
    expect(found).toContainEqual({ kind: 'CHAIN_MISMATCH', entity_type: null, entity_id: null, batch_seq: 3 });
    expect(found).toContainEqual({ kind: 'ROW_WITHOUT_RECORD', entity_type: 'Course', entity_id: ghost, batch_seq: null });
    expect(found.some((a) => a.kind === 'LOG_BROKEN' && a.batch_seq === 4)).toBe(true);
    const rowAlert = report.sample.find((m) => m.kind === 'ROW_MISMATCH')!;
    expect(rowAlert.detail.fields).toEqual(['name']);

    // A second run finds the same and does not repeat open alerts.
    const again = await audit(pool, { chunkSize: 5_000 });
    expect(again.mismatches).toBe(report.mismatches - 1); // offline: no chain finding
    expect(again.alertsWritten).toBe(0);
    expect(await alerts()).toHaveLength(found.length);
    tampered = report;
  });

  let tampered: AuditReport;
  const named = (r: AuditReport, skip: string[] = []) =>
    r.sample.filter((m) => !skip.includes(m.kind)).map((m) => `${m.kind} ${m.entityType ?? '-'} ${m.entityId ?? '-'} ${m.batchSeq ?? '-'}`).sort();

  it('worker threads find the same, with the same kind, entity and batch, as one thread', async () => {
    expect(tampered.mismatches).toBeLessThan(100); // the sample holds every finding
    const parallel = await audit(pool, { rpcUrl: chainNode.rpcUrl, chunkSize: 700, workers: 2, writeAlerts: false });
    expect(parallel.byKind).toEqual(tampered.byKind);
    expect(named(parallel)).toEqual(named(tampered));
    expect(parallel.rows).toBe(tampered.rows);
    expect(parallel.records).toBe(tampered.records);

    // Small chunks: the tables are cut into id ranges (with statistics to size them), the log
    // into one-batch groups. Where one group ends and the next begins changes only which
    // out-of-order positions are seen, so LOG_BROKEN is compared by batch alone.
    await withClient(url, (c) => c.query('ANALYZE'));
    const ranged = await audit(pool, { chunkSize: 40, workers: 2, writeAlerts: false });
    expect(ranged.rows).toBe(tampered.rows);
    expect(named(ranged, ['LOG_BROKEN'])).toEqual(named(tampered, ['LOG_BROKEN', 'CHAIN_MISMATCH']));
    expect(ranged.sample.some((m) => m.kind === 'LOG_BROKEN' && m.batchSeq === 4)).toBe(true);
  });

  it('a worker that cannot reach the database fails the audit instead of passing it', async () => {
    await expect(audit(pool, { workers: 1, databaseUrl: 'postgresql://audit:audit@127.0.0.1:1/none', writeAlerts: false })).rejects.toThrow(/ECONNREFUSED|connect/);
  });

  it('a pool of one connection is refused at once: the snapshot would hold it and the findings wait for ever', async () => {
    const one = createPool(url, { max: 1 });
    try {
      await expect(audit(one, { writeAlerts: false })).rejects.toThrow(/at least two connections/);
    } finally {
      await one.end();
    }
  });
});
