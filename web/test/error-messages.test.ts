// What a person is told when the API cannot be reached or refuses a write: no internal
// addresses, no English on the Chinese page, no machine codes as text; and a rule's refusal is a
// form failure (a 4xx the form shows), never the error page.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { errorView } from '../app/components/ErrorPage';
import { isServiceFailure } from '../app/lib/errors';
import { isRefusal } from '../app/lib/form-action.server';
import { apiRequest, ApiError } from '../app/lib/graphql.server';
import { TypedDocumentString } from '../app/graphql/graphql';

const LATIN = /[A-Za-z]/;

let silent: Server;
let silentUrl: string;

beforeAll(async () => {
  // An API that accepts the connection and never answers (the slow-API case).
  silent = createServer(() => undefined);
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/graphql`;
});

afterAll(async () => {
  silent.closeAllConnections();
  await new Promise((resolve) => silent.close(resolve));
});

async function unavailable(url: string, timeoutMs?: number): Promise<ApiError> {
  process.env.LIANJIAN_API_URL = url;
  process.env.LIANJIAN_SESSION_SECRET ??= 'x'.repeat(40);
  // The web server reads its settings once: a fresh copy of the client for each address.
  vi.resetModules();
  const { apiRequest } = await import('../app/lib/graphql.server');
  const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    const error = await apiRequest(new TypedDocumentString<unknown, Record<string, never>>('{ __typename }'), {}, timeoutMs === undefined ? {} : { timeoutMs }).then(
      () => null,
      (e: unknown) => e,
    );
    expect((error as Error).name).toBe('ApiError');
    // The address goes to the server's log, for whoever runs it.
    expect(log.mock.calls.flat().join(' ')).toContain(url);
    return error as ApiError;
  } finally {
    log.mockRestore();
  }
}

describe('the API cannot be reached', () => {
  it('says so without the address, and in Chinese without English', async () => {
    const { freePort } = await import('@lianjian/db/postgres');
    const dead = `http://127.0.0.1:${await freePort()}/graphql`;
    for (const error of [await unavailable(dead), await unavailable(silentUrl, 200)]) {
      expect(error.code).toBe('API_UNAVAILABLE');
      expect(error.status).toBe(503);
      for (const text of [error.message, error.messageZh ?? '']) {
        expect(text).not.toMatch(/127\.0\.0\.1|https?:|graphql|API_UNAVAILABLE|aborted|ECONNREFUSED/i);
      }
      expect(error.messageZh).toMatch(/^无法连接链建接口/);
      expect(error.messageZh).not.toMatch(LATIN);
      expect(isServiceFailure(error.code)).toBe(true);
    }
  }, 20_000);
});

describe('the error page', () => {
  it('shows the message in the visitor language only, and never the code', () => {
    const payload = { code: 'API_UNAVAILABLE', message: 'The Lianjian API cannot be reached right now.', messageZh: '无法连接链建接口，请稍后再试。' };
    expect(errorView(503, payload, 'zh-CN')).toEqual({ kind: 'unavailable', detail: '无法连接链建接口，请稍后再试。' });
    expect(errorView(503, payload, 'en')).toEqual({ kind: 'unavailable', detail: 'The Lianjian API cannot be reached right now.' });
    // An English-only message (an internal error's text) is not shown on the Chinese page.
    expect(errorView(500, { code: 'INTERNAL', message: 'Unexpected Server Error' }, 'zh-CN')).toEqual({ kind: 'unexpected', detail: null });
    expect(errorView(500, { code: 'INTERNAL', message: 'Unexpected Server Error' }, 'en').detail).toBeNull();
    // Nor an address, whatever language.
    expect(errorView(503, { code: 'X', message: 'down at http://10.0.0.5:4000/graphql', messageZh: '无法连接 http://10.0.0.5:4000/graphql' }, 'zh-CN').detail).toBeNull();
    expect(errorView(404, { code: 'NOT_FOUND', message: 'No page /x.', messageZh: '没有 /x 这个页面。' }, 'zh-CN')).toEqual({ kind: 'notFound', detail: '没有 /x 这个页面。' });
  });
});

describe('a rule refusing a write', () => {
  it('is a refusal the form shows (4xx), not an outage', () => {
    const refusal = new ApiError('DATE_BEFORE_PREREQUISITE', 'Cannot record step 3: …', { messageZh: '不能记录第 3 步：……' });
    expect(isRefusal(refusal)).toBe(true);
    expect(refusal.status).toBe(409);
    for (const code of ['CONFLICT', 'FORBIDDEN', 'BAD_USER_INPUT', 'VOTE_NOT_OPEN', 'EXCELLENT_QUOTA_EXCEEDED', 'BUSY', 'RATE_LIMITED']) {
      expect(isRefusal(new ApiError(code, 'no')), code).toBe(true);
    }
    for (const code of ['INTERNAL_SERVER_ERROR', 'API_UNAVAILABLE', 'API_BAD_RESPONSE', 'RECORD_MISSING', 'UNAUTHENTICATED', 'GRAPHQL_PARSE_FAILED']) {
      expect(isRefusal(new ApiError(code, 'no')), code).toBe(false);
    }
    expect(new ApiError('INTERNAL_SERVER_ERROR', 'boom').status).toBe(500);
  });
});
