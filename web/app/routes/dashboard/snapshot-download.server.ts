// Server side of snapshot-download.tsx: its loader and actions and the GraphQL documents they send.
import type { Route } from './+types/snapshot-download';
import { requireAccount } from '../../lib/auth.server';
import { PAGE_ROLES } from '../../lib/roles';
import { snapshotFileName } from '../../lib/snapshot';
import { snapshotFile, snapshotId } from '../../lib/snapshot.server';

export async function loader({ request, params }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.dashboard);
  const id = snapshotId(params.id);
  const file = await snapshotFile(ctx, id);
  return new Response(`${JSON.stringify(file, null, 2)}\n`, {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="${snapshotFileName(id)}"`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
