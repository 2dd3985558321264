// Organisational life on the web: the kinds, statuses and who may attend (mirroring the API's
// api/src/meetings/cadence.ts RULES), China-time form values, and the GraphQL selections.
import { PROOF_FIELDS, type ProofNode } from './fragments';
import type { FieldError } from './meetings-form';

/** Who plans and runs meetings, votes and decisions (the API: ADMIN, or SECRETARY of the unit). */
export const WRITER_ROLES = ['SECRETARY', 'ADMIN'] as const;

export const MEETING_KINDS = ['BRANCH_GENERAL', 'BRANCH_COMMITTEE', 'PARTY_GROUP', 'PARTY_LECTURE', 'THEMED_DAY'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const MEETING_STATUSES = ['DRAFT', 'PUBLISHED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const ATTENDANCE_STATUSES = ['PRESENT', 'LATE', 'EXCUSED', 'ABSENT'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const isMeetingKind = (v: unknown): v is MeetingKind => typeof v === 'string' && (MEETING_KINDS as readonly string[]).includes(v);
export const isMeetingStatus = (v: unknown): v is MeetingStatus => typeof v === 'string' && (MEETING_STATUSES as readonly string[]).includes(v);
export const isAttendanceStatus = (v: unknown): v is AttendanceStatus => typeof v === 'string' && (ATTENDANCE_STATUSES as readonly string[]).includes(v);

const PARTY_MEMBERS = ['PROBATIONARY', 'FULL'];
/** Member stages admitted to each kind (the API checks again; this only picks whom to list). */
export const ATTENDING_STAGES: Record<MeetingKind, readonly string[]> = {
  BRANCH_GENERAL: PARTY_MEMBERS,
  BRANCH_COMMITTEE: PARTY_MEMBERS,
  PARTY_GROUP: PARTY_MEMBERS,
  PARTY_LECTURE: ['APPLICANT', 'ACTIVIST', 'CANDIDATE', 'PROBATIONARY', 'FULL'],
  THEMED_DAY: PARTY_MEMBERS,
};

const CHINA_OFFSET_MS = 8 * 3600_000;

/** A `datetime-local` value read as China time (UTC+8), as an ISO instant; null when malformed. */
export function chinaLocalToIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const ms = Date.parse(`${value}:00+08:00`);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/** An instant as a `datetime-local` value in China time. */
export function isoToChinaLocal(iso: string | number): string {
  const ms = typeof iso === 'number' ? iso : Date.parse(iso);
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 16);
}

export const MEETING_FIELDS = `id version orgUnitId orgUnitName kind kindZh title agenda location scheduledAt durationMinutes startsAt endsAt
  status publishedAt startedAt endedAt minutes minutesRecordedAt recordedAfterwards cancelReason checkInOpen ${PROOF_FIELDS}`;

export interface MeetingNode {
  id: string;
  version: number;
  orgUnitId: string;
  orgUnitName: string;
  kind: MeetingKind;
  kindZh: string;
  title: string;
  agenda: string | null;
  location: string | null;
  scheduledAt: string;
  durationMinutes: number;
  startsAt: string;
  endsAt: string;
  status: MeetingStatus;
  publishedAt: string | null;
  startedAt: string | null;
  endedAt: string | null;
  minutes: string | null;
  minutesRecordedAt: string | null;
  recordedAfterwards: boolean;
  cancelReason: string | null;
  checkInOpen: boolean;
  proof: ProofNode;
}

/** Meeting fields the page shows that the record document holds under the same names. */
export function meetingProvenFields(m: MeetingNode): Record<string, unknown> {
  return { kind: m.kind, title: m.title, status: m.status, durationMinutes: m.durationMinutes };
}

/** Whether a meeting has begun and ended, as of `now` (read once by the loader, so server and browser agree). */
export function meetingTimes(m: Pick<MeetingNode, 'status' | 'startsAt' | 'endsAt' | 'endedAt'>, now: number): { started: boolean; ended: boolean } {
  const ended = m.status === 'COMPLETED' || m.endedAt !== null || now >= Date.parse(m.endsAt);
  return { started: ended || now >= Date.parse(m.startsAt), ended };
}

export interface CheckInShown {
  code: string;
  qrPayload: string;
  expiresAt: string;
}

/**
 * A meeting's fields as the plan and edit forms post them, with an error per field the API would
 * refuse for its shape (times in China time, a known kind); one reading for both forms.
 */
export function postedMeetingFields(text: (name: string) => string): {
  fields: { kind: string; title: string; agenda: string | null; place: string | null; startsAt: string | null; endsAt: string | null };
  bad: FieldError[];
} {
  const kind = text('kind');
  const startsAt = chinaLocalToIso(text('startsAt'));
  const endsAt = chinaLocalToIso(text('endsAt'));
  const bad = [
    ...(startsAt ? [] : [{ field: 'startsAt', message: 'is not a date and time.', messageZh: '请填写日期和时间。' }]),
    ...(endsAt ? [] : [{ field: 'endsAt', message: 'is not a date and time.', messageZh: '请填写日期和时间。' }]),
    ...(isMeetingKind(kind) ? [] : [{ field: 'kind', message: 'is not a kind of meeting.', messageZh: '请选择会议类型。' }]),
  ];
  return { fields: { kind, title: text('title'), agenda: text('agenda') || null, place: text('place') || null, startsAt, endsAt }, bad };
}
