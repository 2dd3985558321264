// Shared by the indexer's integration tests.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { withClient } from '../../test/pg-client.js';
import { appendRecords, type RecordInput } from '../src/outbox.js';

export const ORG = '00000000-0000-4000-8000-000000000001';

export function fakeRecord(i: number, type = 'Member'): RecordInput {
  return { type, id: randomUUID(), version: 1, org: ORG, actor: 'system', data: { name: `成员 ${i}`, n: i } };
}

export { withClient };

/** Appends `n` unrelated records in one committed transaction. */
export async function writeRecords(url: string, n: number, start = 0): Promise<void> {
  await withClient(url, async (c) => {
    await c.query('BEGIN');
    await appendRecords(c, Array.from({ length: n }, (_, i) => fakeRecord(start + i)));
    await c.query('COMMIT');
  });
}

export async function waitFor<T>(what: string, fn: () => Promise<T | undefined | false>, timeoutMs = 60_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Invariants of the log: positions 0..n-1, each record once, batches contiguous and sized right. */
export async function ledgerInvariants(c: pg.ClientBase): Promise<{ records: number; positioned: number; batches: number }> {
  const { rows } = await c.query<{ records: number; positioned: number; distinct_records: number; min_pos: string | null; max_pos: string | null; batches: number; bad_batches: number; gaps: number }>(`
    SELECT (SELECT count(*)::int FROM outbox_record) AS records,
           (SELECT count(*)::int FROM record_position) AS positioned,
           (SELECT count(DISTINCT record_id)::int FROM record_position) AS distinct_records,
           (SELECT min(position)::text FROM record_position) AS min_pos,
           (SELECT max(position)::text FROM record_position) AS max_pos,
           (SELECT count(*)::int FROM batch) AS batches,
           (SELECT count(*)::int FROM batch b WHERE b.size <> (SELECT count(*) FROM record_position rp WHERE rp.batch_seq = b.seq
                   AND rp.position BETWEEN b.first_position AND b.last_position)) AS bad_batches,
           (SELECT count(*)::int FROM batch b JOIN batch p ON p.seq = b.seq - 1 WHERE b.first_position <> p.last_position + 1 OR b.prev_root <> p.root) AS gaps`);
  const r = rows[0]!;
  if (r.positioned !== r.distinct_records) throw new Error(`a record has two positions (${r.positioned} positions, ${r.distinct_records} records)`);
  if (r.positioned > 0 && (r.min_pos !== '0' || Number(r.max_pos) !== r.positioned - 1)) {
    throw new Error(`positions are not contiguous from 0: ${r.min_pos}..${r.max_pos} for ${r.positioned} records`);
  }
  if (r.bad_batches > 0) throw new Error(`${r.bad_batches} batches do not match their position range`);
  if (r.gaps > 0) throw new Error(`${r.gaps} batches do not follow their predecessor (range or prev_root)`);
  return { records: r.records, positioned: r.positioned, batches: r.batches };
}

/** A fresh single-validator chain of the test's own (restartable: same home and ports). */
export async function ownChain(dir: string, submitters = 1) {
  const { pickChainPorts, startChainNode } = await import('../../scripts/lib/chain-node.js');
  const ports = await pickChainPorts();
  const start = () => startChainNode({ home: `${dir}/chain`, ports, logFile: `${dir}/chain.log`, submitters });
  let node = await start();
  return {
    get rpcUrl() {
      return node.rpcUrl;
    },
    home: `${dir}/chain`,
    mnemonics: () => node.submitterMnemonics(),
    stop: () => node.stop(),
    async restart() {
      node = await start();
    },
  };
}
