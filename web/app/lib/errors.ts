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

/**
 * Codes that mean the service failed, not that it refused this request: the API or this server is
 * down or broken, or the session ended (sign-in). Any other code is the API refusing a write for
 * a reason of the domain (BAD_USER_INPUT, CONFLICT, FORBIDDEN, DATE_BEFORE_PREREQUISITE,
 * VOTE_NOT_OPEN …), which the form that sent it should say beside its fields.
 */
export const SERVICE_FAILURES: ReadonlySet<string> = new Set([
  'UNAUTHENTICATED',
  'INTERNAL_SERVER_ERROR',
  'INTERNAL',
  'API_UNAVAILABLE',
  'API_BAD_RESPONSE',
  'RECORD_MISSING',
  // The web app sent a query the API cannot run: a bug here, not the person's input.
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'QUERY_TOO_DEEP',
  'QUERY_TOO_COSTLY',
  'TOO_MANY_ALIASES',
  'TOO_MANY_DIRECTIVES',
  'TOO_MANY_TOKENS',
]);

export function isServiceFailure(code: string): boolean {
  return SERVICE_FAILURES.has(code);
}

/** Why the API could not be reached, for people: no address, no code, nothing in the other language. */
export function apiUnavailableMessage(cause: unknown): { message: string; messageZh: string } {
  const text = causeText(cause);
  if (/timeout|timed out|aborted/i.test(text)) {
    return {
      message: 'The Lianjian service did not answer in time. Try again in a minute.',
      messageZh: '无法连接链建接口：等待响应超时。请一分钟后重试。',
    };
  }
  return {
    message: 'The Lianjian service cannot be reached right now. Try again in a minute.',
    messageZh: '无法连接链建接口，请一分钟后重试。',
  };
}

function causeText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  return `${error.name} ${error.message} ${cause instanceof Error ? `${cause.name} ${cause.message}` : ''}`;
}
