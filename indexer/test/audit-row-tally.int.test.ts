// The rows check made in the full audit's log pass (docs/decisions/025-rows-checked-in-the-log-pass.md):
// a clean ledger balances every table without walking one row by row; each way a row can stop
// matching its latest record is found and named — edited or set back to an older version (a
// suspect compared on its own), deleted (a record without its row), inserted without a record
// (its table no longer balances and is walked); records not in a batch yet are tallied too;
// writes during the audit raise no finding (one snapshot).
import { seed } from '@lianjian/db';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db.js';
import { audit } from '../src/audit.js';
import { connectClient, createPool } from '../src/db.js';
import { Indexer } from '../src/indexer.js';
import { appendRecord } from '../src/outbox.js';
import { dataFromColumns, verifiableTables } from '../src/records.js';
import { waitFor, withClient } from './helpers.js';

let url: string;
let drop: () => Promise<void>;
let pool: pg.Pool;

/** A change as the API makes it: the row's next version and its record, in one transaction. */
async function change(type: string, id: string, set: string, values: unknown[]): Promise<void> {
  const t = verifiableTables().find((x) => x.type === type)!;
  const c = await connectClient(url);
  try {
    await c.query('BEGIN');
    const row = (await c.query<Record<string, unknown> & { version: number }>(`UPDATE "${t.table}" SET ${set}, version = version + 1 WHERE id = $1 RETURNING *`, [id, ...values])).rows[0]!;
    await appendRecord(c, { type, id, version: row.version, org: String(row[t.orgColumn]), actor: 'system', data: dataFromColumns(t, row) });
    await c.query('COMMIT');
  } finally {
    await c.end();
  }
}

const rename = (id: string, name: string) => change('Member', id, 'name = $2', [name]);

/** As an attacker would: superuser, triggers off. */
async function tamper(sql: string, values: unknown[] = []): Promise<void> {
  await withClient(url, async (c) => {
    await c.query('SET session_replication_role = replica');
    await c.query(sql, values);
  });
}

async function batchAll(): Promise<void> {
  const indexer = new Indexer({ databaseUrl: url, policy: { maxRecords: 500, maxWaitMs: 20, maxUnanchored: 100_000 } });
  await indexer.start();
  const total = await withClient(url, async (c) => (await c.query('SELECT count(*)::int AS n FROM outbox_record')).rows[0].n as number);
  await waitFor('everything batched', async () =>
    withClient(url, async (c) => Number((await c.query(`SELECT coalesce(sum(size), 0) AS n FROM batch`)).rows[0].n) === total),
  120_000, 100);
  await indexer.stop();
}

let ids: string[];

beforeAll(async () => {
  ({ url, drop } = await createTestDatabase());
  await seed(url, { members: 40, progress: false, workers: 0 });
  ids = await withClient(url, async (c) => (await c.query<{ id: string }>('SELECT id::text FROM member ORDER BY id LIMIT 4')).rows.map((r) => r.id));
  // Two members have a second version, so an older record exists to be set back to.
  await rename(ids[0]!, '改名甲');
  await rename(ids[1]!, '改名乙');
  await batchAll();
  pool = createPool(url);
}, 300_000);

afterAll(async () => {
  await pool?.end();
  await drop?.();
});

describe('the rows checked in the log pass', () => {
  it('a clean ledger balances every table: no table is walked row by row, in one thread or in workers', async () => {
    for (const workers of [0, 2]) {
      const report = await audit(pool, { writeAlerts: false, chunkSize: 300, workers });
      expect(report.mismatches).toBe(0);
      expect(report.tablesWalked).toEqual([]);
      const rows = await withClient(url, async (c) => {
        let n = 0;
        for (const t of verifiableTables()) n += (await c.query(`SELECT count(*)::int AS n FROM "${t.table}"`)).rows[0].n as number;
        return n;
      });
      expect(report.rows).toBe(rows);
    }
  });

  it('records not in a batch yet are tallied: a change after the last batch leaves the tables balanced', async () => {
    await rename(ids[2]!, '未入批次');
    const unbatched = await withClient(url, async (c) =>
      (await c.query(`SELECT count(*)::int AS n FROM outbox_record o WHERE NOT EXISTS (SELECT 1 FROM record_position rp WHERE rp.record_id = o.id)`)).rows[0].n as number,
    );
    expect(unbatched).toBe(1);
    const report = await audit(pool, { writeAlerts: false, chunkSize: 300 });
    expect(report.mismatches).toBe(0);
    expect(report.tablesWalked).toEqual([]);
  });

  it('a value the SQL text does not write (a fraction in JSON) makes its row a suspect, found clean one by one, without walking its table', async () => {
    const step = await withClient(url, async (c) => (await c.query<{ id: string }>('SELECT id::text FROM development_step ORDER BY id LIMIT 1')).rows[0]!.id);
    await change('DevelopmentStep', step, `details = $2::jsonb`, [JSON.stringify({ score: 1.5, nested: { deeper: [{ deepest: [1] }] } })]);
    for (const workers of [0, 2]) {
      const report = await audit(pool, { writeAlerts: false, chunkSize: 300, workers });
      expect(report.mismatches).toBe(0);
      expect(report.tablesWalked).toEqual([]);
    }
    // The same row edited behind the API's back is still found, with its field.
    await tamper(`UPDATE development_step SET details = '{"score": 2.5}' WHERE id = $1`, [step]);
    const report = await audit(pool, { writeAlerts: false, chunkSize: 300 });
    expect(report.tablesWalked).toEqual([]);
    expect(report.sample).toEqual([expect.objectContaining({ kind: 'ROW_MISMATCH', entityType: 'DevelopmentStep', entityId: step, detail: expect.objectContaining({ fields: ['details'] }) })]);
    await change('DevelopmentStep', step, `details = $2::jsonb`, [JSON.stringify({ score: 2.5 })]);
  });

  it('a row set back to its older version and data — held by an older record — is found as a suspect, without walking its table', async () => {
    const old = await withClient(url, async (c) =>
      (await c.query<{ document: string }>(`SELECT document FROM outbox_record WHERE entity_type = 'Member' AND entity_id = $1 AND version = 1`, [ids[0]])).rows[0]!,
    );
    const before = JSON.parse(old.document) as { data: { name: string } };
    await tamper(`UPDATE member SET name = $2, version = 1 WHERE id = $1`, [ids[0], before.data.name]);
    for (const workers of [0, 2]) {
      const report = await audit(pool, { writeAlerts: false, chunkSize: 300, workers });
      expect(report.tablesWalked).toEqual([]);
      expect(report.sample).toEqual([expect.objectContaining({ kind: 'ROW_MISMATCH', entityType: 'Member', entityId: ids[0], detail: expect.objectContaining({ version: { row: 1, record: 2 } }) })]);
    }
    // The set-back row is both held by its version's record (counted) and a suspect (a newer
    // record): it must not also stand in for a row the log knows nothing of.
    const ghost = '31111111-2222-4333-8444-555555555555';
    await tamper(`INSERT INTO member SELECT (jsonb_populate_record(m, jsonb_build_object('id', $2::text, 'national_id_hash', null))).* FROM member m WHERE m.id = $1`, [ids[1], ghost]);
    const report = await audit(pool, { writeAlerts: false, chunkSize: 300, workers: 2 });
    expect(report.tablesWalked).toEqual(['Member']);
    expect(report.sample.map((m) => `${m.kind} ${m.entityId}`).sort()).toEqual([`ROW_MISMATCH ${ids[0]}`, `ROW_WITHOUT_RECORD ${ghost}`].sort());
    await tamper(`DELETE FROM member WHERE id = $1`, [ghost]);
  });

  it('a row deleted is named from its records; a row inserted without a record unbalances its table, which is walked', async () => {
    const feedback = await withClient(url, async (c) => (await c.query<{ id: string }>('SELECT id::text FROM meeting_feedback LIMIT 1')).rows[0]!.id);
    await tamper(`DELETE FROM meeting_feedback WHERE id = $1`, [feedback]);
    const unit = await withClient(url, async (c) => (await c.query<{ id: string }>('SELECT id::text FROM org_unit LIMIT 1')).rows[0]!.id);
    const ghost = '21111111-2222-4333-8444-555555555555';
    await tamper(`INSERT INTO course (id, org_unit_id, title, class_hours, mandatory, status) VALUES ($1, $2, 'ghost course', 1, false, 'DRAFT')`, [ghost, unit]);
    const report = await audit(pool, { writeAlerts: false, chunkSize: 300, workers: 2 });
    expect(report.tablesWalked).toEqual(['Course']);
    expect(report.sample).toContainEqual(expect.objectContaining({ kind: 'RECORD_WITHOUT_ROW', entityType: 'MeetingFeedback', entityId: feedback }));
    expect(report.sample).toContainEqual(expect.objectContaining({ kind: 'ROW_WITHOUT_RECORD', entityType: 'Course', entityId: ghost }));
    expect(report.mismatches).toBe(3);
  });

  it('changes made while the audit runs raise no finding: it reads one snapshot', async () => {
    // Put the tampered rows back as they were recorded, so that only the live writes remain.
    await tamper(`DELETE FROM course WHERE id = '21111111-2222-4333-8444-555555555555'`);
    await tamper(`UPDATE member SET name = '改名甲', version = 2 WHERE id = $1`, [ids[0]]);
    const deleted = await withClient(url, async (c) =>
      (await c.query<{ entity_id: string }>(`SELECT o.entity_id::text FROM outbox_record o WHERE o.entity_type = 'MeetingFeedback' AND NOT EXISTS (SELECT 1 FROM meeting_feedback f WHERE f.id = o.entity_id)`)).rows,
    );
    expect(deleted).toHaveLength(1);
    await tamper(`DELETE FROM outbox_record WHERE entity_type = 'MeetingFeedback' AND entity_id = $1 AND NOT EXISTS (SELECT 1 FROM record_position rp WHERE rp.record_id = outbox_record.id)`, [deleted[0]!.entity_id]);
    let stop = false;
    let writes = 0;
    const writer = (async () => {
      for (let k = 0; !stop; k++) {
        await rename(ids[3]!, `实时修改 ${k}`);
        writes++;
      }
    })();
    try {
      const report = await audit(pool, { writeAlerts: false, chunkSize: 100, workers: 2 });
      // The deleted feedback row stays reported (its record is in a batch); nothing else.
      expect(report.sample.map((m) => `${m.kind} ${m.entityType}`)).toEqual(['RECORD_WITHOUT_ROW MeetingFeedback']);
      expect(report.tablesWalked).toEqual([]);
    } finally {
      stop = true;
      await writer;
    }
    expect(writes).toBeGreaterThan(0);
  });
});
