// Verification speed: inclusion proofs (real, anchored bundles of a dataset) verified per second
// in Node and in headless Chromium, beside raw SHA-256 in each; and the time to verify an
// analytics snapshot of 10,000 inputs (every input's proof, the input root and the figures).
//
//   npm run bench:verify -- [--members 10000] [--runs 5] [--seconds 3]
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { getProofs } from '@lianjian/indexer';
import { buildTree, createBundle, fromHex, leafHash, makeDocument, SNAPSHOT_METRICS, toHex, treeRoot, type ProofBundle, type SnapshotInput } from '@lianjian/verify';
import pg from 'pg';
import { chromium } from 'playwright-core';
import { repoRoot } from '../../scripts/lib/chain-node.js';
import { ensureSeeded, openCluster } from '../lib/cluster.js';
import { ensureAnchored, startChain } from '../lib/stack.js';
import { fmt, machine, spread, writeResult, type Spread } from '../lib/stats.js';
import { sha256Rate } from '../physical/run.js';
import { measureRates, timeSnapshot, type VerifyRates } from './measure.js';

const { values: args } = parseArgs({
  options: { members: { type: 'string', default: '10000' }, runs: { type: 'string', default: '5' }, seconds: { type: 'string', default: '3' }, 'snapshot-inputs': { type: 'string', default: '10000' } },
});
const say = (s: string) => process.stdout.write(`${s}\n`);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * A composition snapshot over `bundles` (real Member record proofs): the snapshot record commits
 * to their leaves and to the figures computed from them, and is itself proven by a one-leaf
 * batch (offline verification does not consult the chain).
 */
function makeSnapshot(bundles: ProofBundle[]): { snapshot: ProofBundle; inputs: SnapshotInput[] } {
  const sorted = [...bundles].sort((a, b) => (a.document.id < b.document.id ? -1 : 1));
  const inputs: SnapshotInput[] = sorted.map((b, ordinal) => ({ ordinal, entityType: b.document.type, entityId: b.document.id, entityVersion: b.document.version, leaf: b.leaf, bundle: b }));
  const params = { asOf: '2026-11-01' };
  const figures = SNAPSHOT_METRICS.composition!.compute(sorted.map((b) => b.document.data), params);
  const document = makeDocument({
    type: 'AnalyticsSnapshot',
    id: crypto.randomUUID(),
    version: 1,
    org: sorted[0]!.document.org,
    at: new Date().toISOString().replace(/\.\d+Z$/, '.000Z'),
    actor: 'system',
    data: { metric: 'composition', params, figures, inputCount: inputs.length, inputRoot: toHex(treeRoot(buildTree(inputs.map((i) => fromHex(i.leaf, 32))))) },
  });
  const snapshot = createBundle({ document, index: 0, batch: { seq: 1, size: 1, root: leafHash(document), prevRoot: new Uint8Array(32) }, path: [], anchor: null });
  return { snapshot, inputs };
}

async function browserPage() {
  const dir = mkdtempSync(path.join(tmpdir(), 'lianjian-bench-verify-'));
  const out = await build({
    entryPoints: [path.join(repoRoot, 'bench/verify/browser-entry.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    conditions: ['source'],
    minify: true,
    write: false,
  });
  const script = out.outputFiles[0]!.text;
  // Served from 127.0.0.1 (a secure context, so Web Crypto is there), not from a file.
  const server = createServer((req, res) => {
    if (req.url === '/verify.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><meta charset="utf-8"><title>verify bench</title><script src="/verify.js"></script>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => 'bench' in globalThis);
  return {
    page,
    version: browser.version(),
    bundleBytes: script.length,
    close: async () => {
      await browser.close();
      server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function summarise(runs: VerifyRates[]): Record<keyof VerifyRates, Spread> {
  const keys = Object.keys(runs[0]!) as (keyof VerifyRates)[];
  return Object.fromEntries(keys.map((k) => [k, spread(runs.map((r) => r[k]))])) as Record<keyof VerifyRates, Spread>;
}

async function main() {
  const runs = Number(args.runs);
  const ms = Number(args.seconds) * 1000;
  const m0 = machine();
  const cluster = await openCluster();
  let bundles: ProofBundle[];
  try {
    const { database, url } = await ensureSeeded(cluster, Number(args.members), say);
    const chain = await startChain(cluster, database);
    try {
      await ensureAnchored(cluster, database, chain, say);
    } finally {
      await chain.stop();
    }
    const db = new pg.Pool({ connectionString: url, max: 2 });
    const ids = (await db.query<{ id: string }>('SELECT id::text FROM member ORDER BY id LIMIT $1', [Number(args['snapshot-inputs'])])).rows;
    const proofs = await getProofs(db, ids.map((r) => ({ type: 'Member', id: r.id })));
    await db.end();
    bundles = proofs.map((p) => p?.bundle).filter((b): b is ProofBundle => !!b && b.anchor !== null);
    if (bundles.length !== ids.length) throw new Error(`only ${bundles.length} of ${ids.length} members have anchored bundles`);
  } finally {
    await cluster.stop();
  }
  const sample = bundles.slice(0, 2000);
  say(`${bundles.length} anchored Member bundles (batch sizes ${[...new Set(sample.map((b) => b.batch.size))].slice(0, 3).join(', ')}…, path length ${sample[0]!.path.length})`);
  const { snapshot, inputs } = makeSnapshot(bundles);

  const nodeRuns: VerifyRates[] = [];
  const nodeSha: number[] = [];
  const nodeSnapshot: number[] = [];
  for (let r = 0; r < runs; r++) {
    nodeRuns.push(await measureRates(sample, ms));
    nodeSha.push(sha256Rate(500_000));
    nodeSnapshot.push(await timeSnapshot(snapshot, inputs));
  }
  const node = { ...summarise(nodeRuns), nodeCryptoSha256PerSecond: spread(nodeSha), snapshotMs: spread(nodeSnapshot) };
  say(`Node: ${fmt(node.bundlesPerSecond.median)} bundles/s, ${fmt(node.inclusionPerSecond.median)} inclusion checks/s; SHA-256 64 B node:crypto ${fmt(node.nodeCryptoSha256PerSecond.median)}/s, library ${fmt(node.librarySha256PerSecond.median)}/s; snapshot of ${inputs.length} inputs ${fmt(node.snapshotMs.median)} ms`);

  const browser = await browserPage();
  let chromiumResult;
  try {
    const bRuns: VerifyRates[] = [];
    const bSnapshot: number[] = [];
    for (let r = 0; r < runs; r++) {
      bRuns.push(await browser.page.evaluate(([b, t]) => (globalThis as unknown as { bench: { measureRates: typeof measureRates } }).bench.measureRates(b, t), [sample, ms] as const));
      bSnapshot.push(await browser.page.evaluate(([s, i]) => (globalThis as unknown as { bench: { timeSnapshot: typeof timeSnapshot } }).bench.timeSnapshot(s, i), [snapshot, inputs] as const));
    }
    chromiumResult = { version: browser.version, bundleBytes: browser.bundleBytes, ...summarise(bRuns), snapshotMs: spread(bSnapshot) };
    say(`Chromium ${browser.version}: ${fmt(chromiumResult.bundlesPerSecond.median)} bundles/s, ${fmt(chromiumResult.inclusionPerSecond.median)} inclusion checks/s; SHA-256 64 B library ${fmt(chromiumResult.librarySha256PerSecond.median)}/s, Web Crypto ${fmt(chromiumResult.webCryptoSha256PerSecond.median)}/s; snapshot ${fmt(chromiumResult.snapshotMs.median)} ms`);
  } finally {
    await browser.close();
  }
  writeResult('verify', {
    machine: { ...machine({ chromium: chromiumResult.version }), loadavgAtStart: m0.loadavg },
    runs,
    secondsPerRate: ms / 1000,
    sample: { bundles: sample.length, pathLength: sample[0]!.path.length, batchSize: sample[0]!.batch.size },
    snapshot: { inputs: inputs.length, metric: 'composition' },
    node,
    chromium: chromiumResult,
  });
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench:verify failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
