// Feedback categories and statuses in the order the pages offer them (typed by the API's enums).
import type { FeedbackCategory as ApiFeedbackCategory, FeedbackStatus as ApiFeedbackStatus } from '../graphql/graphql';

export const FEEDBACK_CATEGORIES = ['SUGGESTION', 'OPINION', 'REQUEST', 'COMPLAINT', 'OTHER'] as const satisfies readonly ApiFeedbackCategory[];
export const FEEDBACK_STATUSES = ['SUBMITTED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'] as const satisfies readonly ApiFeedbackStatus[];

export type FeedbackCategory = (typeof FEEDBACK_CATEGORIES)[number];
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

export function isFeedbackStatus(v: unknown): v is FeedbackStatus {
  return typeof v === 'string' && (FEEDBACK_STATUSES as readonly string[]).includes(v);
}

export interface FieldMessage {
  message: string;
  messageZh: string;
}
