// Who sees what of an appraisal. A campaign: whoever sees its branch, and the members on it
// (their own unit lies in the branch). Self-assessments: the member and staff of the subtree.
// Peer assessments: their *author* and staff of the subtree — never the assessed member, who
// sees only the tally on their result (how many peers gave each rating, not who). Results: the
// member once told (notifiedAt set), and staff of the subtree (proposals included).
import { assertCanSeeMember, assertCanSeeUnit, canSeeUnit } from '../../shared/access.js';
import type { Context } from '../../shared/context.js';
import { forbidden } from '../../shared/errors.js';

export async function unitPathOf(ctx: Context, orgUnitId: string): Promise<string> {
  return (await ctx.loaders.orgUnit.load(orgUnitId))?.path ?? '\u0000';
}

/** The current unit path of the caller's own member record, if the caller is a member. */
export async function ownUnitPath(ctx: Context): Promise<string | null> {
  const p = ctx.principal;
  if (p.kind !== 'account' || !p.memberId) return null;
  const m = await ctx.prisma.member.findUnique({ where: { id: p.memberId }, select: { orgUnitId: true } });
  return m ? unitPathOf(ctx, m.orgUnitId) : null;
}

export async function assertCanSeeCampaign(ctx: Context, c: { id: string; orgUnitId: string }): Promise<void> {
  const unit = { id: c.orgUnitId, path: await unitPathOf(ctx, c.orgUnitId) };
  if (canSeeUnit(ctx.principal, unit)) return;
  const own = await ownUnitPath(ctx);
  if (own && own.startsWith(unit.path)) return;
  assertCanSeeUnit(ctx, unit);
}

export async function assertCanSeeSelfAssessment(ctx: Context, row: { memberId: string; orgUnitId: string }): Promise<void> {
  assertCanSeeMember(ctx, { id: row.memberId, unitPath: await unitPathOf(ctx, row.orgUnitId) });
}

export async function assertCanSeePeerAssessment(ctx: Context, row: { assessorId: string; orgUnitId: string }): Promise<void> {
  const p = ctx.principal;
  if (p.kind === 'account' && p.role === 'MEMBER' && p.memberId !== row.assessorId) {
    throw forbidden(
      'Members see only the peer assessments they wrote; the assessed member sees the tally on their result, not who rated them.',
      '党员只能查看本人作出的互评；被评价的党员只能看到评议结果中的汇总，看不到评价人。',
    );
  }
  assertCanSeeMember(ctx, { id: row.assessorId, unitPath: await unitPathOf(ctx, row.orgUnitId) });
}

export async function assertCanSeeResult(ctx: Context, row: { memberId: string; orgUnitId: string; notifiedAt: Date | null }): Promise<void> {
  assertCanSeeMember(ctx, { id: row.memberId, unitPath: await unitPathOf(ctx, row.orgUnitId) });
  const p = ctx.principal;
  if (p.kind === 'account' && p.role === 'MEMBER' && row.notifiedAt === null) {
    throw forbidden('This rating is still a proposal: you will see it when the branch publishes the results.', '该评定仍为拟定意见，支部通报结果后您即可查看。');
  }
}
