// Server side of course.tsx: its loader and actions and the GraphQL documents they send.
import { data, redirect } from 'react-router';
import type { Route } from './+types/course';
import { assertSameOrigin, requireAccount, rethrowForPage } from '../../lib/auth.server';
import { isRefusal } from '../../lib/learning.server';
import { PAGE_ROLES } from '../../lib/roles';
import { graphql } from '../../graphql';
import type { ActionResult } from './course';

// Two queries, asked at once: together they would exceed the API's cost limit.
const COURSE = graphql(`query Course($id: ID!) {
  course(id: $id) {
    id title description category classHours mandatory orgUnitName publishedAt status
    myCompletion { id version completedAt classHours score proof { ...ProofFields } }
    resources(first: 100) { edges { node { id title kind uri durationMinutes position contentHash } } }
  }
}`);

const QUIZZES = graphql(`query CourseQuizzes($id: ID!) {
  quizzes(courseId: $id, first: 10) {
    edges { node { id title status questionCount timeLimitSeconds passScore maxAttempts attemptsLeft opensAt closesAt
      myAttempts(first: 20) { edges { node { id attemptNo status score maxScore passed deadlineAt } } } } }
  }
}`);

export async function loader({ request, params }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.learning);
  const [c, q] = await Promise.all([
    ctx.query(COURSE, { id: params.id }),
    ctx.query(QUIZZES, { id: params.id }),
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
      await ctx.call(graphql(`mutation Complete($courseId: ID!, $resourceIds: [ID!]) { completeCourse(courseId: $courseId, resourceIds: $resourceIds) { id } }`), {
        courseId: params.id,
        resourceIds: ticked,
      });
      return data<ActionResult>({ ok: true, intent });
    }
    if (intent === 'start') {
      const quizId = String(form.get('quizId') ?? '');
      const r = await ctx.call(graphql(`mutation Start($quizId: ID!) { startQuizAttempt(quizId: $quizId) { id } }`), { quizId });
      return redirect(`/learning/attempts/${r.startQuizAttempt.id}`);
    }
  } catch (error) {
    // Refusals (no attempts left, already completed, …) are shown on the page; the rest is an error page.
    if (isRefusal(error)) return data<ActionResult>({ ok: false, intent, error: error.payload() }, { status: error.status >= 500 ? 409 : error.status });
    return rethrowForPage(error, request, ctx.session);
  }
  throw data({ code: 'BAD_USER_INPUT', message: `Unknown action "${intent}".`, messageZh: `未知操作“${intent}”。` }, { status: 400 });
}
