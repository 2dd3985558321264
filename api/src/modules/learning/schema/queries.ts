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
import { defaultPageSize, idConnectionMaxSize } from '../../../graphql/pagination.js';
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

async function myAttemptWhere(ctx: Context, quizId: string | number | null | undefined): Promise<Prisma.QuizAttemptWhereInput> {
  const v = await viewerOf(ctx);
  if (!v.memberId) throw forbidden('Only an account linked to a member record has quiz attempts.', '只有关联党员记录的账号才有测验作答记录。');
  return { memberId: v.memberId, ...(quizId != null ? { quizId: requireUuid('quizId', quizId) } : {}) };
}

builder.queryFields((t) => ({
  courses: t.prismaConnection({
    type: 'Course',
    cursor: 'id',
    description: 'Courses you may see, newest first: published by your unit or a unit above it, and (staff) all of your subtree',
    args: {
      under: t.arg.id({ description: 'Only courses of this unit’s subtree' }),
      status: t.arg({ type: CourseStatusEnum }),
      search: t.arg.string({ description: 'Part of the title' }),
    },
    authScopes: { read: 'Course' },
    maxSize: idConnectionMaxSize,
    defaultSize: defaultPageSize,
    totalCount: async (_p, args, ctx) => ctx.prisma.course.count({ where: await courseWhere(ctx, args) }),
    resolve: async (query, _root, args, ctx) => ctx.prisma.course.findMany({ ...query, where: await courseWhere(ctx, args), orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] }),
  }),
  course: t.prismaField({
    type: 'Course',
    description: 'One course',
    args: { id: t.arg.id({ required: true }) },
    authScopes: { read: 'Course' },
    resolve: async (query, _root, args, ctx) => {
      const id = requireUuid('id', args.id);
      const row = await ctx.prisma.course.findUnique({ ...query, where: { id } });
      if (!row) throw notFound('Course', '课程', id);
      return row;
    },
  }),
  quizzes: t.prismaConnection({
    type: 'Quiz',
    cursor: 'id',
    description: 'Quizzes you may see, newest first (same rule as courses)',
    args: {
      under: t.arg.id(),
      courseId: t.arg.id(),
      status: t.arg({ type: QuizStatusEnum }),
    },
    authScopes: { read: 'Quiz' },
    maxSize: idConnectionMaxSize,
    defaultSize: defaultPageSize,
    totalCount: async (_p, args, ctx) => ctx.prisma.quiz.count({ where: await quizWhere(ctx, args) }),
    resolve: async (query, _root, args, ctx) => ctx.prisma.quiz.findMany({ ...query, where: await quizWhere(ctx, args), orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] }),
  }),
  quiz: t.prismaField({
    type: 'Quiz',
    args: { id: t.arg.id({ required: true }) },
    authScopes: { read: 'Quiz' },
    resolve: async (query, _root, args, ctx) => {
      const id = requireUuid('id', args.id);
      const row = await ctx.prisma.quiz.findUnique({ ...query, where: { id } });
      if (!row) throw notFound('Quiz', '测验', id);
      return row;
    },
  }),
  quizQuestions: t.prismaConnection({
    type: 'QuizQuestion',
    cursor: 'id',
    description: 'The question bank of your subtree (staff; partner keys with QuizQuestion:read). Answer keys only for ADMIN/SECRETARY.',
    args: { under: t.arg.id(), courseId: t.arg.id(), active: t.arg.boolean() },
    authScopes: { $any: { staff: true, partner: 'QuizQuestion:read' } },
    maxSize: idConnectionMaxSize,
    defaultSize: defaultPageSize,
    totalCount: async (_p, args, ctx) => ctx.prisma.quizQuestion.count({ where: await questionWhere(ctx, args) }),
    resolve: async (query, _root, args, ctx) => ctx.prisma.quizQuestion.findMany({ ...query, where: await questionWhere(ctx, args), orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
  }),
  quizQuestion: t.prismaField({
    type: 'QuizQuestion',
    description: 'One bank question: staff of its subtree, or a member it was drawn for',
    args: { id: t.arg.id({ required: true }) },
    authScopes: { read: 'QuizQuestion' },
    resolve: async (query, _root, args, ctx) => {
      const id = requireUuid('id', args.id);
      const row = await ctx.prisma.quizQuestion.findUnique({ ...query, where: { id } });
      if (!row) throw notFound('Question', '题目', id);
      return row;
    },
  }),
  myQuizAttempts: t.prismaConnection({
    type: 'QuizAttempt',
    cursor: 'id',
    description: 'Your own quiz attempts, newest first',
    args: { quizId: t.arg.id() },
    authScopes: { signedIn: true },
    maxSize: idConnectionMaxSize,
    defaultSize: defaultPageSize,
    totalCount: async (_p, args, ctx) => ctx.prisma.quizAttempt.count({ where: await myAttemptWhere(ctx, args.quizId) }),
    resolve: async (query, _root, args, ctx) =>
      ctx.prisma.quizAttempt.findMany({ ...query, where: await myAttemptWhere(ctx, args.quizId), orderBy: [{ startedAt: 'desc' }, { id: 'asc' }] }),
  }),
  quizAttempt: t.prismaField({
    type: 'QuizAttempt',
    args: { id: t.arg.id({ required: true }) },
    authScopes: { read: 'QuizAttempt' },
    resolve: async (query, _root, args, ctx) => {
      const id = requireUuid('id', args.id);
      const row = await ctx.prisma.quizAttempt.findUnique({ ...query, where: { id } });
      if (!row) throw notFound('Quiz attempt', '测验作答', id);
      return row;
    },
  }),
  courseCompletions: t.prismaConnection({
    type: 'CourseCompletion',
    cursor: 'id',
    description: 'Course completions, newest first: a member’s (default: your own), or (staff) your subtree’s',
    args: { memberId: t.arg.id(), courseId: t.arg.id() },
    authScopes: { read: 'CourseCompletion' },
    maxSize: idConnectionMaxSize,
    defaultSize: defaultPageSize,
    totalCount: async (_p, args, ctx) => ctx.prisma.courseCompletion.count({ where: await completionWhere(ctx, args) }),
    resolve: async (query, _root, args, ctx) =>
      ctx.prisma.courseCompletion.findMany({ ...query, where: await completionWhere(ctx, args), orderBy: [{ completedAt: 'desc' }, { id: 'asc' }] }),
  }),
}));
