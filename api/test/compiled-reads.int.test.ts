// The compiled executor (api/src/compiled-reads, docs/decisions/023-compiled-reads.md) is a second
// executor of the hot partner reads, so it must be provably the same as Apollo: a corpus of
// operations — the benchmark's three reads with and without proofs, reordered fields, ids missing,
// malformed or outside scope, page sizes 0/1/100/over the limit, and shapes it must not compile —
// runs as every kind of caller (each account role, partner keys with and without each scope, inside
// and outside the subtree, refused credentials) through both paths, and the responses must be the
// same bytes (status, content type, body), a response with a proof set included (both number its
// refs by first appearance in the response).
// The executor's own counter proves which path answered:
// every successful read of a compiled shape came from a compiled statement (so a broken or missing
// executor fails here), and every error and every other shape came from Apollo.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { statsFor } from '../src/compiled-reads/stats.js';
import { sha256 } from '../src/modules/auth/tokens.js';
import { planOf } from '../src/compiled-reads/document.js';
import { anchorPending, apiKeyFor, sessionFor } from './fixtures.js';
import { ok, type Caller } from './harness.js';
import { apiSuite } from './suite.js';

const { h, fx, as } = apiSuite({ sessions: ['admin', 'leader', 'secretary', 'member', 'otherSecretary'], config: { compiledReads: true }, bulk: 12 });

// The benchmark's three reads (bench/graphql/queries.ts), in its exact text, with both proof forms and bare.
const BUNDLE = 'proof { status bundle }';
const REF = 'proof { status ref }';
const bench = (proof: string) => ({
  memberById: `query Q($id: ID!) { member(id: $id) { id version name gender birthDate stage status orgUnitId ${proof} } }`,
  subtree100: `query Q($under: ID!) { members(under: $under, first: 100) { edges { node {
    id version name gender birthDate stage status ${proof} orgUnit { id name path ${proof} } } } } }`,
  memberSteps: `query Q($id: ID!) { member(id: $id) { id version name stage ${proof}
    developmentHistory { id seq stepNo kind occurredOn approval ${proof} } } }`,
});
const bare = (q: string) => q.replaceAll(` ${BUNDLE}`, '');
const B = bench(BUNDLE);
const R = bench(REF);

type Vars = 'member' | 'under';
interface Op {
  name: string;
  query: string;
  vars: Vars;
  /** Whether the executor compiles it (checked against planOf, and against who answered). */
  compiled: boolean;
  /** Only these page sizes / ids; default: the whole variable corpus. */
  first?: number;
}

const page = (first: number, fields = `id name ${BUNDLE} orgUnit { id ${BUNDLE} }`) => `query P($under: ID!) { members(first: ${first}, under: $under) { edges { node { ${fields} } } } }`;

const OPS: Op[] = [
  { name: 'bench memberById', query: B.memberById, vars: 'member', compiled: true },
  { name: 'bench subtree100', query: B.subtree100, vars: 'under', compiled: true },
  { name: 'bench memberSteps', query: B.memberSteps, vars: 'member', compiled: true },
  { name: 'bare memberById', query: bare(B.memberById), vars: 'member', compiled: true },
  { name: 'bare subtree100', query: bare(B.subtree100), vars: 'under', compiled: true },
  { name: 'bare memberSteps', query: bare(B.memberSteps), vars: 'member', compiled: true },
  { name: 'reordered fields, status only', query: `query($id: ID!) { member(id: $id) { proof { bundle status } orgUnitId status name id orgUnit { path proof { status } id version } } }`, vars: 'member', compiled: true },
  { name: 'steps with every step field', query: `query($id: ID!) { member(id: $id) { developmentHistory { proof { bundle } approval occurredOn kind stage seq stepNo orgUnitId memberId version id } id } }`, vars: 'member', compiled: true },
  { name: 'proof set: bench memberById', query: R.memberById, vars: 'member', compiled: true },
  { name: 'proof set: bench subtree100', query: R.subtree100, vars: 'under', compiled: true },
  { name: 'proof set: bench memberSteps', query: R.memberSteps, vars: 'member', compiled: true },
  { name: 'proof set and bundles, refs only on the steps', query: `query($id: ID!) { member(id: $id) { proof { bundle } developmentHistory { proof { ref bundle status } id } id } }`, vars: 'member', compiled: true },
  { name: 'page of 1', query: page(1), vars: 'under', compiled: true },
  { name: 'page of 100, bare', query: page(100, 'id version orgUnitId'), vars: 'under', compiled: true },
  // Compiled, but past the server's page limit: Apollo's refusal.
  { name: 'page over the limit', query: page(101), vars: 'under', compiled: true },
  // Not compiled: an empty page and shapes outside the whitelist.
  { name: 'page of 0', query: page(0), vars: 'under', compiled: false },
  { name: 'alias', query: `query($id: ID!) { member(id: $id) { key: id name } }`, vars: 'member', compiled: false },
  { name: '__typename', query: `query($id: ID!) { member(id: $id) { __typename id } }`, vars: 'member', compiled: false },
  { name: 'fragment', query: `query($id: ID!) { member(id: $id) { ...F } } fragment F on Member { id name }`, vars: 'member', compiled: false },
  { name: 'directive', query: `query($id: ID!) { member(id: $id) { id name @include(if: true) } }`, vars: 'member', compiled: false },
  { name: 'other field', query: `query($id: ID!) { member(id: $id) { id phone } }`, vars: 'member', compiled: false },
  { name: 'totalCount', query: `query($under: ID!) { members(under: $under, first: 5) { totalCount edges { node { id } } } }`, vars: 'under', compiled: false },
  { name: 'two roots', query: `query($id: ID!) { member(id: $id) { id } me { kind } }`, vars: 'member', compiled: false },
  { name: 'nullable variable', query: `query($id: ID) { member(id: $id) { id name } }`, vars: 'member', compiled: false },
  { name: 'history on a page', query: page(5, 'id developmentHistory { id }'), vars: 'under', compiled: false },
  { name: 'unknown field', query: `query($id: ID!) { member(id: $id) { id nope } }`, vars: 'member', compiled: false },
];

interface Answer {
  status: number;
  type: string | null;
  body: string;
}

async function send(init: { method?: string; body?: string; headers?: Record<string, string>; search?: string }, who: Caller): Promise<Answer> {
  const headers: Record<string, string> = { ...(init.method === 'GET' ? {} : { 'content-type': 'application/json' }), ...init.headers };
  if (who.token) headers.authorization = `Bearer ${who.token}`;
  if (who.apiKey) headers['x-api-key'] = who.apiKey;
  const res = await fetch(`${h.url}/graphql${init.search ?? ''}`, { method: init.method ?? 'POST', headers, body: init.body });
  return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
}

/** The same request through Apollo alone, then with the compiled executor on; whether it answered. */
async function both(init: Parameters<typeof send>[0], who: Caller): Promise<{ apollo: Answer; compiled: Answer; served: boolean }> {
  const stats = statsFor(h.config);
  h.config.compiledReads = false;
  const apollo = await send(init, who);
  h.config.compiledReads = true;
  const before = stats.served;
  const compiled = await send(init, who);
  return { apollo, compiled, served: stats.served === before + 1 };
}

/**
 * Two answers Apollo gave to the same request (the executor declined it), without what Apollo itself
 * varies from run to run: an internal error's random id.
 */
function apolloStable(body: string): string {
  return body.replace(/(error id |错误编号 |"errorId":")[0-9a-f-]{36}/g, '$1<id>');
}

/**
 * The same bytes — a response with a proof set too: both paths number refs by the records' first
 * appearance in the response. Where neither answer was compiled (both Apollo's), modulo what Apollo
 * itself varies (apolloStable).
 */
function same(a: Answer, b: Answer, byCompiled: boolean): boolean {
  if (a.status !== b.status || a.type !== b.type) return false;
  return byCompiled ? a.body === b.body : apolloStable(a.body) === apolloStable(b.body);
}

const post = (query: string, variables: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ body: JSON.stringify({ query, variables, ...extra }) });

let callers: Record<string, Caller>;
let stepped: string;
let pending: string;
let served = 0;

beforeAll(async () => {
  // A person with a development history (recorded through the API on its days), then everything
  // anchored; a member created afterwards stays PENDING (no bundle).
  const create = `mutation($input: CreateMemberInput!) { createMember(input: $input) { id } }`;
  const input = { orgUnitId: fx.units.b1.id, name: '孙八', gender: 'FEMALE', birthDate: '1998-05-10', ethnicity: '汉族', education: 'BACHELOR', appliedOn: '2021-03-01' };
  h.clock.now = new Date('2021-03-01T04:00:00.000Z');
  stepped = ok(await h.gql<{ createMember: { id: string } }>(create, { input }, as.admin)).createMember.id;
  const record = `mutation($memberId: ID!, $step: DevelopmentStepKind!, $occurredOn: Date!, $input: DevelopmentStepInput) {
    recordDevelopmentStep(memberId: $memberId, step: $step, occurredOn: $occurredOn, input: $input) { step { id } } }`;
  for (const [step, on, extra] of [
    ['APPLICATION', '2021-03-01', {}],
    ['TALK', '2021-03-15', { notes: '了解入党动机' }],
  ] as const) {
    h.clock.now = new Date(`${on}T04:00:00.000Z`);
    ok(await h.gql(record, { memberId: stepped, step, occurredOn: on, input: extra }, as.secretary));
  }
  h.clock.now = new Date();
  await anchorPending(h.dbUrl);
  pending = ok(await h.gql<{ createMember: { id: string } }>(create, { input: { ...input, name: '待上链', orgUnitId: fx.units.b2.id } }, as.admin)).createMember.id;
  // Apollo caches the latest anchored batch for a second: let it see the anchoring.
  await new Promise((r) => setTimeout(r, 1100));

  const all = ['Member:read', 'OrgUnit:read', 'DevelopmentStep:read'];
  const key = async (unit: keyof typeof fx.units, scopes: string[]) => ({ apiKey: (await apiKeyFor(h.prisma, fx.units[unit].id, scopes)).key });
  const revoked = await sessionFor(h.prisma, fx.accounts.leader.id);
  await h.prisma.session.update({ where: { tokenHash: sha256(revoked) }, data: { revokedAt: new Date() } });
  // A privileged account's sign-in challenge: the second factor not yet given.
  const challenge = await sessionFor(h.prisma, fx.accounts.secretary.id);
  await h.prisma.session.update({ where: { tokenHash: sha256(challenge) }, data: { secondFactorAt: null } });
  const expired = await sessionFor(h.prisma, fx.accounts.admin.id, { expiresAt: new Date(Date.now() - 1000) });
  const revokedKey = await apiKeyFor(h.prisma, fx.units.g1.id, all);
  const expiredKey = await apiKeyFor(h.prisma, fx.units.g1.id, all);
  const forged = (await key('g1', all)).apiKey;
  callers = {
    ADMIN: as.admin,
    LEADER: as.leader,
    SECRETARY: as.secretary,
    MEMBER: as.member,
    'SECRETARY of b3': as.otherSecretary,
    'key g1, all scopes': await key('g1', all),
    'key g1, Member:read': await key('g1', ['Member:read']),
    'key g1, Member:read OrgUnit:read': await key('g1', ['Member:read', 'OrgUnit:read']),
    'key g1, Member:read DevelopmentStep:read': await key('g1', ['Member:read', 'DevelopmentStep:read']),
    'key g1, OrgUnit:read': await key('g1', ['OrgUnit:read']),
    'key b3, all scopes': await key('b3', all),
    'key root, all scopes': await key('root', all),
    anonymous: {},
    'revoked session': { token: revoked },
    'session without second factor': { token: challenge },
    'expired session': { token: expired },
    'revoked key': { apiKey: revokedKey.key },
    'expired key': { apiKey: expiredKey.key },
    'wrong key secret': { apiKey: forged.slice(0, -4) + (forged.endsWith('AAAA') ? 'BBBB' : 'AAAA') },
    'not a session token': { token: 'abc' },
    'session and key': { token: as.admin.token!, apiKey: forged },
  };
  await h.prisma.apiKey.update({ where: { id: revokedKey.id }, data: { revokedAt: new Date() } });
  await h.prisma.apiKey.update({ where: { id: expiredKey.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
}, 180_000);

function variablesFor(op: Op): Record<string, Record<string, unknown>> {
  if (op.vars === 'member') {
    return {
      'm1 (b1)': { id: fx.members.m1.id },
      'm2 (b1g)': { id: fx.members.m2.id },
      'm3 (b2)': { id: fx.members.m3.id },
      'm4 (b3)': { id: fx.members.m4.id },
      'with history': { id: stepped },
      pending: { id: pending },
      missing: { id: randomUUID() },
      malformed: { id: 'not-a-uuid' },
      'upper case': { id: fx.members.m1.id.toUpperCase() },
      number: { id: 123 },
      'extra variable': { id: fx.members.m1.id, other: 1 },
      'no variables': {},
    };
  }
  return {
    root: { under: fx.units.root.id },
    g1: { under: fx.units.g1.id },
    b1: { under: fx.units.b1.id },
    b3: { under: fx.units.b3.id },
    missing: { under: randomUUID() },
    malformed: { under: '12' },
  };
}

describe('the compiled executor answers exactly as Apollo does', () => {
  it('compiles exactly the shapes the corpus says it does', () => {
    for (const op of OPS) expect(planOf(op.query) !== null, op.name).toBe(op.compiled);
  });

  // One test per operation: every caller, every variable set, both paths, byte for byte.
  for (const op of OPS) {
    it(`${op.name}: every caller, every id, the same bytes`, async () => {
      const differences: string[] = [];
      const wrongPath: string[] = [];
      for (const [who, caller] of Object.entries(callers)) {
        for (const [what, variables] of Object.entries(variablesFor(op))) {
          const { apollo, compiled, served: byCompiled } = await both(post(op.query, variables), caller);
          const label = `${who} / ${what}`;
          if (!same(apollo, compiled, byCompiled)) {
            differences.push(`${label}:\n  apollo   ${apollo.status} ${apollo.type} ${apollo.body.slice(0, 400)}\n  compiled ${compiled.status} ${compiled.type} ${compiled.body.slice(0, 400)}`);
          }
          // A compiled shape with a plain answer must come from the compiled path; every error is Apollo's.
          const success = apollo.status === 200 && !apollo.body.includes('"errors"');
          const expected = op.compiled && success && Object.keys(variables).length === 1 && /^[0-9a-f-]{36}$/.test(String(Object.values(variables)[0]));
          if (byCompiled !== expected) wrongPath.push(`${label}: answered by ${byCompiled ? 'compiled' : 'Apollo'}`);
          if (byCompiled) served++;
        }
      }
      expect(differences).toEqual([]);
      expect(wrongPath).toEqual([]);
    }, 300_000);
  }

  it('served the successful reads of compiled shapes (not a corpus of errors)', () => {
    expect(served).toBeGreaterThan(150);
  });
});

describe('what the executor leaves to Apollo, unchanged', () => {
  const q = B.memberById;
  const v = () => ({ id: fx.members.m1.id });
  const cases: [string, () => Parameters<typeof send>[0]][] = [
    ['the operation name given', () => post(q, v(), { operationName: 'Q' })],
    ['another operation name', () => post(q, v(), { operationName: 'Other' })],
    ['a persisted-query extension', () => post(q, v(), { extensions: { persistedQuery: { version: 1, sha256Hash: 'ab' } } })],
    ['a batch', () => ({ body: JSON.stringify([{ query: q, variables: v() }]) })],
    ['GET', () => ({ method: 'GET', search: `?query=${encodeURIComponent(q)}&variables=${encodeURIComponent(JSON.stringify(v()))}` })],
    ['graphql-response+json', () => ({ ...post(q, v()), headers: { accept: 'application/graphql-response+json' } })],
    ['a text/plain body', () => ({ ...post(q, v()), headers: { 'content-type': 'text/plain' } })],
    ['variables as a string', () => ({ body: JSON.stringify({ query: q, variables: JSON.stringify(v()) }) })],
    ['a mutation', () => post(`mutation($id: ID!) { deleteMember(id: $id) { id } }`, v())],
    ['introspection', () => post(`query($id: ID!) { __schema { types { name } } member(id: $id) { id } }`, v())],
  ];
  for (const [name, init] of cases) {
    it(`${name}: the same bytes, answered by Apollo`, async () => {
      const { apollo, compiled, served: byCompiled } = await both(init(), as.admin);
      expect(same(apollo, compiled, byCompiled), `${JSON.stringify(apollo)}\n${JSON.stringify(compiled)}`).toBe(true);
      // Only a named operation asked by its own name is the compiled executor's.
      expect(byCompiled).toBe(name === 'the operation name given');
    });
  }
});

describe('one round trip, credentials checked on every request', () => {
  it('a compiled read runs no query through Prisma (credentials, rows and proofs are its one statement)', async () => {
    await both(post(B.subtree100, { under: fx.units.g1.id }), as.admin);
    h.queries.reset();
    const stats = statsFor(h.config);
    const before = stats.served;
    const res = await send(post(B.subtree100, { under: fx.units.g1.id }), as.admin);
    expect(res.status).toBe(200);
    expect(stats.served).toBe(before + 1);
    expect(h.queries.list.filter((s) => !/UPDATE "public"\."(session|api_key)"/.test(s))).toEqual([]);
  });

  it('a session revoked, an account disabled and a key revoked refuse the very next compiled read, as Apollo words it', async () => {
    const token = await sessionFor(h.prisma, fx.accounts.secretary.id);
    const key = await apiKeyFor(h.prisma, fx.units.g1.id, ['Member:read', 'OrgUnit:read']);
    const read = () => post(B.subtree100, { under: fx.units.b1.id });
    expect((await both(read(), { token })).served).toBe(true);
    expect((await both(read(), { apiKey: key.key })).served).toBe(true);

    await h.prisma.account.update({ where: { id: fx.accounts.secretary.id }, data: { disabledAt: new Date() } });
    const disabled = await both(read(), { token });
    await h.prisma.account.update({ where: { id: fx.accounts.secretary.id }, data: { disabledAt: null } });
    expect(disabled.served).toBe(false);
    expect(disabled.compiled.body).toBe(disabled.apollo.body);
    expect(disabled.compiled.body).toMatch(/disabled/);

    await h.prisma.session.updateMany({ where: { accountId: fx.accounts.secretary.id, revokedAt: null }, data: { revokedAt: new Date() } });
    const revoked = await both(read(), { token });
    expect(revoked.served).toBe(false);
    expect(revoked.compiled.body).toBe(revoked.apollo.body);
    expect(revoked.compiled.body).toMatch(/revoked/);

    await h.prisma.apiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() } });
    const keyRevoked = await both(read(), { apiKey: key.key });
    expect(keyRevoked.served).toBe(false);
    expect(keyRevoked.compiled.body).toBe(keyRevoked.apollo.body);
    expect(keyRevoked.compiled.body).toMatch(/revoked/);
  });

  it('with the switch off, every request is Apollo’s', async () => {
    const stats = statsFor(h.config);
    h.config.compiledReads = false;
    try {
      const before = { ...stats };
      await send(post(B.memberById, { id: fx.members.m1.id }), as.admin);
      expect(stats).toEqual(before);
    } finally {
      h.config.compiledReads = true;
    }
  });
});
