import { pageUrl } from '../../lib/session.server';
// Server side of courses.tsx: its loader and actions and the GraphQL documents they send.
import type { Route } from './+types/courses';
import { requireAccount } from '../../lib/auth.server';
import { pagingFrom } from '../../lib/portal';
import { PAGE_ROLES } from '../../lib/roles';
import { graphql } from '../../graphql';

const COURSES = graphql(`query Courses($first: Int, $after: String, $last: Int, $before: String, $search: String) {
  courses(status: PUBLISHED, search: $search, first: $first, after: $after, last: $last, before: $before) {
    totalCount pageInfo { ...PageFields }
    edges { node { id title description category classHours mandatory orgUnitName publishedAt
      myCompletion { id completedAt } resources(first: 1) { totalCount } } }
  }
}`);

export async function loader({ request }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.learning);
  const url = pageUrl(request);
  const q = (url.searchParams.get('q') ?? '').trim().slice(0, 100);
  const r = await ctx.query(COURSES, { ...pagingFrom(url, '', 24), ...(q ? { search: q } : {}) });
  return { q, courses: r.courses };
}
