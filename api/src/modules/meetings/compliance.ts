// meetingCompliance: loads the branches of a subtree, their groups, the completed meetings that
// count for them and their published appraisals, and hands them to the cadence rules (cadence.ts,
// pure). Rows are per branch (a branch's own figures); totals sum them over the whole subtree, so
// a general branch, a committee or the root reads its level's figures in one answer.
import { Prisma, type MeetingKind } from '@lianjian/db';
import { listRoot } from '../../shared/access.js';
import type { Context } from '../../shared/context.js';
import { badArgument, notFound } from '../../shared/errors.js';
import { requireUuid } from '../../shared/ids.js';
import { pathsAbove } from '../../shared/principal.js';
import { chinaDayStart, computeCompliance, MEETING_KINDS, RULES, slotsCovering, sumRows, type ComplianceRow, type ComplianceTotal, type TalkCoverage } from './cadence.js';

const MAX_SPAN_DAYS = 366 * 5;

export interface ComplianceReport {
  unitId: string;
  from: string;
  to: string;
  asOf: Date;
  rows: (ComplianceRow & { kindZh: string })[];
  /** Per kind, the sums over every branch of the subtree (for a branch: its own row). */
  totals: (ComplianceTotal & { kindZh: string })[];
}

function day(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export async function meetingCompliance(ctx: Context, unitId: string | number, fromDate: Date, toDate: Date): Promise<ComplianceReport> {
  const id = requireUuid('unitId', unitId);
  const unit = await ctx.loaders.orgUnit.load(id);
  if (!unit) throw notFound('Org unit', '组织', id);
  listRoot(ctx, unit);
  if (unit.kind === 'GROUP') {
    throw badArgument('unitId', `names a party group (${unit.name}); compliance is reported for branches, so ask for its branch or a unit above.`, `${unit.name} 是党小组；组织生活合规情况按党支部统计，请选择其所在支部或上级组织。`);
  }
  const from = day(fromDate);
  const to = day(toDate);
  if (to < from) throw badArgument('period.to', 'must not be before period.from.', '结束日期不能早于开始日期。');
  if ((toDate.getTime() - fromDate.getTime()) / 86_400_000 > MAX_SPAN_DAYS) throw badArgument('period.to', 'must be within five years of period.from.', '统计区间不能超过五年。');

  // Meetings anywhere in a counted slot may count: whole quarters for the monthly and quarterly
  // kinds, whole years only for the yearly ones (a subtree's monthly meetings of a year are many).
  const window = (slots: { start: Date; end: Date }[]) => ({ gte: slots[0]?.start ?? chinaDayStart(from), lt: slots[slots.length - 1]?.end ?? chinaDayStart(to) });
  const years = slotsCovering('YEARLY', from, to);
  const yearly = MEETING_KINDS.filter((k) => RULES[k].cadence === 'YEARLY');

  const units = await ctx.prisma.orgUnit.findMany({
    where: { path: { startsWith: unit.path }, kind: { in: ['BRANCH', 'GROUP'] } },
    select: { id: true, parentId: true, path: true, kind: true, establishedOn: true, dissolvedOn: true },
    orderBy: { path: 'asc' },
  });
  const span = (u: { establishedOn: Date | null; dissolvedOn: Date | null }) => ({
    activeFrom: u.establishedOn ? chinaDayStart(day(u.establishedOn)) : null,
    activeTo: u.dissolvedOn ? chinaDayStart(day(u.dissolvedOn)) : null,
  });
  const branches = units
    .filter((u) => u.kind === 'BRANCH')
    .map((b) => ({
      id: b.id,
      path: b.path,
      ...span(b),
      groups: units.filter((g) => g.kind === 'GROUP' && g.parentId === b.id).map((g) => ({ id: g.id, ...span(g) })),
    }));

  const meetings = await ctx.prisma.meeting.findMany({
    where: {
      status: 'COMPLETED',
      AND: [
        { OR: [{ scheduledAt: window(slotsCovering('QUARTERLY', from, to)) }, { kind: { in: yearly }, scheduledAt: window(years) }] },
        { OR: [{ orgUnit: { path: { startsWith: unit.path } } }, { kind: 'PARTY_LECTURE', orgUnit: { path: { in: pathsAbove(unit.path) } } }] },
      ],
    },
    select: { kind: true, orgUnitId: true, scheduledAt: true, orgUnit: { select: { path: true } } },
  });
  const held = meetings.map((m) => ({ kind: m.kind, unitId: m.orgUnitId, unitPath: m.orgUnit.path, scheduledAt: m.scheduledAt }));
  // 民主评议 told to the members (PUBLISHED, or CLOSED after it) in the years asked for: noted
  // beside each year's 组织生活会 (cadence.ts explains the link).
  const appraisals = await ctx.prisma.appraisalCampaign.findMany({
    where: { orgUnit: { path: { startsWith: unit.path } }, status: { in: ['PUBLISHED', 'CLOSED'] }, publishedAt: window(years) },
    select: { orgUnitId: true, publishedAt: true },
  });
  const rows = computeCompliance(
    branches,
    held,
    from,
    to,
    ctx.config.now(),
    appraisals.flatMap((a) => (a.publishedAt ? [{ unitId: a.orgUnitId, publishedAt: a.publishedAt }] : [])),
    await talkCoverage(ctx, unit.path, units, years[years.length - 1]),
  ).map((r) => ({ ...r, kindZh: RULES[r.kind as MeetingKind].zh }));
  const totals = sumRows(rows).map((t) => ({ ...t, kindZh: RULES[t.kind].zh }));
  return { unitId: unit.id, from, to, asOf: ctx.config.now(), rows, totals };
}

/**
 * Per branch of the subtree: its current party members (预备、正式, active, in the branch or its
 * groups), and how many of them were present at a completed 谈心谈话 of the branch in `year`.
 * Counted in the database (a root's subtree holds a million members), one row per unit.
 */
async function talkCoverage(
  ctx: Context,
  path: string,
  units: readonly { id: string; parentId: string | null; kind: string }[],
  year: { start: Date; end: Date } | undefined,
): Promise<TalkCoverage[]> {
  if (!year) return [];
  const branchOf = new Map(units.map((u) => [u.id, u.kind === 'GROUP' ? u.parentId : u.id]));
  const [members, talked] = await Promise.all([
    ctx.prisma.member.groupBy({
      by: ['orgUnitId'],
      where: { orgUnit: { path: { startsWith: path } }, status: 'ACTIVE', stage: { in: ['PROBATIONARY', 'FULL'] } },
      _count: { _all: true },
    }),
    ctx.prisma.$queryRaw<{ unit_id: string; n: bigint }[]>(Prisma.sql`
      SELECT t.org_unit_id AS unit_id, count(DISTINCT a.member_id) AS n
        FROM meeting t
        JOIN org_unit tu ON tu.id = t.org_unit_id
        JOIN attendance a ON a.meeting_id = t.id AND a.status IN ('PRESENT', 'LATE')
        JOIN member m ON m.id = a.member_id AND m.status = 'ACTIVE' AND m.stage IN ('PROBATIONARY', 'FULL')
        JOIN org_unit mu ON mu.id = m.org_unit_id AND mu.path LIKE tu.path || '%'
       WHERE t.kind = 'HEART_TALK' AND t.status = 'COMPLETED' AND t.scheduled_at >= ${year.start} AND t.scheduled_at < ${year.end}
         AND tu.path LIKE ${`${path}%`}
       GROUP BY t.org_unit_id`),
  ]);
  const out = new Map<string, TalkCoverage>();
  const at = (id: string) => out.get(id) ?? out.set(id, { unitId: id, toTalkWith: 0, talkedWith: 0 }).get(id)!;
  for (const g of members) {
    const branch = branchOf.get(g.orgUnitId);
    if (branch) at(branch).toTalkWith += g._count._all;
  }
  for (const t of talked) at(t.unit_id).talkedWith += Number(t.n);
  return [...out.values()];
}
