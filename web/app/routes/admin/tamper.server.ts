import { pageUrl } from '../../lib/session.server';
// Server side of tamper.tsx: its loader and actions and the GraphQL documents they send.
import type { Route } from './+types/tamper';
import { requireAccount } from '../../lib/auth.server';
import { PAGE_ROLES } from '../../lib/roles';
import { graphql } from '../../graphql';

const ALERTS = graphql(`query Alerts($first: Int, $after: String, $open: Boolean) {
  tamperAlerts(first: $first, after: $after, open: $open) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id kind entityType entityId batchSeq detail detectedAt resolvedAt } }
  }
}`);

export async function loader({ request }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.admin);
  const p = pageUrl(request).searchParams;
  const open = p.get('open') === '1';
  const after = p.get('after');
  const r = await ctx.query(ALERTS, {
    first: 50,
    open,
    ...(after ? { after } : {}),
  });
  return { open, after, alerts: r.tamperAlerts };
}
