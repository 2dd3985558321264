// Quizzes: drafted over a course's question bank (or a unit's general bank), then opened.
import type { Quiz } from '@lianjian/db';
import { assertCanWriteUnit } from '../../shared/access.js';
import type { Context } from '../../shared/context.js';
import { FieldErrors, notFound } from '../../shared/errors.js';
import { requireUuid } from '../../shared/ids.js';
import { writeRecord, type Tx } from '../../shared/records/write.js';
import { checkExpectedVersion, writeVersionIfUnchanged } from '../../shared/records/versions.js';
import { bankOwner, intInRange, text } from './common.js';
import { refused } from './errors.js';

export interface QuizInput {
  courseId?: string | number | null;
  orgUnitId?: string | number | null;
  title: string;
  questionCount: number;
  passScore: number;
  timeLimitMinutes: number;
  maxAttempts?: number | null;
  opensAt?: Date | null;
  closesAt?: Date | null;
}

/** Active questions a quiz draws from: its course's bank, or its unit's general bank. */
export function bankWhere(quiz: { courseId: string | null; orgUnitId: string }) {
  return quiz.courseId ? { courseId: quiz.courseId, active: true } : { courseId: null, orgUnitId: quiz.orgUnitId, active: true };
}

export async function createQuiz(ctx: Context, input: QuizInput): Promise<Quiz> {
  const { orgUnitId, courseId } = await bankOwner(ctx, input, {
    archived: (id) => [`Course ${id} is archived; it takes no new quizzes.`, `课程 ${id} 已归档，不能再创建测验。`],
    missing: ['give the course (or, for a quiz over a general bank, input.orgUnitId).', '请指定课程（通用题库测验则指定 input.orgUnitId）。'],
  });
  const errors = new FieldErrors();
  const title = text(errors, 'input.title', input.title, 200);
  const questionCount = intInRange(errors, 'input.questionCount', input.questionCount, 1, 100);
  const passScore = intInRange(errors, 'input.passScore', input.passScore, 1, 100);
  const minutes = intInRange(errors, 'input.timeLimitMinutes', input.timeLimitMinutes, 1, 600);
  const maxAttempts = intInRange(errors, 'input.maxAttempts', input.maxAttempts ?? 3, 1, 20);
  if (input.opensAt && input.closesAt && input.closesAt.getTime() <= input.opensAt.getTime()) {
    errors.add('input.closesAt', 'must be after opensAt.', '应晚于 opensAt。');
  }
  errors.throwIfAny();
  return ctx.prisma.$transaction(async (tx) => {
    const quiz = await tx.quiz.create({
      data: { orgUnitId, courseId, title, questionCount, passScore, timeLimitSeconds: minutes * 60, maxAttempts, opensAt: input.opensAt ?? null, closesAt: input.closesAt ?? null },
    });
    await writeRecord(tx, ctx, 'Quiz', quiz);
    return quiz;
  });
}

export function notEnoughQuestions(quizId: string, have: number, need: number) {
  return refused('NOT_ENOUGH_QUESTIONS', `Quiz ${quizId} draws ${need} questions but its bank has ${have} active ones; add questions first.`, `测验 ${quizId} 每次抽取 ${need} 题，但题库中只有 ${have} 道有效题目，请先补充题目。`, { have, need });
}

export async function countBank(tx: Tx | Context['prisma'], quiz: { courseId: string | null; orgUnitId: string }): Promise<number> {
  return tx.quizQuestion.count({ where: bankWhere(quiz) });
}

const QUIZ = ['quiz', '测验'] as const;

/** DRAFT → OPEN, once its bank holds enough active questions and its course is published. */
export async function publishQuiz(ctx: Context, id: string | number, expectedVersion?: number | null): Promise<Quiz> {
  const quizId = requireUuid('id', id);
  const quiz = await ctx.prisma.quiz.findUnique({ where: { id: quizId }, include: { orgUnit: true, course: { select: { status: true } } } });
  if (!quiz) throw notFound('Quiz', '测验', quizId);
  assertCanWriteUnit(ctx, quiz.orgUnit);
  checkExpectedVersion(QUIZ, quiz, expectedVersion);
  if (quiz.status !== 'DRAFT') throw refused('QUIZ_NOT_DRAFT', `Quiz ${quiz.id} is ${quiz.status}; only a draft can be published.`, `测验 ${quiz.id} 当前为 ${quiz.status}，只有草稿可以发布。`);
  if (quiz.course && quiz.course.status !== 'PUBLISHED') {
    throw refused('COURSE_NOT_PUBLISHED', `The quiz's course is ${quiz.course.status}; publish the course first.`, `测验所属课程当前为 ${quiz.course.status}，请先发布课程。`);
  }
  const have = await countBank(ctx.prisma, quiz);
  if (have < quiz.questionCount) throw notEnoughQuestions(quiz.id, have, quiz.questionCount);
  return ctx.prisma.$transaction((tx) => writeVersionIfUnchanged(tx, ctx, 'Quiz', quiz, { status: 'OPEN' }, QUIZ));
}
