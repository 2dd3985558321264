import { pageUrl } from '../../lib/session.server';
// Server side of points.tsx: its loader and actions and the GraphQL documents they send.
import type { Route } from './+types/points';
import { requireAccount } from '../../lib/auth.server';
import { pagingFrom } from '../../lib/portal';
import { PAGE_ROLES } from '../../lib/roles';
import { graphql } from '../../graphql';

const POINTS = graphql(`query MyPoints($first: Int, $after: String, $last: Int, $before: String) {
  memberPointsTotal { total entryCount }
  pointsLedger(first: $first, after: $after, last: $last, before: $before) {
    totalCount pageInfo { ...PageFields }
    edges { node { id version points netPoints occurredOn reason correctsId sourceType
      rule { id code name points revision } proof { ...ProofFields } } }
  }
}`);

export async function loader({ request }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.me);
  if (!ctx.account.memberId) return { data: null };
  const r = await ctx.query(
    POINTS,
    pagingFrom(pageUrl(request)),
  );
  return { data: r };
}
