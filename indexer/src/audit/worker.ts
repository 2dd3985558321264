// A worker thread of the full audit (audit/parallel.ts): runs the same checks as the main thread
// — checkGroupAndRows, countRows, checkTableChunk, checkOrphanRecords — over its own database
// connection, inside the audit's snapshot when it is given one, and sends back what it found;
// the main thread records the findings and writes the alerts.
import { parentPort, workerData } from 'node:worker_threads';
import { checkGroupAndRows, checkOrphanRecords, checkTableChunk, type BatchRow, type Mismatch } from '../audit.js';
import { createPool } from '../db.js';
import { verifiableTables } from '../records.js';
import { countRows, type Db, type RowTally } from './row-tally.js';
import { beginSnapshot } from './snapshot.js';

export type Task =
  | { kind: 'log'; group: BatchRow[] }
  | { kind: 'count'; table: number }
  | { kind: 'rows'; table: number; after: string; upTo: string; chunkSize: number }
  | { kind: 'orphans'; table: number };

export interface TaskResult {
  /** Records (log), rows (count) or rows checked (rows). */
  done: number;
  findings: Mismatch[];
  /** The log task's records against their rows. */
  tally?: RowTally;
}

const { databaseUrl, snapshot } = workerData as { databaseUrl: string; snapshot?: string };
const pool = createPool(databaseUrl, { max: 1, applicationName: 'lianjian-audit' });
const port = parentPort!;

// One connection for every task; in the snapshot when the audit has one. The pool ends it
// (and with it the read-only transaction) on close.
const db: Promise<Db> = snapshot
  ? pool.connect().then(async (client) => {
      await beginSnapshot(client, snapshot);
      return client;
    })
  : Promise.resolve(pool);
db.catch(() => {});

// A structured clone turns Buffers into plain Uint8Arrays; the checks compare with Buffer.equals.
const buf = (u: Uint8Array): Buffer => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

async function run(task: Task): Promise<TaskResult> {
  const conn = await db;
  const findings: Mismatch[] = [];
  const sink = { add: (m: Mismatch) => void findings.push(m) };
  if (task.kind === 'log') {
    const group = task.group.map((b) => ({ ...b, root: buf(b.root), prev_root: buf(b.prev_root) }));
    const r = await checkGroupAndRows(conn, group, sink);
    return { done: r.done, tally: r.tally, findings };
  }
  const table = verifiableTables()[task.table]!;
  if (task.kind === 'count') return { done: await countRows(conn, table.table), findings };
  if (task.kind === 'orphans') {
    await checkOrphanRecords(conn, table, sink);
    return { done: 0, findings };
  }
  let done = 0;
  for (let after = task.after; ; ) {
    const chunk = await checkTableChunk(conn, table, after, task.chunkSize, sink, task.upTo);
    done += chunk.checked;
    if (chunk.checked < task.chunkSize) break;
    after = chunk.last;
  }
  return { done, findings };
}

port.on('message', (msg: { id: number; task: Task } | 'close') => {
  if (msg === 'close') {
    void db
      .then((c) => (c === pool ? undefined : (c as import('pg').PoolClient).release()), () => {})
      .finally(() => void pool.end().finally(() => port.close()));
    return;
  }
  run(msg.task).then(
    (result) => port.postMessage({ id: msg.id, result }),
    (error: unknown) => port.postMessage({ id: msg.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
