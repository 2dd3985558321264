// Who may see a notice and a receipt. A notice is seen by the accounts it is addressed to, and by
// staff and partner keys whose subtree holds the publishing unit (they follow their units'
// notices); a member sees only what is addressed to them, even from their own branch. Anyone else
// is told the notice does not exist — the same answer as for an id that was never used, so an
// answer reveals nothing outside the caller's scope.
import type { Notice, NoticeReceipt } from '@lianjian/db';
import { canSeeUnit } from '../../shared/access.js';
import type { Context } from '../../shared/context.js';
import { notFound, unauthenticated } from '../../shared/errors.js';
import { isAddressedTo } from './audience.js';

type NoticeRow = Pick<Notice, 'id' | 'orgUnitId' | 'audience' | 'roles' | 'memberIds'>;

export const noticeNotFound = (id: string) => notFound('Notice', '通知', id);

async function unitPathOf(ctx: Context, orgUnitId: string): Promise<string> {
  return (await ctx.loaders.orgUnit.load(orgUnitId))?.path ?? '\u0000';
}

/** Whether the caller follows the publishing unit's notices (staff or partner over it). */
export async function followsUnit(ctx: Context, orgUnitId: string): Promise<boolean> {
  const p = ctx.principal;
  if (p.kind === 'anonymous' || (p.kind === 'account' && p.role === 'MEMBER')) return false;
  return canSeeUnit(p, { id: orgUnitId, path: await unitPathOf(ctx, orgUnitId) });
}

export async function canSeeNotice(ctx: Context, n: NoticeRow): Promise<boolean> {
  const p = ctx.principal;
  if (p.kind === 'account' && isAddressedTo(n, await unitPathOf(ctx, n.orgUnitId), p)) return true;
  return followsUnit(ctx, n.orgUnitId);
}

export async function assertCanSeeNotice(ctx: Context, n: NoticeRow): Promise<void> {
  if (ctx.principal.kind === 'anonymous') throw unauthenticated();
  if (!(await canSeeNotice(ctx, n))) throw noticeNotFound(n.id);
}

/** A receipt: its reader, and staff or partners over the reader's unit. */
export async function assertCanSeeReceipt(ctx: Context, r: Pick<NoticeReceipt, 'id' | 'accountId' | 'orgUnitId'>): Promise<void> {
  const p = ctx.principal;
  if (p.kind === 'anonymous') throw unauthenticated();
  if (p.kind === 'account' && p.accountId === r.accountId) return;
  if (!(await followsUnit(ctx, r.orgUnitId))) throw notFound('Notice receipt', '通知回执', r.id);
}
