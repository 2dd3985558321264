// Who may see and change dues records.
//   read:   the member their own; staff (and partner keys with "<Type>:read") the member's unit's subtree
//   write:  a SECRETARY of the member's unit or above, or an ADMIN (assertCanWriteUnit); a member
//           may declare their own base
//   approve a hardship decision: a writer whose subtree strictly contains the member's branch
//   confirm a remittance: a writer whose subtree holds the receiving (higher) unit
import type { OrgUnit } from '@lianjian/db';
import { assertCanSeeRecordIn, assertCanWriteUnit } from '../../shared/access.js';
import type { Context } from '../../shared/context.js';
import { forbidden, unauthenticated } from '../../shared/errors.js';
import { inSubtree, visibleRoot, WRITER_ROLES } from '../../shared/principal.js';
import { higherApprovalRequired } from './errors.js';

export type DuesType = 'DuesBase' | 'DuesHardship' | 'DuesPayment' | 'DuesArrearsCase';

/** A member-owned dues row: the member, or staff of its unit's subtree. */
export async function assertCanSeeDuesRow(ctx: Context, type: DuesType, row: { id: string; orgUnitId: string; memberId: string }): Promise<void> {
  await assertCanSeeRecordIn(ctx, { type, id: row.id, orgUnitId: row.orgUnitId, data: { memberId: row.memberId } });
}

/** The member themself (declaring their own base), else a writer of the member's unit. */
export function assertCanDeclareFor(ctx: Context, member: { id: string; orgUnit: OrgUnit }): 'self' | 'staff' {
  const p = ctx.principal;
  if (p.kind === 'anonymous') throw unauthenticated();
  if (p.kind === 'account' && p.role === 'MEMBER') {
    if (p.memberId !== member.id) throw forbidden('Members may only declare their own dues base.', '党员只能申报本人的党费基数。');
    return 'self';
  }
  assertCanWriteUnit(ctx, member.orgUnit);
  return 'staff';
}

/** The path of the branch a unit belongs to: a group's parent, else the unit itself. */
export function branchPath(unit: Pick<OrgUnit, 'kind' | 'path'>): string {
  if (unit.kind !== 'GROUP') return unit.path;
  return unit.path.replace(/[^/]+\/$/, '');
}

export function assertCanApproveHardship(ctx: Context, unit: OrgUnit, proposedById: string | null): void {
  assertCanWriteUnit(ctx, unit);
  const p = ctx.principal;
  if (p.kind !== 'account' || !WRITER_ROLES.includes(p.role)) throw forbidden('Only an ADMIN or SECRETARY approves.', '只有管理员或书记可以审批。');
  const root = visibleRoot(p);
  const branch = branchPath(unit);
  if (root !== null && (root === branch || !inSubtree(root, branch))) {
    throw higherApprovalRequired('your scope is the branch itself (or below it); a secretary of a higher unit approves.', '您的管理范围是该支部本身或其下级，须由上级组织的书记批准。');
  }
  if (proposedById !== null && proposedById === p.accountId) {
    throw higherApprovalRequired('you proposed this decision.', '该减免由您提出，不能由您本人批准。');
  }
}

export function assertCanConfirmRemittance(ctx: Context, toUnit: OrgUnit): void {
  assertCanWriteUnit(ctx, toUnit);
}
