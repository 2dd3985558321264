// What the notice pages share between server and browser: the audiences and roles the publish
// form offers, how many members it lists one by one, and a reader's state of a notice.
export const NOTICE_AUDIENCES = ['SUBTREE', 'ROLES', 'MEMBERS'] as const;
export const NOTICE_ROLES = ['MEMBER', 'SECRETARY', 'LEADER', 'ADMIN'] as const;
/** Members offered one by one in the publish form; more are reached by unit or role. */
export const PICKABLE_MEMBERS = 100;

export type NoticeState = 'UNREAD' | 'READ' | 'ACKNOWLEDGED' | 'WITHDRAWN';

/** A reader's state of one notice, from its receipt. */
export function noticeState(n: { withdrawnAt?: string | null; myReceipt?: { readAt: string; acknowledgedAt?: string | null } | null }): NoticeState {
  if (n.withdrawnAt) return 'WITHDRAWN';
  if (n.myReceipt?.acknowledgedAt) return 'ACKNOWLEDGED';
  return n.myReceipt ? 'READ' : 'UNREAD';
}
