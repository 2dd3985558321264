// Integration-test harness: a migrated database (createTestDatabase), the real HTTP server on a
// free port with a movable clock, and a GraphQL client.
import { createPrisma, PrismaClient } from '@lianjian/db';
import { PrismaPg } from '@prisma/adapter-pg';
import { expect } from 'vitest';
import { defaultConfig, type ApiConfig } from '../src/shared/config.js';
import { startApi, type RunningApi } from '../src/start-api.js';
import { createTestDatabase } from '../../test/db.js';
import { isCatalogued } from '../src/shared/errors.js';

export interface GqlResponse<T = Record<string, unknown>> {
  status: number;
  data: T | null | undefined;
  errors: { message: string; path?: (string | number)[]; extensions: Record<string, unknown> & { code: string } }[] | undefined;
  extensions: Record<string, unknown> | undefined;
}

export interface Caller {
  token?: string;
  apiKey?: string;
  ip?: string;
}

export interface Harness {
  url: string;
  dbUrl: string;
  api: RunningApi;
  prisma: PrismaClient;
  config: ApiConfig;
  clock: { now: Date; advance(ms: number): void };
  /** SQL statements the API's Prisma client ran since the last reset. */
  queries: { list: string[]; reset(): void };
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, as?: Caller): Promise<GqlResponse<T>>;
  close(): Promise<void>;
}

export async function startHarness(overrides: Partial<ApiConfig> = {}): Promise<Harness> {
  const db = await createTestDatabase();
  const clock = {
    now: new Date(),
    advance(ms: number) {
      clock.now = new Date(clock.now.getTime() + ms);
    },
  };
  const config = defaultConfig({ now: () => clock.now, idSalt: 'test-salt', trustProxy: true, ...overrides });
  const apiPrisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: db.url, max: 4 }), log: [{ emit: 'event', level: 'query' }] });
  const queries = {
    list: [] as string[],
    reset() {
      queries.list.length = 0;
    },
  };
  apiPrisma.$on('query', (e) => queries.list.push(e.query));
  const api = await startApi({ databaseUrl: db.url, port: 0, host: '127.0.0.1', config, prisma: apiPrisma });
  const prisma = createPrisma(db.url, { max: 2 });
  return {
    url: api.url,
    dbUrl: db.url,
    api,
    prisma,
    config,
    clock,
    queries,
    async gql(query, variables = {}, as = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (as.token) headers.authorization = `Bearer ${as.token}`;
      if (as.apiKey) headers['x-api-key'] = as.apiKey;
      if (as.ip) headers['x-forwarded-for'] = as.ip;
      const res = await fetch(`${api.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
      const body = (await res.json()) as { data?: unknown; errors?: GqlResponse['errors']; extensions?: Record<string, unknown> };
      // Partners switch on error codes: every code that reaches a client must be in the catalogue.
      for (const e of body.errors ?? []) {
        if (!isCatalogued(e.extensions?.code)) throw new Error(`error code ${String(e.extensions?.code)} is not in the error catalogue: ${JSON.stringify(e)}`);
      }
      return { status: res.status, data: body.data as never, errors: body.errors, extensions: body.extensions };
    },
    async close() {
      await api.close();
      await apiPrisma.$disconnect();
      await prisma.$disconnect();
    },
  };
}

/** The data of a response that must have succeeded (the test fails with its errors otherwise). */
export function ok<T>(res: GqlResponse<T>): T {
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data!;
}

/** The single error's code (fails loudly when there is none or several different ones). */
export function codeOf(res: GqlResponse): string | null {
  if (!res.errors?.length) return null;
  const codes = [...new Set(res.errors.map((e) => e.extensions.code))];
  if (codes.length !== 1) throw new Error(`several error codes: ${codes.join(', ')}: ${JSON.stringify(res.errors)}`);
  return codes[0]!;
}
