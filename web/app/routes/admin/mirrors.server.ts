// Server side of mirrors.tsx: the mirror keys with their mirrors' last reports (ADMIN), 50 a page.
import type { Route } from './+types/mirrors';
import { requireAccount } from '../../lib/auth.server';
import { PAGE_ROLES } from '../../lib/roles';
import { pageUrl } from '../../lib/session.server';
import { graphql } from '../../graphql';

const MIRRORS = graphql(`query AdminMirrors($first: Int, $after: String) {
  mirrors(first: $first, after: $after) {
    totalCount staleAfterMinutes pageInfo { hasNextPage endCursor }
    edges { node {
      keyId keyName keyPrefix unitId unitName state reportedAt position centreHeadPosition recordsBehind recordsBehindCapped openAlerts
      lastAlert { kind entityType entityId version batchSeq detectedAt }
    } }
  }
}`);

export async function loader({ request }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.mirrors);
  const after = pageUrl(request).searchParams.get('after');
  const r = await ctx.query(MIRRORS, { first: 50, ...(after ? { after } : {}) });
  return { after, mirrors: r.mirrors };
}
