// A course's material in order: internal material opens on this site with its course named;
// links elsewhere open in a new window and say so.
import { useT } from '../i18n/use-t';
import { isInternal, type CourseResourceNode } from '../lib/learning';

export function CourseResources({ resources, courseId }: { resources: CourseResourceNode[]; courseId: string }) {
  const l = useT().learning;
  if (resources.length === 0) return <p className="empty">{l.resourcesNone}</p>;
  return (
    <ol className="resource-list" data-testid="resources">
      {resources.map((r) => {
        const internal = isInternal(r.uri);
        const href = internal ? `${r.uri}${r.uri.includes('?') ? '&' : '?'}course=${encodeURIComponent(courseId)}` : r.uri;
        return (
          <li key={r.id}>
            <span className="pill">{l.resourceKinds[r.kind] ?? r.kind}</span>
            {internal ? (
              <a href={href}><bdi>{r.title}</bdi></a>
            ) : (
              <a href={href} target="_blank" rel="noopener noreferrer">
                <bdi>{r.title}</bdi>
                <span className="visually-hidden"> {l.external}</span> ↗
              </a>
            )}
            {r.durationMinutes ? <span className="muted small">{l.minutes(r.durationMinutes)}</span> : null}
          </li>
        );
      })}
    </ol>
  );
}
