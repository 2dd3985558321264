// Sign-in: password (scrypt, @lianjian/db), then for ADMIN/LEADER/SECRETARY a TOTP second factor.
// A password success for a privileged account creates a *challenge*: a session row without
// `secondFactorAt`, short-lived, good only for verifyTotp, which turns it into a full session
// under a fresh token. Wrong passwords are throttled per client address and per username at an
// address (rate-limit.ts); wrong codes per account (account.failed_attempts), which a correct
// password does not reset.
import { hashPassword, verifyPassword, type Account, type Session } from '@lianjian/db';
import type { Context } from '../../shared/context.js';
import { appError, ErrorCode, rateLimited } from '../../shared/errors.js';
import { isPrivileged, type AccountPrincipal } from '../../shared/principal.js';
import { blockMs, throttled } from './rate-limit.js';
import { newSessionToken, SESSION_PREFIX, sha256 } from './tokens.js';
import { base32Decode, base32Encode, matchTotp, stepStart, TOTP_STEP_SECONDS, timeStep } from './totp.js';
import { randomBytes } from 'node:crypto';

export type SignInResult =
  | { kind: 'SignedIn'; token: string; session: Session; account: Account }
  | { kind: 'TotpRequired'; challenge: string; expiresAt: Date; enrollment: { secret: string; otpauthUri: string } | null };

let dummyHash: Promise<string> | undefined;
/**
 * Verified against when the username is unknown, so timing does not reveal which names exist.
 * Every sign-in awaits it, so the first one of either kind pays for creating it.
 */
function dummy(): Promise<string> {
  return (dummyHash ??= hashPassword(randomBytes(16).toString('hex')));
}

const wrongCredentials = () =>
  appError(ErrorCode.UNAUTHENTICATED, 'Wrong username or password.', { messageZh: '用户名或密码错误。', extensions: { reason: 'BAD_CREDENTIALS' } });

async function createSession(ctx: Context, accountId: string, ttlMs: number, secondFactorAt: Date | null) {
  const { token, hash } = newSessionToken();
  const now = ctx.config.now();
  const session = await ctx.prisma.session.create({
    data: {
      accountId,
      tokenHash: hash,
      secondFactorAt,
      createdAt: now,
      expiresAt: new Date(now.getTime() + ttlMs),
      userAgent: ctx.request.userAgent?.slice(0, 300) ?? null,
    },
  });
  return { token, session };
}

/** From now on this request acts as the signed-in account (so the response may show it). */
async function actAs(ctx: Context, account: Account, sessionId: string): Promise<void> {
  const unit = await ctx.prisma.orgUnit.findUniqueOrThrow({ where: { id: account.scopeUnitId }, select: { path: true } });
  const principal: AccountPrincipal = {
    kind: 'account',
    accountId: account.id,
    username: account.username,
    displayName: account.displayName,
    role: account.role,
    scopeUnitId: account.scopeUnitId,
    scopePath: unit.path,
    memberId: account.memberId,
    sessionId,
  };
  ctx.principal = principal;
}

function otpauthUri(account: Account, secret: string): string {
  const label = encodeURIComponent(`Lianjian:${account.username}`);
  return `otpauth://totp/${label}?secret=${secret}&issuer=Lianjian&algorithm=SHA1&digits=6&period=${TOTP_STEP_SECONDS}`;
}

export async function signIn(ctx: Context, username: string, password: string): Promise<SignInResult> {
  const name = username.trim();
  const account = await throttled(
    ctx,
    name,
    async () => {
      const fallback = await dummy();
      const found = await ctx.prisma.account.findUnique({ where: { username: name } });
      const matches = await verifyPassword(password, found?.passwordHash ?? fallback).catch(() => false);
      return matches ? found : null;
    },
    (found) => found === null,
  );
  if (!account) throw wrongCredentials();
  return afterPassword(ctx, account);
}

async function afterPassword(ctx: Context, account: Account): Promise<SignInResult> {
  if (account.disabledAt) {
    throw appError(ErrorCode.FORBIDDEN, 'This account is disabled — contact an administrator.', { messageZh: '该账号已停用，请联系管理员。' });
  }
  // Not failedAttempts: that counts wrong second-factor codes, which a password must not forgive.
  await ctx.prisma.account.update({ where: { id: account.id }, data: { lastLoginAt: ctx.config.now() } });

  if (!isPrivileged(account.role)) {
    const { token, session } = await createSession(ctx, account.id, ctx.config.sessionTtlMs, null);
    await actAs(ctx, account, session.id);
    return { kind: 'SignedIn', token, session, account };
  }
  let enrollment: { secret: string; otpauthUri: string } | null = null;
  if (!account.totpSecret || !account.totpEnabledAt) {
    // First sign-in of a privileged account: hand out a secret; the first valid code enables it.
    const secret = account.totpSecret ?? base32Encode(randomBytes(20));
    if (!account.totpSecret) await ctx.prisma.account.update({ where: { id: account.id }, data: { totpSecret: secret } });
    enrollment = { secret, otpauthUri: otpauthUri(account, secret) };
  }
  const { token, session } = await createSession(ctx, account.id, ctx.config.challengeTtlMs, null);
  return { kind: 'TotpRequired', challenge: token, expiresAt: session.expiresAt, enrollment };
}

const badChallenge = () =>
  appError(ErrorCode.UNAUTHENTICATED, 'This sign-in challenge is invalid, used or expired — sign in with your password again.', {
    messageZh: '该登录验证已失效（无效、已使用或已过期），请重新输入密码登录。',
    extensions: { reason: 'BAD_CHALLENGE' },
  });

const secondFactorLocked = (wait: number) =>
  rateLimited(
    wait,
    `Too many wrong codes for this account; try again in ${Math.ceil(wait / 60)} min, or ask an administrator to reset the password.`,
    `该账号验证码错误次数过多，请 ${Math.ceil(wait / 60)} 分钟后再试，或请管理员重置密码。`,
  );

type TotpOutcome =
  | { error: 'challenge' | 'wrong' | 'replay' }
  | { error: 'locked'; until: Date }
  | { token: string; session: Session; account: Account };

/**
 * Completes a challenge with a TOTP code. A code is accepted once: RFC 6238 §5.2 asks the
 * verifier to refuse a second use, so a code whose time step is not later than the last step
 * this account used is refused — without counting as a wrong code, since only a right code can
 * be replayed. That last step is kept in `session.second_factor_at`, which is set to the start of
 * the matched step (so it is at most one step from the actual time).
 *
 * Wrong codes count per account (failed_attempts, reset only by a right code or an
 * administrator): every `maxFailedAttempts` of them lock the second factor for `lockoutMs`,
 * doubling each time, and revoke every open challenge — so a challenge takes at most that many
 * wrong codes. They also count against the client address.
 */
export async function verifyTotp(ctx: Context, challenge: string, code: string): Promise<SignInResult & { kind: 'SignedIn' }> {
  if (!challenge.startsWith(SESSION_PREFIX)) throw badChallenge();
  const result = await throttled(ctx, null, () => checkCode(ctx, challenge, code.trim()), (r) => 'error' in r && r.error === 'wrong');
  if ('error' in result) {
    switch (result.error) {
      case 'challenge':
        throw badChallenge();
      case 'locked':
        throw secondFactorLocked(Math.max(1, Math.ceil((result.until.getTime() - ctx.config.now().getTime()) / 1000)));
      case 'replay':
        throw appError(ErrorCode.UNAUTHENTICATED, 'This code was already used. Wait for your authenticator to show the next code and enter that.', {
          messageZh: '该验证码已使用过，请等待验证器显示下一个验证码后输入。',
          extensions: { reason: 'TOTP_REPLAYED' },
        });
      case 'wrong':
        throw appError(ErrorCode.UNAUTHENTICATED, 'Wrong code. Enter the 6-digit code your authenticator app shows now (check the phone\'s clock if it keeps failing).', {
          messageZh: '验证码错误。请输入验证器当前显示的 6 位验证码（若多次失败请检查手机时间）。',
          extensions: { reason: 'BAD_TOTP' },
        });
    }
  }
  await actAs(ctx, result.account, result.session.id);
  return { kind: 'SignedIn', ...result };
}

function checkCode(ctx: Context, challenge: string, code: string): Promise<TotpOutcome> {
  return ctx.prisma.$transaction(async (tx): Promise<TotpOutcome> => {
    const found = await tx.session.findUnique({ where: { tokenHash: sha256(challenge) }, select: { id: true, accountId: true } });
    if (!found) return { error: 'challenge' };
    // Serialises second factors of one account: the counter, the lock, the replay check and the
    // challenge's state are read after every earlier attempt has committed.
    await tx.$queryRaw`SELECT id FROM account WHERE id = ${found.accountId}::uuid FOR UPDATE`;
    const account = await tx.account.findUniqueOrThrow({ where: { id: found.accountId } });
    const pending = await tx.session.findUniqueOrThrow({ where: { id: found.id } });
    const now = ctx.config.now();
    // The lock first: a challenge it revoked should say how long to wait, not "sign in again".
    if (account.lockedUntil && account.lockedUntil > now && !pending.secondFactorAt) return { error: 'locked', until: account.lockedUntil };
    if (pending.revokedAt || pending.secondFactorAt || pending.expiresAt <= now || !account.totpSecret) return { error: 'challenge' };

    const step = matchTotp(base32Decode(account.totpSecret), code, now);
    if (step === null) {
      const failures = account.failedAttempts + 1;
      const limit = ctx.config.maxFailedAttempts;
      const lock = failures % limit === 0 ? new Date(now.getTime() + blockMs(ctx.config.lockoutMs, failures / limit - 1)) : null;
      await tx.account.update({ where: { id: account.id }, data: { failedAttempts: failures, ...(lock ? { lockedUntil: lock } : {}) } });
      if (lock) await tx.session.updateMany({ where: { accountId: account.id, secondFactorAt: null, revokedAt: null }, data: { revokedAt: now } });
      return { error: 'wrong' };
    }
    const last = await tx.session.aggregate({ where: { accountId: account.id, secondFactorAt: { not: null } }, _max: { secondFactorAt: true } });
    const lastAt = last._max.secondFactorAt;
    if (lastAt && step <= timeStep(lastAt)) return { error: 'replay' };
    const { token, hash } = newSessionToken();
    const session = await tx.session.update({
      where: { id: pending.id },
      data: { tokenHash: hash, secondFactorAt: stepStart(step), expiresAt: new Date(now.getTime() + ctx.config.sessionTtlMs) },
    });
    const updated = await tx.account.update({
      where: { id: account.id },
      data: { failedAttempts: 0, lockedUntil: null, ...(account.totpEnabledAt ? {} : { totpEnabledAt: now }) },
    });
    return { token, session, account: updated };
  });
}
