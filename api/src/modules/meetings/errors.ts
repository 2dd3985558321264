// Refusals of organisational-life actions. Each has its own `extensions.code` so a client can
// tell "the code expired" from "the code is wrong" without parsing messages; malformed input is
// BAD_USER_INPUT with the fields named, as everywhere else.
import type { GraphQLError } from 'graphql';
import { appError, defineCodes, type ErrorCode } from '../../shared/errors.js';

export const MeetingCode = defineCodes('meetings', {
  MEETING_STATUS: { en: 'The meeting is not in a status that allows this.', zh: '会议当前状态不允许此操作。' },
  MEETING_NOT_STARTED: { en: 'The meeting has not started yet.', zh: '会议尚未开始。' },
  MEETING_NOT_ENDED: { en: 'The meeting has not ended yet.', zh: '会议尚未结束。' },
  MEETING_IN_PAST: { en: 'The meeting time is already past.', zh: '会议时间已过。' },
  CHECK_IN_CLOSED: { en: 'Check-in is closed.', zh: '签到已关闭。' },
  CHECK_IN_EXPIRED: { en: 'The check-in code has expired; ask for the current one.', zh: '签到码已过期，请获取当前签到码。' },
  CHECK_IN_CODE_WRONG: { en: 'The check-in code is wrong.', zh: '签到码错误。' },
  ALREADY_CHECKED_IN: { en: 'Already checked in.', zh: '已签到。' },
  ALREADY_REGISTERED: { en: 'Already registered.', zh: '已报名。' },
  NOT_ATTENDED: { en: 'Only those who attended can do this.', zh: '只有参加会议的人员才能进行此操作。' },
  FEEDBACK_ALREADY_SUBMITTED: { en: 'Feedback on this meeting is already submitted.', zh: '已提交过对该会议的反馈。' },
});
export type MeetingRefusal = keyof typeof MeetingCode | typeof ErrorCode.NOT_ELIGIBLE;

export function refuse(code: MeetingRefusal, en: string, zh: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return appError(code, en, { messageZh: zh, extensions });
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
