// The HTTP surface: query limits with their codes, the browser page, /health, /metrics, and
// the per-response extensions.lianjian.
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../src/http/armor.js';
import { anchorPending } from './fixtures.js';
import { codeOf } from './harness.js';
import { apiSuite } from './suite.js';

const { h, fx, as: { admin } } = apiSuite({ sessions: ['admin'] });

describe('query limits (graphql-armor)', () => {
  it('allows a Relay query three hops deep (depth 8), with a proof anchor on the last hop (depth 10)', async () => {
    const hops = `{ orgUnits(first: 2) { edges { node { members(first: 2) { edges { node { orgUnit { name } } } } } } } }`;
    expect((await h.gql(hops, {}, admin)).errors).toBeUndefined();
    const q = `{ orgUnits(first: 2) { edges { node { members(first: 2) { edges { node { orgUnit { proof { anchor { chainId } } } } } } } } } }`;
    const res = await h.gql(q, {}, admin);
    expect(res.errors).toBeUndefined();
  });

  it('refuses a deeper query with QUERY_TOO_DEEP', async () => {
    const q = `{ orgUnits(first: 1) { edges { node { members(first: 1) { edges { node { orgUnit { children(first: 1) { edges { node { parent { parent { parent { name } } } } } } } } } } } } } }`;
    const res = await h.gql(q, {}, admin);
    expect(res.status).toBe(400);
    expect(codeOf(res)).toBe('QUERY_TOO_DEEP');
    expect(res.errors![0]!.message).toMatch(new RegExp(`depth limit of ${LIMITS.maxDepth}`));
    expect(res.errors![0]!.extensions.messageZh).toMatch(/嵌套过深/);
  });

  it('refuses too many aliases with TOO_MANY_ALIASES', async () => {
    const q = `{ ${Array.from({ length: LIMITS.maxAliases + 1 }, (_, i) => `a${i}: me { kind }`).join(' ')} }`;
    const res = await h.gql(q, {}, admin);
    expect(codeOf(res)).toBe('TOO_MANY_ALIASES');
  });

  it('refuses too many directives with TOO_MANY_DIRECTIVES', async () => {
    const q = `{ me { ${'kind @include(if: true) '.repeat(LIMITS.maxDirectives + 1)} } }`;
    const res = await h.gql(q, {}, admin);
    expect(codeOf(res)).toBe('TOO_MANY_DIRECTIVES');
  });

  it('refuses a costly query with QUERY_TOO_COSTLY', async () => {
    const node = `id version name birthDate stage status proof { status leaf path anchor { chainId height txHash time } }`;
    const page = `{ members(first: 100) { edges { node { ${node} } } } }`;
    expect((await h.gql(page, {}, admin)).errors).toBeUndefined();
    const q = `{ orgUnits(first: 100) { edges { node { members(first: 100) { edges { node { ${node} } } } } } } }`;
    const res = await h.gql(q, {}, admin);
    expect(codeOf(res)).toBe('QUERY_TOO_COSTLY');
  });

  it('refuses an over-long document with TOO_MANY_TOKENS', async () => {
    const q = `{ me { ${'kind '.repeat(LIMITS.maxTokens)} } }`;
    const res = await h.gql(q, {}, admin);
    expect(res.status).toBe(400);
    expect(codeOf(res)).toBe('TOO_MANY_TOKENS');
  });

  it('hides field suggestions', async () => {
    const res = await h.gql(`{ membrs(first: 1) { totalCount } }`, {}, admin);
    expect(res.errors![0]!.message).not.toMatch(/Did you mean/);
  });
});

describe('HTTP endpoints', () => {
  it('serves a self-contained query page to browsers', async () => {
    const res = await fetch(`${h.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('链建 Lianjian GraphQL');
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('reports health with a database check', async () => {
    const res = await fetch(`${h.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', database: { ok: true } });
  });

  it('exposes Prometheus metrics: requests, errors by code, latency histogram', async () => {
    await h.gql(`{ me { kind } }`);
    const text = await (await fetch(`${h.url}/metrics`)).text();
    expect(text).toMatch(/lianjian_http_requests_total\{route="\/graphql",status="200"\} \d+/);
    expect(text).toMatch(/lianjian_graphql_errors_total\{code="UNAUTHENTICATED"\} \d+/);
    expect(text).toMatch(/lianjian_http_request_duration_seconds_bucket\{route="\/graphql",le="0.1"\} \d+/);
    expect(text).toMatch(/# TYPE lianjian_http_request_duration_seconds histogram/);
  });

  it('answers unknown paths and bad JSON clearly', async () => {
    expect((await fetch(`${h.url}/nope`)).status).toBe(404);
    const bad = await fetch(`${h.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
    expect(bad.status).toBe(400);
  });

  it('carries the latest anchored batch in extensions.lianjian', async () => {
    const before = await h.gql(`{ me { kind } }`, {}, admin);
    expect(before.extensions?.lianjian).toEqual({ latestAnchoredBatch: null });
    const seq = await anchorPending(h.dbUrl);
    await new Promise((r) => setTimeout(r, 1100)); // the value is cached for a second
    const after = await h.gql(`{ me { kind } }`, {}, admin);
    const batch = (after.extensions!.lianjian as { latestAnchoredBatch: { seq: number; root: string; chainHeight: number } }).latestAnchoredBatch;
    expect(batch.seq).toBe(seq);
    expect(batch.root).toMatch(/^[0-9a-f]{64}$/);
    expect(batch.chainHeight).toBe(100 + seq);
  });
});
