// Sign-in: password (scrypt, @lianjian/db), then for ADMIN/LEADER/SECRETARY a TOTP second factor.
// A password success for a privileged account creates a *challenge*: a session row without
// `secondFactorAt`, short-lived, good only for verifyTotp, which turns it into a full session
// under a fresh token. Failures count per account (lockout, in the database) and per address.
import { hashPassword, verifyPassword, type Account, type Session } from '@lianjian/db';
import type { Context } from '../context.js';
import { appError, ErrorCode, rateLimited } from '../errors.js';
import { isPrivileged, type AccountPrincipal } from './principal.js';
import { newSessionToken, SESSION_PREFIX, sha256 } from './tokens.js';
import { base32Decode, base32Encode, matchTotp, stepStart, TOTP_STEP_SECONDS, timeStep } from './totp.js';
import { randomBytes } from 'node:crypto';

export type SignInResult =
  | { kind: 'SignedIn'; token: string; session: Session; account: Account }
  | { kind: 'TotpRequired'; challenge: string; expiresAt: Date; enrollment: { secret: string; otpauthUri: string } | null };

let dummyHash: Promise<string> | undefined;
/** Verified against when the username is unknown, so timing does not reveal which names exist. */
function dummy(): Promise<string> {
  return (dummyHash ??= hashPassword(randomBytes(16).toString('hex')));
}

const wrongCredentials = () =>
  appError(ErrorCode.UNAUTHENTICATED, 'Wrong username or password.', { messageZh: '用户名或密码错误。', extensions: { reason: 'BAD_CREDENTIALS' } });

function checkIp(ctx: Context): void {
  const wait = ctx.ipLimiter.retryAfter(ctx.request.ip, ctx.config.now());
  if (wait > 0) {
    throw rateLimited(wait, `Too many failed sign-ins from your address; try again in ${wait} s.`, `您所在地址登录失败次数过多，请 ${wait} 秒后再试。`);
  }
}

function checkLocked(ctx: Context, account: Pick<Account, 'lockedUntil'>): void {
  const now = ctx.config.now();
  if (account.lockedUntil && account.lockedUntil > now) {
    const wait = Math.ceil((account.lockedUntil.getTime() - now.getTime()) / 1000);
    throw rateLimited(
      wait,
      `This account is locked after repeated failed sign-ins; try again in ${Math.ceil(wait / 60)} min or ask an administrator.`,
      `该账号因多次登录失败已被锁定，请 ${Math.ceil(wait / 60)} 分钟后再试或联系管理员。`,
    );
  }
}

/** Counts a failure against the address and (when known) the account; locks it at the limit. */
async function fail(ctx: Context, accountId: string | null): Promise<void> {
  const now = ctx.config.now();
  ctx.ipLimiter.fail(ctx.request.ip, now);
  if (!accountId) return;
  const lockedUntil = new Date(now.getTime() + ctx.config.lockoutMs);
  // One statement, so concurrent failures cannot each read the old count.
  await ctx.prisma.$executeRaw`
    UPDATE account SET
      failed_attempts = CASE WHEN failed_attempts + 1 >= ${ctx.config.maxFailedAttempts} THEN 0 ELSE failed_attempts + 1 END,
      locked_until = CASE WHEN failed_attempts + 1 >= ${ctx.config.maxFailedAttempts} THEN ${lockedUntil} ELSE locked_until END
    WHERE id = ${accountId}::uuid`;
}

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
  checkIp(ctx);
  const account = await ctx.prisma.account.findUnique({ where: { username: username.trim() } });
  if (account) checkLocked(ctx, account);
  const ok = account ? await verifyPassword(password, account.passwordHash).catch(() => false) : (await verifyPassword(password, await dummy()), false);
  if (!account || !ok) {
    await fail(ctx, account?.id ?? null);
    throw wrongCredentials();
  }
  if (account.disabledAt) {
    throw appError(ErrorCode.FORBIDDEN, 'This account is disabled — contact an administrator.', { messageZh: '该账号已停用，请联系管理员。' });
  }
  const now = ctx.config.now();
  await ctx.prisma.account.update({ where: { id: account.id }, data: { failedAttempts: 0, lockedUntil: null, lastLoginAt: now } });

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

/**
 * Completes a challenge with a TOTP code. A code is accepted once: RFC 6238 §5.2 asks the
 * verifier to refuse a second use, so a code whose time step is not later than the last step
 * this account used is refused. That last step is kept in `session.second_factor_at`, which is
 * set to the start of the matched step (so it is at most one step from the actual time).
 */
export async function verifyTotp(ctx: Context, challenge: string, code: string): Promise<SignInResult & { kind: 'SignedIn' }> {
  checkIp(ctx);
  if (!challenge.startsWith(SESSION_PREFIX)) throw badChallenge();
  const pending = await ctx.prisma.session.findUnique({ where: { tokenHash: sha256(challenge) }, include: { account: true } });
  const now = ctx.config.now();
  if (!pending || pending.revokedAt || pending.secondFactorAt || pending.expiresAt <= now || !pending.account.totpSecret) throw badChallenge();
  checkLocked(ctx, pending.account);

  const result = await ctx.prisma.$transaction(async (tx) => {
    // Serialises second factors of one account, so one code cannot win twice concurrently.
    await tx.$queryRaw`SELECT id FROM account WHERE id = ${pending.accountId}::uuid FOR UPDATE`;
    const step = matchTotp(base32Decode(pending.account.totpSecret!), code.trim(), now);
    if (step === null) return { error: 'wrong' as const };
    const last = await tx.session.aggregate({ where: { accountId: pending.accountId, secondFactorAt: { not: null } }, _max: { secondFactorAt: true } });
    const lastAt = last._max.secondFactorAt;
    if (lastAt && step <= timeStep(lastAt)) return { error: 'replay' as const };
    const { token, hash } = newSessionToken();
    // A concurrent verifyTotp on the same challenge may have completed it meanwhile.
    const claimed = await tx.session.updateMany({
      where: { id: pending.id, secondFactorAt: null, revokedAt: null },
      data: { tokenHash: hash, secondFactorAt: stepStart(step), expiresAt: new Date(now.getTime() + ctx.config.sessionTtlMs) },
    });
    if (claimed.count !== 1) throw badChallenge();
    const session = await tx.session.findUniqueOrThrow({ where: { id: pending.id } });
    const account = await tx.account.update({
      where: { id: pending.accountId },
      data: { failedAttempts: 0, ...(pending.account.totpEnabledAt ? {} : { totpEnabledAt: now }) },
    });
    return { token, session, account };
  });

  if ('error' in result) {
    await fail(ctx, pending.accountId);
    if (result.error === 'replay') {
      throw appError(ErrorCode.UNAUTHENTICATED, 'This code was already used. Wait for your authenticator to show the next code and enter that.', {
        messageZh: '该验证码已使用过，请等待验证器显示下一个验证码后输入。',
        extensions: { reason: 'TOTP_REPLAYED' },
      });
    }
    throw appError(ErrorCode.UNAUTHENTICATED, 'Wrong code. Enter the 6-digit code your authenticator app shows now (check the phone\'s clock if it keeps failing).', {
      messageZh: '验证码错误。请输入验证器当前显示的 6 位验证码（若多次失败请检查手机时间）。',
      extensions: { reason: 'BAD_TOTP' },
    });
  }
  await actAs(ctx, result.account, result.session.id);
  return { kind: 'SignedIn', ...result };
}
