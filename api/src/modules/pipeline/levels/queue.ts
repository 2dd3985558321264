// What waits on a level: the pending requests whose deciding unit lies in a subtree, and those in
// review whose reviewing general branch does (decision 016), each with its time limit from the
// rules engine (pre-review within a month of the committee review, admission approval within 3
// months of the meeting and at most 6, confirmation approval within 3 months; filings carry no
// limit) — counted from the branch's steps, not from the review — soonest deadline first.
import type { LevelRequest, Prisma } from '@lianjian/db';
import { daysBetween, todayInChina, type IsoDate } from '@lianjian/rules/dates';
import { nextLegalActions } from '@lianjian/rules/pipeline';
import type { Context } from '../../../shared/context.js';
import { engineOptions, memberFacts, stepEvents } from '../service.js';

export type QueueStatus = 'DUE' | 'OVERDUE' | 'EXPIRED' | 'WAITING';
/** What the level does with it: REVIEW (a general branch passes on or returns), DECISION (the committee). */
export type QueueStage = 'REVIEW' | 'DECISION';

export interface QueueEntry {
  request: LevelRequest;
  stage: QueueStage;
  /** The day (China time) the request was made. */
  since: IsoDate;
  dueOn: IsoDate | null;
  deadline: IsoDate | null;
  status: QueueStatus;
  daysLeft: number | null;
  waitingDays: number;
  /** Sort and cursor key: due date (none last), request time, id. */
  key: string;
}

export function statusOf(asOf: IsoDate, dueOn: IsoDate | null, deadline: IsoDate | null): QueueStatus {
  if (deadline && asOf > deadline) return 'EXPIRED';
  if (dueOn && asOf > dueOn) return 'OVERDUE';
  return dueOn ? 'DUE' : 'WAITING';
}

/** What a request's limits are computed from: its member's facts and steps (read by withMembersForLimits). */
const MEMBER_FOR_LIMITS = {
  select: {
    id: true,
    birthDate: true,
    stage: true,
    status: true,
    developmentSteps: { orderBy: { seq: 'asc' }, select: { kind: true, occurredOn: true, details: true, approval: true } },
  },
} as const satisfies Prisma.MemberDefaultArgs;

type MemberForLimits = Prisma.MemberGetPayload<typeof MEMBER_FOR_LIMITS>;

/** Members read per statement: the query's parameters stay far below Postgres's limit. */
const MEMBERS_AT_ONCE = 5_000;

/**
 * Each row with its member as MEMBER_FOR_LIMITS selects it, read in slices of MEMBERS_AT_ONCE ids.
 * A nested `include` sends every member id of the list in one statement: at the root of a
 * million-member tree (34,943 requests waiting) that passed the database's parameter limit.
 */
export async function withMembersForLimits<R extends { memberId: string }>(ctx: Context, rows: readonly R[]): Promise<(R & { member: MemberForLimits })[]> {
  const ids = [...new Set(rows.map((r) => r.memberId))];
  const byId = new Map<string, MemberForLimits>();
  for (let at = 0; at < ids.length; at += MEMBERS_AT_ONCE) {
    const slice = ids.slice(at, at + MEMBERS_AT_ONCE);
    for (const m of await ctx.prisma.member.findMany({ where: { id: { in: slice } }, ...MEMBER_FOR_LIMITS })) byId.set(m.id, m);
  }
  // A request's member cannot be deleted while the request exists (a foreign key), so every row finds one.
  return rows.map((r) => ({ ...r, member: byId.get(r.memberId)! }));
}

export interface RequestLimits {
  since: IsoDate;
  dueOn: IsoDate | null;
  deadline: IsoDate | null;
  status: QueueStatus;
  daysLeft: number | null;
  waitingDays: number;
}

/** A waiting request's time limit as of `asOf`, from the rules engine over its member's steps. */
export function limitsOf(request: Pick<LevelRequest, 'kind' | 'requestedAt'>, member: MemberForLimits, asOf: IsoDate, options = engineOptions()): RequestLimits {
  const action = nextLegalActions(memberFacts(member), stepEvents(member.developmentSteps), asOf, options).find((a) => a.kind === request.kind);
  const dueOn = action?.dueOn ?? null;
  const deadline = action?.deadline ?? null;
  const since = todayInChina(request.requestedAt);
  return { since, dueOn, deadline, status: statusOf(asOf, dueOn, deadline), daysLeft: dueOn ? daysBetween(asOf, dueOn) : null, waitingDays: Math.max(0, daysBetween(since, asOf)) };
}

/** Requests waiting on units under `rootPath` (null = all), with their limits as of `asOf`. */
export async function waitingOn(ctx: Context, rootPath: string | null, asOf: IsoDate, stages: readonly QueueStage[] = ['REVIEW', 'DECISION']): Promise<QueueEntry[]> {
  const under = (rel: 'decidingUnit' | 'reviewingUnit') => (rootPath ? { [rel]: { path: { startsWith: rootPath } } } : {});
  const rows = await ctx.prisma.levelRequest.findMany({
    where: {
      OR: [
        ...(stages.includes('DECISION') ? [{ status: 'PENDING' as const, ...under('decidingUnit') }] : []),
        ...(stages.includes('REVIEW') ? [{ status: 'IN_REVIEW' as const, ...under('reviewingUnit') }] : []),
      ],
    },
  });
  const options = engineOptions();
  return (await withMembersForLimits(ctx, rows))
    .map(({ member, ...request }): QueueEntry => {
      const limits = limitsOf(request, member, asOf, options);
      return {
        request,
        stage: request.status === 'IN_REVIEW' ? 'REVIEW' : 'DECISION',
        ...limits,
        key: `${limits.dueOn ?? '9999-12-31'}|${request.requestedAt.toISOString()}|${request.id}`,
      };
    })
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
