// Completeness of published figures (issue #21 item 5): a snapshot's proof shows its figures come
// from the inputs it lists, not that it lists them all — a publisher could leave members out and
// every check would still pass. The mirror holds the whole subtree, so it rebuilds the input set
// the snapshot should have had from its own copy, just before the snapshot's log position, and
// names inputs left out, listed in an older version, or listed though not in the subtree.
//
// Covered: the member metrics (composition, funnel), whose inputs are every Member record of the
// subtree at its version then, and `dues`, whose inputs are those members and every dues record
// (base, hardship decision, payment, arrears case) of those members — a dues record belongs to
// the subtree through its member, where the member then stood (api/src/modules/analytics/publish.ts).
// In the alert, a member is named by its id and any other input as "Type:id".
import { buildTree, DUES_INPUT_TYPES, fromHex, toHex, treeRoot, type RecordDocument } from '@lianjian/verify';
import type { FeedEntry } from './feed.js';
import type { Alert, Store } from './store.js';

export const CHECKED_METRICS = new Set(['composition', 'funnel', 'dues']);

/** The dues metric's inputs besides members: reached through their data's memberId. */
const DUES_RECORD_TYPES: readonly string[] = DUES_INPUT_TYPES.filter((t) => t !== 'Member');

/**
 * The dues records of the members of `unitPath`'s subtree just before log position `before`, as
 * this copy holds them: each record's newest version then, its member's newest version then, and
 * that member's unit's path then. "Type\u0000id" → version, leaf (hex).
 */
async function duesRecordsAt(store: Store, before: number, unitPath: string): Promise<Map<string, { version: number; leaf: string }>> {
  const { rows } = await store.pool.query<{ type: string; id: string; version: number; leaf: string }>(
    `WITH d AS (SELECT DISTINCT ON (entity_type, entity_id) entity_type, entity_id, version, leaf, document FROM mirror_document
                 WHERE entity_type = ANY($3::text[]) AND position < $1 ORDER BY entity_type, entity_id, version DESC),
          m AS (SELECT DISTINCT ON (entity_id) entity_id, org_unit_id FROM mirror_document
                 WHERE entity_type = 'Member' AND position < $1 ORDER BY entity_id, version DESC),
          u AS (SELECT DISTINCT ON (entity_id) entity_id, (document::jsonb -> 'data' ->> 'path') AS path FROM mirror_document
                 WHERE entity_type = 'OrgUnit' AND position < $1 ORDER BY entity_id, version DESC)
     SELECT d.entity_type AS type, d.entity_id::text AS id, d.version, encode(d.leaf, 'hex') AS leaf
       FROM d JOIN m ON m.entity_id::text = (d.document::jsonb -> 'data' ->> 'memberId') JOIN u ON u.entity_id = m.org_unit_id
      WHERE left(u.path, length($2)) = $2`,
    [before, unitPath, DUES_RECORD_TYPES],
  );
  return new Map(rows.map((r) => [`${r.type}\u0000${r.id}`, { version: r.version, leaf: r.leaf }]));
}

/** How an input is named in an alert: a member by its id (as before dues were checked), others as "Type:id". */
const nameOf = (k: string) => {
  const [type, id] = k.split('\u0000') as [string, string];
  return type === 'Member' ? id : `${type}:${id}`;
};

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
  const expected = new Map<string, { version: number; leaf: string }>([...(await store.membersAt(e.position, unitPath))].map(([id, x]) => [`Member\u0000${id}`, x]));
  if (metric === 'dues') for (const [k, x] of await duesRecordsAt(store, e.position, unitPath)) expected.set(k, x);
  const types = metric === 'dues' ? new Set<string>(DUES_INPUT_TYPES) : new Set(['Member']);
  const got = new Map(listed.filter((i) => types.has(i.entityType)).map((i) => [`${i.entityType}\u0000${i.entityId}`, i]));
  const missing: string[] = [];
  const stale: { id: string; listed: number; held: number }[] = [];
  for (const [k, x] of expected) {
    const l = got.get(k);
    if (!l) missing.push(nameOf(k));
    else if (l.entityVersion !== x.version || l.leaf !== x.leaf) stale.push({ id: nameOf(k), listed: l.entityVersion, held: x.version });
  }
  const unexpected = [...got.keys()].filter((k) => !expected.has(k)).map(nameOf);
  if (!missing.length && !stale.length && !unexpected.length) return undefined;
  return { ...base, detail: { metric, position: e.position, unitPath, missing, stale, unexpected, expected: expected.size, listed: listed.length } };
}
