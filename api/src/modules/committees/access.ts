// Who may see a unit's leadership: whoever may see the unit (its members included: the names of
// their branch committee are public within it, 党务公开), and partner keys with "<Type>:read".
import { assertCanSeeUnit } from '../../shared/access.js';
import type { Context } from '../../shared/context.js';
import { forbidden, notFound } from '../../shared/errors.js';
import { partnerScope } from '../../shared/principal.js';

export async function assertCanSeeLeadership(ctx: Context, type: 'Committee' | 'CommitteePosition', row: { orgUnitId: string }): Promise<void> {
  const p = ctx.principal;
  if (p.kind === 'partner' && !p.scopes.has(partnerScope(type))) {
    throw forbidden(`API key "${p.name}" may not read ${type} records: it lacks the scope "${partnerScope(type)}".`, `API 密钥 "${p.name}" 无权读取 ${type} 记录：缺少 "${partnerScope(type)}" 权限。`);
  }
  const unit = await ctx.loaders.orgUnit.load(row.orgUnitId);
  if (!unit) throw notFound('Org unit', '组织', row.orgUnitId);
  assertCanSeeUnit(ctx, unit);
}
