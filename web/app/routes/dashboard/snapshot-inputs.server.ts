import { pageUrl } from '../../lib/session.server';
// Server side of snapshot-inputs.tsx: its loader and actions and the GraphQL documents they send.
import type { Route } from './+types/snapshot-inputs';
import { requireAccount } from '../../lib/auth.server';
import { PAGE_ROLES } from '../../lib/roles';
import { inputPage, loadSnapshot, snapshotId } from '../../lib/snapshot.server';
import type { InputsResponse } from '../../lib/snapshot-verification';

export async function loader({ request, params }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.dashboard);
  const id = snapshotId(params.id);
  const after = pageUrl(request).searchParams.get('after');
  const [head, page] = await Promise.all([after ? null : loadSnapshot(ctx, id), inputPage(ctx, id, after)]);
  const body: InputsResponse = {
    snapshot: head ? { status: head.snapshot.proof.status, batchSeq: head.snapshot.proof.batchSeq, bundle: head.snapshot.proof.bundle } : null,
    page,
  };
  return Response.json(body, { headers: { 'cache-control': 'private, no-store' } });
}
