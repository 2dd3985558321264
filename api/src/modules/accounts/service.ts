// Account management: create (with a one-time password), change role or scope, disable and
// enable, reset the password (and, for privileged accounts, the second factor). Every change
// that alters what an account may do revokes its sessions, so it signs in again under the new
// rules; TOTP enrolment of privileged accounts happens at that sign-in (auth/sign-in.ts).
import { hashPassword, verifyPassword, type Account, type OrgUnit, type Role } from '@lianjian/db';
import type { Context } from '../../shared/context.js';
import { badArgument, conflict, FieldErrors, notFound } from '../../shared/errors.js';
import { requireUuid } from '../../shared/ids.js';
import { inSubtree, isPrivileged } from '../../shared/principal.js';
import { forgetUsername, throttled } from '../auth/rate-limit.js';
import { assertCanManageAccount, requireAccountManager } from './access.js';
import { MIN_PASSWORD_LENGTH, oneTimePassword } from './password.js';

export interface CreateAccountFields {
  username: string;
  displayName: string;
  role: Role;
  scopeUnitId?: string | null;
  memberId?: string | null;
}

export interface IssuedPassword {
  accountId: string;
  password: string;
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,31}$/;
const CONTROL = /[\u0000-\u001f\u007f]/;

/** The unit an account would be scoped to, which the caller must be able to hand out. */
async function scopeUnit(ctx: Context, errs: FieldErrors, field: string, id: string, callerPath: string | null): Promise<OrgUnit | null> {
  const unit = await ctx.prisma.orgUnit.findUnique({ where: { id: requireUuid(field, id) } });
  if (!unit) errs.add(field, `names org unit ${id}, which does not exist.`, `指向的组织 ${id} 不存在。`);
  else if (!inSubtree(callerPath, unit.path)) errs.add(field, `names ${unit.name}, which is outside your subtree.`, `${unit.name} 不在您负责的范围内。`);
  else if (unit.dissolvedOn) errs.add(field, `names ${unit.name}, which was dissolved.`, `${unit.name} 已撤销。`);
  else return unit;
  return null;
}

function checkRoleAllowed(errs: FieldErrors, field: string, callerRole: 'ADMIN' | 'SECRETARY', role: Role): void {
  if (callerRole === 'SECRETARY' && role !== 'MEMBER') {
    errs.add(field, 'can only be MEMBER: secretaries create and manage member accounts; ask an administrator for other roles.', '只能为 MEMBER：书记只能管理党员账号，其他角色请联系管理员。');
  }
}

async function revokeSessions(ctx: Context, accountId: string): Promise<number> {
  const now = ctx.config.now();
  const r = await ctx.prisma.session.updateMany({ where: { accountId, revokedAt: null, expiresAt: { gt: now } }, data: { revokedAt: now } });
  return r.count;
}

function callerPathOf(m: { role: 'ADMIN' | 'SECRETARY'; scopePath: string }): string | null {
  return m.role === 'ADMIN' ? null : m.scopePath;
}

export async function createAccount(ctx: Context, input: CreateAccountFields): Promise<IssuedPassword> {
  const m = requireAccountManager(ctx);
  const errs = new FieldErrors();
  const username = input.username.trim();
  if (!USERNAME.test(username)) {
    errs.add('input.username', 'must be 3 to 32 characters: lower-case letters, digits, ".", "_" or "-", starting with a letter or digit.', '应为 3 到 32 个字符：小写字母、数字、"."、"_" 或 "-"，以字母或数字开头。');
  } else if (await ctx.prisma.account.findUnique({ where: { username }, select: { id: true } })) {
    errs.add('input.username', `"${username}" is taken: choose another username.`, `用户名"${username}"已被使用，请换一个。`);
  }
  const displayName = input.displayName.trim();
  if (!displayName || displayName.length > 50 || CONTROL.test(displayName)) errs.add('input.displayName', 'must be 1 to 50 characters, without control characters.', '应为 1 到 50 个字符，且不含控制字符。');
  checkRoleAllowed(errs, 'input.role', m.role, input.role);

  const callerPath = callerPathOf(m);
  let memberUnit: OrgUnit | null = null;
  if (input.memberId) {
    const member = await ctx.prisma.member.findUnique({ where: { id: requireUuid('input.memberId', input.memberId) }, include: { orgUnit: true, account: { select: { username: true } } } });
    if (!member) errs.add('input.memberId', `names member ${input.memberId}, who does not exist.`, `党员 ${input.memberId} 不存在。`);
    else if (!inSubtree(callerPath, member.orgUnit.path)) errs.add('input.memberId', 'names a member outside your subtree.', '该党员不在您负责的范围内。');
    else if (member.account) errs.add('input.memberId', `already has the account "${member.account.username}".`, `该党员已有账号"${member.account.username}"。`);
    else if (member.status !== 'ACTIVE') errs.add('input.memberId', `names a member whose status is ${member.status}.`, `该党员状态为 ${member.status}。`);
    else memberUnit = member.orgUnit;
  } else if (input.role === 'MEMBER') {
    errs.add('input.memberId', 'is required for a MEMBER account: it is the record the member will see.', 'MEMBER 账号必须关联党员记录。');
  }

  let unit: OrgUnit | null = null;
  if (input.scopeUnitId) unit = await scopeUnit(ctx, errs, 'input.scopeUnitId', String(input.scopeUnitId), callerPath);
  else if (input.role === 'MEMBER') unit = memberUnit;
  else errs.add('input.scopeUnitId', `is required for a ${input.role} account: the root of the subtree it will see.`, `${input.role} 账号必须指定管辖组织。`);
  if (input.role === 'MEMBER' && unit && memberUnit && unit.id !== memberUnit.id) {
    errs.add('input.scopeUnitId', "must be the member's own unit for a MEMBER account.", 'MEMBER 账号的组织应为该党员所在组织。');
  }
  errs.throwIfAny();

  const password = oneTimePassword();
  try {
    const account = await ctx.prisma.account.create({
      data: {
        username,
        displayName,
        passwordHash: await hashPassword(password),
        role: input.role,
        scopeUnitId: unit!.id,
        memberId: input.memberId ?? null,
        createdAt: ctx.config.now(),
      },
    });
    return { accountId: account.id, password };
  } catch (err) {
    // A concurrent create of the same username or for the same member.
    if (err instanceof Error && 'code' in err && (err as { code: string }).code === 'P2002') {
      throw conflict('Another account with this username or member was created meanwhile; reload and try again.', '同时已有人创建了相同用户名或同一党员的账号，请刷新后重试。');
    }
    throw err;
  }
}

async function load(ctx: Context, id: string): Promise<Account> {
  requireAccountManager(ctx);
  const account = await ctx.prisma.account.findUnique({ where: { id: requireUuid('id', id) } });
  if (!account) throw notFound('Account', '账号', id);
  await assertCanManageAccount(ctx, account);
  return account;
}

function notSelf(ctx: Context, account: Account, what: string, whatZh: string): void {
  if (ctx.principal.kind === 'account' && ctx.principal.accountId === account.id) {
    throw badArgument('id', `is your own account: you cannot ${what} yourself — ask another administrator.`, `是您本人的账号：不能${whatZh}自己的账号，请联系其他管理员。`);
  }
}

export async function changeAccountAccess(ctx: Context, id: string, role: Role | null | undefined, scopeUnitId: string | null | undefined): Promise<Account> {
  const account = await load(ctx, id);
  notSelf(ctx, account, 'change the role or scope of', '修改');
  const m = requireAccountManager(ctx);
  const errs = new FieldErrors();
  if (role == null && scopeUnitId == null) errs.add('role', 'and scopeUnitId are both missing: give at least one to change.', '和 scopeUnitId 均未提供：请至少提供一项。');
  if (role != null) checkRoleAllowed(errs, 'role', m.role, role);
  const newRole = role ?? account.role;
  if (newRole === 'MEMBER' && !account.memberId) errs.add('role', 'cannot be MEMBER for an account without a member record.', '未关联党员记录的账号不能设为 MEMBER。');
  const unit = scopeUnitId != null ? await scopeUnit(ctx, errs, 'scopeUnitId', String(scopeUnitId), callerPathOf(m)) : null;
  errs.throwIfAny();
  if (newRole === account.role && (unit === null || unit.id === account.scopeUnitId)) {
    throw conflict('The account already has this role and scope.', '该账号已是此角色和管辖范围。');
  }
  const updated = await ctx.prisma.account.update({
    where: { id: account.id },
    data: {
      role: newRole,
      ...(unit ? { scopeUnitId: unit.id } : {}),
      // A newly privileged account enrols a fresh second factor at its next sign-in.
      ...(isPrivileged(newRole) && !isPrivileged(account.role) ? { totpSecret: null, totpEnabledAt: null } : {}),
    },
  });
  await revokeSessions(ctx, account.id);
  return updated;
}

export async function setAccountDisabled(ctx: Context, id: string, disabled: boolean): Promise<Account> {
  const account = await load(ctx, id);
  if (disabled) notSelf(ctx, account, 'disable', '停用');
  if (disabled === (account.disabledAt !== null)) {
    throw conflict(disabled ? 'This account is already disabled.' : 'This account is not disabled.', disabled ? '该账号已停用。' : '该账号未停用。');
  }
  const updated = await ctx.prisma.account.update({
    where: { id: account.id },
    data: disabled ? { disabledAt: ctx.config.now() } : { disabledAt: null, failedAttempts: 0, lockedUntil: null },
  });
  if (disabled) await revokeSessions(ctx, account.id);
  else await forgetUsername(ctx.prisma, account.username);
  return updated;
}

export async function resetPassword(ctx: Context, id: string, resetTotp: boolean): Promise<IssuedPassword> {
  const account = await load(ctx, id);
  notSelf(ctx, account, 'reset the password of', '重置');
  if (resetTotp && !isPrivileged(account.role)) {
    throw badArgument('resetTotp', `applies to privileged accounts only; ${account.username} is a ${account.role} account without a second factor.`, `仅适用于需要双因素认证的账号；${account.username} 是 ${account.role} 账号。`);
  }
  const password = oneTimePassword();
  await ctx.prisma.account.update({
    where: { id: account.id },
    data: {
      passwordHash: await hashPassword(password),
      passwordChangedAt: null,
      failedAttempts: 0,
      lockedUntil: null,
      ...(resetTotp ? { totpSecret: null, totpEnabledAt: null } : {}),
    },
  });
  await forgetUsername(ctx.prisma, account.username);
  await revokeSessions(ctx, account.id);
  return { accountId: account.id, password };
}

/** The signed-in account replaces its password (e.g. the one-time password it was given). */
export async function changeOwnPassword(ctx: Context, current: string, next: string): Promise<Account> {
  const p = ctx.principal;
  if (p.kind !== 'account') throw badArgument('current', 'needs an account session.', '需要以账号登录。');
  const account = await ctx.prisma.account.findUniqueOrThrow({ where: { id: p.accountId } });
  const errs = new FieldErrors();
  // Counted like a sign-in at this address, or a stolen session could guess the password freely.
  const matches = await throttled(ctx, account.username, () => verifyPassword(current, account.passwordHash).catch(() => false), (ok) => !ok);
  if (!matches) errs.add('current', 'is not your current password.', '当前密码不正确。');
  if (next.length < MIN_PASSWORD_LENGTH || next.length > 1024) errs.add('next', `must be ${MIN_PASSWORD_LENGTH} to 1024 characters.`, `长度应为 ${MIN_PASSWORD_LENGTH} 到 1024 个字符。`);
  else if (next === current) errs.add('next', 'must differ from the current password.', '不能与当前密码相同。');
  errs.throwIfAny();
  const updated = await ctx.prisma.account.update({ where: { id: account.id }, data: { passwordHash: await hashPassword(next), passwordChangedAt: ctx.config.now() } });
  // Other sessions end: whoever knew the old password is signed out.
  await ctx.prisma.session.updateMany({ where: { accountId: account.id, revokedAt: null, NOT: { id: p.sessionId } }, data: { revokedAt: ctx.config.now() } });
  return updated;
}
