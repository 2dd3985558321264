// Refusals of the learning rules. `extensions.code` names the rule (ATTEMPT_EXPIRED, …) so a
// client can react to it; the message says what to do instead, in English and Chinese.
import type { GraphQLError } from 'graphql';
import { appError, defineCodes } from '../../shared/errors.js';

export const LearningCode = defineCodes('learning', {
  COURSE_NOT_DRAFT: { en: 'The course is no longer a draft, so this cannot be changed.', zh: '课程已不是草稿，不能再修改此项。' },
  COURSE_ARCHIVED: { en: 'The course is archived.', zh: '课程已归档。' },
  COURSE_HAS_NO_RESOURCES: { en: 'A course needs at least one resource before it is published.', zh: '课程发布前至少需要一项学习资料。' },
  COURSE_NOT_PUBLISHED: { en: 'The course is not published.', zh: '课程尚未发布。' },
  ALREADY_COMPLETED: { en: 'The course is already completed.', zh: '该课程已完成。' },
  RESOURCES_INCOMPLETE: { en: 'Some resources of the course are not yet studied.', zh: '课程中还有学习资料未完成。' },
  QUIZ_NOT_DRAFT: { en: 'The quiz is no longer a draft.', zh: '测验已不是草稿。' },
  QUIZ_NOT_OPEN: { en: 'The quiz is not open now.', zh: '测验当前未开放。' },
  NOT_ENOUGH_QUESTIONS: { en: 'The question bank has fewer questions than the quiz draws.', zh: '题库题目少于测验抽题数。' },
  ATTEMPT_IN_PROGRESS: { en: 'An attempt is already in progress; finish it first.', zh: '已有进行中的作答，请先完成。' },
  ATTEMPTS_EXHAUSTED: { en: 'No attempt is left.', zh: '作答次数已用完。' },
  ATTEMPT_EXPIRED: { en: 'The attempt ran out of time.', zh: '作答已超时。' },
  ATTEMPT_ALREADY_SUBMITTED: { en: 'The attempt is already submitted.', zh: '该次作答已提交。' },
});
export type LearningCode = keyof typeof LearningCode;

export function refused(code: LearningCode, message: string, messageZh: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return appError(code, message, { messageZh, extensions });
}
