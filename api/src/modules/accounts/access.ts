// Who may manage which accounts: an ADMIN any account; a SECRETARY the MEMBER accounts whose
// scope unit lies in their subtree (the members of their branches signing in to the portal).
import type { Role } from '@lianjian/db';
import type { Context } from '../../shared/context.js';
import { forbidden, unauthenticated } from '../../shared/errors.js';
import { describePrincipal, inSubtree } from '../../shared/principal.js';

export interface ManagedAccount {
  id: string;
  role: Role;
  scopeUnitId: string;
}

/** The caller is an ADMIN or SECRETARY account (anything else may manage no account). */
export function requireAccountManager(ctx: Context): { role: 'ADMIN' | 'SECRETARY'; accountId: string; scopePath: string } {
  const p = ctx.principal;
  if (p.kind === 'anonymous') throw p.refused ? unauthenticated(p.refused.message, p.refused.messageZh) : unauthenticated();
  if (p.kind === 'account' && (p.role === 'ADMIN' || p.role === 'SECRETARY')) return { role: p.role, accountId: p.accountId, scopePath: p.scopePath };
  throw forbidden(`${describePrincipal(p)} may not manage accounts: that needs an ADMIN (or, for member accounts, a SECRETARY) account.`, `${describePrincipal(p)} 无权管理账号：需要管理员账号（党员账号也可由书记管理）。`);
}

/** Whether the caller is a SECRETARY managing this MEMBER account (ADMINs are handled by the caller). */
export async function secretaryManages(ctx: Context, account: ManagedAccount): Promise<boolean> {
  const p = ctx.principal;
  if (p.kind !== 'account' || p.role !== 'SECRETARY' || account.role !== 'MEMBER') return false;
  const unit = await ctx.loaders.orgUnit.load(account.scopeUnitId);
  return unit !== null && inSubtree(p.scopePath, unit.path);
}

export async function assertCanManageAccount(ctx: Context, account: ManagedAccount & { username: string }): Promise<void> {
  const m = requireAccountManager(ctx);
  if (m.role === 'ADMIN' || (await secretaryManages(ctx, account))) return;
  throw forbidden(
    `${describePrincipal(ctx.principal)} may not manage account ${account.username}: secretaries manage member accounts of their own subtree only.`,
    `${describePrincipal(ctx.principal)} 无权管理账号 ${account.username}：书记只能管理本级及下级组织的党员账号。`,
    { accountId: account.id },
  );
}
