// /learning/resources/:id — course material kept on this site (the demo data's resources point
// here). The API lists material per course, so the course comes with the link (?course=).
import { Link, useLoaderData } from 'react-router';
import type { Route } from './+types/resource';
import { useT } from '../../i18n/use-t';
import { titleFor } from '../../lib/meta';
import type { loader } from './resource.server';

export const meta: Route.MetaFunction = ({ matches, loaderData: d }) => titleFor(matches, (t) => d?.resource?.title ?? t.learning.resourceTitle);

export { loader } from './resource.server';

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
            <Link to={`/learning/courses/${course.id}`}><bdi>{course.title}</bdi></Link>
          </>
        ) : null}
      </p>
      <h1 id="resource-title"><bdi>{resource?.title ?? l.resourceTitle}</bdi></h1>
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
