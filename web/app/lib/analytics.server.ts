// The dashboard's data from the API's analytics query (subtree rollups), the units the viewer may
// pick, the way back up to their scope, and the latest published snapshot of each metric.
import { data } from 'react-router';
import type { AccountContext } from './auth.server';
import { DASHBOARD_QUERY, FIRST_MONTH, LAST_MONTH, MAX_PERIOD_MONTHS, monthCount, monthParam, type DashboardData } from './analytics';
import { chinaToday } from './format';
import { PROOF_FIELDS, type ProofNode } from './fragments';

export interface UnitOption {
  id: string;
  name: string;
  level: number;
}

export interface Crumb {
  id: string;
  name: string;
}

export interface SnapshotSummary {
  id: string;
  metric: string;
  title: string;
  publishedAt: string;
  inputCount: number;
  figures: Record<string, unknown>;
  proof: Pick<ProofNode, 'status' | 'batchSeq'>;
}

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

const PICKER_LIMIT = 100;

const PAGE_QUERY = `query DashboardUnits($unitId: ID!, $scope: ID!) {
  orgUnits(under: $scope, first: ${PICKER_LIMIT}) { edges { node { id name level } } }
  orgUnit(id: $unitId) { id name level }
  scopeUnit: orgUnit(id: $scope) { id level }
  analyticsSnapshots(unitId: $unitId, first: 10) { id metric title publishedAt inputCount figures proof { status batchSeq } }
}`;

/**
 * The unit with exactly `depth` ancestors: asking for the parent of the viewer's scope unit is
 * refused (FORBIDDEN) for anyone below the root, so the chain stops at the scope.
 */
function chainQuery(depth: number): string {
  let fields = 'id name';
  for (let i = 0; i < depth; i++) fields = `id name parent { ${fields} }`;
  return `query DashboardCrumbs($unitId: ID!) { orgUnit(id: $unitId) { ${fields} } }`;
}

interface ParentChain {
  id: string;
  name: string;
  parent?: ParentChain | null;
}

/** The `unit` query parameter, if it looks like an id. */
export function unitParam(request: Request): string | null {
  const unit = new URL(request.url).searchParams.get('unit');
  if (unit === null || unit === '') return null;
  if (!/^[0-9a-zA-Z-]{1,64}$/.test(unit)) {
    throw data({ code: 'BAD_USER_INPUT', message: `"${unit}" is not a unit id.`, messageZh: `“${unit}”不是组织编号。` }, { status: 400 });
  }
  return unit;
}

/** The `units` parameter: how many sub-units the page skips (0 when absent). */
export function unitsOffsetParam(request: Request): number {
  const v = new URL(request.url).searchParams.get('units');
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
  const q = new URL(request.url).searchParams;
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
  const r = await ctx.query<{ analytics: DashboardData }>(DASHBOARD_QUERY, {
    unitId: unitId ?? ctx.account.scopeUnitId,
    from: period.from ? `${period.from}-01` : null,
    to: period.to ? `${period.to}-01` : null,
    unitsOffset,
  });
  return r.analytics;
}

export async function dashboardPage(ctx: AccountContext, request: Request): Promise<DashboardPage> {
  const period = periodParams(request);
  const unitsOffset = unitsOffsetParam(request);
  const d = await dashboardData(ctx, unitParam(request), period, unitsOffset);
  const r = await ctx.query<{
    orgUnits: { edges: Array<{ node: UnitOption }> };
    orgUnit: ParentChain & { level: number };
    scopeUnit: { id: string; level: number };
    analyticsSnapshots: SnapshotSummary[];
  }>(PAGE_QUERY, { unitId: d.unitId, scope: ctx.account.scopeUnitId });
  const depth = Math.max(0, r.orgUnit.level - r.scopeUnit.level);
  const top = depth === 0 ? r.orgUnit : (await ctx.query<{ orgUnit: ParentChain }>(chainQuery(depth), { unitId: d.unitId })).orgUnit;
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

export const SNAPSHOT_FIELDS = `id version orgUnitId metric title params figures inputRoot inputCount publishedAt ${PROOF_FIELDS}`;

export async function publishSnapshot(ctx: AccountContext, input: { unitId: string; metric: string; title: string | null }): Promise<{ id: string }> {
  const r = await ctx.call<{ publishAnalyticsSnapshot: { id: string } }>(
    'mutation Publish($unitId: ID!, $metric: String!, $title: String) { publishAnalyticsSnapshot(unitId: $unitId, metric: $metric, title: $title) { id } }',
    input,
  );
  return r.publishAnalyticsSnapshot;
}
