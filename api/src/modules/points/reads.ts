// Who may read which ledger entries and rules, and the aggregate reads (totals, ranking).
//   entries: a member reads their own; staff and partner keys ("PointsEntry:read") the entries
//            booked in their subtree (for one member: that member's entries booked there).
//   rules:   a rule defined at a unit above the caller's applies to them, so it is visible as
//            well as rules in their subtree.
import type { Prisma } from '@lianjian/db';
import { assertCanSeeMember, listRoot } from '../../shared/access.js';
import { visibleRoot, type Principal } from '../../shared/principal.js';
import type { Context } from '../../shared/context.js';
import { badArgument, forbidden, notFound, unauthenticated } from '../../shared/errors.js';
import { requireUuid } from '../../shared/ids.js';
import { isoOf } from './days.js';
import { MAX_RANKING_SIZE } from './limits.js';

export interface Period {
  from?: Date | null;
  to?: Date | null;
}

export interface LedgerArgs extends Period {
  memberId?: string | number | null;
  under?: string | number | null;
}

export function canSeeRuleAt(p: Principal, rulePath: string): boolean {
  if (p.kind === 'anonymous') return false;
  const root = visibleRoot(p);
  return root === null || rulePath.startsWith(root) || root.startsWith(rulePath);
}

export function assertCanSeeRule(ctx: Context, rule: { id: string; unitPath: string }): void {
  const p = ctx.principal;
  if (p.kind === 'anonymous') throw p.refused ? unauthenticated(p.refused.message, p.refused.messageZh) : unauthenticated();
  if (!canSeeRuleAt(p, rule.unitPath)) {
    throw forbidden(
      `Points rule ${rule.id} belongs to an org unit that neither contains nor lies within yours.`,
      `积分规则 ${rule.id} 所属组织既不是您的上级，也不在您负责的范围内。`,
    );
  }
}

export function checkPeriod(p: Period): void {
  if (p.from && p.to && p.from.getTime() > p.to.getTime()) {
    throw badArgument('to', `must not be before "from" (${isoOf(p.from)}).`, `不能早于开始日期（${isoOf(p.from)}）。`);
  }
}

function periodWhere(p: Period): Prisma.DateTimeFilter | undefined {
  if (!p.from && !p.to) return undefined;
  return { ...(p.from ? { gte: p.from } : {}), ...(p.to ? { lte: p.to } : {}) };
}

function ownMemberId(ctx: Context): string | null {
  const p = ctx.principal;
  return p.kind === 'account' && p.role === 'MEMBER' ? (p.memberId ?? '\u0000') : null;
}

/** The entries a ledger or total covers, after the caller's row rules; denials are errors. */
export async function ledgerWhere(ctx: Context, args: LedgerArgs): Promise<Prisma.PointsEntryWhereInput> {
  checkPeriod(args);
  const where: Prisma.PointsEntryWhereInput = {};
  const occurredOn = periodWhere(args);
  if (occurredOn) where.occurredOn = occurredOn;
  const own = ownMemberId(ctx);
  if (own !== null) {
    const asked = args.memberId != null ? requireUuid('memberId', args.memberId) : own;
    if (asked !== own || args.under != null) throw forbidden('Members may only see their own points.', '党员只能查看本人的积分。');
    where.memberId = own;
    return where;
  }
  if (args.memberId != null) {
    const id = requireUuid('memberId', args.memberId);
    const member = await ctx.prisma.member.findUnique({ where: { id }, select: { id: true, orgUnit: { select: { path: true } } } });
    if (!member) throw notFound('Member', '党员', id);
    assertCanSeeMember(ctx, { id, unitPath: member.orgUnit.path });
    where.memberId = id;
  }
  let under = null;
  if (args.under != null) {
    const unitId = requireUuid('under', args.under);
    under = await ctx.loaders.orgUnit.load(unitId);
    if (!under) throw notFound('Org unit', '组织', unitId);
  }
  const root = listRoot(ctx, under);
  if (root) where.orgUnit = { path: { startsWith: root } };
  return where;
}

export interface MemberTotal {
  memberId: string;
  from: Date | null;
  to: Date | null;
  total: number;
  entryCount: number;
  where: Prisma.PointsEntryWhereInput;
}

export async function memberTotal(ctx: Context, memberId: string | number | null | undefined, period: Period): Promise<MemberTotal> {
  const own = ownMemberId(ctx);
  const id = memberId != null ? requireUuid('memberId', memberId) : own;
  if (!id) throw badArgument('memberId', 'is required (only a member account has a default: itself).', '必须提供（仅党员账号默认为本人）。');
  const where = await ledgerWhere(ctx, { memberId: id, ...period });
  const agg = await ctx.prisma.pointsEntry.aggregate({ where, _sum: { points: true }, _count: { _all: true } });
  return { memberId: id, from: period.from ?? null, to: period.to ?? null, total: agg._sum.points ?? 0, entryCount: agg._count._all, where };
}

export interface RankingRow {
  rank: number;
  memberId: string;
  total: number;
  entryCount: number;
}

/** Members now in the subtree, by their points booked in the subtree in the period; ties share a rank (1, 1, 3). */
export async function ranking(ctx: Context, args: Period & { under?: string | number | null; first?: number | null }): Promise<RankingRow[]> {
  checkPeriod(args);
  const first = args.first ?? 10;
  if (first < 1 || first > MAX_RANKING_SIZE) {
    throw badArgument('first', `must be between 1 and ${MAX_RANKING_SIZE}.`, `应在 1 到 ${MAX_RANKING_SIZE} 之间。`);
  }
  let under = null;
  if (args.under != null) {
    const unitId = requireUuid('under', args.under);
    under = await ctx.loaders.orgUnit.load(unitId);
    if (!under) throw notFound('Org unit', '组织', unitId);
  }
  const root = listRoot(ctx, under) ?? '/';
  const from = args.from ? isoOf(args.from) : null;
  const to = args.to ? isoOf(args.to) : null;
  return ctx.prisma.$queryRaw<RankingRow[]>`
    SELECT (RANK() OVER (ORDER BY SUM(e.points) DESC))::int AS rank, e.member_id::text AS "memberId",
           SUM(e.points)::int AS total, COUNT(*)::int AS "entryCount"
      FROM points_entry e
      JOIN org_unit eu ON eu.id = e.org_unit_id
      JOIN member m ON m.id = e.member_id
      JOIN org_unit mu ON mu.id = m.org_unit_id
     WHERE eu.path LIKE ${root} || '%' AND mu.path LIKE ${root} || '%'
       AND (${from}::date IS NULL OR e.occurred_on >= ${from}::date)
       AND (${to}::date IS NULL OR e.occurred_on <= ${to}::date)
     GROUP BY e.member_id, m.name
     ORDER BY SUM(e.points) DESC, m.name, e.member_id
     LIMIT ${first}`;
}
