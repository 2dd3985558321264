// The restore drill (docs/operations.md, "database lost"): a demo-size deployment — the demo seed
// anchored on a chain node of the test's own — is backed up with `npm run backup`'s script and
// restored with `npm run restore`'s into a fresh Postgres cluster and a fresh chain home. On the
// restored pair the auditor is green (chain included), every record's proof leads to its batch
// root and every batch root is verified on the restored chain, and the restored indexer goes on
// anchoring new writes. Times are printed (the figures in the closing note of issue #24).
import { execFile } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { seedDemo } from '@lianjian/db';
import { startPostgres, type RunningPostgres } from '@lianjian/db/postgres';
import { verifyBundle, type ProofBundle } from '@lianjian/verify';
import { createChainChecker } from '@lianjian/verify/chain';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { committerChain } from '../indexer/src/anchor-chain.js';
import { audit } from '../indexer/src/audit.js';
import { ChainCommitter } from '../indexer/src/chain/index.js';
import { createPool } from '../indexer/src/db.js';
import { Indexer } from '../indexer/src/indexer.js';
import { appendRecords } from '../indexer/src/outbox.js';
import { getProofs } from '../indexer/src/proof.js';
import { pickChainPorts, startChainNode, type ChainNode } from '../scripts/lib/chain-node.js';
import { readManifest } from '../scripts/lib/backup.js';
import { waitFor } from '../indexer/test/helpers.js';
import { databaseAndChain } from './chain-database.js';
import { withClient } from './pg-client.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');

let dir: string;
let sourceUrl: string;
let sourceChain: ChainNode | undefined;
let restoredPg: RunningPostgres | undefined;
let restoredChain: ChainNode | undefined;
const timings: Record<string, number> = {};

async function allAnchored(url: string): Promise<boolean> {
  return withClient(url, async (c) => {
    const r = (await c.query<{ total: string; anchored: string }>(
      `SELECT (SELECT count(*) FROM outbox_record)::text AS total,
              (SELECT coalesce(sum(size), 0) FROM batch WHERE status = 'ANCHORED')::text AS anchored`,
    )).rows[0]!;
    return r.total === r.anchored;
  });
}

async function startIndexer(url: string, node: ChainNode): Promise<Indexer> {
  const committer = await ChainCommitter.create({ rpcUrl: node.rpcUrl, mnemonic: node.submitterMnemonics()[0]! });
  const indexer = new Indexer({ databaseUrl: url, chain: committerChain(committer), policy: { maxRecords: 2_000, maxWaitMs: 20 } });
  await indexer.start();
  return indexer;
}

/** `node scripts/run-ts.mjs <script> …` as `npm run backup|restore -- …` runs it (without --prepare: the test run has prepared). */
async function npmScript(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ stdout: string; ms: number }> {
  const t = performance.now();
  const { stdout } = await run(process.execPath, [path.join(root, 'scripts/run-ts.mjs'), script, ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    maxBuffer: 16 * 1024 * 1024,
  });
  return { stdout, ms: Math.round(performance.now() - t) };
}

beforeAll(async () => {
  const started = await databaseAndChain('lianjian-drill-');
  ({ dir, url: sourceUrl } = started);
  const node = (sourceChain = started.node);
  let t = performance.now();
  await seedDemo(sourceUrl);
  timings.seedMs = Math.round(performance.now() - t);
  t = performance.now();
  const indexer = await startIndexer(sourceUrl, node);
  await waitFor('the demo seed anchored', () => allAnchored(sourceUrl), 240_000);
  await indexer.stop();
  timings.anchorMs = Math.round(performance.now() - t);
  // The webhook dispatcher has delivered up to a record in the middle of the log, as it leaves its
  // cursor; the restore must keep that place in the renumbered log.
  await withClient(sourceUrl, (c) =>
    c.query(`UPDATE webhook_cursor SET (xid, record_id) = (SELECT xid::text, id FROM outbox_record ORDER BY xid, id OFFSET (SELECT count(*) / 2 FROM outbox_record) LIMIT 1) WHERE name = 'records'`),
  );
  // The chain home is copied with the node stopped (a running node's files may not open).
  await node.stop();
  sourceChain = undefined;
}, 400_000);

afterAll(async () => {
  await restoredChain?.stop().catch(() => {});
  await sourceChain?.stop().catch(() => {});
  await restoredPg?.stop().catch(() => {});
  process.stdout.write(`restore drill timings (ms): ${JSON.stringify(timings)}\n`);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore drill', () => {
  const backupDir = () => path.join(dir, 'backup');

  it('npm run backup writes the database and the chain home with a manifest', async () => {
    const { stdout, ms } = await npmScript('scripts/backup.ts', ['--out', backupDir(), '--chain-home', path.join(dir, 'chain')], { DATABASE_URL: sourceUrl });
    timings.backupMs = ms;
    expect(stdout).toMatch(/Backup written to/);
    const m = readManifest(backupDir());
    timings.backupDatabaseMs = m.timings.databaseMs;
    timings.backupChainMs = m.timings.chainMs;
    timings.records = m.ledger.records;
    timings.backupBytes = m.tables.reduce((a, t) => a + t.bytes, 0) + (m.chain?.bytes ?? 0);
    const source = await withClient(sourceUrl, async (c) =>
      (await c.query<{ records: string; members: string; batches: string }>(
        `SELECT (SELECT count(*) FROM outbox_record)::text AS records, (SELECT count(*) FROM member)::text AS members, (SELECT count(*) FROM batch)::text AS batches`,
      )).rows[0]!,
    );
    expect(m.ledger.records).toBe(Number(source.records));
    expect(m.ledger.batches).toBe(Number(source.batches));
    expect(m.ledger.lastAnchoredSeq).toBe(Number(source.batches));
    expect(m.tables.find((t) => t.name === 'member')?.rows).toBe(Number(source.members));
    expect(m.tables.find((t) => t.name === 'outbox_record')?.rows).toBe(Number(source.records));
    expect(m.chain?.chainId).toBeTruthy();
    expect(m.migrations.length).toBeGreaterThan(0);
  });

  it('npm run restore rebuilds a fresh Postgres and a fresh chain home from it', async () => {
    const pgData = path.join(dir, 'pg-restored');
    const { stdout, ms } = await npmScript('scripts/restore.ts', ['--from', backupDir(), '--pg-data', pgData, '--chain-home', path.join(dir, 'chain-restored')], {
      DATABASE_URL: '',
    });
    timings.restoreMs = ms;
    expect(stdout).toMatch(/Restored/);
    timings.restoreDatabaseMs = Number(/database \/ 数据库: .* — ([\d.]+) s/.exec(stdout)?.[1] ?? NaN) * 1000;
    // The restored cluster, started again as any deployment would start it.
    restoredPg = await startPostgres({ dataDir: pgData, database: readManifest(backupDir()).postgres.database, fast: true });
    const t = performance.now();
    restoredChain = await startChainNode({ home: path.join(dir, 'chain-restored'), ports: await pickChainPorts(), logFile: path.join(dir, 'chain-restored.log') });
    timings.restoredChainStartMs = Math.round(performance.now() - t);
    const counts = async (url: string) =>
      withClient(url, async (c) =>
        (await c.query(`SELECT (SELECT count(*) FROM outbox_record)::int AS r, (SELECT count(*) FROM member)::int AS m, (SELECT count(*) FROM account)::int AS a,
                               (SELECT count(*) FROM batch_level)::int AS l, (SELECT max(id) FROM outbox_record)::text AS max_id`)).rows[0],
      );
    expect(await counts(restoredPg.url)).toEqual(await counts(sourceUrl));
  });

  it('the auditor is green on the restored database against the restored chain', async () => {
    const pool = createPool(restoredPg!.url);
    try {
      const t = performance.now();
      const report = await audit(pool, { rpcUrl: restoredChain!.rpcUrl, writeAlerts: false });
      timings.auditMs = Math.round(performance.now() - t);
      expect(report.sample).toEqual([]);
      expect(report.mismatches).toBe(0);
      expect(report.chain).toBe('checked');
      expect(report.chainChecked).toBe(report.batches);
      expect(report.records).toBe(timings.records);
    } finally {
      await pool.end();
    }
  });

  it('every record proof leads to its batch root, and every batch root is verified on the restored chain', async () => {
    const chain = createChainChecker(restoredChain!.rpcUrl);
    await withClient(restoredPg!.url, async (c) => {
      const keys = (await c.query<{ type: string; id: string; version: number; batch_seq: number }>(
        `SELECT o.entity_type AS type, o.entity_id::text AS id, o.version, rp.batch_seq
           FROM outbox_record o JOIN record_position rp ON rp.record_id = o.id ORDER BY rp.position`,
      )).rows;
      expect(keys.length).toBe(timings.records);
      const checkedBatches = new Set<number>();
      for (let i = 0; i < keys.length; i += 2_000) {
        const slice = keys.slice(i, i + 2_000);
        const proofs = await getProofs(c, slice);
        for (const [k, p] of proofs.entries()) {
          expect(p?.status, `${slice[k]!.type} ${slice[k]!.id}`).toBe('ANCHORED');
          const bundle = p!.bundle as ProofBundle;
          // Document → leaf → path → root, for every record.
          const offline = await verifyBundle(bundle);
          expect(offline.verified, JSON.stringify(offline)).toBe(true);
          // The root against the chain (state proof + signed header), once per batch.
          if (!checkedBatches.has(slice[k]!.batch_seq)) {
            checkedBatches.add(slice[k]!.batch_seq);
            const online = await verifyBundle(bundle, { chain });
            expect(online.verified, JSON.stringify(online)).toBe(true);
          }
        }
      }
      const batches = (await c.query<{ n: number }>('SELECT count(*)::int AS n FROM batch')).rows[0]!.n;
      expect(checkedBatches.size).toBe(batches);
    });
  });

  it('the webhook cursor keeps its place in the renumbered log, before any new write', async () => {
    const cursor = async (url: string) =>
      withClient(url, async (c) =>
        (await c.query<{ record_id: string; xid: string; record_xid: string; after: string }>(
          `SELECT w.record_id::text, w.xid, o.xid::text AS record_xid,
                  (SELECT count(*) FROM outbox_record p WHERE (p.xid, p.id) > (w.xid::xid8, w.record_id))::text AS after
             FROM webhook_cursor w JOIN outbox_record o ON o.id = w.record_id WHERE w.name = 'records'`,
        )).rows[0]!,
    );
    const restored = await cursor(restoredPg!.url);
    // On the same record, at that record's new xid, with the same records still to deliver.
    expect(restored.xid).toBe(restored.record_xid);
    const total = await withClient(restoredPg!.url, async (c) => Number((await c.query<{ n: string }>('SELECT count(*)::text AS n FROM outbox_record')).rows[0]!.n));
    expect(Number(restored.after)).toBe(total - Math.floor(total / 2) - 1);
    // A write after the restore sorts after the cursor: the dispatcher will deliver it.
    const fresh = await withClient(restoredPg!.url, async (c) => (await c.query<{ x: string }>('SELECT pg_current_xact_id()::text AS x')).rows[0]!.x);
    expect(BigInt(fresh) > BigInt(restored.xid)).toBe(true);
  });

  it('the restored indexer and chain go on: a new write is anchored and the audit stays green', async () => {
    const indexer = await startIndexer(restoredPg!.url, restoredChain!);
    try {
      await withClient(restoredPg!.url, async (c) => {
        await c.query('BEGIN');
        const org = (await c.query<{ id: string }>('SELECT id::text FROM org_unit ORDER BY id LIMIT 1')).rows[0]!.id;
        await appendRecords(c, [{ type: 'Probe', id: '00000000-0000-4000-8000-00000000d211', version: 1, org, actor: 'system', data: { drill: 'after restore' } }]);
        await c.query('COMMIT');
      });
      // Generous: under a loaded CI machine the restored node and indexer take a while to start.
      await waitFor('the post-restore write anchored', () => allAnchored(restoredPg!.url), 150_000);
    } finally {
      await indexer.stop();
    }
    const pool = createPool(restoredPg!.url);
    try {
      const report = await audit(pool, { rpcUrl: restoredChain!.rpcUrl, writeAlerts: false });
      expect(report.mismatches).toBe(0);
      expect(report.batches).toBeGreaterThan(0);
    } finally {
      await pool.end();
    }
  }, 300_000);

  it('restore refuses a damaged backup and a database that is not empty', async () => {
    const { restore } = await import('../scripts/lib/backup.js');
    await expect(restore({ from: backupDir(), databaseUrl: restoredPg!.url })).rejects.toThrow(/not empty/);
    const copy = path.join(dir, 'damaged');
    await run('cp', ['-r', backupDir(), copy]);
    writeFileSync(path.join(copy, 'db/member.copy.gz'), 'not gzip');
    await expect(restore({ from: copy, databaseUrl: restoredPg!.url })).rejects.toThrow(/member\.copy\.gz is damaged/);
    // Neither attempt touched the restored database.
    const n = await withClient(restoredPg!.url, async (c: pg.ClientBase) => (await c.query('SELECT count(*)::int AS n FROM member')).rows[0].n as number);
    expect(n).toBeGreaterThan(0);
  });
});
