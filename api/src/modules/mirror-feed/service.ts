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
 * public format); `texts` — the same batches and leaf indices, and each stored canonical text as its
 * own line after them (GET /mirror-feed for a mirror that asks for it, decisions 026 and 027): the
 * mirror hashes the bytes it received against the committed leaf instead of validating and
 * re-canonicalising a parsed document, and neither side escapes, parses or decodes a text.
 */
export type FeedDocuments = 'set' | 'texts';

/**
 * How a page's documents come out of Postgres: `json` — a JSON array of the stored texts (what a proof
 * set or bundles splice in or parse); `lines` — the stored texts one per line, as stored (a canonical
 * text holds no line break: one that does is no committed document, and the page's count of lines no
 * longer matches its entries, which the mirror refuses).
 */
type DocsForm = 'json' | 'lines';

/** A page's documents in `form` from the parts its statements read, in order. */
function joinDocs(form: DocsForm, parts: readonly string[]): string {
  return form === 'lines' ? parts.join('\n') : `[${parts.map((p) => p.slice(1, -1)).join(',')}]`;
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
  /**
   * format PROOF_SET: the page's proof set v2 as JSON text (application/vnd.lianjian.proofset+json),
   * record k proving entries[k]; null for the other formats and for an empty page.
   */
  proofSet: string | null;
  /**
   * documents `texts`: `{"batches":[…],"records":[{"b":0,"i":17},…]}` — the set's batches and record
   * k's batch and leaf index; null otherwise or empty.
   */
  textSet?: string | null;
  /** documents `texts`: record k's stored canonical text on line k (no line break after the last); null otherwise or empty. */
  texts?: string | null;
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
  // The subtree's rows in log order, by windows of positions (logWalk): a page costs what it
  // returns plus the other subtrees' rows in its windows, never the whole subtree.
  const walked = await logWalk(prisma, unitPath, after, headPosition, first, 'json');
  const docs = JSON.parse(walked.docs) as string[];
  const keys: KeyRow[] = walked.lines.map((line, n) => {
    const [position, entityType, entityId, version, org, seq] = line.split(' ');
    return { position: position!, entity_type: entityType!, entity_id: entityId!, version: Number(version), org_unit_id: org!, batch_seq: Number(seq), document: docs[n]! };
  });
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
  const full = walked.last !== null;
  const endPosition = walked.last ?? headPosition;
  return { after, entries, endPosition, hasMore: full && endPosition < headPosition, headPosition, headSeq, proofSet: null };
}

/** A batch's header as the proof set needs it (all anchored: positions ≤ the anchored head). */
interface BatchHeader {
  seq: number;
  first_position: string;
  size: number;
  root: Uint8Array;
  prev_root: Uint8Array;
  chain_height: string;
  tx_hash: string;
  anchored_at: string;
  chain_id: string | null;
}

/** A proof-set page's row: its key fields, its batch's header (shared by the batch's rows) and its text ('' unless parsed). */
interface SetKey {
  position: number;
  type: string;
  id: string;
  version: number;
  org: string;
  header: BatchHeader;
  /** The leaf index in its batch. */
  i: number;
  document: string;
}

// ---------------------------------------------------------------------------------------------
// A large subtree's rows in log order. No index orders one subtree's records by log position (the
// position is in record_position, the unit in outbox_record, the subtree a set of units by path), and
// asked for "the subtree's rows after P in position order, the first N", the planner — which cannot
// know how many units a path prefix holds — read the whole subtree and sorted it, every page: ~10 s
// a page for a level-1 unit of the 100k dataset (969,327 records). So the log is walked by windows of
// positions: a window is a range of the primary key, read in order, each position's record and unit
// looked up and kept when inside the subtree, stopping when the page is full. A window is sized by
// the subtree's share of the log (kept per subtree from the last walk), so that one window usually
// fills a page and a sparse stretch is never one statement over the whole log.

/**
 * One window of the log walk: the subtree's rows in (from, to], in position order, at most `limit`, as
 * one row of two texts (see SET_KEYS_AT_SQL). The record and unit are looked up per position in a
 * LATERAL subquery kept apart by OFFSET 0: the planner cannot turn it into a join it would drive from
 * the units (its estimate of a path prefix's units is far off: 77 for 5,024), so the walk goes down
 * the positions in order and stops at `limit` rows.
 */
const windowSql = (form: DocsForm) => `
SELECT string_agg(w.key, ',' ORDER BY w.position) AS keys, ${docsAggregate(form, 'w.document', 'w.position')} AS docs, count(*)::int AS n
  FROM (SELECT rp.position, rp.position::text || ' ' || x.entity_type || ' ' || x.entity_id::text || ' ' || x.version::text || ' ' || x.org_unit_id::text || ' ' || rp.batch_seq::text AS key, x.document
          FROM record_position rp
         CROSS JOIN LATERAL (
               SELECT o.entity_type, o.entity_id, o.version, o.org_unit_id, o.document
                 FROM outbox_record o JOIN org_unit u ON u.id = o.org_unit_id
                WHERE o.id = rp.record_id AND left(u.path, length($3)) = $3
                  AND NOT (o.entity_type = 'Ballot' AND o.version < 2)
               OFFSET 0) x
         WHERE rp.position > $1::bigint AND rp.position <= $2::bigint
         ORDER BY rp.position
         LIMIT $4) w`;
const WINDOW_SQL: Record<DocsForm, string> = { json: windowSql('json'), lines: windowSql('lines') };

/** The subtree's share of the log as the last window found it, per process and path. */
const densities = new WeakMap<PrismaClient, Map<string, number>>();

/**
 * The subtree's next `first` rows after `after` (up to `head`), walking the log by windows. `lines`
 * are the rows' key fields ("position type id version unit batch"), `docs` their documents in `form`
 * (DocsForm), in the same order; `last` is the position of the page's last row when the page
 * is full, else null (the walk reached the head).
 */
async function logWalk(prisma: PrismaClient, unitPath: string, after: number, head: number, first: number, form: DocsForm): Promise<PageRows> {
  let known = densities.get(prisma);
  if (!known) densities.set(prisma, (known = new Map()));
  let density = known.get(unitPath) ?? 0.5;
  const lines: string[] = [];
  const docParts: string[] = [];
  let from = after;
  /** Positions walked since the last window that held a row of the subtree. */
  let empty = 0;
  while (lines.length < first && from < head) {
    const wanted = first - lines.length;
    const size = Math.min(FEED_TUNING.windowMax, Math.max(FEED_TUNING.windowMin, Math.ceil((wanted / Math.max(density, 1e-6)) * 1.25)));
    const to = Math.min(head, from + size);
    const [row] = await prisma.$queryRawUnsafe<{ keys: string | null; docs: string | null; n: number }[]>(WINDOW_SQL[form], from, to, unitPath, wanted);
    const n = row?.n ?? 0;
    if (n > 0) {
      lines.push(...row!.keys!.split(','));
      docParts.push(row!.docs!);
    }
    if (n === wanted) {
      // The page is full inside this window: the share of the part walked, up to its last row.
      const lastLine = lines[lines.length - 1]!;
      density = n / Math.max(1, Number(lastLine.slice(0, lastLine.indexOf(' '))) - from);
      break;
    }
    // The whole window was walked: the subtree's share of it sizes the next one (a window with no row doubles).
    density = n > 0 ? n / (to - from) : density / 2;
    empty = n > 0 ? 0 : empty + (to - from);
    from = to;
    if (n === 0 && empty >= 64 * FEED_TUNING.windowMin && head - from > (await subtreeShare(prisma, unitPath)) * head) {
      // A long stretch of the log without the subtree (its records stop while the log goes on), and more
      // of the log left than the subtree holds (its share of the units times the log, an estimate):
      // reading the subtree's own positions in the rest of the range, by its units, costs less than
      // walking the rest position by position (each position's record and unit looked up). The list is
      // kept for the next pages, as a small subtree's. A short empty stretch (a few windows) does not
      // count: a dense subtree has those too. At the end of the 100k dataset's largest level-1 unit
      // (2 million positions of other subtrees, then 4 of its records) this read took ~5 s where the walk took ~25 s.
      const rest = await keysByPosition(prisma, unitPath, from, head, wanted, form);
      if (rest.lines.length) {
        lines.push(...rest.lines);
        docParts.push(rest.docs);
      }
      known.set(unitPath, Math.max(density, 1e-6));
      return { lines, docs: joinDocs(form, docParts), last: rest.last };
    }
  }
  known.set(unitPath, Math.max(density, 1e-6));
  if (known.size > POSITIONS_SUBTREES) known.delete(known.keys().next().value!);
  const full = lines.length === first;
  const lastLine = lines[lines.length - 1];
  return { lines, docs: joinDocs(form, docParts), last: full && lastLine ? Number(lastLine.slice(0, lastLine.indexOf(' '))) : null };
}

/**
 * Below `smallSubtreeShare` of all units, a subtree is read through its position list (below) rather
 * than by walking the log. A setting object so that tests with a handful of units can take that path.
 */
export const FEED_TUNING = {
  smallSubtreeShare: 0.1,
  /** The narrowest and widest window of the log walk (positions): tests with a few dozen records walk many windows a page. */
  windowMin: 256,
  windowMax: 500_000,
  /** How long the rows of the next proof-set page, read ahead, wait for the request that asks for them. */
  prefetchMs: 2_000,
};

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

// One text for the whole list: a few thousand rows as one value, not a row each. Each unit's records
// are read from the log point ($4, $5) on, by the index on (org_unit_id, xid, id): the log's order is
// (xid, id) — the indexer claims records in that order and positions follow it, which the auditor
// checks — so a record after position $1 comes after the record at $1 in that order. Without the
// bound, the end of a large subtree (a few records after two million positions of other units) read
// all its ~1M earlier records to keep 4 (4.6 s; 0.08 s with it).
const POSITIONS_BY_UNIT_SQL = `
SELECT coalesce(string_agg(rp.position::text, ',' ORDER BY rp.position), '') AS list
  FROM org_unit u
  JOIN outbox_record o ON o.org_unit_id = u.id
  JOIN record_position rp ON rp.record_id = o.id
 WHERE left(u.path, length($3)) = $3
   AND (o.xid, o.id) > ($4::xid8, $5::bigint)
   AND rp.position > $1::bigint AND rp.position <= $2::bigint
   AND ${NOT_VOTE}`;

// The log point of the last record at or before a position (a record deleted at the centre is passed
// over: any earlier point is a looser bound that keeps every later record).
const LOG_POINT_SQL = `
SELECT o.xid::text AS xid, o.id::text AS id
  FROM record_position rp JOIN outbox_record o ON o.id = rp.record_id
 WHERE rp.position <= $1::bigint
 ORDER BY rp.position DESC LIMIT 1`;

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
// holds either) and the documents in one text (DocsForm: a JSON array, or one per line) — rather
// than 2,000 rows of 15 columns: turning rows into objects was the API's largest cost of a page. The batch headers
// (a page spans one or two batches) come from BATCH_HEADERS_SQL.
const setKeysAtSql = (form: DocsForm) => `
SELECT string_agg(rp.position::text || ' ' || o.entity_type || ' ' || o.entity_id::text || ' ' || o.version::text || ' ' || o.org_unit_id::text || ' ' || rp.batch_seq::text, ',' ORDER BY rp.position) AS keys,
       ${docsAggregate(form, 'o.document', 'rp.position')} AS docs
  FROM unnest($1::bigint[]) AS w(position)
  JOIN record_position rp ON rp.position = w.position
  JOIN outbox_record o ON o.id = rp.record_id
  JOIN org_unit u ON u.id = o.org_unit_id
 WHERE left(u.path, length($2)) = $2
   AND ${NOT_VOTE}`;

const SET_KEYS_AT_SQL: Record<DocsForm, string> = { json: setKeysAtSql('json'), lines: setKeysAtSql('lines') };

/** The aggregate of a statement's documents in `form`, in the order of `order`. */
function docsAggregate(form: DocsForm, column: string, order: string): string {
  return form === 'lines' ? `string_agg(${column}, E'\\n' ORDER BY ${order})` : `json_agg(${column} ORDER BY ${order})::text`;
}

const BATCH_HEADERS_SQL = `
SELECT b.seq, b.first_position::text, b.size, b.root, b.prev_root, b.chain_height::text, b.tx_hash,
       to_char(b.anchored_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS anchored_at, b.chain_id
  FROM batch b WHERE b.seq = ANY($1::int[]) AND b.status = 'ANCHORED'`;


async function readPositions(prisma: PrismaClient, sql: string, from: number, to: number, unitPath: string, ...more: unknown[]): Promise<number[]> {
  const [row] = await prisma.$queryRawUnsafe<{ list: string }[]>(sql, from, to, unitPath, ...more);
  return row?.list ? row.list.split(',').map(Number) : [];
}

/** The subtree's positions in (from, to], read by its units from the log point of position `from` on. */
async function positionsByUnit(prisma: PrismaClient, from: number, to: number, unitPath: string): Promise<number[]> {
  const [point] = from < 0 ? [] : await prisma.$queryRawUnsafe<{ xid: string; id: string }[]>(LOG_POINT_SQL, from);
  return readPositions(prisma, POSITIONS_BY_UNIT_SQL, from, to, unitPath, point?.xid ?? '0', point?.id ?? '0');
}

/** The subtree's positions in (after, head], from the kept list where it covers them. */
async function subtreePositions(prisma: PrismaClient, unitPath: string, after: number, head: number): Promise<number[]> {
  let lists = positionLists.get(prisma);
  if (!lists) positionLists.set(prisma, (lists = new Map()));
  let list = lists.get(unitPath);
  const now = Date.now();
  if (!list || list.from > after || now - list.readAt > POSITIONS_TTL_MS || head - list.to > POSITIONS_WALK_MAX) {
    list = { from: after, to: head, positions: await positionsByUnit(prisma, after, head, unitPath), readAt: now };
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
 * A small subtree's page: its next `first` positions from the list, read by position. As logWalk:
 * the rows' key fields as lines, their documents in `form` (DocsForm) in the same order.
 */
async function keysByPosition(prisma: PrismaClient, unitPath: string, after: number, head: number, first: number, form: DocsForm): Promise<PageRows> {
  const wanted = (await subtreePositions(prisma, unitPath, after, head)).slice(0, first);
  if (wanted.length === 0) return { lines: [], docs: joinDocs(form, []), last: null };
  const [agg] = await prisma.$queryRawUnsafe<{ keys: string | null; docs: string | null }[]>(SET_KEYS_AT_SQL[form], wanted, unitPath);
  // A full page ends at the last position it asked for, even if that row was gone meanwhile.
  const last = wanted.length === first ? wanted[wanted.length - 1]! : null;
  // Both aggregates run over the same rows in the same order: the n-th key is the n-th document.
  return agg?.keys && agg.docs !== null ? { lines: agg.keys.split(','), docs: agg.docs, last } : { lines: [], docs: joinDocs(form, []), last };
}

/**
 * The page's keys with their batch headers. Each key's `document` is filled in from `docs` only when
 * `parse` is set (a proof set splices each text in as an object; a text page splices the array in
 * whole, unparsed).
 */
async function keysWithHeaders(prisma: PrismaClient, lines: readonly string[], docs: string, parse: boolean): Promise<SetKey[]> {
  if (lines.length === 0) return [];
  const texts = parse ? (JSON.parse(docs) as string[]) : null;
  if (texts && texts.length !== lines.length) throw new Error(`the page's keys (${lines.length}) and documents (${texts.length}) differ in number`);
  const seqs = [...new Set(lines.map((l) => Number(l.slice(l.lastIndexOf(' ') + 1))))];
  const headers = new Map((await prisma.$queryRawUnsafe<BatchHeader[]>(BATCH_HEADERS_SQL, seqs)).map((h) => [h.seq, h]));
  const firsts = new Map([...headers.values()].map((h) => [h.seq, Number(h.first_position)]));
  return lines.map((line, n) => {
    const [position, type, id, version, org, seq] = line.split(' ');
    const header = headers.get(Number(seq));
    if (!header) throw new Error(`batch ${seq} of position ${position} is not anchored`);
    const at = Number(position);
    return { position: at, type: type!, id: id!, version: Number(version), org: org!, header, i: at - firsts.get(header.seq)!, document: texts ? texts[n]! : '' };
  });
}

/** The subtree's share of the units, per process and path (read again after POSITIONS_TTL_MS). */
const unitShares = new WeakMap<PrismaClient, Map<string, { inside: number; total: number; readAt: number }>>();

/** Whether the subtree at `unitPath` is a sliver of the units: read through its position list. */
async function isSmallSubtree(prisma: PrismaClient, unitPath: string): Promise<boolean> {
  return (await subtreeShare(prisma, unitPath)) < FEED_TUNING.smallSubtreeShare;
}

/** The subtree's share of all units (read again after POSITIONS_TTL_MS): an estimate of its share of the log. */
async function subtreeShare(prisma: PrismaClient, unitPath: string): Promise<number> {
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
  return share.total === 0 ? 0 : share.inside / share.total;
}

// ---------------------------------------------------------------------------------------------
// The next page's rows read ahead. A mirror asks for page n+1 only once it has page n (it needs n's
// end position), so within one request the centre's Postgres read and the API's assembly of the page
// ran one after the other. When a proof-set page is full, the rows of the page after it are read
// at once, while this page is assembled and sent; the mirror's next request takes them if it comes
// within FEED_TUNING.prefetchMs for the same subtree, position and size. They are then as of a moment
// earlier — as if the mirror had asked a moment earlier; every other request reads afresh.

/**
 * A page's rows: their key fields ("position type id version unit batch"), their documents in one
 * text (DocsForm) in the same order, and the position of the page's last row when the page is full
 * (else null: the read reached the head).
 */
type PageRows = { lines: string[]; docs: string; last: number | null };

/** A page's rows read ahead: for which page (after, first, form), up to which head, when, and the read. */
const prefetched = new WeakMap<PrismaClient, Map<string, { after: number; first: number; form: DocsForm; head: number; at: number; rows: Promise<PageRows> }>>();

async function readPageRows(prisma: PrismaClient, unitPath: string, after: number, head: number, first: number, form: DocsForm): Promise<PageRows> {
  return (await isSmallSubtree(prisma, unitPath)) ? keysByPosition(prisma, unitPath, after, head, first, form) : logWalk(prisma, unitPath, after, head, first, form);
}

/** A proof-set page's rows: read ahead by the previous page when it asked for these, else read now. */
async function pageKeys(prisma: PrismaClient, unitPath: string, after: number, head: number, first: number, form: DocsForm): Promise<PageRows> {
  let slots = prefetched.get(prisma);
  if (!slots) prefetched.set(prisma, (slots = new Map()));
  const slot = slots.get(unitPath);
  let rows: PageRows | undefined;
  if (slot) {
    slots.delete(unitPath);
    if (slot.after === after && slot.first === first && slot.form === form && Date.now() - slot.at < FEED_TUNING.prefetchMs) rows = (await slot.rows.catch(() => undefined)) ?? undefined;
    // A short page read ahead ended at the head it was read up to: taken only if the head is still there
    // (read again, the end of a large subtree cost its walk twice, ~1 s more at the 100k dataset's).
    if (rows && rows.last === null && slot.head !== head) rows = undefined;
  }
  rows ??= await readPageRows(prisma, unitPath, after, head, first, form);
  if (rows.last !== null && rows.last < head) {
    const next = readPageRows(prisma, unitPath, rows.last, head, first, form);
    next.catch(() => undefined); // taken (and its error seen) by the next request, or dropped
    slots.set(unitPath, { after: rows.last, first, form, head, at: Date.now(), rows: next });
    while (slots.size > POSITIONS_SUBTREES) slots.delete(slots.keys().next().value!);
  }
  return rows;
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
 * Asked for `texts`, the page is the same batches and leaf indices (FeedPage.textSet) and the stored
 * texts one per line as Postgres joined them (FeedPage.texts).
 */
async function proofSetPage(prisma: PrismaClient, unitPath: string, after: number, first: number, headPosition: number, headSeq: number, fallbackChainId: string | undefined, documents: FeedDocuments): Promise<FeedPage> {
  const { lines, docs, last } = await pageKeys(prisma, unitPath, after, headPosition, first, documents === 'texts' ? 'lines' : 'json');
  const keys = await keysWithHeaders(prisma, lines, docs, documents === 'set');
  const full = last !== null;
  const endPosition = last ?? headPosition;
  const page = { after, endPosition, hasMore: full && endPosition < headPosition, headPosition, headSeq };
  if (keys.length === 0) return { ...page, entries: [], proofSet: null, textSet: null, texts: null };
  const order: number[] = [];
  const bySeq = new Map<number, { header: BatchHeader; b: number; indices: number[] }>();
  for (const k of keys) {
    let at = bySeq.get(k.header.seq);
    if (!at) {
      bySeq.set(k.header.seq, (at = { header: k.header, b: order.length, indices: [] }));
      order.push(k.header.seq);
    }
    at.indices.push(k.i);
  }
  const levels = await batchLevels(prisma, order);
  const batches = order.map((seq) => {
    const { header: h, indices } = bySeq.get(seq)!;
    const chainId = h.chain_id ?? fallbackChainId;
    if (!chainId) throw new Error(`batch ${seq} is anchored but no chain id is known`);
    return buildProofSetBatch(
      {
        seq,
        size: h.size,
        root: new Uint8Array(h.root),
        prevRoot: new Uint8Array(h.prev_root),
        anchor: { chainId, height: Number(h.chain_height), txHash: h.tx_hash.toUpperCase(), time: h.anchored_at },
        levels: levelsReader(levels.get(seq)!),
      },
      indices,
    );
  });
  const entries: FeedEntry[] = [];
  const records: string[] = [];
  for (const k of keys) {
    const b = bySeq.get(k.header.seq)!.b;
    entries.push({ position: k.position, type: k.type, entityId: k.id, version: k.version, org: k.org, batchSeq: k.header.seq, documentText: k.document, bundle: null });
    records.push(documents === 'set' ? `{"b":${b},"i":${k.i},"doc":${k.document}}` : `{"b":${b},"i":${k.i}}`);
  }
  if (documents === 'texts') {
    return { ...page, entries, proofSet: null, textSet: `{"batches":${JSON.stringify(batches)},"records":[${records.join(',')}]}`, texts: docs };
  }
  const proofSet = `{"v":2,"batches":${JSON.stringify(batches)},"records":[${records.join(',')}]}`;
  return { ...page, entries, proofSet };
}
