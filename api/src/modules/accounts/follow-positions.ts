// Accounts follow the positions people hold (docs/decisions/014-committees-and-accounts.md): the
// member appointed 书记 of a unit gets the unit's secretary access on their own account (an
// existing account is re-scoped; a member without one gets a new account, disabled until an
// administrator issues its password), and whoever held it before loses it (their account reverts
// to MEMBER of their own unit, or is disabled when there is no member to revert to). Each runs in
// the caller's transaction, beside the position record that says why.
import { randomBytes } from 'node:crypto';
import { hashPassword, type Account } from '@lianjian/db';
import type { Context } from '../../shared/context.js';
import { inSubtree } from '../../shared/principal.js';
import type { Tx } from '../../shared/records/write.js';

async function endSessions(tx: Tx, ctx: Context, accountId: string): Promise<void> {
  const now = ctx.config.now();
  await tx.session.updateMany({ where: { accountId, revokedAt: null, expiresAt: { gt: now } }, data: { revokedAt: now } });
}

async function freeUsername(tx: Tx, memberId: string): Promise<string> {
  const base = `m-${memberId.replace(/-/g, '').slice(0, 10)}`;
  for (let n = 0; ; n++) {
    const name = n === 0 ? base : `${base}-${n}`;
    if (!(await tx.account.findUnique({ where: { username: name }, select: { id: true } }))) return name;
  }
}

/**
 * Gives the member's account the secretary access of `unit` and returns it. An ADMIN keeps its
 * role, and a SECRETARY whose scope already holds the unit keeps its wider scope.
 */
export async function grantSecretaryAccess(tx: Tx, ctx: Context, member: { id: string; name: string }, unit: { id: string; path: string }): Promise<Account> {
  const account = await tx.account.findUnique({ where: { memberId: member.id }, include: { scopeUnit: { select: { path: true } } } });
  if (!account) {
    // Nobody knows a password for it yet: an administrator issues one (reset password) and enables it.
    return tx.account.create({
      data: {
        username: await freeUsername(tx, member.id),
        displayName: member.name.slice(0, 50),
        passwordHash: await hashPassword(randomBytes(24).toString('base64url')),
        role: 'SECRETARY',
        scopeUnitId: unit.id,
        memberId: member.id,
        disabledAt: ctx.config.now(),
        createdAt: ctx.config.now(),
      },
    });
  }
  if (account.role === 'ADMIN' || (account.role === 'SECRETARY' && inSubtree(account.scopeUnit.path, unit.path))) return account;
  const updated = await tx.account.update({
    where: { id: account.id },
    // A newly privileged account enrols a fresh second factor at its next sign-in.
    data: { role: 'SECRETARY', scopeUnitId: unit.id, ...(account.role === 'MEMBER' ? { totpSecret: null, totpEnabledAt: null } : {}) },
  });
  await endSessions(tx, ctx, account.id);
  return updated;
}

/**
 * Ends the secretary access the member's account has at `unitId` (only there: access that came
 * from another position, or an ADMIN's, stays). Returns the account changed, if any.
 */
export async function endSecretaryAccess(tx: Tx, ctx: Context, memberId: string, unitId: string): Promise<Account | null> {
  const account = await tx.account.findUnique({ where: { memberId } });
  if (!account || account.role !== 'SECRETARY' || account.scopeUnitId !== unitId) return null;
  return revert(tx, ctx, account);
}

async function revert(tx: Tx, ctx: Context, account: Account): Promise<Account> {
  const member = account.memberId ? await tx.member.findUnique({ where: { id: account.memberId }, include: { orgUnit: { select: { dissolvedOn: true } } } }) : null;
  const usable = member && member.status === 'ACTIVE' && !member.orgUnit.dissolvedOn;
  const updated = await tx.account.update({
    where: { id: account.id },
    data: usable
      ? { role: 'MEMBER', scopeUnitId: member.orgUnitId, totpSecret: null, totpEnabledAt: null }
      : { disabledAt: account.disabledAt ?? ctx.config.now() },
  });
  await endSessions(tx, ctx, account.id);
  return updated;
}

/**
 * The accounts scoped at a unit that is merged or dissolved: a member's account follows the member
 * (MEMBER of their unit now), others are disabled; ADMIN accounts are left alone.
 */
export async function retireScopedAccounts(tx: Tx, ctx: Context, unitId: string): Promise<number> {
  const accounts = await tx.account.findMany({ where: { scopeUnitId: unitId, role: { not: 'ADMIN' } } });
  for (const a of accounts) {
    if (a.role === 'MEMBER' && a.memberId) {
      const m = await tx.member.findUnique({ where: { id: a.memberId }, select: { orgUnitId: true } });
      if (m && m.orgUnitId !== unitId) {
        await tx.account.update({ where: { id: a.id }, data: { scopeUnitId: m.orgUnitId } });
        continue;
      }
    }
    await revert(tx, ctx, a);
  }
  return accounts.length;
}
