// /health's ledger figures on a real database: the backlog count stops at its cap (an exact count
// of millions of unbatched records would outlast a health probe) and says so.
import { recordData } from '@lianjian/db';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db.js';
import { appendRecords } from '../src/outbox.js';
import { ledgerStats } from '../src/status.js';

let pool: pg.Pool;

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: (await createTestDatabase()).url, max: 2 });
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    for (let i = 0; i < 5; i++) {
      const { rows } = await c.query<{ id: string }>(`INSERT INTO org_unit (id, kind, name, code, province, path, updated_at) VALUES (gen_random_uuid(), 'BRANCH', $1, $1, '北京', '', now()) RETURNING id::text`, [`S-${i}`]);
      const id = rows[0]!.id;
      await appendRecords(c, [{ type: 'OrgUnit', id, version: 1, org: id, actor: 'system', data: recordData('OrgUnit', { id }) }]);
    }
    await c.query('COMMIT');
  } finally {
    c.release();
  }
});
afterAll(() => pool?.end());

describe('ledgerStats backlog', () => {
  it('counts every unbatched record below the cap', async () => {
    expect(await ledgerStats(pool, undefined, 10)).toMatchObject({ backlog: 5, backlogCapped: false });
  });

  it('stops at the cap and says the backlog is at least that', async () => {
    expect(await ledgerStats(pool, undefined, 3)).toMatchObject({ backlog: 3, backlogCapped: true });
  });
});
