// /learning/attempts/:id — one quiz attempt. While it runs: the drawn questions (never their
// answers) with a countdown to the server's deadline; handing in with questions unanswered asks
// first. Once submitted: the score, whether it passed, and every question's answer key and
// explanation once the API shows them (no attempts left, or the quiz closed); the attempt record
// verified on chain.
import { data, Link, redirect, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/learning-attempt';
import { PortalRecord } from '../components/Portal';
import { isConfirmed } from '../components/Confirm';
import { QuizCountdown, QuizForm, QuizResults, type ResultNode } from '../components/QuizAttempt';
import { useLocale, useT } from '../i18n/use-t';
import { assertSameOrigin, requireAccount, rethrowForPage } from '../lib/auth.server';
import { localMessage, type ErrorPayload } from '../lib/errors';
import { formatDateTime } from '../lib/format';
import { PROOF_FIELDS, type ProofNode } from '../lib/fragments';
import { answersFromForm, type QuestionNode, type SubmitConfirm } from '../lib/learning';
import { isRefusal } from '../lib/learning.server';
import { titleFor } from '../lib/meta';
import { proofHref } from '../lib/portal';
import { PAGE_ROLES } from '../lib/roles';

export const meta: Route.MetaFunction = ({ matches, data: d }) =>
  titleFor(matches, (t) => (d ? t.learning.attemptTitle(d.attempt.quiz.title, d.attempt.attemptNo) : t.learning.title));

// `questions` carries no answer key here: the key is asked for only through `results`, which the
// API leaves null until the attempt is submitted.
const ATTEMPT = `query Attempt($id: ID!) {
  quizAttempt(id: $id) {
    id version attemptNo status score maxScore passed startedAt finishedAt deadlineAt secondsLeft timeLimitSeconds
    quiz { id title passScore courseId }
    questions { id kind prompt options points }
    results { chosen correct earned explanation isCorrect points question { id prompt options kind } }
    ${PROOF_FIELDS}
  }
}`;

interface AttemptNode {
  id: string;
  version: number;
  attemptNo: number;
  status: 'IN_PROGRESS' | 'SUBMITTED' | 'EXPIRED';
  score: number | null;
  maxScore: number;
  passed: boolean | null;
  startedAt: string;
  finishedAt: string | null;
  deadlineAt: string;
  secondsLeft: number | null;
  timeLimitSeconds: number;
  quiz: { id: string; title: string; passScore: number; courseId: string | null };
  questions: QuestionNode[];
  results: ResultNode[] | null;
  proof: ProofNode;
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.learning);
  const r = await ctx.query<{ quizAttempt: AttemptNode }>(ATTEMPT, { id: params.id });
  const a = r.quizAttempt;
  const running = a.status === 'IN_PROGRESS' && (a.secondsLeft ?? 0) > 0;
  // Questions are sent to the page only while the attempt runs (results repeat them afterwards).
  return { attempt: { ...a, questions: running ? a.questions : [] }, running };
}

type ActionResult = { error: ErrorPayload; confirm?: undefined } | { confirm: SubmitConfirm; error?: undefined };

export async function action({ request, params }: Route.ActionArgs) {
  assertSameOrigin(request);
  const ctx = await requireAccount(request, PAGE_ROLES.learning);
  const form = await request.formData();
  try {
    const r = await ctx.call<{ quizAttempt: { questionIds: string[]; secondsLeft: number | null } }>('query Ids($id: ID!) { quizAttempt(id: $id) { questionIds secondsLeft } }', { id: params.id });
    const { questionIds, secondsLeft } = r.quizAttempt;
    const answers = answersFromForm(form, questionIds);
    const open = questionIds.filter((id) => !answers.some((a) => a.questionId === id));
    // Unanswered questions are asked about first; once time is up the answers go in as they stand.
    if (open.length > 0 && !isConfirmed(form) && (secondsLeft ?? 0) > 0) {
      const confirm = { unanswered: open.length, firstUnanswered: open[0]!, answers: Object.fromEntries(answers.map((a) => [a.questionId, a.choices])) };
      return data<ActionResult>({ confirm });
    }
    await ctx.call('mutation Submit($attemptId: ID!, $answers: [QuizAnswerInput!]!) { submitQuizAttempt(attemptId: $attemptId, answers: $answers) { id status } }', {
      attemptId: params.id,
      answers,
    });
  } catch (error) {
    // Too late, already submitted, …: the page reloads showing the attempt as it now stands.
    if (isRefusal(error)) return data<ActionResult>({ error: error.payload() }, { status: error.status >= 500 ? 409 : error.status });
    return rethrowForPage(error, request, ctx.session);
  }
  return redirect(`/learning/attempts/${params.id}`);
}

export default function Attempt() {
  const t = useT();
  const l = t.learning;
  const locale = useLocale();
  const { attempt: a, running } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
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
      <h1 id="attempt-title">{l.attemptTitle(a.quiz.title, a.attemptNo)}</h1>
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
                proof={a.proof}
                fields={{ status: a.status, score: a.score, maxScore: a.maxScore, passed: a.passed }}
                what={l.attemptWhat(a.quiz.title, a.attemptNo)}
                downloadHref={proofHref('QuizAttempt', a.id, a.version, a.proof)}
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
