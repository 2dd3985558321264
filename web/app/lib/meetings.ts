// Organisational life on the web: the kinds and statuses in the order the pages offer them (typed
// by the API's enums), who may attend (as the API's api/src/meetings/cadence.ts RULES), and the posted form.
import type { AttendanceStatus as ApiAttendanceStatus, MeetingFieldsFragment, MeetingKind as ApiMeetingKind, MeetingStatus as ApiMeetingStatus } from '../graphql/graphql';
import { chinaLocalToIso } from './china-time';
import type { FieldError } from './meetings-form';

export { chinaLocalToIso, isoToChinaLocal } from './china-time';

export const MEETING_KINDS = ['BRANCH_GENERAL', 'BRANCH_COMMITTEE', 'PARTY_GROUP', 'PARTY_LECTURE', 'THEMED_DAY', 'ORG_LIFE', 'HEART_TALK'] as const satisfies readonly ApiMeetingKind[];
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const MEETING_STATUSES = ['DRAFT', 'PUBLISHED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED'] as const satisfies readonly ApiMeetingStatus[];
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const ATTENDANCE_STATUSES = ['PRESENT', 'LATE', 'EXCUSED', 'ABSENT'] as const satisfies readonly ApiAttendanceStatus[];
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
  ORG_LIFE: PARTY_MEMBERS,
  HEART_TALK: PARTY_MEMBERS,
};

export type MeetingNode = MeetingFieldsFragment;

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
