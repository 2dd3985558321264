// The stacks of `npm run soak`, outside vitest: an embedded Postgres of its own (a database per
// phase), a single-validator chain or the 4-validator localnet (chain/scripts/localnet4.sh), the
// indexer in-process or as a real process.
import { createPrisma, migrate, type PrismaClient } from '@lianjian/db';
import { ensureDatabase, startPostgres, type RunningPostgres } from '@lianjian/db/postgres';
import { committerChain, Indexer } from '@lianjian/indexer';
import path from 'node:path';
import { ChainCommitter } from '@lianjian/indexer/chain';
import { defaultConfig } from '@lianjian/api';
import { createFixture, sessionFor } from '../../../api/test/fixtures.js';
import { readSubmitterMnemonics, repoRoot } from '../../../scripts/lib/chain-node.js';
import { freeBasePort } from '../../../scripts/lib/levels.js';
import { startService, type RunningService } from '../../../scripts/lib/process.js';
import { withClient } from '../../pg-client.js';
import { killableChain } from './chain.js';
import type { ScenarioStack } from './scenario.js';

export async function query<T extends Record<string, unknown>>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  return withClient(url, async (c) => (await c.query<T>(text, values)).rows);
}

export async function anchoredAll(url: string): Promise<{ total: number; anchored: number }> {
  const [r] = await query<{ total: number; anchored: number }>(
    url,
    `SELECT (SELECT count(*)::int FROM outbox_record) AS total, (SELECT coalesce(sum(size), 0)::int FROM batch WHERE status = 'ANCHORED') AS anchored`,
  );
  return r!;
}

export async function waitAnchored(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await anchoredAll(url);
    if (r.total === r.anchored) return;
    if (Date.now() > deadline) throw new Error(`${r.total - r.anchored} of ${r.total} records not anchored after ${timeoutMs / 1000} s`);
    await new Promise((res) => setTimeout(res, 200));
  }
}

/** A migrated database of its own in the soak's Postgres. */
export async function freshDatabase(pgServer: RunningPostgres, name: string): Promise<string> {
  await ensureDatabase(pgServer.adminUrl, name);
  const u = new URL(pgServer.adminUrl);
  u.pathname = `/${name}`;
  await migrate(u.toString(), { log: () => {} });
  return u.toString();
}

export async function soakPostgres(dir: string): Promise<RunningPostgres> {
  return startPostgres({ dataDir: path.join(dir, 'pg'), database: 'postgres', fast: true, log: () => {} });
}

/** Fixture organisation, single-validator chain, in-process indexer: what the load scenario runs on. */
export async function soakScenarioStack(dir: string, pgServer: RunningPostgres): Promise<ScenarioStack> {
  const dbUrl = await freshDatabase(pgServer, 'soak_load');
  const chain = await killableChain(path.join(dir, 'load'));
  const prisma: PrismaClient = createPrisma(dbUrl, { max: 4 });
  const fx = await createFixture(prisma);
  const token = await sessionFor(prisma, fx.accounts.secretary.id);
  const committer = await ChainCommitter.create({ rpcUrl: chain.rpcUrl, mnemonic: chain.mnemonics()[0]!, retry: { maxElapsedMs: 60_000 } });
  let indexer: Indexer | undefined;
  return {
    dbUrl,
    prisma,
    config: defaultConfig({ idSalt: 'soak-salt' }),
    token,
    unitId: fx.units.b1.id,
    rpcUrl: chain.rpcUrl,
    async startIndexer() {
      indexer = new Indexer({ databaseUrl: dbUrl, chain: committerChain(committer), policy: { maxWaitMs: 100 } });
      await indexer.start();
    },
    waitAllAnchored: (timeoutMs = 120_000) => waitAnchored(dbUrl, timeoutMs),
    sql: (text, values) => query(dbUrl, text, values),
    async close() {
      await indexer?.stop();
      await prisma.$disconnect();
      await chain.stop();
    },
  };
}

export interface Localnet4 {
  root: string;
  rpcUrl(i: number): string;
  mnemonic(): string;
  kill(i: number): Promise<void>;
  start(i: number): Promise<void>;
  height(i: number): Promise<number>;
  stop(): Promise<void>;
}

async function height(rpc: string): Promise<number> {
  try {
    const res = await fetch(`${rpc}/status`, { signal: AbortSignal.timeout(2_000) });
    const body = (await res.json()) as { result: { sync_info: { latest_block_height: string } } };
    return Number(body.result.sync_info.latest_block_height);
  } catch {
    return -1;
  }
}

/** The 4-validator localnet on loopback; each validator a supervised process that can be SIGKILLed. */
export async function startLocalnet4(dir: string): Promise<Localnet4> {
  const root = path.join(dir, 'four');
  const base = await freeBasePort();
  const env = { LIANJIAN_LOCALNET4_HOME: root, LIANJIAN_LOCALNET4_BASE_PORT: String(base) };
  const script = path.join(repoRoot, 'chain/scripts/localnet4.sh');
  const init = await startService({ name: 'localnet4-init', command: 'bash', args: [script, 'init'], env, logFile: path.join(dir, 'localnet4-init.log'), ready: async () => true });
  await init.exited;
  const nodes = new Map<number, RunningService>();
  const rpcUrl = (i: number) => `http://127.0.0.1:${base + 10 * i + 1}`;
  const start = async (i: number) => {
    nodes.set(i, await startService({ name: `validator${i}`, command: 'bash', args: [script, 'start', String(i)], env, logFile: path.join(dir, `validator${i}.log`), ready: async () => (await height(rpcUrl(i))) >= 0 }));
  };
  await Promise.all([0, 1, 2, 3].map(start));
  const deadline = Date.now() + 120_000;
  while ((await height(rpcUrl(0))) < 2) {
    if (Date.now() > deadline) throw new Error('the 4-validator network made no blocks in 120 s');
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    root,
    rpcUrl,
    mnemonic: () => readSubmitterMnemonics(root)[0]!,
    async kill(i) {
      await nodes.get(i)?.kill();
      nodes.delete(i);
    },
    start,
    height: (i) => height(rpcUrl(i)),
    async stop() {
      for (const n of nodes.values()) await n.stop(5_000).catch(() => undefined);
    },
  };
}
