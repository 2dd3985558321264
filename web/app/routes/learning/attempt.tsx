// /learning/attempts/:id — one quiz attempt. While it runs: the drawn questions (never their
// answers) with a countdown to the server's deadline; handing in with questions unanswered asks
// first. Once submitted: the score, whether it passed, and every question's answer key and
// explanation once the API shows them (no attempts left, or the quiz closed); the attempt record
// verified on chain.
import { Link, useLoaderData } from 'react-router';
import { useActionResult } from '../../lib/use-action-result';
import type { Route } from './+types/attempt';
import { PortalRecord } from '../../components/Portal';
import { QuizCountdown, QuizForm, QuizResults } from '../../components/QuizAttempt';
import { isolatedIn } from '../../components/UserText';
import { useLocale, useT } from '../../i18n/use-t';
import { localMessage, type ErrorPayload } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { attemptProof, type SubmitConfirm } from '../../lib/learning';
import { titleFor } from '../../lib/meta';
import type { loader, action } from './attempt.server';

export const meta: Route.MetaFunction = ({ matches, loaderData: d }) =>
  titleFor(matches, (t) => (d ? t.learning.attemptTitle(d.attempt.quiz.title, d.attempt.attemptNo) : t.learning.title));

export { loader, action } from './attempt.server';

export type ActionResult = { error: ErrorPayload; confirm?: undefined } | { confirm: SubmitConfirm; error?: undefined };

export default function Attempt() {
  const t = useT();
  const l = t.learning;
  const locale = useLocale();
  const { attempt: a, running } = useLoaderData<typeof loader>();
  const result = useActionResult<ActionResult>();
  const formId = `attempt-${a.id}`;
  return (
    <section className="page portal" aria-labelledby="attempt-title">
      <p className="eyebrow">
        <Link to="/learning">{l.title}</Link>
        {a.quiz.courseId ? (
          <>
            {' / '}
            <Link to={`/learning/courses/${a.quiz.courseId}`}>{l.backToCourse}</Link>
          </>
        ) : null}
      </p>
      <h1 id="attempt-title">{isolatedIn((x) => l.attemptTitle(x, a.attemptNo), a.quiz.title)}</h1>
      {result?.error ? (
        <p className="form-error" role="alert" data-testid="attempt-error">
          {localMessage(result.error, locale)}
        </p>
      ) : null}
      {running ? (
        <>
          <QuizCountdown secondsLeft={a.secondsLeft ?? 0} deadline={formatDateTime(a.deadlineAt)} formId={formId} />
          <QuizForm questions={a.questions} formId={formId} asked={result?.confirm ?? null} />
        </>
      ) : a.status === 'SUBMITTED' ? (
        <>
          <article className="card" aria-labelledby="result-title" data-testid="quiz-score" data-passed={String(a.passed)}>
            <h2 id="result-title">{l.result}</h2>
            <p className="portal-summary">
              <span className="quiz-score">{l.scoreLine(a.score ?? 0, a.maxScore)}</span>
              <span className={`badge ${a.passed ? 'badge-pass' : 'badge-fail'}`}>{a.passed ? l.passed : l.failed}</span>
              <span className="muted small">{l.quizFacts(a.results?.length ?? 0, Math.round(a.timeLimitSeconds / 60), a.quiz.passScore)}</span>
            </p>
            <ul className="records">
              <PortalRecord
                kind="QuizAttempt"
                title={l.attemptRecord}
                facts={[{ label: l.finishedAt, value: formatDateTime(a.finishedAt) }]}
                {...attemptProof(a, l.attemptWhat(a.quiz.title, a.attemptNo))}
              />
            </ul>
          </article>
          {a.results ? <QuizResults results={a.results} /> : null}
        </>
      ) : (
        <p className="notice" data-testid="attempt-expired">
          {l.expired}
        </p>
      )}
    </section>
  );
}
