import { pageUrl } from '../../lib/session.server';
// Server side of appraisal.tsx: its loader and actions and the GraphQL documents they send.
import type { Route } from './+types/appraisal';
import { requireAccount } from '../../lib/auth.server';
import { pagingFrom } from '../../lib/portal';
import { PAGE_ROLES } from '../../lib/roles';
import { graphql } from '../../graphql';

const RESULTS = graphql(`query MyAppraisal($first: Int, $after: String, $last: Int, $before: String) {
  myAppraisalResults(first: $first, after: $after, last: $last, before: $before) {
    totalCount pageInfo { ...PageFields }
    edges { node { id version rating ratingZh decidedAt notifiedAt
      peerSummary { excellent qualified basicallyQualified unqualified total }
      campaign { id title year } proof { ...ProofFields } } }
  }
}`);

export async function loader({ request }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.me);
  if (!ctx.account.memberId) return { list: null };
  const r = await ctx.query(RESULTS, pagingFrom(pageUrl(request)));
  return { list: r.myAppraisalResults };
}
