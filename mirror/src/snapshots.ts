// Completeness of published figures (issue #21 item 5): a snapshot's proof shows its figures come
// from the inputs it lists, not that it lists them all — a publisher could leave members out and
// every check would still pass. The mirror holds the whole subtree, so it rebuilds the input set
// the snapshot should have had from its own copy, just before the snapshot's log position, and
// names inputs left out, listed in an older version, or listed though not in the subtree.
//
// Covered: the member metrics (composition, funnel), whose inputs are every Member record of the
// subtree at its version then (api/src/modules/analytics/publish.ts). The dues metric joins dues
// records through members and is not checked yet.
import { buildTree, fromHex, toHex, treeRoot, type RecordDocument } from '@lianjian/verify';
import type { FeedEntry } from './feed.js';
import type { Alert, Store } from './store.js';

export const CHECKED_METRICS = new Set(['composition', 'funnel']);

interface SnapshotData {
  metric?: unknown;
  params?: { unitPath?: unknown } | null;
  inputRoot?: unknown;
  inputCount?: unknown;
}

/** Findings about one published snapshot (at most one alert, naming every input concerned). */
export async function checkSnapshot(store: Store, e: FeedEntry, doc: RecordDocument): Promise<Alert | undefined> {
  const data = doc.data as SnapshotData;
  const metric = String(data.metric);
  if (!CHECKED_METRICS.has(metric)) return undefined;
  const base = { kind: 'SNAPSHOT_INCOMPLETE' as const, entityType: e.type, entityId: e.entityId, version: e.version, batchSeq: e.batchSeq };
  const listed = e.snapshotInputs ?? [];
  // The list must be the one the snapshot committed to, or comparing it proves nothing.
  const root = listed.length ? toHex(treeRoot(buildTree(listed.map((i) => fromHex(i.leaf))))) : '';
  if (listed.length !== Number(data.inputCount) || root !== String(data.inputRoot)) {
    return { ...base, detail: { metric, position: e.position, reason: 'the served input list does not rebuild the snapshot input root', listed: listed.length, inputCount: data.inputCount } };
  }
  const unitPath = typeof data.params?.unitPath === 'string' ? data.params.unitPath : null;
  if (!unitPath) return { ...base, detail: { metric, position: e.position, reason: 'the snapshot names no unit path' } };
  const expected = await store.membersAt(e.position, unitPath);
  const got = new Map(listed.filter((i) => i.entityType === 'Member').map((i) => [i.entityId, i]));
  const missing: string[] = [];
  const stale: { id: string; listed: number; held: number }[] = [];
  for (const [id, x] of expected) {
    const l = got.get(id);
    if (!l) missing.push(id);
    else if (l.entityVersion !== x.version || l.leaf !== x.leaf) stale.push({ id, listed: l.entityVersion, held: x.version });
  }
  const unexpected = [...got.keys()].filter((id) => !expected.has(id));
  if (!missing.length && !stale.length && !unexpected.length) return undefined;
  return { ...base, detail: { metric, position: e.position, unitPath, missing, stale, unexpected, expected: expected.size, listed: listed.length } };
}
