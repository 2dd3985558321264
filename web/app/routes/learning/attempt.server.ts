// Server side of attempt.tsx: its loader and actions and the GraphQL documents they send.
import { data, redirect } from 'react-router';
import type { Route } from './+types/attempt';
import { isConfirmed } from '../../components/Confirm';
import { assertSameOrigin, requireAccount, rethrowForPage } from '../../lib/auth.server';
import { answersFromForm } from '../../lib/learning';
import { isRefusal } from '../../lib/learning.server';
import { PAGE_ROLES } from '../../lib/roles';
import { graphql } from '../../graphql';
import type { ActionResult } from './attempt';

// `questions` carries no answer key here: the key is asked for only through `results`, which the
// API leaves null until the attempt is submitted.
const ATTEMPT = graphql(`query Attempt($id: ID!) {
  quizAttempt(id: $id) {
    id version attemptNo status score maxScore passed startedAt finishedAt deadlineAt secondsLeft timeLimitSeconds
    quiz { id title passScore courseId }
    questions { id kind prompt options points }
    results { chosen correct earned explanation isCorrect points question { id prompt options kind } }
    proof { ...ProofFields }
  }
}`);

export async function loader({ request, params }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.learning);
  const r = await ctx.query(ATTEMPT, { id: params.id });
  const a = r.quizAttempt;
  const running = a.status === 'IN_PROGRESS' && (a.secondsLeft ?? 0) > 0;
  // Questions are sent to the page only while the attempt runs (results repeat them afterwards).
  return { attempt: { ...a, questions: running ? a.questions : [] }, running };
}

export async function action({ request, params }: Route.ActionArgs) {
  assertSameOrigin(request);
  const ctx = await requireAccount(request, PAGE_ROLES.learning);
  const form = await request.formData();
  try {
    const r = await ctx.call(graphql(`query Ids($id: ID!) { quizAttempt(id: $id) { questionIds secondsLeft } }`), { id: params.id });
    const { questionIds, secondsLeft } = r.quizAttempt;
    const answers = answersFromForm(form, questionIds);
    const open = questionIds.filter((id) => !answers.some((a) => a.questionId === id));
    // Unanswered questions are asked about first; once time is up the answers go in as they stand.
    if (open.length > 0 && !isConfirmed(form) && (secondsLeft ?? 0) > 0) {
      const confirm = { unanswered: open.length, firstUnanswered: open[0]!, answers: Object.fromEntries(answers.map((a) => [a.questionId, a.choices])) };
      return data<ActionResult>({ confirm });
    }
    await ctx.call(graphql(`mutation SubmitAttempt($attemptId: ID!, $answers: [QuizAnswerInput!]!) { submitQuizAttempt(attemptId: $attemptId, answers: $answers) { id status } }`), {
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
