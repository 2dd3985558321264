// Refusals of the inbox and its e-mail settings.
import type { GraphQLError } from 'graphql';
import { appError, defineCodes } from '../../shared/errors.js';

export const InboxCode = defineCodes('inbox', {
  EMAIL_ADDRESS_MISSING: {
    en: 'E-mail for a kind of reminder needs an e-mail address on the account: set it first (setMyEmail).',
    zh: '按类别接收邮件提醒须先在账号中填写邮箱地址（setMyEmail）。',
  },
});

export function emailAddressMissing(): GraphQLError {
  return appError(InboxCode.EMAIL_ADDRESS_MISSING, 'You have no e-mail address yet: set your address first, then choose e-mail for this kind of reminder.', {
    messageZh: '您尚未填写邮箱地址：请先填写邮箱，再为此类提醒选择邮件接收方式。',
  });
}
