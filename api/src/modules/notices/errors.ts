// Refusals of the notice rules with their own codes.
import type { GraphQLError } from 'graphql';
import { appError, defineCodes } from '../../shared/errors.js';

export const NoticeCode = defineCodes('notices', {
  NOTICE_WITHDRAWN: {
    en: 'The notice was withdrawn by its publisher: it can no longer be acknowledged or reminded of.',
    zh: '该通知已被发布单位撤回，不能再确认或提醒。',
  },
  NOTICE_REMINDED_RECENTLY: {
    en: 'Those who have not acknowledged the notice were reminded less than a day ago; `extensions.nextAt` says when the next reminder can go out.',
    zh: '距上次提醒未确认人员不足一天；`extensions.nextAt` 为下次可提醒的时间。',
    retryable: true,
  },
});

export function noticeWithdrawn(title: string): GraphQLError {
  return appError(NoticeCode.NOTICE_WITHDRAWN, `The notice "${title}" was withdrawn by its publisher; there is nothing to acknowledge or remind of.`, {
    messageZh: `通知「${title}」已被发布单位撤回，无需确认或提醒。`,
  });
}

export function remindedRecently(nextAt: Date): GraphQLError {
  const at = nextAt.toISOString().slice(0, 16).replace('T', ' ');
  return appError(NoticeCode.NOTICE_REMINDED_RECENTLY, `Those who have not acknowledged were reminded less than a day ago; remind them again after ${at} UTC.`, {
    messageZh: `距上次提醒未确认人员不足一天，请于 ${at}（UTC）之后再提醒。`,
    extensions: { nextAt: nextAt.toISOString() },
  });
}
