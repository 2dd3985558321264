// Learning queries: lists are Relay connections filtered up front by what the caller may see
// (the same rules the types enforce per object), so a page never trips a row check.
import type { Prisma } from '@lianjian/db';
import { builder } from '../../../graphql/builder.js';
import type { Context } from '../../../shared/context.js';
import { inSubtree } from '../../../shared/principal.js';
import { assertCanSeeMember } from '../../../shared/access.js';
import { forbidden, notFound } from '../../../shared/errors.js';
import { requireUuid } from '../../../shared/ids.js';
import { containsText } from '../../../shared/search.js';
import { byIdField, listField, subtreeList } from '../../../graphql/rows.js';
import { materialWhere, memberRowWhere, outsideError, unitPath, viewerOf, type Viewer } from '../access.js';
import { CourseStatusEnum, QuizStatusEnum } from './types.js';

/** `under` for a learning list: a unit in the caller's subtree, or one whose material applies to them. */
async function underPath(ctx: Context, v: Viewer, under: string | number | null | undefined): Promise<string | null> {
  if (under == null) return null;
  const id = requireUuid('under', under);
  const unit = await ctx.loaders.orgUnit.load(id);
  if (!unit) throw notFound('Org unit', '组织', id);
  const inOwn = v.subtree !== undefined && inSubtree(v.subtree, unit.path);
  if (!inOwn && !v.audience.includes(unit.path)) throw outsideError(ctx, `the learning material of org unit ${id}`, `组织 ${id} 的学习内容`);
  return unit.path;
}

interface CourseArgs {
  under?: string | number | null;
  status?: Prisma.CourseWhereInput['status'] | null;
  search?: string | null;
}

async function courseWhere(ctx: Context, args: CourseArgs): Promise<Prisma.CourseWhereInput> {
  const v = await viewerOf(ctx);
  const and: Prisma.CourseWhereInput[] = [materialWhere<Prisma.CourseWhereInput>(v)];
  const under = await underPath(ctx, v, args.under);
  if (under) and.push({ orgUnit: { path: { startsWith: under } } });
  if (args.status) and.push({ status: args.status });
  const search = args.search?.trim();
  if (search) and.push({ title: containsText(search) });
  return { AND: and };
}

interface QuizArgs {
  under?: string | number | null;
  courseId?: string | number | null;
  status?: Prisma.QuizWhereInput['status'] | null;
}

async function quizWhere(ctx: Context, args: QuizArgs): Promise<Prisma.QuizWhereInput> {
  const v = await viewerOf(ctx);
  const and: Prisma.QuizWhereInput[] = [materialWhere<Prisma.QuizWhereInput>(v)];
  const under = await underPath(ctx, v, args.under);
  if (under) and.push({ orgUnit: { path: { startsWith: under } } });
  if (args.courseId != null) and.push({ courseId: requireUuid('courseId', args.courseId) });
  if (args.status) and.push({ status: args.status });
  return { AND: and };
}

interface QuestionArgs {
  under?: string | number | null;
  courseId?: string | number | null;
  active?: boolean | null;
}

async function questionWhere(ctx: Context, args: QuestionArgs): Promise<Prisma.QuizQuestionWhereInput> {
  const v = await viewerOf(ctx);
  if (v.subtree === undefined) throw forbidden('Members see questions only in their own attempts.', '党员只能在本人作答中查看题目。');
  const and: Prisma.QuizQuestionWhereInput[] = [];
  if (v.subtree !== null) and.push({ orgUnit: { path: { startsWith: v.subtree } } });
  if (args.under != null) {
    const under = await underPath(ctx, v, args.under);
    if (under && !(inSubtree(v.subtree, under))) throw outsideError(ctx, `the question bank of org unit ${String(args.under)}`, `组织 ${String(args.under)} 的题库`);
    if (under) and.push({ orgUnit: { path: { startsWith: under } } });
  }
  if (args.courseId != null) and.push({ courseId: requireUuid('courseId', args.courseId) });
  if (args.active != null) and.push({ active: args.active });
  return { AND: and };
}

interface CompletionArgs {
  memberId?: string | number | null;
  courseId?: string | number | null;
}

async function completionWhere(ctx: Context, args: CompletionArgs): Promise<Prisma.CourseCompletionWhereInput> {
  const v = await viewerOf(ctx);
  const and: Prisma.CourseCompletionWhereInput[] = [memberRowWhere<Prisma.CourseCompletionWhereInput>(v)];
  const memberId = args.memberId != null ? requireUuid('memberId', args.memberId) : v.subtree === undefined ? v.memberId : null;
  if (memberId) {
    const m = await ctx.prisma.member.findUnique({ where: { id: memberId }, select: { id: true, orgUnitId: true } });
    if (!m) throw notFound('Member', '党员', memberId);
    assertCanSeeMember(ctx, { id: m.id, unitPath: await unitPath(ctx, m.orgUnitId) });
    and.push({ memberId });
  }
  if (args.courseId != null) and.push({ courseId: requireUuid('courseId', args.courseId) });
  return { AND: and };
}

async function myAttemptWhere(ctx: Context, { quizId }: { quizId?: string | number | null }): Promise<Prisma.QuizAttemptWhereInput> {
  const v = await viewerOf(ctx);
  if (!v.memberId) throw forbidden('Only an account linked to a member record has quiz attempts.', '只有关联党员记录的账号才有测验作答记录。');
  return { memberId: v.memberId, ...(quizId != null ? { quizId: requireUuid('quizId', quizId) } : {}) };
}

builder.queryFields((t) => ({
  courses: subtreeList(t, 'Course', {
    description: 'Courses you may see, newest first: published by your unit or a unit above it, and (staff) all of your subtree',
    under: 'Only courses of this unit’s subtree',
    args: { status: t.arg({ type: CourseStatusEnum }), search: t.arg.string({ description: 'Part of the title' }) },
    where: courseWhere,
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
  }),
  course: byIdField(t, 'Course', { what: ['Course', '课程'], description: 'One course' }),
  quizzes: listField(t, 'Quiz', {
    description: 'Quizzes you may see, newest first (same rule as courses)',
    args: { under: t.arg.id(), courseId: t.arg.id(), status: t.arg({ type: QuizStatusEnum }) },
    where: quizWhere,
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
  }),
  quiz: byIdField(t, 'Quiz', { what: ['Quiz', '测验'] }),
  quizQuestions: listField(t, 'QuizQuestion', {
    description: 'The question bank of your subtree (staff; partner keys with QuizQuestion:read). Answer keys only for ADMIN/SECRETARY.',
    args: { under: t.arg.id(), courseId: t.arg.id(), active: t.arg.boolean() },
    authScopes: { $any: { staff: true, partner: 'QuizQuestion:read' } },
    where: questionWhere,
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  }),
  quizQuestion: byIdField(t, 'QuizQuestion', { what: ['Question', '题目'], description: 'One bank question: staff of its subtree, or a member it was drawn for' }),
  myQuizAttempts: listField(t, 'QuizAttempt', {
    description: 'Your own quiz attempts, newest first',
    args: { quizId: t.arg.id() },
    authScopes: { signedIn: true },
    where: myAttemptWhere,
    orderBy: [{ startedAt: 'desc' }, { id: 'asc' }],
  }),
  quizAttempt: byIdField(t, 'QuizAttempt', { what: ['Quiz attempt', '测验作答'] }),
  courseCompletions: listField(t, 'CourseCompletion', {
    description: 'Course completions, newest first: a member’s (default: your own), or (staff) your subtree’s',
    args: { memberId: t.arg.id(), courseId: t.arg.id() },
    where: completionWhere,
    orderBy: [{ completedAt: 'desc' }, { id: 'asc' }],
  }),
}));
