// One course: its material, "mark completed" naming every item studied, and its quizzes with
// my attempts; starting a quiz opens the timed attempt page.
import { Form, Link, useLoaderData, useNavigation } from 'react-router';
import { useActionResult } from '../../lib/use-action-result';
import type { Route } from './+types/course';
import { Card } from '../../components/Card';
import { CourseResources } from '../../components/CourseResources';
import { Notice } from '../../components/Notice';
import { PortalRecord } from '../../components/Portal';
import { isolatedIn } from '../../components/UserText';
import { useLocale, useT } from '../../i18n/use-t';
import { localMessage, type ErrorPayload } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { titleFor } from '../../lib/meta';
import { proofHref } from '../../lib/portal';
import type { loader, action } from './course.server';

export const meta: Route.MetaFunction = ({ matches, loaderData: d }) => titleFor(matches, (t) => (d && 'course' in d ? d.course.title : t.learning.title));

export { loader, action } from './course.server';

export type ActionResult = { ok: true; intent: string } | { ok: false; intent: string; error: ErrorPayload | 'needAll' };

export default function Course() {
  const t = useT();
  const l = t.learning;
  const locale = useLocale();
  const { course, resources, quizzes, hasMember } = useLoaderData<typeof loader>();
  const result = useActionResult<ActionResult>();
  const busy = useNavigation().state === 'submitting';
  const done = course.myCompletion;
  const errorText = (e: ErrorPayload | 'needAll') => (e === 'needAll' ? l.completeNeedAll : localMessage(e, locale));
  return (
    <section className="page portal" aria-labelledby="course-title">
      <p className="eyebrow">
        <Link to="/learning">{l.title}</Link>
      </p>
      <h1 id="course-title"><bdi>{course.title}</bdi></h1>
      <p>
        <span className={`pill ${course.mandatory ? 'pill-fail' : ''}`}>{course.mandatory ? l.mandatory : l.optional}</span>{' '}
        <span className="pill">{l.classHours(course.classHours)}</span> <span className="muted small">{isolatedIn((u) => l.courseLine(u, resources.length), course.orgUnitName)}</span>
      </p>
      {course.description ? <p className="lead"><bdi>{course.description}</bdi></p> : null}
      <Card titleId="resources-title" title={l.resources}>
        <CourseResources resources={resources} courseId={course.id} />
      </Card>

      <Card titleId="complete-title" title={done ? l.completion : l.complete}>
        {done ? (
          <ul className="records" data-testid="my-completion">
            <PortalRecord
              kind="CourseCompletion"
              title={l.completedOn(formatDateTime(done.completedAt))}
              facts={done.score !== null ? [{ label: l.score, value: `${done.score}%` }] : []}
              proof={done.proof}
              fields={{ courseId: course.id, classHours: done.classHours, completedAt: done.completedAt }}
              what={l.completionWhat(course.title)}
              downloadHref={proofHref('CourseCompletion', done.id, done.version, done.proof)}
            />
          </ul>
        ) : !hasMember ? (
          <p className="notice">{l.needMember}</p>
        ) : (
          <Form method="post" className="form" data-testid="complete-form">
            <input type="hidden" name="intent" value="complete" />
            {result && !result.ok && result.intent === 'complete' ? (
              <p className="form-error" role="alert">
                {errorText(result.error)}
              </p>
            ) : null}
            <fieldset className="plain-fieldset">
              <legend>{l.completeIntro}</legend>
              {resources.map((r) => (
                <label key={r.id} className="checkbox">
                  <input type="hidden" name="allResources" value={r.id} />
                  <input type="checkbox" name="resourceIds" value={r.id} /> <bdi>{r.title}</bdi>
                </label>
              ))}
            </fieldset>
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {l.complete}
            </button>
          </Form>
        )}
        <Notice testId="completed">{result?.ok && result.intent === 'complete' ? l.completed : null}</Notice>
      </Card>

      <Card titleId="quizzes-title" title={l.quizzes}>
        {result && !result.ok && result.intent === 'start' ? (
          <p className="form-error" role="alert">
            {errorText(result.error)}
          </p>
        ) : null}
        {quizzes.length === 0 ? <p className="empty">{l.quizzesNone}</p> : null}
        <ul className="records" data-testid="quizzes">
          {quizzes.map((q) => (
            <li key={q.id} className="record" data-quiz={q.id}>
              <p className="record-head">
                <strong><bdi>{q.title}</bdi></strong>
              </p>
              <p className="small muted">
                {l.quizFacts(q.questionCount, Math.round(q.timeLimitSeconds / 60), q.passScore)}
                {q.opensAt ? ` · ${l.opensAt(formatDateTime(q.opensAt))}` : ''}
                {q.closesAt ? ` · ${l.closesAt(formatDateTime(q.closesAt))}` : ''}
              </p>
              {q.myAttempts.edges.length > 0 ? (
                <ul className="plain small">
                  {q.myAttempts.edges.map(({ node: a }) => (
                    <li key={a.id}>
                      <Link to={`/learning/attempts/${a.id}`}>{isolatedIn((x) => l.attemptTitle(x, a.attemptNo), q.title)}</Link> · {l.statusLabel[a.status] ?? a.status}
                      {a.score !== null ? ` · ${l.scoreLine(a.score, a.maxScore)} · ${a.passed ? l.passed : l.failed}` : ''}
                    </li>
                  ))}
                </ul>
              ) : null}
              {!hasMember ? null : q.running ? (
                <p>
                  <Link className="btn btn-primary" to={`/learning/attempts/${q.running.id}`}>
                    {l.resume}
                  </Link>
                </p>
              ) : !q.openNow ? (
                <p className="muted">{l.notOpen}</p>
              ) : q.attemptsLeft === 0 ? (
                <p className="muted">{l.noAttemptsLeft}</p>
              ) : (
                <Form method="post" className="actions">
                  <input type="hidden" name="intent" value="start" />
                  <input type="hidden" name="quizId" value={q.id} />
                  <button type="submit" className="btn btn-primary" disabled={busy} aria-describedby={`quiz-note-${q.id}`}>
                    {l.start}
                  </button>
                  <span id={`quiz-note-${q.id}`} className="small muted">
                    {q.attemptsLeft !== null ? `${l.attemptsLeft(q.attemptsLeft, q.maxAttempts)} · ` : ''}
                    {l.startConfirm}
                  </span>
                </Form>
              )}
            </li>
          ))}
        </ul>
      </Card>
    </section>
  );
}
