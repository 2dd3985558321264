// Who a notice is for, resolved when asked rather than stored per reader: a notice to a whole
// committee's subtree is one row, however many members that is. An account is in the audience
// when it is not disabled and
//   SUBTREE  its scope unit lies in the publishing unit's subtree,
//   ROLES    that, and its role is one of the notice's roles,
//   MEMBERS  it is the account of one of the chosen members.
// Both directions are answered here: "is this account in it" (for one reader, as a Prisma where
// over notices) and "which accounts are in it" (for the publisher's counts, as SQL over accounts).
import { Prisma, type Notice } from '@lianjian/db';
import { pathsAbove, type AccountPrincipal } from '../../shared/principal.js';

/** The notices whose audience includes this account (withdrawn ones too: they stay on view, marked). */
export function addressedTo(p: AccountPrincipal): Prisma.NoticeWhereInput {
  const above = { orgUnit: { path: { in: pathsAbove(p.scopePath) } } };
  return {
    OR: [
      { audience: 'SUBTREE', ...above },
      { audience: 'ROLES', roles: { has: p.role }, ...above },
      ...(p.memberId ? [{ audience: 'MEMBERS' as const, memberIds: { has: p.memberId } }] : []),
    ],
  };
}

export function isAddressedTo(n: Pick<Notice, 'audience' | 'roles' | 'memberIds'>, unitPath: string, p: AccountPrincipal): boolean {
  if (n.audience === 'MEMBERS') return p.memberId !== null && n.memberIds.includes(p.memberId);
  if (!p.scopePath.startsWith(unitPath)) return false;
  return n.audience === 'SUBTREE' || n.roles.includes(p.role);
}

/**
 * SQL over the accounts in the notice's audience with their receipt of it, if any: `a` is the
 * account, `su` its scope unit, `r` the receipt (null columns when there is none). Callers add
 * their own conditions after it with AND.
 */
export function audienceSql(n: Pick<Notice, 'id' | 'audience' | 'roles' | 'memberIds'>, unitPath: string): Prisma.Sql {
  const from = Prisma.sql`FROM account a JOIN org_unit su ON su.id = a.scope_unit_id
    LEFT JOIN notice_receipt r ON r.notice_id = ${n.id}::uuid AND r.account_id = a.id
    WHERE a.disabled_at IS NULL`;
  if (n.audience === 'MEMBERS') return Prisma.sql`${from} AND a.member_id = ANY(${n.memberIds}::uuid[])`;
  const inSubtree = Prisma.sql`${from} AND su.path LIKE ${`${unitPath}%`}`;
  if (n.audience === 'SUBTREE') return inSubtree;
  return Prisma.sql`${inSubtree} AND a.role::text = ANY(${n.roles as string[]}::text[])`;
}
