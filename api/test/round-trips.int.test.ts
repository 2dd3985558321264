// Database round trips per read (bench/profile-notes.md): the credentials are checked in one
// joined query on every request (so revocation, expiry and disabling still act at once), the
// row rule reuses a unit loaded with the row, and proofs at several depths of one request come
// from one proof query.
import { describe, expect, it } from 'vitest';
import { apiKeyFor, sessionFor } from './fixtures.js';
import { codeOf } from './harness.js';
import { apiSuite } from './suite.js';

const { h, fx } = apiSuite({ bulk: 30 });

// Not per request: the latest-batch lookup (cached for a second) and the last-seen touch.
const perRequest = () => h.queries.list.filter((q) => !/FROM "public"\."batch"|UPDATE "public"\."(session|api_key)"/.test(q));
const credentialQueries = (qs: string[]) => qs.filter((q) => /\b(session|api_key|account)\b/.test(q));
const proofQueries = (qs: string[]) => qs.filter((q) => /record_position/.test(q));
const unitQueries = (qs: string[]) => qs.filter((q) => /FROM "public"\."org_unit"/.test(q));

async function counted(query: string, variables: Record<string, unknown>, as: { token?: string; apiKey?: string }) {
  await h.gql(query, variables, as);
  h.queries.reset();
  const res = await h.gql(query, variables, as);
  return { res, queries: perRequest() };
}

// Member proofs and their units' proofs sit at two depths of the result.
const PAGE = `query($under: ID!) { members(under: $under, first: 20) { edges { node { id proof { status } orgUnit { id proof { status } } } } } }`;

describe('round trips per request', () => {
  it('an ADMIN page: one credentials query, one proof query for both depths, no unit lookup for the row rule', async () => {
    const token = await sessionFor(h.prisma, fx.accounts.admin.id);
    const { res, queries } = await counted(PAGE, { under: fx.units.b1.id }, { token });
    expect(res.errors).toBeUndefined();
    expect((res.data as { members: { edges: unknown[] } }).members.edges).toHaveLength(20);
    expect(credentialQueries(queries)).toHaveLength(1);
    expect(proofQueries(queries)).toHaveLength(1);
    // `under` and the members' units (the include); the row rule reads neither again.
    expect(unitQueries(queries)).toHaveLength(2);
    expect(queries).toHaveLength(5);
  });

  it('a SECRETARY page: the row rule uses the unit loaded with each member', async () => {
    const token = await sessionFor(h.prisma, fx.accounts.secretary.id);
    const { res, queries } = await counted(PAGE, { under: fx.units.b1.id }, { token });
    expect(res.errors).toBeUndefined();
    expect(credentialQueries(queries)).toHaveLength(1);
    expect(proofQueries(queries)).toHaveLength(1);
    expect(unitQueries(queries)).toHaveLength(2);
  });

  it('a partner key: one credentials query, and the row rule still refuses rows outside its subtree', async () => {
    const { key } = await apiKeyFor(h.prisma, fx.units.b1.id, ['Member:read']);
    const one = `query($id: ID!) { member(id: $id) { id proof { status } } }`;
    const { res, queries } = await counted(one, { id: fx.members.m1.id }, { apiKey: key });
    expect(res.errors).toBeUndefined();
    expect(credentialQueries(queries)).toHaveLength(1);
    expect(codeOf(await h.gql(one, { id: fx.members.m4.id }, { apiKey: key }))).toBe('FORBIDDEN');
  });

  it('a MEMBER sees their own record without a unit lookup, and no one else’s', async () => {
    const token = await sessionFor(h.prisma, fx.accounts.member.id);
    const one = `query($id: ID!) { member(id: $id) { id proof { status } } }`;
    const { res, queries } = await counted(one, { id: fx.members.m1.id }, { token });
    expect(res.errors).toBeUndefined();
    expect(unitQueries(queries)).toHaveLength(0);
    expect(codeOf(await h.gql(one, { id: fx.members.m2.id }, { token }))).toBe('FORBIDDEN');
  });
});

describe('the one-query credentials check still refuses at once', () => {
  const ME = `{ me { kind } }`;

  it('a session whose account is disabled, and one revoked, on the very next request', async () => {
    const token = await sessionFor(h.prisma, fx.accounts.leader.id);
    expect((await h.gql(ME, {}, { token })).errors).toBeUndefined();
    await h.prisma.account.update({ where: { id: fx.accounts.leader.id }, data: { disabledAt: h.clock.now } });
    const disabled = await h.gql(ME, {}, { token });
    expect(codeOf(disabled)).toBe('UNAUTHENTICATED');
    expect(disabled.errors![0]!.message).toMatch(/disabled/);
    await h.prisma.account.update({ where: { id: fx.accounts.leader.id }, data: { disabledAt: null } });

    const other = await sessionFor(h.prisma, fx.accounts.leader.id);
    expect((await h.gql(ME, {}, { token: other })).errors).toBeUndefined();
    await h.prisma.session.updateMany({ where: { accountId: fx.accounts.leader.id }, data: { revokedAt: h.clock.now } });
    const revoked = await h.gql(ME, {}, { token: other });
    expect(codeOf(revoked)).toBe('UNAUTHENTICATED');
    expect(revoked.errors![0]!.message).toMatch(/revoked/);
  });

  it('a privileged session without its second factor, an expired session, an expired key and a wrong key secret', async () => {
    const challenge = await sessionFor(h.prisma, fx.accounts.secretary.id);
    await h.prisma.session.updateMany({ where: { accountId: fx.accounts.secretary.id }, data: { secondFactorAt: null } });
    expect((await h.gql(ME, {}, { token: challenge })).errors![0]!.message).toMatch(/verifyTotp/);

    const soon = await sessionFor(h.prisma, fx.accounts.otherSecretary.id, { expiresAt: new Date(h.clock.now.getTime() + 60_000) });
    expect((await h.gql(ME, {}, { token: soon })).errors).toBeUndefined();
    h.clock.advance(61_000);
    expect((await h.gql(ME, {}, { token: soon })).errors![0]!.message).toMatch(/expired/);

    const { key, id } = await apiKeyFor(h.prisma, fx.units.g1.id, ['Member:read']);
    expect((await h.gql(ME, {}, { apiKey: key })).errors).toBeUndefined();
    const forged = key.slice(0, -4) + (key.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect((await h.gql(ME, {}, { apiKey: forged })).errors![0]!.message).toMatch(/not valid/);
    await h.prisma.apiKey.update({ where: { id }, data: { expiresAt: h.clock.now } });
    expect((await h.gql(ME, {}, { apiKey: key })).errors![0]!.message).toMatch(/expired/);
  });
});
