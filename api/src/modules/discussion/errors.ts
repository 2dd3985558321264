// Refusals of the discussion rules with their own codes. A thread the caller may not see, and a
// person mentioned who may not see it, are answered as if they did not exist (access.ts, service.ts).
import type { GraphQLError } from 'graphql';
import { appError, defineCodes } from '../../shared/errors.js';

export const DiscussionCode = defineCodes('discussion', {
  MEETING_NOT_HELD: {
    en: 'The meeting has not taken place yet: its discussion opens once the meeting is completed.',
    zh: '会议尚未召开：会议结束后才能发表评论。',
  },
  COMMENT_ALREADY_HIDDEN: {
    en: 'The comment was already hidden; `extensions.hiddenAt` says when. Its reason stays as first given.',
    zh: '该评论已被隐藏（时间见 `extensions.hiddenAt`），隐藏理由以第一次填写的为准。',
  },
});

export function meetingNotHeld(title: string): GraphQLError {
  return appError(DiscussionCode.MEETING_NOT_HELD, `The meeting "${title}" has not taken place yet: comment on it once it has been held and completed.`, {
    messageZh: `会议「${title}」尚未召开：会议结束后才能发表评论。`,
  });
}

export function alreadyHidden(hiddenAt: Date): GraphQLError {
  return appError(DiscussionCode.COMMENT_ALREADY_HIDDEN, 'This comment was already hidden; it cannot be hidden again with another reason.', {
    messageZh: '该评论已被隐藏，不能以其他理由再次隐藏。',
    extensions: { hiddenAt: hiddenAt.toISOString() },
  });
}
