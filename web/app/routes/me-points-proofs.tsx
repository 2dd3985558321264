// GET /me/points/proofs.json — the entries my points total counts, each with its proof bundle,
// for the browser to verify and add up itself (routes/me-points.tsx). The list of entries comes
// from memberPointsTotal; their bundles from my own ledger, page by page.
import type { Route } from './+types/me-points-proofs';
import { requireAccount } from '../lib/auth.server';
import { PAGE_ROLES } from '../lib/roles';

const TOTAL = '{ memberPointsTotal { total entryCount entries { id version points occurredOn } } }';
const LEDGER = `query Ledger($after: String) {
  pointsLedger(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id version proof { bundle } } } }
}`;

interface LedgerPage {
  pointsLedger: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: { id: string; version: number; proof: { bundle: unknown } } }> };
}

export async function loader({ request }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.me);
  const total = await ctx.query<{ memberPointsTotal: { total: number; entryCount: number; entries: Array<{ id: string; version: number; points: number }> } }>(TOTAL);
  const bundles = new Map<string, unknown>();
  let after: string | null = null;
  // A member's ledger is a few hundred entries a year at most; the bound stops a runaway loop.
  for (let page = 0; page < 100; page++) {
    const r: LedgerPage = await ctx.query<LedgerPage>(LEDGER, after ? { after } : {});
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
