// Taking a quiz. Starting draws the attempt's questions (see draw.ts) and fixes its deadline;
// submitting scores it on the server against the answer key, once, before the deadline (plus a
// short grace for the network). Every started attempt counts towards the quiz's limit, and an
// attempt left past its deadline is closed as EXPIRED when next touched.
import type { QuizAttempt } from '@lianjian/db';
import type { Context } from '../../shared/context.js';
import { badInput, forbidden, isUniqueViolation, notFound } from '../../shared/errors.js';
import { requireUuid } from '../../shared/ids.js';
import { awardPoints } from '../points/award.js';
import { writeRecord } from '../../shared/records/write.js';
import { forgetExposure } from './access.js';
import { pathsAbove } from '../../shared/principal.js';
import { callerMember, SUBMIT_GRACE_MS } from './common.js';
import { drawQuestions } from './draw.js';
import { refused } from './errors.js';
import { bankWhere, notEnoughQuestions } from './quizzes.js';
import { checkAnswers, isPassed, keyedQuestion, scoreAnswers, type SubmittedAnswer } from '@lianjian/rules/learning';

export { SUBMIT_GRACE_MS };

function isOverdue(ctx: Context, a: { deadlineAt: Date }): boolean {
  return ctx.config.now().getTime() > a.deadlineAt.getTime() + SUBMIT_GRACE_MS;
}

/** Closes overdue attempts as EXPIRED (a new version each), unless someone closed them first. */
async function expire(ctx: Context, attempts: readonly QuizAttempt[]): Promise<void> {
  if (attempts.length === 0) return;
  await ctx.prisma.$transaction(async (tx) => {
    for (const a of attempts) {
      const done = await tx.quizAttempt.updateMany({ where: { id: a.id, version: a.version, status: 'IN_PROGRESS' }, data: { status: 'EXPIRED', version: a.version + 1 } });
      if (done.count === 1) await writeRecord(tx, ctx, 'QuizAttempt', await tx.quizAttempt.findUniqueOrThrow({ where: { id: a.id } }));
    }
  });
}

export async function startQuizAttempt(ctx: Context, quizIdArg: string | number): Promise<QuizAttempt> {
  const member = await callerMember(ctx, 'take a quiz', '参加测验');
  const quizId = requireUuid('quizId', quizIdArg);
  const quiz = await ctx.prisma.quiz.findUnique({ where: { id: quizId }, include: { orgUnit: { select: { path: true, name: true } }, course: { select: { status: true } } } });
  if (!quiz) throw notFound('Quiz', '测验', quizId);
  if (!pathsAbove(member.unitPath).includes(quiz.orgUnit.path) || quiz.status === 'DRAFT') {
    throw forbidden(`Quiz ${quiz.id} is not open to you: it is not published for your unit.`, `测验 ${quiz.id} 未面向您开放：未向您所在组织发布。`);
  }
  const now = ctx.config.now();
  if (quiz.status !== 'OPEN' || (quiz.opensAt && now < quiz.opensAt) || (quiz.closesAt && now >= quiz.closesAt) || (quiz.course && quiz.course.status !== 'PUBLISHED')) {
    throw refused('QUIZ_NOT_OPEN', `Quiz ${quiz.id} is not open for attempts now.`, `测验 ${quiz.id} 当前不在开放作答时间内。`, {
      status: quiz.status,
      opensAt: quiz.opensAt?.toISOString() ?? null,
      closesAt: quiz.closesAt?.toISOString() ?? null,
    });
  }
  const previous = await ctx.prisma.quizAttempt.findMany({ where: { quizId, memberId: member.id }, orderBy: { attemptNo: 'asc' } });
  const open = previous.filter((a) => a.status === 'IN_PROGRESS');
  await expire(ctx, open.filter((a) => isOverdue(ctx, a)));
  const running = open.find((a) => !isOverdue(ctx, a));
  if (running) {
    throw refused('ATTEMPT_IN_PROGRESS', `You have attempt ${running.attemptNo} of this quiz in progress until ${running.deadlineAt.toISOString()}; submit it first.`, `您本测验的第 ${running.attemptNo} 次作答尚未结束（截止 ${running.deadlineAt.toISOString()}），请先提交。`, { attemptId: running.id });
  }
  if (previous.length >= quiz.maxAttempts) {
    throw refused('ATTEMPTS_EXHAUSTED', `You have used all ${quiz.maxAttempts} attempts of quiz ${quiz.id}.`, `您已用完测验 ${quiz.id} 的全部 ${quiz.maxAttempts} 次作答机会。`, { maxAttempts: quiz.maxAttempts });
  }
  const bank = await ctx.prisma.quizQuestion.findMany({ where: bankWhere(quiz), select: { id: true, points: true }, orderBy: { id: 'asc' } });
  if (bank.length < quiz.questionCount) throw notEnoughQuestions(quiz.id, bank.length, quiz.questionCount);
  // Questions this member was shown in any earlier attempt of any quiz: new ones come first.
  const seenRows = await ctx.prisma.quizAttempt.findMany({ where: { memberId: member.id }, select: { questionIds: true } });
  const seen = new Set(seenRows.flatMap((r) => r.questionIds));
  const drawn = drawQuestions(bank.map((q) => q.id), seen, quiz.questionCount);
  const points = new Map(bank.map((q) => [q.id, q.points]));
  try {
    const row = await ctx.prisma.$transaction(async (tx) => {
      const a = await tx.quizAttempt.create({
        data: {
          orgUnitId: member.orgUnitId,
          quizId,
          memberId: member.id,
          attemptNo: previous.length + 1,
          questionIds: drawn,
          maxScore: drawn.reduce((s, id) => s + points.get(id)!, 0),
          timeLimitSeconds: quiz.timeLimitSeconds,
          startedAt: now,
          deadlineAt: new Date(now.getTime() + quiz.timeLimitSeconds * 1000),
        },
      });
      await writeRecord(tx, ctx, 'QuizAttempt', a);
      return a;
    });
    forgetExposure(ctx);
    return row;
  } catch (err) {
    // Two starts at once: the second took the same attempt number.
    if (isUniqueViolation(err)) throw refused('ATTEMPT_IN_PROGRESS', 'Another attempt of this quiz was started at the same moment; submit it first.', '同一时间已开始了本测验的另一次作答，请先提交。');
    throw err;
  }
}

export async function submitQuizAttempt(ctx: Context, attemptIdArg: string | number, answers: readonly SubmittedAnswer[]): Promise<QuizAttempt> {
  const member = await callerMember(ctx, 'submit a quiz attempt', '提交测验');
  const attemptId = requireUuid('attemptId', attemptIdArg);
  const attempt = await ctx.prisma.quizAttempt.findUnique({ where: { id: attemptId }, include: { quiz: true } });
  if (!attempt) throw notFound('Quiz attempt', '测验作答', attemptId);
  if (attempt.memberId !== member.id) throw forbidden('Only the member taking an attempt may submit it.', '只有作答本人可以提交。');
  if (attempt.status === 'SUBMITTED') throw refused('ATTEMPT_ALREADY_SUBMITTED', `Attempt ${attempt.id} was already submitted at ${attempt.finishedAt?.toISOString()}; it cannot be submitted again.`, `作答 ${attempt.id} 已于 ${attempt.finishedAt?.toISOString()} 提交，不能重复提交。`);
  const expired = () =>
    refused('ATTEMPT_EXPIRED', `Attempt ${attempt.id} ran out of time at ${attempt.deadlineAt.toISOString()}; it can no longer be submitted.`, `作答 ${attempt.id} 已于 ${attempt.deadlineAt.toISOString()} 超时，不能再提交。`, {
      deadlineAt: attempt.deadlineAt.toISOString(),
    });
  if (attempt.status === 'EXPIRED') throw expired();
  if (isOverdue(ctx, attempt)) {
    await expire(ctx, [attempt]);
    throw expired();
  }
  const rows = await ctx.prisma.quizQuestion.findMany({ where: { id: { in: attempt.questionIds } } });
  const byId = new Map(rows.map((r) => [r.id, keyedQuestion(r)]));
  const drawn = attempt.questionIds.map((id) => byId.get(id)!);
  const checked = checkAnswers(drawn, answers);
  if (checked.errors.length) throw badInput(checked.errors);
  // Scored with the key and points as they are now: an edit during the attempt counts.
  const { score, maxScore } = scoreAnswers(drawn, checked.answers);
  const passed = isPassed(score, maxScore, attempt.quiz.passScore);
  const now = ctx.config.now();
  const row = await ctx.prisma.$transaction(async (tx) => {
    const done = await tx.quizAttempt.updateMany({
      where: { id: attempt.id, version: attempt.version, status: 'IN_PROGRESS' },
      data: { status: 'SUBMITTED', answers: checked.answers, score, maxScore, passed, finishedAt: now, version: attempt.version + 1 },
    });
    if (done.count !== 1) throw refused('ATTEMPT_ALREADY_SUBMITTED', `Attempt ${attempt.id} was closed by another request; it cannot be submitted again.`, `作答 ${attempt.id} 已被另一请求结束，不能重复提交。`);
    const a = await tx.quizAttempt.findUniqueOrThrow({ where: { id: attempt.id } });
    await writeRecord(tx, ctx, 'QuizAttempt', a);
    // Points for the first pass of a quiz only; retakes after passing earn nothing more.
    const passedBefore = passed && (await tx.quizAttempt.count({ where: { quizId: attempt.quizId, memberId: member.id, passed: true, id: { not: attempt.id } } })) > 0;
    if (passed && !passedBefore) {
      await awardPoints(tx, ctx, {
        memberId: member.id,
        orgUnitId: attempt.orgUnitId,
        ruleCode: 'QUIZ_PASSED',
        occurredOn: now,
        sourceType: 'QuizAttempt',
        sourceId: attempt.id,
        reason: `通过测验《${attempt.quiz.title}》`,
      });
    }
    return a;
  });
  forgetExposure(ctx);
  return row;
}
