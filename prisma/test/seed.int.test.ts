// The seed is deterministic (same seed → same rows, digest by digest) and consistent: every
// verifiable row has its record, histories obey the development timers, appraisals respect the
// one-third cap, points respect daily caps, and no sensitive identifier reaches a document.
import { canonicalize, leafHash, validateDocument } from '@lianjian/verify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db.js';
import { dmmf } from '../src/dmmf.js';
import { verifyPassword } from '../src/password.js';
import { VERIFIABLE_MODELS } from '../src/records.js';
import { seed, type SeedResult } from '../src/seed/run.js';
import { tableDigests, tableOf } from './seed-digests.js';

const MEMBERS = 200;
let a: { url: string; res: SeedResult; sql: pg.Client };
let bUrl: string;
let cUrl: string;
let dUrl: string;

// Accounts carry fresh random passwords by design.
const digests = (url: string) => tableDigests(url, (t) => t === 'account' || t === 'session');

beforeAll(async () => {
  const [da, db, dc, dd] = [await createTestDatabase(), await createTestDatabase(), await createTestDatabase(), await createTestDatabase()];
  const opts = { members: MEMBERS, seed: 'test-7', progress: false, workers: 0 } as const;
  const res = await seed(da.url, opts);
  await seed(db.url, opts);
  await seed(dc.url, { ...opts, members: 60, seed: 'other' });
  await seed(dd.url, { ...opts, randomSalts: true });
  const sql = new pg.Client({ connectionString: da.url });
  await sql.connect();
  a = { url: da.url, res, sql };
  bUrl = db.url;
  cUrl = dc.url;
  dUrl = dd.url;
}, 400_000);

afterAll(async () => {
  await a?.sql.end();
});

const q = async <T extends pg.QueryResultRow>(text: string, params: unknown[] = []) => (await a.sql.query<T>(text, params)).rows;

describe('seed', () => {
  it('is deterministic: the same seed gives the same rows in every table', async () => {
    const [da, db, dc] = await Promise.all([digests(a.url), digests(bUrl), digests(cUrl)]);
    expect(da.member!.startsWith(`${MEMBERS}:`)).toBe(true);
    expect(db).toEqual(da);
    expect(dc.member).not.toEqual(da.member);
    expect(dc.outbox_record).not.toEqual(da.outbox_record);
  });

  it('can draw record salts from the CSPRNG and keep the rows reproducible', async () => {
    const [da, dd] = await Promise.all([digests(a.url), digests(dUrl)]);
    // These commit to record leaves (snapshot inputs, ballot trees), so they change with the salts.
    const leafBound = ['outbox_record', 'analytics_snapshot', 'analytics_snapshot_input', 'vote_tally'];
    const differing = Object.keys(da).filter((t) => da[t] !== dd[t]).sort();
    expect(differing).toEqual(leafBound.sort());
    for (const t of leafBound) expect(dd[t]!.split(':')[0]).toBe(da[t]!.split(':')[0]);
  });

  it('reports what it wrote, with demo accounts that can sign in', async () => {
    expect(a.res.members).toBe(MEMBERS);
    expect(a.res.rows.member).toBe(MEMBERS);
    const counted = await q<{ n: string }>('SELECT count(*)::text AS n FROM development_step');
    expect(a.res.rows.development_step).toBe(Number(counted[0]!.n));
    expect(a.res.accounts.map((x) => x.role)).toEqual(['ADMIN', 'LEADER', 'SECRETARY', 'SECRETARY', 'SECRETARY', 'MEMBER']);
    // The grassroots committee's organiser (组织员) decides the level above's steps; requests wait on
    // the committee nearest above the member's unit (step 18 on the one above it), as the API's decidingUnitFor.
    expect(a.res.accounts.find((x) => x.username === 'approver')).toMatchObject({ role: 'SECRETARY' });
    const [waiting] = await q<{ n: string; elsewhere: string; at_root: string }>(
      `SELECT count(*)::text AS n,
              count(*) FILTER (WHERE r.deciding_unit_id IS DISTINCT FROM (
                SELECT c.id FROM org_unit c WHERE c.kind = 'COMMITTEE' AND m.path LIKE c.path || '%' AND c.id <> m.id
                 ORDER BY c.level DESC OFFSET CASE WHEN r.kind = 'DEPARTMENT_FILING' THEN 1 ELSE 0 END LIMIT 1))::text AS elsewhere,
              count(*) FILTER (WHERE d.parent_id IS NULL)::text AS at_root
         FROM level_request r JOIN org_unit m ON m.id = r.org_unit_id JOIN org_unit d ON d.id = r.deciding_unit_id WHERE r.status IN ('PENDING', 'IN_REVIEW')`,
    );
    expect(Number(waiting!.n)).toBeGreaterThan(0);
    expect(waiting!.elsewhere).toBe('0');
    expect(waiting!.at_root).toBe('0');
    // The demo accounts sit on one line of the tree: the approver on a grassroots committee below the
    // top committee (admin, leader), the gb-secretary on a general branch under it, the secretary on a
    // branch under that general branch, and the approver has requests to decide.
    const scopes = await q<{ username: string; kind: string; level: number; path: string; parent_kind: string | null }>(
      `SELECT a.username, u.kind::text, u.level, u.path, p.kind::text AS parent_kind FROM account a JOIN org_unit u ON u.id = a.scope_unit_id
         LEFT JOIN org_unit p ON p.id = u.parent_id`,
    );
    const scope = Object.fromEntries(scopes.map((r) => [r.username, r]));
    expect(scope.admin).toMatchObject({ kind: 'COMMITTEE', level: 0 });
    expect(scope.leader).toMatchObject({ kind: 'COMMITTEE', level: 0 });
    expect(scope.approver).toMatchObject({ kind: 'COMMITTEE', parent_kind: 'COMMITTEE' });
    expect(scope['gb-secretary']).toMatchObject({ kind: 'GENERAL_BRANCH', parent_kind: 'COMMITTEE' });
    expect(scope['gb-secretary']!.path.startsWith(scope.approver!.path)).toBe(true);
    expect(scope.secretary).toMatchObject({ kind: 'BRANCH', parent_kind: 'GENERAL_BRANCH' });
    expect(scope.secretary!.path.startsWith(scope['gb-secretary']!.path)).toBe(true);
    const [toDecide] = await q<{ n: string }>(
      `SELECT count(*)::text AS n FROM level_request r JOIN account a ON a.scope_unit_id = r.deciding_unit_id AND a.username = 'approver' WHERE r.status IN ('PENDING', 'IN_REVIEW')`,
    );
    expect(Number(toDecide!.n)).toBeGreaterThan(0);
    // Real depth: grassroots committees under the top committee, and a branch directly under one of them.
    const [depth] = await q<{ committees: string; direct: string; deepest: number }>(
      `SELECT (SELECT count(*) FROM org_unit c JOIN org_unit p ON p.id = c.parent_id WHERE c.kind = 'COMMITTEE' AND p.kind = 'COMMITTEE')::text AS committees,
              (SELECT count(*) FROM org_unit b JOIN org_unit p ON p.id = b.parent_id WHERE b.kind = 'BRANCH' AND p.kind = 'COMMITTEE')::text AS direct,
              (SELECT max(level) FROM org_unit) AS deepest`,
    );
    expect(Number(depth!.committees)).toBeGreaterThanOrEqual(2);
    expect(Number(depth!.direct)).toBeGreaterThan(0);
    expect(depth!.deepest).toBeGreaterThanOrEqual(4);
    // The general branch's secretary is the account of its 书记 (a member holding the current position).
    const [gb] = await q<{ title: string; unit_kind: string }>(
      `SELECT p.title::text, u.kind::text AS unit_kind FROM account a JOIN committee_position p ON p.member_id = a.member_id AND p.org_unit_id = a.scope_unit_id AND p.ended_on IS NULL
         JOIN org_unit u ON u.id = a.scope_unit_id WHERE a.username = 'gb-secretary'`,
    );
    expect(gb).toEqual({ title: 'SECRETARY', unit_kind: 'GENERAL_BRANCH' });
    const admin = a.res.accounts[0]!;
    expect(admin.totpSecret).toMatch(/^[A-Z2-7]{32}$/);
    const [row] = await q<{ password_hash: string; totp_secret: string }>("SELECT password_hash, totp_secret FROM account WHERE username = 'admin'");
    expect(await verifyPassword(admin.password, row!.password_hash)).toBe(true);
    expect(await verifyPassword(admin.password + 'x', row!.password_hash)).toBe(false);
    expect(row!.totp_secret).toBe(admin.totpSecret);
    const [member] = await q<{ stage: string; status: string }>(
      "SELECT m.stage, m.status FROM account a JOIN member m ON m.id = a.member_id WHERE a.username = 'member'",
    );
    expect(member).toEqual({ stage: 'FULL', status: 'ACTIVE' });
  });

  it('writes exactly one valid record per verifiable row, never with sensitive identifiers', async () => {
    for (const model of VERIFIABLE_MODELS) {
      const t = tableOf(model);
      const [gap] = await q<{ missing: string; rows: string; records: string }>(
        `SELECT (SELECT count(*) FROM "${t}" r WHERE NOT EXISTS (SELECT 1 FROM outbox_record o WHERE o.entity_type = $1 AND o.entity_id = r.id AND o.version = r.version))::text AS missing,
                (SELECT count(*) FROM "${t}")::text AS rows,
                (SELECT count(*) FROM outbox_record WHERE entity_type = $1)::text AS records`,
        [model],
      );
      expect({ model, ...gap }).toEqual({ model, missing: '0', rows: gap!.records, records: gap!.records });
    }
    const sample = await q<{ entity_type: string; document: string; leaf: Buffer }>(
      'SELECT DISTINCT ON (entity_type) entity_type, document, leaf FROM outbox_record ORDER BY entity_type, id DESC',
    );
    expect(sample.length).toBeGreaterThanOrEqual(28);
    for (const r of sample) {
      const doc = validateDocument(JSON.parse(r.document));
      expect(canonicalize(doc)).toBe(r.document);
      expect(Buffer.from(leafHash(doc)).equals(r.leaf)).toBe(true);
    }
    const members = await q<{ document: string; phone: string; address: string }>(
      "SELECT o.document, m.phone, m.address FROM outbox_record o JOIN member m ON m.id = o.entity_id WHERE o.entity_type = 'Member'",
    );
    expect(members).toHaveLength(MEMBERS);
    for (const m of members) {
      const data = JSON.parse(m.document).data as Record<string, unknown>;
      expect(Object.keys(data)).not.toContain('phone');
      expect(Object.keys(data)).not.toContain('address');
      expect(Object.keys(data)).not.toContain('nationalIdHash');
      expect(m.document).not.toContain(m.phone);
      expect(m.document).not.toContain(m.address);
    }
    const questions = await q<{ document: string }>("SELECT document FROM outbox_record WHERE entity_type = 'QuizQuestion' LIMIT 5");
    for (const x of questions) expect(Object.keys(JSON.parse(x.document).data)).not.toContain('correct');
  });

  // A step's stage column is the stage it serves (the engine's STEP table), not the member's stage
  // after it; that the history justifies the member's stage is checked by seed-pipeline.int.test.ts.
  it('spreads members over all five stages, with histories in date order', async () => {
    const stages = await q<{ stage: string; n: string }>('SELECT stage::text, count(*)::text AS n FROM member GROUP BY 1 ORDER BY 1');
    expect(stages.map((s) => s.stage)).toEqual(['ACTIVIST', 'APPLICANT', 'CANDIDATE', 'FULL', 'PROBATIONARY']);
    const bad = await q(
      `SELECT m.id FROM member m
        JOIN LATERAL (SELECT s.occurred_on, lag(s.occurred_on) OVER w AS prev_on
                        FROM development_step s WHERE s.member_id = m.id WINDOW w AS (ORDER BY s.seq)) h ON true
        WHERE h.occurred_on < h.prev_on`,
    );
    expect(bad).toEqual([]);
    const [noHistory] = await q<{ n: string }>('SELECT count(*)::text AS n FROM member m WHERE NOT EXISTS (SELECT 1 FROM development_step s WHERE s.member_id = m.id)');
    expect(noHistory!.n).toBe('0');
  });

  it('keeps the development timers', async () => {
    const step = (n: number) => `(SELECT occurred_on FROM development_step WHERE member_id = m.id AND step_no = ${n} ORDER BY seq LIMIT 1)`;
    const violations = await q<{ rule: string; n: string }>(`
      SELECT 'application at 18 or older' AS rule, count(*)::text AS n FROM member m WHERE m.applied_on < m.birth_date + interval '18 years'
      UNION ALL SELECT 'talk within a month', count(*)::text FROM member m WHERE ${step(2)} > ${step(1)} + interval '1 month'
      UNION ALL SELECT 'activist at least 6 months after applying', count(*)::text FROM member m WHERE m.activist_since < m.applied_on + interval '6 months'
      UNION ALL SELECT 'a year as activist', count(*)::text FROM member m WHERE m.candidate_since < m.activist_since + interval '1 year'
      UNION ALL SELECT 'pre-review within a month', count(*)::text FROM member m WHERE ${step(13)} > ${step(12)} + interval '1 month'
      UNION ALL SELECT 'approval within 3 months', count(*)::text FROM member m
        WHERE (SELECT occurred_on FROM development_step WHERE member_id = m.id AND step_no = 17 AND approval = 'APPROVED') > m.probationary_since + interval '3 months'
      UNION ALL SELECT 'probation of one year', count(*)::text FROM member m
        WHERE m.stage = 'FULL' AND NOT m.probation_extended AND m.full_member_since <> (m.probationary_since + interval '1 year')::date
      UNION ALL SELECT 'stage dates match', count(*)::text FROM member m
        WHERE (m.stage <> 'APPLICANT') <> (m.activist_since IS NOT NULL) OR (m.stage = 'FULL') <> (m.full_member_since IS NOT NULL)
      UNION ALL SELECT 'mentor was a full member then', count(*)::text FROM mentor_assignment a JOIN member t ON t.id = a.mentor_id
        WHERE t.full_member_since IS NULL OR t.full_member_since >= a.assigned_on
      UNION ALL SELECT 'nothing after the base date', count(*)::text FROM development_step WHERE occurred_on >= '2026-11-01'
    `);
    expect(violations.filter((v) => v.n !== '0')).toEqual([]);
    expect(violations).toHaveLength(10);
  });

  it('rates at most one third of each campaign 优秀 and respects daily points caps', async () => {
    const campaigns = await q<{ n: string; excellent: string }>(
      "SELECT count(*)::text AS n, count(*) FILTER (WHERE rating = 'EXCELLENT')::text AS excellent FROM appraisal_result GROUP BY campaign_id",
    );
    expect(campaigns.length).toBeGreaterThan(0);
    for (const c of campaigns) expect(Number(c.excellent) * 3).toBeLessThanOrEqual(Number(c.n));
    const overCap = await q(
      `SELECT e.member_id, r.code, e.occurred_on FROM points_entry e JOIN points_rule r ON r.id = e.rule_id
        WHERE e.points > 0 AND r.daily_cap IS NOT NULL
        GROUP BY e.member_id, r.code, e.occurred_on, r.daily_cap HAVING sum(e.points) > r.daily_cap`,
    );
    expect(overCap).toEqual([]);
    const [corrections] = await q<{ bad: string }>(
      'SELECT count(*)::text AS bad FROM points_entry c JOIN points_entry o ON o.id = c.corrects_id WHERE c.points <> -o.points OR c.member_id <> o.member_id',
    );
    expect(corrections!.bad).toBe('0');
  });

  it('has meetings with attendance, learning, votes with tallies and transfers', async () => {
    const [counts] = await q<Record<string, string>>(`SELECT
      (SELECT count(DISTINCT kind) FROM meeting)::text AS kinds,
      (SELECT count(*) FROM attendance)::text AS attendance,
      (SELECT count(*) FROM quiz_attempt a JOIN quiz z ON z.id = a.quiz_id WHERE cardinality(a.question_ids) = z.question_count)::text AS attempts,
      (SELECT count(*) FROM quiz_attempt a JOIN quiz z ON z.id = a.quiz_id WHERE (SELECT count(DISTINCT x) FROM unnest(a.question_ids) x) <> z.question_count)::text AS repeated,
      (SELECT count(*) FROM vote_tally t JOIN vote v ON v.id = t.vote_id WHERE t.ballots_cast <> (SELECT count(*) FROM ballot b WHERE b.vote_id = v.id)
         OR t.ballots_cast <> (SELECT count(*) FROM voter_roll_entry r WHERE r.vote_id = v.id))::text AS tally_mismatch,
      (SELECT count(*) FROM vote_tally)::text AS tallies,
      (SELECT count(*) FROM membership_transfer WHERE valid_until <> issued_on + CASE WHEN cross_province THEN interval '6 months' ELSE interval '3 months' END)::text AS bad_windows`);
    expect(counts).toMatchObject({ kinds: '7', repeated: '0', tally_mismatch: '0', bad_windows: '0' });
    expect(Number(counts!.attendance)).toBeGreaterThan(MEMBERS);
    expect(Number(counts!.attempts)).toBeGreaterThan(0);
    expect(Number(counts!.tallies)).toBeGreaterThan(0);
  });

  it('gives every unit above the groups a current leadership within the rules, some terms ending soon', async () => {
    const rows = await q<{ kind: string; form: string; years: number; full: number; current: number; secretaries: number; ends_soon: boolean }>(
      `SELECT u.kind::text, c.form::text, (extract(year FROM age(c.term_end, c.term_start)))::int AS years,
              (SELECT count(*) FROM member m JOIN org_unit x ON x.id = m.org_unit_id WHERE x.path LIKE u.path || '%' AND m.stage = 'FULL' AND m.status = 'ACTIVE')::int AS full,
              (SELECT count(*) FROM committee o WHERE o.org_unit_id = u.id AND o.ended_on IS NULL)::int AS current,
              (SELECT count(*) FROM committee_position p WHERE p.committee_id = c.id AND p.title = 'SECRETARY' AND p.ended_on IS NULL)::int AS secretaries,
              c.term_end < DATE '2026-11-01' + 90 AS ends_soon
         FROM org_unit u JOIN committee c ON c.org_unit_id = u.id AND c.ended_on IS NULL`,
    );
    const units = await q<{ n: number }>("SELECT count(*)::int AS n FROM org_unit WHERE kind <> 'GROUP'");
    expect(rows).toHaveLength(units[0]!.n);
    for (const r of rows) {
      expect(r.current).toBe(1);
      expect(r.secretaries).toBe(1);
      expect(r.years).toBe(r.kind === 'COMMITTEE' ? 5 : 3);
      // A branch of fewer than 7 full members has a secretary and no committee.
      if (r.kind === 'BRANCH') expect(r.form).toBe(r.full >= 7 ? 'COMMITTEE' : 'SECRETARY_ONLY');
    }
    expect(rows.some((r) => r.ends_soon)).toBe(true);
    const ended = await q<{ n: number }>('SELECT count(*)::int AS n FROM committee WHERE ended_on IS NOT NULL');
    expect(ended[0]!.n).toBeGreaterThan(0);
  });
});
