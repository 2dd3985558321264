// What a level oversees (issue 19, deliverable 5): for each child unit of the unit in view, the work
// waiting in its subtree — development steps due and overdue, requests to the level above waiting
// and past their limits, meeting slots overdue, committee terms ending or past their end — and,
// for a branch, the items themselves. Read-only: it reuses the rules of each area (the pipeline
// engine, the deciding level's limits, the meeting cadence, the term rules) and writes nothing.
//
// Cost: the children are paged (by unit number) and figures are computed for one page only, each
// over that child's subtree by path prefix. Terms are counted in one SQL statement per page. The
// waiting requests of the page's subtrees are read once (few: one per member waiting on a
// decision) with the histories their limits need. Steps due and meeting slots come from the same
// functions as the overdue list and the compliance report (pipeline/due-query.ts,
// meetings/compliance.ts), run per child subtree (a few at a time), so the figures here match
// those pages exactly; their cost is theirs: a scan of the members in development (in batches,
// only their step rows) and of the year's completed meetings of each subtree. The rules engine
// stays the one place the limits are written, rather than a second copy of them in SQL.
import type { LevelRequest, OrgUnit } from '@lianjian/db';
import { addDays, todayInChina, type IsoDate } from '@lianjian/rules/dates';
import type { Context } from '../../shared/context.js';
import { DEFAULT_DUE_DAYS } from '../committees/schema/types.js';
import { meetingCompliance } from '../meetings/compliance.js';
import { dueInSubtree, type DueEntry } from '../pipeline/due-query.js';
import { limitsOf, withMembersForLimits, type RequestLimits } from '../pipeline/levels/queue.js';
import { engineOptions, engineToday } from '../pipeline/service.js';
import { inSubtree, visibleRoot } from '../../shared/principal.js';

/** Steps due within this many days are listed as due (the overdue list's default). */
export const STEP_DUE_DAYS = 30;

/** Units whose rows are their members' items rather than child units: drill-down ends here. */
export const isLeaf = (unit: Pick<OrgUnit, 'kind'>) => unit.kind === 'BRANCH' || unit.kind === 'GROUP';

export interface ChildFigures {
  unit: OrgUnit;
  stepsDue: number;
  /** OVERDUE and EXPIRED steps. */
  stepsOverdue: number;
  requestsWaiting: number;
  /** Waiting requests past their limit (OVERDUE) or past the longest allowed (EXPIRED). */
  requestsOverdue: number;
  meetingSlotsOverdue: number;
  /** Current terms ending within DEFAULT_DUE_DAYS, not yet past. */
  termsEnding: number;
  termsOverdue: number;
}

export interface WaitingRequest extends RequestLimits {
  request: LevelRequest;
  unitPath: string;
}

/** The year so far (China time): the period the meetings page reports by default. */
export function meetingPeriod(ctx: Context): { from: Date; to: Date } {
  const today = todayInChina(ctx.config.now());
  return { from: new Date(`${today.slice(0, 4)}-01-01T00:00:00Z`), to: new Date(`${today}T00:00:00Z`) };
}

/** The units from the caller's scope unit down to `unit` (an ADMIN's: from the root). */
export async function trailTo(ctx: Context, unit: OrgUnit): Promise<OrgUnit[]> {
  const root = visibleRoot(ctx.principal);
  const rows = await ctx.prisma.orgUnit.findMany({ where: { path: { in: pathsDownTo(unit.path) } } });
  return rows.filter((u) => inSubtree(root, u.path)).sort((a, b) => a.level - b.level);
}

function pathsDownTo(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  return parts.map((_, i) => `/${parts.slice(0, i + 1).join('/')}/`);
}

export interface ChildPage {
  units: OrgUnit[];
  totalCount: number;
  hasNextPage: boolean;
}

/** One page of the unit's standing children, in unit-number order after `afterNo`. */
export async function childPage(ctx: Context, unit: OrgUnit, first: number, afterNo: number | null): Promise<ChildPage> {
  const where = { parentId: unit.id, dissolvedOn: null };
  const [rows, totalCount] = await Promise.all([
    ctx.prisma.orgUnit.findMany({ where: { ...where, ...(afterNo !== null ? { no: { gt: afterNo } } : {}) }, orderBy: { no: 'asc' }, take: first + 1 }),
    ctx.prisma.orgUnit.count({ where }),
  ]);
  return { units: rows.slice(0, first), totalCount, hasNextPage: rows.length > first };
}

/**
 * Requests made by members of units under any of `paths` still waiting on the level above — in a
 * general branch's review (IN_REVIEW) or for the committee's decision (PENDING) — with their
 * limits as of `asOf`.
 */
export async function waitingUnder(ctx: Context, paths: readonly string[], asOf: IsoDate): Promise<WaitingRequest[]> {
  if (paths.length === 0) return [];
  const rows = await ctx.prisma.levelRequest.findMany({
    where: { status: { in: ['IN_REVIEW', 'PENDING'] }, OR: paths.map((p) => ({ orgUnit: { path: { startsWith: p } } })) },
    include: { orgUnit: { select: { path: true } } },
    orderBy: [{ requestedAt: 'asc' }, { id: 'asc' }],
  });
  const options = engineOptions();
  // The same limits as the deciding level's queue.
  return (await withMembersForLimits(ctx, rows)).map(({ member, orgUnit, ...request }) => ({ request, unitPath: orgUnit.path, ...limitsOf(request, member, asOf, options) }));
}

const late = (s: string) => s === 'OVERDUE' || s === 'EXPIRED';

/** Subtrees scanned at once: each scan reads in batches, and a page may hold many children. */
const SCANS_AT_ONCE = 4;

async function eachLimited<T, R>(items: readonly T[], f: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) out[i] = await f(items[i]!);
  };
  await Promise.all(Array.from({ length: Math.min(SCANS_AT_ONCE, items.length) }, worker));
  return out;
}

/** Current terms in each subtree of `paths`: ending within DEFAULT_DUE_DAYS, and past their end. */
async function termsByPath(ctx: Context, paths: readonly string[], asOf: IsoDate): Promise<Map<string, { ending: number; overdue: number }>> {
  const until = addDays(asOf, DEFAULT_DUE_DAYS);
  const rows = await ctx.prisma.$queryRaw<{ path: string; ending: bigint; overdue: bigint }[]>`
    SELECT c.path,
           count(*) FILTER (WHERE k.term_end >= ${asOf}::date) AS ending,
           count(*) FILTER (WHERE k.term_end < ${asOf}::date) AS overdue
      FROM unnest(${paths}::text[]) AS c(path)
      JOIN org_unit u ON u.path LIKE c.path || '%' AND u.dissolved_on IS NULL
      JOIN committee k ON k.org_unit_id = u.id AND k.ended_on IS NULL AND k.term_end <= ${until}::date
     GROUP BY c.path`;
  return new Map(rows.map((r) => [r.path, { ending: Number(r.ending), overdue: Number(r.overdue) }]));
}

/** The figures of each child's subtree, for one page of children. */
export async function childFigures(ctx: Context, units: readonly OrgUnit[]): Promise<ChildFigures[]> {
  if (units.length === 0) return [];
  const asOf = engineToday(ctx);
  const paths = units.map((u) => u.path);
  const { from, to } = meetingPeriod(ctx);
  const [terms, requests, steps, meetings] = await Promise.all([
    termsByPath(ctx, paths, asOf),
    waitingUnder(ctx, paths, asOf),
    eachLimited(units, (u) => dueInSubtree(ctx, { rootPath: u.path, asOf, withinDays: STEP_DUE_DAYS, statuses: null })),
    // A party group has no compliance of its own: its meetings count for its branch.
    eachLimited(units, async (u) => (u.kind === 'GROUP' ? null : meetingCompliance(ctx, u.id, from, to))),
  ]);
  return units.map((unit, i) => {
    const mine = requests.filter((r) => r.unitPath.startsWith(unit.path));
    const t = terms.get(unit.path);
    return {
      unit,
      stepsDue: steps[i]!.filter((d) => d.status === 'DUE').length,
      stepsOverdue: steps[i]!.filter((d) => late(d.status)).length,
      requestsWaiting: mine.length,
      requestsOverdue: mine.filter((r) => late(r.status)).length,
      meetingSlotsOverdue: meetings[i]?.rows.reduce((n, r) => n + r.overdue, 0) ?? 0,
      termsEnding: t?.ending ?? 0,
      termsOverdue: t?.overdue ?? 0,
    };
  });
}

/** A branch's (or group's) own items: its members' steps due and requests waiting. */
export async function stepsIn(ctx: Context, unit: OrgUnit): Promise<DueEntry[]> {
  return dueInSubtree(ctx, { rootPath: unit.path, asOf: engineToday(ctx), withinDays: STEP_DUE_DAYS, statuses: null });
}

export async function requestsIn(ctx: Context, unit: OrgUnit): Promise<WaitingRequest[]> {
  return waitingUnder(ctx, [unit.path], engineToday(ctx));
}

/** A branch's meeting kinds with a slot overdue or due this period. */
export async function meetingsIn(ctx: Context, unit: OrgUnit) {
  if (unit.kind !== 'BRANCH') return [];
  const { from, to } = meetingPeriod(ctx);
  return (await meetingCompliance(ctx, unit.id, from, to)).rows.filter((r) => r.overdue > 0 || r.due > 0);
}

/** Current terms in the unit's subtree ending within DEFAULT_DUE_DAYS or past their end. */
export function termsWhere(ctx: Context, unit: OrgUnit) {
  const until = new Date(`${addDays(engineToday(ctx), DEFAULT_DUE_DAYS)}T00:00:00Z`);
  return { endedOn: null, termEnd: { lte: until }, orgUnit: { dissolvedOn: null, path: { startsWith: unit.path } } };
}
