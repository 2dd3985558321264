// /learning/resources/:id — course material kept on this site (the demo data's resources point
// here). The API lists material per course, so the course comes with the link (?course=).
import { data, Link, useLoaderData } from 'react-router';
import type { Route } from './+types/learning-resource';
import { useT } from '../i18n/use-t';
import { requireAccount } from '../lib/auth.server';
import type { CourseResourceNode } from '../lib/learning';
import { titleFor } from '../lib/meta';
import { PAGE_ROLES } from '../lib/roles';

export const meta: Route.MetaFunction = ({ matches, data: d }) => titleFor(matches, (t) => d?.resource?.title ?? t.learning.resourceTitle);

const COURSE = `query CourseMaterial($id: ID!) {
  course(id: $id) { id title resources(first: 100) { edges { node { id title kind uri durationMinutes position contentHash } } } }
}`;

export async function loader({ request, params }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.learning);
  const courseId = new URL(request.url).searchParams.get('course');
  if (!courseId) return { course: null, resource: null };
  const r = await ctx.query<{ course: { id: string; title: string; resources: { edges: Array<{ node: CourseResourceNode }> } } }>(COURSE, { id: courseId });
  const resource = r.course.resources.edges.map((e) => e.node).find((x) => x.id === params.id);
  if (!resource) {
    throw data(
      { code: 'NOT_FOUND', message: `Course "${r.course.title}" has no material ${params.id}.`, messageZh: `课程“${r.course.title}”中没有材料 ${params.id}。` },
      { status: 404 },
    );
  }
  return { course: { id: r.course.id, title: r.course.title }, resource };
}

export default function Resource() {
  const l = useT().learning;
  const { course, resource } = useLoaderData<typeof loader>();
  return (
    <section className="page portal" aria-labelledby="resource-title">
      <p className="eyebrow">
        <Link to="/learning">{l.title}</Link>
        {course ? (
          <>
            {' / '}
            <Link to={`/learning/courses/${course.id}`}>{course.title}</Link>
          </>
        ) : null}
      </p>
      <h1 id="resource-title">{resource?.title ?? l.resourceTitle}</h1>
      {resource && course ? (
        <article className="card">
          <p>
            <span className="pill">{l.resourceKinds[resource.kind] ?? resource.kind}</span> {l.resourceOf(course.title)}
            {resource.durationMinutes ? <span className="muted"> · {l.minutes(resource.durationMinutes)}</span> : null}
          </p>
          <p>{l.resourceBody}</p>
          {resource.contentHash ? (
            <p className="small">
              {l.contentHash}: <code className="mono">{resource.contentHash}</code>
            </p>
          ) : null}
          <p>
            <Link className="btn" to={`/learning/courses/${course.id}`}>
              {l.backToCourse}
            </Link>
          </p>
        </article>
      ) : (
        <p className="notice">{l.resourceUnknown}</p>
      )}
    </section>
  );
}
