// Who may change the tree: an ADMIN anywhere; a SECRETARY below their own unit — they create units
// under any unit of their subtree (their own included) and rename, move, merge or dissolve the
// units under it, never their own unit, which is the level above's to change.
import type { OrgUnit } from '@lianjian/db';
import { assertCanWriteUnit } from '../../shared/access.js';
import type { Context } from '../../shared/context.js';
import { forbidden } from '../../shared/errors.js';
import { describePrincipal } from '../../shared/principal.js';

/** The caller may add a unit under `parent` (or move or merge a unit into it). */
export function assertCanPlaceUnder(ctx: Context, parent: Pick<OrgUnit, 'id' | 'path' | 'name'>): void {
  assertCanWriteUnit(ctx, parent);
}

/** The caller may rename, move, merge or dissolve `unit`: it lies strictly below a secretary's own unit. */
export function assertCanChangeUnit(ctx: Context, unit: Pick<OrgUnit, 'id' | 'path' | 'name'>): void {
  assertCanWriteUnit(ctx, unit);
  const p = ctx.principal;
  if (p.kind === 'account' && p.role === 'SECRETARY' && p.scopePath === unit.path) {
    throw forbidden(
      `${describePrincipal(p)} may not change ${unit.name} itself: a secretary manages the units below their own; ${unit.name} is changed by the level above.`,
      `${describePrincipal(p)} 无权变更 ${unit.name} 本身：书记只能管理本组织的下级组织，本组织的变更由上级组织办理。`,
      { unitId: unit.id },
    );
  }
}
