// Refusals of the learning rules. `extensions.code` names the rule (ATTEMPT_EXPIRED, …) so a
// client can react to it; the message says what to do instead, in English and Chinese.
import { GraphQLError } from 'graphql';

export type LearningCode =
  | 'COURSE_NOT_DRAFT'
  | 'COURSE_ARCHIVED'
  | 'COURSE_HAS_NO_RESOURCES'
  | 'COURSE_NOT_PUBLISHED'
  | 'ALREADY_COMPLETED'
  | 'RESOURCES_INCOMPLETE'
  | 'QUIZ_NOT_DRAFT'
  | 'QUIZ_NOT_OPEN'
  | 'NOT_ENOUGH_QUESTIONS'
  | 'ATTEMPT_IN_PROGRESS'
  | 'ATTEMPTS_EXHAUSTED'
  | 'ATTEMPT_EXPIRED'
  | 'ATTEMPT_ALREADY_SUBMITTED';

export function refused(code: LearningCode, message: string, messageZh: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, messageZh, ...extensions } });
}
