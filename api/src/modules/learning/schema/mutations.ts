// Learning mutations. Each writes its rows with their record documents in one transaction (the
// services in ../), and returns the row re-read with the fields the client asked for.
import { builder } from '../../../graphql/builder.js';
import { inputMutation, recordMutation, rowMutation } from '../../../graphql/rows.js';
import { requireUuid } from '../../../shared/ids.js';
import { completeCourse, addCourseResource, archiveCourse, createCourse, publishCourse } from '../courses.js';
import { addQuizQuestion, updateQuizQuestion } from '../questions.js';
import { createQuiz, publishQuiz } from '../quizzes.js';
import { startQuizAttempt, submitQuizAttempt } from '../attempts.js';
import { QuestionKindEnum, ResourceKindEnum } from './types.js';

const CreateCourseInput = builder.inputType('CreateCourseInput', {
  fields: (t) => ({
    orgUnitId: t.id({ required: true, description: 'The publishing unit (in your subtree); its whole subtree studies the course' }),
    title: t.string({ required: true }),
    description: t.string(),
    category: t.string(),
    classHours: t.int({ description: 'Class hours credited on completion, 1–200 (default 1)' }),
    mandatory: t.boolean(),
  }),
});

const AddCourseResourceInput = builder.inputType('AddCourseResourceInput', {
  fields: (t) => ({
    courseId: t.id({ required: true }),
    kind: t.field({ type: ResourceKindEnum, required: true }),
    title: t.string({ required: true }),
    uri: t.string({ required: true, description: 'http(s) URL of the material' }),
    contentHash: t.string({ description: 'SHA-256 of the content, 64 hex digits' }),
    durationMinutes: t.int(),
  }),
});

const AddQuizQuestionInput = builder.inputType('AddQuizQuestionInput', {
  description: 'A bank question. Single choice and true/false have exactly one correct option; multiple choice at least one.',
  fields: (t) => ({
    courseId: t.id({ description: 'The course whose bank it joins' }),
    orgUnitId: t.id({ description: 'Without a course: the unit whose general bank it joins' }),
    kind: t.field({ type: QuestionKindEnum, required: true }),
    prompt: t.string({ required: true }),
    options: t.stringList({ description: '2–10 choices (true/false: exactly 2, default 正确/错误)' }),
    correct: t.intList({ required: true, description: 'Indexes of the correct options, from 0' }),
    explanation: t.string(),
    points: t.int({ description: '1–100, default 1' }),
  }),
});

const UpdateQuizQuestionInput = builder.inputType('UpdateQuizQuestionInput', {
  description: 'Fields to change; the resulting question is validated as a whole',
  fields: (t) => ({
    kind: t.field({ type: QuestionKindEnum }),
    prompt: t.string(),
    options: t.stringList(),
    correct: t.intList(),
    explanation: t.string(),
    points: t.int(),
    active: t.boolean({ description: 'false: no longer drawn' }),
  }),
});

const CreateQuizInput = builder.inputType('CreateQuizInput', {
  fields: (t) => ({
    courseId: t.id({ description: 'The course whose bank it draws from' }),
    orgUnitId: t.id({ description: 'Without a course: the unit whose general bank it draws from' }),
    title: t.string({ required: true }),
    questionCount: t.int({ required: true, description: 'Questions drawn per attempt, 1–100' }),
    passScore: t.int({ required: true, description: 'Percentage needed to pass, 1–100' }),
    timeLimitMinutes: t.int({ required: true, description: '1–600' }),
    maxAttempts: t.int({ description: 'Attempts allowed per member, 1–20 (default 3)' }),
    opensAt: t.field({ type: 'DateTime' }),
    closesAt: t.field({ type: 'DateTime' }),
  }),
});

const QuizAnswerInput = builder.inputType('QuizAnswerInput', {
  fields: (t) => ({
    questionId: t.id({ required: true }),
    choices: t.intList({ required: true, description: 'Indexes of the chosen options' }),
  }),
});

builder.mutationFields((t) => ({
  createCourse: inputMutation(t, 'Course', CreateCourseInput, { description: 'Drafts a course (ADMIN, or SECRETARY of the unit)', write: createCourse }),
  publishCourse: rowMutation(t, 'Course', { description: 'DRAFT → PUBLISHED; needs at least one resource', versioned: true, write: publishCourse }),
  archiveCourse: rowMutation(t, 'Course', { description: 'DRAFT or PUBLISHED → ARCHIVED', versioned: true, write: archiveCourse }),
  addCourseResource: inputMutation(t, 'CourseResource', AddCourseResourceInput, { description: 'Appends a resource to a course that is not archived', write: addCourseResource }),
  completeCourse: recordMutation(t, 'CourseCompletion', {
    description:
      'Records that a member completed a published course, once. A member records their own, naming every resource of the course in `resourceIds`; an ADMIN/SECRETARY records one for `memberId` in their subtree. Earns COURSE_COMPLETED points.',
    args: { courseId: t.arg.id({ required: true }), memberId: t.arg.id(), resourceIds: t.arg.idList() },
    authScopes: { signedIn: true },
    write: (ctx, args) => completeCourse(ctx, { courseId: args.courseId, memberId: args.memberId ?? null, resourceIds: args.resourceIds ?? null }),
  }),
  addQuizQuestion: inputMutation(t, 'QuizQuestion', AddQuizQuestionInput, { description: 'Adds a question to a bank (ADMIN, or SECRETARY of the bank’s unit)', write: addQuizQuestion }),
  updateQuizQuestion: recordMutation(t, 'QuizQuestion', {
    description: 'Changes a bank question as a new version',
    args: { id: t.arg.id({ required: true }), expectedVersion: t.arg.int(), input: t.arg({ type: UpdateQuizQuestionInput, required: true }) },
    write: (ctx, args) => updateQuizQuestion(ctx, args.id, args.expectedVersion, args.input),
  }),
  createQuiz: inputMutation(t, 'Quiz', CreateQuizInput, { description: 'Drafts a quiz over a course’s bank (or a unit’s general bank)', write: createQuiz }),
  publishQuiz: rowMutation(t, 'Quiz', { description: 'DRAFT → OPEN; needs a published course and enough active questions', versioned: true, write: publishQuiz }),
  startQuizAttempt: recordMutation(t, 'QuizAttempt', {
    description: 'Starts your next attempt: draws the questions (new ones first) and sets the deadline',
    args: { quizId: t.arg.id({ required: true }) },
    authScopes: { signedIn: true },
    write: (ctx, args) => startQuizAttempt(ctx, args.quizId),
  }),
  submitQuizAttempt: recordMutation(t, 'QuizAttempt', {
    description: 'Submits your answers, once, before the deadline; the server scores them and the answer key is shown in `results`',
    args: { attemptId: t.arg.id({ required: true }), answers: t.arg({ type: [QuizAnswerInput], required: true }) },
    authScopes: { signedIn: true },
    write: (ctx, args) =>
      submitQuizAttempt(ctx, args.attemptId, args.answers.map((a, i) => ({ questionId: requireUuid(`answers[${i}].questionId`, a.questionId), choices: a.choices }))),
  }),
}));
