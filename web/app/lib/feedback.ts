// Feedback categories and statuses in the order the pages offer them (as the API's enums).
export const FEEDBACK_CATEGORIES = ['SUGGESTION', 'OPINION', 'REQUEST', 'COMPLAINT', 'OTHER'] as const;
export const FEEDBACK_STATUSES = ['SUBMITTED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'] as const;

export type FeedbackCategory = (typeof FEEDBACK_CATEGORIES)[number];
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

export function isFeedbackStatus(v: unknown): v is FeedbackStatus {
  return typeof v === 'string' && (FEEDBACK_STATUSES as readonly string[]).includes(v);
}

export interface FieldMessage {
  message: string;
  messageZh: string;
}
