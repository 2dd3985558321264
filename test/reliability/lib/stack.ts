// A verifiable stack inside the test process: a killable chain of the test's own, a fresh
// database with the fixture organisation, the API over HTTP (api/test/harness.ts) and the real
// indexer (in-process, stoppable so that writes made while it is down land in one batch).
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { committerChain, Indexer } from '@lianjian/indexer';
import { createChainChecker, parseBundle, verifyBundle, type VerifyReport } from '@lianjian/verify';
import pg from 'pg';
import { ChainCommitter } from '@lianjian/indexer/chain';
import { createFixture, sessionFor, type Fixture } from '../../../api/test/fixtures.js';
import { startHarness, type Caller, type Harness } from '../../../api/test/harness.js';
import { killableChain, type KillableChain } from './chain.js';

export interface VerifiedStack {
  dir: string;
  chain: KillableChain;
  h: Harness;
  fx: Fixture;
  secretary: Caller;
  admin: Caller;
  startIndexer(): Promise<void>;
  stopIndexer(): Promise<void>;
  /**
   * Waits until every outbox record written so far can be claimed: the indexer claims only below
   * the cluster's oldest running transaction, and other test files share this Postgres, so a
   * write of theirs still open would otherwise split records written together into two batches.
   */
  waitClaimable(timeoutMs?: number): Promise<void>;
  /** Waits until every outbox record sits in an ANCHORED batch. */
  waitAllAnchored(timeoutMs?: number): Promise<void>;
  sql<T extends pg.QueryResultRow = Record<string, unknown>>(text: string, values?: unknown[]): Promise<T[]>;
  /** As an attacker with database access: superuser, append-only triggers off. */
  tamper(text: string, values?: unknown[]): Promise<void>;
  close(): Promise<void>;
}

export async function startVerifiedStack(opts: { bulk?: number } = {}): Promise<VerifiedStack> {
  const dir = mkdtempSync(path.join(tmpdir(), 'lianjian-reliability-'));
  chmodSync(dir, 0o755);
  const [chain, h] = await Promise.all([killableChain(dir), startHarness()]);
  const fx = await createFixture(h.prisma, { bulk: opts.bulk ?? 0 });
  const secretary = { token: await sessionFor(h.prisma, fx.accounts.secretary.id) };
  const admin = { token: await sessionFor(h.prisma, fx.accounts.admin.id) };
  const committer = await ChainCommitter.create({ rpcUrl: chain.rpcUrl, mnemonic: chain.mnemonics()[0]!, retry: { maxElapsedMs: 60_000 } });
  let indexer: Indexer | undefined;

  const sql = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> => {
    const c = new pg.Client({ connectionString: h.dbUrl });
    await c.connect();
    try {
      return (await c.query<T>(text, values)).rows;
    } finally {
      await c.end();
    }
  };

  const stack: VerifiedStack = {
    dir,
    chain,
    h,
    fx,
    secretary,
    admin,
    async startIndexer() {
      if (indexer) return;
      indexer = new Indexer({ databaseUrl: h.dbUrl, chain: committerChain(committer), policy: { maxWaitMs: 30, pollMs: 10 } });
      await indexer.start();
    },
    async stopIndexer() {
      await indexer?.stop();
      indexer = undefined;
    },
    async waitClaimable(timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const [r] = await sql<{ ready: boolean }>(
          `SELECT coalesce((SELECT max(xid) FROM outbox_record) < pg_snapshot_xmin(pg_current_snapshot()), true) AS ready`,
        );
        if (r!.ready) return;
        if (Date.now() > deadline) throw new Error(`outbox records still behind an open transaction after ${timeoutMs} ms`);
        await new Promise((res) => setTimeout(res, 20));
      }
    },
    async waitAllAnchored(timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const [r] = await sql<{ total: number; anchored: number }>(
          `SELECT (SELECT count(*)::int FROM outbox_record) AS total,
                  (SELECT coalesce(sum(size), 0)::int FROM batch WHERE status = 'ANCHORED') AS anchored`,
        );
        if (r!.total === r!.anchored) return;
        if (Date.now() > deadline) throw new Error(`${r!.total - r!.anchored} of ${r!.total} records not anchored after ${timeoutMs} ms`);
        await new Promise((res) => setTimeout(res, 100));
      }
    },
    sql,
    async tamper(text, values = []) {
      const c = new pg.Client({ connectionString: h.dbUrl });
      await c.connect();
      try {
        await c.query('SET session_replication_role = replica');
        await c.query(text, values);
      } finally {
        await c.end();
      }
    },
    async close() {
      await indexer?.stop().catch(() => undefined);
      await h.close().catch(() => undefined);
      await chain.stop().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return stack;
}

/** Verification against the real chain, as a partner or the public page does it. */
export async function verifyOnline(bundle: unknown, rpcUrl: string, fields?: Record<string, unknown>): Promise<VerifyReport> {
  return verifyBundle(parseBundle(bundle), { chain: createChainChecker(rpcUrl), ...(fields ? { fields } : {}) });
}

/** The first failed check of a report, as "name: reason". */
export function failure(report: VerifyReport): string {
  const bad = report.checks.find((c) => c.ok === false);
  return bad ? `${bad.name}: ${bad.reason ?? ''}` : 'none';
}

export const CREATE_MEMBER = `mutation($input: CreateMemberInput!) { createMember(input: $input) { id version } }`;

export function memberInput(unitId: string, name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { orgUnitId: unitId, name, gender: 'FEMALE', birthDate: '1995-04-02', ethnicity: '汉族', education: 'BACHELOR', appliedOn: '2025-01-06', ...extra };
}
