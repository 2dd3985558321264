// The platform as production runs it, for the benchmarks: a chain node, the indexer anchoring a
// dataset's outbox, and the API process started by scripts/lib/services.ts.
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import path from 'node:path';
import { freePort } from '@lianjian/db/postgres';
import pg from 'pg';
import { chainAvailable, pickChainPorts, startChainNode, type ChainNode } from '../../scripts/lib/chain-node.js';
import { sleep, type RunningService } from '../../scripts/lib/process.js';
import { startApi, startIndexer } from '../../scripts/lib/services.js';
import { newSessionToken } from '@lianjian/api';
import { dataDir, metaKey, readMeta, writeMeta, type AnchorStats, type Cluster } from './cluster.js';

export const logDir = path.join(dataDir, 'logs');
/** The connection pool size of both GraphQL servers (the API's default, LIANJIAN_DB_POOL). */
export const POOL_SIZE = 10;

async function counts(db: pg.Pool): Promise<{ total: number; anchored: number }> {
  const { rows } = await db.query<{ total: string; anchored: string }>(
    `SELECT (SELECT count(*) FROM outbox_record)::text AS total,
            (SELECT coalesce(max(last_position) + 1, 0) FROM batch WHERE status = 'ANCHORED')::text AS anchored`,
  );
  return { total: Number(rows[0]!.total), anchored: Number(rows[0]!.anchored) };
}

/**
 * A chain node whose home is kept per database (.data/bench/chain/<db>), so the anchors a
 * dataset holds stay those of the chain that runs beside it, across runs.
 */
export async function startChain(cluster: Cluster, database: string): Promise<ChainNode> {
  if (!chainAvailable()) throw new Error('chain/ is not built: run `bash chain/scripts/build.sh` first');
  // One chain per database of each cluster: the same name on another server is another ledger.
  const home = cluster.embedded ? database : `${metaKey(cluster, database).replace(/[^A-Za-z0-9_.-]+/g, '_')}`;
  return startChainNode({
    home: path.join(dataDir, 'chain', home),
    ports: await pickChainPorts(),
    logFile: path.join(logDir, `chain-${database}.log`),
  });
}

/**
 * Runs the indexer (as production does: its own process, real chain) until every outbox record
 * of the database is anchored. Returns the throughput of that run, or the cached figures of the
 * run that anchored it before.
 */
export async function ensureAnchored(cluster: Cluster, database: string, chain: ChainNode, say: (s: string) => void): Promise<AnchorStats> {
  const url = cluster.urlFor(database);
  const key = metaKey(cluster, database);
  const db = new pg.Pool({ connectionString: url, max: 2 });
  try {
    const before = await counts(db);
    const meta = readMeta()[key];
    if (before.anchored >= before.total && meta?.anchor) return meta.anchor;
    say(`anchoring ${(before.total - before.anchored).toLocaleString('en-US')} of ${before.total.toLocaleString('en-US')} records of ${database} (indexer + chain node)…`);
    const port = await freePort();
    const indexer = await startIndexer({
      port,
      logFile: path.join(logDir, `indexer-${database}.log`),
      env: { DATABASE_URL: url, LIANJIAN_RPC: chain.rpcUrl, LIANJIAN_CHAIN_HOME: chain.home, NODE_ENV: 'production', LIANJIAN_LOG_LEVEL: 'warn' },
    });
    const t0 = Date.now();
    try {
      let last = 0;
      for (;;) {
        const c = await counts(db);
        if (c.anchored >= c.total) break;
        if (Date.now() - last > 15_000) {
          say(`  ${c.anchored.toLocaleString('en-US')} / ${c.total.toLocaleString('en-US')} anchored`);
          last = Date.now();
        }
        await sleep(100);
      }
    } finally {
      await indexer.stop();
    }
    const seconds = (Date.now() - t0) / 1000;
    const batches = Number((await db.query<{ n: string }>('SELECT count(*)::text AS n FROM batch')).rows[0]!.n);
    const records = before.total - before.anchored;
    const stats: AnchorStats = { at: new Date().toISOString(), records, batches, seconds, recordsPerSecond: records / seconds, loadavg: loadavg() };
    say(`  anchored ${records.toLocaleString('en-US')} records in ${seconds.toFixed(1)} s: ${Math.round(stats.recordsPerSecond).toLocaleString('en-US')} records/s`);
    // A partial resume is not a throughput figure; keep the earlier one then.
    const anchor = before.anchored === 0 || !meta?.anchor ? stats : meta.anchor;
    writeMeta(key, { ...(meta ?? { database, members: 0, source: 'unknown' }), anchor });
    return anchor;
  } finally {
    await db.end();
  }
}

/** A signed-in ADMIN session (second factor done), as the sign-in mutation would leave it. */
export async function adminSession(url: string): Promise<string> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ id: string }>(`SELECT id FROM account WHERE role = 'ADMIN' ORDER BY username LIMIT 1`);
    if (!rows[0]) throw new Error('the dataset has no ADMIN account');
    const { token, hash } = newSessionToken();
    await c.query(
      `INSERT INTO session (id, account_id, token_hash, second_factor_at, expires_at, created_at)
       VALUES (gen_random_uuid(), $1, $2, now(), now() + interval '1 day', now())`,
      [rows[0].id, Buffer.from(hash)],
    );
    return token;
  } finally {
    await c.end();
  }
}

/** The API process exactly as `npm start` runs it (scripts/lib/services.ts), in production mode. */
export async function startLianjianApi(url: string, chain: ChainNode | null, extraArgs: NodeJS.ProcessEnv = {}): Promise<RunningService & { url: string }> {
  const port = await freePort();
  const svc = await startApi({
    port,
    logFile: path.join(logDir, 'api.log'),
    env: {
      DATABASE_URL: url,
      NODE_ENV: 'production',
      LIANJIAN_ID_SALT: randomBytes(16).toString('hex'),
      LIANJIAN_DB_POOL: String(POOL_SIZE),
      ...(chain ? { LIANJIAN_RPC: chain.rpcUrl } : {}),
      ...extraArgs,
    },
  });
  return { ...svc, url: `http://127.0.0.1:${port}/graphql` };
}
