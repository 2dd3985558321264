// Dues figures in a verifiable snapshot, on the movable clock (2026-08-15, China time): a leader
// publishes the `dues` snapshot of a subtree for July; its figures equal the dashboard's dues
// figures; its inputs are the subtree's members and every dues record of theirs (bases, hardship
// decisions, payments, arrears cases), each with a proof; verifySnapshot recomputes the figures
// from those inputs. Then records are changed behind the API's back (SQL, guards off, as an
// attacker with database access): a base's document and an arrears case's document — each is
// refused, naming the input and the figures it moved.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeSnapshotFiguresFromRecords, parseBundle, verifySnapshot, type ProofBundle, type SnapshotInput, type SnapshotReport } from '@lianjian/verify';
import { anchorPending, behindTheBack, sessionFor } from './fixtures.js';
import { ok, type Caller } from './harness.js';
import { apiSuite } from './suite.js';

const LONG = { expiresAt: new Date('2100-01-01T00:00:00Z') };
const DUES = 'month trackedMembers dueFen collectedFen collectionRateBp paidMembers unpaidMembers membersInArrears openArrearsCases';

const { h, fx, as } = apiSuite({ sessions: ['secretary', 'leader'], expiresAt: LONG.expiresAt, others: ['secG1', 'secB2'] });
let db: pg.Client;
const ids = {} as Record<'m1Base' | 'case' | 'snapshot', string>;

beforeAll(async () => {
  const account = async (username: string, scopeUnitId: string) =>
    sessionFor(h.prisma, (await h.prisma.account.create({ data: { username, displayName: username, passwordHash: 'x', role: 'SECRETARY', scopeUnitId } })).id, LONG);
  as.secG1 = { token: await account('sec-g1', fx.units.g1.id) };
  as.secB2 = { token: await account('sec-b2', fx.units.b2.id) };
  h.clock.now = new Date('2026-08-15T04:00:00.000Z');
  db = new pg.Client({ connectionString: h.dbUrl });
  await db.connect();

  const declare = async (who: Caller, input: Record<string, unknown>) => {
    const b = ok(await h.gql<{ declareDuesBase: { id: string } }>(`mutation($input: DeclareDuesBaseInput!) { declareDuesBase(input: $input) { id } }`, { input: { year: 2026, ...input } }, who)).declareDuesBase;
    ok(await h.gql(`mutation($id: ID!) { checkDuesBase(id: $id) { id } }`, { id: b.id }, who));
    return b.id;
  };
  // m1: 30.00 a month, January–March paid; m2: 25.00 a month, nothing paid (an arrears case);
  // m3: 0.20 a month, exempt for the year by an approved hardship decision.
  ids.m1Base = await declare(as.secretary, { memberId: fx.members.m1.id, category: 'IN_WORK', baseFen: 300_001 });
  await declare(as.secretary, { memberId: fx.members.m2.id, category: 'RETIRED', baseFen: 500_000 });
  await declare(as.secB2, { memberId: fx.members.m3.id, category: 'LOW_INCOME' });
  ok(await h.gql(`mutation($input: RecordDuesPaymentInput!) { recordDuesPayment(input: $input) { id } }`, { input: { memberId: fx.members.m1.id, months: ['2026-01', '2026-02', '2026-03'], amountFen: 9000, method: 'CASH' } }, as.secretary));
  const hardship = ok(
    await h.gql<{ proposeDuesHardship: { id: string } }>(
      `mutation($input: ProposeDuesHardshipInput!) { proposeDuesHardship(input: $input) { id } }`,
      { input: { memberId: fx.members.m3.id, kind: 'EXEMPTION', fromMonth: '2026-01', toMonth: '2026-12', reason: '重病住院，无收入', branchDecision: '第二党支部委员会决定' } },
      as.secB2,
    ),
  ).proposeDuesHardship;
  ok(await h.gql(`mutation($id: ID!) { decideDuesHardship(id: $id, approve: true) { id } }`, { id: hardship.id }, as.secG1));
  const raised = ok(await h.gql<{ raiseDuesArrearsCases: { id: string }[] }>(`mutation { raiseDuesArrearsCases { id } }`, {}, as.secG1)).raiseDuesArrearsCases;
  expect(raised).toHaveLength(1);
  ids.case = raised[0]!.id;
}, 120_000);

afterAll(() => db?.end());

interface Served {
  figures: Record<string, unknown>;
  bundle: ProofBundle;
  inputs: SnapshotInput[];
}

async function fetchSnapshot(): Promise<Served> {
  type Node = { ordinal: number; entityType: string; entityId: string; entityVersion: number; leaf: string; proof: { status: string; bundle: unknown } };
  type Q = { analyticsSnapshot: { figures: Record<string, unknown>; proof: { status: string; bundle: unknown }; inputs: { endCursor: string | null; hasNextPage: boolean; nodes: Node[] } } };
  const nodes: Node[] = [];
  let after: string | null = null;
  let head: Q['analyticsSnapshot'];
  do {
    head = ok(
      await h.gql<Q>(
        `query($id: ID!, $after: String) { analyticsSnapshot(id: $id) { figures proof { status bundle }
           inputs(first: 4, after: $after) { endCursor hasNextPage nodes { ordinal entityType entityId entityVersion leaf proof { status bundle } } } } }`,
        { id: ids.snapshot, after },
        as.leader,
      ),
    ).analyticsSnapshot;
    nodes.push(...head.inputs.nodes);
    after = head.inputs.endCursor;
  } while (head.inputs.hasNextPage);
  expect([head.proof.status, ...nodes.map((n) => n.proof.status)].every((x) => x === 'ANCHORED')).toBe(true);
  return {
    figures: head.figures,
    bundle: parseBundle(head.proof.bundle),
    inputs: nodes.map((n) => ({ ordinal: n.ordinal, entityType: n.entityType, entityId: n.entityId, entityVersion: n.entityVersion, leaf: n.leaf, bundle: parseBundle(n.proof.bundle) })),
  };
}

const failures = (r: SnapshotReport) => r.checks.filter((c) => !c.ok);

async function verifyServed(): Promise<SnapshotReport> {
  const v = await fetchSnapshot();
  return verifySnapshot(v.bundle, v.inputs);
}

describe('dues snapshot', () => {
  it('publishes the dashboard’s dues figures of a month, over the members and their dues records', async () => {
    const asOf = '2026-07-20';
    const dash = ok(await h.gql<{ analytics: { dues: Record<string, unknown> } }>(`query($u: ID, $a: Date) { analytics(unitId: $u, asOf: $a) { dues { ${DUES} } } }`, { u: fx.units.g1.id, a: asOf }, as.leader)).analytics.dues;
    // July: m1 owes 30.00 (April–July unpaid), m2 25.00 (January–July, an open case), m3 is exempt.
    expect(dash).toEqual({ month: '2026-07', trackedMembers: 3, dueFen: 5500, collectedFen: 0, collectionRateBp: 0, paidMembers: 0, unpaidMembers: 2, membersInArrears: 2, openArrearsCases: 1 });
    const s = ok(
      await h.gql<{ publishAnalyticsSnapshot: { id: string; figures: Record<string, unknown>; inputCount: number; params: Record<string, unknown> } }>(
        `mutation($u: ID!, $a: Date) { publishAnalyticsSnapshot(unitId: $u, metric: "dues", asOf: $a) { id figures inputCount params } }`,
        { u: fx.units.g1.id, a: asOf },
        as.leader,
      ),
    ).publishAnalyticsSnapshot;
    ids.snapshot = s.id;
    expect(s.figures).toEqual(dash);
    expect(s.params).toMatchObject({ asOf, month: '2026-07', dueUntil: '2026-07' });
    // m1, m2, m3; three bases; one hardship decision; one payment; one arrears case.
    expect(s.inputCount).toBe(9);
  });

  it('its inputs are listed by type then id, each proven, and the figures recompute from them', async () => {
    await anchorPending(h.dbUrl);
    const v = await fetchSnapshot();
    expect(v.inputs.map((i) => i.entityType)).toEqual(['DuesArrearsCase', 'DuesBase', 'DuesBase', 'DuesBase', 'DuesHardship', 'DuesPayment', 'Member', 'Member', 'Member']);
    const params = (v.bundle.document.data as { params: { asOf: string; month: string; dueUntil: string } }).params;
    const recomputed = computeSnapshotFiguresFromRecords('dues', params, v.inputs.map((i) => ({ type: i.bundle.document.type, id: i.bundle.document.id, data: i.bundle.document.data as Record<string, unknown> })));
    expect(recomputed).toEqual(v.figures);
    const report = await verifySnapshot(v.bundle, v.inputs, { shownFigures: v.figures });
    expect(failures(report)).toEqual([]);
    expect(report).toMatchObject({ verified: true, offline: true, metric: 'dues' });
  });

  it('names a dues base whose record was changed after publication, and the figures it moved', async () => {
    await behindTheBack(db, `UPDATE outbox_record SET document = replace(document, '"monthlyDueFen":3000', '"monthlyDueFen":2000') WHERE entity_type = 'DuesBase' AND entity_id = $1`, [ids.m1Base]);
    try {
      const r = await verifyServed();
      expect(r.verified).toBe(false);
      const named = failures(r).filter((c) => c.name === 'input').map((c) => c.input);
      expect(named.length).toBeGreaterThan(0);
      expect(named.every((x) => x!.includes(`DuesBase ${ids.m1Base} v`))).toBe(true);
      expect(failures(r).filter((c) => c.name === 'figure').map((c) => c.figure)).toEqual(['dueFen']);
    } finally {
      await behindTheBack(db, `UPDATE outbox_record SET document = replace(document, '"monthlyDueFen":2000', '"monthlyDueFen":3000') WHERE entity_type = 'DuesBase' AND entity_id = $1`, [ids.m1Base]);
    }
    expect((await verifyServed()).verified).toBe(true);
  });

  it('names an arrears case turned into an excused one behind the back', async () => {
    await behindTheBack(db, `UPDATE outbox_record SET document = replace(document, '"status":"OPEN"', '"status":"EXCUSED"') WHERE entity_type = 'DuesArrearsCase' AND entity_id = $1`, [ids.case]);
    try {
      const r = await verifyServed();
      expect(r.verified).toBe(false);
      expect(failures(r).find((c) => c.name === 'input')!.input).toContain(`DuesArrearsCase ${ids.case} v1`);
      expect(failures(r).filter((c) => c.name === 'figure').map((c) => c.figure).sort()).toEqual(['membersInArrears', 'openArrearsCases', 'unpaidMembers']);
    } finally {
      await behindTheBack(db, `UPDATE outbox_record SET document = replace(document, '"status":"EXCUSED"', '"status":"OPEN"') WHERE entity_type = 'DuesArrearsCase' AND entity_id = $1`, [ids.case]);
    }
  });

  it('detects a dues input dropped from the list', async () => {
    const { rows } = await db.query(`SELECT * FROM analytics_snapshot_input WHERE snapshot_id = $1 AND entity_type = 'DuesPayment'`, [ids.snapshot]);
    const row = rows[0] as { ordinal: number; entity_type: string; entity_id: string; entity_version: number; leaf: Buffer };
    await behindTheBack(db, `DELETE FROM analytics_snapshot_input WHERE snapshot_id = $1 AND ordinal = $2`, [ids.snapshot, row.ordinal]);
    try {
      const r = await verifyServed();
      expect(r.verified).toBe(false);
      expect(failures(r).map((c) => c.name)).toContain('inputRoot');
    } finally {
      await behindTheBack(db, `INSERT INTO analytics_snapshot_input (snapshot_id, ordinal, entity_type, entity_id, entity_version, leaf) VALUES ($1, $2, $3, $4, $5, $6)`, [ids.snapshot, row.ordinal, row.entity_type, row.entity_id, row.entity_version, row.leaf]);
    }
    expect((await verifyServed()).verified).toBe(true);
  });
});
