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
import { badArgument } from '../../shared/errors.js';
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

/**
 * How a PROOF_SET page carries its documents: `set` — a proof set v2 (each `doc` an object, the
 * public format); `texts` — the same batches and leaf indices with each stored canonical text as a
 * JSON string (GET /mirror-feed for a mirror that asks for it, decision 026): the mirror hashes the
 * text it received against the committed leaf instead of validating and re-canonicalising a parsed
 * document, and the centre splices the texts in as Postgres escaped them, parsing none.
 */
export type FeedDocuments = 'set' | 'texts';

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
  /**
   * documents `texts`: `{"batches":[…],"records":[{"b":0,"i":17},…],"texts":["…",…]}` — the set's
   * batches, record k's batch and leaf index, and its stored canonical text; null otherwise or empty.
   */
  textSet?: string | null;
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

/**
 * A page's `after` and `first` (defaults filled in), refused as BAD_USER_INPUT when out of range:
 * the GraphQL field and GET /mirror-feed (http.ts) refuse the same values with the same errors.
 */
export function feedArguments(after: number | null | undefined, first: number | null | undefined): { after: number; first: number } {
  const a = after ?? -1;
  const f = first ?? FEED_DEFAULT_PAGE;
  if (!Number.isSafeInteger(a) || a < -1) throw badArgument('after', 'must be a log position (≥ -1).', '应为日志位置（≥ -1）。');
  if (!Number.isInteger(f) || f < 1 || f > FEED_MAX_PAGE) throw badArgument('first', `must be between 1 and ${FEED_MAX_PAGE}.`, `应在 1 到 ${FEED_MAX_PAGE} 之间。`);
  return { after: a, first: f };
}

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
export async function feedPage(prisma: PrismaClient, unitPath: string, after: number, first: number, opts: { chainId?: string; proofs?: boolean; format?: FeedFormat; documents?: FeedDocuments } = {}): Promise<FeedPage> {
  const head = (await prisma.$queryRawUnsafe<{ seq: number | null; last: string | null }[]>(
    `SELECT seq, last_position::text AS last FROM batch WHERE status = 'ANCHORED' ORDER BY seq DESC LIMIT 1`,
  ))[0];
  const headSeq = head?.seq ?? 0;
  const headPosition = head?.last == null ? -1 : Number(head.last);
  if (after >= headPosition) return { after, entries: [], endPosition: Math.max(after, headPosition), hasMore: false, headPosition, headSeq, proofSet: null };
  if (opts.proofs !== false && opts.format === 'PROOF_SET') return proofSetPage(prisma, unitPath, after, first, headPosition, headSeq, opts.chainId, opts.documents ?? 'set');
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

/**
 * Below `smallSubtreeShare` of all units, a subtree is read through its position list (below) rather
 * than by walking the log. A setting object so that tests with a handful of units can take that path.
 */
export const FEED_TUNING = { smallSubtreeShare: 0.1 };

// ---------------------------------------------------------------------------------------------
// A small subtree's log positions, kept between pages (issue #21's catch-up goal). Read by unit, a
// page had to join and sort every remaining row of the subtree (there is no index that orders one
// subtree's records by log position: the position lives in record_position, the unit in
// outbox_record), so a catch-up paid the subtree once per page and waited ~0.3–0.6 s a page on
// Postgres on the shared machine. The positions alone are now read once (one narrow statement),
// kept per subtree, extended by a log walk over the new range when the head moves, and each page
// reads exactly its own rows by position.
//
// The list only says where to look: every page reads its rows afresh and applies the subtree filter
// again, so a row deleted or edited at the centre shows up in the very next page as before. What the
// list can miss for at most POSITIONS_TTL_MS is a row that appears at an old position after it was
// read (a restore putting a deleted version back): as if the mirror had asked a little earlier, while
// the row was gone. The re-check (`proofs: false`) never uses the list.

/** How long a subtree's position list is used before it is read again. */
const POSITIONS_TTL_MS = 30_000;
/** Subtrees kept per process (least recently used dropped first). */
const POSITIONS_SUBTREES = 16;
/** Beyond this many new positions since the list was read, read the list again rather than walk the log. */
const POSITIONS_WALK_MAX = 50_000;

interface SubtreePositions {
  /** The list holds the subtree's positions in (from, to], ascending. */
  from: number;
  to: number;
  positions: number[];
  readAt: number;
}

const positionLists = new WeakMap<PrismaClient, Map<string, SubtreePositions>>();

const NOT_VOTE = `NOT (o.entity_type = 'Ballot' AND o.version < 2)`;

// One text for the whole list: a few thousand rows as one value, not a row each.
const POSITIONS_BY_UNIT_SQL = `
SELECT coalesce(string_agg(rp.position::text, ',' ORDER BY rp.position), '') AS list
  FROM org_unit u
  JOIN outbox_record o ON o.org_unit_id = u.id
  JOIN record_position rp ON rp.record_id = o.id
 WHERE left(u.path, length($3)) = $3
   AND rp.position > $1::bigint AND rp.position <= $2::bigint
   AND ${NOT_VOTE}`;

const POSITIONS_BY_LOG_SQL = `
SELECT coalesce(string_agg(rp.position::text, ',' ORDER BY rp.position), '') AS list
  FROM record_position rp
  JOIN outbox_record o ON o.id = rp.record_id
  JOIN org_unit u ON u.id = o.org_unit_id
 WHERE rp.position > $1::bigint AND rp.position <= $2::bigint
   AND left(u.path, length($3)) = $3
   AND ${NOT_VOTE}`;

// A page's rows by the positions the list names: one index lookup per row, the subtree filter again.
// Answered as one row of two texts — each row's key fields (space-separated, rows by commas; none
// holds either) and the documents as a JSON array of strings (whatever a stored text holds) — rather
// than 2,000 rows of 15 columns: turning rows into objects was the API's largest cost of a page. The batch headers
// (a page spans one or two batches) come from BATCH_HEADERS_SQL.
const SET_KEYS_AT_SQL = `
SELECT string_agg(rp.position::text || ' ' || o.entity_type || ' ' || o.entity_id::text || ' ' || o.version::text || ' ' || o.org_unit_id::text || ' ' || rp.batch_seq::text, ',' ORDER BY rp.position) AS keys,
       json_agg(o.document ORDER BY rp.position)::text AS docs
  FROM unnest($1::bigint[]) AS w(position)
  JOIN record_position rp ON rp.position = w.position
  JOIN outbox_record o ON o.id = rp.record_id
  JOIN org_unit u ON u.id = o.org_unit_id
 WHERE left(u.path, length($2)) = $2
   AND ${NOT_VOTE}`;

const BATCH_HEADERS_SQL = `
SELECT b.seq, b.first_position::text, b.size, b.root, b.prev_root, b.chain_height::text, b.tx_hash,
       to_char(b.anchored_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS anchored_at, b.chain_id
  FROM batch b WHERE b.seq = ANY($1::int[]) AND b.status = 'ANCHORED'`;

type BatchHeader = Omit<SetKeyRow, keyof KeyRow> & { seq: number };

async function readPositions(prisma: PrismaClient, sql: string, from: number, to: number, unitPath: string): Promise<number[]> {
  const [row] = await prisma.$queryRawUnsafe<{ list: string }[]>(sql, from, to, unitPath);
  return row?.list ? row.list.split(',').map(Number) : [];
}

/** The subtree's positions in (after, head], from the kept list where it covers them. */
async function subtreePositions(prisma: PrismaClient, unitPath: string, after: number, head: number): Promise<number[]> {
  let lists = positionLists.get(prisma);
  if (!lists) positionLists.set(prisma, (lists = new Map()));
  let list = lists.get(unitPath);
  const now = Date.now();
  if (!list || list.from > after || now - list.readAt > POSITIONS_TTL_MS || head - list.to > POSITIONS_WALK_MAX) {
    list = { from: after, to: head, positions: await readPositions(prisma, POSITIONS_BY_UNIT_SQL, after, head, unitPath), readAt: now };
  } else if (list.to < head) {
    // The head moved: only the new range is walked (batches are appended at the end of the log).
    const newer = await readPositions(prisma, POSITIONS_BY_LOG_SQL, list.to, head, unitPath);
    // Another page may have extended the list meanwhile: append only what lies beyond it.
    for (const p of newer) if (p > list.to) list.positions.push(p);
    list.to = Math.max(list.to, head);
  }
  lists.delete(unitPath); // re-inserted: a Map keeps insertion order, so the first key is the least recently used
  lists.set(unitPath, list);
  while (lists.size > POSITIONS_SUBTREES) lists.delete(lists.keys().next().value!);
  // First index after `after` (binary search), up to `head`.
  let lo = 0;
  let hi = list.positions.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list.positions[mid]! <= after) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < list.positions.length && list.positions[end]! <= head) end++;
  return list.positions.slice(lo, end);
}

/**
 * The keys of a small subtree's page: its next `first` positions from the list, read by position.
 * `docs` is the documents as Postgres wrote them, a JSON array of strings in key order; each key's
 * `document` is filled in from it only when `parse` is set (a proof set splices each text in as an
 * object; a text page splices the array in whole, unparsed).
 */
async function keysByPosition(prisma: PrismaClient, unitPath: string, after: number, head: number, first: number, parse: boolean): Promise<{ keys: SetKeyRow[]; last: number | null; docs: string }> {
  const wanted = (await subtreePositions(prisma, unitPath, after, head)).slice(0, first);
  if (wanted.length === 0) return { keys: [], last: null, docs: '[]' };
  const [agg] = await prisma.$queryRawUnsafe<{ keys: string | null; docs: string | null }[]>(SET_KEYS_AT_SQL, wanted, unitPath);
  const keys: SetKeyRow[] = [];
  if (agg?.keys && agg.docs !== null) {
    // Both aggregates run over the same rows in the same order: the n-th key is the n-th document.
    const docs = parse ? (JSON.parse(agg.docs) as string[]) : null;
    const lines = agg.keys.split(',');
    if (docs && docs.length !== lines.length) throw new Error(`the page's keys (${lines.length}) and documents (${docs.length}) differ in number`);
    const seqs = [...new Set(lines.map((l) => Number(l.slice(l.lastIndexOf(' ') + 1))))];
    const headers = new Map((await prisma.$queryRawUnsafe<BatchHeader[]>(BATCH_HEADERS_SQL, seqs)).map((h) => [h.seq, h]));
    lines.forEach((line, n) => {
      const [position, entityType, entityId, version, org, seq] = line.split(' ');
      const header = headers.get(Number(seq));
      if (!header) throw new Error(`batch ${seq} of position ${position} is not anchored`);
      keys.push({ ...header, position: position!, entity_type: entityType!, entity_id: entityId!, version: Number(version), org_unit_id: org!, batch_seq: Number(seq), document: docs ? docs[n]! : '' });
    });
  }
  // A full page ends at the last position it asked for, even if that row was gone meanwhile.
  return { keys, last: wanted.length === first ? wanted[wanted.length - 1]! : null, docs: keys.length ? agg!.docs! : '[]' };
}

/** The subtree's share of the units, per process and path (read again after POSITIONS_TTL_MS). */
const unitShares = new WeakMap<PrismaClient, Map<string, { inside: number; total: number; readAt: number }>>();

/** Whether the subtree at `unitPath` is a sliver of the units: read through its position list. */
async function isSmallSubtree(prisma: PrismaClient, unitPath: string): Promise<boolean> {
  let known = unitShares.get(prisma);
  if (!known) unitShares.set(prisma, (known = new Map()));
  let share = known.get(unitPath);
  if (!share || Date.now() - share.readAt > POSITIONS_TTL_MS) {
    // The subtree's share of the units (a small table) picks the walk: by position list for a sliver of the log.
    const [row] = await prisma.$queryRawUnsafe<{ inside: number; total: number }[]>(
      `SELECT count(*) FILTER (WHERE left(path, length($1)) = $1)::int AS inside, count(*)::int AS total FROM org_unit`,
      unitPath,
    );
    share = { inside: row?.inside ?? 0, total: row?.total ?? 0, readAt: Date.now() };
    if (known.size >= POSITIONS_SUBTREES) known.delete(known.keys().next().value!);
    known.set(unitPath, share);
  }
  return share.inside < share.total * FEED_TUNING.smallSubtreeShare;
}

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
 * Asked for `texts`, the page is the same batches and leaf indices with the texts as strings
 * (FeedPage.textSet), the array spliced in as Postgres wrote it.
 */
async function proofSetPage(prisma: PrismaClient, unitPath: string, after: number, first: number, headPosition: number, headSeq: number, fallbackChainId: string | undefined, documents: FeedDocuments): Promise<FeedPage> {
  let keys: SetKeyRow[];
  let last: number | null;
  let docs: string | undefined;
  if (await isSmallSubtree(prisma, unitPath)) ({ keys, last, docs } = await keysByPosition(prisma, unitPath, after, headPosition, first, documents === 'set'));
  else {
    keys = await prisma.$queryRawUnsafe<SetKeyRow[]>(SET_KEYS_BY_LOG_SQL, after, headPosition, unitPath, first);
    last = keys.length === first ? Number(keys[keys.length - 1]!.position) : null;
  }
  const full = last !== null;
  const endPosition = last ?? headPosition;
  const page = { after, endPosition, hasMore: full && endPosition < headPosition, headPosition, headSeq };
  if (keys.length === 0) return { ...page, entries: [], proofSet: null, textSet: null };
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
    const i = Number(k.position) - Number(k.first_position);
    entries.push({ position: Number(k.position), type: k.entity_type, entityId: k.entity_id, version: k.version, org: k.org_unit_id, batchSeq: k.batch_seq, documentText: k.document, bundle: null });
    records.push(documents === 'set' ? `{"b":${at.b},"i":${i},"doc":${k.document}}` : `{"b":${at.b},"i":${i}}`);
  }
  if (documents === 'texts') {
    return { ...page, entries, proofSet: null, textSet: `{"batches":${JSON.stringify(batches)},"records":[${records.join(',')}],"texts":${docs ?? JSON.stringify(keys.map((k) => k.document))}}` };
  }
  const proofSet = `{"v":2,"batches":${JSON.stringify(batches)},"records":[${records.join(',')}]}`;
  return { ...page, entries, proofSet };
}
