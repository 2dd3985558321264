// Organisational life in the graph: Meeting, MeetingRegistration, Attendance and MeetingFeedback
// (each a verifiable record), and the compliance report's shapes.
import type { AttendanceStatus, CheckInMethod, MeetingKind, MeetingStatus, RegistrationStatus } from '@lianjian/db';
import type { FieldMap } from '@pothos/core';
import { builder } from '../../../graphql/builder.js';
import { dbEnum } from '../../../graphql/enums.js';
import { memberFields, timestamps, unitFields } from '../../../graphql/fields.js';
import { relatedPage } from '../../../graphql/rows.js';
import type { Context } from '../../../shared/context.js';
import { OrgUnitRef } from '../../org-units/schema/index.js';
import { AttachmentObject } from '../../attachments/schema/index.js';
import { attachmentsOf } from '../../attachments/service.js';
import { verifiableObject, type VerifiableObjectOptions } from '../../../graphql/verifiable.js';
import { assertCanSeeMeeting, assertCanSeeParticipation } from '../access.js';
import { RULES, type Cadence } from '../cadence.js';
import type { ComplianceReport } from '../compliance.js';
import { endsAt, type OpenedCheckIn } from '../service.js';

export const MeetingKindEnum = dbEnum('MeetingKind', '支部党员大会 / 支委会 / 党小组会 / 党课 / 主题党日 / 组织生活会 / 谈心谈话');
export const MeetingStatusEnum = dbEnum('MeetingStatus', '草稿 / 已发布 / 进行中（已开启签到）/ 已结束（已记录纪要）/ 已取消');
export const RegistrationStatusEnum = dbEnum('RegistrationStatus');
export const AttendanceStatusEnum = dbEnum('AttendanceStatus', '出席 / 迟到 / 请假 / 缺席');
export const CheckInMethodEnum = dbEnum('CheckInMethod', '签到码 / 扫码 / 书记登记');
export const CadenceEnum = builder.enumType('CadenceInterval', { values: ['MONTHLY', 'QUARTERLY', 'YEARLY'] as const, description: '每月 / 每季度 / 每年' });

function ownMemberId(ctx: Context): string | null {
  return ctx.principal.kind === 'account' ? ctx.principal.memberId : null;
}

type OwnKey = { meetingId_memberId: { meetingId: string; memberId: string } };

/** Resolves the caller's own row of a meeting (registration, attendance, feedback), or null. */
function ownRow<Row>(find: (ctx: Context, query: object, where: OwnKey) => Promise<Row | null>) {
  return (query: object, m: { id: string }, _args: unknown, ctx: Context) => {
    const memberId = ownMemberId(ctx);
    return memberId ? find(ctx, query, { meetingId_memberId: { meetingId: m.id, memberId } }) : null;
  };
}

interface ParticipationFieldBuilder<Id, Relation> {
  exposeID(name: 'orgUnitId' | 'meetingId' | 'memberId', options?: { description?: string }): Id;
  relation(name: 'meeting' | 'member'): Relation;
}

/** Who took part in which meeting: the fields a registration, an attendance and a rating share. */
function participationFields<Id, Relation>(t: ParticipationFieldBuilder<Id, Relation>, unitDescription?: string) {
  return {
    orgUnitId: t.exposeID('orgUnitId', { description: unitDescription }),
    meetingId: t.exposeID('meetingId'),
    meeting: t.relation('meeting'),
    ...memberFields(t),
  };
}

type Participation = 'MeetingRegistration' | 'Attendance' | 'MeetingFeedback';
type ParticipationOptions<N extends Participation> = Omit<VerifiableObjectOptions<N, { memberId: true }>, 'select'> & { unitDescription?: string };

/**
 * A member's part in a meeting (a registration, an attendance, a rating): seen by that member and
 * by staff of the meeting (`what` names the row in a refusal); its fields start with who took
 * part in which meeting.
 */
function participationObject<N extends Participation>(name: N, [what, whatZh]: [string, string], options: ParticipationOptions<N>) {
  return verifiableObject(name, (ctx, row: { memberId: string; orgUnitId: string }) => assertCanSeeParticipation(ctx, row, what, whatZh), {
    ...options,
    select: { memberId: true } as never,
    fields: (t) => ({ ...(participationFields(t as never, options.unitDescription) as FieldMap), ...options.fields(t as never) }),
  });
}

const participationScopes = { $any: { staff: true, partner: 'Attendance:read' } } as const;

const MeetingRef = verifiableObject('Meeting', assertCanSeeMeeting, {
  description: 'A meeting of organisational life (三会一课、主题党日), with its proof. Check-in codes are never shown here.',
  select: { status: true },
  fields: (t) => ({
    ...unitFields(t, 'The unit holding the meeting'),
    // A member may attend a lecture of a unit above their own, whose OrgUnit they may not read.
    orgUnitName: t.string({
      description: 'Name of the unit holding the meeting, readable by everyone who may see the meeting',
      resolve: async (m, _a, ctx) => (await ctx.loaders.orgUnit.load(m.orgUnitId))?.name ?? '',
    }),
    kind: t.expose('kind', { type: MeetingKindEnum }),
    kindZh: t.string({ select: { kind: true }, resolve: (m) => RULES[m.kind].zh }),
    title: t.exposeString('title'),
    agenda: t.exposeString('agenda', { nullable: true }),
    location: t.exposeString('location', { nullable: true, description: 'The place (planMeeting’s `place`)' }),
    scheduledAt: t.expose('scheduledAt', { type: 'DateTime', description: 'Start (as in the record)' }),
    durationMinutes: t.exposeInt('durationMinutes'),
    startsAt: t.field({ type: 'DateTime', select: { scheduledAt: true }, resolve: (m) => m.scheduledAt }),
    endsAt: t.field({ type: 'DateTime', select: { scheduledAt: true, durationMinutes: true }, resolve: (m) => endsAt(m) }),
    status: t.expose('status', { type: MeetingStatusEnum }),
    publishedAt: t.expose('publishedAt', { type: 'DateTime', nullable: true }),
    startedAt: t.expose('startedAt', { type: 'DateTime', nullable: true }),
    endedAt: t.expose('endedAt', { type: 'DateTime', nullable: true }),
    minutes: t.exposeString('minutes', { nullable: true, description: 'Minutes (会议纪要); for a CANCELLED meeting, the reason it was cancelled' }),
    minutesRecordedAt: t.expose('minutesRecordedAt', { type: 'DateTime', nullable: true }),
    minutesAttachments: t.field({
      type: [AttachmentObject],
      select: { minutesAttachments: true },
      description: 'Files attached to the minutes (photos, scanned sign-in sheets); the record’s document holds their hashes; empty when none',
      resolve: (m) => attachmentsOf(m.minutesAttachments),
    }),
    recordedAfterwards: t.boolean({
      select: { recordedAfterwards: true },
      description: 'Entered after it took place (补录), not run through check-in',
      resolve: (m) => m.recordedAfterwards === true,
    }),
    cancelReason: t.string({
      nullable: true,
      select: { status: true, minutes: true },
      description: 'Why it was cancelled (stored as the cancelled meeting’s minutes)',
      resolve: (m) => (m.status === 'CANCELLED' ? m.minutes : null),
    }),
    checkInOpen: t.boolean({
      select: { status: true, checkInExpiresAt: true },
      description: 'Whether members can check in now',
      resolve: (m, _a, ctx) => m.status === 'IN_PROGRESS' && m.checkInExpiresAt !== null && m.checkInExpiresAt > ctx.config.now(),
    }),
    createdById: t.exposeID('createdById', { nullable: true }),
    ...timestamps(t),
    registrations: t.relatedConnection('registrations', {
      authScopes: participationScopes,
      description: 'Who registered (staff; members see only myRegistration)',
      ...relatedPage([{ registeredAt: 'asc' }, { id: 'asc' }]),
    }),
    attendances: t.relatedConnection('attendances', {
      authScopes: participationScopes,
      description: 'Attendance of every member recorded (staff; members see only myAttendance)',
      ...relatedPage([{ createdAt: 'asc' }, { id: 'asc' }]),
    }),
    feedback: t.relatedConnection('feedback', {
      authScopes: participationScopes,
      ...relatedPage([{ createdAt: 'asc' }, { id: 'asc' }]),
    }),
    myRegistration: t.prismaField({
      type: 'MeetingRegistration',
      nullable: true,
      description: 'The caller’s own registration, if any',
      resolve: ownRow((ctx, query, where) => ctx.prisma.meetingRegistration.findUnique({ ...query, where })),
    }),
    myAttendance: t.prismaField({
      type: 'Attendance',
      nullable: true,
      description: 'The caller’s own attendance, if recorded',
      resolve: ownRow((ctx, query, where) => ctx.prisma.attendance.findUnique({ ...query, where })),
    }),
    myFeedback: t.prismaField({
      type: 'MeetingFeedback',
      nullable: true,
      resolve: ownRow((ctx, query, where) => ctx.prisma.meetingFeedback.findUnique({ ...query, where })),
    }),
  }),
});

participationObject('MeetingRegistration', ['registrations', '报名记录'], {
  description: 'A member’s registration for a meeting (报名), with its proof',
  unitDescription: 'The unit holding the meeting',
  fields: (t) => ({
    status: t.expose('status', { type: RegistrationStatusEnum }),
    registeredAt: t.expose('registeredAt', { type: 'DateTime' }),
  }),
});

participationObject('Attendance', ['attendance', '出勤记录'], {
  description: 'A member’s attendance at a meeting (出勤), with its proof',
  unitDescription: 'The unit holding the meeting',
  fields: (t) => ({
    status: t.expose('status', { type: AttendanceStatusEnum }),
    method: t.expose('method', { type: CheckInMethodEnum, nullable: true }),
    checkedInAt: t.expose('checkedInAt', { type: 'DateTime', nullable: true }),
    note: t.exposeString('note', { nullable: true }),
    ...timestamps(t),
  }),
});

participationObject('MeetingFeedback', ['meeting feedback', '会议评价'], {
  description: 'A member’s rating of a meeting they attended (1–5, once), with its proof',
  fields: (t) => ({
    rating: t.exposeInt('rating'),
    comment: t.exposeString('comment', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

type Row = ComplianceReport['rows'][number];

export const MeetingComplianceRow = builder.objectRef<Row>('MeetingComplianceRow').implement({
  description: 'One branch and one kind of meeting over the period (see api/src/modules/meetings/cadence.ts for the rules)',
  fields: (t) => ({
    unitId: t.exposeID('unitId'),
    unit: t.field({ type: OrgUnitRef, resolve: async (r, _a, ctx) => (await ctx.loaders.orgUnit.load(r.unitId))! }),
    kind: t.field({ type: MeetingKindEnum, resolve: (r) => r.kind }),
    kindZh: t.exposeString('kindZh'),
    cadence: t.field({ type: CadenceEnum, resolve: (r): Cadence => r.cadence }),
    periods: t.stringList({ description: 'The months, quarters or years counted, e.g. 2026-03, 2026-Q1 or 2026', resolve: (r) => r.slots.map((s) => s.label) }),
    required: t.exposeInt('required', { description: 'Meetings required: one per period (per group, for party group meetings)' }),
    held: t.exposeInt('held', { description: 'Completed meetings (minutes recorded) in those periods' }),
    met: t.exposeInt('met', { description: 'Periods with at least one completed meeting' }),
    due: t.exposeInt('due', { description: 'Unmet periods whose deadline is still ahead' }),
    overdue: t.exposeInt('overdue', { description: 'Unmet periods whose deadline has passed' }),
    nextDeadline: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.nextDeadline }),
    compliant: t.boolean({ description: 'No period overdue', resolve: (r) => r.overdue === 0 }),
    appraised: t.int({
      nullable: true,
      description: 'ORG_LIFE only (null otherwise): of the required years, those in which the branch published a 民主评议 (appraisal campaign) to its members',
      resolve: (r) => r.appraised,
    }),
    talkedWith: t.int({
      nullable: true,
      description: 'HEART_TALK only (null otherwise): current party members of the branch present at a completed 谈心谈话 in the period’s last year',
      resolve: (r) => r.talkedWith,
    }),
    toTalkWith: t.int({ nullable: true, description: 'HEART_TALK only: current party members (预备、正式, active) of the branch and its groups', resolve: (r) => r.toTalkWith }),
  }),
});

type Total = ComplianceReport['totals'][number];

export const MeetingComplianceTotal = builder.objectRef<Total>('MeetingComplianceTotal').implement({
  description: 'One kind of meeting summed over every branch of the subtree asked for (a branch: its own figures)',
  fields: (t) => ({
    kind: t.field({ type: MeetingKindEnum, resolve: (r) => r.kind }),
    kindZh: t.exposeString('kindZh'),
    cadence: t.field({ type: CadenceEnum, resolve: (r): Cadence => r.cadence }),
    branches: t.exposeInt('branches', { description: 'Branches summed' }),
    required: t.exposeInt('required'),
    held: t.exposeInt('held'),
    met: t.exposeInt('met'),
    due: t.exposeInt('due'),
    overdue: t.exposeInt('overdue'),
    nextDeadline: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.nextDeadline }),
    compliant: t.boolean({ description: 'No branch has a period overdue', resolve: (r) => r.overdue === 0 }),
    appraised: t.int({ nullable: true, description: 'ORG_LIFE only: branch-years in which a 民主评议 was published', resolve: (r) => r.appraised }),
    talkedWith: t.int({ nullable: true, description: 'HEART_TALK only: the branches’ talkedWith, summed', resolve: (r) => r.talkedWith }),
    toTalkWith: t.int({ nullable: true, description: 'HEART_TALK only: the branches’ toTalkWith, summed', resolve: (r) => r.toTalkWith }),
  }),
});

export const MeetingComplianceReport = builder.objectRef<ComplianceReport>('MeetingComplianceReport').implement({
  description: 'Organisational-life compliance of the branches of a subtree (三会一课落实情况)',
  fields: (t) => ({
    unitId: t.exposeID('unitId'),
    from: t.field({ type: 'Date', resolve: (r) => r.from }),
    to: t.field({ type: 'Date', resolve: (r) => r.to }),
    asOf: t.field({ type: 'DateTime', resolve: (r) => r.asOf }),
    rows: t.field({ type: [MeetingComplianceRow], resolve: (r) => r.rows }),
    totals: t.field({ type: [MeetingComplianceTotal], description: 'Per kind, the sums over the whole subtree', resolve: (r) => r.totals }),
  }),
});

export const CheckInSession = builder.objectRef<OpenedCheckIn>('CheckInSession').implement({
  description: 'An open check-in: the code and QR payload are shown only here, to the secretary who opened it',
  fields: (t) => ({
    meeting: t.field({ type: MeetingRef, resolve: (s) => s.meeting }),
    code: t.exposeString('code', { description: 'Six digits members enter' }),
    qrPayload: t.exposeString('qrPayload', { description: 'The string to show as a QR code; members scan it to check in' }),
    expiresAt: t.field({ type: 'DateTime', resolve: (s) => s.expiresAt }),
  }),
});
