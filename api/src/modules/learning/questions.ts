// The question bank: questions belong to a course (or, without one, to a unit's general bank).
// Kinds: single choice, multiple choice, true/false; the key is validated on every change.
import type { QuestionKind, QuizQuestion } from '@lianjian/db';
import { assertCanWriteUnit } from '../../shared/access.js';
import type { Context } from '../../shared/context.js';
import { badArgument, FieldErrors, notFound } from '../../shared/errors.js';
import { requireUuid } from '../../shared/ids.js';
import { writeRecord } from '../../shared/records/write.js';
import { checkExpectedVersion, writeVersionIfUnchanged } from '../../shared/records/versions.js';
import { bankOwner, intInRange, optionalText, text } from './common.js';
import { checkQuestion, keyedQuestion, MAX_PROMPT_LENGTH, TRUE_FALSE_OPTIONS } from '@lianjian/rules/learning';

export interface QuestionInput {
  courseId?: string | number | null;
  orgUnitId?: string | number | null;
  kind: QuestionKind;
  prompt: string;
  options?: readonly string[] | null;
  correct: readonly number[];
  explanation?: string | null;
  points?: number | null;
}

export async function addQuizQuestion(ctx: Context, input: QuestionInput): Promise<QuizQuestion> {
  const { orgUnitId, courseId } = await bankOwner(ctx, input, {
    archived: (id) => [`Course ${id} is archived; its question bank is closed.`, `课程 ${id} 已归档，题库不再接受新题。`],
    missing: ['give the course (or, for a general bank, input.orgUnitId).', '请指定课程（通用题库则指定 input.orgUnitId）。'],
  });
  if (courseId && input.orgUnitId != null && requireUuid('input.orgUnitId', input.orgUnitId) !== orgUnitId) {
    throw badArgument('input.orgUnitId', "must be the course's unit (or be left out).", '应为课程所属组织（或不填）。');
  }
  const errors = new FieldErrors();
  const prompt = text(errors, 'input.prompt', input.prompt, MAX_PROMPT_LENGTH);
  const options = (input.options ?? (input.kind === 'TRUE_FALSE' ? TRUE_FALSE_OPTIONS : [])).map((o) => o.trim());
  for (const e of checkQuestion(input.kind, options, input.correct)) errors.add(e.field, e.message, e.messageZh);
  const explanation = optionalText(errors, 'input.explanation', input.explanation, 5000);
  const points = intInRange(errors, 'input.points', input.points ?? 1, 1, 100);
  errors.throwIfAny();
  return ctx.prisma.$transaction(async (tx) => {
    const row = await tx.quizQuestion.create({
      data: { orgUnitId, courseId, kind: input.kind, prompt, options, correct: [...input.correct], explanation, points },
    });
    await writeRecord(tx, ctx, 'QuizQuestion', row);
    return row;
  });
}

export interface QuestionChanges {
  kind?: QuestionKind | null;
  prompt?: string | null;
  options?: readonly string[] | null;
  correct?: readonly number[] | null;
  explanation?: string | null;
  points?: number | null;
  active?: boolean | null;
}

const QUESTION = ['question', '题目'] as const;

/** A new version of a question; the merged question is validated as a whole. */
export async function updateQuizQuestion(ctx: Context, id: string | number, expectedVersion: number | null | undefined, changes: QuestionChanges): Promise<QuizQuestion> {
  const qid = requireUuid('id', id);
  const q = await ctx.prisma.quizQuestion.findUnique({ where: { id: qid }, include: { orgUnit: true } });
  if (!q) throw notFound('Question', '题目', qid);
  assertCanWriteUnit(ctx, q.orgUnit);
  checkExpectedVersion(QUESTION, q, expectedVersion);
  const given = Object.entries(changes).filter(([, v]) => v !== undefined);
  if (given.length === 0) throw badArgument('input', 'changes nothing: give at least one field to update.', '没有任何修改：请至少提供一个要修改的字段。');
  const cur = keyedQuestion(q);
  const errors = new FieldErrors();
  const kind = changes.kind ?? q.kind;
  const prompt = changes.prompt != null ? text(errors, 'input.prompt', changes.prompt, MAX_PROMPT_LENGTH) : q.prompt;
  const options = changes.options != null ? changes.options.map((o) => o.trim()) : kind === 'TRUE_FALSE' && q.kind !== 'TRUE_FALSE' ? [...TRUE_FALSE_OPTIONS] : cur.options;
  const correct = changes.correct != null ? [...changes.correct] : cur.correct;
  for (const e of checkQuestion(kind, options, correct)) errors.add(e.field, e.message, e.messageZh);
  const explanation = changes.explanation !== undefined ? optionalText(errors, 'input.explanation', changes.explanation, 5000) : q.explanation;
  const points = changes.points != null ? intInRange(errors, 'input.points', changes.points, 1, 100) : q.points;
  errors.throwIfAny();
  const change = { kind, prompt, options, correct, explanation, points, active: changes.active ?? q.active };
  return ctx.prisma.$transaction((tx) => writeVersionIfUnchanged(tx, ctx, 'QuizQuestion', q, change, QUESTION));
}
