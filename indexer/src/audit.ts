// The auditor: trusts nothing the indexer wrote. It re-derives every leaf from its stored
// document, rebuilds every batch tree from the stored leaves and compares it with the stored
// levels and root, checks the batch chain (positions, prev_root) and, with an RPC URL, each
// anchored batch against the chain with verified reads (ICS23 state proof + signed header, and
// the anchor transaction). Then it compares every verifiable row's current values with the data
// of its latest record, through the same row → data mapping the API writes with: a row edited in
// SQL behind the API's back differs. Each finding becomes a tamper_alert row naming the entity
// and the batch. Work is streamed in chunks, so a million records need little memory. The checks
// are exported one by one (loadBatches, checkBatchLinks, checkBatchGroup, checkOnChain,
// checkTableChunk, checkOrphanRecords) for the continuous auditor (continuous-audit.ts).
//
// Speed (bench/audit, bench/ops-notes.md §7, docs/decisions/024-full-audit-in-postgres.md): the
// per-record work runs in Postgres, next to the data — each stored text hashed and compared with
// its leaf, its envelope checked on the text, each row compared with its latest record on the
// text (audit/sql-rows.ts) — and only what Postgres flags is parsed and compared here, by the
// record-by-record code, which names the findings. Trees use Node's native SHA-256
// (audit/hashing.ts, held to @lianjian/verify by tests); the canonical form is checked on a
// sample; the chain is read while the log is checked, and `workers` spreads the log and rows
// phases over worker threads with a connection each (audit/parallel.ts) — the findings, their
// kinds, entities and batches, are the same in every mode.
import { bytesEqual, canonicalize, toHex, validateDocument, type RecordDocument } from '@lianjian/verify';
import { AnchorReader, sameInstant, verifyAnchorTx } from '@lianjian/verify/chain';
import type pg from 'pg';
import { loadHead, ZERO_ROOT } from './batcher.js';
import { isCanonicalText, leafOf, treeLevels } from './audit/hashing.js';
import { AuditWorkers, inOrder } from './audit/parallel.js';
import type { Task, TaskResult } from './audit/worker.js';
import { documentHolds } from './audit/row-match.js';
import { addTally, countRows, envelopeSql, recordSql, rowStateSql, TALLY_AGGREGATES, tallyRecords, toTally, type Db, type RowTally } from './audit/row-tally.js';
import { beginSnapshot, endSnapshot } from './audit/snapshot.js';
import { headSql, holdsSql, tailSql } from './audit/sql-rows.js';
import { silentLogger, type Logger } from './log.js';
import { dataFromColumns, verifiableTables, type VerifiableTable } from './records.js';

export type MismatchKind =
  /** The stored leaf is not SHA-256(0x00 ‖ stored document): one of them was changed. */
  | 'LEAF_MISMATCH'
  /** The stored document is not a canonical v1 document, or its envelope disagrees with its row in the log. */
  | 'DOCUMENT_INVALID'
  /** Positions or batch ranges are not one contiguous log, or a record below the cursor has no position. */
  | 'LOG_BROKEN'
  /** A stored tree level differs from the tree rebuilt from the stored leaves. */
  | 'LEVEL_MISMATCH'
  /** A batch's stored root differs from the root rebuilt from its leaves. */
  | 'ROOT_MISMATCH'
  /** A batch's prev_root is not the previous batch's root. */
  | 'CHAIN_LINK_BROKEN'
  /** The chain does not hold this batch as the database records it. */
  | 'CHAIN_MISMATCH'
  /** A verifiable row's current values differ from its latest record. */
  | 'ROW_MISMATCH'
  /** A verifiable row whose version has no record. */
  | 'ROW_WITHOUT_RECORD'
  /** Records of an entity whose row is gone. */
  | 'RECORD_WITHOUT_ROW';

export interface Mismatch {
  kind: MismatchKind;
  entityType?: string;
  entityId?: string;
  batchSeq?: number;
  detail: Record<string, unknown>;
}

export interface AuditOptions {
  /** CometBFT RPC for the chain checks; omitted: the chain is not consulted. */
  rpcUrl?: string;
  /** Records per chunk (default 50 000). */
  chunkSize?: number;
  /** Write tamper_alert rows (default true). */
  writeAlerts?: boolean;
  /** Concurrent chain reads (default 4). */
  chainConcurrency?: number;
  /**
   * Worker threads for the log and rows phases, each with its own connection (default 0: all in
   * this thread). The findings are the same either way.
   */
  workers?: number;
  /** The database for the workers' connections (default: the pool's connection string). */
  databaseUrl?: string;
  log?: Logger;
  /** Called at the start of each phase (done 0) and after each chunk. The chain phase runs beside the log phase. */
  progress?: (phase: 'log' | 'chain' | 'rows', done: number, total: number) => void;
}

export interface AuditReport {
  records: number;
  batches: number;
  chainChecked: number;
  chain: 'checked' | 'skipped';
  rows: number;
  /** Tables whose rows did not balance the log's tally and were walked row by row. */
  tablesWalked: string[];
  mismatches: number;
  byKind: Partial<Record<MismatchKind, number>>;
  /** The first findings (at most 100). */
  sample: Mismatch[];
  alertsWritten: number;
  elapsedMs: number;
  phaseMs: { log: number; chain: number; rows: number };
}

export interface BatchRow {
  seq: number;
  first_position: string;
  last_position: string;
  size: number;
  root: Buffer;
  prev_root: Buffer;
  status: string;
  chain_height: string | null;
  tx_hash: string | null;
  anchored_at: Date | null;
  chain_id: string | null;
}

interface RecordRow {
  position: string;
  batch_seq: number;
  id: string;
  entity_type: string;
  entity_id: string;
  version: number;
  org_unit_id: string;
  document: string;
  leaf: Buffer;
}

const SAMPLE = 100;

/** Where the checks put what they find: a Findings, or a worker thread's list (audit/worker.ts). */
export interface FindingSink {
  add(m: Mismatch): void;
}

export class Findings implements FindingSink {
  readonly byKind: Partial<Record<MismatchKind, number>> = {};
  readonly sample: Mismatch[] = [];
  total = 0;
  alertsWritten = 0;
  private pending: Mismatch[] = [];

  constructor(
    private readonly pool: pg.Pool,
    private readonly write: boolean,
    /** Told of every finding as it is made (the continuous auditor counts them in its metrics). */
    private readonly onFinding?: (m: Mismatch) => void,
  ) {}

  add(m: Mismatch): void {
    this.onFinding?.(m);
    this.total++;
    this.byKind[m.kind] = (this.byKind[m.kind] ?? 0) + 1;
    if (this.sample.length < SAMPLE) this.sample.push(m);
    this.pending.push(m);
  }

  /** One set-based insert per chunk; an open alert for the same finding is not repeated. */
  async flush(): Promise<void> {
    const ms = this.pending;
    this.pending = [];
    if (!this.write || ms.length === 0) return;
    const { rowCount } = await this.pool.query(
      `INSERT INTO tamper_alert (kind, entity_type, entity_id, batch_seq, detail)
       SELECT u.k, u.t, u.i::uuid, u.b, u.d::jsonb
         FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[]) AS u(k, t, i, b, d)
        WHERE NOT EXISTS (
          SELECT 1 FROM tamper_alert a
           WHERE a.resolved_at IS NULL AND a.kind = u.k AND a.entity_type IS NOT DISTINCT FROM u.t
             AND a.entity_id IS NOT DISTINCT FROM u.i::uuid AND a.batch_seq IS NOT DISTINCT FROM u.b)`,
      [
        ms.map((m) => m.kind),
        ms.map((m) => m.entityType ?? null),
        ms.map((m) => (m.entityId && /^[0-9a-f-]{36}$/i.test(m.entityId) ? m.entityId : null)),
        ms.map((m) => m.batchSeq ?? null),
        ms.map((m) => JSON.stringify(m.detail)),
      ],
    );
    this.alertsWritten += rowCount ?? 0;
  }
}

/** Checks one stored document against its log row; returns the parsed document or a finding. */
function checkDocument(r: RecordRow): { doc?: RecordDocument; problem?: Record<string, unknown>; leafOk: boolean } {
  const leafOk = leafOf(r.document).equals(r.leaf);
  let doc: RecordDocument;
  try {
    // JSON.parse is ~10× faster than verify's strict parser; what it lets through (a duplicate
    // key) cannot survive the comparison with the canonical text below.
    const parsed: unknown = JSON.parse(r.document);
    if (!isCanonicalText(r.document, parsed)) return { leafOk, problem: { reason: 'stored text is not the canonical (JCS) form of the document' } };
    // The text is canonical, so its data canonicalises: the envelope's checks are validated on a
    // copy with empty data, sparing validateDocument a second pass over every record's data.
    const data = (parsed as { data?: unknown } | null)?.data;
    const plain = typeof data === 'object' && data !== null && Object.getPrototypeOf(data) === Object.prototype;
    doc = plain ? { ...validateDocument({ ...(parsed as object), data: {} }), data } as RecordDocument : validateDocument(parsed);
  } catch (error) {
    return { leafOk, problem: { reason: `not a valid v1 document: ${error instanceof Error ? error.message : String(error)}` } };
  }
  const envelope: [string, unknown, unknown][] = [
    ['type', doc.type, r.entity_type],
    ['id', doc.id, r.entity_id],
    ['version', doc.version, r.version],
    ['org', doc.org, r.org_unit_id],
  ];
  const differs = envelope.filter(([, a, b]) => a !== b).map(([k]) => k);
  if (differs.length) return { doc, leafOk, problem: { reason: `document ${differs.join(', ')} differ from the log row's columns` } };
  return { doc, leafOk };
}

export async function audit(pool: pg.Pool, opts: AuditOptions = {}): Promise<AuditReport> {
  const t0 = performance.now();
  const log = opts.log ?? silentLogger;
  const chunkSize = opts.chunkSize ?? 50_000;
  const findings = new Findings(pool, opts.writeAlerts ?? true);
  const workerCount = Math.max(0, Math.floor(opts.workers ?? 0));
  // Everything is read from one snapshot (audit/snapshot.ts); the findings are written by other
  // connections of the pool, outside it: with one connection they would wait for ever.
  if ((pool.options.max ?? 10) < 2) throw new Error('audit: the pool needs at least two connections (one holds the snapshot the audit reads)');
  const snap = await pool.connect();
  let inSnapshot = false;
  let workers: AuditWorkers | undefined;
  try {
    const snapshot = await beginSnapshot(snap);
    inSnapshot = true;
    if (workerCount > 0) {
      const url = opts.databaseUrl ?? pool.options.connectionString;
      if (!url) throw new Error('audit: worker threads need the database URL (databaseUrl)');
      workers = new AuditWorkers(workerCount, url, snapshot);
    }
    const batches = await loadBatches(snap);
    // The chain phase waits on the node, not on this process: it runs beside the log phase.
    const chain = opts.rpcUrl ? checkAnchors(opts.rpcUrl, batches, opts, findings) : undefined;
    chain?.catch(() => {});

    // ── Phase 1: the log — documents, leaves, positions, trees, batch chain — and each record
    // against its entity's row (audit/row-tally.ts) ──
    let records = 0;
    const tally: RowTally = {};
    checkBatchLinks(batches, undefined, findings);
    const totalLog = batches.reduce((a, b) => a + b.size, 0);
    opts.progress?.('log', 0, totalLog);
    const groups: BatchRow[][] = [];
    for (let i = 0; i < batches.length; ) {
      // A group of whole batches of about chunkSize records.
      let j = i;
      let n = 0;
      while (j < batches.length && (j === i || n + batches[j]!.size <= chunkSize)) n += batches[j++]!.size;
      groups.push(batches.slice(i, j));
      i = j;
    }
    const checkGroup = async (group: BatchRow[]): Promise<TaskResult> => {
      if (workers) return workers.run({ kind: 'log', group });
      const found: Mismatch[] = [];
      const r = await checkGroupAndRows(snap, group, { add: (m) => void found.push(m) });
      return { ...r, findings: found };
    };
    await inOrder(groups, Math.max(1, workerCount * 2), checkGroup, async (r) => {
      for (const m of r.findings) findings.add(m);
      records += r.done;
      addTally(tally, r.tally);
      await findings.flush();
      opts.progress?.('log', records, totalLog);
    });
    records += await checkUnbatched(snap, chunkSize, findings, tally);
    const tLog = performance.now();
    log.info('audit: log checked', { records, batches: batches.length, ms: Math.round(tLog - t0) });

    // ── Phase 2: the chain, with verified reads (started above) ──
    const chainResult = chain ? await chain : { checked: 0, ms: 0 };
    await findings.flush();

    // ── Phase 3: each table's rows counted against the tally, its suspects compared row by
    // row; a table that does not balance is walked row by row, which names what differs ──
    const tRowsStart = performance.now();
    const tables = verifiableTables();
    opts.progress?.('rows', 0, tables.length);
    const counts: number[] = [];
    await inOrder(
      tables.map((_, table) => table),
      Math.max(1, workerCount * 2),
      async (table) => (workers ? (await workers.run({ kind: 'count', table })).done : countRows(snap, tables[table]!.table)),
      (n, table) => {
        counts[table] = n;
        opts.progress?.('rows', table + 1, tables.length);
      },
    );
    const walk: number[] = [];
    for (const [i, t] of tables.entries()) {
      if (!(await balances(snap, t, tally[t.type] ?? { matched: 0, suspects: [] }, counts[i]!, chunkSize, findings))) walk.push(i);
    }
    if (walk.length > 0) log.info('audit: tables walked row by row', { tables: walk.map((i) => tables[i]!.type) });
    if (workers) await auditTablesInWorkers(snap, workers, workerCount, chunkSize, findings, walk);
    else await auditTables(snap, chunkSize, findings, walk);
    const rowsChecked = counts.reduce((a, b) => a + b, 0);
    opts.progress?.('rows', tables.length, tables.length);
    const tRows = performance.now();

    return {
      records,
      batches: batches.length,
      chainChecked: chainResult.checked,
      chain: opts.rpcUrl ? 'checked' : 'skipped',
      rows: rowsChecked,
      tablesWalked: walk.map((i) => tables[i]!.type),
      mismatches: findings.total,
      byKind: findings.byKind,
      sample: findings.sample,
      alertsWritten: findings.alertsWritten,
      elapsedMs: tRows - t0,
      phaseMs: { log: tLog - t0, chain: chainResult.ms, rows: tRows - tRowsStart },
    };
  } finally {
    await workers?.close();
    if (inSnapshot) await endSnapshot(snap).catch(() => {});
    snap.release();
  }
}

/**
 * Whether a table's rows balance the log pass's tally (audit/row-tally.ts): its suspects are
 * compared with their latest records one by one (each finding named), and the rows the tally
 * matched plus the suspects' rows it did not must be all the table's rows — then no row escaped
 * both. The suspects' findings are kept only then; a table that does not balance is walked
 * whole, which finds them again.
 */
async function balances(db: Db, t: VerifiableTable, c: RowTally[string], rows: number, chunkSize: number, findings: Findings): Promise<boolean> {
  if (c.suspects === null) return false;
  const ids = [...new Set(c.suspects)];
  const found: Mismatch[] = [];
  const sink = { add: (m: Mismatch) => void found.push(m) };
  let unmatched = 0;
  for (let k = 0; k < ids.length; k += chunkSize) {
    const part = ids.slice(k, k + chunkSize);
    unmatched += (await checkRowsById(db, t, part, sink)).unmatched;
    await checkOrphanRecords(db, t, sink, part);
  }
  if (c.matched + unmatched !== rows) return false;
  for (const m of found) findings.add(m);
  await findings.flush();
  return true;
}

/** Records not in a batch yet: every one must lie beyond the cursor (else the log skipped it). */
async function checkUnbatched(pool: Db, chunkSize: number, findings: Findings, tally: RowTally): Promise<number> {
  let records = 0;
  const head = await loadHead(pool);
  const counts = (await pool.query<{ total: string; positioned: string; after: string }>(
    `SELECT (SELECT count(*) FROM outbox_record)::text AS total, (SELECT count(*) FROM record_position)::text AS positioned,
            (SELECT count(*) FROM outbox_record WHERE (xid, id) > ($1::xid8, $2::bigint))::text AS after`,
    [head.cursor.xid, head.cursor.id],
  )).rows[0]!;
  if (Number(counts.total) !== Number(counts.positioned) + Number(counts.after)) {
    const skipped = await pool.query<{ entity_type: string; entity_id: string; version: number }>(
      `SELECT o.entity_type, o.entity_id::text, o.version FROM outbox_record o
        WHERE (o.xid, o.id) <= ($1::xid8, $2::bigint) AND NOT EXISTS (SELECT 1 FROM record_position rp WHERE rp.record_id = o.id) LIMIT 1000`,
      [head.cursor.xid, head.cursor.id],
    );
    for (const s of skipped.rows) findings.add({ kind: 'LOG_BROKEN', entityType: s.entity_type, entityId: s.entity_id, detail: { version: s.version, reason: 'record below the log cursor has no position' } });
  }
  for (let cursor = { xid: head.cursor.xid, id: head.cursor.id }; ; ) {
    const rows = (await pool.query<RecordRow & { xid: string }>(
      `SELECT NULL AS position, NULL AS batch_seq, id::text, xid::text, entity_type, entity_id::text, version, org_unit_id::text, document, leaf
         FROM outbox_record WHERE (xid, id) > ($1::xid8, $2::bigint) ORDER BY xid, id LIMIT $3`,
      [cursor.xid, cursor.id, chunkSize],
    )).rows;
    for (const r of rows) {
      const c = checkDocument(r);
      if (!c.leafOk) findings.add({ kind: 'LEAF_MISMATCH', entityType: r.entity_type, entityId: r.entity_id, detail: { version: r.version, storedLeaf: r.leaf.toString('hex'), documentLeaf: leafOf(r.document).toString('hex') } });
      if (c.problem) findings.add({ kind: 'DOCUMENT_INVALID', entityType: r.entity_type, entityId: r.entity_id, detail: { version: r.version, ...c.problem } });
    }
    if (rows.length > 0) addTally(tally, await tallyRecords(pool, rows.map((r) => r.id)));
    records += rows.length;
    await findings.flush();
    if (rows.length < chunkSize) break;
    cursor = { xid: rows[rows.length - 1]!.xid, id: rows[rows.length - 1]!.id };
  }
  return records;
}

/** Every anchored batch against the chain, `chainConcurrency` reads at a time. */
async function checkAnchors(rpcUrl: string, batches: BatchRow[], opts: AuditOptions, findings: Findings): Promise<{ checked: number; ms: number }> {
  const t = performance.now();
  let checked = 0;
  const anchored = batches.filter((b) => b.status === 'ANCHORED');
  opts.progress?.('chain', 0, anchored.length);
  const readers = new Map<string, AnchorReader>();
  const readerFor = (chainId: string | null) => {
    const key = chainId ?? '';
    let r = readers.get(key);
    if (!r) readers.set(key, (r = new AnchorReader(rpcUrl, chainId ? { chainId } : {})));
    return r;
  };
  const queue = [...anchored];
  const worker = async () => {
    for (let b = queue.shift(); b; b = queue.shift()) {
      const problem = await checkOnChain(readerFor(b.chain_id), b);
      if (problem) findings.add({ kind: 'CHAIN_MISMATCH', batchSeq: b.seq, detail: problem });
      checked++;
      if (checked % 10 === 0) opts.progress?.('chain', checked, anchored.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.chainConcurrency ?? 4) }, worker));
  opts.progress?.('chain', checked, anchored.length);
  return { checked, ms: performance.now() - t };
}

/** The row-by-row walk in this thread, table after table (`tables`: indexes into verifiableTables()). */
async function auditTables(pool: Db, chunkSize: number, findings: Findings, tables: number[]): Promise<void> {
  for (const i of tables) await auditTable(pool, verifiableTables()[i]!, chunkSize, findings);
}

const LAST_ID = 'ffffffff-ffff-ffff-ffff-ffffffffffff';

/**
 * The row-by-row walk in worker threads: each table cut into id ranges of about chunkSize rows (ids
 * are random uuids, so equal slices of the id space hold about equal numbers of rows), then its
 * orphan check.
 */
async function auditTablesInWorkers(pool: Db, workers: AuditWorkers, workerCount: number, chunkSize: number, findings: Findings, walk: number[]): Promise<void> {
  if (walk.length === 0) return;
  const tables = verifiableTables();
  const estimates = new Map(
    (await pool.query<{ relname: string; n: number }>(`SELECT relname, reltuples::float8 AS n FROM pg_class WHERE relkind IN ('r', 'p') AND relname = ANY($1::text[])`, [walk.map((i) => tables[i]!.table)])).rows.map((r) => [r.relname, r.n]),
  );
  const tasks: Task[] = [];
  walk.forEach((table) => {
    const t = tables[table]!;
    // reltuples is -1 for a table never analysed: one range, walked chunk by chunk.
    const parts = Math.min(256, Math.max(1, Math.ceil((estimates.get(t.table) ?? 0) / chunkSize)));
    let after = FIRST_ID;
    for (let k = 1; k <= parts; k++) {
      const upTo = k === parts ? LAST_ID : `${Math.floor((k * 256) / parts - 1).toString(16).padStart(2, '0')}ffffff-ffff-ffff-ffff-ffffffffffff`;
      tasks.push({ kind: 'rows', table, after, upTo, chunkSize });
      after = upTo;
    }
    tasks.push({ kind: 'orphans', table });
  });
  await inOrder(tasks, workerCount * 2, (task) => workers.run(task), async (r) => {
    for (const m of r.findings) findings.add(m);
    await findings.flush();
  });
}

/**
 * The batch chain: consecutive seqs, contiguous position ranges, each prev_root the previous
 * batch's root. `before` is the batch preceding `batches[0]` (undefined: they start the log).
 */
export function checkBatchLinks(batches: BatchRow[], before: BatchRow | undefined, findings: FindingSink): void {
  let expectFirst = before ? Number(before.last_position) + 1 : 0;
  let prevRoot: Uint8Array = before ? before.root : ZERO_ROOT;
  let expectSeq = before ? before.seq + 1 : 1;
  for (const b of batches) {
    if (b.seq !== expectSeq || Number(b.first_position) !== expectFirst || Number(b.last_position) - Number(b.first_position) + 1 !== b.size) {
      findings.add({ kind: 'LOG_BROKEN', batchSeq: b.seq, detail: { reason: `batch ${b.seq} covers ${b.first_position}..${b.last_position} (size ${b.size}); expected seq ${expectSeq} from position ${expectFirst}` } });
    }
    if (!bytesEqual(b.prev_root, prevRoot)) {
      findings.add({ kind: 'CHAIN_LINK_BROKEN', batchSeq: b.seq, detail: { prevRoot: toHex(b.prev_root), previousRoot: toHex(prevRoot) } });
    }
    prevRoot = b.root;
    expectFirst = Number(b.last_position) + 1;
    expectSeq = b.seq + 1;
  }
}

/** Batch rows, all or a seq range, in seq order. */
export async function loadBatches(pool: Db, range?: { from: number; to: number }, status?: 'ANCHORED'): Promise<BatchRow[]> {
  const where: string[] = [];
  const values: unknown[] = [];
  if (range) {
    values.push(range.from, range.to);
    where.push(`seq BETWEEN $1 AND $2`);
  }
  if (status) where.push(`status = 'ANCHORED'`);
  return (await pool.query<BatchRow>(
    `SELECT seq, first_position::text, last_position::text, size, root, prev_root, status::text, chain_height::text, tx_hash, anchored_at, chain_id
       FROM batch ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq`,
    values,
  )).rows;
}

/** One sampled document in this many (by position) is parsed and checked for its canonical form. */
export const CANONICAL_SAMPLE = 1000;

/**
 * Re-derives the leaves of a group of consecutive whole batches from their stored documents,
 * rebuilds their trees and compares levels and roots; returns the records checked. The findings
 * are added to `findings` (the caller flushes).
 *
 * Postgres does the per-record work (docs/decisions/024-full-audit-in-postgres.md): it hashes
 * each stored text, compares it with the stored leaf, checks the document's envelope on its text
 * against the log row's columns, the commit order of the positions and their batch labels, and
 * hands over each batch's leaves as one bytea. This process builds the trees and compares levels
 * and roots. A group where Postgres flags anything — or where a sampled document is not
 * canonical — is checked again record by record (checkBatchGroupInNode), which names the findings.
 */
export async function checkBatchGroup(pool: Db, group: BatchRow[], findings: FindingSink): Promise<number> {
  return (await checkGroup(pool, group, findings, false)).done;
}

/**
 * checkBatchGroup, and in the same statement each record against its entity's row (the full
 * audit's rows check, audit/row-tally.ts): the documents are read once for both.
 */
export async function checkGroupAndRows(pool: Db, group: BatchRow[], findings: FindingSink): Promise<{ done: number; tally: RowTally }> {
  return checkGroup(pool, group, findings, true);
}

async function checkGroup(pool: Db, group: BatchRow[], findings: FindingSink, withRows: boolean): Promise<{ done: number; tally: RowTally }> {
  const from = Number(group[0]!.first_position);
  const to = Number(group[group.length - 1]!.last_position);
  // The LATERAL with OFFSET 0 keeps the join a primary-key probe per position (a plain join
  // tempts the planner into scanning the whole outbox once per group), and converts each text to
  // bytes once. The envelope test is documentHolds's tail on those bytes (audit/row-tally.ts
  // envelopeSql): `,"id":…,"org":…,"salt":"<22>","type":…,"v":1,"version":n}`. With the rows,
  // each record also meets its row (rowStateSql) and the same records are grouped a second way,
  // by type (GROUPING SETS), for the tally.
  const { rows: all } = await pool.query<{ by_type: number; type: string | null; bucket: number; n: number; labelled: boolean; suspect: number; leaves: Buffer | null; sampled: string[] | null; matched: number; suspects: string[] | null }>(
    `SELECT ${withRows ? 'GROUPING(x.entity_type)' : '1'} AS by_type, ${withRows ? 'x.entity_type' : 'NULL'} AS type,
            width_bucket(x.position, $3::bigint[]) AS bucket, count(*)::int AS n, bool_and(x.batch_seq = ($4::int[])[width_bucket(x.position, $3::bigint[])]) AS labelled,
            count(*) FILTER (WHERE x.ok IS NOT TRUE OR x.ordered IS FALSE)::int AS suspect,
            string_agg(x.leaf, ''::bytea ORDER BY x.position) AS leaves,
            array_agg(x.position::text) FILTER (WHERE x.position % $5 = 0) AS sampled,
            ${withRows ? TALLY_AGGREGATES : '0 AS matched, NULL::text[] AS suspects'}
       FROM (SELECT rp.position, rp.batch_seq, o.leaf, o.entity_type, o.entity_id,
                    o.leaf = sha256(decode('00', 'hex') || o.b) AND e.env AS ok,
                    o.xid > lag(o.xid) OVER w OR (o.xid = lag(o.xid) OVER w AND o.id > lag(o.id) OVER w) AS ordered,
                    ${withRows ? rowStateSql('o', 'e') : 'NULL::int'} AS state
               FROM record_position rp
               JOIN LATERAL (SELECT ${recordSql('r')} FROM outbox_record r WHERE r.id = rp.record_id OFFSET 0) o ON true
               CROSS JOIN LATERAL (${envelopeSql('o')} OFFSET 0) e
              WHERE rp.position BETWEEN $1 AND $2
             WINDOW w AS (ORDER BY rp.position)) x
      GROUP BY ${withRows ? 'GROUPING SETS ((width_bucket(x.position, $3::bigint[])), (x.entity_type))' : '3'} ORDER BY 1, 3`,
    [from, to, group.map((b) => b.first_position), group.map((b) => b.seq), CANONICAL_SAMPLE],
  );
  const sums = all.filter((r) => r.by_type === 1);
  const tally = toTally(all.filter((r) => r.by_type === 0).map((r) => ({ type: r.type!, matched: r.matched, suspects: r.suspects })));
  const byBatch = new Map(sums.map((s) => [s.bucket, s]));
  let flagged = byBatch.size !== group.length;
  for (let i = 0; i < group.length && !flagged; i++) {
    const s = byBatch.get(i + 1);
    flagged = !s || s.n !== group[i]!.size || !s.labelled || s.suspect > 0 || !s.leaves;
  }
  // Sampled documents: the full parse, canonical-form and envelope check of the record path.
  const sampled = sums.flatMap((s) => s.sampled ?? []);
  if (!flagged && sampled.length > 0) {
    const { rows } = await pool.query<RecordRow>(
      `SELECT rp.position::text, rp.batch_seq, o.id::text, o.entity_type, o.entity_id::text, o.version, o.org_unit_id::text, o.document, o.leaf
         FROM record_position rp JOIN outbox_record o ON o.id = rp.record_id WHERE rp.position = ANY($1::bigint[])`,
      [sampled],
    );
    flagged = rows.some((r) => checkDocument(r).problem !== undefined);
  }
  if (flagged) return { done: await checkBatchGroupInNode(pool, group, findings), tally };

  const levels = (await pool.query<{ batch_seq: number; level: number; hashes: Buffer }>(
    `SELECT batch_seq, level, hashes FROM batch_level WHERE batch_seq BETWEEN $1 AND $2 ORDER BY batch_seq, level`,
    [group[0]!.seq, group[group.length - 1]!.seq],
  )).rows;
  let records = 0;
  group.forEach((b, i) => {
    const all = byBatch.get(i + 1)!.leaves!;
    const leaves: Buffer[] = new Array<Buffer>(b.size);
    for (let k = 0; k < b.size; k++) leaves[k] = all.subarray(k * 32, k * 32 + 32);
    records += b.size;
    compareTree(b, treeLevels(leaves), levels.filter((l) => l.batch_seq === b.seq), findings);
  });
  return { done: records, tally };
}

/** A batch's rebuilt levels and root against the stored ones. */
function compareTree(b: BatchRow, layers: Buffer[], stored: { level: number; hashes: Buffer }[], findings: FindingSink): void {
  const bad = layers
    .map((layer, lv) => ({ lv, ok: stored.find((s) => s.level === lv)?.hashes.equals(layer) === true }))
    .filter((x) => !x.ok)
    .map((x) => x.lv);
  if (bad.length > 0 || stored.length !== layers.length) {
    findings.add({ kind: 'LEVEL_MISMATCH', batchSeq: b.seq, detail: { levels: bad, storedLevels: stored.length, expectedLevels: layers.length } });
  }
  const root = layers[layers.length - 1]!;
  if (!bytesEqual(root, b.root)) findings.add({ kind: 'ROOT_MISMATCH', batchSeq: b.seq, detail: { storedRoot: toHex(b.root), rebuiltRoot: toHex(root) } });
}

/**
 * The log checks of a group in this process, record by record: every document parsed and
 * checked for its canonical form and envelope, its leaf re-derived, positions, trees, levels and
 * roots compared. checkBatchGroup runs this for a group where Postgres flagged anything, so a
 * finding comes with the same kind, entity, batch and detail as it always has.
 */
async function checkBatchGroupInNode(pool: Db, group: BatchRow[], findings: FindingSink): Promise<number> {
  const from = Number(group[0]!.first_position);
  const to = Number(group[group.length - 1]!.last_position);
  // Positions first (a narrow index range), then their records by primary key: a join here
  // tempts the planner into scanning the whole outbox once per chunk.
  const positions = (await pool.query<{ position: string; record_id: string; batch_seq: number }>(
    `SELECT rp.position::text, rp.record_id::text, rp.batch_seq FROM record_position rp WHERE rp.position BETWEEN $1 AND $2 ORDER BY rp.position`,
    [from, to],
  )).rows;
  const byId = new Map(
    (await pool.query<Omit<RecordRow, 'position' | 'batch_seq'> & { xid: string }>(
      `SELECT id::text, xid::text, entity_type, entity_id::text, version, org_unit_id::text, document, leaf
         FROM outbox_record WHERE id = ANY($1::bigint[])`,
      [positions.map((p) => p.record_id)],
    )).rows.map((r) => [r.id, r]),
  );
  const rows: (RecordRow & { xid: string })[] = [];
  let prevKey: [bigint, bigint] | undefined;
  for (const p of positions) {
    const r = byId.get(p.record_id);
    if (!r) {
      findings.add({ kind: 'LOG_BROKEN', batchSeq: p.batch_seq, detail: { reason: `position ${p.position} names record ${p.record_id}, which is not in the outbox` } });
      continue;
    }
    // Positions follow the claim order, (xid, id): anything else was rewritten.
    const key: [bigint, bigint] = [BigInt(r.xid), BigInt(r.id)];
    if (prevKey && (key[0] < prevKey[0] || (key[0] === prevKey[0] && key[1] <= prevKey[1]))) {
      findings.add({ kind: 'LOG_BROKEN', entityType: r.entity_type, entityId: r.entity_id, batchSeq: p.batch_seq, detail: { reason: `position ${p.position} is out of commit order` } });
    }
    prevKey = key;
    rows.push({ ...r, position: p.position, batch_seq: p.batch_seq });
  }
  const levels = (await pool.query<{ batch_seq: number; level: number; hashes: Buffer }>(
    `SELECT batch_seq, level, hashes FROM batch_level WHERE batch_seq BETWEEN $1 AND $2 ORDER BY batch_seq, level`,
    [group[0]!.seq, group[group.length - 1]!.seq],
  )).rows;
  let k = 0;
  for (const b of group) {
    const first = Number(b.first_position);
    const mine: RecordRow[] = [];
    while (k < rows.length && Number(rows[k]!.position) <= Number(b.last_position)) mine.push(rows[k++]!);
    const misplaced = mine.some((r, x) => Number(r.position) !== first + x || r.batch_seq !== b.seq);
    if (mine.length !== b.size || misplaced) {
      findings.add({ kind: 'LOG_BROKEN', batchSeq: b.seq, detail: { reason: `batch ${b.seq} has ${mine.length} positioned records for size ${b.size}${misplaced ? ', not contiguous or labelled with another batch' : ''}` } });
    }
    for (const r of mine) {
      const c = checkDocument(r);
      if (!c.leafOk) {
        findings.add({ kind: 'LEAF_MISMATCH', entityType: r.entity_type, entityId: r.entity_id, batchSeq: b.seq, detail: { version: r.version, position: Number(r.position), storedLeaf: r.leaf.toString('hex'), documentLeaf: leafOf(r.document).toString('hex') } });
      }
      if (c.problem) findings.add({ kind: 'DOCUMENT_INVALID', entityType: r.entity_type, entityId: r.entity_id, batchSeq: b.seq, detail: { version: r.version, position: Number(r.position), ...c.problem } });
    }
    if (mine.length === 0) continue;
    compareTree(b, treeLevels(mine.map((r) => r.leaf)), levels.filter((l) => l.batch_seq === b.seq), findings);
  }
  return rows.length;
}

/** The chain's copy of a batch as a verified read returned it. */
export type ChainBatch = Awaited<ReturnType<AnchorReader['readBatch']>>['batch'];

/**
 * Chain copies already read with a verified read (proof against a signed header) and whose
 * anchor transaction was checked, by chain id and seq. A committed block never changes, so a pass
 * after the first compares the stored batch with this copy instead of asking the chain again;
 * only a stored tx hash other than the one checked goes back to the chain.
 */
export type ChainCopies = Map<string, { batch: ChainBatch; txHash: string | null }>;

export async function checkOnChain(reader: AnchorReader, b: BatchRow, copies?: ChainCopies): Promise<Record<string, unknown> | undefined> {
  try {
    const key = `${b.chain_id ?? ''}/${b.seq}`;
    const known = copies?.get(key);
    const batch = known?.batch ?? (await reader.readBatch(b.seq)).batch;
    const differs: string[] = [];
    if (!bytesEqual(batch.root, b.root)) differs.push(`root ${toHex(batch.root)} on chain, ${toHex(b.root)} stored`);
    if (Number(batch.size) !== b.size) differs.push(`size ${batch.size} on chain, ${b.size} stored`);
    if (!bytesEqual(batch.prevRoot, b.prev_root)) differs.push(`prev_root ${toHex(batch.prevRoot)} on chain, ${toHex(b.prev_root)} stored`);
    if (b.chain_height !== null && batch.height !== Number(b.chain_height)) differs.push(`height ${batch.height} on chain, ${b.chain_height} stored`);
    if (b.anchored_at && !sameInstant(b.anchored_at.toISOString(), batch.time)) differs.push(`time ${batch.time} on chain, ${b.anchored_at.toISOString()} stored`);
    if (differs.length > 0) return { reason: differs.join('; ') };
    if (b.tx_hash && known?.txHash !== b.tx_hash) await verifyAnchorTx(reader, batch.height, b.tx_hash, BigInt(b.seq), b.root);
    // Only a copy that matched and whose transaction checked out is kept.
    if (!known || known.txHash !== b.tx_hash) copies?.set(key, { batch, txHash: b.tx_hash });
    return undefined;
  } catch (error) {
    return { reason: error instanceof Error ? error.message : String(error) };
  }
}

async function auditTable(pool: Db, t: VerifiableTable, chunkSize: number, findings: Findings): Promise<number> {
  let last = FIRST_ID;
  let checked = 0;
  for (;;) {
    const chunk = await checkTableChunk(pool, t, last, chunkSize, findings);
    checked += chunk.checked;
    await findings.flush();
    if (chunk.checked < chunkSize) break;
    last = chunk.last;
  }
  await checkOrphanRecords(pool, t, findings);
  await findings.flush();
  return checked;
}

/** Below every uuid: where a walk over a verifiable table starts. */
export const FIRST_ID = '00000000-0000-0000-0000-000000000000';

/**
 * Compares up to `limit` rows of a verifiable table (ids after `after`) with their latest
 * records; returns how many were checked and the last id (the next chunk starts after it).
 */
export async function checkTableChunk(
  pool: Db,
  t: VerifiableTable,
  after: string,
  limit: number,
  findings: FindingSink,
  /** The last id of the range (inclusive); omitted: to the end of the table. */
  upTo?: string,
): Promise<{ checked: number; last: string }> {
  // The chunk: the next `limit` ids, an index-only scan.
  const bounds = (await pool.query<{ n: number; last: string | null }>(
    `WITH c AS MATERIALIZED (SELECT id FROM ${quoteIdent(t.table)} WHERE id > $1::uuid ${upTo ? 'AND id <= $3::uuid' : ''} ORDER BY id LIMIT $2)
     SELECT (SELECT count(*) FROM c)::int AS n, (SELECT id::text FROM c ORDER BY id DESC LIMIT 1) AS last`,
    upTo ? [after, limit, upTo] : [after, limit],
  )).rows[0]!;
  if (bounds.n === 0 || bounds.last === null) return { checked: 0, last: after };
  await compareRows(pool, t, `t.id > $2::uuid AND t.id <= $3::uuid`, [after, bounds.last], findings);
  return { checked: bounds.n, last: bounds.last };
}

/**
 * The rows of a verifiable table with these ids against their latest records (the log pass's
 * suspects, audit/row-tally.ts), each finding added to `findings`. Returns how many of them
 * exist, and how many of those the log pass did not count as matched: the record at the row's
 * version does not hold it on the text — the tally's own test, on the same snapshot.
 */
export async function checkRowsById(pool: Db, t: VerifiableTable, ids: string[], findings: FindingSink): Promise<{ rows: number; unmatched: number }> {
  const { rows } = await pool.query<{ rows: string; matched: string }>(
    `SELECT count(*)::text AS rows, count(*) FILTER (WHERE ${rowStateSql('o', 'e')} = 2)::text AS matched
       FROM ${quoteIdent(t.table)} t
       LEFT JOIN LATERAL (SELECT ${recordSql('r')} FROM outbox_record r WHERE r.entity_type = $1 AND r.entity_id = t.id AND r.version = t.version OFFSET 0) o ON true
       LEFT JOIN LATERAL (${envelopeSql('o')} OFFSET 0) e ON true
      WHERE t.id = ANY($2::uuid[])`,
    [t.type, ids],
  );
  await compareRows(pool, t, `t.id = ANY($2::uuid[])`, [ids], findings);
  return { rows: Number(rows[0]!.rows), unmatched: Number(rows[0]!.rows) - Number(rows[0]!.matched) };
}

/**
 * Compares the rows of `t` selected by `where` (over the alias t; $1 is the type, then `values`)
 * with their latest records; adds a finding for each that differs.
 */
async function compareRows(pool: Db, t: VerifiableTable, where: string, values: unknown[], findings: FindingSink): Promise<void> {
  const cols = t.fields.map((f) => `t.${quoteIdent(f.column)}`).join(', ');
  // Postgres compares each row with its latest record on the text (audit/sql-rows.ts) and sends
  // only the rows it cannot call equal — a difference, a row without a record, or a value its SQL
  // does not write as JCS would — to the exact comparison below. OFFSET 0 keeps the subquery
  // whole, so the row's expected text is built once. The record's batch is looked up only for
  // rows with a finding (below).
  const { rows } = await pool.query<Record<string, unknown> & { __id: string; __version: number; __org: string; __document: string | null; __record: string | null }>(
    `SELECT s.__id, s.__version, s.__org, ${t.fields.map((f) => `s.${quoteIdent(f.column)}`).join(', ')}, s.__document, s.__record
       FROM (SELECT t.id::text AS __id, t.version AS __version, t.${quoteIdent(t.orgColumn)}::text AS __org, ${cols},
                    o.document AS __document, convert_to(o.document, 'UTF8') AS __bytes, o.id::text AS __record,
                    convert_to(${headSql(t)}, 'UTF8') AS __head, convert_to(${tailSql(t)}, 'UTF8') AS __tail
               FROM ${quoteIdent(t.table)} t
               LEFT JOIN LATERAL (SELECT id, document FROM outbox_record
                                   WHERE entity_type = $1 AND entity_id = t.id ORDER BY version DESC LIMIT 1) o ON true
              WHERE ${where} OFFSET 0) s
      WHERE s.__document IS NULL OR ${holdsSql('s.__bytes', 's.__head', 's.__tail')} IS NOT TRUE
      ORDER BY s.__id`,
    [t.type, ...values],
  );
  const found: { record: string; m: Mismatch }[] = [];
  for (const row of rows) {
    if (row.__document === null) {
      findings.add({ kind: 'ROW_WITHOUT_RECORD', entityType: t.type, entityId: row.__id, detail: { version: row.__version } });
      continue;
    }
    let data: Record<string, unknown> | undefined;
    let dataError: string | undefined;
    try {
      data = dataFromColumns(t, row);
    } catch (error) {
      dataError = error instanceof Error ? error.message : String(error);
    }
    // The common case, a row that matches its record, is decided on the text; anything else
    // takes the full comparison below, which names the fields that differ.
    if (data && documentHolds(row.__document, { type: t.type, id: row.__id, version: row.__version, org: row.__org, data })) continue;
    let doc: RecordDocument;
    try {
      doc = JSON.parse(row.__document) as RecordDocument;
    } catch {
      continue; // reported by the log phase
    }
    const problems: Record<string, unknown> = {};
    if (doc.version !== row.__version) problems.version = { row: row.__version, record: doc.version };
    if (doc.org !== row.__org) problems.org = { row: row.__org, record: doc.org };
    if (dataError !== undefined) problems.data = dataError;
    data ??= {};
    if (canonicalize(data) !== canonicalize(doc.data ?? {})) {
      // A key one side lacks and the other holds as null is no difference (a column added later).
      const fields = Object.keys({ ...data, ...doc.data }).filter((k) => canonicalize(data[k] ?? null) !== canonicalize(doc.data?.[k] ?? null));
      if (fields.length) problems.fields = fields;
    }
    if (Object.keys(problems).length) {
      // The leaf the row's current values would have, for the record it claims to match.
      const asRow = { ...doc, org: row.__org, version: row.__version, data };
      found.push({ record: row.__record!, m: { kind: 'ROW_MISMATCH', entityType: t.type, entityId: row.__id, detail: { ...problems, rowLeaf: leafOf(canonicalize(asRow)).toString('hex') } } });
    }
  }
  if (found.length > 0) {
    const batchOf = new Map(
      (await pool.query<{ record_id: string; batch_seq: number }>(`SELECT record_id::text, batch_seq FROM record_position WHERE record_id = ANY($1::bigint[])`, [found.map((f) => f.record)])).rows.map((r) => [r.record_id, r.batch_seq]),
    );
    for (const { record, m } of found) {
      const batchSeq = batchOf.get(record);
      findings.add(batchSeq === undefined ? m : { kind: m.kind, entityType: m.entityType, entityId: m.entityId, batchSeq, detail: m.detail });
    }
  }
}

/** Records of this type whose entity row is gone (`ids`: among these entities only). */
export async function checkOrphanRecords(pool: Db, t: VerifiableTable, findings: FindingSink, ids?: string[]): Promise<void> {
  // First the entities alone: an anti join of two index-only scans, proportional to this type's
  // records. With the latest version and the log position in the same query the planner hashed
  // the whole outbox and record_position once per table (54 passes over the log).
  const { rows: gone } = ids
    ? await pool.query<{ id: string }>(
        `SELECT DISTINCT u.id::text AS id FROM unnest($1::uuid[]) AS u(id) WHERE NOT EXISTS (SELECT 1 FROM ${quoteIdent(t.table)} t WHERE t.id = u.id)`,
        [ids],
      )
    : await pool.query<{ id: string }>(
        `SELECT DISTINCT o.entity_id::text AS id FROM outbox_record o
          WHERE o.entity_type = $1 AND NOT EXISTS (SELECT 1 FROM ${quoteIdent(t.table)} t WHERE t.id = o.entity_id)`,
        [t.type],
      );
  if (gone.length === 0) return;
  const orphans = await pool.query<{ entity_id: string; version: number; batch_seq: number | null }>(
    `SELECT DISTINCT ON (o.entity_id) o.entity_id::text, o.version, rp.batch_seq
       FROM outbox_record o LEFT JOIN record_position rp ON rp.record_id = o.id
      WHERE o.entity_type = $1 AND o.entity_id = ANY($2::uuid[])
      ORDER BY o.entity_id, o.version DESC`,
    [t.type, gone.map((g) => g.id)],
  );
  for (const o of orphans.rows) {
    findings.add({ kind: 'RECORD_WITHOUT_ROW', entityType: t.type, entityId: o.entity_id, ...(o.batch_seq === null ? {} : { batchSeq: o.batch_seq }), detail: { version: o.version } });
  }
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
