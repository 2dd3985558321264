// Credentials that have run out, beyond what api/test/auth.int.test.ts covers: an API key past
// its expiry, a revoked key on a write, a session of a disabled account, a privileged session
// that never completed TOTP, and a key of another shape sent as a session. Each refusal is
// UNAUTHENTICATED with its reason, on reads and on writes alike, and writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSessionToken } from '@lianjian/api';
import { apiKeyFor, createFixture, sessionFor, type Fixture } from '../../api/test/fixtures.js';
import { codeOf, startHarness, type Harness } from '../../api/test/harness.js';

let h: Harness;
let fx: Fixture;

beforeAll(async () => {
  h = await startHarness();
  fx = await createFixture(h.prisma);
});
afterAll(() => h?.close());

const READ = `{ members(first: 1) { totalCount } }`;
const WRITE = `mutation($id: ID!) { updateMember(id: $id, input: { occupation: "x" }) { version } }`;

describe('credentials past their end', () => {
  it('an API key past its expiry is refused; before it, the same key works', async () => {
    const { key, id } = await apiKeyFor(h.prisma, fx.units.g1.id, ['Member:read']);
    await h.prisma.apiKey.update({ where: { id }, data: { expiresAt: new Date(h.clock.now.getTime() + 60_000) } });
    expect((await h.gql(READ, {}, { apiKey: key })).errors).toBeUndefined();
    h.clock.advance(61_000);
    const res = await h.gql(READ, {}, { apiKey: key });
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
    expect(res.errors![0]!.message).toMatch(/expired/);
  });

  it('a revoked key and an expired session are refused for writes too, and nothing changes', async () => {
    const { key, id } = await apiKeyFor(h.prisma, fx.units.g1.id, ['Member:read', 'Member:write']);
    await h.prisma.apiKey.update({ where: { id }, data: { revokedAt: new Date() } });
    const before = await h.prisma.member.findUniqueOrThrow({ where: { id: fx.members.m1.id } });
    expect(codeOf(await h.gql(WRITE, { id: before.id }, { apiKey: key }))).toBe('UNAUTHENTICATED');
    const token = await sessionFor(h.prisma, fx.accounts.secretary.id, { expiresAt: new Date(h.clock.now.getTime() - 1) });
    const expired = await h.gql(WRITE, { id: before.id }, { token });
    expect(codeOf(expired)).toBe('UNAUTHENTICATED');
    expect(expired.errors![0]!.message).toMatch(/expired/);
    expect((await h.prisma.member.findUniqueOrThrow({ where: { id: before.id } })).version).toBe(before.version);
  });

  it('a disabled account’s live session is refused at once', async () => {
    const token = await sessionFor(h.prisma, fx.accounts.member.id, { expiresAt: new Date(h.clock.now.getTime() + 3600_000) });
    expect((await h.gql(`{ me { kind } }`, {}, { token })).errors).toBeUndefined();
    await h.prisma.account.update({ where: { id: fx.accounts.member.id }, data: { disabledAt: new Date() } });
    const res = await h.gql(`{ me { kind } }`, {}, { token });
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
    expect(res.errors![0]!.message).toMatch(/disabled/);
  });

  it('a privileged session without its second factor is only a challenge', async () => {
    const { token, hash } = newSessionToken();
    await h.prisma.session.create({ data: { accountId: fx.accounts.admin.id, tokenHash: hash, expiresAt: new Date(h.clock.now.getTime() + 3600_000) } });
    const res = await h.gql(READ, {}, { token });
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
    expect(res.errors![0]!.message).toMatch(/verifyTotp/);
  });

  it('an API key sent as a bearer token, and a session sent as a key, are both refused', async () => {
    const { key } = await apiKeyFor(h.prisma, fx.units.g1.id, ['Member:read']);
    expect(codeOf(await h.gql(READ, {}, { token: key }))).toBe('UNAUTHENTICATED');
    const token = await sessionFor(h.prisma, fx.accounts.secretary.id, { expiresAt: new Date(h.clock.now.getTime() + 3600_000) });
    expect(codeOf(await h.gql(READ, {}, { apiKey: token }))).toBe('UNAUTHENTICATED');
  });
});
