// Latency of listing 100 members with their proofs, under load, against the demo data.
//
//   npm run bench -w @lianjian/api -- [--connections 10] [--duration 20] [--members 300]
//
// Starts an embedded Postgres (or uses DATABASE_URL), seeds the demo organisation
// (@lianjian/db seedDemo), runs the indexer until every record is in a batch (batches are then
// marked anchored as after a chain commit, so proofs carry anchors), starts the API in-process
// and drives POST /graphql with autocannon as an ADMIN session. Prints p50/p95/p99 latency.
import autocannon from 'autocannon';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import inspector from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPrisma, seed } from '@lianjian/db';
import { startPostgres } from '@lianjian/db/postgres';
import { getProofs, Indexer } from '@lianjian/indexer';
import pg from 'pg';
import { newSessionToken } from '../src/modules/auth/tokens.js';
import { configFromEnv } from '../src/shared/config.js';
import { startApi } from '../src/start-api.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const connections = arg('connections', 10);
const duration = arg('duration', 20);
const members = arg('members', 300);
/** --sequential N: also time N requests one after another (no concurrency) and the proof query alone. */
const sequential = arg('sequential', 0);

export const QUERY = `query Members($first: Int!) {
  members(first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id version name gender birthDate stage status orgUnit { id name }
      proof { status batchSeq index leaf path anchor { chainId height txHash time } bundle } } }
  }
}`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), 'lianjian-bench-'));
  const server = await startPostgres({ dataDir: path.join(dir, 'pg'), database: 'lianjian_bench', fast: true });
  try {
    const t0 = Date.now();
    const seeded = await seed(server.url, { members, seed: 'demo', months: 12, progress: false, workers: 0, reset: true });
    process.stdout.write(`seeded ${seeded.members} members, ${seeded.totalRows} rows in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);

    const indexer = new Indexer({ databaseUrl: server.url, policy: { maxWaitMs: 20, pollMs: 20 } });
    await indexer.start();
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    for (;;) {
      const { rows } = await client.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM outbox_record o LEFT JOIN record_position rp ON rp.record_id = o.id WHERE rp.position IS NULL',
      );
      if (rows[0]!.n === 0) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    await indexer.stop();
    const anchored = await client.query(
      `UPDATE batch SET status = 'ANCHORED', chain_height = 1000 + seq, tx_hash = $1, submitted_at = now(), anchored_at = now(), chain_id = 'lianjian-bench'
        WHERE status <> 'ANCHORED'`,
      ['CD'.repeat(32)],
    );
    const records = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox_record');
    process.stdout.write(`indexed ${records.rows[0]!.n} records into ${anchored.rowCount} batches\n`);

    const prisma = createPrisma(server.url);
    const admin = await prisma.account.findFirstOrThrow({ where: { role: 'ADMIN' } });
    const { token, hash } = newSessionToken();
    await prisma.session.create({ data: { accountId: admin.id, tokenHash: hash, secondFactorAt: new Date(), expiresAt: new Date(Date.now() + 3600_000) } });
    await prisma.$disconnect();
    await client.end();

    const api = await startApi({ databaseUrl: server.url, port: 0, host: '127.0.0.1', config: configFromEnv({}), poolSize: 10 });
    // --bare: the same page without proof fields (to see what proofs cost).
    const query = process.argv.includes('--bare') ? QUERY.replace(/proof \{[^}]*\{[^}]*\}[^}]*\}/, '') : QUERY;
    const body = JSON.stringify({ query, variables: { first: 100 } });
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const check = (await (await fetch(`${api.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query: QUERY, variables: { first: 100 } }) })).json()) as {
      data?: { members: { totalCount: number; edges: { node: { proof: { status: string; bundle: unknown } } }[] } };
      errors?: unknown;
    };
    if (check.errors || check.data!.members.edges.length !== 100) throw new Error(`unexpected response: ${JSON.stringify(check).slice(0, 500)}`);
    const anchoredProofs = check.data!.members.edges.filter((e) => e.node.proof.status === 'ANCHORED' && e.node.proof.bundle).length;
    const bytes = Buffer.byteLength(JSON.stringify(check));
    process.stdout.write(`check: ${check.data!.members.edges.length} members of ${check.data!.members.totalCount}, ${anchoredProofs} anchored bundles, ${bytes} bytes\n`);

    if (sequential > 0) {
      const times: number[] = [];
      for (let i = 0; i < sequential; i++) {
        const t = performance.now();
        await (await fetch(`${api.url}/graphql`, { method: 'POST', headers, body })).arrayBuffer();
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      const bare = JSON.stringify({ query: QUERY.replace(/proof \{[^}]*\{[^}]*\}[^}]*\}/, ''), variables: { first: 100 } });
      const bareTimes: number[] = [];
      for (let i = 0; i < sequential; i++) {
        const t = performance.now();
        await (await fetch(`${api.url}/graphql`, { method: 'POST', headers, body: bare })).arrayBuffer();
        bareTimes.push(performance.now() - t);
      }
      bareTimes.sort((a, b) => a - b);
      process.stdout.write(
        `sequential (1 connection, ${sequential} requests): without proofs p50 ${percentile(bareTimes, 50).toFixed(1)} ms, p95 ${percentile(bareTimes, 95).toFixed(1)} ms\n`,
      );
      const keysPrisma = createPrisma(server.url);
      const ids = await keysPrisma.member.findMany({ take: 100, orderBy: [{ name: 'asc' }, { id: 'asc' }], select: { id: true, version: true } });
      const proofTimes: number[] = [];
      for (let i = 0; i < sequential; i++) {
        const t = performance.now();
        await getProofs(keysPrisma, ids.map((m) => ({ type: 'Member', id: m.id, version: m.version })));
        proofTimes.push(performance.now() - t);
      }
      proofTimes.sort((a, b) => a - b);
      const pool = new pg.Pool({ connectionString: server.url, max: 2 });
      const poolTimes: number[] = [];
      for (let i = 0; i < sequential; i++) {
        const t = performance.now();
        await getProofs(pool, ids.map((m) => ({ type: 'Member', id: m.id, version: m.version })));
        poolTimes.push(performance.now() - t);
      }
      poolTimes.sort((a, b) => a - b);
      await pool.end();
      await keysPrisma.$disconnect();
      process.stdout.write(
        `sequential (1 connection, ${sequential} requests): with proofs p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms; ` +
          `getProofs(100 keys) alone p50 ${percentile(proofTimes, 50).toFixed(1)} ms via Prisma, ${percentile(poolTimes, 50).toFixed(1)} ms via pg\n`,
      );
    }

    const run = async (seconds: number, record: boolean) => {
      const latencies: number[] = [];
      const result = await new Promise<autocannon.Result>((resolve, reject) => {
        const instance = autocannon({ url: `${api.url}/graphql`, method: 'POST', headers, body, connections, duration: seconds }, (err, res) =>
          err ? reject(err) : resolve(res),
        );
        if (record) instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
      });
      return { result, latencies };
    };
    await run(3, false); // warm-up: JIT, connection pool, Postgres caches
    // --cpu-profile FILE: a V8 CPU profile of the measured run only (open it in Chrome DevTools).
    const profileAt = process.argv.indexOf('--cpu-profile');
    const session = profileAt > 0 ? new inspector.Session() : null;
    if (session) {
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.start');
    }
    const { result, latencies } = await run(duration, true);
    if (session) {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(process.argv[profileAt + 1]!, JSON.stringify(profile));
      session.disconnect();
    }
    latencies.sort((a, b) => a - b);
    const out = {
      query: query === QUERY ? 'members(first: 100) with proof { status batchSeq index leaf path anchor bundle } and orgUnit' : 'members(first: 100) and orgUnit, no proofs',
      connections,
      durationSeconds: duration,
      requests: result.requests.total,
      throughputRps: Math.round(result.requests.average * 10) / 10,
      non2xx: result.non2xx,
      errors: result.errors,
      latencyMs: {
        p50: percentile(latencies, 50),
        p95: percentile(latencies, 95),
        p99: percentile(latencies, 99),
        max: latencies[latencies.length - 1],
      },
    };
    process.stdout.write(JSON.stringify(out, null, 2) + '\n');
    await api.close();
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(`✗ ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
