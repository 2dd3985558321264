// Whose inbox: an item is only ever read or changed by the account it belongs to. Nobody else —
// not an ADMIN, not the secretary of the person's unit — sees another's inbox, and a partner key
// has none (reminders are for people who must act; partners will subscribe to events instead).
import type { Context } from '../../shared/context.js';
import { forbidden, unauthenticated } from '../../shared/errors.js';

/** The caller's account id, or the refusal that says why there is no inbox for them. */
export function inboxOwner(ctx: Context): string {
  const p = ctx.principal;
  if (p.kind === 'anonymous') throw p.refused ? unauthenticated(p.refused.message, p.refused.messageZh) : unauthenticated();
  if (p.kind === 'partner') {
    throw forbidden(
      `API key "${p.name}" has no inbox: reminders and e-mail settings belong to a person's signed-in account, not to a partner system.`,
      `API 密钥“${p.name}”没有收件箱：提醒和邮件设置属于登录的个人账号，不属于合作系统。`,
    );
  }
  return p.accountId;
}
