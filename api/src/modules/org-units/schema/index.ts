// Org units: the organisation tree (委员会 → 总支 → 支部 → 小组). Subtrees are path prefixes.
import type { Prisma } from '@lianjian/db';
import { builder } from '../../../graphql/builder.js';
import { relatedPage, reread, underUnit } from '../../../graphql/rows.js';
import { assertCanSeeUnit, canSeeUnit, listRoot } from '../../../shared/access.js';
import type { Context } from '../../../shared/context.js';
import { forbidden, notFound } from '../../../shared/errors.js';
import { describePrincipal } from '../../../shared/principal.js';
import { requireUuid } from '../../../shared/ids.js';
import { containsText } from '../../../shared/search.js';
import { OrgUnitKindEnum } from '../../../graphql/enums.js';
import { defaultPageSize, idConnectionMaxSize } from '../../../graphql/pagination.js';
import { Verifiable, verifiableFields } from '../../../graphql/verifiable.js';
// The mutations (their types refer to OrgUnitRef only lazily, inside field thunks).
import './mutations.js';

/** '/1/5/12/' → '/1/5/'; null at the root. */
export function parentPath(path: string): string | null {
  const parts = path.split('/').filter(Boolean);
  return parts.length <= 1 ? null : `/${parts.slice(0, -1).join('/')}/`;
}

export async function loadVisibleUnit(ctx: Context, id: string, field = 'id') {
  const unit = await ctx.loaders.orgUnit.load(requireUuid(field, id));
  if (!unit) throw notFound('Org unit', '组织', id);
  assertCanSeeUnit(ctx, unit);
  return unit;
}

export const OrgUnitRef = builder.prismaObject('OrgUnit', {
  description: 'A unit of the organisation tree (组织单位)',
  interfaces: [Verifiable],
  // Row-level rule on every OrgUnit reached by any path; lists filter by subtree up front.
  authScopes: (unit, ctx) => {
    assertCanSeeUnit(ctx, unit);
    return { read: 'OrgUnit' };
  },
  fields: (t) => ({
    ...verifiableFields(t),
    no: t.exposeInt('no', { description: 'Sequence number; the materialised path is made of these' }),
    path: t.exposeString('path', { description: "Materialised path, e.g. '/1/5/12/'" }),
    level: t.exposeInt('level', { description: '0 for the root' }),
    kind: t.expose('kind', { type: OrgUnitKindEnum }),
    name: t.exposeString('name'),
    code: t.exposeString('code'),
    province: t.exposeString('province'),
    city: t.exposeString('city', { nullable: true }),
    establishedOn: t.expose('establishedOn', { type: 'Date', nullable: true }),
    dissolvedOn: t.expose('dissolvedOn', { type: 'Date', nullable: true }),
    sortOrder: t.exposeInt('sortOrder'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    parentId: t.exposeID('parentId', { nullable: true }),
    parent: t.relation('parent', {
      nullable: true,
      // The parent of a subtree's top unit lies outside it: say so rather than leak it.
      authScopes: (unit, _args, ctx) => {
        const pp = parentPath(unit.path);
        if (pp !== null && !canSeeUnit(ctx.principal, { id: unit.parentId ?? '', path: pp })) {
          throw forbidden(
            `${describePrincipal(ctx.principal)} may not see the parent of ${unit.name}: it is outside your subtree.`,
            `${describePrincipal(ctx.principal)} 无权查看 ${unit.name} 的上级组织：不在您负责的范围内。`,
          );
        }
        return true;
      },
    }),
    children: t.relatedConnection('children', {
      ...relatedPage([{ sortOrder: 'asc' }, { no: 'asc' }]),
    }),
    members: t.relatedConnection('members', {
      description: 'Members directly in this unit (use Query.members for a whole subtree)',
      authScopes: { $any: { staff: true, partner: 'Member:read' } },
      ...relatedPage([{ name: 'asc' }, { id: 'asc' }]),
    }),
  }),
});

builder.queryFields((t) => ({
  orgUnit: t.prismaField({
    type: 'OrgUnit',
    description: 'One org unit (yours or in your subtree)',
    args: { id: t.arg.id({ required: true }) },
    authScopes: { read: 'OrgUnit' },
    resolve: async (query, _root, args, ctx) => reread(ctx, 'OrgUnit', query, await loadVisibleUnit(ctx, String(args.id))),
  }),
  orgUnits: t.prismaConnection({
    type: 'OrgUnit',
    cursor: 'id',
    description: 'The org units of a subtree in tree order (depth first, siblings by sortOrder). Defaults to the subtree you may see.',
    args: {
      under: t.arg.id({ description: 'Root of the subtree (included); default: your scope unit' }),
      kind: t.arg({ type: OrgUnitKindEnum }),
      maxDepth: t.arg.int({ description: 'Levels below `under` to include (0 = only `under`)' }),
      search: t.arg.string({ description: 'Part of the name or code' }),
    },
    authScopes: { $any: { staff: true, partner: 'OrgUnit:read' } },
    maxSize: idConnectionMaxSize,
    defaultSize: defaultPageSize,
    totalCount: async (_p, args, ctx) => ctx.prisma.orgUnit.count({ where: await orgUnitWhere(ctx, args) }),
    resolve: async (query, _root, args, ctx) => {
      const { take, skip, cursor, ...rest } = query;
      const ids = pageOf(await inTreeOrder(ctx, await orgUnitWhere(ctx, args)), { take, skip, cursor });
      const rows = await ctx.prisma.orgUnit.findMany({ ...rest, where: { id: { in: ids } } });
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    },
  }),
}));

/**
 * Ids of the matching units in tree order: depth first, siblings in their set order (sortOrder,
 * then number). Ordering by the path text would put unit 10 before unit 9 and ignore sortOrder.
 */
async function inTreeOrder(ctx: Context, where: Prisma.OrgUnitWhereInput): Promise<string[]> {
  const ids = (await ctx.prisma.orgUnit.findMany({ where, select: { id: true } })).map((r) => r.id);
  if (ids.length === 0) return [];
  const rows = await ctx.prisma.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE tree AS (
      SELECT id, ARRAY[sort_order, no] AS k FROM org_unit WHERE parent_id IS NULL
      UNION ALL
      SELECT c.id, t.k || ARRAY[c.sort_order, c.no] FROM org_unit c JOIN tree t ON c.parent_id = t.id
    )
    SELECT id::text AS id FROM tree WHERE id = ANY(${ids}::uuid[]) ORDER BY k`;
  return rows.map((r) => r.id);
}

/** The page Prisma would return for take/skip/cursor over rows in this order (take < 0 pages backwards). */
export function pageOf(ids: readonly string[], q: { take?: number | undefined; skip?: number | undefined; cursor?: { id?: string } | undefined }): string[] {
  const at = q.cursor?.id != null ? ids.indexOf(q.cursor.id) : null;
  if (at === -1) return [];
  const take = q.take ?? ids.length;
  const skip = q.skip ?? 0;
  if (take >= 0) {
    const start = (at ?? 0) + skip;
    return ids.slice(start, start + take);
  }
  const end = (at ?? ids.length - 1) + 1 - skip;
  return ids.slice(Math.max(0, end + take), Math.max(0, end));
}

function levelOf(path: string): number {
  return path.split('/').filter(Boolean).length - 1;
}

interface OrgUnitListArgs {
  under?: string | number | null;
  kind?: string | null;
  maxDepth?: number | null;
  search?: string | null;
}

async function orgUnitWhere(ctx: Context, args: OrgUnitListArgs): Promise<Prisma.OrgUnitWhereInput> {
  const under = await underUnit(ctx, args.under);
  const root = listRoot(ctx, under);
  const where: Prisma.OrgUnitWhereInput = {};
  if (root) where.path = { startsWith: root };
  if (args.kind) where.kind = args.kind as Prisma.OrgUnitWhereInput['kind'];
  const search = args.search?.trim();
  if (search) where.OR = [{ name: containsText(search) }, { code: containsText(search) }];
  if (args.maxDepth != null) where.level = { lte: (root ? levelOf(root) : 0) + args.maxDepth };
  return where;
}
