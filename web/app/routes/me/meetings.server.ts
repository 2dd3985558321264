import { pageUrl } from '../../lib/session.server';
// Server side of meetings.tsx: its loader and actions and the GraphQL documents they send.
import type { Route } from './+types/meetings';
import { requireAccount } from '../../lib/auth.server';
import { pagingFrom } from '../../lib/portal';
import { PAGE_ROLES } from '../../lib/roles';
import { graphql } from '../../graphql';

const ATTENDANCE = graphql(`query MyAttendance($memberId: ID!, $first: Int, $after: String, $last: Int, $before: String) {
  memberAttendance(memberId: $memberId, first: $first, after: $after, last: $last, before: $before) {
    totalCount pageInfo { ...PageFields }
    edges { node { id version status checkedInAt method note
      meeting { id title kind kindZh startsAt orgUnitName } proof { ...ProofFields } } }
  }
}`);

export async function loader({ request }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.me);
  const memberId = ctx.account.memberId;
  if (!memberId) return { list: null };
  const r = await ctx.query(ATTENDANCE, { memberId, ...pagingFrom(pageUrl(request)) });
  return { list: r.memberAttendance };
}
