// One course: its material, "mark completed" naming every item studied, and its quizzes with
// my attempts; starting a quiz opens the timed attempt page.
import { data, Form, Link, redirect, useActionData, useLoaderData, useNavigation } from 'react-router';
import type { Route } from './+types/learning-course';
import { CourseResources } from '../components/CourseResources';
import { PortalRecord } from '../components/Portal';
import { useLocale, useT } from '../i18n/use-t';
import { assertSameOrigin, requireAccount, rethrowForPage } from '../lib/auth.server';
import { localMessage, type ErrorPayload } from '../lib/errors';
import { formatDateTime } from '../lib/format';
import { PROOF_FIELDS, type ProofNode } from '../lib/fragments';
import { isRefusal } from '../lib/learning.server';
import type { CourseFacts, CourseResourceNode } from '../lib/learning';
import { titleFor } from '../lib/meta';
import { proofHref } from '../lib/portal';
import { PAGE_ROLES } from '../lib/roles';

export const meta: Route.MetaFunction = ({ matches, data: d }) => titleFor(matches, (t) => (d && 'course' in d ? d.course.title : t.learning.title));

// Two queries, asked at once: together they would exceed the API's cost limit.
const COURSE = `query Course($id: ID!) {
  course(id: $id) {
    id title description category classHours mandatory orgUnitName publishedAt status
    myCompletion { id version completedAt classHours score ${PROOF_FIELDS} }
    resources(first: 100) { edges { node { id title kind uri durationMinutes position contentHash } } }
  }
}`;

const QUIZZES = `query CourseQuizzes($id: ID!) {
  quizzes(courseId: $id, first: 10) {
    edges { node { id title status questionCount timeLimitSeconds passScore maxAttempts attemptsLeft opensAt closesAt
      myAttempts(first: 20) { edges { node { id attemptNo status score maxScore passed deadlineAt } } } } }
  }
}`;

interface QuizNode {
  id: string;
  title: string;
  status: string;
  questionCount: number;
  timeLimitSeconds: number;
  passScore: number;
  maxAttempts: number;
  attemptsLeft: number | null;
  opensAt: string | null;
  closesAt: string | null;
  myAttempts: { edges: Array<{ node: { id: string; attemptNo: number; status: string; score: number | null; maxScore: number; passed: boolean | null; deadlineAt: string } }> };
}

interface CourseResult {
  course: CourseFacts & {
    status: string;
    myCompletion: { id: string; version: number; completedAt: string; classHours: number; score: number | null; proof: ProofNode } | null;
    resources: { edges: Array<{ node: CourseResourceNode }> };
  };
  quizzes: { edges: Array<{ node: QuizNode }> };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.learning);
  const [c, q] = await Promise.all([
    ctx.query<Pick<CourseResult, 'course'>>(COURSE, { id: params.id }),
    ctx.query<Pick<CourseResult, 'quizzes'>>(QUIZZES, { id: params.id }),
  ]);
  const r = { ...c, ...q };
  const now = Date.now();
  return {
    course: r.course,
    resources: r.course.resources.edges.map((e) => e.node),
    quizzes: r.quizzes.edges
      .map((e) => e.node)
      .filter((q) => q.status !== 'DRAFT')
      .map((q) => ({
        ...q,
        openNow: q.status === 'OPEN' && (!q.opensAt || Date.parse(q.opensAt) <= now) && (!q.closesAt || Date.parse(q.closesAt) > now),
        running: q.myAttempts.edges.map((e) => e.node).find((a) => a.status === 'IN_PROGRESS' && Date.parse(a.deadlineAt) > now) ?? null,
      })),
    hasMember: ctx.account.memberId !== null,
  };
}

type ActionResult = { ok: true; intent: string } | { ok: false; intent: string; error: ErrorPayload | 'needAll' };

export async function action({ request, params }: Route.ActionArgs) {
  assertSameOrigin(request);
  const ctx = await requireAccount(request, PAGE_ROLES.learning);
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  try {
    if (intent === 'complete') {
      const all = form.getAll('allResources').map(String);
      const ticked = form.getAll('resourceIds').map(String);
      if (all.some((id) => !ticked.includes(id))) {
        return data<ActionResult>({ ok: false, intent, error: 'needAll' }, { status: 400 });
      }
      await ctx.call('mutation Complete($courseId: ID!, $resourceIds: [ID!]) { completeCourse(courseId: $courseId, resourceIds: $resourceIds) { id } }', {
        courseId: params.id,
        resourceIds: ticked,
      });
      return data<ActionResult>({ ok: true, intent });
    }
    if (intent === 'start') {
      const quizId = String(form.get('quizId') ?? '');
      const r = await ctx.call<{ startQuizAttempt: { id: string } }>('mutation Start($quizId: ID!) { startQuizAttempt(quizId: $quizId) { id } }', { quizId });
      return redirect(`/learning/attempts/${r.startQuizAttempt.id}`);
    }
  } catch (error) {
    // Refusals (no attempts left, already completed, …) are shown on the page; the rest is an error page.
    if (isRefusal(error)) return data<ActionResult>({ ok: false, intent, error: error.payload() }, { status: error.status >= 500 ? 409 : error.status });
    return rethrowForPage(error, request, ctx.session);
  }
  throw data({ code: 'BAD_USER_INPUT', message: `Unknown action "${intent}".`, messageZh: `未知操作“${intent}”。` }, { status: 400 });
}

export default function Course() {
  const t = useT();
  const l = t.learning;
  const locale = useLocale();
  const { course, resources, quizzes, hasMember } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const busy = useNavigation().state === 'submitting';
  const done = course.myCompletion;
  const errorText = (e: ErrorPayload | 'needAll') => (e === 'needAll' ? l.completeNeedAll : localMessage(e, locale));
  return (
    <section className="page portal" aria-labelledby="course-title">
      <p className="eyebrow">
        <Link to="/learning">{l.title}</Link>
      </p>
      <h1 id="course-title">{course.title}</h1>
      <p>
        <span className={`pill ${course.mandatory ? 'pill-fail' : ''}`}>{course.mandatory ? l.mandatory : l.optional}</span>{' '}
        <span className="pill">{l.classHours(course.classHours)}</span> <span className="muted small">{l.courseLine(course.orgUnitName, resources.length)}</span>
      </p>
      {course.description ? <p className="lead">{course.description}</p> : null}
      <article className="card" aria-labelledby="resources-title">
        <h2 id="resources-title">{l.resources}</h2>
        <CourseResources resources={resources} courseId={course.id} />
      </article>

      <article className="card" aria-labelledby="complete-title">
        <h2 id="complete-title">{done ? l.completion : l.complete}</h2>
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
                  <input type="checkbox" name="resourceIds" value={r.id} /> {r.title}
                </label>
              ))}
            </fieldset>
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {l.complete}
            </button>
          </Form>
        )}
        {result?.ok && result.intent === 'complete' ? (
          <p className="notice" role="status" data-testid="completed">
            {l.completed}
          </p>
        ) : null}
      </article>

      <article className="card" aria-labelledby="quizzes-title">
        <h2 id="quizzes-title">{l.quizzes}</h2>
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
                <strong>{q.title}</strong>
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
                      <Link to={`/learning/attempts/${a.id}`}>{l.attemptTitle(q.title, a.attemptNo)}</Link> · {l.statusLabel[a.status] ?? a.status}
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
      </article>
    </section>
  );
}
