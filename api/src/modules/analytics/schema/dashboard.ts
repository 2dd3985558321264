// Analytics (统计分析): dashboard figures over a unit's subtree, served from rollups
// (analytics/dashboard.ts), and published snapshots whose figures anyone can recompute from
// the proven input records (analytics/publish.ts, @lianjian/verify verifySnapshot).
//
// Who: ADMIN (everything), LEADER and SECRETARY (their subtree), partner keys with the scope
// "Analytics:read" (their key's subtree). Members and other keys are refused. Publishing needs a
// LEADER or ADMIN whose subtree holds the unit.
import type { AnalyticsSnapshot } from '@lianjian/db';
import { toHex, type CompositionFigures } from '@lianjian/verify';
import { builder } from '../../../graphql/builder.js';
import { assertCanSeeUnit, listRoot } from '../../../shared/access.js';
import { describePrincipal } from '../../../shared/principal.js';
import type { Context } from '../../../shared/context.js';
import * as d from '../dashboard.js';
import { publishSnapshot } from '../publish.js';
import { refreshAnalytics } from '../refresh.js';
import { todayInChina } from '@lianjian/rules/dates';
import { badArgument, FieldErrors, forbidden, notFound } from '../../../shared/errors.js';
import { MAX_YEAR, MIN_YEAR } from '../../../shared/bounds.js';
import { requireUuid } from '../../../shared/ids.js';
import type { LoadedProof } from '../../../shared/loaders.js';
import { decodeIntCursor, encodeIntCursor } from '../../../graphql/pagination.js';
import { Proof, Verifiable } from '../../../graphql/verifiable.js';

const ANALYTICS_SCOPES = { $any: { staff: true, partner: 'Analytics:read' } } as const;

interface UnitLike {
  id: string;
  path: string;
  name: string;
}

interface DashboardShape {
  unit: UnitLike;
  asOf: string;
  period: d.Period;
}

interface KeyCount {
  key: string;
  count: number;
}

const list = (r: Record<string, number>): KeyCount[] => Object.entries(r).map(([key, count]) => ({ key, count }));

const Count = builder.objectRef<KeyCount>('AnalyticsCount').implement({
  description: 'A count under a key (a stage, band, rating…)',
  fields: (t) => ({ key: t.exposeString('key'), count: t.exposeInt('count') }),
});

const Point = builder.objectRef<d.Row>('AnalyticsPoint').implement({
  description: 'One month of a time series: `count` rows, `total` their summed value where one applies',
  fields: (t) => ({
    month: t.string({ description: 'YYYY-MM', resolve: (r) => r.period.slice(0, 7) }),
    key: t.exposeString('key'),
    count: t.exposeInt('count'),
    total: t.exposeInt('total'),
  }),
});

const Composition = builder.objectRef<CompositionFigures>('MemberComposition').implement({
  description: 'ACTIVE members by stage, gender, education and age band (age = as-of year − birth year)',
  fields: (t) => ({
    total: t.exposeInt('total'),
    byStage: t.field({ type: [Count], resolve: (c) => list(c.byStage) }),
    byGender: t.field({ type: [Count], resolve: (c) => list(c.byGender) }),
    byEducation: t.field({ type: [Count], resolve: (c) => list(c.byEducation) }),
    byAgeBand: t.field({ type: [Count], resolve: (c) => list(c.byAgeBand) }),
    figures: t.field({ type: 'JSON', description: 'The same figures as one object (what a composition snapshot publishes)', resolve: (c) => c }),
  }),
});

const FunnelStage = builder.objectRef<d.FunnelDashboard['stages'][number]>('FunnelStage').implement({
  fields: (t) => ({
    stage: t.exposeString('stage'),
    current: t.exposeInt('current', { description: 'ACTIVE members at this stage now' }),
    reached: t.exposeInt('reached', { description: 'Members (any status) who entered this stage' }),
    converted: t.exposeInt('converted', { description: 'Of those, members who entered the next stage' }),
    conversionRate: t.exposeFloat('conversionRate', { nullable: true }),
    medianDays: t.exposeFloat('medianDays', { nullable: true, description: 'Median days in this stage, over the converted' }),
  }),
});

const Funnel = builder.objectRef<d.FunnelDashboard>('DevelopmentFunnel').implement({
  description: 'The development pipeline: stages, conversion, time per stage, overdue deadlines',
  fields: (t) => ({
    stages: t.field({ type: [FunnelStage], resolve: (f) => f.stages }),
    overdueSteps: t.exposeInt('overdueSteps', { description: 'Open pipeline deadlines already past on asOf' }),
    expiredSteps: t.exposeInt('expiredSteps', { description: 'Of those, past their hard deadline (approval window closed)' }),
    monthly: t.field({ type: [Point], description: 'Entries into each stage (key) per month', resolve: (f) => f.monthly }),
    figures: t.field({ type: 'JSON', description: 'Stages as one object (what a funnel snapshot publishes)', resolve: (f) => ({ stages: f.stages }) }),
  }),
});

const Cadence = builder.objectRef<d.CadenceFigure>('MeetingCadence').implement({
  description: 'Cadence compliance of one meeting kind: unit-periods held / owed',
  fields: (t) => ({
    kind: t.exposeString('kind'),
    required: t.exposeInt('required'),
    held: t.exposeInt('held'),
    meetings: t.exposeInt('meetings'),
    rate: t.exposeFloat('rate', { nullable: true }),
  }),
});

const Attendance = builder.objectRef<d.AttendanceFigure>('AttendanceRate').implement({
  fields: (t) => ({
    present: t.exposeInt('present'),
    late: t.exposeInt('late'),
    excused: t.exposeInt('excused'),
    absent: t.exposeInt('absent'),
    rate: t.exposeFloat('rate', { nullable: true, description: '(present + late) / all' }),
  }),
});

const Meetings = builder.objectRef<d.MeetingFigures>('MeetingAnalytics').implement({
  fields: (t) => ({
    cadence: t.field({ type: [Cadence], resolve: (m) => m.cadence }),
    attendance: t.field({ type: Attendance, resolve: (m) => m.attendance }),
    monthly: t.field({ type: [Point], description: 'Meetings per month by status (key)', resolve: (m) => m.monthly }),
  }),
});

const UnitBreakdown = builder.objectRef<{ unit: UnitLike; composition: CompositionFigures; meetings: d.MeetingFigures }>('AnalyticsUnitBreakdown').implement({
  description: 'Figures of one child unit (its whole subtree)',
  fields: (t) => ({
    unitId: t.id({ resolve: (b) => b.unit.id }),
    unitName: t.string({ resolve: (b) => b.unit.name }),
    composition: t.field({ type: Composition, resolve: (b) => b.composition }),
    meetings: t.field({ type: Meetings, resolve: (b) => b.meetings }),
  }),
});

const Learning = builder.objectRef<d.LearningFigures>('LearningAnalytics').implement({
  fields: (t) => ({
    completions: t.exposeInt('completions'),
    classHours: t.exposeInt('classHours'),
    scored: t.exposeInt('scored'),
    averageScore: t.exposeFloat('averageScore', { nullable: true }),
    scoreBands: t.field({ type: [Count], resolve: (l) => list(l.scoreBands) }),
    quizSubmitted: t.exposeInt('quizSubmitted'),
    quizPassed: t.exposeInt('quizPassed'),
    quizPassRate: t.exposeFloat('quizPassRate', { nullable: true }),
    quizPercentBands: t.field({ type: [Count], description: 'Submitted attempts by score %, in tens', resolve: (l) => list(l.quizPercentBands) }),
    monthly: t.field({ type: [Point], description: 'Course completions per month (total = class hours)', resolve: (l) => l.monthly }),
  }),
});

const Appraisal = builder.objectRef<d.AppraisalFigures>('AppraisalAnalytics').implement({
  fields: (t) => ({
    year: t.exposeInt('year'),
    total: t.exposeInt('total'),
    byRating: t.field({ type: [Count], resolve: (a) => list(a.byRating) }),
    excellentShare: t.exposeFloat('excellentShare', { nullable: true }),
  }),
});

const Rank = builder.objectRef<d.PointsRank>('PointsRank').implement({
  fields: (t) => ({
    rank: t.exposeInt('rank'),
    memberId: t.exposeID('memberId'),
    unitId: t.exposeID('unitId'),
    points: t.exposeInt('points'),
  }),
});

const Points = builder.objectRef<d.PointsFigures>('PointsAnalytics').implement({
  fields: (t) => ({
    year: t.exposeInt('year'),
    members: t.exposeInt('members', { description: 'Members with a non-zero total in the year' }),
    total: t.exposeInt('total'),
    bands: t.field({ type: [Count], description: 'Members by yearly total', resolve: (p) => list(p.bands) }),
    top: t.field({ type: [Rank], resolve: (p) => p.top }),
    monthly: t.field({ type: [Point], resolve: (p) => p.monthly }),
  }),
});

const Feedback = builder.objectRef<d.FeedbackFigures>('FeedbackAnalytics').implement({
  fields: (t) => ({
    total: t.exposeInt('total'),
    byCategory: t.field({ type: [Count], resolve: (f) => list(f.byCategory) }),
    byStatus: t.field({ type: [Count], resolve: (f) => list(f.byStatus) }),
    resolved: t.exposeInt('resolved'),
    medianResolutionDays: t.exposeFloat('medianResolutionDays', { nullable: true }),
    monthly: t.field({ type: [Point], resolve: (f) => f.monthly }),
  }),
});

const Transfers = builder.objectRef<d.TransferFigures>('TransferAnalytics').implement({
  fields: (t) => ({
    open: t.exposeInt('open'),
    expired: t.exposeInt('expired'),
    received: t.exposeInt('received'),
    cancelled: t.exposeInt('cancelled'),
    issuedMonthly: t.field({ type: [Point], resolve: (x) => x.issuedMonthly }),
  }),
});

/** Children per byUnit page unless asked otherwise: a root with thousands of children is paged, not read whole. */
const BY_UNIT_DEFAULT = 50;
const BY_UNIT_MAX = 100;

async function childrenOf(ctx: Context, unitId: string, first: number, offset: number): Promise<UnitLike[]> {
  return ctx.prisma.orgUnit.findMany({
    where: { parentId: unitId },
    select: { id: true, path: true, name: true },
    orderBy: [{ sortOrder: 'asc' }, { no: 'asc' }],
    take: first,
    skip: offset,
  });
}

/** A `year` argument, within the years dates may take (shared/bounds.ts): it becomes a Postgres date. */
function figureYear(year: number | null | undefined, asOf: string): number {
  if (year == null) return Number(asOf.slice(0, 4));
  if (year < MIN_YEAR || year > MAX_YEAR) throw badArgument('year', `must be a year from ${MIN_YEAR} to ${MAX_YEAR}.`, `应为 ${MIN_YEAR} 至 ${MAX_YEAR} 之间的年份。`);
  return year;
}

function byUnitPage(args: { first?: number | null; offset?: number | null }): { first: number; offset: number } {
  const first = args.first ?? BY_UNIT_DEFAULT;
  const offset = args.offset ?? 0;
  const errors = new FieldErrors();
  if (first < 1 || first > BY_UNIT_MAX) errors.add('first', `Ask for 1 to ${BY_UNIT_MAX} child units.`, `下级单位每页 1 至 ${BY_UNIT_MAX} 个。`);
  if (offset < 0) errors.add('offset', 'The offset cannot be negative.', '偏移量不能为负数。');
  errors.throwIfAny();
  return { first, offset };
}

export const AnalyticsDashboard = builder.objectRef<DashboardShape>('AnalyticsDashboard').implement({
  description: 'Figures over one unit’s subtree (统计看板). Each field is one dashboard query.',
  fields: (t) => ({
    unitId: t.id({ resolve: (s) => s.unit.id }),
    unitName: t.string({ resolve: (s) => s.unit.name }),
    asOf: t.string({ resolve: (s) => s.asOf }),
    from: t.string({ resolve: (s) => s.period.from.slice(0, 7) }),
    to: t.string({ resolve: (s) => s.period.to.slice(0, 7) }),
    composition: t.field({ type: Composition, resolve: (s, _a, ctx) => d.composition(ctx.prisma, s.unit.id, Number(s.asOf.slice(0, 4))) }),
    childCount: t.int({
      description: 'Direct child units of the dashboard’s unit (byUnit pages through them)',
      resolve: (s, _a, ctx) => ctx.prisma.orgUnit.count({ where: { parentId: s.unit.id } }),
    }),
    byUnit: t.field({
      type: [UnitBreakdown],
      description: `Composition and meetings of each child unit, in the organisation’s order: \`first\` (1–${BY_UNIT_MAX}, default ${BY_UNIT_DEFAULT}) from \`offset\` (default 0); childCount says how many there are`,
      args: { first: t.arg.int(), offset: t.arg.int() },
      resolve: async (s, args, ctx) => {
        const { first, offset } = byUnitPage(args);
        const kids = await childrenOf(ctx, s.unit.id, first, offset);
        const ids = kids.map((k) => k.id);
        const [comp, meet] = await Promise.all([d.compositionByUnit(ctx.prisma, ids, Number(s.asOf.slice(0, 4))), d.meetingsByUnit(ctx.prisma, ids, s.period)]);
        return kids.map((k) => ({ unit: k, composition: comp.get(k.id)!, meetings: meet.get(k.id)! }));
      },
    }),
    funnel: t.field({ type: Funnel, resolve: (s, _a, ctx) => d.funnel(ctx.prisma, s.unit, s.asOf, s.period) }),
    meetings: t.field({ type: Meetings, resolve: async (s, _a, ctx) => (await d.meetingsByUnit(ctx.prisma, [s.unit.id], s.period)).get(s.unit.id)! }),
    learning: t.field({ type: Learning, resolve: (s, _a, ctx) => d.learning(ctx.prisma, s.unit.id, s.period) }),
    appraisal: t.field({
      type: Appraisal,
      args: { year: t.arg.int({ description: 'Default: the year of asOf' }) },
      resolve: (s, a, ctx) => d.appraisal(ctx.prisma, s.unit.id, figureYear(a.year, s.asOf)),
    }),
    points: t.field({
      type: Points,
      args: { year: t.arg.int({ description: 'Default: the year of asOf' }), top: t.arg.int({ description: 'Ranking length (default 10, at most 100)' }) },
      resolve: (s, a, ctx) => {
        const top = a.top ?? 10;
        if (top < 1 || top > 100) throw badArgument('top', 'must be between 1 and 100.', '应在 1 到 100 之间。');
        return d.points(ctx.prisma, s.unit, figureYear(a.year, s.asOf), top);
      },
    }),
    feedback: t.field({ type: Feedback, resolve: (s, _a, ctx) => d.feedback(ctx.prisma, s.unit.id, s.period) }),
    transfers: t.field({ type: Transfers, resolve: (s, _a, ctx) => d.transfers(ctx.prisma, s.unit.id, s.asOf, s.period) }),
  }),
});

function isoDay(v: Date): string {
  return v.toISOString().slice(0, 10);
}

function monthStart(iso: string): string {
  return `${iso.slice(0, 7)}-01`;
}

async function visibleUnit(ctx: Context, id: string | number | null | undefined): Promise<UnitLike> {
  const p = ctx.principal;
  let unit: UnitLike | null;
  if (id != null) {
    unit = await ctx.loaders.orgUnit.load(requireUuid('unitId', id));
    if (!unit) throw notFound('Org unit', '组织', String(id));
  } else {
    // Default: the top of what the caller may see.
    const root = listRoot(ctx, null);
    unit = root === null ? await ctx.prisma.orgUnit.findFirst({ where: { parentId: null }, orderBy: { no: 'asc' } }) : await ctx.prisma.orgUnit.findUnique({ where: { path: root } });
    if (!unit) throw notFound('Org unit', '组织', describePrincipal(p));
  }
  assertCanSeeUnit(ctx, unit);
  return unit;
}

// ───────── snapshots ─────────

interface InputShape {
  ordinal: number;
  entityType: string;
  entityId: string;
  entityVersion: number;
  leaf: Uint8Array;
}

const SnapshotInputRef = builder.objectRef<InputShape>('AnalyticsSnapshotInput').implement({
  description: 'One record version a snapshot was computed from, in leaf order',
  fields: (t) => ({
    ordinal: t.exposeInt('ordinal'),
    entityType: t.exposeString('entityType'),
    entityId: t.exposeID('entityId'),
    entityVersion: t.exposeInt('entityVersion'),
    leaf: t.string({ description: 'The committed leaf, hex', resolve: (i) => toHex(i.leaf) }),
    proof: t.field({
      type: Proof,
      nullable: true,
      description: 'The proof of exactly this version (null if its record is missing)',
      resolve: async (i, _a, ctx): Promise<LoadedProof | null> => (await ctx.loaders.proof.load({ type: i.entityType, id: i.entityId, version: i.entityVersion })) ?? null,
    }),
  }),
});

const InputPage = builder.objectRef<{ nodes: InputShape[]; endCursor: string | null; hasNextPage: boolean; totalCount: number }>('AnalyticsSnapshotInputPage').implement({
  fields: (t) => ({
    nodes: t.field({ type: [SnapshotInputRef], resolve: (p) => p.nodes }),
    endCursor: t.string({ nullable: true, resolve: (p) => p.endCursor }),
    hasNextPage: t.boolean({ resolve: (p) => p.hasNextPage }),
    totalCount: t.int({ resolve: (p) => p.totalCount }),
  }),
});

async function assertCanSeeSnapshot(ctx: Context, s: Pick<AnalyticsSnapshot, 'id' | 'orgUnitId'>): Promise<void> {
  const unit = await ctx.loaders.orgUnit.load(s.orgUnitId);
  assertCanSeeUnit(ctx, unit ?? { id: s.orgUnitId, path: '\u0000' });
}

builder.prismaObject('AnalyticsSnapshot', {
  description: 'A published dashboard figure (已发布统计快照): a record committing to its input records',
  interfaces: [Verifiable],
  authScopes: async (s, ctx) => {
    await assertCanSeeSnapshot(ctx, s);
    return ANALYTICS_SCOPES;
  },
  fields: (t) => ({
    id: t.exposeID('id'),
    version: t.exposeInt('version'),
    orgUnitId: t.exposeID('orgUnitId'),
    metric: t.exposeString('metric'),
    title: t.exposeString('title'),
    params: t.expose('params', { type: 'JSON' }),
    figures: t.expose('figures', { type: 'JSON' }),
    inputRoot: t.string({ description: 'Merkle root (RFC 9162) of the input leaves in ordinal order, hex', resolve: (s) => toHex(s.inputRoot) }),
    inputCount: t.exposeInt('inputCount'),
    asOfPosition: t.string({ nullable: true, description: 'Log position the figures were computed at', resolve: (s) => (s.asOfPosition === null ? null : String(s.asOfPosition)) }),
    publishedAt: t.expose('publishedAt', { type: 'DateTime' }),
    inputs: t.field({
      type: InputPage,
      description: 'The inputs in ordinal order with their proofs; page with first/after',
      args: { first: t.arg.int(), after: t.arg.string() },
      resolve: async (s, args, ctx) => {
        const first = args.first ?? ctx.config.defaultPageSize;
        if (first < 0 || first > ctx.config.maxPageSize) {
          throw badArgument('first', `must be between 0 and ${ctx.config.maxPageSize} (the largest page).`, `应在 0 到 ${ctx.config.maxPageSize} 之间（单页上限）。`);
        }
        const after = decodeIntCursor('SnapshotInput', 'after', args.after);
        const rows = await ctx.prisma.analyticsSnapshotInput.findMany({
          where: { snapshotId: s.id, ordinal: { gt: after ?? -1 } },
          orderBy: { ordinal: 'asc' },
          take: first + 1,
        });
        const totalCount = await ctx.prisma.analyticsSnapshotInput.count({ where: { snapshotId: s.id } });
        const nodes = rows.slice(0, first);
        return { nodes, hasNextPage: rows.length > first, endCursor: nodes.length ? encodeIntCursor('SnapshotInput', nodes.at(-1)!.ordinal) : null, totalCount };
      },
    }),
  }),
});

builder.queryFields((t) => ({
  analytics: t.field({
    type: AnalyticsDashboard,
    description: 'Dashboard figures over a unit’s subtree (default: the top of what you may see)',
    authScopes: ANALYTICS_SCOPES,
    args: {
      unitId: t.arg.id(),
      from: t.arg({ type: 'Date', description: 'First month of the period (default: January of asOf’s year)' }),
      to: t.arg({ type: 'Date', description: 'Last month of the period (default: asOf’s month)' }),
      asOf: t.arg({ type: 'Date', description: 'Default: today (China time)' }),
    },
    resolve: async (_root, args, ctx) => {
      const unit = await visibleUnit(ctx, args.unitId);
      const asOf = args.asOf ? isoDay(args.asOf) : todayInChina(ctx.config.now());
      const period = { from: monthStart(args.from ? isoDay(args.from) : `${asOf.slice(0, 4)}-01-01`), to: monthStart(args.to ? isoDay(args.to) : asOf) };
      if (period.from > period.to) throw badArgument('from', 'must not be after `to`.', '不能晚于 `to`。');
      await refreshAnalytics(ctx.prisma);
      return { unit, asOf, period };
    },
  }),
  analyticsSnapshots: t.prismaField({
    type: ['AnalyticsSnapshot'],
    description: 'Snapshots published for exactly this unit, newest first (at most 20); a dashboard shows their verification state',
    authScopes: ANALYTICS_SCOPES,
    args: { unitId: t.arg.id({ required: true }), metric: t.arg.string(), first: t.arg.int() },
    resolve: async (query, _root, args, ctx) => {
      const unit = await visibleUnit(ctx, args.unitId);
      const first = args.first ?? 5;
      if (first < 1 || first > 20) throw badArgument('first', 'must be between 1 and 20.', '应在 1 到 20 之间。');
      return ctx.prisma.analyticsSnapshot.findMany({
        ...query,
        where: { orgUnitId: unit.id, ...(args.metric ? { metric: args.metric } : {}) },
        orderBy: [{ publishedAt: 'desc' }, { id: 'asc' }],
        take: first,
      });
    },
  }),
  analyticsSnapshot: t.prismaField({
    type: 'AnalyticsSnapshot',
    description: 'A published snapshot with its inputs and their proofs',
    authScopes: ANALYTICS_SCOPES,
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const id = requireUuid('id', args.id);
      const s = await ctx.prisma.analyticsSnapshot.findUnique({ ...query, where: { id } });
      if (!s) throw notFound('Analytics snapshot', '统计快照', id);
      await assertCanSeeSnapshot(ctx, s);
      return s;
    },
  }),
}));

builder.mutationFields((t) => ({
  publishAnalyticsSnapshot: t.prismaField({
    type: 'AnalyticsSnapshot',
    description: 'Publishes a figure of a unit’s subtree as an anchored snapshot of its input records (LEADER or ADMIN)',
    authScopes: { $any: { admin: true, role: 'LEADER' } },
    args: {
      unitId: t.arg.id({ required: true }),
      metric: t.arg.string({ required: true, description: 'composition | funnel | dues' }),
      title: t.arg.string(),
      asOf: t.arg({ type: 'Date', description: 'Default: today (China time)' }),
    },
    resolve: async (query, _root, args, ctx) => {
      const unit = await ctx.loaders.orgUnit.load(requireUuid('unitId', args.unitId));
      if (!unit) throw notFound('Org unit', '组织', String(args.unitId));
      const p = ctx.principal;
      if (p.kind !== 'account' || !(p.role === 'ADMIN' || (p.role === 'LEADER' && unit.path.startsWith(p.scopePath)))) {
        throw forbidden(
          `${describePrincipal(p)} may not publish figures of ${unit.name}: that needs an ADMIN, or a LEADER whose subtree holds it.`,
          `${describePrincipal(p)} 无权发布 ${unit.name} 的统计：需要管理员或负责该组织的领导账号。`,
          { unitId: unit.id },
        );
      }
      const asOf = args.asOf ? isoDay(args.asOf) : todayInChina(ctx.config.now());
      const title = args.title?.trim() || `${unit.name} ${args.metric} ${asOf}`;
      const s = await publishSnapshot(ctx, { unit, metric: args.metric, title, asOf });
      return ctx.prisma.analyticsSnapshot.findUniqueOrThrow({ ...query, where: { id: s.id } });
    },
  }),
}));

