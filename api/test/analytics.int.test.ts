// Dashboard figures on a constructed dataset equal hand-computed values; a published snapshot's
// figures equal the dashboard's and are recomputed from the served input records; scoping
// (leader subtree, secretary subtree, partner scope, members refused; publishing by LEADER/ADMIN
// of the subtree only).
import { beforeAll, describe, expect, it } from 'vitest';
import { recordData, type PrismaClient, type VerifiableModel } from '@lianjian/db';
import { appendRecords } from '@lianjian/indexer';
import { computeSnapshotFigures } from '@lianjian/verify';
import { ACCOUNT_NAMES, apiKeyFor } from './fixtures.js';
import { ok, codeOf } from './harness.js';
import { apiSuite } from './suite.js';

const { h, fx, as } = apiSuite({ sessions: ACCOUNT_NAMES, others: ['partnerB1', 'partnerNoScope'] });

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/** Rows written the way the API writes them: each with its record in the same transaction. */
async function put<T extends { id: string; version: number; orgUnitId: string }>(tx: Tx, model: VerifiableModel, row: Promise<T>): Promise<T> {
  const r = await row;
  await appendRecords(tx, [{ type: model, id: r.id, version: r.version, org: r.orgUnitId, actor: 'system', data: recordData(model, r as unknown as Record<string, unknown>) }]);
  return r;
}

let activistId: string;

beforeAll(async () => {
  // Issued the way an administrator issues it: createApiKey must accept the scope analytics asks for.
  const issued = await h.gql<{ createApiKey: { key: string } }>(
    `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key } }`,
    { input: { name: 'analytics partner', scopes: ['Analytics:read'], unitId: fx.units.b1.id } },
    as.admin,
  );
  as.partnerB1 = { apiKey: ok(issued).createApiKey.key };
  as.partnerNoScope = { apiKey: (await apiKeyFor(h.prisma, fx.units.b1.id, ['Member:read'], 'p2')).key };
  const { b1, b2 } = fx.units;
  const { m1, m2, m3 } = fx.members;
  await h.prisma.$transaction(async (tx) => {
    const a = await put(tx, 'Member', tx.member.create({ data: { orgUnitId: b1.id, name: '活动', gender: 'FEMALE', birthDate: new Date('2001-01-02'), ethnicity: '汉族', education: 'POSTGRADUATE', stage: 'ACTIVIST', appliedOn: new Date('2024-01-10'), activistSince: new Date('2024-07-20') } }));
    activistId = a.id;
    const b = await put(tx, 'Member', tx.member.create({ data: { orgUnitId: b2.id, name: '申请', gender: 'MALE', birthDate: new Date('1995-06-01'), ethnicity: '汉族', education: 'BACHELOR', stage: 'APPLICANT', appliedOn: new Date('2025-01-10') } }));
    // An application without its talk: the talk is due within a month, so overdue by June.
    await put(tx, 'DevelopmentStep', tx.developmentStep.create({ data: { orgUnitId: b2.id, memberId: b.id, seq: 1, stepNo: 1, stage: 'APPLICANT', kind: 'APPLICATION', occurredOn: new Date('2025-01-10') } }));
    const meeting = (kind: 'BRANCH_COMMITTEE' | 'THEMED_DAY', at: string) =>
      put(tx, 'Meeting', tx.meeting.create({ data: { orgUnitId: b1.id, kind, title: kind, scheduledAt: new Date(at), status: 'COMPLETED' } }));
    const mt = await meeting('BRANCH_COMMITTEE', '2025-03-05T02:00:00Z');
    await meeting('BRANCH_COMMITTEE', '2025-03-20T02:00:00Z');
    await meeting('THEMED_DAY', '2025-04-10T02:00:00Z');
    await put(tx, 'Attendance', tx.attendance.create({ data: { orgUnitId: b1.id, meetingId: mt.id, memberId: m1.id, status: 'PRESENT' } }));
    await put(tx, 'Attendance', tx.attendance.create({ data: { orgUnitId: b1.id, meetingId: mt.id, memberId: a.id, status: 'ABSENT' } }));
    const pts = (memberId: string, orgUnitId: string, points: number, on: string) =>
      put(tx, 'PointsEntry', tx.pointsEntry.create({ data: { orgUnitId, memberId, points, occurredOn: new Date(on), reason: 'test' } }));
    await pts(m1.id, b1.id, 60, '2025-02-02');
    await pts(m1.id, b1.id, 50, '2025-03-01');
    await pts(m2.id, fx.units.b1g.id, 30, '2025-02-10');
    await put(tx, 'MemberFeedback', tx.memberFeedback.create({ data: { orgUnitId: b1.id, memberId: m1.id, category: 'SUGGESTION', topic: 't', content: 'c', status: 'RESOLVED', submittedAt: new Date('2025-03-01T02:00:00Z'), response: 'r', respondedAt: new Date('2025-03-04T03:00:00Z') } }));
    await put(tx, 'MembershipTransfer', tx.membershipTransfer.create({ data: { orgUnitId: b2.id, memberId: m3.id, toOrganisation: '外省某党委', fromProvince: '北京', toProvince: '上海', crossProvince: true, letterNo: 'L-1', issuedOn: new Date('2025-01-10'), validUntil: new Date('2025-04-10') } }));
  });
}, 180_000);

const DASHBOARD = `query($u: ID, $asOf: Date) { analytics(unitId: $u, from: "2025-01-01", to: "2025-06-01", asOf: $asOf) {
  unitName
  composition { figures }
  funnel { figures overdueSteps expiredSteps monthly { month key count } }
  meetings { cadence { kind required held meetings rate } attendance { present absent rate } }
  byUnit { unitName composition { total figures } meetings { cadence { kind held } } }
  points { members total bands { key count } top { rank memberId points } }
  feedback { total resolved medianResolutionDays byCategory { key count } }
  transfers { open expired }
  learning { completions } appraisal { total }
} }`;

type Dash = {
  analytics: {
    unitName: string;
    composition: { figures: Record<string, unknown> };
    funnel: { figures: { stages: { stage: string; current: number; reached: number; converted: number; conversionRate: number | null; medianDays: number | null }[] }; overdueSteps: number; expiredSteps: number; monthly: { month: string; key: string; count: number }[] };
    meetings: { cadence: { kind: string; required: number; held: number; meetings: number; rate: number | null }[]; attendance: { present: number; absent: number; rate: number } };
    byUnit: { unitName: string; composition: { total: number; figures: { byAgeBand: Record<string, number> } }; meetings: { cadence: { kind: string; held: number }[] } }[];
    points: { members: number; total: number; bands: { key: string; count: number }[]; top: { rank: number; memberId: string; points: number }[] };
    feedback: { total: number; resolved: number; medianResolutionDays: number; byCategory: { key: string; count: number }[] };
    transfers: { open: number; expired: number };
    learning: { completions: number };
    appraisal: { total: number };
  };
};

describe('dashboard figures over the leader’s subtree (g1: b1, b1g, b2)', () => {
  let d: Dash['analytics'];
  beforeAll(async () => {
    d = ok(await h.gql<Dash>(DASHBOARD, { u: fx.units.g1.id, asOf: '2025-06-30' }, as.leader)).analytics;
  });

  it('member composition equals the hand count (m1, m2, m3, the activist, the applicant)', () => {
    expect(d.composition.figures).toEqual({
      total: 5,
      byStage: { APPLICANT: 1, ACTIVIST: 1, CANDIDATE: 0, PROBATIONARY: 0, FULL: 3 },
      byGender: { MALE: 4, FEMALE: 1 },
      byEducation: { POSTGRADUATE: 1, BACHELOR: 4, JUNIOR_COLLEGE: 0, SENIOR_SECONDARY: 0, JUNIOR_SECONDARY_OR_BELOW: 0 },
      byAgeBand: { '<=25': 1, '26-35': 4, '36-45': 0, '46-55': 0, '56-65': 0, '66+': 0 },
    });
    expect(d.byUnit.map((u) => [u.unitName, u.composition.total])).toEqual([
      ['第一党支部', 3],
      ['第二党支部', 2],
    ]);
    // b1: m1, m2 (1990 → 35), the activist (2001 → 24); b2: m3 (1990), the applicant (1995 → 30).
    expect(d.byUnit.map((u) => u.composition.figures.byAgeBand)).toEqual([
      { '<=25': 1, '26-35': 2, '36-45': 0, '46-55': 0, '56-65': 0, '66+': 0 },
      { '<=25': 0, '26-35': 2, '36-45': 0, '46-55': 0, '56-65': 0, '66+': 0 },
    ]);
  });

  it('pages through the child units: first/offset in the organisation’s order, childCount, bad pages refused', async () => {
    const PAGE = `query($u: ID, $first: Int, $offset: Int) { analytics(unitId: $u, from: "2025-01-01", to: "2025-06-01", asOf: "2025-06-30") {
      childCount byUnit(first: $first, offset: $offset) { unitName composition { total } } } }`;
    type Page = { analytics: { childCount: number; byUnit: { unitName: string; composition: { total: number } }[] } };
    const second = ok(await h.gql<Page>(PAGE, { u: fx.units.g1.id, first: 1, offset: 1 }, as.leader)).analytics;
    expect(second.childCount).toBe(2);
    expect(second.byUnit).toEqual([{ unitName: '第二党支部', composition: { total: 2 } }]);
    const past = ok(await h.gql<Page>(PAGE, { u: fx.units.g1.id, first: 1, offset: 2 }, as.leader)).analytics;
    expect(past.byUnit).toEqual([]);
    for (const bad of [{ first: 0 }, { first: 101 }, { offset: -1 }]) {
      const res = await h.gql(PAGE, { u: fx.units.g1.id, ...bad }, as.leader);
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0]!.extensions!.fields).toEqual([expect.objectContaining({ field: Object.keys(bad)[0] })]);
    }
  });

  it('funnel: reached, conversion, median days, the overdue talk, entries per month', () => {
    const s = Object.fromEntries(d.funnel.figures.stages.map((x) => [x.stage, x]));
    expect(s.APPLICANT).toEqual({ stage: 'APPLICANT', current: 1, reached: 5, converted: 1, conversionRate: 0.2, medianDays: 192 });
    expect(s.ACTIVIST).toMatchObject({ current: 1, reached: 1, converted: 0, conversionRate: 0, medianDays: null });
    expect(s.FULL).toMatchObject({ current: 3, reached: 3 });
    expect(d.funnel.overdueSteps).toBe(1);
    expect(d.funnel.monthly).toEqual([{ month: '2025-01', key: 'APPLICANT', count: 1 }]);
  });

  it('meeting cadence (b1, b2 owe branch meetings; b1g owes group meetings) and attendance', () => {
    const c = Object.fromEntries(d.meetings.cadence.map((x) => [x.kind, x]));
    expect(c.BRANCH_COMMITTEE).toEqual({ kind: 'BRANCH_COMMITTEE', required: 12, held: 1, meetings: 2, rate: 0.0833 });
    expect(c.THEMED_DAY).toMatchObject({ required: 12, held: 1, meetings: 1 });
    expect(c.BRANCH_GENERAL).toMatchObject({ required: 4, held: 0 });
    expect(c.PARTY_GROUP).toMatchObject({ required: 6, held: 0 });
    expect(d.meetings.attendance).toEqual({ present: 1, absent: 1, rate: 0.5 });
    expect(d.byUnit[0]!.meetings.cadence.find((x) => x.kind === 'BRANCH_COMMITTEE')!.held).toBe(1);
    expect(d.byUnit[1]!.meetings.cadence.find((x) => x.kind === 'BRANCH_COMMITTEE')!.held).toBe(0);
  });

  it('points distribution and ranking, feedback, transfers', () => {
    expect(d.points.members).toBe(2);
    expect(d.points.total).toBe(140);
    expect(d.points.bands.filter((b) => b.count > 0)).toEqual([
      { key: '0-49', count: 1 },
      { key: '100-199', count: 1 },
    ]);
    expect(d.points.top).toEqual([
      { rank: 1, memberId: fx.members.m1.id, points: 110 },
      { rank: 2, memberId: fx.members.m2.id, points: 30 },
    ]);
    expect(d.feedback).toMatchObject({ total: 1, resolved: 1, medianResolutionDays: 3 });
    expect(d.transfers).toEqual({ open: 0, expired: 1 });
    expect(d.learning.completions).toBe(0);
    expect(d.appraisal.total).toBe(0);
  });

  it('follows changes: a transfer is open before its validity ends, a member who leaves drops out', async () => {
    const early = ok(await h.gql<{ analytics: { transfers: { open: number; expired: number } } }>(`query($u: ID) { analytics(unitId: $u, asOf: "2025-03-01") { transfers { open expired } } }`, { u: fx.units.g1.id }, as.leader));
    expect(early.analytics.transfers).toEqual({ open: 1, expired: 0 });
    await h.prisma.$transaction(async (tx) => {
      await put(tx, 'Member', tx.member.update({ where: { id: activistId }, data: { status: 'WITHDRAWN', version: { increment: 1 } } }));
    });
    const after = ok(await h.gql<Dash>(DASHBOARD, { u: fx.units.g1.id, asOf: '2025-06-30' }, as.leader)).analytics;
    expect(after.composition.figures).toMatchObject({ total: 4, byStage: { ACTIVIST: 0 }, byGender: { FEMALE: 0 } });
  });
});

describe('scoping', () => {
  it('a leader cannot read another subtree; secretaries read theirs; members and unscoped keys are refused', async () => {
    const q = `query($u: ID) { analytics(unitId: $u) { composition { total } } }`;
    expect(codeOf(await h.gql(q, { u: fx.units.b3.id }, as.leader))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(q, { u: fx.units.g1.id }, as.secretary))).toBe('FORBIDDEN');
    expect(ok(await h.gql<{ analytics: { composition: { total: number } } }>(q, { u: fx.units.b1.id }, as.secretary)).analytics.composition.total).toBeGreaterThan(0);
    expect(codeOf(await h.gql(q, { u: fx.units.b1.id }, as.member))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(q, { u: fx.units.b1.id }, as.partnerNoScope))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(q, { u: fx.units.g1.id }, as.partnerB1))).toBe('FORBIDDEN');
    expect(ok(await h.gql<{ analytics: { composition: { total: number } } }>(q, {}, as.partnerB1)).analytics.composition.total).toBeGreaterThan(0);
    expect(codeOf(await h.gql(q, { u: fx.units.b1.id }, {}))).toBe('UNAUTHENTICATED');
  });

  it('a leader cannot publish or read another subtree’s snapshot; secretaries cannot publish', async () => {
    const pub = `mutation($u: ID!, $m: String!) { publishAnalyticsSnapshot(unitId: $u, metric: $m) { id } }`;
    expect(codeOf(await h.gql(pub, { u: fx.units.b3.id, m: 'composition' }, as.leader))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(pub, { u: fx.units.b1.id, m: 'composition' }, as.secretary))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(pub, { u: fx.units.b1.id, m: 'nonsense' }, as.leader))).toBe('BAD_USER_INPUT');
    const other = ok(await h.gql<{ publishAnalyticsSnapshot: { id: string } }>(pub, { u: fx.units.b3.id, m: 'composition' }, as.admin)).publishAnalyticsSnapshot;
    expect(codeOf(await h.gql(`query($id: ID!) { analyticsSnapshot(id: $id) { figures } }`, { id: other.id }, as.leader))).toBe('FORBIDDEN');
  });
});

describe('published snapshot', () => {
  it('publishes the dashboard’s figures, and recomputing them from the served input records gives the same', async () => {
    const asOf = '2025-06-30';
    const dash = ok(await h.gql<Dash>(DASHBOARD, { u: fx.units.g1.id, asOf }, as.leader)).analytics;
    for (const metric of ['composition', 'funnel'] as const) {
      const s = ok(
        await h.gql<{ publishAnalyticsSnapshot: { id: string; figures: Record<string, unknown>; inputCount: number; params: { asOf: string } } }>(
          `mutation($u: ID!, $m: String!, $a: Date) { publishAnalyticsSnapshot(unitId: $u, metric: $m, asOf: $a) { id figures inputCount params } }`,
          { u: fx.units.g1.id, m: metric, a: asOf },
          as.leader,
        ),
      ).publishAnalyticsSnapshot;
      expect(s.figures).toEqual(metric === 'composition' ? dash.composition.figures : dash.funnel.figures);
      // Every member of g1's subtree, any status: m1, m2, m3, the activist (withdrawn now), the applicant.
      expect(s.inputCount).toBe(5);
      const page1 = ok(await h.gql<{ analyticsSnapshot: { inputs: { totalCount: number; hasNextPage: boolean; endCursor: string; nodes: { ordinal: number; proof: { document: { data: Record<string, unknown> } } }[] } } }>(
        `query($id: ID!, $after: String) { analyticsSnapshot(id: $id) { inputs(first: 3, after: $after) { totalCount hasNextPage endCursor nodes { ordinal proof { document } } } } }`,
        { id: s.id },
        as.leader,
      )).analyticsSnapshot.inputs;
      expect(page1).toMatchObject({ totalCount: 5, hasNextPage: true });
      const page2 = ok(await h.gql<typeof page1 extends infer P ? { analyticsSnapshot: { inputs: P } } : never>(
        `query($id: ID!, $after: String) { analyticsSnapshot(id: $id) { inputs(first: 3, after: $after) { totalCount hasNextPage endCursor nodes { ordinal proof { document } } } } }`,
        { id: s.id, after: page1.endCursor },
        as.leader,
      )).analyticsSnapshot.inputs;
      expect(page2.hasNextPage).toBe(false);
      const nodes = [...page1.nodes, ...page2.nodes];
      expect(nodes.map((n) => n.ordinal)).toEqual([0, 1, 2, 3, 4]);
      expect(computeSnapshotFigures(metric, { asOf }, nodes.map((n) => n.proof.document.data))).toEqual(s.figures);
    }
  });
});
