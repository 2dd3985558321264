// GET /snapshots/:id/download.json — the snapshot's proof bundle with every input and its proof
// as one file, which the public verify page (or anyone's own code) checks independently.
import type { Route } from './+types/snapshots-download';
import { requireAccount } from '../lib/auth.server';
import { PAGE_ROLES } from '../lib/roles';
import { snapshotFileName } from '../lib/snapshot';
import { snapshotFile, snapshotId } from '../lib/snapshot.server';

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
