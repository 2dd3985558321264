import { pageUrl } from '../../lib/session.server';
// Server side of decisions.tsx: its loader and actions and the GraphQL documents they send.
import type { Route } from './+types/decisions';
import { requireAccount } from '../../lib/auth.server';
import { pagingFrom } from '../../lib/portal';
import { PAGE_ROLES } from '../../lib/roles';
import { graphql } from '../../graphql';

const DECISIONS = graphql(`query BranchDecisions($first: Int, $after: String, $last: Int, $before: String) {
  decisions(first: $first, after: $after, last: $last, before: $before) {
    totalCount pageInfo { ...PageFields }
    edges { node { id number title content decidedOn status yesCount noCount abstainCount overdueMilestones proof { status batchSeq anchor { height } }
      milestones { id title dueOn completedOn status overdue overdueDays proof { status batchSeq anchor { height } } } } }
  }
}`);

export async function loader({ request }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.me);
  // Staff accounts read decisions on /decisions; here only the member's own branch is meant.
  if (!ctx.account.memberId || ctx.account.role !== 'MEMBER') return { list: null };
  const r = await ctx.query(DECISIONS, pagingFrom(pageUrl(request)));
  return { list: r.decisions };
}
