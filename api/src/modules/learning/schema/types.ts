// The learning types of the graph. Every row type is Verifiable and checks, per object reached
// by any path, that the caller may see it (access.ts); a bank question's answer key is a field
// of its own that only bank writers get, and members once they are done with the quiz (access.ts).
import type { AttemptStatus, CourseStatus, QuestionKind, QuizStatus, ResourceKind, QuizQuestion } from '@lianjian/db';
import { builder } from '../../../graphql/builder.js';
import { dbEnum } from '../../../graphql/enums.js';
import { memberFields, timestamps } from '../../../graphql/fields.js';
import { relatedPage, relatedPaging } from '../../../graphql/rows.js';
import type { Context } from '../../../shared/context.js';
import { visibleRoot } from '../../../shared/principal.js';
import { verifiableObject } from '../../../graphql/verifiable.js';
import {
  assertCanSeeAnswer,
  assertCanSeeQuestion,
  canSeeAnswer,
  canSeeMaterial,
  canSeeMemberRow,
  outsideError,
  perRequest,
  unitPath,
  viewerOf,
} from '../access.js';
import { keyedQuestion, scoreAnswers, type ScoredItem } from '@lianjian/rules/learning';

export const CourseStatusEnum = dbEnum('CourseStatus', 'DRAFT 草稿 / PUBLISHED 已发布 / ARCHIVED 已归档');
export const ResourceKindEnum = dbEnum('ResourceKind', '文章 / 文档 / 视频 / 音频 / 链接');
export const QuestionKindEnum = dbEnum('QuestionKind', 'SINGLE_CHOICE 单选 / MULTIPLE_CHOICE 多选 / TRUE_FALSE 判断');
export const QuizStatusEnum = dbEnum('QuizStatus', 'DRAFT 草稿 / OPEN 开放作答 / CLOSED 已关闭');
export const AttemptStatusEnum = dbEnum('AttemptStatus', 'IN_PROGRESS 作答中 / SUBMITTED 已提交 / EXPIRED 已超时');

type MaterialRow = { id: string; orgUnitId: string; status: string };
type MemberRow = { id: string; orgUnitId: string; memberId: string };

async function assertMaterial(ctx: Context, what: string, whatZh: string, row: MaterialRow): Promise<void> {
  const v = await viewerOf(ctx);
  if (!canSeeMaterial(v, { draft: row.status === 'DRAFT', unitPath: await unitPath(ctx, row.orgUnitId) })) {
    throw outsideError(ctx, `${what} ${row.id}: it is neither published for your unit nor in your subtree`, `${whatZh} ${row.id}：既未向您所在组织发布，也不在您负责的范围内`);
  }
}

async function assertMemberRow(ctx: Context, what: string, whatZh: string, row: MemberRow): Promise<void> {
  const v = await viewerOf(ctx);
  if (!canSeeMemberRow(v, { memberId: row.memberId, unitPath: await unitPath(ctx, row.orgUnitId) })) {
    throw outsideError(ctx, `${what} ${row.id}: members see their own, staff those of their subtree`, `${whatZh} ${row.id}：党员只能查看本人的，工作人员只能查看其负责范围内的`);
  }
}

/** Status and unit of courses, once per request, for rows that hang off a course. */
function courseFacts(ctx: Context, courseId: string) {
  return perRequest(ctx, `course:${courseId}`, () => ctx.prisma.course.findUnique({ where: { id: courseId }, select: { id: true, orgUnitId: true, status: true } }));
}

const unitName = (ctx: Context, id: string) => ctx.loaders.orgUnit.load(id).then((u) => u?.name ?? '');

export const CourseRef = verifiableObject('Course', (ctx, course: MaterialRow) => assertMaterial(ctx, 'course', '课程', course), {
  description: 'A course (课程): resources to study, a question bank, quizzes; published to its unit and every unit below',
  fields: (t) => ({
    orgUnitId: t.exposeID('orgUnitId'),
    orgUnitName: t.string({ description: 'Name of the publishing unit (its OrgUnit may lie above what you may open)', resolve: (c, _a, ctx) => unitName(ctx, c.orgUnitId) }),
    title: t.exposeString('title'),
    description: t.exposeString('description', { nullable: true }),
    category: t.exposeString('category', { nullable: true }),
    classHours: t.exposeInt('classHours', { description: 'Class hours credited on completion (学时)' }),
    mandatory: t.exposeBoolean('mandatory', { description: 'Required study (必修)' }),
    status: t.expose('status', { type: CourseStatusEnum }),
    publishedAt: t.expose('publishedAt', { type: 'DateTime', nullable: true }),
    ...timestamps(t),
    resources: t.relatedConnection('resources', {
      description: 'Learning material in order',
      ...relatedPage([{ position: 'asc' }, { id: 'asc' }]),
    }),
    myCompletion: t.prismaField({
      type: 'CourseCompletion',
      nullable: true,
      description: 'Your completion of this course, if any (accounts linked to a member)',
      resolve: (query, course, _a, ctx) => {
        const memberId = ctx.principal.kind === 'account' ? ctx.principal.memberId : null;
        return memberId ? ctx.prisma.courseCompletion.findUnique({ ...query, where: { courseId_memberId: { courseId: course.id, memberId } } }) : null;
      },
    }),
  }),
});

async function assertCourseMaterial(ctx: Context, r: { courseId: string; orgUnitId: string }): Promise<void> {
  const course = await courseFacts(ctx, r.courseId);
  await assertMaterial(ctx, 'the course of resource', '学习资料所属课程', course ?? { id: r.courseId, orgUnitId: r.orgUnitId, status: 'DRAFT' });
}

export const CourseResourceRef = verifiableObject('CourseResource', assertCourseMaterial, {
  description: 'One piece of a course’s material (学习资料); `contentHash` pins the exact content',
  fields: (t) => ({
    orgUnitId: t.exposeID('orgUnitId'),
    courseId: t.exposeID('courseId'),
    course: t.relation('course'),
    kind: t.expose('kind', { type: ResourceKindEnum }),
    title: t.exposeString('title'),
    uri: t.exposeString('uri'),
    contentHash: t.string({ nullable: true, description: 'SHA-256 of the content, hex', resolve: (r) => (r.contentHash ? Buffer.from(r.contentHash).toString('hex') : null) }),
    durationMinutes: t.exposeInt('durationMinutes', { nullable: true }),
    position: t.exposeInt('position'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

function answerKey(q: QuizQuestion) {
  return keyedQuestion(q);
}

export const QuizQuestionRef = verifiableObject('QuizQuestion', assertCanSeeQuestion, {
  description:
    'A question of a bank (题目). Members see one only when it is drawn in their attempt, and its answer (`correct`, `explanation`) only after submitting an attempt containing it, once they can no longer take that quiz (no attempts left, or it closed) nor another over the same bank; bank writers (ADMIN, SECRETARY of its unit) always.',
  fields: (t) => ({
    orgUnitId: t.exposeID('orgUnitId'),
    courseId: t.exposeID('courseId', { nullable: true }),
    kind: t.expose('kind', { type: QuestionKindEnum }),
    prompt: t.exposeString('prompt'),
    options: t.stringList({ description: 'The choices, in order; answers name them by index from 0', resolve: (q) => answerKey(q).options }),
    points: t.exposeInt('points'),
    active: t.exposeBoolean('active', { description: 'Inactive questions are no longer drawn' }),
    correct: t.intList({
      nullable: true,
      description: 'Indexes of the correct options (the answer key; see the type description for who may see it)',
      resolve: async (q, _a, ctx) => {
        await assertCanSeeAnswer(ctx, q);
        return answerKey(q).correct;
      },
    }),
    explanation: t.string({
      nullable: true,
      description: 'Why the answer is right (shown with the answer key)',
      resolve: async (q, _a, ctx) => {
        await assertCanSeeAnswer(ctx, q);
        return q.explanation;
      },
    }),
    ...timestamps(t),
  }),
});

export const QuizRef = verifiableObject('Quiz', (ctx, quiz: MaterialRow) => assertMaterial(ctx, 'quiz', '测验', quiz), {
  description: 'A quiz (测验): each attempt draws `questionCount` distinct questions at random from the bank, within a time limit',
  fields: (t) => ({
    orgUnitId: t.exposeID('orgUnitId'),
    courseId: t.exposeID('courseId', { nullable: true }),
    course: t.relation('course', { nullable: true }),
    title: t.exposeString('title'),
    questionCount: t.exposeInt('questionCount', { description: 'Questions drawn per attempt' }),
    timeLimitSeconds: t.exposeInt('timeLimitSeconds'),
    timeLimitMinutes: t.int({ resolve: (q) => Math.ceil(q.timeLimitSeconds / 60) }),
    passScore: t.exposeInt('passScore', { description: 'Percentage of the attempt’s maximum needed to pass' }),
    maxAttempts: t.exposeInt('maxAttempts'),
    status: t.expose('status', { type: QuizStatusEnum }),
    opensAt: t.expose('opensAt', { type: 'DateTime', nullable: true }),
    closesAt: t.expose('closesAt', { type: 'DateTime', nullable: true }),
    ...timestamps(t),
    myAttempts: t.relatedConnection('attempts', {
      description: 'Your attempts at this quiz, first first',
      ...relatedPaging,
      query: (_a, ctx) => ({
        where: { memberId: (ctx.principal.kind === 'account' ? ctx.principal.memberId : null) ?? '00000000-0000-0000-0000-000000000000' },
        orderBy: [{ attemptNo: 'asc' }, { id: 'asc' }],
      }),
    }),
    attemptsLeft: t.int({
      nullable: true,
      description: 'How many more attempts you may start (null for accounts without a member record)',
      resolve: async (quiz, _a, ctx) => {
        const memberId = ctx.principal.kind === 'account' ? ctx.principal.memberId : null;
        if (!memberId) return null;
        const used = await ctx.prisma.quizAttempt.count({ where: { quizId: quiz.id, memberId } });
        return Math.max(0, quiz.maxAttempts - used);
      },
    }),
    attempts: t.relatedConnection('attempts', {
      description: 'Attempts by members of your subtree (staff, partner keys with QuizAttempt:read)',
      ...relatedPaging,
      authScopes: { $any: { staff: true, partner: 'QuizAttempt:read' } },
      query: (_a, ctx) => {
        const root = visibleRoot(ctx.principal);
        return { where: root === null ? {} : { orgUnit: { path: { startsWith: root } } }, orderBy: [{ startedAt: 'asc' }, { id: 'asc' }] };
      },
    }),
  }),
});

interface AnswerResultShape {
  item: ScoredItem;
  question: QuizQuestion;
  /** The caller may see this question's key (access.ts canSeeAnswer). */
  keyShown: boolean;
  /** The caller took the attempt: without the key they get nulls; anyone else is refused the key. */
  own: boolean;
}

/** The answer key, or null for the attempt's own member before it is shown; others are refused. */
async function keyOrNull<T>(r: AnswerResultShape, ctx: Context, value: T): Promise<T | null> {
  if (r.keyShown) return value;
  if (r.own) return null;
  await assertCanSeeAnswer(ctx, r.question);
  return value;
}

export const QuizAnswerResult = builder.objectRef<AnswerResultShape>('QuizAnswerResult').implement({
  description:
    'How one drawn question was answered in a submitted attempt. For the member who took it, `isCorrect`, `earned`, `correct` and `explanation` are null until the answer key is shown to them (see QuizQuestion): on a true/false question right-or-wrong is the key.',
  fields: (t) => ({
    question: t.field({ type: QuizQuestionRef, resolve: (r) => r.question }),
    chosen: t.intList({ description: 'The options chosen (indexes)', resolve: (r) => r.item.chosen }),
    isCorrect: t.boolean({ nullable: true, resolve: (r) => (r.keyShown || !r.own ? r.item.isCorrect : null) }),
    points: t.int({ resolve: (r) => r.item.points }),
    earned: t.int({ nullable: true, resolve: (r) => (r.keyShown || !r.own ? r.item.earned : null) }),
    correct: t.intList({ nullable: true, resolve: (r, _a, ctx) => keyOrNull(r, ctx, r.item.correct) }),
    explanation: t.string({ nullable: true, resolve: (r, _a, ctx) => keyOrNull(r, ctx, r.question.explanation) }),
  }),
});

async function drawnQuestions(ctx: Context, ids: readonly string[]): Promise<QuizQuestion[]> {
  const rows = await ctx.prisma.quizQuestion.findMany({ where: { id: { in: [...ids] } } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export const QuizAttemptRef = verifiableObject('QuizAttempt', (ctx, a: MemberRow) => assertMemberRow(ctx, 'quiz attempt', '测验作答', a), {
  description: 'One attempt at a quiz (作答): the drawn questions in order, the answers, the score once submitted',
  fields: (t) => ({
    orgUnitId: t.exposeID('orgUnitId'),
    quizId: t.exposeID('quizId'),
    quiz: t.relation('quiz'),
    ...memberFields(t),
    attemptNo: t.exposeInt('attemptNo'),
    status: t.expose('status', { type: AttemptStatusEnum }),
    questionIds: t.idList({ resolve: (a) => a.questionIds }),
    questions: t.field({
      type: [QuizQuestionRef],
      description: 'The drawn questions, in the order drawn',
      resolve: (a, _args, ctx) => drawnQuestions(ctx, a.questionIds),
    }),
    answers: t.field({ type: 'JSON', nullable: true, description: 'Chosen option indexes keyed by question id, once submitted', resolve: (a) => a.answers ?? null }),
    score: t.exposeInt('score', { nullable: true }),
    maxScore: t.exposeInt('maxScore'),
    passed: t.exposeBoolean('passed', { nullable: true }),
    timeLimitSeconds: t.exposeInt('timeLimitSeconds'),
    startedAt: t.expose('startedAt', { type: 'DateTime' }),
    deadlineAt: t.expose('deadlineAt', { type: 'DateTime' }),
    finishedAt: t.expose('finishedAt', { type: 'DateTime', nullable: true }),
    secondsLeft: t.int({
      nullable: true,
      description: 'Seconds until the deadline while in progress; null otherwise',
      resolve: (a, _args, ctx) => (a.status === 'IN_PROGRESS' ? Math.max(0, Math.floor((a.deadlineAt.getTime() - ctx.config.now().getTime()) / 1000)) : null),
    }),
    results: t.field({
      type: [QuizAnswerResult],
      nullable: true,
      description: 'Per question: what was chosen, whether it was right, and the answer key (see QuizAnswerResult). Null until the attempt is submitted.',
      resolve: async (a, _args, ctx) => {
        if (a.status !== 'SUBMITTED') return null;
        const questions = await drawnQuestions(ctx, a.questionIds);
        const answers = (a.answers ?? {}) as Record<string, number[]>;
        const scored = scoreAnswers(questions.map(keyedQuestion), answers);
        const own = ctx.principal.kind === 'account' && ctx.principal.memberId === a.memberId;
        return Promise.all(scored.items.map(async (item, i) => ({ item, question: questions[i]!, own, keyShown: await canSeeAnswer(ctx, questions[i]!) })));
      },
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

export const CourseCompletionRef = verifiableObject('CourseCompletion', (ctx, c: MemberRow) => assertMemberRow(ctx, 'course completion', '课程完成记录', c), {
  description: 'A member’s completion of a course (结业), with the class hours credited',
  fields: (t) => ({
    orgUnitId: t.exposeID('orgUnitId'),
    courseId: t.exposeID('courseId'),
    course: t.relation('course'),
    ...memberFields(t),
    completedAt: t.expose('completedAt', { type: 'DateTime' }),
    classHours: t.exposeInt('classHours'),
    score: t.exposeInt('score', { nullable: true, description: 'Best quiz score on the course at completion, percent' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});
