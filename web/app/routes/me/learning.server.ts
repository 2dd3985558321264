import { pageUrl } from '../../lib/session.server';
// Server side of learning.tsx: its loader and actions and the GraphQL documents they send.
import type { Route } from './+types/learning';
import { requireAccount } from '../../lib/auth.server';
import { pagingFrom } from '../../lib/portal';
import { PAGE_ROLES } from '../../lib/roles';
import { graphql } from '../../graphql';

const LEARNING = graphql(`query MyLearning($c: Int, $cAfter: String, $cl: Int, $cBefore: String, $a: Int, $aAfter: String, $al: Int, $aBefore: String) {
  courseCompletions(first: $c, after: $cAfter, last: $cl, before: $cBefore) {
    totalCount pageInfo { ...PageFields }
    edges { node { id version completedAt classHours score course { id title } proof { ...ProofFields } } }
  }
  myQuizAttempts(first: $a, after: $aAfter, last: $al, before: $aBefore) {
    totalCount pageInfo { ...PageFields }
    edges { node { id version attemptNo status score maxScore passed startedAt finishedAt quiz { id title passScore courseId } proof { ...ProofFields } } }
  }
}`);

function vars(prefix: string, paging: ReturnType<typeof pagingFrom>) {
  return {
    [prefix]: paging.first,
    [`${prefix}l`]: paging.last,
    [`${prefix}After`]: paging.after,
    [`${prefix}Before`]: paging.before,
  };
}

export async function loader({ request }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.me);
  if (!ctx.account.memberId) return { data: null };
  const url = pageUrl(request);
  const r = await ctx.query(LEARNING, {
    ...vars('c', pagingFrom(url, 'c', 10)),
    ...vars('a', pagingFrom(url, 'a', 10)),
  });
  return { data: r };
}
