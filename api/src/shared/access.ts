// Row-level access: which org units, members and records a principal may see or change.
//   ADMIN      everything
//   LEADER     read: the subtree of their scope unit
//   SECRETARY  read and write: the subtree of their scope unit
//   MEMBER     their own member record and records about them; the org units of their unit's subtree
//   partner    read, for types its scopes name: the subtree of its key's unit
import type { Context } from './context.js';
import { forbidden, notFound, unauthenticated } from './errors.js';
import { requireUuid } from './ids.js';
import { describePrincipal, inSubtree, partnerScope, visibleRoot, WRITER_ROLES, type Principal } from './principal.js';

export interface UnitRef {
  id: string;
  path: string;
  name?: string;
}

function requireSignedIn(p: Principal): asserts p is Exclude<Principal, { kind: 'anonymous' }> {
  if (p.kind === 'anonymous') throw p.refused ? unauthenticated(p.refused.message, p.refused.messageZh) : unauthenticated();
}

function outside(p: Principal, what: string, whatZh: string) {
  return forbidden(
    `${describePrincipal(p)} may not see ${what}: it is outside the org units you are responsible for.`,
    `${describePrincipal(p)} 无权查看${whatZh}：不在您负责的组织范围内。`,
  );
}

export function canSeeUnit(p: Principal, unit: UnitRef): boolean {
  return inSubtree(visibleRoot(p), unit.path);
}

export function assertCanSeeUnit(ctx: Context, unit: UnitRef): void {
  requireSignedIn(ctx.principal);
  if (!canSeeUnit(ctx.principal, unit)) throw outside(ctx.principal, `org unit ${unit.id}`, `组织 ${unit.id}`);
}

/** The subtree a list may cover: `under` if the caller may see it, else their own root. */
export function listRoot(ctx: Context, under: UnitRef | null): string | null {
  requireSignedIn(ctx.principal);
  const root = visibleRoot(ctx.principal);
  if (!under) return root;
  if (!inSubtree(root, under.path)) throw outside(ctx.principal, `the subtree of org unit ${under.id}`, `组织 ${under.id} 及其下级`);
  return under.path;
}

export function assertCanSeeMember(ctx: Context, member: { id: string; unitPath: string }): void {
  const p = ctx.principal;
  requireSignedIn(p);
  if (p.kind === 'account' && p.role === 'MEMBER') {
    if (p.memberId !== member.id) {
      throw forbidden('Members may only see their own record.', '党员只能查看本人的记录。', { memberId: member.id });
    }
    return;
  }
  if (!inSubtree(visibleRoot(p), member.unitPath)) throw outside(p, `member ${member.id}`, `党员 ${member.id}`);
}

/**
 * Whether a row rule for this principal reads the row's unit path: an ADMIN sees every unit, and
 * a MEMBER's member and record rules name their own member id. Skipping the path then saves the
 * unit lookup (a database round trip) without changing any decision.
 */
function rowRuleReadsPath(p: Principal): boolean {
  return !(p.kind === 'account' && (p.role === 'ADMIN' || p.role === 'MEMBER'));
}

/** Read only where `rowRuleReadsPath` is false, and never compared against a real path there. */
const UNREAD_PATH = '';

/**
 * A row's unit path: from the unit loaded with the row (a Prisma include), else through the
 * request's unit DataLoader (one query per request for all rows).
 */
export async function rowUnitPath(ctx: Context, row: { orgUnitId: string; orgUnit?: unknown }): Promise<string> {
  const unit = row.orgUnit as { id?: unknown; path?: unknown } | null | undefined;
  if (unit && unit.id === row.orgUnitId && typeof unit.path === 'string') return unit.path;
  return (await ctx.loaders.orgUnit.load(row.orgUnitId))?.path ?? '\u0000';
}

/** assertCanSeeMember for a member row, loading its unit path only when the rule reads it. */
export async function assertCanSeeMemberRow(ctx: Context, member: { id: string; orgUnitId: string; orgUnit?: unknown }): Promise<void> {
  const unitPath = rowRuleReadsPath(ctx.principal) ? await rowUnitPath(ctx, member) : UNREAD_PATH;
  assertCanSeeMember(ctx, { id: member.id, unitPath });
}

/** assertCanSeeRecord for a record document, loading its unit path only when the rule reads it. */
export async function assertCanSeeRecordIn(
  ctx: Context,
  rec: { type: string; id: string; orgUnitId: string; data: Record<string, unknown> },
): Promise<void> {
  const unitPath = rowRuleReadsPath(ctx.principal) ? await rowUnitPath(ctx, rec) : UNREAD_PATH;
  assertCanSeeRecord(ctx, { type: rec.type, id: rec.id, unitPath, data: rec.data });
}

/**
 * A record document of any verifiable type: partners need "<type>:read"; members see records
 * about themselves (the Member record, or any record whose data names them as `memberId`, or
 * their account as `accountId`).
 */
export function assertCanSeeRecord(
  ctx: Context,
  rec: { type: string; id: string; unitPath: string; data: Record<string, unknown> },
): void {
  const p = ctx.principal;
  requireSignedIn(p);
  if (p.kind === 'partner' && !p.scopes.has(partnerScope(rec.type))) {
    throw forbidden(
      `API key "${p.name}" may not read ${rec.type} records: it lacks the scope "${partnerScope(rec.type)}".`,
      `API 密钥 "${p.name}" 无权读取 ${rec.type} 记录：缺少 "${partnerScope(rec.type)}" 权限。`,
    );
  }
  if (p.kind === 'account' && p.role === 'MEMBER') {
    // A notice receipt names its reader by account: the reader's own.
    const own = (p.memberId !== null && ((rec.type === 'Member' && rec.id === p.memberId) || rec.data.memberId === p.memberId)) || rec.data.accountId === p.accountId;
    if (!own) throw forbidden('Members may only see records about themselves.', '党员只能查看与本人相关的记录。');
    // A proposed appraisal rating is the branch's working paper until it is published.
    if (rec.type === 'AppraisalResult' && rec.data.notifiedAt == null) {
      throw forbidden('This rating is still a proposal: you will see it when the branch publishes the results.', '该评定仍为拟定意见，支部通报结果后您即可查看。');
    }
    return;
  }
  if (!inSubtree(visibleRoot(p), rec.unitPath)) throw outside(p, `${rec.type} ${rec.id}`, `${rec.type} ${rec.id}`);
}

/** The subtree a sweep over many rows may change: `under` (which the caller must be allowed to change), else the caller's own. */
export function writableRoot(ctx: Context, under: UnitRef | null): string | null {
  if (under) assertCanWriteUnit(ctx, under);
  const root = listRoot(ctx, under);
  if (!under && root) assertCanWriteUnit(ctx, { id: '', path: root });
  return root;
}

/** The org unit a list's `under` argument names, null when it is omitted; NOT_FOUND when there is none. */
export async function underUnit(ctx: Context, under: string | number | null | undefined) {
  if (under == null) return null;
  const unit = await ctx.loaders.orgUnit.load(requireUuid('under', under));
  if (!unit) throw notFound('Org unit', '组织', String(under));
  return unit;
}

/**
 * The rows of the subtree a list covers: `under`'s (which the caller must be allowed to see), else
 * everything the caller may see.
 */
export async function subtreeWhere(ctx: Context, under: string | number | null | undefined): Promise<{ orgUnit?: { path: { startsWith: string } } }> {
  const root = listRoot(ctx, await underUnit(ctx, under));
  return root ? { orgUnit: { path: { startsWith: root } } } : {};
}

/** Changes (members, workflows) need an ADMIN, or a SECRETARY whose subtree holds the unit. */
export function assertCanWriteUnit(ctx: Context, unit: UnitRef): void {
  const p = ctx.principal;
  requireSignedIn(p);
  if (p.kind !== 'account' || !WRITER_ROLES.includes(p.role)) {
    throw forbidden(`${describePrincipal(p)} may not make changes: that needs an ADMIN or SECRETARY account.`, `${describePrincipal(p)} 无权修改：需要管理员或书记账号。`);
  }
  if (!inSubtree(visibleRoot(p), unit.path)) {
    // Only the id the caller sent: the name of a unit outside the caller's subtree is not theirs to learn.
    throw forbidden(
      `${describePrincipal(p)} may not change records of org unit ${unit.id}: it is outside your subtree.`,
      `${describePrincipal(p)} 无权修改组织 ${unit.id} 的记录：不在您负责的范围内。`,
      { unitId: unit.id },
    );
  }
}

/** The caller's own member id: for lists and actions about "me" (an account with a member record). */
export function ownMemberId(ctx: Context): string {
  const p = ctx.principal;
  if (p.kind === 'anonymous') throw unauthenticated();
  if (p.kind !== 'account' || !p.memberId) throw forbidden('This account has no member record of its own.', '该账号没有对应的党员记录。');
  return p.memberId;
}

export function actorOf(ctx: Context): string {
  return ctx.principal.kind === 'account' ? ctx.principal.accountId : 'system';
}

/** The caller is this account, or an ADMIN: for an account's own sessions, keys and settings. */
export function assertSelfOrAdmin(ctx: Context, accountId: string, what: string, whatZh: string): void {
  const p = ctx.principal;
  if (p.kind === 'anonymous') throw p.refused ? unauthenticated(p.refused.message, p.refused.messageZh) : unauthenticated();
  if (p.kind === 'account' && (p.accountId === accountId || p.role === 'ADMIN')) return;
  throw forbidden(`${describePrincipal(p)} may not see ${what} of another account.`, `${describePrincipal(p)} 无权查看其他账号的${whatZh}。`);
}
