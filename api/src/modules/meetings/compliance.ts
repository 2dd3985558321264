// meetingCompliance: loads the branches of a subtree, their groups and the completed meetings
// that count for them, and hands them to the cadence rules (cadence.ts, pure).
import type { MeetingKind } from '@lianjian/db';
import { listRoot } from '../../shared/access.js';
import type { Context } from '../../shared/context.js';
import { badArgument, notFound } from '../../shared/errors.js';
import { requireUuid } from '../../shared/ids.js';
import { pathsAbove } from '../../shared/principal.js';
import { chinaDayStart, computeCompliance, RULES, slotsCovering, type ComplianceRow } from './cadence.js';

const MAX_SPAN_DAYS = 366 * 5;

export interface ComplianceReport {
  unitId: string;
  from: string;
  to: string;
  asOf: Date;
  rows: (ComplianceRow & { kindZh: string })[];
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

  // Quarters are the widest slots: meetings anywhere in them may count.
  const quarters = slotsCovering('QUARTERLY', from, to);
  const start = quarters[0]?.start ?? chinaDayStart(from);
  const end = quarters[quarters.length - 1]?.end ?? chinaDayStart(to);

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
      scheduledAt: { gte: start, lt: end },
      OR: [{ orgUnit: { path: { startsWith: unit.path } } }, { kind: 'PARTY_LECTURE', orgUnit: { path: { in: pathsAbove(unit.path) } } }],
    },
    select: { kind: true, orgUnitId: true, scheduledAt: true, orgUnit: { select: { path: true } } },
  });
  const held = meetings.map((m) => ({ kind: m.kind, unitId: m.orgUnitId, unitPath: m.orgUnit.path, scheduledAt: m.scheduledAt }));
  const rows = computeCompliance(branches, held, from, to, ctx.config.now()).map((r) => ({ ...r, kindZh: RULES[r.kind as MeetingKind].zh }));
  return { unitId: unit.id, from, to, asOf: ctx.config.now(), rows };
}
