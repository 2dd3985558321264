// Refusals of organisational-life actions. Each has its own `extensions.code` so a client can
// tell "the code expired" from "the code is wrong" without parsing messages; malformed input is
// BAD_USER_INPUT with the fields named, as everywhere else.
import { GraphQLError } from 'graphql';

export type MeetingRefusal =
  | 'MEETING_STATUS'
  | 'MEETING_NOT_STARTED'
  | 'MEETING_NOT_ENDED'
  | 'MEETING_IN_PAST'
  | 'CHECK_IN_CLOSED'
  | 'CHECK_IN_EXPIRED'
  | 'CHECK_IN_CODE_WRONG'
  | 'ALREADY_CHECKED_IN'
  | 'ALREADY_REGISTERED'
  | 'NOT_ELIGIBLE'
  | 'NOT_ATTENDED'
  | 'FEEDBACK_ALREADY_SUBMITTED';

export function refuse(code: MeetingRefusal, en: string, zh: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(en, { extensions: { code, messageZh: zh, ...extensions } });
}

const STATUS_ZH: Record<string, string> = { DRAFT: '草稿', PUBLISHED: '已发布', IN_PROGRESS: '进行中', COMPLETED: '已结束', CANCELLED: '已取消' };

export function wrongStatus(action: string, actionZh: string, status: string, allowed: readonly string[]): GraphQLError {
  return refuse(
    'MEETING_STATUS',
    `Cannot ${action}: the meeting is ${status}; this needs a meeting that is ${allowed.join(' or ')}.`,
    `不能${actionZh}：会议状态为「${STATUS_ZH[status] ?? status}」，需要为「${allowed.map((s) => STATUS_ZH[s] ?? s).join('」或「')}」。`,
    { status, allowed },
  );
}
