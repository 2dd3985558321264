// Who may see a vote and what hangs off it (options, tally, ballots, roll). Staff and partner
// keys: votes of units in their subtree. Members: the votes whose frozen roll holds them (a
// member sees the vote they may cast a ballot in, never a draft, never another unit's vote).
import { forbidden } from '../../shared/errors.js';
import { assertCanSeeUnit } from '../../shared/access.js';
import type { Context } from '../../shared/context.js';

export interface VoteKey {
  id: string;
  orgUnitId: string;
}

// One check per vote per request: a page of 100 ballots costs one roll lookup, not 100.
const checked = new WeakMap<Context, Map<string, Promise<void>>>();

async function check(ctx: Context, vote: VoteKey): Promise<void> {
  const p = ctx.principal;
  if (p.kind === 'account' && p.role === 'MEMBER') {
    const onRoll = p.memberId
      ? await ctx.prisma.voteEligibleVoter.findUnique({ where: { voteId_memberId: { voteId: vote.id, memberId: p.memberId } }, select: { id: true } })
      : null;
    if (!onRoll) {
      throw forbidden('Members may only see votes whose roll of eligible voters includes them.', '党员只能查看本人有表决权的表决。', { voteId: vote.id });
    }
    return;
  }
  const unit = await ctx.loaders.orgUnit.load(vote.orgUnitId);
  assertCanSeeUnit(ctx, { id: vote.orgUnitId, path: unit?.path ?? '\u0000' });
}

export function assertCanSeeVote(ctx: Context, vote: VoteKey): Promise<void> {
  let cache = checked.get(ctx);
  if (!cache) checked.set(ctx, (cache = new Map()));
  let pending = cache.get(vote.id);
  if (!pending) {
    pending = check(ctx, vote);
    cache.set(vote.id, pending);
  }
  return pending;
}

/** The roll (who is entitled, who voted) is staff business: members see only their own entry. */
export async function assertCanSeeRollRow(ctx: Context, row: VoteKey & { memberId: string }): Promise<void> {
  const p = ctx.principal;
  if (p.kind === 'account' && p.role === 'MEMBER') {
    if (p.memberId !== row.memberId) throw forbidden('Members may only see their own entry on a voter roll.', '党员只能查看本人在表决名册中的记录。');
    return;
  }
  await assertCanSeeVote(ctx, row);
}
