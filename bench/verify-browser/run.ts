// The member portal's first view (a member, their development steps and every version of their
// record) verified in headless Chromium from its proof set v2 as the API builds it — one chain query per batch —
// against the dataset's own chain node; p50/p95 over members and rounds, beside v1 (each record's
// bundle with its own chain query). Each verification is cold: a new chain checker, no header known.
//
//   node scripts/run-ts.mjs --prepare-chain bench/verify-browser/run.ts -- [--members 10000] [--people 20] [--rounds 5]
import { readFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import pg from 'pg';
import { chromium } from 'playwright-core';
import { repoRoot } from '../../scripts/lib/chain-node.js';
import { ensureSeeded, openCluster } from '../lib/cluster.js';
import { createPrisma } from '@lianjian/db';
import { buildResponseProofSet } from '../../api/src/graphql/proof-set.js';
import { getProofsCached } from '../../api/src/shared/layer-cache.js';
import { ensureAnchored, startChain } from '../lib/stack.js';
import { fmt, machine, percentile, writeResult } from '../lib/stats.js';

const { values: args } = parseArgs({
  options: { members: { type: 'string', default: '10000' }, people: { type: 'string', default: '20' }, rounds: { type: 'string', default: '5' } },
});
const say = (s: string) => process.stdout.write(`${s}\n`);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

interface Timing {
  ms: number;
  verified: boolean;
  records: number;
  chainQueries: number;
}

/** The page and its script, served with the chain's RPC under /rpc (same origin, as the site's /chain-rpc proxy). */
async function browserPage(rpcUrl: string) {
  const out = await build({
    entryPoints: [`${repoRoot}/bench/verify-browser/browser-entry.ts`],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    conditions: ['source'],
    minify: true,
    write: false,
  });
  const script = out.outputFiles[0]!.text;
  const rpc = new URL(rpcUrl);
  const server = createServer((req, res) => {
    if (req.url === '/verify.js') return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    if (req.url?.startsWith('/rpc')) {
      const up = httpRequest(
        { host: rpc.hostname, port: rpc.port, method: req.method, path: req.url.slice('/rpc'.length) || '/', headers: { 'content-type': req.headers['content-type'] ?? 'application/json' } },
        (r) => {
          res.writeHead(r.statusCode ?? 502, { 'content-type': r.headers['content-type'] ?? 'application/json' });
          r.pipe(res);
        },
      );
      up.on('error', () => res.writeHead(502).end());
      req.pipe(up);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><meta charset="utf-8"><title>portal verify bench</title><script src="/verify.js"></script>');
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
  type Bench = { verifySet(t: string, r: string, trust: string | null): Promise<Timing>; verifyEach(t: string, r: string, trust: string | null): Promise<Timing> };
  return {
    version: browser.version(),
    verifySet: (text: string, trust: string | null) => page.evaluate(([t, tr]) => (globalThis as unknown as { bench: Bench }).bench.verifySet(t!, '/rpc', tr ?? null), [text, trust] as const),
    verifyEach: (text: string, trust: string | null) => page.evaluate(([t, tr]) => (globalThis as unknown as { bench: Bench }).bench.verifyEach(t!, '/rpc', tr ?? null), [text, trust] as const),
    close: async () => {
      await browser.close();
      server.close();
    },
  };
}

const summary = (ts: Timing[]) => ({ ms: stats(ts.map((t) => t.ms)), chainQueries: stats(ts.map((t) => t.chainQueries)) });

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), max: s[s.length - 1] ?? NaN };
};

async function main() {
  const people = Number(args.people);
  const rounds = Number(args.rounds);
  const m0 = machine();
  const cluster = await openCluster();
  try {
    const { database, url } = await ensureSeeded(cluster, Number(args.members), say);
    const chain = await startChain(cluster, database);
    try {
      await ensureAnchored(cluster, database, chain, say);
      // The members with the longest records: most versions, then most development steps.
      const db = new pg.Pool({ connectionString: url, max: 2 });
      const ids = (
        await db.query<{ id: string }>(
          `SELECT m.id::text FROM member m
             JOIN LATERAL (SELECT count(*) AS n FROM outbox_record o WHERE o.entity_type = 'Member' AND o.entity_id = m.id) v ON true
             JOIN LATERAL (SELECT count(*) AS n FROM development_step s WHERE s.member_id = m.id) st ON true
            ORDER BY v.n DESC, st.n DESC, m.id LIMIT $1`,
          [people],
        )
      ).rows.map((r) => r.id);
      await db.end();
      // The view's records, proven as the API proves them (its proof loader and its proof-set
      // builder: api/src/shared/layer-cache.ts, api/src/graphql/proof-set.ts). Not through the API
      // process: it must run on a dataset migrated to whatever the checkout's other modules need.
      const prisma = createPrisma(url, { max: 2 });
      const sets: string[] = [];
      const sizes = { records: [] as number[], batches: [] as number[], bytes: [] as number[] };
      try {
        for (const id of ids) {
          const versions = await prisma.outboxRecord.findMany({ where: { entityType: 'Member', entityId: id }, select: { version: true }, orderBy: { version: 'asc' } });
          const steps = await prisma.developmentStep.findMany({ where: { memberId: id }, select: { id: true, version: true } });
          const keys = [
            ...versions.map((v) => ({ type: 'Member', id, version: v.version })),
            ...steps.map((st) => ({ type: 'DevelopmentStep', id: st.id, version: st.version })),
          ];
          const proofs = await getProofsCached(prisma, keys, {});
          const loaded = proofs.map((p, k) => {
            if (!p) throw new Error(`no record for ${JSON.stringify(keys[k])}`);
            return { ...p, key: keys[k]! };
          });
          const set = buildResponseProofSet(loaded);
          const text = JSON.stringify(set);
          sets.push(text);
          sizes.records.push(set.records.length);
          sizes.batches.push(set.batches.length);
          sizes.bytes.push(text.length);
        }
      } finally {
        await prisma.$disconnect();
      }
      say(`${ids.length} members' first views: ${stats(sizes.records).p50} records (max ${stats(sizes.records).max}) in ${stats(sizes.batches).p50} batches (max ${stats(sizes.batches).max}), set ${fmt(stats(sizes.bytes).p50)} bytes (p50)`);

      // As the site verifies (from the organisation's root of trust, light client) and trusting the node.
      const trustRoot = readFileSync(chain.trustRootFile, 'utf8');
      const browser = await browserPage(chain.rpcUrl);
      const modes = { root: trustRoot, node: null } as const;
      const results: Record<string, { proofSet: ReturnType<typeof summary>; v1Each: ReturnType<typeof summary> }> = {};
      try {
        for (const [mode, trust] of Object.entries(modes)) {
          const set: Timing[] = [];
          const each: Timing[] = [];
          // One warm-up each (the JIT), not counted.
          await browser.verifySet(sets[0]!, trust);
          await browser.verifyEach(sets[0]!, trust);
          for (let r = 0; r < rounds; r++) {
            for (const text of sets) {
              set.push(await browser.verifySet(text, trust));
              each.push(await browser.verifyEach(text, trust));
            }
          }
          const bad = [...set, ...each].filter((t) => !t.verified).length;
          if (bad > 0) throw new Error(`${mode}: ${bad} verifications did not verify`);
          results[mode] = { proofSet: summary(set), v1Each: summary(each) };
          const s = results[mode].proofSet;
          const e = results[mode].v1Each;
          say(`Chromium ${browser.version}, ${mode === 'root' ? 'from the root of trust' : 'trusting the node'}: proof set v2 p50 ${fmt(s.ms.p50)} ms, p95 ${fmt(s.ms.p95)} ms (${fmt(s.chainQueries.p50)} chain queries); v1 bundles each p50 ${fmt(e.ms.p50)} ms, p95 ${fmt(e.ms.p95)} ms (${fmt(e.chainQueries.p50)} chain queries)`);
        }
      } finally {
        await browser.close();
      }
      const file = writeResult('verify-browser', {
        machine: { ...machine({ chromium: browser.version }), loadavgAtStart: m0.loadavg },
        dataset: database,
        views: ids.length,
        rounds,
        view: { records: stats(sizes.records), batches: stats(sizes.batches), setBytes: stats(sizes.bytes) },
        ...results,
      });
      say(`wrote ${file}`);
    } finally {
      await chain.stop();
    }
  } finally {
    await cluster.stop();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench verify-browser failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
