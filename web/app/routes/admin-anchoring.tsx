// GET /admin/anchoring.json — the indexer's health for the admin page's live refresh (ADMIN only).
import type { Route } from './+types/admin-anchoring';
import { requireAccount } from '../lib/auth.server';
import { readIndexerHealth } from '../lib/indexer.server';
import { PAGE_ROLES } from '../lib/roles';

export async function loader({ request }: Route.LoaderArgs) {
  await requireAccount(request, PAGE_ROLES.admin);
  return Response.json(await readIndexerHealth(), { headers: { 'cache-control': 'no-store' } });
}
