// Closes batches. Two steps per batch, each one transaction on the connection holding the
// indexer lock:
//   claim: one statement picks the next records of the log in commit-safe order and writes their
//          positions (record_position), returning their leaves concatenated;
//   store: the tree is built from those leaves and the batch row and all its levels are written.
// Under load the claim of batch k+1 runs in Postgres while this process hashes batch k. A crash
// between the two steps leaves positions without a batch; recover() completes those batches
// from the positions before anything else happens, so they end up exactly as if never
// interrupted (same seq, same records, same order).
//
// Commit-safe order: records are claimed in (xid, id) order, only below
// pg_snapshot_xmin(pg_current_snapshot()). Every transaction with a smaller xid has ended, so
// the set of records below the cursor can never grow again: a transaction that commits after a
// later one is not skipped, it holds the cursor back until it ends.
import { buildTree, treeRoot, type MerkleLayers } from '@lianjian/verify';
import type pg from 'pg';
import { inTransaction } from './db.js';
import type { FaultHook } from './faults.js';

export const ZERO_ROOT = new Uint8Array(32);

/** Position in the (xid, id) order of the log; xid is an xid8 in decimal. */
export interface Cursor {
  xid: string;
  id: string;
}

export interface LedgerHead {
  /** Last batch's seq, 0 before the first. */
  seq: number;
  /** Last assigned log position, -1 before the first (positions start at 0). */
  lastPosition: number;
  /** Root of the last batch; zeros before the first (x/anchor's prev_root for seq 1). */
  root: Uint8Array;
  cursor: Cursor;
}

/** Records claimed for batch `seq`: positions written, tree not yet stored. */
export interface Claim {
  seq: number;
  firstPosition: number;
  size: number;
  /** The leaves in position order, 32 bytes each. */
  leaves: Buffer;
  /** Cursor after the claim's last record. */
  cursor: Cursor;
  claimMs: number;
}

export interface BuiltBatch {
  seq: number;
  firstPosition: number;
  size: number;
  root: Uint8Array;
  prevRoot: Uint8Array;
  /** Milliseconds spent: claiming, tree building, storing. */
  timings: { claimMs: number; treeMs: number; storeMs: number };
}

export class LedgerCorruptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LedgerCorruptError';
  }
}

type Db = pg.ClientBase | pg.Pool;

const ELIGIBLE = `(xid, id) > ($1::xid8, $2::bigint) AND xid < pg_snapshot_xmin(pg_current_snapshot())`;
const START: Cursor = { xid: '0', id: '0' };

/** Where the log stands after its last stored batch. */
export async function loadHead(db: Db): Promise<LedgerHead> {
  const { rows } = await db.query<{ seq: number; last_position: string; root: Buffer; xid: string | null; id: string | null }>(
    `SELECT b.seq, b.last_position::text, b.root, o.xid::text AS xid, o.id::text AS id
       FROM batch b
       LEFT JOIN record_position rp ON rp.position = b.last_position
       LEFT JOIN outbox_record o ON o.id = rp.record_id
      ORDER BY b.seq DESC LIMIT 1`,
  );
  const last = rows[0];
  if (!last) return { seq: 0, lastPosition: -1, root: ZERO_ROOT, cursor: START };
  if (last.xid === null || last.id === null) {
    throw new LedgerCorruptError(`batch ${last.seq}: no record at its last position ${last.last_position}`);
  }
  return { seq: last.seq, lastPosition: Number(last.last_position), root: new Uint8Array(last.root), cursor: { xid: last.xid, id: last.id } };
}

/**
 * How many records are ready to be claimed (counted up to `limit`), and how long the first of
 * them has waited since its transaction began.
 */
export async function pendingRecords(db: Db, cursor: Cursor, limit: number): Promise<{ count: number; oldestAgeMs: number }> {
  const { rows } = await db.query<{ n: number; age: number | null }>(
    `SELECT (SELECT count(*)::int FROM (SELECT 1 FROM outbox_record WHERE ${ELIGIBLE} LIMIT $3) s) AS n,
            (SELECT (extract(epoch FROM clock_timestamp() - created_at) * 1000)::float8
               FROM outbox_record WHERE ${ELIGIBLE} ORDER BY xid, id LIMIT 1) AS age`,
    [cursor.xid, cursor.id, limit],
  );
  return { count: rows[0]?.n ?? 0, oldestAgeMs: rows[0]?.age ?? 0 };
}

/**
 * Claims up to `maxRecords` records after `after` for batch after.seq+1, in one statement (its own
 * transaction). Undefined when nothing is ready.
 */
export async function claimRecords(client: pg.ClientBase, after: Omit<LedgerHead, 'root'>, maxRecords: number): Promise<Claim | undefined> {
  const seq = after.seq + 1;
  const firstPosition = after.lastPosition + 1;
  const t0 = performance.now();
  const { rows } = await client.query<{ size: number; leaves: Buffer | null; last_xid: string | null; last_id: string | null }>(
    `WITH claimed AS (
       SELECT id, xid, leaf, row_number() OVER (ORDER BY xid, id) AS r
         FROM (SELECT id, xid, leaf FROM outbox_record WHERE ${ELIGIBLE} ORDER BY xid, id LIMIT $3) c
     ), positions AS (
       INSERT INTO record_position (position, record_id, batch_seq)
       SELECT $4::bigint + r - 1, id, $5 FROM claimed
     ), n AS (SELECT count(*)::int AS size FROM claimed)
     SELECT n.size, (SELECT string_agg(leaf, ''::bytea ORDER BY r) FROM claimed) AS leaves, last.xid AS last_xid, last.id AS last_id
       FROM n LEFT JOIN LATERAL (SELECT xid::text AS xid, id::text AS id FROM claimed WHERE r = n.size) last ON true`,
    [after.cursor.xid, after.cursor.id, maxRecords, firstPosition, seq],
  );
  const c = rows[0];
  if (!c || c.size === 0 || !c.leaves || c.last_xid === null || c.last_id === null) return undefined;
  checkLeaves(seq, c.size, c.leaves);
  return { seq, firstPosition, size: c.size, leaves: c.leaves, cursor: { xid: c.last_xid, id: c.last_id }, claimMs: performance.now() - t0 };
}

function checkLeaves(seq: number, size: number, leaves: Buffer): void {
  if (leaves.length !== size * 32) {
    throw new LedgerCorruptError(`batch ${seq}: ${size} records but ${leaves.length} bytes of leaves (a leaf is not 32 bytes)`);
  }
}

/** The batch's tree, with verify's buildTree (RFC 9162). CPU only. */
export function buildLevels(claim: Pick<Claim, 'size' | 'leaves'>): { layers: MerkleLayers; root: Uint8Array; treeMs: number } {
  const t0 = performance.now();
  const leaves: Uint8Array[] = new Array(claim.size);
  for (let i = 0; i < claim.size; i++) leaves[i] = claim.leaves.subarray(i * 32, i * 32 + 32);
  const layers = buildTree(leaves);
  return { layers, root: treeRoot(layers), treeMs: performance.now() - t0 };
}

/** Writes the batch row and its levels (one statement for all levels) in one transaction. */
export async function storeBatch(
  client: pg.ClientBase,
  claim: Pick<Claim, 'seq' | 'firstPosition' | 'size'>,
  tree: { layers: MerkleLayers; root: Uint8Array },
  prevRoot: Uint8Array,
  fault: FaultHook = async () => {},
): Promise<number> {
  const t0 = performance.now();
  const params: unknown[] = [claim.seq];
  const values = tree.layers.map((level, i) => {
    params.push(Buffer.concat(level));
    return `($1, ${i}, $${params.length})`;
  });
  await inTransaction(client, async () => {
    await client.query(
      `INSERT INTO batch (seq, first_position, last_position, size, root, prev_root, status, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'BUILT', now())`,
      [claim.seq, claim.firstPosition, claim.firstPosition + claim.size - 1, claim.size, Buffer.from(tree.root), Buffer.from(prevRoot)],
    );
    // The batch row is written, its levels not yet: a crash here must lose the whole batch row.
    await fault('mid-proof-write', { seq: claim.seq });
    await client.query(`INSERT INTO batch_level (batch_seq, level, hashes) VALUES ${values.join(', ')}`, params);
  });
  return performance.now() - t0;
}

/**
 * Completes claims a crash left without their batch (positions written, batch not stored), in
 * seq order, and returns the head. Run once by a new leader before it claims anything.
 */
export async function recover(client: pg.ClientBase, fault?: FaultHook): Promise<{ head: LedgerHead; completed: BuiltBatch[] }> {
  let head = await loadHead(client);
  const { rows } = await client.query<{ batch_seq: number; first: string; last: string; n: string }>(
    `SELECT batch_seq, min(position)::text AS first, max(position)::text AS last, count(*)::text AS n
       FROM record_position WHERE position > $1 GROUP BY batch_seq ORDER BY batch_seq`,
    [head.lastPosition],
  );
  const completed: BuiltBatch[] = [];
  for (const r of rows) {
    const first = Number(r.first);
    const size = Number(r.n);
    if (r.batch_seq !== head.seq + 1 || first !== head.lastPosition + 1 || Number(r.last) !== first + size - 1) {
      throw new LedgerCorruptError(
        `claimed positions ${r.first}..${r.last} for batch ${r.batch_seq} do not continue batch ${head.seq} (last position ${head.lastPosition})`,
      );
    }
    const t0 = performance.now();
    const leaves = await client.query<{ leaves: Buffer | null; last_xid: string; last_id: string }>(
      `SELECT string_agg(o.leaf, ''::bytea ORDER BY rp.position) AS leaves,
              (array_agg(o.xid::text ORDER BY rp.position DESC))[1] AS last_xid,
              (array_agg(o.id::text ORDER BY rp.position DESC))[1] AS last_id
         FROM record_position rp JOIN outbox_record o ON o.id = rp.record_id
        WHERE rp.batch_seq = $1`,
      [r.batch_seq],
    );
    const l = leaves.rows[0]!;
    if (!l.leaves) throw new LedgerCorruptError(`batch ${r.batch_seq}: positioned records are missing from the outbox`);
    checkLeaves(r.batch_seq, size, l.leaves);
    const claimMs = performance.now() - t0;
    const tree = buildLevels({ size, leaves: l.leaves });
    const storeMs = await storeBatch(client, { seq: r.batch_seq, firstPosition: first, size }, tree, head.root, fault);
    completed.push({ seq: r.batch_seq, firstPosition: first, size, root: tree.root, prevRoot: head.root, timings: { claimMs, treeMs: tree.treeMs, storeMs } });
    head = { seq: r.batch_seq, lastPosition: first + size - 1, root: tree.root, cursor: { xid: l.last_xid, id: l.last_id } };
  }
  return { head, completed };
}
