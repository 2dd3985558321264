// Indexer benchmark: sustained records/s from outbox to anchored-with-proofs, and record-to-
// anchored latency at light and heavy load, beside this machine's raw SHA-256 speed. Runs
// against its own Postgres (embedded) and its own single-validator localnet.
//
//   node scripts/run-ts.mjs bench/indexer/run.ts [--records 200000] [--light-rate 50]
//        [--light-seconds 20] [--heavy-writers 4] [--heavy-seconds 20] [--fast] [--keep]
//
// Results are printed and written to bench/out/indexer-<time>.json.
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { migrate } from '@lianjian/db';
import { freePort, startPostgres } from '@lianjian/db/postgres';
import { appendRecords, getProofs, type RecordInput } from '@lianjian/indexer';
import { buildTree, createChainChecker, leafHash, nodeHash, verifyBundle } from '@lianjian/verify';
import pg from 'pg';
import { chainAvailable, pickChainPorts, repoRoot, startChainNode } from '../../scripts/lib/chain-node.js';
import { httpOk, sleep, startService } from '../../scripts/lib/process.js';

const { values: args } = parseArgs({
  options: {
    records: { type: 'string', default: '200000' },
    'light-rate': { type: 'string', default: '50' },
    'light-seconds': { type: 'string', default: '20' },
    'heavy-writers': { type: 'string', default: '4' },
    'heavy-seconds': { type: 'string', default: '20' },
    fast: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const N = Number(args.records);
const say = (line: string) => process.stdout.write(`${line}\n`);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

function record(i: number): RecordInput {
  const id = crypto.randomUUID();
  return {
    type: 'Member',
    id,
    version: 1,
    org: '00000000-0000-4000-8000-000000000001',
    actor: 'system',
    // The size of a typical member record (~450 bytes of canonical text).
    data: {
      name: `成员${i}`,
      gender: i % 2 ? 'MALE' : 'FEMALE',
      birthDate: '1990-01-01',
      ethnicity: '汉族',
      education: 'BACHELOR',
      occupation: 'engineer',
      nativePlace: '北京',
      stage: 'FULL',
      status: 'ACTIVE',
      appliedOn: '2020-01-02',
      fullMemberSince: '2022-07-01',
      probationExtended: false,
    },
  };
}

function hashRates() {
  const node64 = Buffer.alloc(65, 1);
  const leafBytes = Buffer.alloc(450, 2);
  const a = new Uint8Array(32).fill(3);
  const b = new Uint8Array(32).fill(4);
  const time = (n: number, fn: () => void) => {
    const t = performance.now();
    for (let i = 0; i < n; i++) fn();
    return n / ((performance.now() - t) / 1000);
  };
  const leaves = Array.from({ length: 100_000 }, (_, i) => new Uint8Array(createHash('sha256').update(String(i)).digest()));
  const t = performance.now();
  buildTree(leaves);
  const buildTreeLeaves = leaves.length / ((performance.now() - t) / 1000);
  return {
    nodeCryptoNodeHash: time(300_000, () => createHash('sha256').update(node64).digest()),
    libraryNodeHash: time(300_000, () => nodeHash(a, b)),
    nodeCryptoLeaf450B: time(200_000, () => createHash('sha256').update(leafBytes).digest()),
    libraryLeaf450B: time(200_000, () => leafHash(leafBytes)),
    buildTreeLeaves,
  };
}

async function prefill(url: string, n: number): Promise<number> {
  const t = performance.now();
  const writers = 2;
  const per = Math.ceil(n / writers);
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      for (let i = w * per; i < Math.min(n, (w + 1) * per); i += 5_000) {
        await c.query('BEGIN');
        await appendRecords(c, Array.from({ length: Math.min(5_000, Math.min(n, (w + 1) * per) - i) }, (_, j) => record(i + j)));
        await c.query('COMMIT');
      }
      await c.end();
    }),
  );
  return performance.now() - t;
}

async function anchoredCount(db: pg.Pool): Promise<number> {
  return Number((await db.query(`SELECT coalesce(max(last_position) + 1, 0) AS n FROM batch WHERE status = 'ANCHORED'`)).rows[0].n);
}

async function total(db: pg.Pool): Promise<number> {
  return Number((await db.query('SELECT count(*) AS n FROM outbox_record')).rows[0].n);
}

async function waitAnchored(db: pg.Pool, want: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await anchoredCount(db)) < want) {
    if (Date.now() > deadline) throw new Error(`not all ${want} records anchored within ${timeoutMs / 1000} s`);
    await sleep(50);
  }
}

/** Latency from the writing transaction's start (created_at) to the anchor being recorded. */
async function latency(db: pg.Pool, fromId: string, toId: string) {
  const { rows } = await db.query<{ n: string; p50: number; p95: number; p99: number; max: number }>(
    `SELECT count(*)::text AS n,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY l) AS p50, percentile_cont(0.95) WITHIN GROUP (ORDER BY l) AS p95,
            percentile_cont(0.99) WITHIN GROUP (ORDER BY l) AS p99, max(l) AS max
       FROM (SELECT (extract(epoch FROM b.updated_at - o.created_at) * 1000)::float8 AS l
               FROM outbox_record o JOIN record_position rp ON rp.record_id = o.id JOIN batch b ON b.seq = rp.batch_seq
              WHERE o.id > $1 AND o.id <= $2 AND b.status = 'ANCHORED') s`,
    [fromId, toId],
  );
  const r = rows[0]!;
  return { records: Number(r.n), p50Ms: r.p50, p95Ms: r.p95, p99Ms: r.p99, maxMs: r.max };
}

async function maxId(db: pg.Pool): Promise<string> {
  return (await db.query(`SELECT coalesce(max(id), 0)::text AS id FROM outbox_record`)).rows[0].id;
}

async function main() {
  if (!chainAvailable()) throw new Error('chain/ is not built: run `bash chain/scripts/build.sh` first');
  const dir = mkdtempSync(path.join(tmpdir(), 'lianjian-bench-indexer-'));
  chmodSync(dir, 0o755);
  say(`Indexer benchmark / 索引器基准 — ${cpus().length} CPU(s) ${cpus()[0]?.model ?? ''}, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const hashes = hashRates();

  const pgServer = await startPostgres({ dataDir: path.join(dir, 'pg'), database: 'bench', fast: args.fast });
  const chain = await startChainNode({ home: path.join(dir, 'chain'), ports: await pickChainPorts(), logFile: path.join(dir, 'chain.log') });
  let indexer: Awaited<ReturnType<typeof startService>> | undefined;
  const db = new pg.Pool({ connectionString: pgServer.url, max: 8 });
  try {
    await migrate(pgServer.url);
    say(`prefilling ${fmt(N)} outbox records…`);
    const prefillMs = await prefill(pgServer.url, N);
    say(`  prefilled in ${(prefillMs / 1000).toFixed(1)} s (${fmt(N / (prefillMs / 1000))} records/s through appendRecords)`);

    // ── sustained: drain the pre-filled outbox ──
    const port = await freePort();
    const t0 = Date.now();
    indexer = await startService({
      name: 'indexer',
      command: process.execPath,
      args: ['--conditions=source', '--import', 'tsx', path.join(repoRoot, 'indexer/src/main.ts')],
      env: { DATABASE_URL: pgServer.url, LIANJIAN_RPC: chain.rpcUrl, LIANJIAN_CHAIN_HOME: chain.home, PORT: String(port) },
      logFile: path.join(dir, 'indexer.log'),
      ready: () => httpOk(`http://127.0.0.1:${port}/health`),
      readyTimeoutMs: 60_000,
    });
    const tReady = Date.now();
    await waitAnchored(db, N, 600_000);
    const tDone = Date.now();
    const span = (await db.query<{ first: Date; last: Date; batches: string }>(`SELECT min(created_at) AS first, max(updated_at) AS last, count(*)::text AS batches FROM batch`)).rows[0]!;
    const steadyMs = span.last.getTime() - span.first.getTime();
    const sustained = {
      records: N,
      batches: Number(span.batches),
      fromReadyMs: tDone - tReady,
      recordsPerSecond: N / ((tDone - tReady) / 1000),
      steadyRecordsPerSecond: N / (steadyMs / 1000),
      startupMs: tReady - t0,
    };
    say(`  anchored ${fmt(N)} in ${((tDone - tReady) / 1000).toFixed(1)} s after the indexer was ready: ${fmt(sustained.recordsPerSecond)} records/s (${sustained.batches} batches; first batch → last anchor ${fmt(sustained.steadyRecordsPerSecond)} records/s)`);

    // Proofs: a sample verifies offline, a few online.
    const sample = (await db.query<{ entity_type: string; entity_id: string }>(`SELECT entity_type, entity_id::text FROM outbox_record ORDER BY random() LIMIT 200`)).rows;
    const tProof = performance.now();
    const proofs = await getProofs(db, sample.map((s) => ({ type: s.entity_type, id: s.entity_id })));
    const proofMs = (performance.now() - tProof) / sample.length;
    let verified = 0;
    for (const p of proofs) if (p?.bundle && (await verifyBundle(p.bundle)).verified) verified++;
    const checker = createChainChecker(chain.rpcUrl);
    for (const p of proofs.slice(0, 3)) {
      const r = await verifyBundle(p!.bundle!, { chain: checker });
      if (!r.verified) throw new Error(`online verification failed: ${JSON.stringify(r.checks)}`);
    }
    say(`  proofs: ${verified}/${sample.length} verify offline, 3/3 online; ${proofMs.toFixed(2)} ms per proof (one query for ${sample.length})`);

    // ── light load ──
    const rate = Number(args['light-rate']);
    const lightSeconds = Number(args['light-seconds']);
    say(`light load: ${rate} records/s for ${lightSeconds} s, one record per transaction…`);
    const lightFrom = await maxId(db);
    const wc = new pg.Client({ connectionString: pgServer.url });
    await wc.connect();
    const start = Date.now();
    for (let i = 0; i < rate * lightSeconds; i++) {
      const due = start + (i * 1000) / rate;
      if (due > Date.now()) await sleep(due - Date.now());
      await wc.query('BEGIN');
      await appendRecords(wc, [record(i)]);
      await wc.query('COMMIT');
    }
    await wc.end();
    const lightTo = await maxId(db);
    await waitAnchored(db, await total(db), 120_000);
    const light = { rate, seconds: lightSeconds, ...(await latency(db, lightFrom, lightTo)) };
    say(`  latency p50 ${light.p50Ms.toFixed(0)} ms, p95 ${light.p95Ms.toFixed(0)} ms, p99 ${light.p99Ms.toFixed(0)} ms, max ${light.maxMs.toFixed(0)} ms`);

    // ── heavy load ──
    const writers = Number(args['heavy-writers']);
    const heavySeconds = Number(args['heavy-seconds']);
    say(`heavy load: ${writers} writers, 200 records per transaction, for ${heavySeconds} s…`);
    const heavyFrom = await maxId(db);
    const anchoredBefore = await anchoredCount(db);
    const hStart = Date.now();
    let written = 0;
    await Promise.all(
      Array.from({ length: writers }, async () => {
        const c = new pg.Client({ connectionString: pgServer.url });
        await c.connect();
        while (Date.now() - hStart < heavySeconds * 1000) {
          await c.query('BEGIN');
          await appendRecords(c, Array.from({ length: 200 }, (_, j) => record(j)));
          await c.query('COMMIT');
          written += 200;
        }
        await c.end();
      }),
    );
    const hWriteMs = Date.now() - hStart;
    const anchoredDuring = (await anchoredCount(db)) - anchoredBefore;
    const heavyTo = await maxId(db);
    await waitAnchored(db, await total(db), 300_000);
    const hDrainMs = Date.now() - hStart;
    const heavy = {
      writers,
      seconds: heavySeconds,
      writtenPerSecond: written / (hWriteMs / 1000),
      anchoredPerSecondWhileWriting: anchoredDuring / (hWriteMs / 1000),
      anchoredPerSecondToDrain: written / (hDrainMs / 1000),
      ...(await latency(db, heavyFrom, heavyTo)),
    };
    say(`  written ${fmt(heavy.writtenPerSecond)} records/s; anchored ${fmt(heavy.anchoredPerSecondWhileWriting)} records/s while writing; latency p50 ${heavy.p50Ms.toFixed(0)} ms, p95 ${heavy.p95Ms.toFixed(0)} ms`);

    // ── storage ──
    const st = (await db.query<Record<string, string>>(
      `SELECT pg_total_relation_size('outbox_record')::text AS outbox, pg_total_relation_size('record_position')::text AS positions,
              pg_total_relation_size('batch')::text AS batch, pg_total_relation_size('batch_level')::text AS levels,
              (SELECT count(*) FROM outbox_record)::text AS n, (SELECT avg(octet_length(document)) FROM outbox_record)::text AS doc`,
    )).rows[0]!;
    const n = Number(st.n);
    const storage = {
      records: n,
      documentBytes: Number(st.doc),
      outboxPerRecord: Number(st.outbox) / n,
      positionsPerRecord: Number(st.positions) / n,
      batchPerRecord: Number(st.batch) / n,
      levelsPerRecord: Number(st.levels) / n,
      ledgerPerRecord: (Number(st.outbox) + Number(st.positions) + Number(st.batch) + Number(st.levels)) / n,
    };

    const result = { at: new Date().toISOString(), machine: { cpus: cpus().length, model: cpus()[0]?.model, loadavg: loadavg() }, durable: !args.fast, hashes, sustained, light, heavy, storage };
    const out = path.join(repoRoot, 'bench/out');
    mkdirSync(out, { recursive: true });
    const file = path.join(out, `indexer-${result.at.replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, JSON.stringify(result, null, 2));

    say('');
    say('                                            measured        goal');
    say(`  sustained outbox → anchored with proofs   ${fmt(sustained.recordsPerSecond).padStart(10)} rec/s   ≥ 50,000 rec/s`);
    say(`    (first batch → last anchor)             ${fmt(sustained.steadyRecordsPerSecond).padStart(10)} rec/s`);
    say(`  light load ${rate}/s latency p50 / p95       ${`${fmt(light.p50Ms)} / ${fmt(light.p95Ms)} ms`.padStart(16)}   p95 ≤ 2,000 ms`);
    say(`  heavy load latency p50 / p95             ${`${fmt(heavy.p50Ms)} / ${fmt(heavy.p95Ms)} ms`.padStart(16)}   (${fmt(heavy.writtenPerSecond)} rec/s offered)`);
    say(`  SHA-256 node:crypto (65 B node)          ${fmt(hashes.nodeCryptoNodeHash).padStart(10)} hash/s`);
    say(`  SHA-256 @lianjian/verify nodeHash        ${fmt(hashes.libraryNodeHash).padStart(10)} hash/s`);
    say(`  SHA-256 node:crypto (450 B leaf)         ${fmt(hashes.nodeCryptoLeaf450B).padStart(10)} hash/s`);
    say(`  SHA-256 @lianjian/verify leafHash        ${fmt(hashes.libraryLeaf450B).padStart(10)} hash/s`);
    say(`  buildTree (merkletreejs)                 ${fmt(hashes.buildTreeLeaves).padStart(10)} leaves/s`);
    say(`  ledger storage                           ${fmt(storage.ledgerPerRecord).padStart(10)} bytes/record (document ${fmt(storage.documentBytes)} B; outbox ${fmt(storage.outboxPerRecord)}, positions ${fmt(storage.positionsPerRecord)}, levels ${fmt(storage.levelsPerRecord)}, batches ${storage.batchPerRecord.toFixed(2)})`);
    say(`  results: ${path.relative(repoRoot, file)}`);
  } finally {
    await indexer?.stop();
    await db.end();
    await chain.stop();
    await pgServer.stop();
    if (!args.keep) rmSync(dir, { recursive: true, force: true });
    else say(`kept ${dir}`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
