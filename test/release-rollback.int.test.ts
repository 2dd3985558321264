// The release-rollback procedure (docs/operations.md, "a release is rolled back"), run for real:
// Postgres, a chain node of the test's own, the indexer, and `npm run backup | restore | audit` as
// processes. Migrations in this repository are forward-only (prisma/src/migrate.ts applies
// prisma/migrations/*/migration.sql; there are no down migrations), so a rollback is: the backup
// taken before the upgrade, restored by the previous release into a new database, the previous
// build started on it. The steps:
//
//   1. before the upgrade, anchoring stopped: `npm run backup` (this tree is "the previous release");
//   2. the upgrade: "the next release" is this tree's migrations plus one that renames a column (the
//      kind of change a code-only rollback cannot survive) — applied by the project's runner; the
//      previous build's `npm run audit` now fails on it, and the next release cannot restore the
//      pre-release backup (its migrations differ, refused before the target is touched);
//   3. the rollback: the previous release restores the backup into a new database; its audit is
//      green against the chain, and its indexer anchors new writes that verify online;
//   4. the limit: once the chain holds a batch the backup does not (here: step 3's), the same backup
//      can no longer anchor — the indexer halts with ANCHOR_CONFLICT instead of anchoring over it.
//      Hence the procedure's rule: roll back by restore only before the new release has anchored.
import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { loadMigrations, migrate, migrationsDir, seed } from '@lianjian/db';
import { verifyBundle, type ProofBundle } from '@lianjian/verify';
import { createChainChecker } from '@lianjian/verify/chain';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { committerChain } from '../indexer/src/anchor-chain.js';
import { audit } from '../indexer/src/audit.js';
import { ChainCommitter } from '../indexer/src/chain/index.js';
import { createPool } from '../indexer/src/db.js';
import { Indexer } from '../indexer/src/indexer.js';
import { appendRecords } from '../indexer/src/outbox.js';
import { getProofs } from '../indexer/src/proof.js';
import { type ChainNode } from '../scripts/lib/chain-node.js';
import { MigrationsDifferError, readManifest, restore } from '../scripts/lib/backup.js';
import { waitFor } from '../indexer/test/helpers.js';
import { databaseAndChain } from './chain-database.js';
import { withClient } from './pg-client.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
const NEXT_MIGRATION = '20991231000000_release_under_test';

let dir: string;
let productionUrl: string;
let node: ChainNode | undefined;
const emptyDatabases: string[] = [];

const sql = <T = Record<string, unknown>>(url: string, text: string, values: unknown[] = []) => withClient(url, async (c) => (await c.query(text, values)).rows as T[]);

async function allAnchored(url: string): Promise<boolean> {
  const [r] = await sql<{ total: string; anchored: string }>(
    url,
    `SELECT (SELECT count(*) FROM outbox_record)::text AS total, (SELECT coalesce(sum(size), 0) FROM batch WHERE status = 'ANCHORED')::text AS anchored`,
  );
  return r!.total === r!.anchored;
}

async function startIndexer(url: string): Promise<Indexer> {
  const committer = await ChainCommitter.create({ rpcUrl: node!.rpcUrl, mnemonic: node!.submitterMnemonics()[0]! });
  const indexer = new Indexer({ databaseUrl: url, chain: committerChain(committer), policy: { maxRecords: 2_000, maxWaitMs: 20 } });
  await indexer.start();
  return indexer;
}

/** A new, empty database on the test cluster (what `createdb` gives; restore wants no tables). */
async function emptyDatabase(): Promise<string> {
  const name = `rb_${randomBytes(6).toString('hex')}`;
  await withClient(inject('pgAdminUrl'), (c) => c.query(`CREATE DATABASE ${name}`));
  emptyDatabases.push(name);
  const u = new URL(inject('pgAdminUrl'));
  u.pathname = `/${name}`;
  return u.toString();
}

/** `npm run <script> -- args` as a process (run-ts.mjs without --prepare: the test run has prepared). */
async function npmScript(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(root, 'scripts/run-ts.mjs'), script, ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** One probe record (a type with no table), committed; its entity id. */
async function writeProbe(url: string, note: string): Promise<string> {
  const id = randomUUID();
  await withClient(url, async (c) => {
    const org = (await c.query<{ id: string }>('SELECT id::text FROM org_unit ORDER BY id LIMIT 1')).rows[0]!.id;
    await c.query('BEGIN');
    await appendRecords(c, [{ type: 'Probe', id, version: 1, org, actor: 'system', data: { rollback: note } }]);
    await c.query('COMMIT');
  });
  return id;
}

const backupDir = () => path.join(dir, 'pre-release-backup');
const nextRelease = () => path.join(dir, 'next-release-migrations');

beforeAll(async () => {
  ({ dir, url: productionUrl, node } = await databaseAndChain('lianjian-rollback-'));
  // The deployment under the previous release: a small organisation, all of it anchored.
  await seed(productionUrl, { members: 40, progress: false, workers: 0 });
  const indexer = await startIndexer(productionUrl);
  await waitFor('the seed anchored', () => allAnchored(productionUrl), 240_000);
  await indexer.stop();
  // "The next release": every migration of this tree, and one more.
  cpSync(migrationsDir(), nextRelease(), { recursive: true });
  mkdirSync(path.join(nextRelease(), NEXT_MIGRATION));
  writeFileSync(path.join(nextRelease(), NEXT_MIGRATION, 'migration.sql'), 'ALTER TABLE "member" RENAME COLUMN "name" TO "full_name";\n');
}, 400_000);

afterAll(async () => {
  await node?.stop().catch(() => {});
  for (const name of emptyDatabases) await withClient(inject('pgAdminUrl'), (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).catch(() => {});
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a release is rolled back', () => {
  it('1. before the upgrade: npm run backup records the release and its migrations', async () => {
    // The chain is not rolled back (it is append-only and shared by the levels): the database suffices.
    const r = await npmScript('scripts/backup.ts', ['--out', backupDir(), '--no-chain'], { DATABASE_URL: productionUrl });
    expect(r.code, r.stderr).toBe(0);
    const m = readManifest(backupDir());
    expect(m.migrations.map((x) => x.name)).toEqual(loadMigrations().map((x) => x.name));
    const [batches] = await sql<{ n: number }>(productionUrl, `SELECT count(*)::int AS n FROM batch WHERE status = 'ANCHORED'`);
    expect(m.ledger.lastAnchoredSeq).toBe(batches!.n);
    expect(m.chain).toBeNull();
  });

  it('2. the upgrade migrates forward; the previous build no longer runs on it, and the next release cannot restore the backup', async () => {
    const { applied } = await migrate(productionUrl, { dir: nextRelease() });
    expect(applied).toEqual([NEXT_MIGRATION]);
    // Rolling back only the code: the previous build's audit reads member.name, which is gone.
    const old = await npmScript('indexer/src/audit-cli.ts', ['--rpc', node!.rpcUrl, '--no-alerts'], { DATABASE_URL: productionUrl });
    expect(old.code).toBe(2);
    expect(old.stderr).toMatch(/column .*name.* does not exist/);
    // A restore by the next release is refused before anything is written to the target.
    const target = await emptyDatabase();
    await expect(restore({ from: backupDir(), databaseUrl: target, migrationsDir: nextRelease() })).rejects.toThrow(MigrationsDifferError);
    const [tables] = await sql<{ n: number }>(target, `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`);
    expect(tables!.n).toBe(0);
  });

  let restoredUrl: string;

  it('3. the rollback: the previous release restores the backup into a new database; audit green, anchoring goes on', async () => {
    restoredUrl = await emptyDatabase();
    const r = await npmScript('scripts/restore.ts', ['--from', backupDir(), '--no-chain'], { DATABASE_URL: restoredUrl });
    expect(r.code, r.stderr).toBe(0);
    // The previous build's `npm run audit`, chain included, the same command that failed in step 2.
    const green = await npmScript('indexer/src/audit-cli.ts', ['--rpc', node!.rpcUrl], { DATABASE_URL: restoredUrl });
    expect(green.code, green.stdout + green.stderr).toBe(0);
    expect(green.stdout).toMatch(/No mismatch found/);
    const m = readManifest(backupDir());
    expect(green.stdout).toContain(`${m.ledger.records} records in ${m.ledger.batches} batches`);
    expect(green.stdout).toContain(`${m.ledger.lastAnchoredSeq} anchored batches verified`);

    // The previous build's indexer on the restored database and the same chain: a new write is
    // anchored as the next batch, and its proof verifies online against the chain.
    const probe = await writeProbe(restoredUrl, 'after the rollback');
    const indexer = await startIndexer(restoredUrl);
    try {
      await waitFor('the post-rollback write anchored', () => allAnchored(restoredUrl), 120_000);
    } finally {
      await indexer.stop();
    }
    const [proof] = await withClient(restoredUrl, (c) => getProofs(c, [{ type: 'Probe', id: probe, version: 1 }]));
    expect(proof?.status).toBe('ANCHORED');
    const bundle = proof!.bundle as ProofBundle;
    expect(bundle.batch.seq).toBe(m.ledger.lastAnchoredSeq + 1);
    const online = await verifyBundle(bundle, { chain: createChainChecker(node!.rpcUrl) });
    expect(online.verified, JSON.stringify(online.checks.filter((x) => !x.ok))).toBe(true);
    const pool = createPool(restoredUrl);
    try {
      const report = await audit(pool, { rpcUrl: node!.rpcUrl, writeAlerts: false });
      expect(report.mismatches).toBe(0);
      expect(report.chainChecked).toBe(m.ledger.batches + 1);
    } finally {
      await pool.end();
    }
  }, 300_000);

  it('4. once the chain holds a batch beyond the backup, a restore of it halts anchoring with ANCHOR_CONFLICT', async () => {
    // The chain now has batch last+1 (step 3's). Restoring the same backup again stands for a
    // rollback after the new release had anchored: a different write becomes a different batch last+1.
    const late = await emptyDatabase();
    await restore({ from: backupDir(), databaseUrl: late });
    await writeProbe(late, 'a write the chain does not have');
    const indexer = await startIndexer(late);
    try {
      const [alert] = await waitFor('the anchor conflict', async () => {
        const rows = await sql<{ kind: string; batch_seq: number }>(late, `SELECT kind, batch_seq FROM tamper_alert WHERE kind = 'ANCHOR_CONFLICT'`);
        return rows.length ? rows : undefined;
      }, 90_000);
      expect(alert!.batch_seq).toBe(readManifest(backupDir()).ledger.lastAnchoredSeq + 1);
    } finally {
      await indexer.stop();
    }
    // Nothing was anchored over the chain's batch.
    expect(await allAnchored(late)).toBe(false);
  }, 200_000);
});
