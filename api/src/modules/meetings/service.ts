// Organisational life: planning, publishing, cancelling, check-in, attendance, minutes,
// registration and feedback. Every change writes the row's next version and its record document
// in one transaction (a Meeting's check-in code and expiry are private columns: changing only
// them is not a new version). Attendance earns points under its kind's rule (ATTENDANCE_RULE) in the same transaction.
//
// Meeting status: DRAFT → PUBLISHED → IN_PROGRESS (check-in opened, or ended early) → COMPLETED
// (minutes recorded); DRAFT or PUBLISHED → CANCELLED. Attendance may also be recorded by hand once
// the meeting has started, and minutes after its end (scheduled, or recorded by "end now"). A
// meeting that already took place may be entered afterwards (补录) straight as COMPLETED.
import { Prisma, type Attendance, type AttendanceStatus, type Meeting, type MeetingFeedback, type MeetingKind, type MeetingRegistration, type Member, type MeetingStatus, type OrgUnit } from '@lianjian/db';
import { assertCanWriteUnit } from '../../shared/access.js';
import type { Context } from '../../shared/context.js';
import { badArgument, conflict, FieldErrors, forbidden, isUniqueViolation, notFound, rateLimited } from '../../shared/errors.js';
import { requireUuid, type Id } from '../../shared/ids.js';
import { awardPoints } from '../points/award.js';
import { writeRecord, type Tx } from '../../shared/records/write.js';
import { writeVersionIfUnchanged } from '../../shared/records/versions.js';
import { assertCanSeeMeeting } from './access.js';
import { RULES } from './cadence.js';
import {
  codeMatches,
  DEFAULT_CHECK_IN_MINUTES,
  hashCode,
  LATE_AFTER_MS,
  MAX_CHECK_IN_MINUTES,
  newCode,
  OPENS_BEFORE_START_MS,
  parseQr,
  qrPayload,
  wrongCodes,
} from './check-in.js';
import { refuse, wrongStatus } from './errors.js';
import { attachmentsJson, resolveAttachments, type AttachmentInput } from '../attachments/service.js';

const MAX_TITLE = 200;
const MAX_PLACE = 200;
const MAX_AGENDA = 5000;
const MAX_MINUTES_TEXT = 20000;
const MAX_COMMENT = 2000;
const MAX_DURATION_MS = 24 * 3600_000;
const MAX_ATTENDANCE_ENTRIES = 500;

type MeetingWithUnit = Meeting & { orgUnit: OrgUnit };

export function endsAt(m: Pick<Meeting, 'scheduledAt' | 'durationMinutes'>): Date {
  return new Date(m.scheduledAt.getTime() + m.durationMinutes * 60_000);
}

const clean = (v: string | null | undefined) => (v == null || v.trim() === '' ? null : v.trim());

/** The day (China calendar) of an instant, as a UTC-midnight Date (what awardPoints reads). */
function chinaDay(at: Date): Date {
  const d = new Date(at.getTime() + 8 * 3600_000);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

async function loadMeeting(ctx: Context, id: string | number, field = 'id'): Promise<MeetingWithUnit> {
  const meetingId = requireUuid(field, id);
  const m = await ctx.prisma.meeting.findUnique({ where: { id: meetingId }, include: { orgUnit: true } });
  if (!m) throw notFound('Meeting', '会议', meetingId);
  return m;
}

/** A meeting the caller may change: ADMIN, or SECRETARY of a subtree holding its unit. */
async function meetingToChange(ctx: Context, id: string | number): Promise<MeetingWithUnit> {
  const m = await loadMeeting(ctx, id);
  assertCanWriteUnit(ctx, m.orgUnit);
  return m;
}

function requireStatus(m: Meeting, allowed: readonly MeetingStatus[], action: string, actionZh: string): void {
  if (!allowed.includes(m.status)) throw wrongStatus(action, actionZh, m.status, allowed);
}

/** Writes the meeting's next version (refusing if another change got there first) and its record. */
function nextMeetingVersion(tx: Tx, ctx: Context, m: Meeting, data: Prisma.MeetingUncheckedUpdateInput): Promise<Meeting> {
  return writeVersionIfUnchanged(tx, ctx, 'Meeting', m, data, () =>
    conflict('This meeting was changed by someone else at the same time; reload it and try again.', '该会议刚被他人修改，请刷新后重试。', { meetingId: m.id }),
  );
}

// ───────────── eligibility ─────────────

interface EligibilityFacts {
  member: Pick<Member, 'id' | 'status' | 'stage' | 'orgUnitId'> & { orgUnit: { path: string } };
  meeting: MeetingWithUnit;
}

/** Why a member may not attend the meeting (English, Chinese), or null when they may. */
export function ineligibility({ member, meeting }: EligibilityFacts): [string, string] | null {
  const rule = RULES[meeting.kind];
  if (!member.orgUnit.path.startsWith(meeting.orgUnit.path)) return [`the member does not belong to ${meeting.orgUnit.name} or a unit under it`, `该党员不属于${meeting.orgUnit.name}或其下级组织`];
  if (member.status !== 'ACTIVE') return [`the member's status is ${member.status}`, `该党员状态为 ${member.status}`];
  if (!rule.stages.includes(member.stage)) return [`a ${rule.en} is for ${rule.stages.join('/')} members, not ${member.stage}`, `${rule.zh}仅限${rule.stages.join('/')}参加，该人员为 ${member.stage}`];
  return null;
}

const MEMBER_FACTS = { id: true, status: true, stage: true, orgUnitId: true, orgUnit: { select: { path: true } } } as const;

/** The caller's own member record and a meeting they may see (members act only for themselves). */
async function selfAndMeeting(ctx: Context, meetingId: string | number, field = 'meetingId') {
  const p = ctx.principal;
  if (p.kind !== 'account' || !p.memberId) {
    throw forbidden('Only an account linked to a member record can do this for itself.', '只有关联了党员档案的账号才能为本人办理此事项。');
  }
  const meeting = await loadMeeting(ctx, meetingId, field);
  await assertCanSeeMeeting(ctx, meeting);
  const member = await ctx.prisma.member.findUniqueOrThrow({ where: { id: p.memberId }, select: MEMBER_FACTS });
  return { member, meeting };
}

function notEligible(why: [string, string], meetingId: string): Error {
  return refuse('NOT_ELIGIBLE', `Not eligible for this meeting: ${why[0]}.`, `不符合参加该会议的条件：${why[1]}。`, { meetingId });
}

// ───────────── planning ─────────────

export interface PlanInput {
  kind: MeetingKind;
  title: string;
  agenda?: string | null;
  place?: string | null;
  startsAt: Date;
  endsAt: Date;
  unitId: Id;
}

/** A meeting already held may be entered afterwards (补录) if it took place within this long. */
export const RECORD_AFTER_MAX_MS = 366 * 24 * 3600_000;

async function writableUnit(ctx: Context, id: string | number): Promise<OrgUnit> {
  const unitId = requireUuid('input.unitId', id);
  const unit = await ctx.prisma.orgUnit.findUnique({ where: { id: unitId } });
  if (!unit) throw badArgument('input.unitId', `names org unit ${unitId}, which does not exist.`, `指向的组织 ${unitId} 不存在。`);
  assertCanWriteUnit(ctx, unit);
  return unit;
}

/** Checks a meeting's fields (ahead: planned for the future; held: already over); returns them cleaned. */
function checkedFields(input: Omit<PlanInput, 'unitId'>, unit: OrgUnit, now: Date, when: 'ahead' | 'held', errors = new FieldErrors()) {
  const rule = RULES[input.kind];
  const title = clean(input.title);
  if (!title) errors.add('input.title', 'is required.', '必须填写。');
  else if (title.length > MAX_TITLE) errors.add('input.title', `must be at most ${MAX_TITLE} characters.`, `不能超过 ${MAX_TITLE} 个字符。`);
  if ((clean(input.agenda)?.length ?? 0) > MAX_AGENDA) errors.add('input.agenda', `must be at most ${MAX_AGENDA} characters.`, `不能超过 ${MAX_AGENDA} 个字符。`);
  if ((clean(input.place)?.length ?? 0) > MAX_PLACE) errors.add('input.place', `must be at most ${MAX_PLACE} characters.`, `不能超过 ${MAX_PLACE} 个字符。`);
  if (when === 'ahead' && input.startsAt.getTime() <= now.getTime()) errors.add('input.startsAt', 'is in the past: a meeting is planned for a time still ahead.', '已经过去：只能为将来的时间安排会议。');
  if (when === 'held' && input.endsAt.getTime() > now.getTime()) errors.add('input.endsAt', 'is still ahead: only a meeting that has already ended can be recorded afterwards.', '尚未到来：只能补录已经结束的会议。');
  if (when === 'held' && input.startsAt.getTime() < now.getTime() - RECORD_AFTER_MAX_MS) errors.add('input.startsAt', 'is more than 12 months ago: a meeting is recorded afterwards within 12 months.', '超过 12 个月：只能补录 12 个月内召开的会议。');
  const duration = input.endsAt.getTime() - input.startsAt.getTime();
  if (duration <= 0) errors.add('input.endsAt', 'must be after startsAt.', '必须晚于开始时间。');
  else if (duration > MAX_DURATION_MS) errors.add('input.endsAt', 'must be within 24 hours of startsAt.', '会议时长不能超过 24 小时。');
  else if (duration % 60_000 !== 0) errors.add('input.endsAt', 'must be a whole number of minutes after startsAt.', '与开始时间的间隔必须为整分钟。');
  if (!rule.heldBy.includes(unit.kind)) {
    errors.add(
      'input.unitId',
      `a ${rule.en} is held by a ${rule.heldBy.join(' or ')} unit; ${unit.name} is a ${unit.kind}.`,
      `${rule.zh}应由${rule.heldBy.join('或')}类组织召开；${unit.name} 是 ${unit.kind}。`,
    );
  }
  if (unit.dissolvedOn) errors.add('input.unitId', `names ${unit.name}, which was dissolved.`, `${unit.name} 已撤销。`);
  errors.throwIfAny();
  return { kind: input.kind, title: title!, agenda: clean(input.agenda), location: clean(input.place), scheduledAt: input.startsAt, durationMinutes: duration / 60_000 };
}

export async function planMeeting(ctx: Context, input: PlanInput): Promise<Meeting> {
  const unit = await writableUnit(ctx, input.unitId);
  const fields = checkedFields(input, unit, ctx.config.now(), 'ahead');
  return ctx.prisma.$transaction(async (tx) => {
    const row = await tx.meeting.create({
      data: { ...fields, orgUnitId: unit.id, status: 'DRAFT', createdById: ctx.principal.kind === 'account' ? ctx.principal.accountId : null },
    });
    await writeRecord(tx, ctx, 'Meeting', row);
    return row;
  });
}

/** A draft's fields may change until it is published; its unit stays. */
export async function updateMeeting(ctx: Context, id: string | number, input: Omit<PlanInput, 'unitId'>): Promise<Meeting> {
  const m = await meetingToChange(ctx, id);
  requireStatus(m, ['DRAFT'], 'edit the meeting', '修改会议');
  const fields = checkedFields(input, m.orgUnit, ctx.config.now(), 'ahead');
  return ctx.prisma.$transaction((tx) => nextMeetingVersion(tx, ctx, m, fields));
}

export interface PastMeetingInput extends PlanInput {
  minutes: string;
  attendance?: readonly AttendanceEntry[] | null;
}

/**
 * Enters a meeting that already took place (补录), with its minutes and any attendance, as
 * COMPLETED and marked recordedAfterwards in its record, so compliance counts it and a reader
 * of the record can tell it from one run through check-in.
 */
export async function recordPastMeeting(ctx: Context, input: PastMeetingInput): Promise<Meeting> {
  const unit = await writableUnit(ctx, input.unitId);
  const now = ctx.config.now();
  const errors = new FieldErrors();
  const text = clean(input.minutes);
  if (!text) errors.add('input.minutes', 'is required: a meeting recorded afterwards needs its minutes.', '必须填写：补录会议需要会议纪要。');
  else if (text.length > MAX_MINUTES_TEXT) errors.add('input.minutes', `must be at most ${MAX_MINUTES_TEXT} characters.`, `不能超过 ${MAX_MINUTES_TEXT} 个字符。`);
  const fields = checkedFields(input, unit, now, 'held', errors);
  const draft = { ...fields, orgUnit: unit, orgUnitId: unit.id } as MeetingWithUnit;
  const entries = input.attendance ?? [];
  const checked = entries.length > 0 ? await checkedAttendance(ctx, draft, entries, 'input.attendance') : null;
  return ctx.prisma.$transaction(
    async (tx) => {
      const row = await tx.meeting.create({
        data: {
          ...fields,
          orgUnitId: unit.id,
          status: 'COMPLETED',
          startedAt: fields.scheduledAt,
          endedAt: endsAt(fields),
          minutes: text,
          minutesRecordedAt: now,
          recordedAfterwards: true,
          createdById: ctx.principal.kind === 'account' ? ctx.principal.accountId : null,
        },
      });
      await writeRecord(tx, ctx, 'Meeting', row);
      if (checked) await writeAttendance(tx, ctx, row, entries, checked, now);
      return row;
    },
    { timeout: 30_000 },
  );
}

export async function publishMeeting(ctx: Context, id: string | number): Promise<Meeting> {
  const m = await meetingToChange(ctx, id);
  requireStatus(m, ['DRAFT'], 'publish the meeting', '发布会议');
  if (m.scheduledAt.getTime() <= ctx.config.now().getTime()) {
    throw refuse('MEETING_IN_PAST', 'Cannot publish a meeting whose start has passed; plan a new one.', '会议开始时间已过，不能发布；请重新安排。', { startsAt: m.scheduledAt.toISOString() });
  }
  return ctx.prisma.$transaction((tx) => nextMeetingVersion(tx, ctx, m, { status: 'PUBLISHED', publishedAt: ctx.config.now() }));
}

/** The reason is kept as the cancelled meeting's minutes (the schema has no column of its own for it). */
export async function cancelMeeting(ctx: Context, id: string | number, reason: string): Promise<Meeting> {
  const m = await meetingToChange(ctx, id);
  const why = clean(reason);
  if (!why || why.length < 2) throw badArgument('reason', 'is required: say why the meeting is cancelled.', '必须填写取消会议的原因。');
  if (why.length > 500) throw badArgument('reason', 'must be at most 500 characters.', '不能超过 500 个字符。');
  requireStatus(m, ['DRAFT', 'PUBLISHED'], 'cancel the meeting', '取消会议');
  const now = ctx.config.now();
  return ctx.prisma.$transaction((tx) => nextMeetingVersion(tx, ctx, m, { status: 'CANCELLED', minutes: why, minutesRecordedAt: now, checkInCode: null, checkInExpiresAt: null }));
}

// ───────────── check-in ─────────────

export interface OpenedCheckIn {
  meeting: Meeting;
  code: string;
  qrPayload: string;
  expiresAt: Date;
}

export async function openCheckIn(ctx: Context, id: string | number, validMinutes: number | null | undefined): Promise<OpenedCheckIn> {
  const m = await meetingToChange(ctx, id);
  const minutes = validMinutes ?? DEFAULT_CHECK_IN_MINUTES;
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_CHECK_IN_MINUTES) {
    throw badArgument('validMinutes', `must be a whole number of minutes from 1 to ${MAX_CHECK_IN_MINUTES}.`, `应为 1 到 ${MAX_CHECK_IN_MINUTES} 之间的整数分钟。`);
  }
  requireStatus(m, ['PUBLISHED', 'IN_PROGRESS'], 'open check-in', '开启签到');
  const now = ctx.config.now();
  if (now.getTime() < m.scheduledAt.getTime() - OPENS_BEFORE_START_MS) {
    throw refuse('MEETING_NOT_STARTED', 'Check-in opens at most one hour before the meeting starts.', '签到最早在会议开始前一小时开启。', { startsAt: m.scheduledAt.toISOString() });
  }
  if (m.endedAt || now.getTime() >= endsAt(m).getTime()) {
    throw refuse('MEETING_IN_PAST', 'The meeting has ended: record attendance by hand instead of opening check-in.', '会议已结束，不能开启签到；请手工登记出勤。', { endsAt: endsAt(m).toISOString() });
  }
  const code = newCode();
  const expiresAt = new Date(now.getTime() + minutes * 60_000);
  const secret = { checkInCode: hashCode(m.id, code), checkInExpiresAt: expiresAt };
  const meeting = await ctx.prisma.$transaction(async (tx) => {
    if (m.status === 'PUBLISHED') return nextMeetingVersion(tx, ctx, m, { ...secret, status: 'IN_PROGRESS', startedAt: now });
    // A new code for a meeting already in progress changes private columns only: no new version.
    const n = await tx.meeting.updateMany({ where: { id: m.id, version: m.version }, data: secret });
    if (n.count !== 1) throw conflict('This meeting was changed by someone else at the same time; reload it and try again.', '该会议刚被他人修改，请刷新后重试。');
    return tx.meeting.findUniqueOrThrow({ where: { id: m.id } });
  });
  return { meeting, code, qrPayload: qrPayload(m.id, code, expiresAt), expiresAt };
}

export interface CheckInArgs {
  meetingId?: string | number | null;
  code?: string | null;
  qr?: string | null;
}

export async function checkIn(ctx: Context, args: CheckInArgs): Promise<Attendance> {
  let meetingId = args.meetingId;
  let code = args.code?.trim() ?? null;
  let method: 'CODE' | 'QR' = 'CODE';
  if (args.qr != null) {
    const qr = parseQr(args.qr);
    if (!qr) throw badArgument('qr', 'is not a check-in QR code of this system.', '不是本系统的签到二维码。');
    if (meetingId != null && requireUuid('meetingId', meetingId) !== qr.meetingId) throw badArgument('qr', 'belongs to another meeting.', '属于另一场会议。');
    meetingId = qr.meetingId;
    code = qr.code;
    method = 'QR';
  }
  if (meetingId == null) throw badArgument('meetingId', 'is required (or scan the QR code).', '必须提供会议 ID（或扫描签到二维码）。');
  if (!code) throw badArgument('code', 'is required: enter the code the secretary shows (or scan the QR code).', '必须填写书记出示的签到码（或扫描签到二维码）。');
  if (!/^\d{6}$/.test(code)) throw badArgument('code', 'is six digits.', '签到码为 6 位数字。');

  const { member, meeting } = await selfAndMeeting(ctx, meetingId);
  const why = ineligibility({ member, meeting });
  if (why) throw notEligible(why, meeting.id);
  const existing = await ctx.prisma.attendance.findUnique({ where: { meetingId_memberId: { meetingId: meeting.id, memberId: member.id } } });
  if (existing && (existing.status === 'PRESENT' || existing.status === 'LATE')) {
    throw refuse('ALREADY_CHECKED_IN', 'You are already checked in to this meeting.', '您已签到，无需重复签到。', { attendanceId: existing.id });
  }
  const now = ctx.config.now();
  const limitKey = `member:${member.id}`;
  const wait = wrongCodes.retryAfter(limitKey, now);
  if (wait > 0) {
    throw rateLimited(wait, `Too many wrong check-in codes; try again in ${wait} seconds.`, `签到码错误次数过多，请 ${wait} 秒后再试。`);
  }
  if (meeting.status !== 'IN_PROGRESS' || !meeting.checkInCode || !meeting.checkInExpiresAt) {
    throw refuse('CHECK_IN_CLOSED', 'Check-in for this meeting is not open.', '该会议尚未开启签到。', { status: meeting.status });
  }
  if (now.getTime() >= meeting.checkInExpiresAt.getTime()) {
    throw refuse('CHECK_IN_EXPIRED', 'This check-in code has expired; ask the secretary for a new one.', '签到码已过期，请向书记索取新的签到码。', { expiredAt: meeting.checkInExpiresAt.toISOString() });
  }
  if (!codeMatches(meeting.id, code, meeting.checkInCode)) {
    const left = wrongCodes.fail(limitKey, now);
    throw refuse('CHECK_IN_CODE_WRONG', 'The check-in code is wrong.', '签到码不正确。', { attemptsLeft: left });
  }
  const status: AttendanceStatus = now.getTime() > meeting.scheduledAt.getTime() + LATE_AFTER_MS ? 'LATE' : 'PRESENT';
  try {
    return await ctx.prisma.$transaction(async (tx) => {
      const row = existing
        ? await nextAttendanceVersion(tx, ctx, existing, { status, method, checkedInAt: now })
        : await tx.attendance.create({ data: { orgUnitId: meeting.orgUnitId, meetingId: meeting.id, memberId: member.id, status, method, checkedInAt: now } });
      if (!existing) await writeRecord(tx, ctx, 'Attendance', row);
      await awardAttendance(tx, ctx, row, member.orgUnitId, meeting);
      return row;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw refuse('ALREADY_CHECKED_IN', 'You are already checked in to this meeting.', '您已签到，无需重复签到。');
    throw err;
  }
}

function nextAttendanceVersion(tx: Tx, ctx: Context, a: Attendance, data: Prisma.AttendanceUncheckedUpdateInput): Promise<Attendance> {
  return writeVersionIfUnchanged(tx, ctx, 'Attendance', a, data, () =>
    conflict('This attendance was changed by someone else at the same time; reload and try again.', '该出勤记录刚被他人修改，请刷新后重试。'),
  );
}

/** The points rule attendance is booked under: themed days and lectures have rules of their own (points/defaults.ts). */
export const ATTENDANCE_RULE: Readonly<Record<MeetingKind, string | null>> = {
  BRANCH_GENERAL: 'MEETING_ATTENDED',
  BRANCH_COMMITTEE: 'MEETING_ATTENDED',
  PARTY_GROUP: 'MEETING_ATTENDED',
  PARTY_LECTURE: 'PARTY_LECTURE',
  THEMED_DAY: 'THEMED_DAY',
  // A 组织生活会 is organisational life like the branch's other meetings (参加组织生活).
  ORG_LIFE: 'MEETING_ATTENDED',
  // Being talked with (谈心谈话) is the committee's duty towards a member, not an activity the
  // member takes part in: its attendance records who was talked with and earns no points.
  HEART_TALK: null,
};

async function awardAttendance(tx: Tx, ctx: Context, a: Attendance, memberUnitId: string, meeting: Meeting): Promise<void> {
  const ruleCode = ATTENDANCE_RULE[meeting.kind];
  if (ruleCode === null || (a.status !== 'PRESENT' && a.status !== 'LATE')) return;
  await awardPoints(tx, ctx, {
    memberId: a.memberId,
    orgUnitId: memberUnitId,
    ruleCode,
    occurredOn: chinaDay(meeting.scheduledAt),
    sourceType: 'Attendance',
    sourceId: a.id,
    reason: `参加${RULES[meeting.kind].zh}：${meeting.title}`,
  });
}

// ───────────── attendance by the secretary ─────────────

export interface AttendanceEntry {
  memberId: string | number;
  status: AttendanceStatus;
  note?: string | null;
}

export async function recordAttendance(ctx: Context, meetingId: string | number, entries: readonly AttendanceEntry[]): Promise<Attendance[]> {
  const meeting = await meetingToChange(ctx, meetingId);
  requireStatus(meeting, ['PUBLISHED', 'IN_PROGRESS', 'COMPLETED'], 'record attendance', '登记出勤');
  const now = ctx.config.now();
  // Marking by hand earns points: nobody has attended a meeting that has not begun.
  if (now.getTime() < meeting.scheduledAt.getTime()) {
    throw refuse('MEETING_NOT_STARTED', 'Attendance is recorded once the meeting has started.', '会议开始后才能登记出勤。', { startsAt: meeting.scheduledAt.toISOString() });
  }
  const checked = await checkedAttendance(ctx, meeting, entries, 'entries');
  return ctx.prisma.$transaction((tx) => writeAttendance(tx, ctx, meeting, entries, checked, now), { timeout: 30_000 });
}

type MemberFacts = Pick<Member, 'id' | 'status' | 'stage' | 'orgUnitId'> & { orgUnit: { path: string } };

/** Validates attendance entries for the meeting; returns the member ids (as given order) and their facts. */
async function checkedAttendance(ctx: Context, meeting: MeetingWithUnit, entries: readonly AttendanceEntry[], at: string): Promise<{ ids: string[]; byId: Map<string, MemberFacts> }> {
  if (entries.length === 0 || entries.length > MAX_ATTENDANCE_ENTRIES) {
    throw badArgument(at, `must list 1 to ${MAX_ATTENDANCE_ENTRIES} members.`, `应列出 1 到 ${MAX_ATTENDANCE_ENTRIES} 名党员。`);
  }
  const errors = new FieldErrors();
  const ids = entries.map((e, i) => {
    const s = String(e.memberId);
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s)) errors.add(`${at}[${i}].memberId`, 'must be a member id (a UUID).', '应为党员 ID（UUID）。');
    return s.toLowerCase();
  });
  errors.throwIfAny();
  const members = await ctx.prisma.member.findMany({ where: { id: { in: ids } }, select: MEMBER_FACTS });
  const byId = new Map(members.map((m) => [m.id, m]));
  const seen = new Set<string>();
  entries.forEach((e, i) => {
    const id = ids[i]!;
    const field = `${at}[${i}]`;
    if (seen.has(id)) errors.add(`${field}.memberId`, 'is listed twice.', '重复列出。');
    seen.add(id);
    const m = byId.get(id);
    if (!m) errors.add(`${field}.memberId`, `names member ${id}, who does not exist.`, `党员 ${id} 不存在。`);
    else {
      const why = ineligibility({ member: m, meeting });
      if (why) errors.add(`${field}.memberId`, `is not eligible: ${why[0]}.`, `不符合参会条件：${why[1]}。`);
    }
    if ((clean(e.note)?.length ?? 0) > 500) errors.add(`${field}.note`, 'must be at most 500 characters.', '不能超过 500 个字符。');
  });
  errors.throwIfAny();
  return { ids, byId };
}

async function writeAttendance(tx: Tx, ctx: Context, meeting: Meeting, entries: readonly AttendanceEntry[], { ids, byId }: { ids: string[]; byId: Map<string, MemberFacts> }, now: Date): Promise<Attendance[]> {
  const existing = await tx.attendance.findMany({ where: { meetingId: meeting.id, memberId: { in: ids } } });
  const had = new Map(existing.map((a) => [a.memberId, a]));
  const out: Attendance[] = [];
  for (const [i, e] of entries.entries()) {
    const memberId = ids[i]!;
    const note = clean(e.note);
    const present = e.status === 'PRESENT' || e.status === 'LATE';
    const prev = had.get(memberId);
    let row: Attendance;
    if (!prev) {
      row = await tx.attendance.create({
        data: { orgUnitId: meeting.orgUnitId, meetingId: meeting.id, memberId, status: e.status, method: 'MANUAL', checkedInAt: present ? now : null, note },
      });
      await writeRecord(tx, ctx, 'Attendance', row);
    } else if (prev.status === e.status && (prev.note ?? null) === note) {
      row = prev; // unchanged: no new version
    } else {
      row = await nextAttendanceVersion(tx, ctx, prev, { status: e.status, method: 'MANUAL', checkedInAt: present ? (prev.checkedInAt ?? now) : null, note });
    }
    await awardAttendance(tx, ctx, row, byId.get(memberId)!.orgUnitId, meeting);
    out.push(row);
  }
  return out;
}

// ───────────── minutes ─────────────

/**
 * `attachments` (photos of the minutes, scanned sign-in sheets): omitted keeps what the minutes
 * already name, a list replaces it (empty: none); their hashes go into the meeting's record.
 */
export async function recordMinutes(ctx: Context, id: string | number, minutes: string, attachments?: AttachmentInput[] | null): Promise<Meeting> {
  const m = await meetingToChange(ctx, id);
  const text = clean(minutes);
  if (!text) throw badArgument('minutes', 'is required.', '必须填写会议记录。');
  if (text.length > MAX_MINUTES_TEXT) throw badArgument('minutes', `must be at most ${MAX_MINUTES_TEXT} characters.`, `不能超过 ${MAX_MINUTES_TEXT} 个字符。`);
  const errs = new FieldErrors();
  const files = attachments == null ? undefined : await resolveAttachments(ctx, errs, 'attachments', attachments);
  errs.throwIfAny();
  requireStatus(m, ['PUBLISHED', 'IN_PROGRESS', 'COMPLETED'], 'record minutes', '记录会议纪要');
  const now = ctx.config.now();
  const end = m.endedAt ?? endsAt(m);
  if (now.getTime() < end.getTime()) {
    throw refuse('MEETING_NOT_ENDED', 'Minutes are recorded after the meeting has ended (or once it is ended now).', '会议结束后（或点击“立即结束会议”后）才能记录会议纪要。', { endsAt: end.toISOString() });
  }
  return ctx.prisma.$transaction((tx) =>
    nextMeetingVersion(tx, ctx, m, {
      status: 'COMPLETED',
      minutes: text,
      ...(files === undefined ? {} : { minutesAttachments: attachmentsJson(files) ?? Prisma.DbNull }),
      minutesRecordedAt: now,
      startedAt: m.startedAt ?? m.scheduledAt,
      endedAt: m.endedAt ?? end,
      checkInCode: null,
      checkInExpiresAt: null,
    }),
  );
}

/** Ends a meeting that has started, before its scheduled end: records the actual end and closes check-in. */
export async function endMeeting(ctx: Context, id: string | number): Promise<Meeting> {
  const m = await meetingToChange(ctx, id);
  requireStatus(m, ['PUBLISHED', 'IN_PROGRESS'], 'end the meeting', '结束会议');
  const now = ctx.config.now();
  if (m.endedAt || now.getTime() >= endsAt(m).getTime()) {
    throw refuse('MEETING_IN_PAST', 'The meeting has already ended; record its minutes.', '会议已结束，请记录会议纪要。', { endsAt: (m.endedAt ?? endsAt(m)).toISOString() });
  }
  if (now.getTime() < m.scheduledAt.getTime()) {
    throw refuse('MEETING_NOT_STARTED', 'A meeting can be ended only after it has started.', '会议开始后才能结束会议。', { startsAt: m.scheduledAt.toISOString() });
  }
  return ctx.prisma.$transaction((tx) =>
    nextMeetingVersion(tx, ctx, m, { status: 'IN_PROGRESS', startedAt: m.startedAt ?? m.scheduledAt, endedAt: now, checkInCode: null, checkInExpiresAt: null }),
  );
}

// ───────────── members: registration and feedback ─────────────

export async function registerForMeeting(ctx: Context, meetingId: string | number): Promise<MeetingRegistration> {
  const { member, meeting } = await selfAndMeeting(ctx, meetingId);
  requireStatus(meeting, ['PUBLISHED'], 'register for the meeting', '报名参加会议');
  const why = ineligibility({ member, meeting });
  if (why) throw notEligible(why, meeting.id);
  const now = ctx.config.now();
  const prev = await ctx.prisma.meetingRegistration.findUnique({ where: { meetingId_memberId: { meetingId: meeting.id, memberId: member.id } } });
  if (prev?.status === 'REGISTERED') throw refuse('ALREADY_REGISTERED', 'You are already registered for this meeting.', '您已报名该会议。', { registrationId: prev.id });
  try {
    return await ctx.prisma.$transaction(async (tx) => {
      if (prev) {
        return writeVersionIfUnchanged(tx, ctx, 'MeetingRegistration', prev, { status: 'REGISTERED', registeredAt: now }, () =>
          conflict('Your registration changed at the same time; reload and try again.', '报名记录刚被修改，请刷新后重试。'),
        );
      }
      const row = await tx.meetingRegistration.create({ data: { orgUnitId: meeting.orgUnitId, meetingId: meeting.id, memberId: member.id, registeredAt: now } });
      await writeRecord(tx, ctx, 'MeetingRegistration', row);
      return row;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw refuse('ALREADY_REGISTERED', 'You are already registered for this meeting.', '您已报名该会议。');
    throw err;
  }
}

export async function submitMeetingFeedback(ctx: Context, meetingId: string | number, rating: number, comment: string | null | undefined): Promise<MeetingFeedback> {
  const errors = new FieldErrors();
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) errors.add('rating', 'must be a whole number from 1 to 5.', '应为 1 到 5 的整数。');
  const text = clean(comment);
  if ((text?.length ?? 0) > MAX_COMMENT) errors.add('comment', `must be at most ${MAX_COMMENT} characters.`, `不能超过 ${MAX_COMMENT} 个字符。`);
  errors.throwIfAny();
  const { member, meeting } = await selfAndMeeting(ctx, meetingId);
  const end = meeting.endedAt ?? endsAt(meeting);
  if (meeting.status !== 'COMPLETED' && ctx.config.now().getTime() < end.getTime()) {
    throw refuse('MEETING_NOT_ENDED', 'A meeting can be rated once it has ended.', '会议结束后才能评价。', { endsAt: end.toISOString() });
  }
  const attended = await ctx.prisma.attendance.findUnique({ where: { meetingId_memberId: { meetingId: meeting.id, memberId: member.id } }, select: { status: true } });
  if (!attended || (attended.status !== 'PRESENT' && attended.status !== 'LATE')) {
    throw refuse('NOT_ATTENDED', 'Only members who attended the meeting can give feedback on it.', '只有参加了会议的党员才能评价该会议。', { meetingId: meeting.id });
  }
  const dup = () => refuse('FEEDBACK_ALREADY_SUBMITTED', 'You have already given feedback on this meeting; it is given once.', '您已评价过该会议，每次会议只能评价一次。', { meetingId: meeting.id });
  if (await ctx.prisma.meetingFeedback.findUnique({ where: { meetingId_memberId: { meetingId: meeting.id, memberId: member.id } }, select: { id: true } })) throw dup();
  try {
    return await ctx.prisma.$transaction(async (tx) => {
      const row = await tx.meetingFeedback.create({ data: { orgUnitId: meeting.orgUnitId, meetingId: meeting.id, memberId: member.id, rating, comment: text } });
      await writeRecord(tx, ctx, 'MeetingFeedback', row);
      return row;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw dup();
    throw err;
  }
}
