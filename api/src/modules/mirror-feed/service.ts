// The mirror feed (issue #21, DESIGN.md "Mirrors"): the record versions of one subtree in log
// order after a position, each with its stored canonical text and its proof bundle v1 — the same
// bundle `proof.bundle` serves (@lianjian/indexer's getProofs, one query per page).
//
// Only anchored batches are served: a mirror verifies every document against the chain before
// it stores it, so a record not yet on chain (PENDING) could not be stored anyway, and a record
// has no log position before it is in a batch. The feed's head is the last position of the last
// anchored batch (batches are anchored in seq order, so the anchored ones are a prefix of the log).
import type { PrismaClient } from '@lianjian/db';
import { getProofs } from '@lianjian/indexer/proof';
import type { ProofBundle } from '@lianjian/verify';

export interface FeedEntry {
  position: number;
  type: string;
  entityId: string;
  version: number;
  org: string;
  batchSeq: number;
  /** The stored canonical (JCS) text: its bytes hash to the leaf. */
  documentText: string;
  /** Null when the page was asked for without proofs (a mirror's re-check compares texts only). */
  bundle: ProofBundle | null;
}

export interface FeedPage {
  after: number;
  entries: FeedEntry[];
  /** Where the next page starts (pass it as `after`): the last position this page looked at. */
  endPosition: number;
  hasMore: boolean;
  /** Last position of the last anchored batch (-1 before the first). */
  headPosition: number;
  /** Seq of the last anchored batch (0 before the first). */
  headSeq: number;
}

export interface SnapshotInputEntry {
  ordinal: number;
  entityType: string;
  entityId: string;
  entityVersion: number;
  /** hex */
  leaf: string;
}

/**
 * The input list of a published analytics snapshot, in leaf order: what a mirror checks against
 * its own copy of the subtree (issue #21 item 5). The list is the publisher's claim; the mirror
 * checks that it rebuilds the snapshot's committed input root before comparing.
 */
export async function snapshotInputs(prisma: PrismaClient, snapshotId: string): Promise<SnapshotInputEntry[]> {
  const rows = await prisma.analyticsSnapshotInput.findMany({ where: { snapshotId }, orderBy: { ordinal: 'asc' } });
  return rows.map((r) => ({ ordinal: r.ordinal, entityType: r.entityType, entityId: r.entityId, entityVersion: r.entityVersion, leaf: Buffer.from(r.leaf).toString('hex') }));
}

export const FEED_MAX_PAGE = 2000;
export const FEED_DEFAULT_PAGE = 500;

interface KeyRow {
  position: string;
  entity_type: string;
  entity_id: string;
  version: number;
  org_unit_id: string;
  batch_seq: number;
  document: string;
}

/**
 * One page of the subtree at `unitPath`. A cast ballot's first version would tie a choice to a
 * voter by its log position, so only the version re-recorded at the tally (≥ 2) travels, as
 * `record`/`history` serve it (graphql/verifiable.ts).
 */
export async function feedPage(prisma: PrismaClient, unitPath: string, after: number, first: number, opts: { chainId?: string; proofs?: boolean } = {}): Promise<FeedPage> {
  const head = (await prisma.$queryRawUnsafe<{ seq: number | null; last: string | null }[]>(
    `SELECT seq, last_position::text AS last FROM batch WHERE status = 'ANCHORED' ORDER BY seq DESC LIMIT 1`,
  ))[0];
  const headSeq = head?.seq ?? 0;
  const headPosition = head?.last == null ? -1 : Number(head.last);
  if (after >= headPosition) return { after, entries: [], endPosition: Math.max(after, headPosition), hasMore: false, headPosition, headSeq };
  // Positions first, by the primary key's range, then the subtree's rows among them: the walk
  // stops at `first` hits, so a page costs what it returns plus the other subtrees' rows it skips.
  const keys = await prisma.$queryRawUnsafe<KeyRow[]>(
    `SELECT rp.position::text, o.entity_type, o.entity_id::text, o.version, o.org_unit_id::text, rp.batch_seq, o.document
       FROM record_position rp
       JOIN outbox_record o ON o.id = rp.record_id
       JOIN org_unit u ON u.id = o.org_unit_id
      WHERE rp.position > $1::bigint AND rp.position <= $2::bigint
        AND left(u.path, length($3)) = $3
        AND NOT (o.entity_type = 'Ballot' AND o.version < 2)
      ORDER BY rp.position
      LIMIT $4`,
    after,
    headPosition,
    unitPath,
    first,
  );
  const entries: FeedEntry[] = [];
  if (opts.proofs === false) {
    // Texts only: what a mirror's re-check compares with what it holds.
    for (const k of keys) {
      entries.push({ position: Number(k.position), type: k.entity_type, entityId: k.entity_id, version: k.version, org: k.org_unit_id, batchSeq: k.batch_seq, documentText: k.document, bundle: null });
    }
  } else {
    const proofs = await getProofs(prisma, keys.map((k) => ({ type: k.entity_type, id: k.entity_id, version: k.version })), opts.chainId ? { chainId: opts.chainId } : {});
    keys.forEach((k, i) => {
      const p = proofs[i];
      // A row deleted between the two reads is left out; the next page goes on after it.
      if (!p || !p.bundle || p.position !== Number(k.position)) return;
      entries.push({ position: Number(k.position), type: k.entity_type, entityId: k.entity_id, version: k.version, org: p.orgUnitId, batchSeq: p.bundle.batch.seq, documentText: p.documentText, bundle: p.bundle });
    });
  }
  const full = keys.length === first;
  const endPosition = full ? Number(keys[keys.length - 1]!.position) : headPosition;
  return { after, entries, endPosition, hasMore: full && endPosition < headPosition, headPosition, headSeq };
}
