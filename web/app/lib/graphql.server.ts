// The web server's GraphQL client: one POST per operation to LIANJIAN_API_URL, with the session's
// bearer token. API errors become ApiError with the API's code and both languages' messages.
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import type { TypedDocumentString } from '../graphql/graphql';
import { webConfig } from './config.server';
import { apiUnavailableMessage, isServiceFailure, type ErrorPayload } from './errors';

/** Carries the browser's address from this server's HTTP layer to its loaders and actions, and on to the API. */
const CLIENT_IP_HEADER = 'x-lianjian-client-ip';

// React Router's Request has no socket. Node announces each request before any handler runs:
// stamp the TCP peer's address on it then, overwriting whatever a client sent under that name.
subscribe('http.server.request.start', (message) => {
  const { request } = message as { request: IncomingMessage };
  request.headers[CLIENT_IP_HEADER] = request.socket.remoteAddress ?? '';
});

/**
 * The API's per-address sign-in limit must see the browser, not this server: with the secret the
 * API was started with (LIANJIAN_FORWARD_SECRET), this server names the client it calls for.
 */
function forwardedClient(request: Request | undefined): Record<string, string> {
  const secret = process.env.LIANJIAN_FORWARD_SECRET;
  const client = request?.headers.get(CLIENT_IP_HEADER);
  return secret && client ? { 'x-lianjian-forward-secret': secret, [CLIENT_IP_HEADER]: client } : {};
}

export interface FieldError {
  field: string;
  message: string;
  messageZh: string;
}

const STATUS_BY_CODE: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  CONFLICT: 409,
  FILE_TOO_LARGE: 413,
  FILE_TYPE_NOT_ALLOWED: 415,
  FILE_EMPTY: 400,
  RATE_LIMITED: 429,
  BUSY: 503,
  RECORD_MISSING: 500,
  QUERY_TOO_DEEP: 400,
  QUERY_TOO_COSTLY: 400,
  TOO_MANY_ALIASES: 400,
  TOO_MANY_DIRECTIVES: 400,
  TOO_MANY_TOKENS: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  API_UNAVAILABLE: 503,
  API_BAD_RESPONSE: 502,
};

export class ApiError extends Error {
  override name = 'ApiError';
  readonly code: string;
  readonly messageZh: string | undefined;
  readonly fields: FieldError[];
  readonly status: number;
  readonly retryAfterSeconds: number | undefined;
  /** The dates and counts behind a rule's refusal (`extensions.facts`, e.g. its field and earliest date). */
  readonly facts: Record<string, unknown>;

  constructor(
    code: string,
    message: string,
    opts: { messageZh?: string; fields?: FieldError[]; retryAfterSeconds?: number; facts?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.code = code;
    this.messageZh = opts.messageZh;
    this.fields = opts.fields ?? [];
    // A domain code (DATE_BEFORE_PREREQUISITE, VOTE_NOT_OPEN …) refuses the request as it stands.
    this.status = STATUS_BY_CODE[code] ?? (isServiceFailure(code) ? 500 : 409);
    this.retryAfterSeconds = opts.retryAfterSeconds;
    this.facts = opts.facts ?? {};
  }

  payload(): ErrorPayload {
    return { code: this.code, message: this.message, ...(this.messageZh ? { messageZh: this.messageZh } : {}) };
  }
}

interface RawError {
  message?: string;
  extensions?: { code?: string; limitCode?: string; messageZh?: string; fields?: FieldError[]; retryAfterSeconds?: number; facts?: Record<string, unknown> };
}

export interface RequestOptions {
  token?: string | null;
  /** The browser's request: its User-Agent is passed on (the API shows it in session lists). */
  request?: Request;
  timeoutMs?: number;
}

/** A GraphQL document with its result and variables types (generated into app/graphql/ from `graphql(`…`)` calls). */
export type Operation<Result, Variables> = TypedDocumentString<Result, Variables>;

export async function apiRequest<T, V>(query: Operation<T, V>, variables?: V, opts: RequestOptions = {}): Promise<T> {
  return (await apiResponse(query, variables, opts)).data;
}

/** Where the API carries a response's proof set v2 (api/src/graphql/proof-set.ts, decision 022). */
export const PROOF_SET_EXTENSION = 'proofSet';

/**
 * An operation that asks for `proof { ref }`, with the proof set v2 the API carries once for the
 * whole response in `extensions.proofSet` (each `ref` is a record's index in it). `proofSet` is null
 * when no `ref` was resolved or the API could not build the set; it is passed on as the API gave it
 * (the browser parses it strictly before use, lib/verification.ts).
 */
export async function apiRequestWithProofSet<T, V>(query: Operation<T, V>, variables?: V, opts: RequestOptions = {}): Promise<{ data: T; proofSet: unknown }> {
  const { data, extensions } = await apiResponse(query, variables, opts);
  return { data, proofSet: extensions[PROOF_SET_EXTENSION] ?? null };
}

/** One operation's `data` and `extensions`; any error in the response is thrown as ApiError. */
async function apiResponse<T, V>(query: Operation<T, V>, variables: V | undefined, opts: RequestOptions): Promise<{ data: T; extensions: Record<string, unknown> }> {
  const { apiUrl } = webConfig();
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json', ...forwardedClient(opts.request) };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  const ua = opts.request?.headers.get('user-agent');
  if (ua) headers['user-agent'] = ua.slice(0, 300);
  let res: Response;
  try {
    res = await fetch(apiUrl, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: query.toString(), variables: variables ?? {} }),
      signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000),
    });
  } catch (error) {
    // The address and the cause are for whoever runs the server, not for the person on the page.
    console.error(`web: the Lianjian API at ${apiUrl} is not reachable: ${describe(error)}`);
    const { message, messageZh } = apiUnavailableMessage(error);
    throw new ApiError('API_UNAVAILABLE', message, { messageZh, cause: error });
  }
  let body: { data?: T | null; errors?: RawError[]; extensions?: Record<string, unknown> };
  try {
    body = (await res.json()) as typeof body;
  } catch (error) {
    console.error(`web: the Lianjian API at ${apiUrl} answered HTTP ${res.status} without JSON`);
    throw new ApiError('API_BAD_RESPONSE', BAD_RESPONSE.message, { messageZh: BAD_RESPONSE.messageZh, cause: error });
  }
  const first = body.errors?.[0];
  if (first) {
    const ext = first.extensions ?? {};
    const code = ext.limitCode ?? ext.code ?? (res.status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'GRAPHQL_VALIDATION_FAILED');
    throw new ApiError(code, first.message ?? 'The API reported an error', {
      ...(ext.messageZh ? { messageZh: ext.messageZh } : {}),
      ...(ext.fields ? { fields: ext.fields } : {}),
      ...(ext.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: ext.retryAfterSeconds }),
      ...(ext.facts ? { facts: ext.facts } : {}),
    });
  }
  if (body.data === undefined || body.data === null) {
    console.error(`web: the Lianjian API at ${apiUrl} answered HTTP ${res.status} with neither data nor errors`);
    throw new ApiError('API_BAD_RESPONSE', BAD_RESPONSE.message, { messageZh: BAD_RESPONSE.messageZh });
  }
  return { data: body.data, extensions: body.extensions ?? {} };
}

const BAD_RESPONSE = {
  message: 'The Lianjian service gave an answer this page cannot read. Try again in a minute.',
  messageZh: '链建接口的应答无法识别，请一分钟后重试。',
};

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
}
