// What a failed page tells its error boundary: a code to choose the advice by, and the message
// in both languages when the API gave both.
export interface ErrorPayload {
  code: string;
  message: string;
  messageZh?: string;
}

export function isErrorPayload(value: unknown): value is ErrorPayload {
  return typeof value === 'object' && value !== null && typeof (value as ErrorPayload).code === 'string' && typeof (value as ErrorPayload).message === 'string';
}

/** The message in the visitor's language when there is one. */
export function localMessage(payload: Pick<ErrorPayload, 'message' | 'messageZh'>, locale: string): string {
  return locale === 'zh-CN' && payload.messageZh ? payload.messageZh : payload.message;
}
