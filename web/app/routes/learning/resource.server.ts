import { pageUrl } from '../../lib/session.server';
// Server side of resource.tsx: its loader and actions and the GraphQL documents they send.
import { data } from 'react-router';
import type { Route } from './+types/resource';
import { requireAccount } from '../../lib/auth.server';
import { PAGE_ROLES } from '../../lib/roles';
import { graphql } from '../../graphql';

const COURSE = graphql(`query CourseMaterial($id: ID!) {
  course(id: $id) { id title resources(first: 100) { edges { node { id title kind uri durationMinutes position contentHash } } } }
}`);

export async function loader({ request, params }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.learning);
  const courseId = pageUrl(request).searchParams.get('course');
  if (!courseId) return { course: null, resource: null };
  const r = await ctx.query(COURSE, { id: courseId });
  const resource = r.course.resources.edges.map((e) => e.node).find((x) => x.id === params.id);
  if (!resource) {
    throw data(
      { code: 'NOT_FOUND', message: `Course "${r.course.title}" has no material ${params.id}.`, messageZh: `课程“${r.course.title}”中没有材料 ${params.id}。` },
      { status: 404 },
    );
  }
  return { course: { id: r.course.id, title: r.course.title }, resource };
}
