// Composition of a unit's subtree by development stage, overall and per direct sub-unit, from the
// API's member counts (the API has no analytics queries yet). Each count is one `members`
// totalCount; aliases are batched under the API's alias limit (15 per operation).
import { data } from 'react-router';
import type { AccountContext } from './auth.server';
import { STAGES, type Stage } from './stages';

export interface UnitRef {
  id: string;
  name: string;
  kind: string;
}

export interface UnitComposition extends UnitRef {
  byStage: Record<Stage, number>;
  active: number;
}

export interface Composition {
  unit: UnitRef & { level: number; parent: UnitRef | null };
  /** Whether the viewer may go up to the parent (it is inside their scope). */
  canGoUp: boolean;
  total: number;
  active: number;
  byStage: Record<Stage, number>;
  children: UnitComposition[];
  childCount: number;
}

const MAX_ALIASES = 15;
const MAX_CHILDREN = 100;
const PARALLEL = 3;

const UNIT = `query Unit($id: ID!) {
  orgUnit(id: $id) { id name kind level path parent { id name kind } children(first: ${MAX_CHILDREN}) { totalCount edges { node { id name kind } } } }
  total: members(under: $id, first: 1) { totalCount }
  active: members(under: $id, status: ACTIVE, first: 1) { totalCount }
  ${STAGES.map((s) => `${s}: members(under: $id, stage: ${s}, status: ACTIVE, first: 1) { totalCount }`).join('\n  ')}
}`;

type Count = { totalCount: number };

interface UnitResult {
  orgUnit: UnitRef & {
    level: number;
    path: string;
    parent: UnitRef | null;
    children: { totalCount: number; edges: Array<{ node: UnitRef }> };
  };
  total: Count;
  active: Count;
  [stage: string]: unknown;
}

export async function composition(ctx: AccountContext, unitId: string | null): Promise<Composition> {
  const id = unitId ?? ctx.account.scopeUnitId;
  const r = await ctx.query<UnitResult>(UNIT, { id });
  const byStage = Object.fromEntries(STAGES.map((s) => [s, (r[s] as Count).totalCount])) as Record<Stage, number>;
  const children = r.orgUnit.children.edges.map((e) => e.node);
  const counts = await childCounts(ctx, children);
  return {
    unit: { id: r.orgUnit.id, name: r.orgUnit.name, kind: r.orgUnit.kind, level: r.orgUnit.level, parent: r.orgUnit.parent },
    canGoUp: r.orgUnit.parent !== null && id !== ctx.account.scopeUnitId,
    total: r.total.totalCount,
    active: r.active.totalCount,
    byStage,
    children: counts,
    childCount: r.orgUnit.children.totalCount,
  };
}

async function childCounts(ctx: AccountContext, children: UnitRef[]): Promise<UnitComposition[]> {
  const perQuery = Math.floor(MAX_ALIASES / STAGES.length);
  const chunks: UnitRef[][] = [];
  for (let i = 0; i < children.length; i += perQuery) chunks.push(children.slice(i, i + perQuery));
  const results: UnitComposition[][] = new Array(chunks.length);
  let next = 0;
  async function worker() {
    while (next < chunks.length) {
      const i = next++;
      results[i] = await countChunk(ctx, chunks[i]!);
    }
  }
  await Promise.all(Array.from({ length: Math.min(PARALLEL, chunks.length) }, worker));
  return results.flat();
}

async function countChunk(ctx: AccountContext, units: UnitRef[]): Promise<UnitComposition[]> {
  const vars = units.map((_, i) => `$u${i}: ID!`).join(', ');
  const fields = units.flatMap((_, i) => STAGES.map((s) => `c${i}_${s}: members(under: $u${i}, stage: ${s}, status: ACTIVE, first: 1) { totalCount }`));
  const query = `query SubUnitCounts(${vars}) { ${fields.join('\n')} }`;
  const variables = Object.fromEntries(units.map((u, i) => [`u${i}`, u.id]));
  const r = await ctx.query<Record<string, Count>>(query, variables);
  return units.map((u, i) => {
    const byStage = Object.fromEntries(STAGES.map((s) => [s, r[`c${i}_${s}`]?.totalCount ?? 0])) as Record<Stage, number>;
    return { ...u, byStage, active: STAGES.reduce((sum, s) => sum + byStage[s], 0) };
  });
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
