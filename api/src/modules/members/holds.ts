// The covering level's side of identity holds (identity.ts, docs/decisions/002-identity-holds.md):
// which holds an account must decide, and the decision.
import type { IdentityHold, Prisma } from '@lianjian/db';
import { actorOf } from '../../shared/access.js';
import { inSubtree, STAFF_ROLES, visibleRoot } from '../../shared/principal.js';
import type { Context } from '../../shared/context.js';
import { badArgument, conflict, forbidden, notFound } from '../../shared/errors.js';
import { requireUuid } from '../../shared/ids.js';
import { moveMemberInTx } from './service.js';

export type HoldDecision = 'REJECT' | 'MERGE_INTO_EXISTING';

/**
 * Holds an account decides: ADMIN all; LEADER and SECRETARY those whose covering unit lies in
 * their subtree (they are scoped at or above it). A hold without a covering unit (the two units
 * share no root) is ADMIN's.
 */
export function holdsWhere(ctx: Context): Prisma.IdentityHoldWhereInput {
  const p = ctx.principal;
  if (p.kind !== 'account' || !STAFF_ROLES.includes(p.role)) return { id: { in: [] } };
  const root = visibleRoot(p);
  return root === null ? {} : { coveringUnit: { path: { startsWith: root } } };
}

export function assertDecides(ctx: Context, coveringPath: string | null): void {
  const p = ctx.principal;
  const decides = p.kind === 'account' && STAFF_ROLES.includes(p.role) && (p.role === 'ADMIN' || (coveringPath !== null && inSubtree(visibleRoot(p), coveringPath)));
  if (!decides) {
    throw forbidden(
      'Only ADMIN, or a LEADER or SECRETARY scoped at or above the unit covering both members, may decide this identity hold.',
      '只有管理员，或所辖范围涵盖两名党员共同上级组织的领导或书记，可以处理此身份冲突。',
    );
  }
}

/**
 * REJECT: the number stays with the member on record; the held member keeps no number.
 * MERGE_INTO_EXISTING: the same person — the member on record (with their history) moves into the
 * held member's unit, as transferMember moves a member, and the held entry keeps no number. Either
 * way the placeholder hash goes (not record data, so no new version); the held entry's own fate
 * (correcting it, or closing it as a duplicate) is its unit's next step.
 */
export async function resolveIdentityHold(ctx: Context, id: string, decision: HoldDecision): Promise<IdentityHold> {
  const hold = await ctx.prisma.identityHold.findUnique({
    where: { id: requireUuid('id', id) },
    include: { coveringUnit: { select: { path: true } }, member: { include: { orgUnit: true } }, existingMember: true },
  });
  if (!hold) throw notFound('Identity hold', '身份冲突', id);
  assertDecides(ctx, hold.coveringUnit?.path ?? null);
  const decided = () =>
    conflict(`This identity hold was already decided (${hold.status}).`, `该身份冲突已处理（${hold.status}）。`, { status: hold.status });
  if (hold.status !== 'PENDING') throw decided();
  const { member, existingMember } = hold;
  const move = decision === 'MERGE_INTO_EXISTING' && existingMember.orgUnitId !== member.orgUnitId;
  if (move && existingMember.status !== 'ACTIVE') {
    throw badArgument(
      'decision',
      `cannot be MERGE_INTO_EXISTING: the member on record is ${existingMember.status}, and only an active member can be moved. Decide REJECT, or restore them first.`,
      `不能选择合并：在册党员的状态为 ${existingMember.status}，只有正常状态的党员可以转入。请选择驳回，或先恢复其状态。`,
    );
  }
  return ctx.prisma.$transaction(async (tx) => {
    const claimed = await tx.identityHold.updateMany({
      where: { id: hold.id, status: 'PENDING' },
      data: { status: decision === 'REJECT' ? 'REJECTED' : 'MERGED', decidedById: actorOf(ctx), decidedAt: ctx.config.now() },
    });
    if (claimed.count !== 1) throw decided();
    await tx.member.update({ where: { id: member.id }, data: { nationalIdHash: null } });
    if (move) await moveMemberInTx(tx, ctx, existingMember, member.orgUnit);
    return tx.identityHold.findUniqueOrThrow({ where: { id: hold.id } });
  });
}
