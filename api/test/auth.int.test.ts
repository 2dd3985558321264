// Sign-in, TOTP second factor (RFC 6238, replay refused), lockout and per-address limits,
// session expiry and revocation, partner keys.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../src/auth/tokens.js';
import { base32Decode, hotp, timeStep, totp } from '../src/auth/totp.js';
import { apiKeyFor, createFixture, PASSWORD, sessionFor, type Fixture } from './fixtures.js';
import { codeOf, startHarness, type Harness } from './harness.js';

let h: Harness;
let fx: Fixture;

beforeAll(async () => {
  h = await startHarness({ maxFailedAttempts: 3, ipMaxFailures: 6 });
  fx = await createFixture(h.prisma);
});
afterAll(() => h?.close());

const SIGN_IN = `mutation($u: String!, $p: String!) {
  signIn(username: $u, password: $p) {
    __typename
    ... on SignedIn { token expiresAt account { username role } }
    ... on TotpRequired { challenge expiresAt enrollment { secret otpauthUri } }
  }
}`;
const VERIFY = `mutation($c: String!, $code: String!) { verifyTotp(challenge: $c, code: $code) { token account { username } } }`;
const ME = `{ me { kind account { username role } } }`;

type SignInData = { signIn: { __typename: string; token?: string; challenge?: string; enrollment?: { secret: string; otpauthUri: string } | null } };

let ipSeq = 0;
/** A fresh client address per scenario, so the per-address limit only bites where tested. */
const freshIp = () => `10.0.0.${++ipSeq}`;

describe('password sign-in', () => {
  it('gives a member a session that authenticates requests', async () => {
    const ip = freshIp();
    const res = await h.gql<SignInData>(SIGN_IN, { u: 'member', p: PASSWORD }, { ip });
    expect(res.errors).toBeUndefined();
    expect(res.data!.signIn.__typename).toBe('SignedIn');
    const token = res.data!.signIn.token!;
    expect(token).toMatch(/^ljs_/);
    const me = await h.gql<{ me: { account: { username: string } } }>(ME, {}, { token, ip });
    expect(me.data!.me.account.username).toBe('member');
    // Only a hash of the token is stored.
    const sessions = await h.prisma.session.findMany({ where: { accountId: fx.accounts.member.id } });
    expect(sessions.some((s) => Buffer.from(s.tokenHash).toString('utf8').includes(token))).toBe(false);
  });

  it('says the same for an unknown user and a wrong password', async () => {
    const ip = freshIp();
    const a = await h.gql(SIGN_IN, { u: 'nobody', p: PASSWORD }, { ip });
    const b = await h.gql(SIGN_IN, { u: 'member', p: 'wrong' }, { ip });
    expect(codeOf(a)).toBe('UNAUTHENTICATED');
    expect(a.errors![0]!.message).toBe(b.errors![0]!.message);
    expect(a.errors![0]!.extensions.messageZh).toBe('用户名或密码错误。');
    await h.prisma.account.update({ where: { id: fx.accounts.member.id }, data: { failedAttempts: 0 } });
  });

  it('locks an account after repeated failures, even for the right password, until the lockout ends', async () => {
    const ip = freshIp();
    for (let i = 0; i < 3; i++) expect(codeOf(await h.gql(SIGN_IN, { u: 'member', p: 'wrong' }, { ip: freshIp() }))).toBe('UNAUTHENTICATED');
    const locked = await h.gql(SIGN_IN, { u: 'member', p: PASSWORD }, { ip });
    expect(codeOf(locked)).toBe('RATE_LIMITED');
    expect(locked.errors![0]!.extensions.retryAfterSeconds).toBeGreaterThan(0);
    expect(locked.errors![0]!.message).toMatch(/locked/);
    h.clock.advance(h.config.lockoutMs + 1000);
    const ok = await h.gql<SignInData>(SIGN_IN, { u: 'member', p: PASSWORD }, { ip });
    expect(ok.data!.signIn.__typename).toBe('SignedIn');
  });

  it('limits failures per client address across accounts', async () => {
    const ip = freshIp();
    for (let i = 0; i < 6; i++) await h.gql(SIGN_IN, { u: `ghost${i}`, p: 'x' }, { ip });
    const limited = await h.gql(SIGN_IN, { u: 'member', p: PASSWORD }, { ip });
    expect(codeOf(limited)).toBe('RATE_LIMITED');
    const elsewhere = await h.gql<SignInData>(SIGN_IN, { u: 'member', p: PASSWORD }, { ip: freshIp() });
    expect(elsewhere.data!.signIn.__typename).toBe('SignedIn');
    h.clock.advance(h.config.ipWindowMs + 1000);
    const later = await h.gql<SignInData>(SIGN_IN, { u: 'member', p: PASSWORD }, { ip });
    expect(later.data!.signIn.__typename).toBe('SignedIn');
  });
});

describe('TOTP second factor', () => {
  const code = (secret: string, at: Date) => totp(base32Decode(secret), at);

  it('requires TOTP for a secretary; the challenge is not a session; a code completes it once', async () => {
    const ip = freshIp();
    const secret = fx.accounts.secretary.totpSecret!;
    const res = await h.gql<SignInData>(SIGN_IN, { u: 'secretary', p: PASSWORD }, { ip });
    expect(res.data!.signIn.__typename).toBe('TotpRequired');
    expect(res.data!.signIn.enrollment).toBeNull();
    const challenge = res.data!.signIn.challenge!;
    const asSession = await h.gql(ME, {}, { token: challenge, ip });
    expect(codeOf(asSession)).toBe('UNAUTHENTICATED');
    expect(asSession.errors![0]!.message).toMatch(/verifyTotp/);

    const wrongCode = hotp(base32Decode(secret), timeStep(h.clock.now) + 5);
    const wrong = await h.gql(VERIFY, { c: challenge, code: wrongCode }, { ip });
    expect(codeOf(wrong)).toBe('UNAUTHENTICATED');
    expect(wrong.errors![0]!.extensions.reason).toBe('BAD_TOTP');

    const good = code(secret, h.clock.now);
    const ok = await h.gql<{ verifyTotp: { token: string; account: { username: string } } }>(VERIFY, { c: challenge, code: good }, { ip });
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.verifyTotp.account.username).toBe('secretary');
    const me = await h.gql<{ me: { account: { role: string } } }>(ME, {}, { token: ok.data!.verifyTotp.token, ip });
    expect(me.data!.me.account.role).toBe('SECRETARY');
    // The challenge token is spent.
    expect(codeOf(await h.gql(VERIFY, { c: challenge, code: good }, { ip }))).toBe('UNAUTHENTICATED');

    // Replay: the same code on a new challenge is refused; the next step's code is accepted.
    const again = await h.gql<SignInData>(SIGN_IN, { u: 'secretary', p: PASSWORD }, { ip });
    const replay = await h.gql(VERIFY, { c: again.data!.signIn.challenge, code: good }, { ip });
    expect(codeOf(replay)).toBe('UNAUTHENTICATED');
    expect(replay.errors![0]!.extensions.reason).toBe('TOTP_REPLAYED');
    h.clock.advance(30_000);
    const third = await h.gql<SignInData>(SIGN_IN, { u: 'secretary', p: PASSWORD }, { ip });
    const next = await h.gql(VERIFY, { c: third.data!.signIn.challenge, code: code(secret, h.clock.now) }, { ip });
    expect(next.errors).toBeUndefined();
  });

  it('accepts a code one step off (clock skew) but not two', async () => {
    const ip = freshIp();
    const secret = fx.accounts.leader.totpSecret!;
    h.clock.advance(120_000);
    const a = await h.gql<SignInData>(SIGN_IN, { u: 'leader', p: PASSWORD }, { ip });
    const far = hotp(base32Decode(secret), timeStep(h.clock.now) - 2);
    expect(codeOf(await h.gql(VERIFY, { c: a.data!.signIn.challenge, code: far }, { ip }))).toBe('UNAUTHENTICATED');
    const near = hotp(base32Decode(secret), timeStep(h.clock.now) - 1);
    expect((await h.gql(VERIFY, { c: a.data!.signIn.challenge, code: near }, { ip })).errors).toBeUndefined();
  });

  it('expires an unanswered challenge', async () => {
    const ip = freshIp();
    h.clock.advance(60_000);
    const a = await h.gql<SignInData>(SIGN_IN, { u: 'admin', p: PASSWORD }, { ip });
    h.clock.advance(h.config.challengeTtlMs + 1000);
    const res = await h.gql(VERIFY, { c: a.data!.signIn.challenge, code: code(fx.accounts.admin.totpSecret!, h.clock.now) }, { ip });
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
    expect(res.errors![0]!.extensions.reason).toBe('BAD_CHALLENGE');
  });

  it('enrols a privileged account without a secret on its first sign-in', async () => {
    const ip = freshIp();
    await h.prisma.account.update({ where: { id: fx.accounts.otherSecretary.id }, data: { totpSecret: null, totpEnabledAt: null } });
    const a = await h.gql<SignInData>(SIGN_IN, { u: 'secretary3', p: PASSWORD }, { ip });
    const enrollment = a.data!.signIn.enrollment!;
    expect(enrollment.otpauthUri).toMatch(/^otpauth:\/\/totp\/Lianjian%3Asecretary3\?secret=[A-Z2-7]+&issuer=Lianjian/);
    const ok = await h.gql(VERIFY, { c: a.data!.signIn.challenge, code: code(enrollment.secret, h.clock.now) }, { ip });
    expect(ok.errors).toBeUndefined();
    const row = await h.prisma.account.findUniqueOrThrow({ where: { id: fx.accounts.otherSecretary.id } });
    expect(row.totpEnabledAt).not.toBeNull();
  });
});

describe('sessions', () => {
  it('refuses an expired session with a reason', async () => {
    const token = await sessionFor(h.prisma, fx.accounts.member.id, { expiresAt: new Date(h.clock.now.getTime() + 60_000) });
    expect((await h.gql(ME, {}, { token })).errors).toBeUndefined();
    h.clock.advance(61_000);
    const res = await h.gql(ME, {}, { token });
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
    expect(res.errors![0]!.message).toMatch(/expired/);
  });

  it('signOut revokes the current session; revokeSession is own-or-admin', async () => {
    const token = await sessionFor(h.prisma, fx.accounts.member.id, { expiresAt: new Date(h.clock.now.getTime() + 3600_000) });
    expect((await h.gql<{ signOut: boolean }>(`mutation { signOut }`, {}, { token })).data!.signOut).toBe(true);
    const after = await h.gql(ME, {}, { token });
    expect(codeOf(after)).toBe('UNAUTHENTICATED');
    expect(after.errors![0]!.message).toMatch(/revoked/);

    const victim = await sessionFor(h.prisma, fx.accounts.leader.id, { expiresAt: new Date(h.clock.now.getTime() + 3600_000) });
    const victimId = (await h.prisma.session.findUniqueOrThrow({ where: { tokenHash: sha256(victim) } })).id;
    const member = await sessionFor(h.prisma, fx.accounts.member.id, { expiresAt: new Date(h.clock.now.getTime() + 3600_000) });
    const revoke = `mutation($id: ID!) { revokeSession(id: $id) { id revokedAt } }`;
    expect(codeOf(await h.gql(revoke, { id: victimId }, { token: member }))).toBe('FORBIDDEN');
    const admin = await sessionFor(h.prisma, fx.accounts.admin.id, { expiresAt: new Date(h.clock.now.getTime() + 3600_000) });
    const done = await h.gql<{ revokeSession: { revokedAt: string } }>(revoke, { id: victimId }, { token: admin });
    expect(done.data!.revokeSession.revokedAt).toBeTruthy();
    expect(codeOf(await h.gql(ME, {}, { token: victim }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await h.gql(revoke, { id: victimId }, { token: admin }))).toBe('CONFLICT');
  });

  it('refuses a malformed or unknown token, and both credentials at once', async () => {
    expect(codeOf(await h.gql(ME, {}, { token: 'garbage' }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await h.gql(ME, {}, { token: 'ljs_' + 'A'.repeat(43) }))).toBe('UNAUTHENTICATED');
    const token = await sessionFor(h.prisma, fx.accounts.member.id, { expiresAt: new Date(h.clock.now.getTime() + 3600_000) });
    const { key } = await apiKeyFor(h.prisma, fx.units.g1.id, ['Member:read']);
    expect(codeOf(await h.gql(ME, {}, { token, apiKey: key }))).toBe('UNAUTHENTICATED');
  });
});

describe('partner API keys', () => {
  it('creates a key shown once, stored hashed, usable, then revocable', async () => {
    const admin = await sessionFor(h.prisma, fx.accounts.admin.id, { expiresAt: new Date(h.clock.now.getTime() + 3600_000) });
    const create = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { id prefix scopes unit { id } lastUsedAt } } }`;
    const bad = await h.gql(create, { input: { name: 'x', scopes: ['Member:write', 'Nope:read'], unitId: fx.units.g1.id } }, { token: admin });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0]!.message).toMatch(/Member:write, Nope:read/);
    const res = await h.gql<{ createApiKey: { key: string; apiKey: { id: string; prefix: string; scopes: string[] } } }>(
      create,
      { input: { name: 'Partner A', scopes: ['Member:read'], unitId: fx.units.g1.id } },
      { token: admin },
    );
    expect(res.errors).toBeUndefined();
    const { key, apiKey } = res.data!.createApiKey;
    expect(key.startsWith(`ljk_${apiKey.prefix}_`)).toBe(true);
    const row = await h.prisma.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
    expect(Buffer.from(row.keyHash).toString('hex')).not.toContain(Buffer.from(key).toString('hex'));

    const me = await h.gql<{ me: { kind: string; scopes: string[]; apiKey: { name: string } } }>(`{ me { kind scopes apiKey { name } } }`, {}, { apiKey: key });
    expect(me.data!.me).toEqual({ kind: 'partner', scopes: ['Member:read'], apiKey: { name: 'Partner A' } });
    await new Promise((r) => setTimeout(r, 100));
    expect((await h.prisma.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } })).lastUsedAt).not.toBeNull();

    const list = await h.gql<{ apiKeys: { totalCount: number } }>(`{ apiKeys(first: 10) { totalCount } }`, {}, { token: admin });
    expect(list.data!.apiKeys.totalCount).toBeGreaterThanOrEqual(1);

    await h.gql(`mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id: apiKey.id }, { token: admin });
    const after = await h.gql(`{ me { kind } }`, {}, { apiKey: key });
    expect(codeOf(after)).toBe('UNAUTHENTICATED');
    expect(after.errors![0]!.message).toMatch(/revoked/);
  });
});
