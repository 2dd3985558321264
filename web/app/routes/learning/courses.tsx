// Courses for me: published by my unit or a unit above it, with whether I completed each.
import { Link, useLoaderData } from 'react-router';
import type { Route } from './+types/courses';
import { FilterForm } from '../../components/FilterForm';
import { Field } from '../../components/MeetingFields';
import { Pager } from '../../components/Portal';
import { isolatedIn } from '../../components/UserText';
import { useT } from '../../i18n/use-t';
import { formatDateTime } from '../../lib/format';
import { titleFor } from '../../lib/meta';
import type { loader } from './courses.server';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.learning.title);

export { loader } from './courses.server';

export default function Learning() {
  const t = useT();
  const l = t.learning;
  const { q, courses } = useLoaderData<typeof loader>();
  return (
    <section className="page portal" aria-labelledby="learning-title">
      <h1 id="learning-title">{l.title}</h1>
      <p className="lead">{l.intro}</p>
      <FilterForm label={l.search} submit={l.searchButton} buttonClassName="btn">
        <Field boxed id="course-q" name="q" label={l.search} type="search" defaultValue={q} maxLength={100} />
      </FilterForm>
      <p className="muted" data-testid="courses-total">{l.courses(courses.totalCount)}</p>
      {courses.edges.length === 0 ? <p className="empty">{l.none}</p> : null}
      <ul className="course-list" data-testid="courses">
        {courses.edges.map(({ node: c }) => (
          <li key={c.id}>
            <article className="card" aria-labelledby={`course-${c.id}`}>
              <h2 id={`course-${c.id}`} className="h3">
                <Link to={`/learning/courses/${c.id}`}><bdi>{c.title}</bdi></Link>
              </h2>
              <p>
                <span className={`pill ${c.mandatory ? 'pill-fail' : ''}`}>{c.mandatory ? l.mandatory : l.optional}</span>{' '}
                <span className="pill">{l.classHours(c.classHours)}</span>{' '}
                {c.myCompletion ? <span className="pill pill-pass">{l.completedOn(formatDateTime(c.myCompletion.completedAt).slice(0, 10))}</span> : <span className="pill pill-skip">{l.notCompleted}</span>}
              </p>
              {c.description ? <p className="small"><bdi>{c.description}</bdi></p> : null}
              <p className="muted small">
                {isolatedIn((u) => l.courseLine(u, c.resources.totalCount), c.orgUnitName)}
              </p>
            </article>
          </li>
        ))}
      </ul>
      <Pager pageInfo={courses.pageInfo} />
    </section>
  );
}
