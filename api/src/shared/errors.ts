// Every error a client sees is a GraphQLError with `extensions.code` from the error catalogue, an
// English message a person can act on, and the same in Chinese in `extensions.messageZh`.
//
// The catalogue: each module declares its codes with `defineCodes` in its errors.ts (code → what
// it means in English and Chinese, and whether sending the same request again can succeed); the
// codes every module shares are declared here. Partners switch on these codes, so a code is never
// renamed; `npm run schema` prints the catalogue into api/README.md, and the tests fail when an
// error reaches a client with a code the catalogue lacks.
import { Prisma } from '@lianjian/db';
import { GraphQLError } from 'graphql';

export interface CodeEntry {
  /** What the code means, for the README and partners (the error's own message says more). */
  en: string;
  zh: string;
  /** Sending the same request again later can succeed (nothing about the request was wrong). */
  retryable?: boolean;
}

export interface CataloguedCode extends CodeEntry {
  code: string;
  module: string;
  retryable: boolean;
}

const catalogue = new Map<string, CataloguedCode>();

/**
 * Declares a module's error codes and returns them as constants (`Codes.X === 'X'`). A code may
 * be declared once; a module importing another's code uses that module's constant.
 */
export function defineCodes<const T extends Record<string, CodeEntry>>(module: string, entries: T): { readonly [K in keyof T]: K } {
  const out: Record<string, string> = {};
  for (const [code, entry] of Object.entries(entries)) {
    const known = catalogue.get(code);
    if (known && known.module !== module) throw new Error(`error code ${code} is declared by ${known.module} and ${module}`);
    catalogue.set(code, { code, module, en: entry.en, zh: entry.zh, retryable: entry.retryable ?? false });
    out[code] = code;
  }
  return Object.freeze(out) as { readonly [K in keyof T]: K };
}

/** Every declared code, by module then code (after the schema and its modules are loaded). */
export function errorCatalogue(): CataloguedCode[] {
  return [...catalogue.values()].sort((a, b) => (a.module === b.module ? a.code.localeCompare(b.code) : a.module === 'common' ? -1 : b.module === 'common' ? 1 : a.module.localeCompare(b.module)));
}

export function isCatalogued(code: unknown): boolean {
  return typeof code === 'string' && catalogue.has(code);
}

export const ErrorCode = defineCodes('common', {
  UNAUTHENTICATED: { en: 'No valid session or API key: sign in (again), or send the key.', zh: '未登录或凭据无效：请（重新）登录或提供密钥。' },
  FORBIDDEN: { en: 'The caller may not do this, or may not see this object; the message names the rule.', zh: '无权执行此操作或查看此对象；消息中说明了规则。' },
  BAD_USER_INPUT: { en: 'An argument is invalid; `extensions.fields` lists each field with its reason.', zh: '参数有误；`extensions.fields` 逐项列出字段及原因。' },
  NOT_ELIGIBLE: { en: 'The caller is not among those the action is for (a vote\'s roll, a meeting\'s attendees); `extensions.reason` says why.', zh: '调用者不在此操作的对象范围内（表决名册、会议参加人员）；`extensions.reason` 说明原因。' },
  NOT_FOUND: { en: 'No object with this id exists (or none the caller may see).', zh: '不存在此编号的对象（或调用者无权查看）。' },
  CONFLICT: { en: 'The object is not in a state that allows this (already done, wrong phase, a duplicate).', zh: '对象当前状态不允许此操作（已完成、阶段不符或重复）。' },
  RATE_LIMITED: { en: 'Too many attempts; `extensions.retryAfterSeconds` says when to try again.', zh: '尝试次数过多；`extensions.retryAfterSeconds` 说明何时可重试。', retryable: true },
  BUSY: { en: 'The server was too busy to start the change; nothing was saved. Send it again.', zh: '服务器繁忙，未执行更改，未保存任何内容，可重新发送。', retryable: true },
  RECORD_MISSING: { en: 'A stored object has no record document: an integrity fault to report to the administrator.', zh: '已存对象缺少记录文档：属完整性故障，请报告管理员。' },
  QUERY_TOO_DEEP: { en: 'The query nests deeper than the server allows.', zh: '查询嵌套层数超过服务器限制。' },
  QUERY_TOO_COSTLY: { en: 'The query asks for more than the server allows in one request.', zh: '查询的数据量超过单次请求的限制。' },
  TOO_MANY_ALIASES: { en: 'The query uses more aliases than allowed.', zh: '查询使用的别名过多。' },
  TOO_MANY_DIRECTIVES: { en: 'The query uses more directives than allowed.', zh: '查询使用的指令过多。' },
  TOO_MANY_TOKENS: { en: 'The query text is too long; split it.', zh: '查询文本过长，请拆分。' },
  GRAPHQL_PARSE_FAILED: { en: 'The query is not valid GraphQL syntax.', zh: '查询不符合 GraphQL 语法。' },
  GRAPHQL_VALIDATION_FAILED: { en: 'The query does not match the schema (or asks for introspection where it is off).', zh: '查询与模式不符（或在关闭内省的服务器上请求内省）。' },
  OPERATION_RESOLUTION_FAILURE: { en: 'The request names an operation the document does not contain.', zh: '请求指定的操作名在文档中不存在。' },
  PERSISTED_QUERY_NOT_FOUND: { en: 'The persisted query hash is unknown; send the query text.', zh: '未知的持久化查询哈希，请发送查询文本。', retryable: true },
  PERSISTED_QUERY_NOT_SUPPORTED: { en: 'Persisted queries are not supported here.', zh: '不支持持久化查询。' },
  BAD_REQUEST: { en: 'The HTTP request is malformed (not JSON, wrong method or content type).', zh: 'HTTP 请求格式有误（非 JSON、方法或内容类型不对）。' },
  PAYLOAD_TOO_LARGE: { en: 'The request body is larger than the server accepts.', zh: '请求体超过服务器接受的大小。' },
  INTERNAL_SERVER_ERROR: { en: 'Something failed on the server; `extensions.errorId` identifies it in the logs.', zh: '服务器内部错误；`extensions.errorId` 可在日志中定位。', retryable: true },
});
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

/** An error with a catalogued code (a module's own code, or one of ErrorCode). */
export function appError(code: string, message: string, opts: AppErrorOptions): GraphQLError {
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

/**
 * Prisma's unique-constraint violation (P2002): a concurrent duplicate got in first. With `column`,
 * only a violation naming that column (by its field or database name).
 */
export function isUniqueViolation(err: unknown, column?: string): boolean {
  if (!(err instanceof Prisma.PrismaClientKnownRequestError) || err.code !== 'P2002') return false;
  return column === undefined || JSON.stringify(err.meta ?? {}).includes(column) || err.message.includes(column);
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
