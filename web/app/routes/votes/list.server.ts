import { pageUrl } from '../../lib/session.server';
// Server side of list.tsx: its loader and actions and the GraphQL documents they send.
import type { Route } from './+types/list';
import { requireAccount } from '../../lib/auth.server';
import { PAGE_ROLES, isWriter } from '../../lib/roles';
import { VOTE_STATUSES } from '../../lib/votes';
import { paramOneOf } from '../../lib/one-of';
import { pagingFrom } from '../../lib/portal';
import { graphql } from '../../graphql';

const PAGE_SIZE = 20;

// Members may not read OrgUnit rows: the unit's name is asked for by staff only ($staff).
const VOTES = graphql(`query Votes($first: Int, $after: String, $last: Int, $before: String, $status: VoteStatus, $staff: Boolean!) {
  votes(first: $first, after: $after, last: $last, before: $before, status: $status) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { node { id title kind status createdAt closedAt eligibleCount hasVoted orgUnit @include(if: $staff) { name } tally { passed ballotsCast } proof { status batchSeq anchor { height } } } }
  }
}`);

export async function loader({ request }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.votes);
  const url = pageUrl(request);
  const status = paramOneOf(url, 'status', VOTE_STATUSES);
  // The demo's admin and leader accounts have no member record: `hasVoted` is null for them.
  const r = await ctx.query(VOTES, { staff: ctx.account.role !== 'MEMBER', ...(status ? { status } : {}), ...pagingFrom(url, '', PAGE_SIZE) });
  return { filters: { status: status ?? '' }, votes: r.votes, canCreate: isWriter(ctx.account.role), hasMember: ctx.account.memberId !== null };
}
