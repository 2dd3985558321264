// Organisational life through GraphQL on a real database: planning rules and bad inputs, the
// meeting lifecycle, check-in codes (wrong, expired, rate-limited, QR), attendance by hand,
// minutes, registration, feedback once and only by attendees, points for attendance, who sees
// which meetings and attendance, and compliance figures for a constructed year of meetings on the
// movable clock.
import { recordData, type Member } from '@lianjian/db';
import { appendRecords } from '@lianjian/indexer';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_NAMES, apiKeyFor, sessionFor, type Fixture } from './fixtures.js';
import { ok, codeOf, type Caller, type GqlResponse } from './harness.js';
import { apiSuite } from './suite.js';

const FAR = new Date('2100-01-01T00:00:00Z');
const MIN = 60_000;
const HOUR = 60 * MIN;
/** 09:00 China time on a Tuesday; every test moves the clock from here. */
const BASE = new Date('2026-12-01T01:00:00.000Z');

const { h, fx, as } = apiSuite({ clock: BASE, bulk: 1, sessions: ACCOUNT_NAMES, expiresAt: FAR, others: ['m2', 'm3', 'applicant', 'm5', 'partner', 'partnerAll'] });
let m5: Member;
let applicant: Member;

async function memberAccount(username: string, member: Member): Promise<Caller> {
  const a = await h.prisma.account.create({
    data: { username, displayName: username, passwordHash: 'unused', role: 'MEMBER', scopeUnitId: member.orgUnitId, memberId: member.id },
  });
  return { token: await sessionFor(h.prisma, a.id, { expiresAt: FAR }) };
}

beforeAll(async () => {
  applicant = fx.bulk[0]!;
  // A second full member of b1, and the points rule attendance earns, each with its record.
  const made = await h.prisma.$transaction(async (tx) => {
    const m = await tx.member.create({
      data: { name: '孙七', orgUnitId: fx.units.b1.id, gender: 'FEMALE', birthDate: new Date('1985-01-02'), ethnicity: '汉族', education: 'BACHELOR', stage: 'FULL', fullMemberSince: new Date('2010-07-01') },
    });
    const rule = await tx.pointsRule.create({
      data: { orgUnitId: fx.units.root.id, code: 'MEETING_ATTENDED', revision: 1, name: '参加组织生活', points: 2, dailyCap: 10, effectiveFrom: new Date('2000-01-01') },
    });
    // A themed day earns under its own rule (meetings-fieldwork.int.test.ts covers the kinds).
    const themed = await tx.pointsRule.create({
      data: { orgUnitId: fx.units.root.id, code: 'THEMED_DAY', revision: 1, name: '参加主题党日', points: 2, dailyCap: 10, effectiveFrom: new Date('2000-01-01') },
    });
    await appendRecords(tx, [
      { type: 'Member', id: m.id, version: 1, org: m.orgUnitId, actor: 'system', data: recordData('Member', m) },
      ...[rule, themed].map((r) => ({ type: 'PointsRule', id: r.id, version: 1, org: r.orgUnitId, actor: 'system', data: recordData('PointsRule', r) })),
    ]);
    return m;
  });
  m5 = made;
  as.m2 = await memberAccount('m2', fx.members.m2);
  as.m3 = await memberAccount('m3', fx.members.m3);
  as.applicant = await memberAccount('applicant', applicant);
  as.m5 = await memberAccount('m5', m5);
  as.partner = { apiKey: (await apiKeyFor(h.prisma, fx.units.g1.id, ['Meeting:read'], 'meetings-only')).key };
  as.partnerAll = { apiKey: (await apiKeyFor(h.prisma, fx.units.g1.id, ['Meeting:read', 'Attendance:read'], 'meetings-attendance')).key };
});

function fieldsOf(res: GqlResponse): string[] {
  return ((res.errors?.[0]?.extensions.fields as { field: string }[] | undefined) ?? []).map((f) => f.field);
}

const iso = (d: Date) => d.toISOString();
const at = (ms: number) => new Date(BASE.getTime() + ms);

const MEETING = 'id version status kind title location startsAt endsAt durationMinutes cancelReason checkInOpen';
const PLAN = `mutation($input: PlanMeetingInput!) { planMeeting(input: $input) { ${MEETING} } }`;
const PUBLISH = `mutation($id: ID!) { publishMeeting(id: $id) { ${MEETING} } }`;
const CANCEL = `mutation($id: ID!, $reason: String!) { cancelMeeting(id: $id, reason: $reason) { ${MEETING} } }`;
const OPEN = `mutation($id: ID!, $m: Int) { openCheckIn(id: $id, validMinutes: $m) { code qrPayload expiresAt meeting { id version status checkInOpen } } }`;
const CHECK_IN = `mutation($id: ID, $code: String, $qr: String) { checkIn(meetingId: $id, code: $code, qr: $qr) { id version status method checkedInAt memberId } }`;
const RECORD = `mutation($id: ID!, $entries: [AttendanceEntryInput!]!) { recordAttendance(meetingId: $id, entries: $entries) { id version status method note memberId } }`;
const MINUTES = `mutation($id: ID!, $text: String!) { recordMinutes(id: $id, minutes: $text) { ${MEETING} minutes endedAt } }`;
const REGISTER = `mutation($id: ID!) { registerForMeeting(meetingId: $id) { id version status memberId } }`;
const FEEDBACK = `mutation($id: ID!, $rating: Int!, $comment: String) { submitMeetingFeedback(meetingId: $id, rating: $rating, comment: $comment) { id version rating comment memberId } }`;

interface MeetingShape {
  id: string;
  version: number;
  status: string;
  kind: string;
  cancelReason: string | null;
  checkInOpen: boolean;
  startsAt: string;
  endsAt: string;
  durationMinutes: number;
}

interface PlanArgs {
  unit: keyof Fixture['units'];
  kind: string;
  startsAt: Date;
  minutes?: number;
  title?: string;
}

function planInput(p: PlanArgs) {
  return {
    unitId: fx.units[p.unit].id,
    kind: p.kind,
    title: p.title ?? `${p.kind} ${iso(p.startsAt)}`,
    agenda: '学习文件；讨论',
    place: '会议室 301',
    startsAt: iso(p.startsAt),
    endsAt: iso(new Date(p.startsAt.getTime() + (p.minutes ?? 90) * MIN)),
  };
}

async function plan(p: PlanArgs, who: Caller = as.secretary): Promise<MeetingShape> {
  return ok(await h.gql<{ planMeeting: MeetingShape }>(PLAN, { input: planInput(p) }, who)).planMeeting;
}

async function meetingCount(): Promise<number> {
  return h.prisma.meeting.count();
}

describe('planning: rules and bad inputs', () => {
  it('plans a DRAFT meeting as version 1 with its record; the times give its duration', async () => {
    h.clock.now = BASE;
    const m = await plan({ unit: 'b1', kind: 'THEMED_DAY', startsAt: at(2 * 24 * HOUR), minutes: 120 });
    expect(m).toMatchObject({ version: 1, status: 'DRAFT', kind: 'THEMED_DAY', durationMinutes: 120 });
    expect(new Date(m.endsAt).getTime() - new Date(m.startsAt).getTime()).toBe(120 * MIN);
    const rec = await h.prisma.outboxRecord.findMany({ where: { entityType: 'Meeting', entityId: m.id } });
    expect(rec.map((r) => r.version)).toEqual([1]);
  });

  it('refuses each bad input with the field named, and writes nothing', async () => {
    h.clock.now = BASE;
    const before = await meetingCount();
    const cases: [Partial<ReturnType<typeof planInput>> & Record<string, unknown>, string][] = [
      [{ endsAt: iso(at(HOUR)), startsAt: iso(at(2 * HOUR)) }, 'input.endsAt'], // times out of order
      [{ startsAt: iso(at(-HOUR)), endsAt: iso(at(HOUR)) }, 'input.startsAt'], // in the past
      [{ endsAt: iso(at(2 * HOUR + 25 * HOUR)) }, 'input.endsAt'], // longer than a day
      [{ title: '   ' }, 'input.title'],
      [{ kind: 'PARTY_GROUP' }, 'input.unitId'], // a group meeting needs a GROUP unit; b1 is a BRANCH
    ];
    for (const [patch, field] of cases) {
      const res = await h.gql(PLAN, { input: { ...planInput({ unit: 'b1', kind: 'THEMED_DAY', startsAt: at(2 * HOUR) }), ...patch } }, as.secretary);
      expect(codeOf(res), field).toBe('BAD_USER_INPUT');
      expect(fieldsOf(res)).toContain(field);
    }
    // Kind/unit fit the other way round: a branch general meeting cannot be held by a group.
    const g = await h.gql(PLAN, { input: planInput({ unit: 'b1g', kind: 'BRANCH_GENERAL', startsAt: at(2 * HOUR) }) }, as.secretary);
    expect(codeOf(g)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(g)).toEqual(['input.unitId']);
    // Several faults at once are reported together.
    const many = await h.gql(PLAN, { input: { ...planInput({ unit: 'b1g', kind: 'THEMED_DAY', startsAt: at(-HOUR) }), title: '' } }, as.secretary);
    expect(fieldsOf(many).sort()).toEqual(['input.startsAt', 'input.title', 'input.unitId']);
    expect(codeOf(await h.gql(PLAN, { input: { ...planInput({ unit: 'b1', kind: 'THEMED_DAY', startsAt: at(HOUR) }), unitId: 'nope' } }, as.secretary))).toBe('BAD_USER_INPUT');
    expect(await meetingCount()).toBe(before);
  });

  it('fits kinds to units: group meeting by a GROUP, lecture by a branch or above', async () => {
    h.clock.now = BASE;
    expect((await plan({ unit: 'b1g', kind: 'PARTY_GROUP', startsAt: at(3 * HOUR) })).status).toBe('DRAFT');
    const lecture = await plan({ unit: 'g1', kind: 'PARTY_LECTURE', startsAt: at(3 * HOUR) }, as.admin);
    expect(lecture.status).toBe('DRAFT');
    ok(await h.gql(PUBLISH, { id: lecture.id }, as.admin));
  });

  it('only ADMIN or a SECRETARY of the unit’s subtree may plan', async () => {
    h.clock.now = BASE;
    const before = await meetingCount();
    const input = planInput({ unit: 'b1', kind: 'BRANCH_COMMITTEE', startsAt: at(3 * HOUR) });
    expect(codeOf(await h.gql(PLAN, { input }, as.otherSecretary))).toBe('FORBIDDEN'); // secretary of another subtree
    expect(codeOf(await h.gql(PLAN, { input }, as.leader))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(PLAN, { input }, as.member))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(PLAN, { input }, as.partnerAll))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(PLAN, { input }, {}))).toBe('UNAUTHENTICATED');
    // b1's secretary cannot plan for g1 (above their subtree), even a kind g1 may hold.
    expect(codeOf(await h.gql(PLAN, { input: planInput({ unit: 'g1', kind: 'PARTY_LECTURE', startsAt: at(3 * HOUR) }) }, as.secretary))).toBe('FORBIDDEN');
    expect(await meetingCount()).toBe(before);
  });
});

describe('a themed day from plan to feedback', () => {
  const start = at(24 * HOUR); // tomorrow 09:00
  let id: string;
  let code: string;
  let qr: string;

  it('publishes once; another subtree’s secretary may not', async () => {
    h.clock.now = BASE;
    id = (await plan({ unit: 'b1', kind: 'THEMED_DAY', startsAt: start, title: '十二月主题党日' })).id;
    expect(codeOf(await h.gql(PUBLISH, { id }, as.otherSecretary))).toBe('FORBIDDEN');
    const p = ok(await h.gql<{ publishMeeting: MeetingShape }>(PUBLISH, { id }, as.secretary)).publishMeeting;
    expect(p).toMatchObject({ status: 'PUBLISHED', version: 2 });
    const again = await h.gql(PUBLISH, { id }, as.secretary);
    expect(codeOf(again)).toBe('MEETING_STATUS');
    expect(again.errors![0]!.extensions.messageZh).toMatch(/不能发布会议/);
  });

  it('members register once; the ineligible and outsiders are refused', async () => {
    h.clock.now = at(HOUR);
    const r = ok(await h.gql<{ registerForMeeting: { status: string; version: number; memberId: string } }>(REGISTER, { id }, as.member)).registerForMeeting;
    expect(r).toMatchObject({ status: 'REGISTERED', version: 1, memberId: fx.members.m1.id });
    expect(codeOf(await h.gql(REGISTER, { id }, as.member))).toBe('ALREADY_REGISTERED');
    expect(codeOf(await h.gql(REGISTER, { id }, as.applicant))).toBe('NOT_ELIGIBLE'); // a themed day is for party members
    expect(codeOf(await h.gql(REGISTER, { id }, as.m3))).toBe('FORBIDDEN'); // b2's member cannot even see b1's meeting
    expect(codeOf(await h.gql(REGISTER, { id }, as.secretary))).toBe('FORBIDDEN'); // an account without a member record
  });

  it('check-in opens at most an hour before the start, and only for a published meeting', async () => {
    h.clock.now = new Date(start.getTime() - 61 * MIN);
    expect(codeOf(await h.gql(OPEN, { id }, as.secretary))).toBe('MEETING_NOT_STARTED');
    const draft = await plan({ unit: 'b1', kind: 'THEMED_DAY', startsAt: new Date(start.getTime() + 10 * MIN) });
    h.clock.now = new Date(start.getTime() - 10 * MIN);
    expect(codeOf(await h.gql(OPEN, { id: draft.id }, as.secretary))).toBe('MEETING_STATUS');
    expect(codeOf(await h.gql(OPEN, { id }, as.otherSecretary))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(OPEN, { id }, as.member))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(OPEN, { id, m: 0 }, as.secretary))).toBe('BAD_USER_INPUT');
    expect(codeOf(await h.gql(CHECK_IN, { id, code: '123456' }, as.member))).toBe('CHECK_IN_CLOSED');
  });

  it('opening gives the secretary a 6-digit code and a QR payload; the meeting goes IN_PROGRESS; the code is never stored or recorded', async () => {
    h.clock.now = new Date(start.getTime() - 10 * MIN);
    const o = ok(await h.gql<{ openCheckIn: { code: string; qrPayload: string; expiresAt: string; meeting: { version: number; status: string; checkInOpen: boolean } } }>(OPEN, { id, m: 5 }, as.secretary)).openCheckIn;
    expect(o.code).toMatch(/^\d{6}$/);
    expect(o.qrPayload).toContain(id);
    expect(new Date(o.expiresAt).getTime()).toBe(h.clock.now.getTime() + 5 * MIN);
    expect(o.meeting).toMatchObject({ version: 3, status: 'IN_PROGRESS', checkInOpen: true });
    code = o.code;
    const row = await h.prisma.meeting.findUniqueOrThrow({ where: { id } });
    expect(row.checkInCode).not.toBe(code);
    expect(row.checkInCode).toMatch(/^[0-9a-f]{64}$/);
    const docs = await h.prisma.outboxRecord.findMany({ where: { entityType: 'Meeting', entityId: id } });
    for (const d of docs) {
      expect(d.document).not.toContain(code);
      expect(d.document).not.toContain('checkIn');
    }
  });

  it('a wrong code is refused; the right one checks the member in (PRESENT, CODE) and earns points once', async () => {
    const wrong = code === '000000' ? '000001' : '000000';
    const w = await h.gql(CHECK_IN, { id, code: wrong }, as.member);
    expect(codeOf(w)).toBe('CHECK_IN_CODE_WRONG');
    expect(w.errors![0]!.extensions.attemptsLeft).toBe(4);
    const c = ok(await h.gql<{ checkIn: { status: string; method: string; version: number } }>(CHECK_IN, { id, code }, as.member)).checkIn;
    expect(c).toMatchObject({ status: 'PRESENT', method: 'CODE', version: 1 });
    expect(codeOf(await h.gql(CHECK_IN, { id, code }, as.member))).toBe('ALREADY_CHECKED_IN');
    const points = await h.prisma.pointsEntry.findMany({ where: { memberId: fx.members.m1.id }, include: { rule: true } });
    expect(points.map((p) => [p.rule?.code, p.points, p.sourceType])).toEqual([['THEMED_DAY', 2, 'Attendance']]);
  });

  it('refuses the ineligible and members of other units', async () => {
    expect(codeOf(await h.gql(CHECK_IN, { id, code }, as.applicant))).toBe('NOT_ELIGIBLE');
    expect(codeOf(await h.gql(CHECK_IN, { id, code }, as.m3))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(CHECK_IN, { id, code: '12ab' }, as.m2))).toBe('BAD_USER_INPUT');
  });

  it('limits wrong codes: after five, even the right code waits', async () => {
    const wrong = code === '000000' ? '000001' : '000000';
    for (let i = 4; i >= 0; i--) {
      const w = await h.gql(CHECK_IN, { id, code: wrong }, as.m2);
      expect(codeOf(w)).toBe('CHECK_IN_CODE_WRONG');
      expect(w.errors![0]!.extensions.attemptsLeft).toBe(i);
    }
    const limited = await h.gql(CHECK_IN, { id, code }, as.m2);
    expect(codeOf(limited)).toBe('RATE_LIMITED');
    expect(limited.errors![0]!.extensions.retryAfterSeconds).toBeGreaterThan(0);
    expect(await h.prisma.attendance.count({ where: { meetingId: id, memberId: fx.members.m2.id } })).toBe(0);
  });

  it('an expired code is refused; a new one by QR checks in LATE after ten minutes past the start', async () => {
    h.clock.now = new Date(start.getTime() + 15 * MIN); // the limit window has passed, and so has the 5-minute code
    expect(codeOf(await h.gql(CHECK_IN, { id, code }, as.m2))).toBe('CHECK_IN_EXPIRED');
    const o = ok(await h.gql<{ openCheckIn: { code: string; qrPayload: string; meeting: { version: number } } }>(OPEN, { id }, as.secretary)).openCheckIn;
    expect(o.meeting.version).toBe(3); // a new code alone is not a new version
    qr = o.qrPayload;
    const other = o.code === '999999' ? '999998' : '999999';
    expect(codeOf(await h.gql(CHECK_IN, { qr: qr.replace(`:${o.code}:`, `:${other}:`) }, as.m2))).toBe('CHECK_IN_CODE_WRONG');
    const c = ok(await h.gql<{ checkIn: { status: string; method: string } }>(CHECK_IN, { qr }, as.m2)).checkIn;
    expect(c).toEqual(expect.objectContaining({ status: 'LATE', method: 'QR' }));
    expect(codeOf(await h.gql(CHECK_IN, { qr: 'not a qr' }, as.m2))).toBe('BAD_USER_INPUT');
  });

  it('the secretary records attendance of unit members; a changed mark is a new version; outsiders are refused', async () => {
    h.clock.now = new Date(start.getTime() + 30 * MIN);
    const bad = await h.gql(RECORD, { id, entries: [{ memberId: fx.members.m3.id, status: 'PRESENT' }, { memberId: applicant.id, status: 'ABSENT' }, { memberId: m5.id, status: 'PRESENT' }, { memberId: m5.id, status: 'ABSENT' }] }, as.secretary);
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(bad).sort()).toEqual(['entries[0].memberId', 'entries[1].memberId', 'entries[3].memberId']);
    expect(codeOf(await h.gql(RECORD, { id, entries: [{ memberId: m5.id, status: 'EXCUSED' }] }, as.leader))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(RECORD, { id, entries: [{ memberId: m5.id, status: 'EXCUSED' }] }, as.otherSecretary))).toBe('FORBIDDEN');

    type R = { recordAttendance: { memberId: string; status: string; version: number; method: string; note: string | null }[] };
    const first = ok(await h.gql<R>(RECORD, { id, entries: [{ memberId: m5.id, status: 'EXCUSED', note: '出差' }, { memberId: fx.members.m1.id, status: 'PRESENT' }] }, as.secretary)).recordAttendance;
    expect(first).toEqual([
      expect.objectContaining({ memberId: m5.id, status: 'EXCUSED', version: 1, method: 'MANUAL', note: '出差' }),
      expect.objectContaining({ memberId: fx.members.m1.id, status: 'PRESENT', version: 1, method: 'CODE' }), // unchanged: no new version
    ]);
    const second = ok(await h.gql<R>(RECORD, { id, entries: [{ memberId: m5.id, status: 'ABSENT' }] }, as.secretary)).recordAttendance;
    expect(second[0]).toMatchObject({ status: 'ABSENT', version: 2 });
    const versions = await h.prisma.outboxRecord.findMany({ where: { entityType: 'Attendance', entityId: (await h.prisma.attendance.findFirstOrThrow({ where: { meetingId: id, memberId: m5.id } })).id } });
    expect(versions.map((v) => v.version).sort()).toEqual([1, 2]);
    expect(await h.prisma.pointsEntry.count({ where: { memberId: m5.id } })).toBe(0); // excused and absent earn nothing
    expect(await h.prisma.pointsEntry.count({ where: { memberId: fx.members.m2.id } })).toBe(1); // late still attended
  });

  it('minutes only after the end; then the meeting is COMPLETED and check-in is closed', async () => {
    h.clock.now = new Date(start.getTime() + 60 * MIN);
    expect(codeOf(await h.gql(MINUTES, { id, text: '学习了文件。' }, as.secretary))).toBe('MEETING_NOT_ENDED');
    h.clock.now = new Date(start.getTime() + 91 * MIN);
    expect(codeOf(await h.gql(MINUTES, { id, text: '  ' }, as.secretary))).toBe('BAD_USER_INPUT');
    expect(codeOf(await h.gql(MINUTES, { id, text: '学习了文件。' }, as.otherSecretary))).toBe('FORBIDDEN');
    const m = ok(await h.gql<{ recordMinutes: MeetingShape & { minutes: string; endedAt: string } }>(MINUTES, { id, text: '学习了文件。' }, as.secretary)).recordMinutes;
    expect(m).toMatchObject({ status: 'COMPLETED', version: 4, minutes: '学习了文件。', checkInOpen: false });
    expect(new Date(m.endedAt).getTime()).toBe(start.getTime() + 90 * MIN);
    expect(codeOf(await h.gql(CHECK_IN, { id, code: '123456' }, as.m5))).toBe('CHECK_IN_CLOSED');
    expect(codeOf(await h.gql(REGISTER, { id }, as.m5))).toBe('MEETING_STATUS');
    expect(await h.prisma.meeting.findUniqueOrThrow({ where: { id }, select: { checkInCode: true } })).toEqual({ checkInCode: null });
  });

  it('feedback: only by attendees, rating 1–5, once', async () => {
    expect(codeOf(await h.gql(FEEDBACK, { id, rating: 6 }, as.member))).toBe('BAD_USER_INPUT');
    expect(codeOf(await h.gql(FEEDBACK, { id, rating: 0 }, as.member))).toBe('BAD_USER_INPUT');
    const f = ok(await h.gql<{ submitMeetingFeedback: { rating: number; comment: string; version: number } }>(FEEDBACK, { id, rating: 5, comment: '很有收获' }, as.member)).submitMeetingFeedback;
    expect(f).toMatchObject({ rating: 5, comment: '很有收获', version: 1 });
    expect(codeOf(await h.gql(FEEDBACK, { id, rating: 4 }, as.member))).toBe('FEEDBACK_ALREADY_SUBMITTED');
    expect(codeOf(await h.gql(FEEDBACK, { id, rating: 4 }, as.m5))).toBe('NOT_ATTENDED'); // marked absent
    expect(codeOf(await h.gql(FEEDBACK, { id, rating: 4 }, as.applicant))).toBe('NOT_ATTENDED'); // sees the meeting, did not attend
    expect(codeOf(await h.gql(FEEDBACK, { id, rating: 4 }, as.m3))).toBe('FORBIDDEN');
    expect(await h.prisma.meetingFeedback.count({ where: { meetingId: id } })).toBe(1);
  });

  it('cancelling needs a reason and a meeting not yet under way', async () => {
    h.clock.now = BASE;
    const c = await plan({ unit: 'b1', kind: 'BRANCH_COMMITTEE', startsAt: at(5 * 24 * HOUR) });
    expect(codeOf(await h.gql(CANCEL, { id: c.id, reason: ' ' }, as.secretary))).toBe('BAD_USER_INPUT');
    expect(codeOf(await h.gql(CANCEL, { id: c.id, reason: '书记出差' }, as.otherSecretary))).toBe('FORBIDDEN');
    const x = ok(await h.gql<{ cancelMeeting: MeetingShape }>(CANCEL, { id: c.id, reason: '书记出差' }, as.secretary)).cancelMeeting;
    expect(x).toMatchObject({ status: 'CANCELLED', version: 2, cancelReason: '书记出差' });
    expect(codeOf(await h.gql(CANCEL, { id: c.id, reason: '再次取消' }, as.secretary))).toBe('MEETING_STATUS');
    expect(codeOf(await h.gql(PUBLISH, { id: c.id }, as.secretary))).toBe('MEETING_STATUS');
    expect(codeOf(await h.gql(CANCEL, { id, reason: '已开完' }, as.secretary))).toBe('MEETING_STATUS');
  });

  it('publishing a meeting whose start has passed is refused', async () => {
    h.clock.now = BASE;
    const d = await plan({ unit: 'b1', kind: 'BRANCH_COMMITTEE', startsAt: at(HOUR) });
    h.clock.now = at(2 * HOUR);
    expect(codeOf(await h.gql(PUBLISH, { id: d.id }, as.secretary))).toBe('MEETING_IN_PAST');
  });

  describe('who sees what', () => {
    let groupMeeting: string;
    let b3Meeting: string;
    let draft: string;

    beforeAll(async () => {
      h.clock.now = BASE;
      draft = (await plan({ unit: 'b1', kind: 'BRANCH_COMMITTEE', startsAt: at(7 * HOUR), title: '支委会草稿' })).id;
      groupMeeting = (await plan({ unit: 'b1g', kind: 'PARTY_GROUP', startsAt: at(6 * HOUR), title: '小组会' })).id;
      b3Meeting = (await plan({ unit: 'b3', kind: 'THEMED_DAY', startsAt: at(6 * HOUR), title: '三支部主题党日' }, as.otherSecretary)).id;
      ok(await h.gql(PUBLISH, { id: groupMeeting }, as.secretary));
      ok(await h.gql(PUBLISH, { id: b3Meeting }, as.otherSecretary));
    });

    const ONE = `query($id: ID!) { meeting(id: $id) { id title } }`;

    it('a member sees meetings of their unit and those above, not other units’', async () => {
      expect(ok(await h.gql<{ meeting: { id: string } }>(ONE, { id }, as.member)).meeting.id).toBe(id);
      expect(codeOf(await h.gql(ONE, { id: b3Meeting }, as.member))).toBe('FORBIDDEN');
      expect(codeOf(await h.gql(ONE, { id: groupMeeting }, as.member))).toBe('FORBIDDEN'); // m1 is in b1, not in its group
      expect(codeOf(await h.gql(ONE, { id: draft }, as.member))).toBe('FORBIDDEN'); // drafts are the secretary's
      expect(ok(await h.gql<{ meeting: { id: string } }>(ONE, { id: draft }, as.secretary)).meeting.id).toBe(draft);
      expect(ok(await h.gql<{ meeting: { id: string } }>(ONE, { id: groupMeeting }, as.m2)).meeting.id).toBe(groupMeeting); // m2 is in the group
      expect(ok(await h.gql<{ meeting: { id: string } }>(ONE, { id }, as.m2)).meeting.id).toBe(id); // and sees its branch’s meetings

      type L = { meetings: { totalCount: number; edges: { node: { id: string; kind: string } }[] } };
      const mine = ok(await h.gql<L>(`{ meetings(first: 100) { totalCount edges { node { id kind } } } }`, {}, as.member)).meetings;
      const ids = mine.edges.map((e) => e.node.id);
      expect(ids).toContain(id);
      expect(ids).not.toContain(groupMeeting);
      expect(ids).not.toContain(b3Meeting);
      expect(ids).not.toContain(draft);
      const lecture = mine.edges.find((e) => e.node.kind === 'PARTY_LECTURE')!; // g1’s lecture, above m1’s branch
      expect(ok(await h.gql<{ meeting: { orgUnitName: string } }>(`query($id: ID!) { meeting(id: $id) { orgUnitName } }`, { id: lecture.node.id }, as.member)).meeting.orgUnitName).toBe(fx.units.g1.name);
      expect(codeOf(await h.gql(`query($id: ID!) { meeting(id: $id) { orgUnit { name } } }`, { id: lecture.node.id }, as.member))).toBe('FORBIDDEN');
      expect(mine.totalCount).toBe(ids.length);
      expect(codeOf(await h.gql(`query($u: ID) { meetings(first: 5, under: $u) { totalCount } }`, { u: fx.units.b3.id }, as.member))).toBe('FORBIDDEN');
    });

    it('a member sees only their own attendance', async () => {
      const own = ok(await h.gql<{ memberAttendance: { totalCount: number; edges: { node: { status: string; proof: { status: string } } }[] } }>(
        `query($m: ID!) { memberAttendance(memberId: $m, first: 10) { totalCount edges { node { status proof { status } } } } }`,
        { m: fx.members.m1.id },
        as.member,
      )).memberAttendance;
      expect(own.totalCount).toBe(1);
      expect(own.edges[0]!.node).toEqual({ status: 'PRESENT', proof: { status: 'PENDING' } });
      expect(codeOf(await h.gql(`query($m: ID!) { memberAttendance(memberId: $m, first: 10) { totalCount } }`, { m: fx.members.m2.id }, as.member))).toBe('FORBIDDEN');
      expect(codeOf(await h.gql(`query($id: ID!) { meeting(id: $id) { attendances(first: 10) { totalCount } } }`, { id }, as.member))).toBe('FORBIDDEN');
      const my = ok(await h.gql<{ meeting: { myAttendance: { status: string }; myRegistration: { status: string }; myFeedback: { rating: number } } }>(
        `query($id: ID!) { meeting(id: $id) { myAttendance { status } myRegistration { status } myFeedback { rating } } }`,
        { id },
        as.member,
      )).meeting;
      expect(my).toEqual({ myAttendance: { status: 'PRESENT' }, myRegistration: { status: 'REGISTERED' }, myFeedback: { rating: 5 } });
      // Another member's attendance record is refused through the generic record query too.
      const m2Att = await h.prisma.attendance.findFirstOrThrow({ where: { meetingId: id, memberId: fx.members.m2.id } });
      expect(codeOf(await h.gql(`query($id: ID!) { record(type: "Attendance", id: $id) { version } }`, { id: m2Att.id }, as.member))).toBe('FORBIDDEN');
    });

    it('staff see their subtree: the secretary of another subtree is refused', async () => {
      expect(codeOf(await h.gql(ONE, { id }, as.otherSecretary))).toBe('FORBIDDEN');
      expect(codeOf(await h.gql(`query($m: ID!) { memberAttendance(memberId: $m, first: 10) { totalCount } }`, { m: fx.members.m1.id }, as.otherSecretary))).toBe('FORBIDDEN');
      const leader = ok(await h.gql<{ meeting: { attendances: { totalCount: number }; registrations: { totalCount: number }; feedback: { totalCount: number } } }>(
        `query($id: ID!) { meeting(id: $id) { attendances(first: 10) { totalCount } registrations(first: 10) { totalCount } feedback(first: 10) { totalCount } } }`,
        { id },
        as.leader,
      )).meeting;
      expect(leader).toEqual({ attendances: { totalCount: 3 }, registrations: { totalCount: 1 }, feedback: { totalCount: 1 } });
      const sec = ok(await h.gql<{ meetings: { edges: { node: { id: string } }[] } }>(`{ meetings(first: 100) { edges { node { id } } } }`, {}, as.secretary)).meetings.edges.map((e) => e.node.id);
      expect(sec).toContain(groupMeeting);
      expect(sec).not.toContain(b3Meeting);
      const filtered = ok(await h.gql<{ meetings: { edges: { node: { kind: string; status: string } }[] } }>(
        `query($from: Date, $to: Date) { meetings(first: 100, kind: THEMED_DAY, status: COMPLETED, from: $from, to: $to) { edges { node { kind status } } } }`,
        { from: '2026-12-02', to: '2026-12-02' },
        as.admin,
      )).meetings.edges;
      expect(filtered).toEqual([{ node: { kind: 'THEMED_DAY', status: 'COMPLETED' } }]);
    });

    it('partner keys read meetings of their subtree; attendance needs its own scope', async () => {
      const list = ok(await h.gql<{ meetings: { edges: { node: { id: string } }[] } }>(`{ meetings(first: 100) { edges { node { id } } } }`, {}, as.partner)).meetings.edges.map((e) => e.node.id);
      expect(list).toContain(id);
      expect(list).not.toContain(b3Meeting);
      expect(codeOf(await h.gql(`query($id: ID!) { meeting(id: $id) { attendances(first: 5) { totalCount } } }`, { id }, as.partner))).toBe('FORBIDDEN');
      const all = ok(await h.gql<{ meeting: { attendances: { totalCount: number } } }>(`query($id: ID!) { meeting(id: $id) { attendances(first: 5) { totalCount } } }`, { id }, as.partnerAll));
      expect(all.meeting.attendances.totalCount).toBe(3);
    });
  });
});

describe('meetingCompliance on a constructed half-year', () => {
  // Meetings held (planned, published, minutes recorded) in the first half of 2026, read on
  // 15 May 2026: b1 and b2 are the branches of g1; b1g is b1's only group.
  const held: [keyof Fixture['units'], string, string][] = [
    ['b1', 'BRANCH_GENERAL', '2026-02-10'],
    ['b1', 'BRANCH_COMMITTEE', '2026-01-06'],
    ['b1', 'BRANCH_COMMITTEE', '2026-02-06'],
    ['b1', 'BRANCH_COMMITTEE', '2026-03-06'],
    ['b1', 'BRANCH_COMMITTEE', '2026-04-06'],
    ['b1', 'THEMED_DAY', '2026-01-20'],
    ['b1', 'THEMED_DAY', '2026-03-20'],
    ['b1g', 'PARTY_GROUP', '2026-01-12'],
    ['b1g', 'PARTY_GROUP', '2026-04-12'],
    ['g1', 'PARTY_LECTURE', '2026-04-20'], // the general branch's lecture counts for b1 and b2
    ['b2', 'THEMED_DAY', '2026-02-18'],
    ['b3', 'THEMED_DAY', '2026-02-18'], // outside g1
  ];
  const NOW = new Date('2026-05-15T04:00:00.000Z');

  beforeAll(async () => {
    for (const [unit, kind, day] of held) {
      const start = new Date(`${day}T01:00:00.000Z`); // 09:00 in China
      h.clock.now = new Date(start.getTime() - 24 * HOUR);
      const who = unit === 'g1' || unit === 'b2' ? as.admin : unit === 'b3' ? as.otherSecretary : as.secretary;
      const m = await plan({ unit, kind, startsAt: start, minutes: 60 }, who);
      ok(await h.gql(PUBLISH, { id: m.id }, who));
      h.clock.now = new Date(start.getTime() + 2 * HOUR);
      ok(await h.gql(MINUTES, { id: m.id, text: '会议纪要' }, who));
    }
    // Not held: a cancelled themed day in February and a published one never completed in April.
    h.clock.now = new Date('2026-02-01T04:00:00.000Z');
    const c = await plan({ unit: 'b1', kind: 'THEMED_DAY', startsAt: new Date('2026-02-20T01:00:00.000Z') });
    ok(await h.gql(CANCEL, { id: c.id, reason: '改期' }, as.secretary));
    h.clock.now = new Date('2026-04-01T04:00:00.000Z');
    const p = await plan({ unit: 'b1', kind: 'THEMED_DAY', startsAt: new Date('2026-04-20T01:00:00.000Z') });
    ok(await h.gql(PUBLISH, { id: p.id }, as.secretary));
    h.clock.now = NOW;
  });

  const Q = `query($u: ID!, $from: Date!, $to: Date!) { meetingCompliance(unitId: $u, period: { from: $from, to: $to }) {
    unitId from to asOf rows { unitId unit { name } kind kindZh cadence periods required held met due overdue nextDeadline compliant } } }`;
  interface Row {
    unitId: string;
    kind: string;
    cadence: string;
    periods: string[];
    required: number;
    held: number;
    met: number;
    due: number;
    overdue: number;
    nextDeadline: string | null;
    compliant: boolean;
  }

  it('gives required, held, due and overdue per branch and kind', async () => {
    h.clock.now = NOW;
    const r = ok(await h.gql<{ meetingCompliance: { rows: Row[]; asOf: string } }>(Q, { u: fx.units.g1.id, from: '2026-01-01', to: '2026-06-30' }, as.leader)).meetingCompliance;
    expect(r.asOf).toBe(NOW.toISOString());
    const pick = (unit: 'b1' | 'b2', kind: string) => {
      const row = r.rows.find((x) => x.unitId === fx.units[unit].id && x.kind === kind)!;
      return { required: row.required, held: row.held, met: row.met, due: row.due, overdue: row.overdue };
    };
    expect(new Set(r.rows.map((x) => x.unitId))).toEqual(new Set([fx.units.b1.id, fx.units.b2.id])); // branches of g1 only
    expect(r.rows).toHaveLength(14); // 2 branches × 7 kinds (org-life.int.test.ts: the yearly two)
    // Quarterly: Q1 met; Q2 (ends 30 June) still due.
    expect(pick('b1', 'BRANCH_GENERAL')).toEqual({ required: 2, held: 1, met: 1, due: 1, overdue: 0 });
    // Monthly: January–April met; May (running) and June due.
    expect(pick('b1', 'BRANCH_COMMITTEE')).toEqual({ required: 6, held: 4, met: 4, due: 2, overdue: 0 });
    // January and March met; February (cancelled) and April (never completed) overdue.
    expect(pick('b1', 'THEMED_DAY')).toEqual({ required: 6, held: 2, met: 2, due: 2, overdue: 2 });
    expect(pick('b1', 'PARTY_GROUP')).toEqual({ required: 6, held: 2, met: 2, due: 2, overdue: 2 });
    // Q1 without a lecture is overdue; g1's April lecture meets Q2 for both branches.
    expect(pick('b1', 'PARTY_LECTURE')).toEqual({ required: 2, held: 1, met: 1, due: 0, overdue: 1 });
    expect(pick('b2', 'PARTY_LECTURE')).toEqual({ required: 2, held: 1, met: 1, due: 0, overdue: 1 });
    expect(pick('b2', 'THEMED_DAY')).toEqual({ required: 6, held: 1, met: 1, due: 2, overdue: 3 });
    expect(pick('b2', 'PARTY_GROUP')).toEqual({ required: 0, held: 0, met: 0, due: 0, overdue: 0 }); // no groups
    const general = r.rows.find((x) => x.unitId === fx.units.b1.id && x.kind === 'BRANCH_GENERAL')!;
    expect(general).toMatchObject({ cadence: 'QUARTERLY', periods: ['2026-Q1', '2026-Q2'], compliant: true, nextDeadline: '2026-06-30T16:00:00.000Z' });
    expect(r.rows.find((x) => x.unitId === fx.units.b1.id && x.kind === 'THEMED_DAY')!.compliant).toBe(false);
  });

  it('moving the clock moves due into overdue', async () => {
    h.clock.now = new Date('2026-07-02T04:00:00.000Z');
    const r = ok(await h.gql<{ meetingCompliance: { rows: Row[] } }>(Q, { u: fx.units.b1.id, from: '2026-01-01', to: '2026-06-30' }, as.secretary)).meetingCompliance;
    expect(r.rows).toHaveLength(7);
    const general = r.rows.find((x) => x.kind === 'BRANCH_GENERAL')!;
    expect(general).toMatchObject({ due: 0, overdue: 1, nextDeadline: null });
    expect(r.rows.find((x) => x.kind === 'BRANCH_COMMITTEE')).toMatchObject({ due: 0, overdue: 2 });
    h.clock.now = NOW;
  });

  it('is scoped, and refuses a group or a reversed period', async () => {
    h.clock.now = NOW;
    const vars = { from: '2026-01-01', to: '2026-06-30' };
    expect(codeOf(await h.gql(Q, { u: fx.units.g1.id, ...vars }, as.secretary))).toBe('FORBIDDEN'); // above the secretary's subtree
    expect(codeOf(await h.gql(Q, { u: fx.units.b1.id, ...vars }, as.otherSecretary))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(Q, { u: fx.units.b1.id, ...vars }, as.member))).toBe('FORBIDDEN');
    expect(codeOf(await h.gql(Q, { u: fx.units.b1g.id, ...vars }, as.secretary))).toBe('BAD_USER_INPUT');
    expect(codeOf(await h.gql(Q, { u: fx.units.b1.id, from: '2026-06-30', to: '2026-01-01' }, as.secretary))).toBe('BAD_USER_INPUT');
    const partner = ok(
      await h.gql<{ meetingCompliance: { rows: Row[] } }>(
        `query($u: ID!, $from: Date!, $to: Date!) { meetingCompliance(unitId: $u, period: { from: $from, to: $to }) { rows { unitId kind required } } }`,
        { u: fx.units.g1.id, ...vars },
        as.partner,
      ),
    ).meetingCompliance;
    expect(partner.rows).toHaveLength(14);
    const root = ok(await h.gql<{ meetingCompliance: { rows: Row[] } }>(Q, { u: fx.units.root.id, ...vars }, as.admin)).meetingCompliance;
    expect(root.rows.find((x) => x.unitId === fx.units.b3.id && x.kind === 'THEMED_DAY')).toMatchObject({ held: 1, overdue: 3 });
  });
});
