// Who reads which decisions (and their milestones).
//   MEMBER   the decisions of their own branch, published to its members (党务公开): those of the
//            branch their unit is or lies in, and of their own unit (a party group) — no others
//   staff, partner keys ("Decision:read")   their subtree, as for every other row
import type { Prisma } from '@lianjian/db';
import { assertCanSeeUnit, listRoot, type UnitRef } from '../../shared/access.js';
import type { Context } from '../../shared/context.js';
import { forbidden } from '../../shared/errors.js';
import { callerMemberPath } from '../meetings/access.js';
import { pathsAbove } from '../../shared/principal.js';

const isMember = (ctx: Context) => ctx.principal.kind === 'account' && ctx.principal.role === 'MEMBER';

const published = new WeakMap<Context, Promise<string[]>>();

/** The unit paths whose decisions the calling member reads, once per request; the branch's is the shortest. */
function branchPaths(ctx: Context): Promise<string[]> {
  let paths = published.get(ctx);
  if (!paths) {
    paths = callerMemberPath(ctx).then(async (own) => {
      if (own === null) return [];
      const branches = await ctx.prisma.orgUnit.findMany({ where: { path: { in: pathsAbove(own) }, kind: 'BRANCH' }, select: { path: true } });
      const branch = branches.map((b) => b.path).sort((a, b) => b.length - a.length)[0];
      return branch && branch !== own ? [branch, own] : [own];
    });
    published.set(ctx, paths);
  }
  return paths;
}

function notTheirBranch(): Error {
  return forbidden('Members see only the decisions of their own branch; this is another unit’s.', '党员只能查看本支部的决议；这是其他组织的决议。');
}

export async function assertCanSeeDecisionUnit(ctx: Context, orgUnitId: string): Promise<void> {
  const path = (await ctx.loaders.orgUnit.load(orgUnitId))?.path ?? '\u0000';
  if (!isMember(ctx)) return assertCanSeeUnit(ctx, { id: orgUnitId, path });
  if (!(await branchPaths(ctx)).includes(path)) throw notTheirBranch();
}

/** The units a decision list may cover: `under` (if the caller may see it) within what the caller reads. */
export async function decisionUnitWhere(ctx: Context, under: UnitRef | null): Promise<Prisma.OrgUnitWhereInput | null> {
  if (!isMember(ctx)) {
    const root = listRoot(ctx, under);
    return root ? { path: { startsWith: root } } : null;
  }
  const paths = await branchPaths(ctx);
  if (under && !(paths[0] !== undefined && under.path.startsWith(paths[0]))) throw notTheirBranch();
  return { path: { in: under ? paths.filter((p) => p.startsWith(under.path)) : paths } };
}
