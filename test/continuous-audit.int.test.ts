// The continuous auditor and the chain watch (issue #24): a seeded organisation anchored on a chain
// node of the test's own, audited by the indexer process itself — every batch re-verified as it is
// anchored, a rolling full audit at a set pace — and tampered with: a row edited in SQL must show
// up in /metrics (lianjian_indexer_tamper_alerts, lianjian_audit_mismatches_total) without anyone
// running `npm run audit`. The delay from the edit to the metric is printed. Also: `npm run audit`
// prints its progress and rate; the chain watch reports height and signatures.
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { seed } from '@lianjian/db';
import { freePort } from '@lianjian/db/postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChainWatch, readChainSnapshot, recordChainSnapshot } from '../indexer/src/chain-watch.js';
import { ContinuousAuditor } from '../indexer/src/continuous-audit.js';
import { createPool } from '../indexer/src/db.js';
import { silentLogger } from '../indexer/src/log.js';
import { indexerMetrics } from '../indexer/src/metrics.js';
import { type ChainNode } from '../scripts/lib/chain-node.js';
import type { RunningService } from '../scripts/lib/process.js';
import { startIndexer } from '../scripts/lib/services.js';
import { waitFor } from '../indexer/test/helpers.js';
import { databaseAndChain } from './chain-database.js';
import { withClient } from './pg-client.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');

let dir: string;
let url: string;
let node: ChainNode;
let indexer: RunningService | undefined;
let indexerUrl: string;

async function metrics(): Promise<string> {
  return (await fetch(`${indexerUrl}/metrics`)).text();
}

/** The value of a series in Prometheus text (sum over label sets matching `labels`), or undefined. */
function value(text: string, name: string, labels = ''): number | undefined {
  let found: number | undefined;
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const m = /^([a-z_]+)(\{[^}]*\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name || (labels && !(m[2] ?? '').includes(labels))) continue;
    found = (found ?? 0) + Number(m[3]);
  }
  return found;
}

async function ledger(): Promise<{ records: number; batches: number; anchored: number }> {
  return withClient(url, async (c) =>
    (await c.query(
      `SELECT (SELECT count(*) FROM outbox_record)::int AS records, (SELECT count(*) FROM batch)::int AS batches,
              (SELECT count(*) FROM batch WHERE status = 'ANCHORED')::int AS anchored`,
    )).rows[0],
  );
}

/** Changes `sql` as someone with database access would: superuser, triggers off. */
async function tamper(sql: string, values: unknown[] = []): Promise<void> {
  await withClient(url, async (c) => {
    await c.query('SET session_replication_role = replica');
    await c.query(sql, values);
  });
}

beforeAll(async () => {
  ({ dir, url, node } = await databaseAndChain('lianjian-caudit-'));
  await seed(url, { members: 60, progress: false, workers: 0 });
  const port = await freePort();
  indexerUrl = `http://127.0.0.1:${port}`;
  // The indexer process as npm start runs it, with the continuous auditor paced for a test:
  // 50 000 records a second, a new pass a second after the last.
  indexer = await startIndexer({
    port,
    logFile: path.join(dir, 'indexer.log'),
    env: {
      DATABASE_URL: url,
      LIANJIAN_RPC: node.rpcUrl,
      LIANJIAN_CHAIN_HOME: node.home,
      LIANJIAN_BATCH_MAX_RECORDS: '1000',
      LIANJIAN_BATCH_MAX_WAIT_MS: '20',
      LIANJIAN_AUDIT_RECORDS_PER_SECOND: '50000',
      LIANJIAN_AUDIT_PASS_INTERVAL_MS: '1000',
      LIANJIAN_AUDIT_CHUNK: '2000',
    },
  });
  await waitFor('the seed anchored', async () => {
    const l = await ledger();
    return l.batches > 0 && l.anchored === l.batches && (await withClient(url, async (c) => (await c.query(`SELECT count(*)::int AS n FROM outbox_record o WHERE NOT EXISTS (SELECT 1 FROM record_position rp WHERE rp.record_id = o.id)`)).rows[0].n === 0));
  }, 240_000);
}, 400_000);

afterAll(async () => {
  await indexer?.stop();
  await node?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('continuous audit in the indexer process', () => {
  it('re-verifies every batch as it is anchored, and completes clean rolling passes', async () => {
    // The auditor started when the indexer did (before the first anchor): each batch is checked as
    // anchored. The ledger is read with the metrics, so a batch anchored meanwhile counts on both sides.
    const { text, batches, records } = await waitFor('every batch re-verified as anchored', async () => {
      const l = await ledger();
      const t = await metrics();
      return l.anchored === l.batches && value(t, 'lianjian_audit_last_verified_seq') === l.batches ? { text: t, ...l } : undefined;
    }, 120_000);
    expect(value(text, 'lianjian_audit_batches_verified_total', 'check="anchor"')).toBe(batches);
    expect(value(text, 'lianjian_audit_records_checked_total', 'check="anchor"')).toBe(records);
    const passed = await waitFor('a rolling pass over the whole ledger', async () => {
      const t = await metrics();
      return (value(t, 'lianjian_audit_full_passes_total') ?? 0) >= 1 ? t : undefined;
    }, 120_000);
    expect(value(passed, 'lianjian_audit_mismatches_total')).toBe(0);
    expect(value(passed, 'lianjian_indexer_tamper_alerts')).toBe(0);
    expect(value(passed, 'lianjian_audit_last_full_pass_timestamp_seconds')).toBeGreaterThan(0);
    expect(value(passed, 'lianjian_audit_rows_checked_total')).toBeGreaterThanOrEqual(records);
    expect(value(passed, 'lianjian_indexer_db_up')).toBe(1);
    // The chain watch, in the same /metrics.
    expect(value(passed, 'lianjian_chain_rpc_up')).toBe(1);
    expect(value(passed, 'lianjian_chain_latest_height')).toBeGreaterThan(1);
    expect(value(passed, 'lianjian_chain_validators')).toBe(1);
    expect(value(passed, 'lianjian_chain_missing_validators')).toBe(0);
    expect(value(passed, 'lianjian_chain_signed_power_ratio')).toBe(1);
    // The chain watch samples on its own timer: the chain's latest batch shows up at its next sample.
    const watched = await waitFor('the chain watch sees the latest batch', async () => {
      const t = await metrics();
      return value(t, 'lianjian_chain_latest_batch_seq') === batches ? t : undefined;
    }, 30_000);
    expect(value(watched, 'lianjian_chain_latest_batch_seq')).toBe(batches);
    expect(passed).toMatch(/^lianjian_chain_validator_signed\{validator="[0-9A-F]{40}"\} 1$/m);
  }, 300_000);

  it('npm run audit prints its progress and rate', async () => {
    const { stdout, stderr } = await run(process.execPath, [path.join(root, 'scripts/run-ts.mjs'), 'indexer/src/audit-cli.ts', '--rpc', node.rpcUrl, '--chunk', '500'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url },
    });
    expect(stderr).toMatch(/^ {2}log: \d+ \/ \d+ \([\d.]+%\) records, \d+ records\/s/m);
    expect(stderr).toMatch(/^ {2}chain: \d+ \/ \d+ \(100\.0%\) batches, \d+ batches\/s/m);
    expect(stdout).toMatch(/throughput \/ 吞吐: \d+ records\/s \(log pass, rows included \/ 含业务行\), \d+ batches\/s \(chain\)/);
    expect(stdout).toMatch(/No mismatch found/);
  });

  it('a row edited in SQL raises the tamper metric without anyone running the audit', async () => {
    const member = await withClient(url, async (c) => (await c.query<{ id: string }>('SELECT id::text FROM member ORDER BY id DESC LIMIT 1')).rows[0]!);
    const t0 = performance.now();
    await tamper(`UPDATE member SET name = name || '（改）' WHERE id = $1`, [member.id]);
    const text = await waitFor('the tamper metric', async () => {
      const t = await metrics();
      return (value(t, 'lianjian_indexer_tamper_alerts') ?? 0) > 0 ? t : undefined;
    }, 60_000, 100);
    const delayMs = Math.round(performance.now() - t0);
    process.stdout.write(`tamper edit → lianjian_indexer_tamper_alerts > 0 in ${delayMs} ms (rolling audit at 50 000 records/s, passes 1 s apart)\n`);
    expect(value(text, 'lianjian_audit_mismatches_total', 'kind="ROW_MISMATCH"')).toBeGreaterThanOrEqual(1);
    expect(value(text, 'lianjian_audit_last_mismatch_timestamp_seconds')).toBeGreaterThan(0);
    const alerts = await withClient(url, async (c) => (await c.query(`SELECT kind, entity_type, entity_id::text FROM tamper_alert WHERE resolved_at IS NULL`)).rows);
    expect(alerts).toContainEqual({ kind: 'ROW_MISMATCH', entity_type: 'Member', entity_id: member.id });
    // The next passes find it again, but do not repeat the open alert.
    const passes = value(text, 'lianjian_audit_full_passes_total')!;
    await waitFor('two more passes', async () => (value(await metrics(), 'lianjian_audit_full_passes_total') ?? 0) >= passes + 2, 60_000);
    const again = await withClient(url, async (c) => (await c.query(`SELECT count(*)::int AS n FROM tamper_alert WHERE resolved_at IS NULL AND kind = 'ROW_MISMATCH'`)).rows[0].n);
    expect(again).toBe(1);
  });
});

describe('rolling passes and the chain', () => {
  it('asks the chain once per committed batch, and still finds a stored root edited afterwards', async () => {
    // A forwarder in front of the node counts what the auditor asks the chain.
    let asked = 0;
    const proxy = createServer((req, res) => {
      asked += 1;
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        void fetch(new URL(req.url ?? '/', node.rpcUrl), { method: req.method, headers: { 'content-type': req.headers['content-type'] ?? 'application/json' }, body: req.method === 'POST' ? Buffer.concat(chunks) : undefined })
          .then(async (r) => {
            res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'application/json' });
            res.end(Buffer.from(await r.arrayBuffer()));
          })
          .catch(() => res.writeHead(502).end());
      });
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const pool = createPool(url, { max: 2 });
    const found: string[] = [];
    try {
      const seq = await withClient(url, async (c) => (await c.query<{ seq: number }>(`SELECT max(seq) - 1 AS seq FROM batch WHERE status = 'ANCHORED'`)).rows[0]!.seq);
      const auditor = new ContinuousAuditor({ pool, metrics: indexerMetrics(), rpcUrl: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, log: silentLogger, recordsPerSecond: 0, fromSeq: seq, onFinding: (f) => found.push(f.kind) });
      expect(await auditor.verifyNewlyAnchored()).toBeGreaterThanOrEqual(1);
      expect(found).toEqual([]);
      const first = asked;
      expect(first).toBeGreaterThan(0);
      // The same batches again: compared with the verified copy, nothing asked of the chain.
      auditor.lastVerifiedSeq = seq - 1;
      await auditor.verifyNewlyAnchored();
      expect(found).toEqual([]);
      expect(asked).toBe(first);
      // A stored root edited after the first check differs from the kept copy.
      const root = await withClient(url, async (c) => (await c.query<{ root: Buffer }>('SELECT root FROM batch WHERE seq = $1', [seq])).rows[0]!.root);
      await tamper(`UPDATE batch SET root = decode(repeat('cd', 32), 'hex') WHERE seq = $1`, [seq]);
      auditor.lastVerifiedSeq = seq - 1;
      await auditor.verifyNewlyAnchored();
      expect(found).toContain('CHAIN_MISMATCH');
      await tamper('UPDATE batch SET root = $2 WHERE seq = $1', [seq, root]);
    } finally {
      await pool.end();
      proxy.close();
    }
  });
});

describe('anchor-time verification', () => {
  it('finds a stored document changed in a batch it re-verifies, and a root that differs from the chain', async () => {
    const pool = createPool(url, { max: 2 });
    const m = indexerMetrics();
    const found: string[] = [];
    try {
      const last = await withClient(url, async (c) => (await c.query<{ seq: number }>(`SELECT max(seq) AS seq FROM batch WHERE status = 'ANCHORED'`)).rows[0]!.seq);
      // A document of the last anchored batch edited (its leaf no longer matches).
      const victim = await withClient(url, async (c) =>
        (await c.query<{ id: string }>(`SELECT o.id::text FROM outbox_record o JOIN record_position rp ON rp.record_id = o.id WHERE rp.batch_seq = $1 LIMIT 1`, [last])).rows[0]!,
      );
      await tamper(`UPDATE outbox_record SET document = replace(document, '"version":', '"version" :') WHERE id = $1`, [victim.id]);
      const auditor = new ContinuousAuditor({ pool, metrics: m, rpcUrl: node.rpcUrl, log: silentLogger, recordsPerSecond: 0, fromSeq: last, onFinding: (f) => found.push(f.kind) });
      expect(await auditor.verifyNewlyAnchored()).toBe(1);
      expect(found).toContain('LEAF_MISMATCH');
      expect(m.audit.lastVerifiedSeq.get()).toBe(last);
      expect(m.registry.render()).toMatch(/^lianjian_audit_mismatches_total\{kind="LEAF_MISMATCH"\} 1$/m);
      // A stored root that is not the chain's: the verified read disagrees.
      found.length = 0;
      await tamper(`UPDATE batch SET root = decode(repeat('ab', 32), 'hex') WHERE seq = $1`, [last]);
      const again = new ContinuousAuditor({ pool, metrics: m, rpcUrl: node.rpcUrl, log: silentLogger, recordsPerSecond: 0, fromSeq: last, onFinding: (f) => found.push(f.kind) });
      await again.verifyNewlyAnchored();
      expect(found).toEqual(expect.arrayContaining(['ROOT_MISMATCH', 'CHAIN_MISMATCH']));
    } finally {
      await pool.end();
    }
  });
});

describe('chain watch', () => {
  it('reads height and the signatures of the last commit; a node that does not answer is reported down', async () => {
    const snap = await readChainSnapshot(node.rpcUrl);
    expect(snap.height).toBeGreaterThan(1);
    expect(snap.validators).toHaveLength(1);
    expect(snap.validators[0]!.signed).toBe(true);
    const m = indexerMetrics();
    recordChainSnapshot(m, { ...snap, validators: [...snap.validators, { address: 'DEADBEEF', power: snap.validators[0]!.power, signed: false }] });
    const text = m.registry.render();
    expect(text).toMatch(/^lianjian_chain_validator_signed\{validator="DEADBEEF"\} 0$/m);
    expect(text).toMatch(/^lianjian_chain_missing_validators 1$/m);
    expect(text).toMatch(/^lianjian_chain_signed_power_ratio 0\.5$/m);

    const fresh = indexerMetrics();
    // Before the first poll no chain series has a sample (absent, not a false 0).
    expect(fresh.registry.render()).not.toMatch(/^lianjian_chain_latest_height /m);
    const watch = new ChainWatch({ rpcUrl: `http://127.0.0.1:${await freePort()}`, metrics: fresh, log: silentLogger, intervalMs: 60_000 });
    await watch.tick();
    watch.stop();
    expect(fresh.registry.render()).toMatch(/^lianjian_chain_rpc_up 0$/m);
  });
});
