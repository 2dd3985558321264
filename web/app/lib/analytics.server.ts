import { pageUrl } from './session.server';
// The dashboard's data from the API's analytics query (subtree rollups), the units the viewer may
// pick, the way back up to their scope, and the latest published snapshot of each metric.
import { data } from 'react-router';
import type { AccountContext } from './auth.server';
import { UNITS_PAGE, FIRST_MONTH, LAST_MONTH, MAX_PERIOD_MONTHS, monthCount, monthParam, type DashboardData } from './analytics';
import { chinaToday } from './format';
import type { DashboardUnitsQuery } from '../graphql/graphql';
import { graphql } from '../graphql';

export interface UnitOption {
  id: string;
  name: string;
  level: number;
}

export interface Crumb {
  id: string;
  name: string;
}

/** The newest snapshots of a unit, as the dashboard lists them. */
export type SnapshotSummary = DashboardUnitsQuery['analyticsSnapshots'][number];

export interface DashboardPage {
  data: DashboardData;
  units: UnitOption[];
  /** From the viewer's scope unit down to this unit. */
  crumbs: Crumb[];
  /** The newest snapshot of each metric published for exactly this unit. */
  snapshots: SnapshotSummary[];
  canPublish: boolean;
  period: { from: string | null; to: string | null };
  /** Sub-units skipped before the page shown (the `units` parameter). */
  unitsOffset: number;
}

/** One query for the whole dashboard (depth 4, well under the API's limits). */
const DASHBOARD_QUERY = graphql(`query Dashboard($unitId: ID, $from: Date, $to: Date, $unitsFirst: Int, $unitsOffset: Int) {
  analytics(unitId: $unitId, from: $from, to: $to) {
    unitId unitName asOf from to
    composition { ...CompositionFields }
    childCount byUnit(first: $unitsFirst, offset: $unitsOffset) { unitId unitName composition { ...CompositionFields } meetings { ...MeetingFigures } }
    funnel { stages { stage current reached converted conversionRate medianDays } overdueSteps expiredSteps monthly { ...MonthFields } figures }
    meetings { ...MeetingFigures }
    learning { completions classHours scored averageScore scoreBands { key count } quizSubmitted quizPassed quizPassRate quizPercentBands { key count } monthly { ...MonthFields } }
    appraisal { year total byRating { key count } excellentShare }
    points { year members total bands { key count } top { rank memberId unitId points } monthly { ...MonthFields } }
    feedback { total byCategory { key count } byStatus { key count } resolved medianResolutionDays monthly { ...MonthFields } }
    transfers { open expired received cancelled issuedMonthly { ...MonthFields } }
  }
}`);

graphql(`fragment CompositionFields on MemberComposition { total byStage { key count } byGender { key count } byEducation { key count } byAgeBand { key count } figures }`);
graphql(`fragment MeetingFigures on MeetingAnalytics { cadence { kind required held meetings rate } attendance { present late excused absent rate } monthly { month key count total } }`);
graphql(`fragment MonthFields on AnalyticsPoint { month key count total }`);

// The unit picker lists the first 100 units of the viewer's scope.
const PAGE_QUERY = graphql(`query DashboardUnits($unitId: ID!, $scope: ID!) {
  orgUnits(under: $scope, first: 100) { edges { node { id name level } } }
  orgUnit(id: $unitId) { id name level }
  scopeUnit: orgUnit(id: $scope) { id level }
  analyticsSnapshots(unitId: $unitId, first: 10) { id metric title publishedAt inputCount figures proof { status batchSeq } }
}`);

/**
 * The unit with `depth` ancestors (up to six): asking for the parent of the viewer's scope unit is
 * refused (FORBIDDEN) for anyone below the root, so the chain stops at the scope ($pN: ask for the Nth parent).
 */
const CHAIN_QUERY = graphql(`query DashboardCrumbs($unitId: ID!, $p1: Boolean!, $p2: Boolean!, $p3: Boolean!, $p4: Boolean!, $p5: Boolean!, $p6: Boolean!) {
  orgUnit(id: $unitId) { id name parent @include(if: $p1) { id name parent @include(if: $p2) { id name parent @include(if: $p3) {
    id name parent @include(if: $p4) { id name parent @include(if: $p5) { id name parent @include(if: $p6) { id name } } } } } }
  }
}`);

function chainVariables(unitId: string, depth: number) {
  return { unitId, p1: depth >= 1, p2: depth >= 2, p3: depth >= 3, p4: depth >= 4, p5: depth >= 5, p6: depth >= 6 };
}

interface ParentChain {
  id: string;
  name: string;
  parent?: ParentChain | null;
}

/** The `unit` query parameter, if it looks like an id. */
export function unitParam(request: Request): string | null {
  const unit = pageUrl(request).searchParams.get('unit');
  if (unit === null || unit === '') return null;
  if (!/^[0-9a-zA-Z-]{1,64}$/.test(unit)) {
    throw data({ code: 'BAD_USER_INPUT', message: `"${unit}" is not a unit id.`, messageZh: `“${unit}”不是组织编号。` }, { status: 400 });
  }
  return unit;
}

/** The `units` parameter: how many sub-units the page skips (0 when absent). */
export function unitsOffsetParam(request: Request): number {
  const v = pageUrl(request).searchParams.get('units');
  if (v === null || v === '') return 0;
  if (!/^\d{1,7}$/.test(v)) {
    throw data({ code: 'BAD_USER_INPUT', message: `"${v}" is not a sub-unit offset (a whole number from 0).`, messageZh: `“${v}”不是下级组织的偏移量（应为从 0 起的整数）。` }, { status: 400 });
  }
  return Number(v);
}

function badPeriod(message: string, messageZh: string): never {
  throw data({ code: 'BAD_USER_INPUT', message, messageZh }, { status: 400 });
}

/** The period parameters (YYYY-MM), refused with a 400 when malformed, out of range or too long. */
export function periodParams(request: Request, now: number = Date.now()): { from: string | null; to: string | null } {
  const q = pageUrl(request).searchParams;
  const out: { from: string | null; to: string | null } = { from: null, to: null };
  for (const k of ['from', 'to'] as const) {
    const v = monthParam(q.get(k));
    if (v === false) badPeriod(`"${q.get(k)}" is not a month (YYYY-MM) for ${k}.`, `${k} 的“${q.get(k)}”不是月份（YYYY-MM）。`);
    // A link such as ?from=9999-12 must not reach the API, which refuses it anyway.
    if (v !== null && (v < FIRST_MONTH || v > LAST_MONTH)) {
      badPeriod(`${k} "${v}" is outside the months the dashboard covers, ${FIRST_MONTH} to ${LAST_MONTH}.`, `${k} 的“${v}”超出看板可查询的月份范围（${FIRST_MONTH} 至 ${LAST_MONTH}）。`);
    }
    out[k] = v;
  }
  if (out.from && out.to && out.from > out.to) badPeriod('The first month is after the last one.', '起始月份晚于截止月份。');
  // Without `to` the period ends this month (the API's default).
  if (out.from && monthCount(out.from, out.to ?? chinaToday(now).slice(0, 7)) > MAX_PERIOD_MONTHS) {
    badPeriod(`The period is longer than ${MAX_PERIOD_MONTHS / 12} years; choose a shorter one.`, `统计区间超过 ${MAX_PERIOD_MONTHS / 12} 年，请缩短。`);
  }
  return out;
}

export async function dashboardData(ctx: AccountContext, unitId: string | null, period: { from: string | null; to: string | null }, unitsOffset = 0): Promise<DashboardData> {
  const r = await ctx.query(DASHBOARD_QUERY, {
    unitId: unitId ?? ctx.account.scopeUnitId,
    from: period.from ? `${period.from}-01` : null,
    to: period.to ? `${period.to}-01` : null,
    unitsFirst: UNITS_PAGE,
    unitsOffset,
  });
  return r.analytics;
}

export async function dashboardPage(ctx: AccountContext, request: Request): Promise<DashboardPage> {
  const period = periodParams(request);
  const unitsOffset = unitsOffsetParam(request);
  const d = await dashboardData(ctx, unitParam(request), period, unitsOffset);
  const r = await ctx.query(PAGE_QUERY, { unitId: d.unitId, scope: ctx.account.scopeUnitId });
  const depth = Math.max(0, r.orgUnit.level - r.scopeUnit.level);
  const top = depth === 0 ? r.orgUnit : (await ctx.query(CHAIN_QUERY, chainVariables(d.unitId, depth))).orgUnit;
  const chain: Crumb[] = [];
  for (let u: ParentChain | null | undefined = top; u; u = u.parent) {
    chain.unshift({ id: u.id, name: u.name });
    if (u.id === ctx.account.scopeUnitId) break;
  }
  const scopeAt = chain.findIndex((c) => c.id === ctx.account.scopeUnitId);
  const crumbs = scopeAt >= 0 ? chain.slice(scopeAt) : chain.slice(-1);
  const seen = new Set<string>();
  const snapshots = r.analyticsSnapshots.filter((s) => !seen.has(s.metric) && seen.add(s.metric));
  const units = r.orgUnits.edges.map((e) => e.node);
  if (!units.some((u) => u.id === d.unitId)) units.push({ id: d.unitId, name: d.unitName, level: units.at(-1)?.level ?? 0 });
  return { data: d, units, crumbs, snapshots, canPublish: ctx.account.role === 'LEADER' || ctx.account.role === 'ADMIN', period, unitsOffset };
}

export async function publishSnapshot(ctx: AccountContext, input: { unitId: string; metric: string; title: string | null }): Promise<{ id: string }> {
  const r = await ctx.call(graphql(`mutation Publish($unitId: ID!, $metric: String!, $title: String) { publishAnalyticsSnapshot(unitId: $unitId, metric: $metric, title: $title) { id } }`), input);
  return r.publishAnalyticsSnapshot;
}
