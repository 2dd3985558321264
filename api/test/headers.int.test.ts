// Issue #16 item 6 on the API: introspection follows the environment (off in production), every
// alias counts towards the alias limit (`__typename` too), and every response says it is not a
// page to sniff or frame.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../src/http/armor.js';
import { configFromEnv } from '../src/shared/config.js';
import { codeOf, ok, startHarness, type Harness } from './harness.js';

const SALT = { LIANJIAN_ID_SALT: 'a-production-salt' };
const SCHEMA = '{ __schema { queryType { name } } }';
// The same question asked through a fragment and an alias.
const TYPE_VIA_FRAGMENT = '{ ...q } fragment q on Query { t: __type(name: "Query") { name } }';

let open: Harness;
let closed: Harness;

beforeAll(async () => {
  open = await startHarness();
  // What `NODE_ENV=production` gives the running API.
  closed = await startHarness({ introspection: configFromEnv({ NODE_ENV: 'production', ...SALT }).introspection });
});
afterAll(async () => {
  await open?.close();
  await closed?.close();
});

describe('introspection per environment', () => {
  it('is off in production, on in development and test, and LIANJIAN_INTROSPECTION overrides either way', () => {
    expect(configFromEnv({ NODE_ENV: 'production', ...SALT }).introspection).toBe(false);
    expect(configFromEnv({ NODE_ENV: 'development' }).introspection).toBe(true);
    expect(configFromEnv({ NODE_ENV: 'test' }).introspection).toBe(true);
    expect(configFromEnv({}).introspection).toBe(true);
    expect(configFromEnv({ NODE_ENV: 'production', LIANJIAN_INTROSPECTION: '1', ...SALT }).introspection).toBe(true);
    expect(configFromEnv({ NODE_ENV: 'development', LIANJIAN_INTROSPECTION: '0' }).introspection).toBe(false);
    expect(() => configFromEnv({ NODE_ENV: 'production', LIANJIAN_INTROSPECTION: 'yes', ...SALT })).toThrow(/LIANJIAN_INTROSPECTION must be 1 or 0/);
  });

  it('answers __schema and __type where it is on', async () => {
    expect(ok(await open.gql<{ __schema: { queryType: { name: string } } }>(SCHEMA)).__schema.queryType.name).toBe('Query');
    expect(ok(await open.gql<{ t: { name: string } }>(TYPE_VIA_FRAGMENT)).t.name).toBe('Query');
  });

  it('refuses __schema and __type (also through fragments and aliases) where it is off, with a 400 naming the switch', async () => {
    for (const q of [SCHEMA, TYPE_VIA_FRAGMENT]) {
      const res = await closed.gql(q);
      expect(res.status, q).toBe(400);
      expect(res.data, q).toBeUndefined();
      expect(codeOf(res), q).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(res.errors![0]!.message).toMatch(/Introspection is off.*LIANJIAN_INTROSPECTION=1/);
      expect(res.errors![0]!.extensions.messageZh).toMatch(/内省/);
      expect(res.errors![0]!.extensions).not.toHaveProperty('http');
    }
    // __typename is not introspection of the schema; clients rely on it.
    expect(ok(await closed.gql<{ __typename: string }>('{ __typename }')).__typename).toBe('Query');
  });

  it('gives browsers a page saying so instead of a GraphiQL that cannot load its schema', async () => {
    const res = await fetch(`${closed.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    expect(html).toMatch(/introspection is off/);
    expect(html).toMatch(/内省/);
    expect(html).toContain('LIANJIAN_INTROSPECTION=1');
    expect(html).not.toMatch(/<script/);
    const page = await (await fetch(`${open.url}/graphql`, { headers: { accept: 'text/html' } })).text();
    expect(page).toMatch(/<script type="module" src="\/graphql\/assets\//);
  });
});

describe('alias limit', () => {
  const typenames = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(' ')} }`;

  it(`admits ${LIMITS.maxAliases} aliases of __typename`, async () => {
    expect(Object.keys(ok(await open.gql(typenames(LIMITS.maxAliases))))).toHaveLength(LIMITS.maxAliases);
  });

  it('counts aliases of __typename: one over the limit, or 900 (under the token limit), is TOO_MANY_ALIASES', async () => {
    for (const n of [LIMITS.maxAliases + 1, 900]) {
      const res = await open.gql(typenames(n));
      expect(res.status, `${n}`).toBe(400);
      expect(codeOf(res), `${n}`).toBe('TOO_MANY_ALIASES');
    }
    // Also when they hide in a fragment.
    const spread = `{ ...f } fragment f on Query { ${Array.from({ length: LIMITS.maxAliases + 1 }, (_, i) => `t${i}: __typename`).join(' ')} }`;
    expect(codeOf(await open.gql(spread))).toBe('TOO_MANY_ALIASES');
  });
});

describe('response headers of the API', () => {
  it('marks every response nosniff, unframeable and without referrer; data responses may load nothing', async () => {
    const cases: Array<[string, RequestInit]> = [
      ['/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' }],
      ['/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'not json' }],
      ['/health', {}],
      ['/metrics', {}],
      ['/nowhere', {}],
      ['/', { redirect: 'manual' }],
    ];
    for (const [path, init] of cases) {
      const res = await fetch(`${open.url}${path}`, init);
      await res.arrayBuffer();
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(res.headers.get('content-security-policy'), path).toBe("default-src 'none'; frame-ancestors 'none'");
    }
  });

  it("keeps GraphiQL's own policy (its scripts from this origin), also unframeable", async () => {
    for (const h of [open, closed]) {
      const res = await fetch(`${h.url}/graphql`, { headers: { accept: 'text/html' } });
      await res.arrayBuffer();
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain("default-src 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });
});
