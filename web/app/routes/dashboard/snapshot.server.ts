// Server side of snapshot.tsx: its loader and actions and the GraphQL documents they send.
import type { Route } from './+types/snapshot';
import { requireAccount } from '../../lib/auth.server';
import { PAGE_ROLES } from '../../lib/roles';
import { loadSnapshot, snapshotId } from '../../lib/snapshot.server';

export async function loader({ request, params }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.dashboard);
  const { snapshot, unitName } = await loadSnapshot(ctx, snapshotId(params.id));
  // The page needs the summary only: the browser fetches the proofs itself, page by page.
  const { proof, ...rest } = snapshot;
  return { snapshot: rest, anchor: proof.anchor, batchSeq: proof.batchSeq, unitName };
}
