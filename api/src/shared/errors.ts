// Every error a client sees is a GraphQLError with `extensions.code` from ErrorCode, an English
// message a person can act on, and the same in Chinese in `extensions.messageZh`.
import { GraphQLError } from 'graphql';

export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  RATE_LIMITED: 'RATE_LIMITED',
  BUSY: 'BUSY',
  RECORD_MISSING: 'RECORD_MISSING',
  QUERY_TOO_DEEP: 'QUERY_TOO_DEEP',
  QUERY_TOO_COSTLY: 'QUERY_TOO_COSTLY',
  TOO_MANY_ALIASES: 'TOO_MANY_ALIASES',
  TOO_MANY_DIRECTIVES: 'TOO_MANY_DIRECTIVES',
  TOO_MANY_TOKENS: 'TOO_MANY_TOKENS',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** One invalid input field: `path` as the client sent it (e.g. "input.birthDate"). */
export interface FieldError {
  field: string;
  message: string;
  messageZh: string;
}

export interface AppErrorOptions {
  messageZh: string;
  extensions?: Record<string, unknown>;
}

export function appError(code: ErrorCode, message: string, opts: AppErrorOptions): GraphQLError {
  return new GraphQLError(message, { extensions: { code, messageZh: opts.messageZh, ...opts.extensions } });
}

export function unauthenticated(
  message = 'Sign in first: send "Authorization: Bearer <session token>" or "X-Api-Key: <key>".',
  messageZh = '请先登录：在请求头中提供 "Authorization: Bearer <会话令牌>" 或 "X-Api-Key: <密钥>"。',
): GraphQLError {
  return appError(ErrorCode.UNAUTHENTICATED, message, { messageZh });
}

export function forbidden(message: string, messageZh: string, extensions?: Record<string, unknown>): GraphQLError {
  return appError(ErrorCode.FORBIDDEN, message, { messageZh, ...(extensions ? { extensions } : {}) });
}

export function notFound(what: string, whatZh: string, id: string): GraphQLError {
  return appError(ErrorCode.NOT_FOUND, `${what} ${id} does not exist.`, {
    messageZh: `${whatZh} ${id} 不存在。`,
    extensions: { id },
  });
}

export function conflict(message: string, messageZh: string, extensions?: Record<string, unknown>): GraphQLError {
  return appError(ErrorCode.CONFLICT, message, { messageZh, ...(extensions ? { extensions } : {}) });
}

export function rateLimited(retryAfterSeconds: number, message: string, messageZh: string): GraphQLError {
  return appError(ErrorCode.RATE_LIMITED, message, {
    messageZh,
    extensions: { retryAfterSeconds },
  });
}

/**
 * The server had no database connection free for this request in time. Nothing was written (the
 * transaction never started, or it was rolled back), so the client may send it again as is.
 */
export function busy(): GraphQLError {
  return appError(ErrorCode.BUSY, 'The server is busy and did not make this change; nothing was saved. Try again in a moment.', {
    messageZh: '服务器繁忙，本次更改未执行，未保存任何内容。请稍后重试。',
    extensions: { retryable: true },
  });
}

/** Prisma's "transaction could not start within maxWait / expired before it finished" (P2028). */
export function isTransactionUnavailable(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'P2028';
}

/** A BAD_USER_INPUT error carrying every invalid field at once, so a form can mark them all. */
export function badInput(fields: FieldError[]): GraphQLError {
  const list = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
  const listZh = fields.map((f) => `${f.field}：${f.messageZh}`).join('；');
  return appError(ErrorCode.BAD_USER_INPUT, `Invalid input — ${list}`, {
    messageZh: `输入有误——${listZh}`,
    extensions: { fields },
  });
}

export function badArgument(field: string, message: string, messageZh: string): GraphQLError {
  return badInput([{ field, message, messageZh }]);
}

/** Collects field errors during validation; `throwIfAny` raises them together. */
export class FieldErrors {
  readonly list: FieldError[] = [];
  add(field: string, message: string, messageZh: string): void {
    this.list.push({ field, message, messageZh });
  }
  throwIfAny(): void {
    if (this.list.length > 0) throw badInput(this.list);
  }
}
