// Organisational life as found in a week of real use (issue #18 item 5): attendance and ratings
// only once a meeting has happened, each kind's attendance booked under its own points rule,
// ending a meeting early so its minutes can be taken, editing drafts, and entering a meeting
// that already took place (补录) so that compliance counts it.
import { recordData } from '@lianjian/db';
import { appendRecords } from '@lianjian/indexer';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Fixture } from './fixtures.js';
import { codeOf, ok, type Caller, type GqlResponse } from './harness.js';
import { apiSuite } from './suite.js';

const FAR = new Date('2100-01-01T00:00:00Z');
const MIN = 60_000;
const HOUR = 60 * MIN;
/** 09:00 China time on Tuesday 1 December 2026. */
const BASE = new Date('2026-12-01T01:00:00.000Z');

const { h, fx, as } = apiSuite({ clock: BASE, sessions: ['secretary', 'admin', 'member', 'otherSecretary'], expiresAt: FAR });
const at = (ms: number) => new Date(BASE.getTime() + ms);
const iso = (d: Date) => d.toISOString();

const MEETING = 'id version status kind title agenda location startsAt endsAt endedAt minutes recordedAfterwards checkInOpen';
const PLAN = `mutation($input: PlanMeetingInput!) { planMeeting(input: $input) { ${MEETING} } }`;
const PUBLISH = `mutation($id: ID!) { publishMeeting(id: $id) { id } }`;
const OPEN = `mutation($id: ID!) { openCheckIn(id: $id) { code } }`;
const CHECK_IN = `mutation($id: ID, $code: String) { checkIn(meetingId: $id, code: $code) { id status } }`;
const RECORD = `mutation($id: ID!, $entries: [AttendanceEntryInput!]!) { recordAttendance(meetingId: $id, entries: $entries) { id status memberId } }`;
const MINUTES = `mutation($id: ID!, $text: String!) { recordMinutes(id: $id, minutes: $text) { ${MEETING} } }`;
const FEEDBACK = `mutation($id: ID!, $rating: Int!) { submitMeetingFeedback(meetingId: $id, rating: $rating) { id rating } }`;
const END = `mutation($id: ID!) { endMeeting(id: $id) { ${MEETING} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateMeetingInput!) { updateMeeting(id: $id, input: $input) { ${MEETING} } }`;
const PAST = `mutation($input: PastMeetingInput!) { recordPastMeeting(input: $input) { ${MEETING} } }`;

interface M {
  id: string;
  version: number;
  status: string;
  title: string;
  startsAt: string;
  endsAt: string;
  endedAt: string | null;
  minutes: string | null;
  recordedAfterwards: boolean;
  checkInOpen: boolean;
}

function fieldsOf(res: GqlResponse): string[] {
  return ((res.errors?.[0]?.extensions.fields as { field: string }[] | undefined) ?? []).map((f) => f.field);
}

function input(unit: keyof Fixture['units'], kind: string, start: Date, minutes = 90, title = `${kind} ${iso(start)}`) {
  return { unitId: fx.units[unit].id, kind, title, agenda: '学习文件', place: '会议室', startsAt: iso(start), endsAt: iso(new Date(start.getTime() + minutes * MIN)) };
}

async function published(unit: keyof Fixture['units'], kind: string, start: Date, who: Caller = as.secretary, minutes = 90): Promise<string> {
  const id = ok(await h.gql<{ planMeeting: M }>(PLAN, { input: input(unit, kind, start, minutes) }, who)).planMeeting.id;
  ok(await h.gql(PUBLISH, { id }, who));
  return id;
}

async function pointsFor(meetingId: string) {
  const att = await h.prisma.attendance.findMany({ where: { meetingId }, select: { id: true } });
  const rows = await h.prisma.pointsEntry.findMany({ where: { sourceType: 'Attendance', sourceId: { in: att.map((a) => a.id) } }, include: { rule: true } });
  return rows.map((p) => [p.rule?.code, p.points]);
}

beforeAll(async () => {
  // Each kind's own rule, as the defaults define them (api/src/modules/points/defaults.ts), with distinct points.
  await h.prisma.$transaction(async (tx) => {
    const rules = [];
    for (const [code, points] of [['MEETING_ATTENDANCE', 2], ['THEMED_DAY', 4], ['PARTY_LECTURE', 5]] as const) {
      rules.push(await tx.pointsRule.create({ data: { orgUnitId: fx.units.root.id, code, revision: 1, name: code, points, dailyCap: 20, effectiveFrom: new Date('2020-01-01') } }));
    }
    await appendRecords(tx, rules.map((r) => ({ type: 'PointsRule', id: r.id, version: 1, org: r.orgUnitId, actor: 'system', data: recordData('PointsRule', r) })));
  });
});

describe('attendance and ratings only once the meeting has happened', () => {
  const start = at(2 * HOUR);
  let id: string;

  it('refuses marking attendance (and so awarding points) before the start, in both languages', async () => {
    h.clock.now = BASE;
    id = await published('b1', 'THEMED_DAY', start);
    h.clock.now = new Date(start.getTime() - 30 * MIN);
    const early = await h.gql(RECORD, { id, entries: [{ memberId: fx.members.m1.id, status: 'PRESENT' }] }, as.secretary);
    expect(codeOf(early)).toBe('MEETING_NOT_STARTED');
    expect(early.errors![0]!.message).toMatch(/once the meeting has started/);
    expect(early.errors![0]!.extensions.messageZh).toMatch(/会议开始后才能登记出勤/);
    expect(await h.prisma.attendance.count({ where: { meetingId: id } })).toBe(0);
    expect(await pointsFor(id)).toEqual([]);
  });

  it('refuses a rating before the meeting has ended, even from a member checked in early', async () => {
    h.clock.now = BASE;
    id = await published('b1', 'BRANCH_COMMITTEE', start);
    h.clock.now = new Date(start.getTime() - 10 * MIN);
    const { code } = ok(await h.gql<{ openCheckIn: { code: string } }>(OPEN, { id }, as.secretary)).openCheckIn;
    ok(await h.gql(CHECK_IN, { id, code }, as.member));
    h.clock.now = new Date(start.getTime() + 30 * MIN);
    const rated = await h.gql(FEEDBACK, { id, rating: 5 }, as.member);
    expect(codeOf(rated)).toBe('MEETING_NOT_ENDED');
    expect(rated.errors![0]!.extensions.messageZh).toMatch(/会议结束后才能评价/);
    expect(await h.prisma.meetingFeedback.count({ where: { meetingId: id } })).toBe(0);
    h.clock.now = new Date(start.getTime() + 91 * MIN);
    expect(ok(await h.gql<{ submitMeetingFeedback: { rating: number } }>(FEEDBACK, { id, rating: 5 }, as.member)).submitMeetingFeedback.rating).toBe(5);
  });
});

describe('points: each kind under its own rule', () => {
  it('books a themed day under THEMED_DAY, a lecture under PARTY_LECTURE and a general meeting under the meeting rule', async () => {
    const start = at(24 * HOUR);
    h.clock.now = BASE;
    const themed = await published('b1', 'THEMED_DAY', start);
    const lecture = await published('g1', 'PARTY_LECTURE', new Date(start.getTime() + 2 * HOUR), as.admin);
    const general = await published('b1', 'BRANCH_GENERAL', new Date(start.getTime() + 4 * HOUR));
    h.clock.now = new Date(start.getTime() + 5 * HOUR);
    for (const [id, who] of [[themed, as.secretary], [lecture, as.admin], [general, as.secretary]] as const) {
      ok(await h.gql(RECORD, { id, entries: [{ memberId: fx.members.m1.id, status: 'PRESENT' }] }, who));
    }
    expect(await pointsFor(themed)).toEqual([['THEMED_DAY', 4]]);
    expect(await pointsFor(lecture)).toEqual([['PARTY_LECTURE', 5]]);
    expect(await pointsFor(general)).toEqual([['MEETING_ATTENDANCE', 2]]);
  });
});

describe('ending a meeting now', () => {
  it('records the actual end, closes check-in and lets the minutes in before the scheduled end', async () => {
    const start = at(3 * 24 * HOUR);
    h.clock.now = BASE;
    const id = await published('b1', 'BRANCH_COMMITTEE', start);
    h.clock.now = new Date(start.getTime() - 10 * MIN);
    const early = await h.gql(END, { id }, as.secretary);
    expect(codeOf(early)).toBe('MEETING_NOT_STARTED');
    expect(early.errors![0]!.extensions.messageZh).toMatch(/会议开始后才能结束会议/);
    ok(await h.gql(OPEN, { id }, as.secretary));
    h.clock.now = new Date(start.getTime() + 40 * MIN);
    expect(codeOf(await h.gql(MINUTES, { id, text: '研究了发展党员工作。' }, as.secretary))).toBe('MEETING_NOT_ENDED');
    expect(codeOf(await h.gql(END, { id }, as.otherSecretary))).toBe('FORBIDDEN');
    const ended = ok(await h.gql<{ endMeeting: M }>(END, { id }, as.secretary)).endMeeting;
    expect(ended).toMatchObject({ status: 'IN_PROGRESS', version: 4, endedAt: iso(h.clock.now), checkInOpen: false });
    expect(codeOf(await h.gql(END, { id }, as.secretary))).toBe('MEETING_IN_PAST');
    expect(codeOf(await h.gql(OPEN, { id }, as.secretary))).toBe('MEETING_IN_PAST');
    const endedAt = ended.endedAt;
    h.clock.now = new Date(start.getTime() + 45 * MIN);
    const done = ok(await h.gql<{ recordMinutes: M }>(MINUTES, { id, text: '研究了发展党员工作。' }, as.secretary)).recordMinutes;
    expect(done).toMatchObject({ status: 'COMPLETED', minutes: '研究了发展党员工作。', endedAt });
    const versions = await h.prisma.outboxRecord.findMany({ where: { entityType: 'Meeting', entityId: id }, orderBy: { version: 'asc' } });
    expect(versions.map((v) => v.version)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('editing a draft', () => {
  it('changes a DRAFT’s fields as a new version, with the planning rules; not once published', async () => {
    h.clock.now = BASE;
    const m = ok(await h.gql<{ planMeeting: M }>(PLAN, { input: input('b1', 'BRANCH_COMMITTEE', at(5 * 24 * HOUR)) }, as.secretary)).planMeeting;
    const { unitId: _unit, ...fields } = input('b1', 'BRANCH_GENERAL', at(6 * 24 * HOUR), 120, '十二月党员大会');
    expect(codeOf(await h.gql(UPDATE, { id: m.id, input: fields }, as.otherSecretary))).toBe('FORBIDDEN');
    const bad = await h.gql(UPDATE, { id: m.id, input: { ...fields, title: ' ', startsAt: iso(at(-HOUR)), endsAt: iso(BASE) } }, as.secretary);
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(bad).sort()).toEqual(['input.startsAt', 'input.title']);
    const edited = ok(await h.gql<{ updateMeeting: M & { kind: string; agenda: string } }>(UPDATE, { id: m.id, input: { ...fields, agenda: '选举' } }, as.secretary)).updateMeeting;
    expect(edited).toMatchObject({ version: 2, status: 'DRAFT', kind: 'BRANCH_GENERAL', title: '十二月党员大会', agenda: '选举', startsAt: fields.startsAt, endsAt: fields.endsAt });
    const rec = await h.prisma.outboxRecord.findMany({ where: { entityType: 'Meeting', entityId: m.id } });
    expect(rec.map((r) => r.version).sort()).toEqual([1, 2]);
    ok(await h.gql(PUBLISH, { id: m.id }, as.secretary));
    const late = await h.gql(UPDATE, { id: m.id, input: fields }, as.secretary);
    expect(codeOf(late)).toBe('MEETING_STATUS');
    expect(late.errors![0]!.extensions.messageZh).toMatch(/不能修改会议/);
  });
});

describe('recording a meeting that already took place (补录)', () => {
  const COMPLIANCE = `query($u: ID!) { meetingCompliance(unitId: $u, period: { from: "2026-11-01", to: "2026-11-30" }) { rows { unitId kind held overdue } } }`;
  const themedNovember = async () =>
    ok(await h.gql<{ meetingCompliance: { rows: { unitId: string; kind: string; held: number; overdue: number }[] } }>(COMPLIANCE, { u: fx.units.b1.id }, as.secretary)).meetingCompliance.rows.find(
      (r) => r.kind === 'THEMED_DAY',
    )!;

  it('refuses a meeting still ahead, one over 12 months ago, or one without minutes', async () => {
    h.clock.now = BASE;
    const before = await h.prisma.meeting.count();
    const cases: [Record<string, unknown>, string][] = [
      [{ ...input('b1', 'THEMED_DAY', at(-30 * MIN)), minutes: '纪要' }, 'input.endsAt'], // still running
      [{ ...input('b1', 'THEMED_DAY', at(-400 * 24 * HOUR)), minutes: '纪要' }, 'input.startsAt'],
      [{ ...input('b1', 'THEMED_DAY', at(-10 * 24 * HOUR)), minutes: '  ' }, 'input.minutes'],
    ];
    for (const [vars, field] of cases) {
      const res = await h.gql(PAST, { input: vars }, as.secretary);
      expect(codeOf(res), field).toBe('BAD_USER_INPUT');
      expect(fieldsOf(res)).toEqual([field]);
    }
    expect(codeOf(await h.gql(PAST, { input: { ...input('b1', 'THEMED_DAY', at(-10 * 24 * HOUR)), minutes: '纪要' } }, as.otherSecretary))).toBe('FORBIDDEN');
    expect(await h.prisma.meeting.count()).toBe(before);
  });

  it('enters it COMPLETED with minutes and attendance, marked in its record, earning points on its day; compliance counts it', async () => {
    h.clock.now = BASE;
    expect(await themedNovember()).toMatchObject({ held: 0, overdue: 1 });
    const start = new Date('2026-11-20T06:00:00.000Z'); // 14:00 China time
    const m = ok(
      await h.gql<{ recordPastMeeting: M }>(
        PAST,
        {
          input: {
            ...input('b1', 'THEMED_DAY', start, 120, '十一月主题党日（补录）'),
            minutes: '参观革命纪念馆。',
            attendance: [
              { memberId: fx.members.m1.id, status: 'PRESENT' },
              { memberId: fx.members.m2.id, status: 'EXCUSED', note: '出差' },
            ],
          },
        },
        as.secretary,
      ),
    ).recordPastMeeting;
    expect(m).toMatchObject({ status: 'COMPLETED', version: 1, recordedAfterwards: true, minutes: '参观革命纪念馆。', startsAt: iso(start), endedAt: iso(new Date(start.getTime() + 120 * MIN)) });
    const [rec] = await h.prisma.outboxRecord.findMany({ where: { entityType: 'Meeting', entityId: m.id } });
    expect(JSON.parse(rec!.document).data).toMatchObject({ recordedAfterwards: true, status: 'COMPLETED' });
    const att = await h.prisma.attendance.findMany({ where: { meetingId: m.id }, orderBy: { status: 'asc' } });
    expect(att.map((a) => [a.memberId, a.status, a.method])).toEqual([
      [fx.members.m1.id, 'PRESENT', 'MANUAL'],
      [fx.members.m2.id, 'EXCUSED', 'MANUAL'],
    ]);
    const points = await h.prisma.pointsEntry.findMany({ where: { sourceType: 'Attendance', sourceId: att[0]!.id }, include: { rule: true } });
    expect(points.map((p) => [p.rule?.code, p.points, p.occurredOn.toISOString().slice(0, 10)])).toEqual([['THEMED_DAY', 4, '2026-11-20']]);
    expect(await themedNovember()).toMatchObject({ held: 1, overdue: 0 });
    // Attendance can still be completed afterwards on the recorded meeting.
    ok(await h.gql(RECORD, { id: m.id, entries: [{ memberId: fx.members.m2.id, status: 'PRESENT' }] }, as.secretary));
  });
});
