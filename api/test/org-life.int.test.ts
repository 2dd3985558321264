// 组织生活会 (ORG_LIFE) and 谈心谈话 (HEART_TALK) through GraphQL on a real database: the branch
// plans, holds and minutes them (a level above or a group cannot), attendance at a 组织生活会
// earns the meeting rule's points and being talked with earns none; compliance counts them once
// a calendar year in China time, notes the branch's published 民主评议 beside the 组织生活会, and
// a level's totals sum its whole subtree across two levels (g1 over b1 and b2; the root over g1
// and g2) while a branch's figures are its own.
import { recordData } from '@lianjian/db';
import { appendRecords } from '@lianjian/indexer';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_NAMES, type Fixture } from './fixtures.js';
import { codeOf, ok, type Caller, type GqlResponse } from './harness.js';
import { apiSuite } from './suite.js';

const FAR = new Date('2100-01-01T00:00:00Z');
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** 09:00 China time on 1 December 2026. */
const BASE = new Date('2026-12-01T01:00:00.000Z');

const { h, fx, as } = apiSuite({ clock: BASE, bulk: 1, sessions: ACCOUNT_NAMES, expiresAt: FAR });

const MEETING = 'id version status kind kindZh title startsAt';
const PLAN = `mutation($input: PlanMeetingInput!) { planMeeting(input: $input) { ${MEETING} } }`;
const PUBLISH = `mutation($id: ID!) { publishMeeting(id: $id) { ${MEETING} } }`;
const RECORD = `mutation($id: ID!, $entries: [AttendanceEntryInput!]!) { recordAttendance(meetingId: $id, entries: $entries) { id status memberId } }`;
const MINUTES = `mutation($id: ID!, $text: String!) { recordMinutes(id: $id, minutes: $text) { ${MEETING} } }`;

type Unit = keyof Fixture['units'];

function planInput(unit: Unit, kind: string, start: Date, minutes = 90) {
  return { unitId: fx.units[unit].id, kind, title: `${kind} ${start.toISOString()}`, agenda: '对照检查；民主评议', place: '党员活动室', startsAt: start.toISOString(), endsAt: new Date(start.getTime() + minutes * MIN).toISOString() };
}

function fieldsOf(res: GqlResponse): string[] {
  return ((res.errors?.[0]?.extensions.fields as { field: string }[] | undefined) ?? []).map((f) => f.field);
}

function who(unit: Unit): Caller {
  return unit === 'b1' ? as.secretary : unit === 'b3' ? as.otherSecretary : as.admin;
}

/** Plans, publishes and (with the clock moved past it) minutes a meeting; returns its id. */
async function hold(unit: Unit, kind: string, start: Date, attendance: { memberId: string; status: string }[] = []): Promise<string> {
  const caller = who(unit);
  h.clock.now = new Date(start.getTime() - DAY);
  const m = ok(await h.gql<{ planMeeting: { id: string; kind: string; kindZh: string } }>(PLAN, { input: planInput(unit, kind, start, 60) }, caller)).planMeeting;
  ok(await h.gql(PUBLISH, { id: m.id }, caller));
  h.clock.now = new Date(start.getTime() + 30 * MIN);
  if (attendance.length > 0) ok(await h.gql(RECORD, { id: m.id, entries: attendance }, caller));
  h.clock.now = new Date(start.getTime() + 2 * HOUR);
  const done = ok(await h.gql<{ recordMinutes: { status: string } }>(MINUTES, { id: m.id, text: '会议纪要' }, caller)).recordMinutes;
  expect(done.status).toBe('COMPLETED');
  return m.id;
}

async function pointsFor(meetingId: string) {
  const att = await h.prisma.attendance.findMany({ where: { meetingId }, select: { id: true } });
  const rows = await h.prisma.pointsEntry.findMany({ where: { sourceType: 'Attendance', sourceId: { in: att.map((a) => a.id) } }, include: { rule: true } });
  return rows.map((p) => [p.memberId, p.rule?.code, p.points]);
}

beforeAll(async () => {
  // The meeting rule as the defaults name it (参加组织生活), with its record.
  await h.prisma.$transaction(async (tx) => {
    const r = await tx.pointsRule.create({ data: { orgUnitId: fx.units.root.id, code: 'MEETING_ATTENDANCE', revision: 1, name: '参加组织生活', points: 2, dailyCap: 20, effectiveFrom: new Date('2020-01-01') } });
    await appendRecords(tx, [{ type: 'PointsRule', id: r.id, version: 1, org: r.orgUnitId, actor: 'system', data: recordData('PointsRule', r) }]);
  });
});

describe('the branch holds its 组织生活会 and 谈心谈话', () => {
  it('plans, holds and minutes a 组织生活会; attendance earns the meeting rule', async () => {
    h.clock.now = BASE;
    const start = new Date(BASE.getTime() + 2 * DAY);
    const planned = ok(await h.gql<{ planMeeting: { kind: string; kindZh: string; status: string } }>(PLAN, { input: planInput('b1', 'ORG_LIFE', start) }, as.secretary)).planMeeting;
    expect(planned).toMatchObject({ kind: 'ORG_LIFE', kindZh: '组织生活会', status: 'DRAFT' });
    const id = await hold('b1', 'ORG_LIFE', new Date(start.getTime() + DAY), [
      { memberId: fx.members.m1.id, status: 'PRESENT' },
      { memberId: fx.members.m2.id, status: 'PRESENT' }, // of b1's group: a member of the branch
    ]);
    expect((await pointsFor(id)).sort()).toEqual([
      [fx.members.m1.id, 'MEETING_ATTENDANCE', 2],
      [fx.members.m2.id, 'MEETING_ATTENDANCE', 2],
    ].sort());
    const [rec] = await h.prisma.outboxRecord.findMany({ where: { entityType: 'Meeting', entityId: id }, orderBy: { version: 'desc' }, take: 1 });
    expect(JSON.parse(rec!.document).data).toMatchObject({ kind: 'ORG_LIFE', status: 'COMPLETED' });
  });

  it('records who was talked with at a 谈心谈话, without points', async () => {
    const id = await hold('b1', 'HEART_TALK', new Date(BASE.getTime() + 4 * DAY), [{ memberId: fx.members.m1.id, status: 'PRESENT' }]);
    expect((await h.prisma.attendance.findMany({ where: { meetingId: id } })).map((a) => [a.memberId, a.status])).toEqual([[fx.members.m1.id, 'PRESENT']]);
    expect(await pointsFor(id)).toEqual([]);
  });

  it('refuses them for a unit other than a branch, and an applicant among those attending', async () => {
    h.clock.now = BASE;
    const start = new Date(BASE.getTime() + 6 * DAY);
    const above = await h.gql(PLAN, { input: planInput('g1', 'ORG_LIFE', start) }, as.admin);
    expect(codeOf(above)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(above)).toEqual(['input.unitId']);
    expect(above.errors![0]!.extensions.fields).toEqual([expect.objectContaining({ messageZh: expect.stringContaining('组织生活会应由BRANCH类组织召开') })]);
    expect(fieldsOf(await h.gql(PLAN, { input: planInput('b1g', 'HEART_TALK', start) }, as.secretary))).toEqual(['input.unitId']);
    expect(codeOf(await h.gql(PLAN, { input: planInput('b3', 'ORG_LIFE', start) }, as.secretary))).toBe('FORBIDDEN'); // another branch's
    const m = ok(await h.gql<{ planMeeting: { id: string } }>(PLAN, { input: planInput('b1', 'ORG_LIFE', start) }, as.secretary)).planMeeting;
    ok(await h.gql(PUBLISH, { id: m.id }, as.secretary));
    h.clock.now = new Date(start.getTime() + 10 * MIN);
    const applicant = await h.gql(RECORD, { id: m.id, entries: [{ memberId: fx.bulk[0]!.id, status: 'PRESENT' }] }, as.secretary);
    expect(codeOf(applicant)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(applicant)).toEqual(['entries[0].memberId']);
    h.clock.now = BASE;
  });
});

describe('compliance of the yearly kinds across the subtree', () => {
  // Besides b1's two meetings of December 2026 above. 16:30 UTC on 31 December 2025 is 00:30 on
  // 1 January 2026 in China: that 组织生活会 is 2026's, and b1's 2025 is overdue.
  const held: [Unit, string, string][] = [
    ['b1', 'ORG_LIFE', '2025-12-31T16:30:00.000Z'],
    ['b2', 'ORG_LIFE', '2025-06-10T01:00:00.000Z'],
    ['b2', 'HEART_TALK', '2025-07-10T01:00:00.000Z'],
    ['b2', 'HEART_TALK', '2026-03-10T01:00:00.000Z'],
    ['b3', 'ORG_LIFE', '2026-05-10T01:00:00.000Z'], // under g2, outside g1
  ];
  const NOW = new Date('2026-12-10T04:00:00.000Z');
  const PERIOD = { from: '2025-01-01', to: '2026-12-31' };

  beforeAll(async () => {
    for (const [unit, kind, at] of held) await hold(unit, kind, new Date(at));
    // b2's 民主评议 of 2025, published on 20 January 2026 (its only member, m3, rated 合格).
    h.clock.now = new Date('2026-01-12T02:00:00.000Z');
    const c = ok(
      await h.gql<{ createAppraisalCampaign: { id: string } }>(
        `mutation($input: CreateAppraisalCampaignInput!) { createAppraisalCampaign(input: $input) { id } }`,
        { input: { orgUnitId: fx.units.b2.id, year: 2025, title: '2025年度民主评议党员', opensOn: '2026-01-12', closesOn: '2026-01-31' } },
        as.admin,
      ),
    ).createAppraisalCampaign;
    ok(await h.gql(`mutation($id: ID!) { openAppraisalCampaign(id: $id) { status } }`, { id: c.id }, as.admin));
    ok(await h.gql(`mutation($id: ID!) { startPeerAssessment(id: $id) { status } }`, { id: c.id }, as.admin));
    const ratings = [{ memberId: fx.members.m3.id, rating: 'QUALIFIED' }];
    ok(await h.gql(`mutation($c: ID!, $r: [AppraisalRatingInput!]!) { proposeAppraisalRatings(campaignId: $c, ratings: $r) { status } }`, { c: c.id, r: ratings }, as.admin));
    h.clock.now = new Date('2026-01-20T02:00:00.000Z');
    const done = ok(await h.gql<{ finaliseAppraisalCampaign: { status: string } }>(`mutation($c: ID!) { finaliseAppraisalCampaign(campaignId: $c) { status } }`, { c: c.id }, as.admin));
    expect(done.finaliseAppraisalCampaign.status).toBe('PUBLISHED');
    h.clock.now = NOW;
  });

  const FIGURES = 'kind cadence required held met due overdue appraised talkedWith toTalkWith compliant';
  const Q = `query($u: ID!, $from: Date!, $to: Date!) { meetingCompliance(unitId: $u, period: { from: $from, to: $to }) {
    rows { unitId periods ${FIGURES} } totals { branches kindZh ${FIGURES} } } }`;
  interface Figures {
    kind: string;
    cadence: string;
    required: number;
    held: number;
    met: number;
    due: number;
    overdue: number;
    appraised: number | null;
    talkedWith: number | null;
    toTalkWith: number | null;
    compliant: boolean;
  }
  interface Report {
    rows: (Figures & { unitId: string; periods: string[] })[];
    totals: (Figures & { branches: number; kindZh: string })[];
  }
  const report = async (unit: Unit, caller: Caller): Promise<Report> => {
    h.clock.now = NOW;
    return ok(await h.gql<{ meetingCompliance: Report }>(Q, { u: fx.units[unit].id, ...PERIOD }, caller)).meetingCompliance;
  };
  const figures = (f: Figures | undefined) => f && { required: f.required, held: f.held, met: f.met, due: f.due, overdue: f.overdue, appraised: f.appraised };
  const row = (r: Report, unit: Unit, kind: string) => figures(r.rows.find((x) => x.unitId === fx.units[unit].id && x.kind === kind));
  const total = (r: Report, kind: string) => r.totals.find((t) => t.kind === kind)!;

  it('gives each branch one slot a year, its own meetings only, with the published 民主评议 beside the 组织生活会', async () => {
    const r = await report('root', as.admin);
    const b1 = r.rows.find((x) => x.unitId === fx.units.b1.id && x.kind === 'ORG_LIFE')!;
    expect(b1).toMatchObject({ cadence: 'YEARLY', periods: ['2025', '2026'], compliant: false });
    expect(row(r, 'b1', 'ORG_LIFE')).toEqual({ required: 2, held: 2, met: 1, due: 0, overdue: 1, appraised: 0 });
    expect(row(r, 'b1', 'HEART_TALK')).toEqual({ required: 2, held: 1, met: 1, due: 0, overdue: 1, appraised: null });
    expect(row(r, 'b2', 'ORG_LIFE')).toEqual({ required: 2, held: 1, met: 1, due: 1, overdue: 0, appraised: 1 }); // 2026 running: due
    expect(row(r, 'b2', 'HEART_TALK')).toEqual({ required: 2, held: 2, met: 2, due: 0, overdue: 0, appraised: null });
    expect(row(r, 'b3', 'ORG_LIFE')).toEqual({ required: 2, held: 1, met: 1, due: 0, overdue: 1, appraised: 0 });
    expect(row(r, 'b3', 'HEART_TALK')).toEqual({ required: 2, held: 0, met: 0, due: 1, overdue: 1, appraised: null });
  });

  it('says how many of each branch’s party members its 谈心谈话 reached in the last year', async () => {
    const r = await report('root', as.admin);
    const talks = (unit: Unit) => {
      const x = r.rows.find((y) => y.unitId === fx.units[unit].id && y.kind === 'HEART_TALK')!;
      return [x.talkedWith, x.toTalkWith];
    };
    // b1: m1 talked with in December, m2 (in b1's group) not; the applicant is not counted. b2's
    // talks recorded nobody; b3 held none.
    expect(talks('b1')).toEqual([1, 2]);
    expect(talks('b2')).toEqual([0, 1]);
    expect(talks('b3')).toEqual([0, 1]);
    expect(r.rows.find((y) => y.kind === 'ORG_LIFE')).toMatchObject({ talkedWith: null, toTalkWith: null });
    expect(total(r, 'HEART_TALK')).toMatchObject({ talkedWith: 1, toTalkWith: 4 });
    expect(total(await report('g1', as.leader), 'HEART_TALK')).toMatchObject({ talkedWith: 1, toTalkWith: 3 });
    // A period ending in 2025: b1's December 2026 talk is not in its last year.
    h.clock.now = NOW;
    const y2025 = ok(await h.gql<{ meetingCompliance: Report }>(Q, { u: fx.units.b1.id, from: '2025-01-01', to: '2025-12-31' }, as.secretary)).meetingCompliance;
    expect(y2025.rows.find((y) => y.kind === 'HEART_TALK')).toMatchObject({ talkedWith: 0, toTalkWith: 2 });
  });

  it('sums the whole subtree at each level: the general branch over its branches, the committee over both general branches', async () => {
    const g1 = await report('g1', as.leader);
    expect(new Set(g1.rows.map((x) => x.unitId))).toEqual(new Set([fx.units.b1.id, fx.units.b2.id]));
    expect(total(g1, 'ORG_LIFE')).toMatchObject({ branches: 2, kindZh: '组织生活会', cadence: 'YEARLY', required: 4, held: 3, met: 2, due: 1, overdue: 1, appraised: 1, compliant: false });
    expect(total(g1, 'HEART_TALK')).toMatchObject({ branches: 2, kindZh: '谈心谈话', required: 4, held: 3, met: 3, due: 0, overdue: 1, appraised: null });

    const root = await report('root', as.admin);
    expect(total(root, 'ORG_LIFE')).toMatchObject({ branches: 3, required: 6, held: 4, met: 3, due: 1, overdue: 2, appraised: 1 });
    expect(total(root, 'HEART_TALK')).toMatchObject({ branches: 3, required: 6, held: 3, met: 3, due: 1, overdue: 2 });

    const g2 = await report('g2', as.admin);
    expect(g2.rows.every((x) => x.unitId === fx.units.b3.id)).toBe(true);
    // Every kind, at every level: the totals are the sums of the rows, and the root's are g1's plus g2's.
    for (const r of [g1, g2, root]) {
      expect(r.totals.map((t) => t.kind)).toEqual(['BRANCH_GENERAL', 'BRANCH_COMMITTEE', 'PARTY_GROUP', 'PARTY_LECTURE', 'THEMED_DAY', 'ORG_LIFE', 'HEART_TALK']);
      for (const t of r.totals) {
        const own = r.rows.filter((x) => x.kind === t.kind);
        for (const k of ['required', 'held', 'met', 'due', 'overdue'] as const) expect(t[k]).toBe(own.reduce((n, x) => n + x[k], 0));
      }
    }
    for (const t of root.totals) {
      const a = total(g1, t.kind);
      const b = total(g2, t.kind);
      expect(figures(t)).toEqual({
        required: a.required + b.required,
        held: a.held + b.held,
        met: a.met + b.met,
        due: a.due + b.due,
        overdue: a.overdue + b.overdue,
        appraised: t.kind === 'ORG_LIFE' ? a.appraised! + b.appraised! : null,
      });
      expect(t.branches).toBe(a.branches + b.branches);
    }
  });

  it('gives a branch its own figures, and keeps each level to its subtree', async () => {
    const b1 = await report('b1', as.secretary);
    expect(new Set(b1.rows.map((x) => x.unitId))).toEqual(new Set([fx.units.b1.id]));
    expect(figures(total(b1, 'ORG_LIFE'))).toEqual({ required: 2, held: 2, met: 1, due: 0, overdue: 1, appraised: 0 });
    expect(total(b1, 'ORG_LIFE').branches).toBe(1);
    h.clock.now = NOW;
    expect(codeOf(await h.gql(Q, { u: fx.units.root.id, ...PERIOD }, as.leader))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(Q, { u: fx.units.g1.id, ...PERIOD }, as.secretary))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(Q, { u: fx.units.b1.id, ...PERIOD }, as.member))).toBe('FORBIDDEN');
  });

  it('counts them per calendar year (China time) in the analytics dashboard too', async () => {
    h.clock.now = NOW;
    const Q_DASH = `query($u: ID, $from: Date!, $to: Date!) { analytics(unitId: $u, from: $from, to: $to) { meetings { cadence { kind required held meetings } } } }`;
    const cadence = async (from: string, to: string) => {
      const d = ok(await h.gql<{ analytics: { meetings: { cadence: { kind: string; required: number; held: number; meetings: number }[] } } }>(Q_DASH, { u: fx.units.g1.id, from, to }, as.leader));
      return Object.fromEntries(d.analytics.meetings.cadence.map((c) => [c.kind, { required: c.required, held: c.held, meetings: c.meetings }]));
    };
    // 2026: b1 held two (the one at 00:30 on 1 January among them), b2 none; both held a talk.
    const y2026 = await cadence('2026-01-01', '2026-12-01');
    expect(y2026.ORG_LIFE).toEqual({ required: 2, held: 1, meetings: 2 });
    expect(y2026.HEART_TALK).toEqual({ required: 2, held: 2, meetings: 2 });
    // 2025, asked for from March: the whole year counts; b1's meeting of 31 December 16:30 UTC is not in it.
    const y2025 = await cadence('2025-03-01', '2025-12-01');
    expect(y2025.ORG_LIFE).toEqual({ required: 2, held: 1, meetings: 1 });
    expect(y2025.HEART_TALK).toEqual({ required: 2, held: 1, meetings: 1 });
  });

  it('asks for a year’s meeting whatever part of it the period covers', async () => {
    h.clock.now = NOW;
    const r = ok(await h.gql<{ meetingCompliance: Report }>(Q, { u: fx.units.b2.id, from: '2025-11-15', to: '2025-11-30' }, as.admin)).meetingCompliance;
    // A fortnight of November 2025 still asks for 2025's 组织生活会, met in June.
    expect(r.rows.find((x) => x.kind === 'ORG_LIFE')).toMatchObject({ periods: ['2025'], required: 1, held: 1, met: 1, overdue: 0 });
    expect(r.rows.find((x) => x.kind === 'THEMED_DAY')).toMatchObject({ periods: ['2025-11'], required: 1 });
  });
});
