// Who oversees which units: staff accounts (ADMIN, LEADER, SECRETARY; the field's authScopes) over
// the subtree of their scope unit. A unit outside it is answered as one that does not exist
// (errors.ts), unlike loadVisibleUnit's FORBIDDEN, because the view is browsed by id in the URL.
import type { OrgUnit } from '@lianjian/db';
import type { Context } from '../../shared/context.js';
import { canSeeUnit } from '../../shared/access.js';
import { unauthenticated } from '../../shared/errors.js';
import { requireUuid } from '../../shared/ids.js';
import { visibleRoot } from '../../shared/principal.js';
import { noSuchUnit } from './errors.js';

/** The unit to oversee: `id`, or the caller's scope unit (an ADMIN's: the root). */
export async function loadOverseenUnit(ctx: Context, id: string | null): Promise<OrgUnit> {
  const p = ctx.principal;
  if (p.kind !== 'account') throw unauthenticated();
  if (id === null) {
    const root = visibleRoot(p);
    const unit = root === null ? await ctx.prisma.orgUnit.findFirst({ where: { parentId: null }, orderBy: { no: 'asc' } }) : await ctx.prisma.orgUnit.findUnique({ where: { path: root } });
    if (!unit) throw noSuchUnit(root ?? 'root');
    return unit;
  }
  const unitId = requireUuid('unitId', id);
  const unit = await ctx.loaders.orgUnit.load(unitId);
  if (!unit || !canSeeUnit(p, unit)) throw noSuchUnit(unitId);
  return unit;
}
