// Mirror catch-up benchmark (issue #21): a lianjian-mirror catching up from zero over the subtree
// of one level-1 unit of a seeded, anchored dataset (profile scale, seed 1, cached in the benchmark
// cluster, bench/lib/cluster.ts), through the real API process (its feed) and a chain node of the
// dataset's own, every document verified against the chain with the root of trust before it is
// stored. Prints records/s beside the indexer's own anchoring rate for the same dataset.
//
//   npm run bench:mirror -- [--members 100000] [--unit <org unit id>] [--limit N] [--page-size 2000] [--format PROOF_SET|BUNDLES] [--rpc <the dataset's running chain node>]
//
// --limit stops after about N records (a sample of the rate on a loaded machine); default: the
// whole subtree. The level-1 unit with the most members is taken unless --unit names one.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseTrustRoot } from '@lianjian/verify';
import pg from 'pg';
import { newApiKey } from '../../api/src/modules/auth/tokens.js';
import { FeedClient, Mirror, Store } from '../../mirror/src/index.js';
import { repoRoot } from '../../scripts/lib/chain-node.js';
import { adminQuery, ensureSeeded, openCluster } from '../lib/cluster.js';
import { ensureAnchored, startChain, startLianjianApi } from '../lib/stack.js';
import { fmt, machine, writeResult } from '../lib/stats.js';
import { cpuSecondsOf, postgresBackends } from './cpu.js';

const { values: args } = parseArgs({
  options: {
    members: { type: 'string', default: '100000' },
    unit: { type: 'string' },
    limit: { type: 'string' },
    'page-size': { type: 'string', default: '2000' },
    // PROOF_SET (default): one proof set v2 per page; BUNDLES: a v1 bundle per record (the first figures).
    format: { type: 'string', default: 'PROOF_SET' },
    // The dataset's chain node already running (another benchmark holds its home): its RPC URL, read only.
    rpc: { type: 'string' },
  },
});
const say = (line: string) => process.stdout.write(`${line}\n`);
const members = Number(args.members);
const limit = args.limit ? Number(args.limit) : Infinity;
const pageSize = Number(args['page-size']);
const MIRROR_DB = 'lj_mirror_bench';
const format = args.format === 'BUNDLES' ? 'BUNDLES' : 'PROOF_SET';

const cluster = await openCluster();
try {
  const { database, url } = await ensureSeeded(cluster, members, say);
  // With --rpc, the node another benchmark runs for this dataset is read (its trust root is in its home).
  const chain: Pick<Awaited<ReturnType<typeof startChain>>, 'rpcUrl' | 'trustRootFile' | 'stop' | 'home'> = args.rpc
    ? { rpcUrl: args.rpc, home: path.join(repoRoot, '.data/bench/chain', database), trustRootFile: path.join(repoRoot, '.data/bench/chain', database, 'trust-root.json'), stop: async () => {} }
    : await startChain(cluster, database);
  let api: Awaited<ReturnType<typeof startLianjianApi>> | undefined;
  const db = new pg.Pool({ connectionString: url, max: 2 });
  let keyId: string | undefined;
  try {
    const anchor = await ensureAnchored(cluster, database, chain as Awaited<ReturnType<typeof startChain>>, say);
    // The level-1 unit with the most records, unless one is named.
    const unit = args.unit
      ? (await db.query<{ id: string; name: string; path: string }>(`SELECT id::text, name, path FROM org_unit WHERE id = $1::uuid`, [args.unit])).rows[0]
      : (await db.query<{ id: string; name: string; path: string }>(
          // The level-1 unit with the most members below it ('/1/412/…' → '/1/412/').
          `WITH c AS (SELECT '/' || split_part(u.path, '/', 2) || '/' || split_part(u.path, '/', 3) || '/' AS top, count(*) AS n
                        FROM member m JOIN org_unit u ON u.id = m.org_unit_id GROUP BY 1)
           SELECT u.id::text, u.name, u.path FROM org_unit u JOIN c ON c.top = u.path WHERE u.level = 1 ORDER BY c.n DESC, u.no LIMIT 1`,
        )).rows[0];
    if (!unit) throw new Error('no level-1 unit found');
    const [sub] = (await db.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM record_position rp JOIN outbox_record o ON o.id = rp.record_id JOIN org_unit u ON u.id = o.org_unit_id
        WHERE left(u.path, length($1)) = $1 AND NOT (o.entity_type = 'Ballot' AND o.version < 2)`,
      [unit.path],
    )).rows;
    const subtree = Number(sub!.n);
    const { key, prefix, hash } = newApiKey();
    keyId = (await db.query<{ id: string }>(
      `INSERT INTO api_key (id, name, prefix, key_hash, scopes, unit_id) VALUES (gen_random_uuid(), 'mirror bench', $1, $2, ARRAY['Mirror:read'], $3::uuid) RETURNING id::text`,
      [prefix, Buffer.from(hash), unit.id],
    )).rows[0]!.id;
    // Only the feed is measured: the partner webhook dispatcher stays off.
    api = await startLianjianApi(url, chain as Awaited<ReturnType<typeof startChain>>, { LIANJIAN_WEBHOOKS_MS: '0' });
    await adminQuery(cluster.adminUrl, `DROP DATABASE IF EXISTS ${MIRROR_DB} WITH (FORCE)`);
    await adminQuery(cluster.adminUrl, `CREATE DATABASE ${MIRROR_DB}`);
    const store = Store.connect(cluster.urlFor(MIRROR_DB));
    try {
      await store.init();
      const trustRoot = parseTrustRoot(readFileSync(chain.trustRootFile, 'utf8'));
      // The feed's share of the time: pages are fetched one ahead, so this is time spent waiting on it.
      let feedMs = 0;
      const perPage: number[] = [];
      const client = new FeedClient(api.url, key, 60_000, format);
      const feed = {
        page: async (after: number, first: number, full?: boolean) => {
          const t = performance.now();
          try {
            return await client.page(after, first, full);
          } finally {
            feedMs += performance.now() - t;
            perPage.push(performance.now() - t);
          }
        },
      } as FeedClient;
      // The store's share: pages are stored while the next one is verified, so this overlaps too.
      let storeMs = 0;
      const append = store.append.bind(store);
      store.append = async (...a: Parameters<Store['append']>) => {
        const t = performance.now();
        try {
          return await append(...a);
        } finally {
          storeMs += performance.now() - t;
        }
      };
      const mirror = new Mirror({ store, feed, rpcUrl: chain.rpcUrl, trustRoot, pageSize });
      say(`Mirror catch-up / 镜像追平 — ${database}, subtree of ${unit.name} (${unit.path}): ${fmt(subtree)} records, format ${format}, pages of ${fmt(pageSize)}${Number.isFinite(limit) ? `, first ${fmt(limit)}` : ''}`);
      const load0 = loadavg()[0]!;
      // CPU seconds on each side (a loaded, shared machine's wall clock says little about the code):
      // this process (the mirror: parse, verify, its pg client), the API process, and the Postgres
      // backends of the centre's and the mirror's databases.
      const cpu0 = { mirror: process.cpuUsage(), api: cpuSecondsOf(api.child.pid!), pg: postgresBackends([database, MIRROR_DB]) };
      // Backends read every second as well: one that ends during the run (a pool's idle connection) keeps its share.
      const pgSeen = new Map<number, { db: string; cpu: number }>();
      const sampleBackends = () => {
        for (const db of [database, MIRROR_DB]) for (const [pid, cpu] of postgresBackends([db])) pgSeen.set(pid, { db, cpu });
      };
      const sampler = setInterval(sampleBackends, 1000);
      const t0 = performance.now();
      let last = t0;
      let lastStored = 0;
      const r = await mirror.sync({
        maxRecords: limit,
        onPage: (n) => {
          const now = performance.now();
          if (now - last < 10_000) return;
          say(`  ${fmt(n)} stored, ${fmt(n / ((now - t0) / 1000))} records/s (the last ${((now - last) / 1000).toFixed(0)} s: ${fmt((n - lastStored) / ((now - last) / 1000))}/s, load ${loadavg()[0]!.toFixed(1)})`);
          last = now;
          lastStored = n;
        },
      });
      const stored = r.stored;
      if (r.rejected) throw new Error(`${r.rejected} documents did not verify on an untouched dataset`);
      const seconds = (performance.now() - t0) / 1000;
      const mirrorUsage = process.cpuUsage(cpu0.mirror);
      clearInterval(sampler);
      sampleBackends();
      const pgSince = (db: string) => [...pgSeen].filter(([, b]) => b.db === db).reduce((sum, [pid, b]) => sum + b.cpu - (cpu0.pg.get(pid) ?? 0), 0);
      const cpu = { mirror: (mirrorUsage.user + mirrorUsage.system) / 1e6, api: cpuSecondsOf(api.child.pid!) - cpu0.api, postgresCentre: pgSince(database), postgresMirror: pgSince(MIRROR_DB) };
      const rate = stored / seconds;
      const counts = await store.counts();
      say('');
      say('| what | records | seconds | records/s | load |');
      say('|---|---|---|---|---|');
      say(`| mirror catch-up (feed + verify with root of trust + store) | ${fmt(stored)} | ${seconds.toFixed(1)} | ${fmt(rate)} | ${((load0 + loadavg()[0]!) / 2).toFixed(1)} |`);
      say(`| indexer anchoring, same dataset (cached run ${anchor.at.slice(0, 10)}) | ${fmt(anchor.records)} | ${anchor.seconds.toFixed(1)} | ${fmt(anchor.recordsPerSecond)} | ${anchor.loadavg[0]?.toFixed(1) ?? '?'} |`);
      say(`  feed requests took ${(feedMs / 1000).toFixed(1)} s of it (fetched one page ahead, so partly overlapped); storing ${(storeMs / 1000).toFixed(1)} s (overlapped with the next page's checks)`);
      say(`  feed requests one by one (s): ${perPage.map((ms) => (ms / 1000).toFixed(2)).join(', ')}`);
      const perRecord = (s: number) => `${((s / stored) * 1e6).toFixed(0)} µs`;
      say(`  CPU: mirror process ${cpu.mirror.toFixed(2)} s (${perRecord(cpu.mirror)} a record), API ${cpu.api.toFixed(2)} s (${perRecord(cpu.api)}), Postgres for the centre ${cpu.postgresCentre.toFixed(2)} s (${perRecord(cpu.postgresCentre)}) and for the mirror ${cpu.postgresMirror.toFixed(2)} s (${perRecord(cpu.postgresMirror)}); all ${perRecord(cpu.mirror + cpu.api + cpu.postgresCentre + cpu.postgresMirror)} a record`);
      say(`  goal ≥ 20,000 records/s: ${rate >= 20_000 ? 'met' : 'not met'}; batches verified on chain: ${counts.batches}; alerts: ${counts.openAlerts}`);
      const out = writeResult('mirror', { machine: machine(), database, members, unit, subtree, limit: Number.isFinite(limit) ? limit : null, pageSize, format, stored, seconds, recordsPerSecond: rate, feedSeconds: feedMs / 1000, storeSeconds: storeMs / 1000, cpuSeconds: cpu, batchesVerified: counts.batches, indexer: anchor });
      say(`written to ${path.relative(repoRoot, out)}`);
    } finally {
      await store.close();
      await adminQuery(cluster.adminUrl, `DROP DATABASE IF EXISTS ${MIRROR_DB} WITH (FORCE)`).catch(() => undefined);
    }
  } finally {
    if (keyId) await db.query(`DELETE FROM api_key WHERE id = $1::uuid`, [keyId]).catch(() => undefined);
    await db.end();
    await api?.stop();
    await chain.stop();
  }
} finally {
  await cluster.stop();
}

