// Server side of anchoring-json.tsx: its loader and actions and the GraphQL documents they send.
import type { Route } from './+types/anchoring-json';
import { requireAccount } from '../../lib/auth.server';
import { readIndexerHealth } from '../../lib/indexer.server';
import { PAGE_ROLES } from '../../lib/roles';

export async function loader({ request }: Route.LoaderArgs) {
  await requireAccount(request, PAGE_ROLES.admin);
  return Response.json(await readIndexerHealth(), { headers: { 'cache-control': 'no-store' } });
}
