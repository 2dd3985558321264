// Server side of points-proofs.tsx: its loader and actions and the GraphQL documents they send.
import type { Route } from './+types/points-proofs';
import { requireAccount } from '../../lib/auth.server';
import { PAGE_ROLES } from '../../lib/roles';
import { graphql } from '../../graphql';
import type { LedgerQuery } from '../../graphql/graphql';

const TOTAL = graphql(`query MyPointsTotal { memberPointsTotal { total entryCount entries { id version points occurredOn } } }`);

const LEDGER = graphql(`query Ledger($after: String) {
  pointsLedger(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id version proof { bundle } } } }
}`);

export async function loader({ request }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.me);
  const total = await ctx.query(TOTAL);
  const bundles = new Map<string, unknown>();
  let after: string | null = null;
  // A member's ledger is a few hundred entries a year at most; the bound stops a runaway loop.
  for (let page = 0; page < 100; page++) {
    const r: LedgerQuery = await ctx.query(LEDGER, after ? { after } : {});
    for (const { node } of r.pointsLedger.edges) bundles.set(`${node.id}/${node.version}`, node.proof.bundle);
    if (!r.pointsLedger.pageInfo.hasNextPage) break;
    after = r.pointsLedger.pageInfo.endCursor;
  }
  const t = total.memberPointsTotal;
  return Response.json(
    {
      memberId: ctx.account.memberId,
      claimedTotal: t.total,
      entries: t.entries.map((e) => ({ id: e.id, version: e.version, bundle: bundles.get(`${e.id}/${e.version}`) ?? null })),
    },
    { headers: { 'cache-control': 'private, no-store' } },
  );
}
