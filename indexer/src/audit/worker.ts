// A worker thread of the full audit (audit/parallel.ts): runs the same checks as the main thread
// — checkBatchGroup, checkTableChunk, checkOrphanRecords — over its own database connection, and
// sends back what it found; the main thread records the findings and writes the alerts.
import { parentPort, workerData } from 'node:worker_threads';
import { checkBatchGroup, checkOrphanRecords, checkTableChunk, type BatchRow, type Mismatch } from '../audit.js';
import { createPool } from '../db.js';
import { verifiableTables } from '../records.js';

export type Task =
  | { kind: 'log'; group: BatchRow[] }
  | { kind: 'rows'; table: number; after: string; upTo: string; chunkSize: number }
  | { kind: 'orphans'; table: number };

export interface TaskResult {
  /** Records (log) or rows checked. */
  done: number;
  findings: Mismatch[];
}

const { databaseUrl } = workerData as { databaseUrl: string };
const pool = createPool(databaseUrl, { max: 1, applicationName: 'lianjian-audit' });
const port = parentPort!;

// A structured clone turns Buffers into plain Uint8Arrays; the checks compare with Buffer.equals.
const buf = (u: Uint8Array): Buffer => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

async function run(task: Task): Promise<TaskResult> {
  const findings: Mismatch[] = [];
  const sink = { add: (m: Mismatch) => void findings.push(m) };
  if (task.kind === 'log') {
    const group = task.group.map((b) => ({ ...b, root: buf(b.root), prev_root: buf(b.prev_root) }));
    return { done: await checkBatchGroup(pool, group, sink), findings };
  }
  const table = verifiableTables()[task.table]!;
  if (task.kind === 'orphans') {
    await checkOrphanRecords(pool, table, sink);
    return { done: 0, findings };
  }
  let done = 0;
  for (let after = task.after; ; ) {
    const chunk = await checkTableChunk(pool, table, after, task.chunkSize, sink, task.upTo);
    done += chunk.checked;
    if (chunk.checked < task.chunkSize) break;
    after = chunk.last;
  }
  return { done, findings };
}

port.on('message', (msg: { id: number; task: Task } | 'close') => {
  if (msg === 'close') {
    void pool.end().finally(() => port.close());
    return;
  }
  run(msg.task).then(
    (result) => port.postMessage({ id: msg.id, result }),
    (error: unknown) => port.postMessage({ id: msg.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
