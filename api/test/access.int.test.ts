// The authorisation matrix: every role (and partner keys with different scopes) against every
// query and mutation this part of the API owns. A denial is an error with a code and no data,
// never an empty result.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeyFor, createFixture, sessionFor, type Fixture } from './fixtures.js';
import { codeOf, startHarness, type Caller, type Harness } from './harness.js';

type Who = 'anonymous' | 'member' | 'secretary' | 'leader' | 'admin' | 'otherSecretary' | 'partnerMember' | 'partnerOrg' | 'partnerAll';
type Outcome = 'ok' | 'FORBIDDEN' | 'UNAUTHENTICATED';
const WHO: Who[] = ['anonymous', 'member', 'secretary', 'leader', 'admin', 'otherSecretary', 'partnerMember', 'partnerOrg', 'partnerAll'];

let h: Harness;
let fx: Fixture;
const callers = {} as Record<Who, Caller>;

beforeAll(async () => {
  h = await startHarness();
  fx = await createFixture(h.prisma);
  callers.anonymous = {};
  for (const who of ['member', 'secretary', 'leader', 'admin', 'otherSecretary'] as const) {
    callers[who] = { token: await sessionFor(h.prisma, fx.accounts[who].id) };
  }
  callers.partnerMember = { apiKey: (await apiKeyFor(h.prisma, fx.units.g1.id, ['Member:read'])).key };
  callers.partnerOrg = { apiKey: (await apiKeyFor(h.prisma, fx.units.g1.id, ['OrgUnit:read'])).key };
  callers.partnerAll = { apiKey: (await apiKeyFor(h.prisma, fx.units.g1.id, ['Member:read', 'OrgUnit:read', 'Member:contact'])).key };
});
afterAll(() => h?.close());

interface Case {
  name: string;
  query: string;
  vars: () => Record<string, unknown>;
  /** Outcome per caller; "ok" may carry the expected value of `pick(data)`. */
  expect: Partial<Record<Who, Outcome | { ok: unknown }>>;
  pick?: (data: Record<string, unknown>) => unknown;
  /** Default for callers not listed. */
  otherwise?: Outcome;
}

const U = 'UNAUTHENTICATED' as const;
const F = 'FORBIDDEN' as const;
const count = (field: string) => (d: Record<string, unknown>) => (d[field] as { totalCount: number }).totalCount;

let unitToggle = false;
let pendingRequestId = '';

const cases: Case[] = [
  {
    name: 'me',
    query: `{ me { kind } }`,
    vars: () => ({}),
    expect: { anonymous: U },
    otherwise: 'ok',
  },
  {
    // The caller's own inbox (issue #22): every account has one, a partner key none.
    name: 'inbox / inboxCounts (own items only)',
    query: `{ inboxCounts { open } inbox(first: 1) { totalCount } }`,
    vars: () => ({}),
    expect: { anonymous: U, partnerMember: F, partnerOrg: F, partnerAll: F },
    otherwise: 'ok',
  },
  {
    name: 'member(own record m1, in b1)',
    query: `query($id: ID!) { member(id: $id) { name } }`,
    vars: () => ({ id: fx.members.m1.id }),
    expect: { anonymous: U, member: 'ok', secretary: 'ok', leader: 'ok', admin: 'ok', otherSecretary: F, partnerMember: 'ok', partnerOrg: F, partnerAll: 'ok' },
  },
  {
    name: 'member(m3, in b2)',
    query: `query($id: ID!) { member(id: $id) { name } }`,
    vars: () => ({ id: fx.members.m3.id }),
    expect: { anonymous: U, member: F, secretary: F, leader: 'ok', admin: 'ok', otherSecretary: F, partnerMember: 'ok', partnerOrg: F, partnerAll: 'ok' },
  },
  {
    name: 'member(m4, in b3 outside g1)',
    query: `query($id: ID!) { member(id: $id) { name } }`,
    vars: () => ({ id: fx.members.m4.id }),
    expect: { anonymous: U, member: F, secretary: F, leader: F, admin: 'ok', otherSecretary: 'ok', partnerMember: F, partnerOrg: F, partnerAll: F },
  },
  {
    name: 'member.phone (contact details)',
    query: `query($id: ID!) { member(id: $id) { phone } }`,
    vars: () => ({ id: fx.members.m1.id }),
    expect: { anonymous: U, member: 'ok', secretary: 'ok', leader: F, admin: 'ok', otherSecretary: F, partnerMember: F, partnerOrg: F, partnerAll: 'ok' },
  },
  {
    name: 'members (default subtree)',
    query: `{ members(first: 5) { totalCount } }`,
    vars: () => ({}),
    pick: count('members'),
    expect: {
      anonymous: U,
      member: F,
      secretary: { ok: 2 },
      leader: { ok: 3 },
      admin: { ok: 4 },
      otherSecretary: { ok: 1 },
      partnerMember: { ok: 3 },
      partnerOrg: F,
      partnerAll: { ok: 3 },
    },
  },
  {
    name: 'members(under: g1)',
    query: `query($u: ID) { members(first: 5, under: $u) { totalCount } }`,
    vars: () => ({ u: fx.units.g1.id }),
    pick: count('members'),
    expect: { anonymous: U, member: F, secretary: F, leader: { ok: 3 }, admin: { ok: 3 }, otherSecretary: F, partnerMember: { ok: 3 }, partnerOrg: F, partnerAll: { ok: 3 } },
  },
  {
    name: 'orgUnit(b1)',
    query: `query($id: ID!) { orgUnit(id: $id) { name } }`,
    vars: () => ({ id: fx.units.b1.id }),
    expect: { anonymous: U, member: 'ok', secretary: 'ok', leader: 'ok', admin: 'ok', otherSecretary: F, partnerMember: F, partnerOrg: 'ok', partnerAll: 'ok' },
  },
  {
    name: 'orgUnit(root)',
    query: `query($id: ID!) { orgUnit(id: $id) { name } }`,
    vars: () => ({ id: fx.units.root.id }),
    expect: { anonymous: U, member: F, secretary: F, leader: F, admin: 'ok', otherSecretary: F, partnerMember: F, partnerOrg: F, partnerAll: F },
  },
  {
    name: 'orgUnit(g1).parent (outside a leader\'s subtree)',
    query: `query($id: ID!) { orgUnit(id: $id) { parent { name } } }`,
    vars: () => ({ id: fx.units.g1.id }),
    expect: { anonymous: U, member: F, secretary: F, leader: F, admin: 'ok', otherSecretary: F, partnerMember: F, partnerOrg: F, partnerAll: F },
  },
  {
    name: 'orgUnit(b1).members',
    query: `query($id: ID!) { orgUnit(id: $id) { members(first: 1) { totalCount } } }`,
    vars: () => ({ id: fx.units.b1.id }),
    expect: { anonymous: U, member: F, secretary: 'ok', leader: 'ok', admin: 'ok', otherSecretary: F, partnerMember: F, partnerOrg: F, partnerAll: 'ok' },
  },
  {
    name: 'orgUnits',
    query: `{ orgUnits(first: 10) { totalCount } }`,
    vars: () => ({}),
    pick: count('orgUnits'),
    expect: {
      anonymous: U,
      member: F,
      secretary: { ok: 2 },
      leader: { ok: 4 },
      admin: { ok: 7 },
      otherSecretary: { ok: 1 },
      partnerMember: F,
      partnerOrg: { ok: 4 },
      partnerAll: { ok: 4 },
    },
  },
  {
    name: 'record(Member m1)',
    query: `query($id: ID!) { record(type: "Member", id: $id) { version proof { status } } }`,
    vars: () => ({ id: fx.members.m1.id }),
    expect: { anonymous: U, member: 'ok', secretary: 'ok', leader: 'ok', admin: 'ok', otherSecretary: F, partnerMember: 'ok', partnerOrg: F, partnerAll: 'ok' },
  },
  {
    name: 'history(Member m3)',
    query: `query($id: ID!) { history(type: "Member", id: $id, first: 5) { edges { node { version } } } }`,
    vars: () => ({ id: fx.members.m3.id }),
    expect: { anonymous: U, member: F, secretary: F, leader: 'ok', admin: 'ok', otherSecretary: F, partnerMember: 'ok', partnerOrg: F, partnerAll: 'ok' },
  },
  {
    name: 'record(OrgUnit b3)',
    query: `query($id: ID!) { record(type: "OrgUnit", id: $id) { version } }`,
    vars: () => ({ id: fx.units.b3.id }),
    expect: { anonymous: U, member: F, secretary: F, leader: F, admin: 'ok', otherSecretary: 'ok', partnerMember: F, partnerOrg: F, partnerAll: F },
  },
  {
    name: 'oversight (your scope unit: its child units; a branch has none, its rows are its items)',
    query: `{ oversight { children(first: 5) { totalCount } } }`,
    vars: () => ({}),
    pick: (d) => (d.oversight as { children: { totalCount: number } }).children.totalCount,
    expect: { anonymous: U, member: F, secretary: { ok: 0 }, leader: { ok: 2 }, admin: { ok: 2 }, otherSecretary: { ok: 0 } },
    otherwise: F,
  },
  {
    name: 'apiKeys',
    query: `{ apiKeys(first: 1) { totalCount } }`,
    vars: () => ({}),
    expect: { anonymous: U, admin: 'ok' },
    otherwise: F,
  },
  {
    name: 'createMember(in b1)',
    query: `mutation($input: CreateMemberInput!) { createMember(input: $input) { id } }`,
    vars: () => ({
      input: { orgUnitId: fx.units.b1.id, name: '矩阵', gender: 'MALE', birthDate: '1990-01-01', ethnicity: '汉族', education: 'BACHELOR', appliedOn: '2024-01-01' },
    }),
    expect: { anonymous: U, secretary: 'ok', admin: 'ok' },
    otherwise: F,
  },
  {
    name: 'updateMember(m2, in b1g)',
    query: `mutation($id: ID!) { updateMember(id: $id, input: { occupation: "矩阵" }) { version } }`,
    vars: () => ({ id: fx.members.m2.id }),
    expect: { anonymous: U, secretary: 'ok', admin: 'ok' },
    otherwise: F,
  },
  {
    name: 'transferMember(m2, b1g ⇄ b1)',
    query: `mutation($id: ID!, $to: ID!) { transferMember(id: $id, toUnitId: $to) { orgUnit { id } } }`,
    vars: () => ({ id: fx.members.m2.id, to: unitToggle ? fx.units.b1g.id : fx.units.b1.id }),
    expect: { anonymous: U, secretary: 'ok', admin: 'ok' },
    otherwise: F,
  },
  {
    name: 'createApiKey',
    query: `mutation($u: ID!) { createApiKey(input: { name: "k", scopes: ["Member:read"], unitId: $u }) { key } }`,
    vars: () => ({ u: fx.units.g1.id }),
    expect: { anonymous: U, admin: 'ok' },
    otherwise: F,
  },
  {
    name: 'transferDestinations (units a letter can go to: accounts that issue letters)',
    query: `{ transferDestinations(first: 50) { edges { node { id } } } }`,
    vars: () => ({}),
    pick: (d) => (d.transferDestinations as { edges: unknown[] }).edges.length,
    // Every branch and group, also outside the caller's subtree: b1, b2, b3, b1g.
    expect: { anonymous: U, secretary: { ok: 4 }, admin: { ok: 4 }, otherSecretary: { ok: 4 } },
    otherwise: F,
  },
  {
    name: 'transferLetterCheck (public: a code that names no letter answers null)',
    query: `{ transferLetterCheck(code: "AAAA-AAAA-AAAA-AAAA") { status } }`,
    vars: () => ({}),
    pick: (d) => d.transferLetterCheck,
    // Three callers only: each wrong code counts against the address (five allowed).
    expect: { anonymous: { ok: null }, member: { ok: null }, partnerOrg: { ok: null } },
  },
  {
    name: 'signOut (partner keys have no session)',
    query: `mutation { signOut }`,
    vars: () => ({}),
    // Signing out would end the callers' sessions used by later cases; only denials are run.
    expect: { anonymous: U, partnerMember: F, partnerOrg: F, partnerAll: F },
  },
];

/** Decisions between levels, after the cases above (the applicant they need would change their counts). */
const levelCases: Case[] = [
  {
    name: 'approvalQueue (what waits on the levels of the subtree: b1’s request in review on g1)',
    query: `{ approvalQueue(first: 5) { totalCount } }`,
    vars: () => ({}),
    pick: count('approvalQueue'),
    expect: { anonymous: U, member: F, secretary: { ok: 0 }, leader: { ok: 1 }, admin: { ok: 1 }, otherSecretary: { ok: 0 } },
    otherwise: F,
  },
  {
    name: 'levelRequests(b1)',
    query: `query($u: ID) { levelRequests(unitId: $u, first: 5) { totalCount } }`,
    vars: () => ({ u: fx.units.b1.id }),
    pick: count('levelRequests'),
    expect: { anonymous: U, member: F, secretary: { ok: 1 }, leader: { ok: 1 }, admin: { ok: 1 }, otherSecretary: F },
    otherwise: F,
  },
  {
    name: 'passOnLevelRequest (b1’s request in g1’s review: ADMIN or a SECRETARY scoped at or above g1)',
    query: `mutation($id: ID!) { passOnLevelRequest(id: $id, note: "矩阵") { status } }`,
    vars: () => ({ id: pendingRequestId }),
    expect: { anonymous: U, admin: 'ok' },
    otherwise: F,
  },
  {
    name: 'returnLevelRequest (b1’s request, decided by the committee: ADMIN or a SECRETARY scoped at or above it)',
    query: `mutation($id: ID!) { returnLevelRequest(id: $id, reason: "矩阵") { request { status } } }`,
    vars: () => ({ id: pendingRequestId }),
    expect: { anonymous: U, admin: 'ok' },
    otherwise: F,
  },
];

describe.each(cases)('$name', (c) => matrixRows(c));

describe('requests between levels', () => {
  beforeAll(async () => {
    // A request from b1, in review on its general branch (g1) and then waiting on the committee
    // (root), for the cases on decisions between levels.
    const day = new Date(h.clock.now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    const applicant = await h.gql<{ createMember: { id: string } }>(`mutation($input: CreateMemberInput!) { createMember(input: $input) { id } }`, {
      input: { orgUnitId: fx.units.b1.id, name: '申请人', gender: 'MALE', birthDate: '1990-01-01', ethnicity: '汉族', education: 'BACHELOR', appliedOn: day },
    }, callers.secretary);
    const memberId = applicant.data!.createMember.id;
    for (const [step, input] of [['APPLICATION', {}], ['TALK', {}], ['NOMINATION', { recommendedBy: 'PARTY_MEMBERS' }]] as const) {
      await h.gql(`mutation($m: ID!, $s: DevelopmentStepKind!, $on: Date!, $i: DevelopmentStepInput) { recordDevelopmentStep(memberId: $m, step: $s, occurredOn: $on, input: $i) { step { id } } }`, { m: memberId, s: step, on: day, i: input }, callers.secretary);
    }
    const req = await h.gql<{ requestLevelStep: { id: string } }>(`mutation($m: ID!) { requestLevelStep(memberId: $m, step: ACTIVIST_FILING) { id } }`, { m: memberId }, callers.secretary);
    pendingRequestId = req.data!.requestLevelStep.id;
  });
  describe.each(levelCases)('$name', (c) => matrixRows(c));
});

function matrixRows(c: Case): void {
  const rows = WHO.filter((who) => c.expect[who] !== undefined || c.otherwise !== undefined).map((who) => [who, c.expect[who] ?? c.otherwise!] as const);
  it.each(rows)('%s → %j', async (who, outcome) => {
    const res = await h.gql(c.query, c.vars(), callers[who]);
    if (outcome === F || outcome === U) {
      expect(codeOf(res), JSON.stringify(res.errors)).toBe(outcome);
      expect(res.errors![0]!.message.length).toBeGreaterThan(10);
      expect(res.errors![0]!.extensions.messageZh).toBeTruthy();
      const top = Object.values(res.data ?? {})[0];
      expect(top ?? null).toSatisfy((v: unknown) => v === null || JSON.stringify(v).includes('null'));
      return;
    }
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    if (c.name.startsWith('transferMember')) unitToggle = !unitToggle;
    if (typeof outcome === 'object') expect(c.pick!(res.data as Record<string, unknown>)).toBe(outcome.ok);
  });
}
