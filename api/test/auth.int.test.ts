// Sign-in, TOTP second factor (RFC 6238, replay refused), lockout and per-address limits,
// session expiry and revocation, partner keys.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../src/modules/auth/tokens.js';
import { base32Decode, base32Encode, hotp, timeStep, totp } from '../src/modules/auth/totp.js';
import { apiKeyFor, createFixture, PASSWORD, sessionFor, type Fixture } from './fixtures.js';
import { codeOf, startHarness, type GqlResponse, type Harness } from './harness.js';

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

  // Since issue #16 the block is per username *at an address*: the owner elsewhere is unaffected.
  it('blocks a username at an address after repeated failures, even for the right password, until the delay ends', async () => {
    const ip = freshIp();
    for (let i = 0; i < 3; i++) expect(codeOf(await h.gql(SIGN_IN, { u: 'member', p: 'wrong' }, { ip }))).toBe('UNAUTHENTICATED');
    const locked = await h.gql(SIGN_IN, { u: 'member', p: PASSWORD }, { ip });
    expect(codeOf(locked)).toBe('RATE_LIMITED');
    expect(locked.errors![0]!.extensions.retryAfterSeconds).toBe(h.config.lockoutMs / 1000);
    expect(locked.errors![0]!.message).toMatch(/Too many failed sign-in attempts; try again in 15 min/);
    expect((await h.gql<SignInData>(SIGN_IN, { u: 'member', p: PASSWORD }, { ip: freshIp() })).data?.signIn.__typename).toBe('SignedIn');
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

// Issue #16 (3, 4): limits that parallel requests cannot outrun, a second factor with its own
// counter, and throttling that neither locks the owner out from elsewhere nor tells which names exist.
describe('sign-in limits under attack', () => {
  const WRONG = 'not the password';
  const codes = (rs: { errors?: { extensions: { code: string; reason?: unknown } }[] }[]) => rs.map((r) => (r.errors ? (r.errors[0]!.extensions.reason as string | undefined) ?? r.errors[0]!.extensions.code : 'OK'));
  const count = (list: string[], what: string) => list.filter((c) => c === what).length;
  const parallel = <T>(n: number, f: (i: number) => Promise<T>) => Promise.all(Array.from({ length: n }, (_, i) => f(i)));
  const extra: Record<string, { id: string; secret: string }> = {};
  const code = (who: string, at = h.clock.now) => totp(base32Decode(extra[who]!.secret), at);
  /** A fresh time step, so no code of this test is refused as a replay of an earlier one. */
  const nextStep = () => h.clock.advance(30_000);

  beforeAll(async () => {
    const { passwordHash } = await h.prisma.account.findUniqueOrThrow({ where: { id: fx.accounts.secretary.id } });
    for (const username of ['guard1', 'guard2', 'guard3', 'guard4', 'guard5', 'guardm']) {
      const secret = username === 'guardm' ? null : base32Encode(Buffer.from(`${username}-secret-0123456789`));
      const a = await h.prisma.account.create({
        data: { username, displayName: username, passwordHash, role: secret ? 'SECRETARY' : 'LEADER', scopeUnitId: fx.units.b1.id, totpSecret: secret, totpEnabledAt: secret ? new Date() : null },
      });
      extra[username] = { id: a.id, secret: secret ?? '' };
    }
  });

  it('checks at most maxFailedAttempts of 40 parallel wrong passwords for one username', async () => {
    const ip = freshIp();
    const res = codes(await parallel(40, () => h.gql(SIGN_IN, { u: 'member', p: WRONG }, { ip })));
    expect(count(res, 'BAD_CREDENTIALS')).toBe(h.config.maxFailedAttempts);
    expect(count(res, 'RATE_LIMITED')).toBe(40 - h.config.maxFailedAttempts);
  });

  it('checks at most ipMaxFailures of 60 parallel failures from one address', async () => {
    const ip = freshIp();
    const res = codes(await parallel(60, (i) => h.gql(SIGN_IN, { u: `spray${i}`, p: WRONG }, { ip })));
    expect(count(res, 'BAD_CREDENTIALS')).toBe(h.config.ipMaxFailures);
    expect(count(res, 'RATE_LIMITED')).toBe(60 - h.config.ipMaxFailures);
  });

  it('counts wrong TOTP codes across challenges: a correct password does not reset them', async () => {
    nextStep();
    const wrong = hotp(base32Decode(extra.guard1!.secret), timeStep(h.clock.now) + 7);
    const seen: string[] = [];
    for (let round = 0; round < 3; round++) {
      const ip = freshIp();
      const start = await h.gql<SignInData>(SIGN_IN, { u: 'guard1', p: PASSWORD }, { ip });
      expect(start.data?.signIn.__typename).toBe('TotpRequired');
      for (let i = 0; i < h.config.maxFailedAttempts - 1; i++) seen.push(...codes([await h.gql(VERIFY, { c: start.data!.signIn.challenge, code: wrong }, { ip })]));
    }
    expect(count(seen, 'BAD_TOTP')).toBe(h.config.maxFailedAttempts);
    expect(seen.slice(h.config.maxFailedAttempts).every((c) => c === 'RATE_LIMITED')).toBe(true);
    // Locked for the account, from any address, even with the right code …
    const again = await h.gql<SignInData>(SIGN_IN, { u: 'guard1', p: PASSWORD }, { ip: freshIp() });
    const refused = await h.gql(VERIFY, { c: again.data!.signIn.challenge, code: code('guard1') }, { ip: freshIp() });
    expect(codeOf(refused)).toBe('RATE_LIMITED');
    expect(refused.errors![0]!.extensions.retryAfterSeconds).toBeGreaterThan(0);
    // … until the lock ends.
    h.clock.advance(h.config.lockoutMs + 1000);
    const later = await h.gql<SignInData>(SIGN_IN, { u: 'guard1', p: PASSWORD }, { ip: freshIp() });
    expect((await h.gql(VERIFY, { c: later.data!.signIn.challenge, code: code('guard1') }, { ip: freshIp() })).errors).toBeUndefined();
  });

  it('checks at most maxFailedAttempts of 30 parallel wrong codes on one challenge, which then is dead', async () => {
    nextStep();
    const ip = freshIp();
    const start = await h.gql<SignInData>(SIGN_IN, { u: 'guard2', p: PASSWORD }, { ip });
    const challenge = start.data!.signIn.challenge!;
    const res = codes(await parallel(30, (i) => h.gql(VERIFY, { c: challenge, code: String(100000 + i) }, { ip })));
    expect(count(res, 'BAD_TOTP')).toBe(h.config.maxFailedAttempts);
    expect(res.every((c) => ['BAD_TOTP', 'RATE_LIMITED', 'BAD_CHALLENGE'].includes(c))).toBe(true);
    const row = await h.prisma.session.findUniqueOrThrow({ where: { tokenHash: sha256(challenge) } });
    expect(row.revokedAt).not.toBeNull();
    h.clock.advance(h.config.lockoutMs * 4);
    expect(codes([await h.gql(VERIFY, { c: challenge, code: code('guard2') }, { ip })])).toEqual(['BAD_CHALLENGE']);
  });

  it('refuses a reused TOTP code with its own message, without counting it toward a lock', async () => {
    nextStep();
    const ip = freshIp();
    const first = await h.gql<SignInData>(SIGN_IN, { u: 'guard3', p: PASSWORD }, { ip });
    const used = code('guard3');
    expect((await h.gql(VERIFY, { c: first.data!.signIn.challenge, code: used }, { ip })).errors).toBeUndefined();
    const second = await h.gql<SignInData>(SIGN_IN, { u: 'guard3', p: PASSWORD }, { ip });
    for (let i = 0; i < h.config.maxFailedAttempts + 2; i++) {
      const replay = await h.gql(VERIFY, { c: second.data!.signIn.challenge, code: used }, { ip });
      expect(replay.errors![0]!.extensions.reason).toBe('TOTP_REPLAYED');
      expect(replay.errors![0]!.message).toMatch(/already used/);
    }
    nextStep();
    expect((await h.gql(VERIFY, { c: second.data!.signIn.challenge, code: code('guard3') }, { ip })).errors).toBeUndefined();
  });

  it('counts wrong current passwords of changePassword against the same limit', async () => {
    const ip = freshIp();
    const token = await sessionFor(h.prisma, extra.guardm!.id, { expiresAt: new Date(h.clock.now.getTime() + 3600_000) });
    const CHANGE = 'mutation($c: String!, $n: String!) { changePassword(current: $c, next: $n) { id } }';
    const res = codes(await parallel(20, (i) => h.gql(CHANGE, { c: `${WRONG} ${i}`, n: 'a brand new passphrase' }, { token, ip })));
    expect(count(res, 'BAD_USER_INPUT')).toBe(h.config.maxFailedAttempts);
    expect(count(res, 'RATE_LIMITED')).toBe(20 - h.config.maxFailedAttempts);
    // The same budget as signing in from that address.
    expect(codeOf(await h.gql(SIGN_IN, { u: 'guardm', p: PASSWORD }, { ip }))).toBe('RATE_LIMITED');
  });

  it('does not let a stranger lock the owner out: failures elsewhere do not block the owner’s address', async () => {
    const stranger = freshIp();
    // The attack of the report: the limit of wrong passwords every lockout period, for an hour.
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < h.config.maxFailedAttempts; i++) await h.gql(SIGN_IN, { u: 'guard4', p: WRONG }, { ip: stranger });
      h.clock.advance(h.config.lockoutMs + 1000);
    }
    for (let i = 0; i < h.config.maxFailedAttempts; i++) await h.gql(SIGN_IN, { u: 'guard4', p: WRONG }, { ip: stranger });
    expect(codeOf(await h.gql(SIGN_IN, { u: 'guard4', p: PASSWORD }, { ip: stranger }))).toBe('RATE_LIMITED');
    nextStep();
    const owner = freshIp();
    const start = await h.gql<SignInData>(SIGN_IN, { u: 'guard4', p: PASSWORD }, { ip: owner });
    expect(start.data?.signIn.__typename).toBe('TotpRequired');
    expect((await h.gql(VERIFY, { c: start.data!.signIn.challenge, code: code('guard4') }, { ip: owner })).errors).toBeUndefined();
  });

  it('throttles an unknown username exactly like a known one, with one answer (no oracle)', async () => {
    const known = freshIp();
    const unknown = freshIp();
    const a: GqlResponse[] = [];
    const b: GqlResponse[] = [];
    for (let i = 0; i <= h.config.maxFailedAttempts; i++) {
      a.push(await h.gql(SIGN_IN, { u: 'guard5', p: WRONG }, { ip: known }));
      b.push(await h.gql(SIGN_IN, { u: 'no-such-user', p: WRONG }, { ip: unknown }));
    }
    const shape = (r: GqlResponse) => ({
      code: codeOf(r),
      message: r.errors![0]!.message.replace(/\d+/g, 'N'),
      messageZh: String(r.errors![0]!.extensions.messageZh).replace(/\d+/g, 'N'),
      extensions: Object.keys(r.errors![0]!.extensions).sort(),
    });
    expect(a.map(shape)).toEqual(b.map(shape));
    expect(codeOf(a.at(-1)!)).toBe('RATE_LIMITED');
    expect(a.at(-1)!.errors![0]!.extensions.retryAfterSeconds).toBe(b.at(-1)!.errors![0]!.extensions.retryAfterSeconds);
    expect(a.at(-1)!.errors![0]!.message).not.toMatch(/account|locked/i);
  });

  it('an administrator’s password reset lifts the username’s blocks and the second-factor lock', async () => {
    const ip = freshIp();
    for (let i = 0; i < h.config.maxFailedAttempts; i++) await h.gql(SIGN_IN, { u: 'guard2', p: WRONG }, { ip });
    expect(codeOf(await h.gql(SIGN_IN, { u: 'guard2', p: PASSWORD }, { ip }))).toBe('RATE_LIMITED');
    const other = freshIp();
    const start = await h.gql<SignInData>(SIGN_IN, { u: 'guard2', p: PASSWORD }, { ip: other });
    for (let i = 0; i < h.config.maxFailedAttempts; i++) await h.gql(VERIFY, { c: start.data!.signIn.challenge, code: String(200000 + i) }, { ip: other });
    expect((await h.prisma.account.findUniqueOrThrow({ where: { id: extra.guard2!.id } })).lockedUntil!.getTime()).toBeGreaterThan(h.clock.now.getTime());

    const admin = await sessionFor(h.prisma, fx.accounts.admin.id, { expiresAt: new Date(h.clock.now.getTime() + 3600_000) });
    const reset = await h.gql<{ resetPassword: { password: string } }>(`mutation($id: ID!) { resetPassword(id: $id) { password } }`, { id: extra.guard2!.id }, { token: admin });
    expect(reset.errors).toBeUndefined();
    nextStep();
    const again = await h.gql<SignInData>(SIGN_IN, { u: 'guard2', p: reset.data!.resetPassword.password }, { ip });
    expect(again.data?.signIn.__typename).toBe('TotpRequired');
    expect((await h.gql(VERIFY, { c: again.data!.signIn.challenge, code: code('guard2') }, { ip })).errors).toBeUndefined();
  });

  it('doubles the delay each time the limit is reached again', async () => {
    const ip = freshIp();
    const waits: number[] = [];
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < h.config.maxFailedAttempts; i++) expect(codeOf(await h.gql(SIGN_IN, { u: 'nobody-else', p: WRONG }, { ip }))).toBe('UNAUTHENTICATED');
      const limited = await h.gql(SIGN_IN, { u: 'nobody-else', p: WRONG }, { ip });
      expect(codeOf(limited)).toBe('RATE_LIMITED');
      waits.push(limited.errors![0]!.extensions.retryAfterSeconds as number);
      h.clock.advance(waits.at(-1)! * 1000 + 1000);
    }
    const base = h.config.lockoutMs / 1000;
    expect(waits).toEqual([base, base * 2, base * 4]);
  });
});
