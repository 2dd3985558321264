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
import { buildProofSetBatch, levelsReader, type ProofBundle } from '@lianjian/verify';
import { layerCacheFor } from '../../shared/layer-cache.js';

export interface FeedEntry {
  position: number;
  type: string;
  entityId: string;
  version: number;
  org: string;
  batchSeq: number;
  /** The stored canonical (JCS) text: its bytes hash to the leaf. */
  documentText: string;
  /** Null when the page was asked for without proofs (a mirror's re-check compares texts only) or as a proof set. */
  bundle: ProofBundle | null;
}

/** How a page carries its proofs: a v1 bundle per entry, or one proof set v2 for the page. */
export type FeedFormat = 'BUNDLES' | 'PROOF_SET';

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
  /**
   * format PROOF_SET: the page's proof set v2 as JSON text (application/vnd.lianjian.proofset+json),
   * record k proving entries[k]; null for the other formats and for an empty page.
   */
  proofSet: string | null;
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
export async function feedPage(prisma: PrismaClient, unitPath: string, after: number, first: number, opts: { chainId?: string; proofs?: boolean; format?: FeedFormat } = {}): Promise<FeedPage> {
  const head = (await prisma.$queryRawUnsafe<{ seq: number | null; last: string | null }[]>(
    `SELECT seq, last_position::text AS last FROM batch WHERE status = 'ANCHORED' ORDER BY seq DESC LIMIT 1`,
  ))[0];
  const headSeq = head?.seq ?? 0;
  const headPosition = head?.last == null ? -1 : Number(head.last);
  if (after >= headPosition) return { after, entries: [], endPosition: Math.max(after, headPosition), hasMore: false, headPosition, headSeq, proofSet: null };
  if (opts.proofs !== false && opts.format === 'PROOF_SET') return proofSetPage(prisma, unitPath, after, first, headPosition, headSeq, opts.chainId);
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
  return { after, entries, endPosition, hasMore: full && endPosition < headPosition, headPosition, headSeq, proofSet: null };
}

interface SetKeyRow extends KeyRow {
  first_position: string;
  size: number;
  root: Uint8Array;
  prev_root: Uint8Array;
  chain_height: string;
  tx_hash: string;
  anchored_at: string;
  chain_id: string | null;
}

// The feed's key walk with each row's batch header (all anchored: positions ≤ the anchored head).
const SET_COLUMNS = `rp.position::text, o.entity_type, o.entity_id::text, o.version, o.org_unit_id::text, rp.batch_seq, o.document,
       b.first_position::text, b.size, b.root, b.prev_root, b.chain_height::text, b.tx_hash,
       to_char(b.anchored_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS anchored_at, b.chain_id`;

// A large subtree: walk the log by position and keep the subtree's rows (stops at `first` hits).
const SET_KEYS_BY_LOG_SQL = `
SELECT ${SET_COLUMNS}
  FROM record_position rp
  JOIN outbox_record o ON o.id = rp.record_id
  JOIN org_unit u ON u.id = o.org_unit_id
  JOIN batch b ON b.seq = rp.batch_seq
 WHERE rp.position > $1::bigint AND rp.position <= $2::bigint
   AND left(u.path, length($3)) = $3
   AND NOT (o.entity_type = 'Ballot' AND o.version < 2)
 ORDER BY rp.position
 LIMIT $4`;

// A small subtree (a sliver of the log): start from its units' records (outbox_record by org unit)
// instead of walking every other subtree's rows in between; a page costs the subtree's remaining rows.
const SET_KEYS_BY_UNIT_SQL = `
SELECT ${SET_COLUMNS}
  FROM org_unit u
  JOIN outbox_record o ON o.org_unit_id = u.id
  JOIN record_position rp ON rp.record_id = o.id
  JOIN batch b ON b.seq = rp.batch_seq
 WHERE left(u.path, length($3)) = $3
   AND rp.position > $1::bigint AND rp.position <= $2::bigint
   AND NOT (o.entity_type = 'Ballot' AND o.version < 2)
 ORDER BY rp.position
 LIMIT $4`;

/** Below this share of all units, a subtree is read from its units' records rather than by walking the log. */
const SMALL_SUBTREE_SHARE = 0.1;

/**
 * The levels of the page's batches, level → concatenated hashes. Through the layer cache
 * (decision 022): every page reads the levels' row versions afresh (one small statement) and reads
 * the bytes only of levels not cached at exactly that version, so an edit to stored layers shows up
 * in the next page. Without a cache, the levels are read every page.
 */
async function batchLevels(prisma: PrismaClient, seqs: number[]): Promise<Map<number, Map<number, Uint8Array>>> {
  const out = new Map<number, Map<number, Uint8Array>>(seqs.map((seq) => [seq, new Map()]));
  const cache = layerCacheFor(prisma);
  const want: { seq: number; level: number }[] = [];
  if (cache) {
    const versions = await prisma.$queryRawUnsafe<{ seq: number; level: number; version: string }[]>(
      `SELECT batch_seq AS seq, level, xmin::text || '/' || ctid::text AS version FROM batch_level WHERE batch_seq = ANY($1::int[])`,
      seqs,
    );
    for (const v of versions) {
      const hashes = cache.get(v.seq, v.level, v.version);
      if (hashes) out.get(v.seq)!.set(v.level, hashes);
      else want.push({ seq: v.seq, level: v.level });
    }
    if (want.length === 0) return out;
  }
  const read = await prisma.$queryRawUnsafe<{ seq: number; level: number; version: string; hashes: Uint8Array }[]>(
    cache
      ? `SELECT l.batch_seq AS seq, l.level, l.xmin::text || '/' || l.ctid::text AS version, l.hashes
           FROM unnest($1::int[], $2::int[]) AS w(seq, level) JOIN batch_level l ON l.batch_seq = w.seq AND l.level = w.level`
      : `SELECT batch_seq AS seq, level, '' AS version, hashes FROM batch_level WHERE batch_seq = ANY($1::int[])`,
    ...(cache ? [want.map((w) => w.seq), want.map((w) => w.level)] : [seqs]),
  );
  for (const l of read) {
    // Cached under the version read with the bytes, whatever the first statement saw.
    const hashes = new Uint8Array(l.hashes.buffer, l.hashes.byteOffset, l.hashes.byteLength);
    out.get(l.seq)!.set(l.level, hashes);
    cache?.set(l.seq, l.level, l.version, hashes);
  }
  return out;
}

/**
 * A page as one proof set v2 (PROOF-FORMAT.md §5): each batch's header and the nodes its records
 * need, once, read from the stored levels (buildProofSetBatch checks every node read). The set's
 * JSON is written here with each stored canonical text spliced in as `doc` unparsed: the centre
 * neither parses nor re-serialises a document, and the text is exactly what hashes to the leaf.
 */
async function proofSetPage(prisma: PrismaClient, unitPath: string, after: number, first: number, headPosition: number, headSeq: number, fallbackChainId: string | undefined): Promise<FeedPage> {
  // The subtree's share of the units (a small table) picks the walk: by unit for a sliver of the log.
  const [share] = await prisma.$queryRawUnsafe<{ inside: number; total: number }[]>(
    `SELECT count(*) FILTER (WHERE left(path, length($1)) = $1)::int AS inside, count(*)::int AS total FROM org_unit`,
    unitPath,
  );
  const small = share !== undefined && share.inside < share.total * SMALL_SUBTREE_SHARE;
  const keys = await prisma.$queryRawUnsafe<SetKeyRow[]>(small ? SET_KEYS_BY_UNIT_SQL : SET_KEYS_BY_LOG_SQL, after, headPosition, unitPath, first);
  const full = keys.length === first;
  const endPosition = full ? Number(keys[keys.length - 1]!.position) : headPosition;
  const page = { after, endPosition, hasMore: full && endPosition < headPosition, headPosition, headSeq };
  if (keys.length === 0) return { ...page, entries: [], proofSet: null };
  const order: number[] = [];
  const bySeq = new Map<number, { row: SetKeyRow; b: number; indices: number[] }>();
  for (const k of keys) {
    if (!bySeq.has(k.batch_seq)) {
      bySeq.set(k.batch_seq, { row: k, b: order.length, indices: [] });
      order.push(k.batch_seq);
    }
    bySeq.get(k.batch_seq)!.indices.push(Number(k.position) - Number(k.first_position));
  }
  const levels = await batchLevels(prisma, order);
  const batches = order.map((seq) => {
    const { row, indices } = bySeq.get(seq)!;
    const chainId = row.chain_id ?? fallbackChainId;
    if (!chainId) throw new Error(`batch ${seq} is anchored but no chain id is known`);
    return buildProofSetBatch(
      {
        seq,
        size: row.size,
        root: new Uint8Array(row.root),
        prevRoot: new Uint8Array(row.prev_root),
        anchor: { chainId, height: Number(row.chain_height), txHash: row.tx_hash.toUpperCase(), time: row.anchored_at },
        levels: levelsReader(levels.get(seq)!),
      },
      indices,
    );
  });
  const entries: FeedEntry[] = [];
  const records: string[] = [];
  for (const k of keys) {
    const at = bySeq.get(k.batch_seq)!;
    entries.push({ position: Number(k.position), type: k.entity_type, entityId: k.entity_id, version: k.version, org: k.org_unit_id, batchSeq: k.batch_seq, documentText: k.document, bundle: null });
    records.push(`{"b":${at.b},"i":${Number(k.position) - Number(k.first_position)},"doc":${k.document}}`);
  }
  const proofSet = `{"v":2,"batches":${JSON.stringify(batches)},"records":[${records.join(',')}]}`;
  return { ...page, entries, proofSet };
}
