// The scale profile (profile.ts), at a small size: it still covers every verifiable table with
// consistent data, is sparser than the full profile, and its bulk path (keys, indexes, foreign
// keys, record guards and analytics triggers dropped or paused, then restored) writes exactly the
// rows the ordinary path writes and leaves the schema as the migrations made it.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db.js';
import { dmmf } from '../src/dmmf.js';
import { VERIFIABLE_MODELS } from '../src/records.js';
import { seed, type SeedResult } from '../src/seed/run.js';
import { tableDigests, tableOf, withClient } from './seed-digests.js';

const MEMBERS = 400;
let bulk: { url: string; res: SeedResult; sql: pg.Client };
let plainUrl: string;
let emptyUrl: string;

/** Row digests of the seeded tables (accounts carry fresh passwords; analytics tables are derived). */
const digests = (url: string) => tableDigests(url, (t) => t === 'account' || t === 'session' || (t.startsWith('analytics_') && !t.startsWith('analytics_snapshot')));

/** Indexes, constraints (with definitions), enabled triggers and table options of the schema. */
function schemaShape(url: string): Promise<string[]> {
  return withClient(url, async (c) => {
    const { rows } = await c.query<{ x: string }>(`
      SELECT 'index ' || indexname || ' ' || indexdef AS x FROM pg_indexes WHERE schemaname = 'public'
      UNION ALL SELECT 'constraint ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace
      UNION ALL SELECT 'trigger ' || tgname || ' ' || tgenabled::text FROM pg_trigger WHERE NOT tgisinternal
      UNION ALL SELECT 'options ' || relname || ' ' || coalesce(array_to_string(reloptions, ','), '') FROM pg_class
        WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'
      ORDER BY 1`);
    return rows.map((r) => r.x);
  });
}

beforeAll(async () => {
  const [a, b, e] = [await createTestDatabase(), await createTestDatabase(), await createTestDatabase()];
  const opts = { members: MEMBERS, seed: 'scale-1', profile: 'scale', progress: false, workers: 0 } as const;
  const res = await seed(a.url, { ...opts, bulk: true });
  await seed(b.url, { ...opts, bulk: false });
  const sql = new pg.Client({ connectionString: a.url });
  await sql.connect();
  bulk = { url: a.url, res, sql };
  plainUrl = b.url;
  emptyUrl = e.url;
}, 400_000);

afterAll(async () => {
  await bulk?.sql.end();
});

const q = async <T extends pg.QueryResultRow>(text: string, params: unknown[] = []) => (await bulk.sql.query<T>(text, params)).rows;

describe('scale profile', () => {
  it('writes the same rows in bulk mode as row by row, and restores the schema', async () => {
    expect(bulk.res.profile).toBe('scale');
    expect(bulk.res.phases.map((p) => p.phase)).toContain('index rebuild');
    const [a, b] = await Promise.all([digests(bulk.url), digests(plainUrl)]);
    expect(a.member!.startsWith(`${MEMBERS}:`)).toBe(true);
    expect(a).toEqual(b);
    // Seeding changes rows, never the schema: every key, index, foreign key, trigger and option is back.
    const [shape, empty] = await Promise.all([schemaShape(bulk.url), schemaShape(emptyUrl)]);
    expect(shape.length).toBeGreaterThan(100);
    expect(shape).toEqual(empty);
  });

  it('fills every verifiable table, each row with exactly its record', async () => {
    for (const model of VERIFIABLE_MODELS) {
      const t = tableOf(model);
      const [gap] = await q<{ missing: string; rows: string; records: string }>(
        `SELECT (SELECT count(*) FROM "${t}" r WHERE NOT EXISTS (SELECT 1 FROM outbox_record o WHERE o.entity_type = $1 AND o.entity_id = r.id AND o.version = r.version))::text AS missing,
                (SELECT count(*) FROM "${t}")::text AS rows,
                (SELECT count(*) FROM outbox_record WHERE entity_type = $1)::text AS records`,
        [model],
      );
      expect({ model, ...gap }).toEqual({ model, missing: '0', rows: gap!.records, records: gap!.records });
      expect(Number(gap!.rows), model).toBeGreaterThan(0);
    }
    const [dupes] = await q<{ n: string }>('SELECT count(*)::text AS n FROM (SELECT 1 FROM outbox_record GROUP BY entity_type, entity_id, version HAVING count(*) > 1) d');
    expect(dupes!.n).toBe('0');
  });

  // Histories: every member in development, and every full member whose development ended since
  // the records began (2023-11-01), has the whole history (steps 1–24 for a full member; 25,
  // archiving the files, may still be pending). Full members admitted before have none.
  it('is sparser than the full profile but keeps complete histories in all five stages', async () => {
    const domain = Object.entries(bulk.res.rows)
      .filter(([t]) => t !== 'outbox_record' && t !== 'account')
      .reduce((n, [, v]) => n + v, 0);
    expect(domain / MEMBERS).toBeGreaterThan(15);
    expect(domain / MEMBERS).toBeLessThan(35);
    const stages = await q<{ stage: string }>('SELECT DISTINCT stage::text FROM member ORDER BY 1');
    expect(stages.map((s) => s.stage)).toEqual(['ACTIVIST', 'APPLICANT', 'CANDIDATE', 'FULL', 'PROBATIONARY']);
    const [bad] = await q<Record<string, string>>(`
      WITH h AS (SELECT m.*, (SELECT count(*) FROM development_step s WHERE s.member_id = m.id) AS steps,
                        (SELECT max(occurred_on) FROM development_step s WHERE s.member_id = m.id) AS last_on FROM member m)
      SELECT count(*) FILTER (WHERE stage <> 'FULL' AND steps = 0)::text AS developing_without,
             count(*) FILTER (WHERE stage = 'FULL' AND steps = 0 AND full_member_since >= '2023-11-01')::text AS recent_without,
             count(*) FILTER (WHERE stage = 'FULL' AND steps > 0 AND last_on < '2023-11-01')::text AS archived_with,
             count(*) FILTER (WHERE stage = 'FULL' AND steps > 0
               AND (SELECT count(DISTINCT step_no) FROM development_step s WHERE s.member_id = h.id AND s.step_no <= 24) <> 24)::text AS full_short,
             count(*) FILTER (WHERE stage = 'FULL' AND steps > 0 AND NOT EXISTS (SELECT 1 FROM development_step s
               WHERE s.member_id = h.id AND s.kind = 'CONFIRMATION_APPROVAL' AND s.approval = 'APPROVED'))::text AS unjustified,
             (count(*) FILTER (WHERE stage = 'FULL' AND steps = 0) > 0)::text AS some_archived,
             (count(*) FILTER (WHERE stage = 'FULL' AND steps > 0) > 0)::text AS some_recorded,
             (SELECT count(*) FROM mentor_assignment a WHERE NOT EXISTS (SELECT 1 FROM development_step s WHERE s.member_id = a.member_id))::text AS mentors_without
        FROM h`);
    expect(bad).toEqual({
      developing_without: '0', recent_without: '0', archived_with: '0', full_short: '0', unjustified: '0',
      some_archived: 'true', some_recorded: 'true', mentors_without: '0',
    });
  });

  it('has a quarter of meetings, attendance where recorded, tallies that match their ballots', async () => {
    const [c] = await q<Record<string, string>>(`SELECT
      (SELECT count(DISTINCT kind) FROM meeting)::text AS kinds,
      (SELECT count(DISTINCT date_trunc('month', scheduled_at)) FROM meeting WHERE status = 'COMPLETED' AND kind NOT IN ('ORG_LIFE', 'HEART_TALK'))::text AS months,
      (SELECT count(*) FROM meeting m WHERE m.kind = 'BRANCH_GENERAL' AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.meeting_id = m.id))::text AS general_without,
      (SELECT count(*) FROM attendance a JOIN meeting m ON m.id = a.meeting_id WHERE m.kind <> 'BRANCH_GENERAL' AND m.scheduled_at < '2026-10-01')::text AS old_attendance,
      (SELECT count(*) FROM points_entry p WHERE p.source_type = 'Attendance' AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.meeting_id = p.source_id::uuid AND a.member_id = p.member_id))::text AS points_without,
      (SELECT count(*) FROM vote_tally t WHERE t.ballots_cast <> (SELECT count(*) FROM ballot b WHERE b.vote_id = t.vote_id))::text AS tally_mismatch`);
    expect(c).toMatchObject({ kinds: '7', months: '3', general_without: '0', old_attendance: '0', points_without: '0', tally_mismatch: '0' });
  });

  it('leaves the analytics rollups built (bulk: rebuilt; row by row: the captured contributions folded)', async () => {
    const [has] = await q<{ t: string | null }>("SELECT to_regclass('analytics_rollup')::text AS t");
    if (!has!.t) return; // the rollups migration is not in this tree
    const rollups = (url: string) =>
      withClient(url, async (c) => {
        await c.query('SELECT lianjian_analytics_fold()');
        const { rows } = await c.query<{ d: string; n: string }>(
          `SELECT md5(string_agg(j, '|' ORDER BY j)) AS d, count(*)::text AS n FROM (SELECT to_jsonb(r)::text AS j FROM analytics_rollup r) s`,
        );
        return rows[0]!;
      });
    const [a, b] = [await rollups(bulk.url), await rollups(plainUrl)];
    expect(Number(a.n)).toBeGreaterThan(0);
    expect(a).toEqual(b);
  });
});
