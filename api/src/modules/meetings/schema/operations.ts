// Queries and mutations of organisational life. Writes: ADMIN, or a SECRETARY whose subtree holds
// the meeting's unit; a member checks in, registers and gives feedback only for themselves.
import type { Prisma } from '@lianjian/db';
import { builder, type Types } from '../../../graphql/builder.js';
import { byIdField, inputMutation, listField, recordMutation, rowMutation, subtreeList, underUnit } from '../../../graphql/rows.js';
import { assertCanSeeMember, listRoot } from '../../../shared/access.js';
import { visibleRoot } from '../../../shared/principal.js';
import type { Context } from '../../../shared/context.js';
import { badArgument, notFound } from '../../../shared/errors.js';
import { requireUuid } from '../../../shared/ids.js';
import { assertCanSeeMeeting, visibleMeetingsWhere } from '../access.js';
import { chinaDayStart } from '../cadence.js';
import { meetingCompliance } from '../compliance.js';
import * as svc from '../service.js';
import { AttachmentInputRef } from '../../attachments/schema/index.js';
import { MAX_ATTACHMENTS } from '../../attachments/service.js';
import { AttendanceStatusEnum, CheckInSession, MeetingComplianceReport, MeetingKindEnum, MeetingStatusEnum } from './types.js';

// ───────────── queries ─────────────

interface MeetingListArgs {
  under?: string | number | null;
  kind?: Prisma.MeetingWhereInput['kind'] | null;
  status?: Prisma.MeetingWhereInput['status'] | null;
  from?: Date | null;
  to?: Date | null;
}

const DAY_MS = 86_400_000;

async function meetingWhere(ctx: Context, args: MeetingListArgs): Promise<Prisma.MeetingWhereInput> {
  const under = await underUnit(ctx, args.under);
  const root = listRoot(ctx, under);
  const where: Prisma.MeetingWhereInput = { AND: [await visibleMeetingsWhere(ctx, root, under?.path ?? null)] };
  if (args.kind) where.kind = args.kind;
  if (args.status) where.status = args.status;
  if (args.from && args.to && args.to < args.from) throw badArgument('to', 'must not be before from.', '结束日期不能早于开始日期。');
  const at: Prisma.DateTimeFilter = {};
  if (args.from) at.gte = chinaDayStart(args.from.toISOString().slice(0, 10));
  if (args.to) at.lt = new Date(chinaDayStart(args.to.toISOString().slice(0, 10)).getTime() + DAY_MS);
  if (args.from || args.to) where.scheduledAt = at;
  return where;
}

const CompliancePeriodInput = builder.inputType('CompliancePeriodInput', {
  description: 'Calendar days (China time), both included; widened to whole months or quarters per kind',
  fields: (t) => ({
    from: t.field({ type: 'Date', required: true }),
    to: t.field({ type: 'Date', required: true }),
  }),
});

builder.queryFields((t) => ({
  meeting: byIdField(t, 'Meeting', { what: ['Meeting', '会议'], description: 'One meeting: of your subtree, or (members) of your unit or a unit above it', check: assertCanSeeMeeting }),
  meetings: subtreeList(t, 'Meeting', {
    description: 'Meetings, latest first: of a subtree for staff and partners; of their own unit and those above it for members',
    under: 'Org unit whose subtree to list; default: all you may see',
    args: {
      kind: t.arg({ type: MeetingKindEnum }),
      status: t.arg({ type: MeetingStatusEnum }),
      from: t.arg({ type: 'Date', description: 'Starting on or after this day (China time)' }),
      to: t.arg({ type: 'Date', description: 'Starting on or before this day (China time)' }),
    },
    where: meetingWhere,
    orderBy: [{ scheduledAt: 'desc' }, { id: 'asc' }],
  }),
  memberAttendance: listField(t, 'Attendance', {
    description: 'A member’s attendance, latest first: your own, or (staff) of a member in your subtree at meetings of your subtree',
    args: { memberId: t.arg.id({ required: true }) },
    where: attendanceWhere,
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
  }),
  meetingCompliance: t.field({
    type: MeetingComplianceReport,
    description: 'Required, held, due and overdue meetings per branch of the subtree and kind (三会一课、主题党日、组织生活会、谈心谈话), and their sums over the whole subtree',
    args: {
      unitId: t.arg.id({ required: true }),
      period: t.arg({ type: CompliancePeriodInput, required: true }),
    },
    authScopes: { $any: { staff: true, partner: 'Meeting:read' } },
    resolve: (_root, args, ctx) => meetingCompliance(ctx, args.unitId, args.period.from, args.period.to),
  }),
}));

async function attendanceWhere(ctx: Context, args: { memberId: string | number }): Promise<Prisma.AttendanceWhereInput> {
  const memberId = requireUuid('memberId', args.memberId);
  const member = await ctx.prisma.member.findUnique({ where: { id: memberId }, select: { orgUnit: { select: { path: true } } } });
  if (!member) throw notFound('Member', '党员', memberId);
  assertCanSeeMember(ctx, { id: memberId, unitPath: member.orgUnit.path });
  const p = ctx.principal;
  if (p.kind === 'account' && p.memberId === memberId) return { memberId };
  // Staff see the member's attendance at meetings they are responsible for.
  const root = visibleRoot(p);
  return root === null ? { memberId } : { memberId, orgUnit: { path: { startsWith: root } } };
}

// ───────────── mutations ─────────────

/** What describes a meeting in every input that plans or enters one (the times' rules differ). */
function meetingFields(t: PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>, times: { startsAt?: string; endsAt?: string }) {
  return {
    kind: t.field({ type: MeetingKindEnum, required: true }),
    title: t.string({ required: true }),
    agenda: t.string(),
    place: t.string(),
    startsAt: t.field({ type: 'DateTime', required: true, description: times.startsAt }),
    endsAt: t.field({ type: 'DateTime', required: true, description: times.endsAt }),
  };
}

// A meeting being planned lies ahead; one entered afterwards (PastMeetingInput) has no such rule.
const AHEAD = { startsAt: 'Must be in the future', endsAt: 'After startsAt, within 24 hours' };

const PlanMeetingInput = builder.inputType('PlanMeetingInput', {
  description: 'A meeting to plan (saved as DRAFT). The unit must fit the kind: a party group meeting is held by a GROUP, a party lecture by a branch or a unit above, the other kinds by a BRANCH.',
  fields: (t) => ({ unitId: t.id({ required: true }), ...meetingFields(t, AHEAD) }),
});

const AttendanceEntryInput = builder.inputType('AttendanceEntryInput', {
  fields: (t) => ({
    memberId: t.id({ required: true }),
    status: t.field({ type: AttendanceStatusEnum, required: true }),
    note: t.string({ description: 'E.g. the reason for leave (请假事由)' }),
  }),
});

const UpdateMeetingInput = builder.inputType('UpdateMeetingInput', {
  description: 'A draft’s new fields (its unit stays); the same rules as planning',
  fields: (t) => meetingFields(t, AHEAD),
});

const PastMeetingInput = builder.inputType('PastMeetingInput', {
  description: 'A meeting that already took place (补录): it ended before now and started within the last 12 months',
  fields: (t) => ({
    unitId: t.id({ required: true }),
    ...meetingFields(t, {}),
    minutes: t.string({ required: true }),
    attendance: t.field({ type: [AttendanceEntryInput], description: 'Optional: attendance can also be recorded afterwards with recordAttendance' }),
  }),
});

builder.mutationFields((t) => ({
  planMeeting: inputMutation(t, 'Meeting', PlanMeetingInput, { description: 'Plans a meeting (DRAFT, version 1)', write: svc.planMeeting }),
  updateMeeting: recordMutation(t, 'Meeting', {
    description: 'Changes a DRAFT meeting’s fields (a new version)',
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateMeetingInput, required: true }) },
    write: (ctx, args) => svc.updateMeeting(ctx, args.id, args.input),
  }),
  recordPastMeeting: inputMutation(t, 'Meeting', PastMeetingInput, {
    description: 'Enters a meeting that already took place (补录) with its minutes and attendance: COMPLETED, recordedAfterwards, counted by compliance',
    write: svc.recordPastMeeting,
  }),
  endMeeting: rowMutation(t, 'Meeting', { description: 'Ends a meeting under way now (records the actual end, closes check-in); minutes are then accepted', write: svc.endMeeting }),
  publishMeeting: rowMutation(t, 'Meeting', { description: 'DRAFT → PUBLISHED: members see it and may register', write: svc.publishMeeting }),
  cancelMeeting: recordMutation(t, 'Meeting', {
    description: 'DRAFT or PUBLISHED → CANCELLED, with the reason',
    args: { id: t.arg.id({ required: true }), reason: t.arg.string({ required: true }) },
    write: (ctx, args) => svc.cancelMeeting(ctx, args.id, args.reason),
  }),
  openCheckIn: t.field({
    type: CheckInSession,
    description: 'Opens check-in (from an hour before the start until the end) with a fresh 6-digit code valid for `validMinutes` (default 15, at most 240); the first opening makes the meeting IN_PROGRESS',
    args: { id: t.arg.id({ required: true }), validMinutes: t.arg.int() },
    authScopes: { writer: true },
    resolve: (_root, args, ctx) => svc.openCheckIn(ctx, args.id, args.validMinutes),
  }),
  checkIn: recordMutation(t, 'Attendance', {
    description: 'Checks yourself in with the code the secretary shows (or the QR payload). Wrong codes are limited: 5 per 10 minutes.',
    args: { meetingId: t.arg.id(), code: t.arg.string(), qr: t.arg.string() },
    authScopes: { signedIn: true },
    write: (ctx, args) => svc.checkIn(ctx, args),
  }),
  recordAttendance: t.prismaField({
    type: ['Attendance'],
    description: 'Marks members of the unit present, late, excused or absent (a changed mark is a new version)',
    args: { meetingId: t.arg.id({ required: true }), entries: t.arg({ type: [AttendanceEntryInput], required: true }) },
    authScopes: { writer: true },
    resolve: async (query, _root, args, ctx) => {
      const rows = await svc.recordAttendance(ctx, args.meetingId, args.entries);
      const loaded = await ctx.prisma.attendance.findMany({ ...query, where: { id: { in: rows.map((r) => r.id) } } });
      const byId = new Map(loaded.map((r) => [r.id, r]));
      return rows.map((r) => byId.get(r.id)!);
    },
  }),
  recordMinutes: recordMutation(t, 'Meeting', {
    description: 'Records (or amends) the minutes after the meeting has ended; the meeting becomes COMPLETED and counts as held',
    args: {
      id: t.arg.id({ required: true }),
      minutes: t.arg.string({ required: true }),
      attachments: t.arg({ type: [AttachmentInputRef], description: `Files uploaded with POST /files (at most ${MAX_ATTACHMENTS}): their hashes go into the meeting’s record; omitted keeps those already attached, [] removes them` }),
    },
    write: (ctx, args) => svc.recordMinutes(ctx, args.id, args.minutes, args.attachments),
  }),
  registerForMeeting: recordMutation(t, 'MeetingRegistration', {
    description: 'Registers yourself for a published meeting you may attend',
    args: { meetingId: t.arg.id({ required: true }) },
    authScopes: { signedIn: true },
    write: (ctx, args) => svc.registerForMeeting(ctx, args.meetingId),
  }),
  submitMeetingFeedback: recordMutation(t, 'MeetingFeedback', {
    description: 'Rates a meeting you attended, 1–5 with an optional comment; once per meeting',
    args: { meetingId: t.arg.id({ required: true }), rating: t.arg.int({ required: true }), comment: t.arg.string() },
    authScopes: { signedIn: true },
    write: (ctx, args) => svc.submitMeetingFeedback(ctx, args.meetingId, args.rating, args.comment),
  }),
}));
