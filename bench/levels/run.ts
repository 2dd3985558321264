// Levels benchmark (issue #20): on real nodes built from chain/,
//   1. catch-up — a four-level network runs (and anchors) until height N, then a fifth level's
//      full node starts from the published genesis: time until it has caught up;
//   2. anchoring throughput — batches committed back to back by the indexer's ChainCommitter
//      (sequential: each waits for its block, as the indexer does; and pipelined), on the
//      four-level network and on one node (chain/scripts/localnet.sh), same settings otherwise.
//
//   npm run bench:levels -- [--blocks 300] [--seconds 30] [--burst 60]
// Prints the figures and writes bench/out/levels-<time>.json.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ChainCommitter } from '@lianjian/indexer/chain';
import { pickChainPorts, repoRoot, startChainNode } from '../../scripts/lib/chain-node.js';
import { anchorOnce, startAnchoring } from '../../scripts/lib/levels-anchoring.js';
import { heightOf, joinFullNode, startNetwork } from '../../scripts/lib/levels.js';

const { values: args } = parseArgs({
  options: {
    blocks: { type: 'string', default: '300' },
    seconds: { type: 'string', default: '30' },
    burst: { type: 'string', default: '60' },
    keep: { type: 'boolean', default: false },
  },
});
const say = (line: string) => process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;

interface Throughput {
  sequential: { batches: number; perSecond: number; p50Ms: number; p95Ms: number };
  pipelined: { batches: number; seconds: number; perSecond: number; blocks: number };
  blockIntervalMs: number;
}

async function throughput(rpcUrl: string, mnemonic: string, seconds: number, burst: number): Promise<Throughput> {
  const committer = await ChainCommitter.create({ rpcUrl, mnemonic, chainId: 'lianjian-local' });
  // Continue the chain's roots (the network anchored while it grew).
  const latest = await committer.latestBatch();
  const roots: Uint8Array[] = [...Array.from({ length: latest.latestSeq }, () => new Uint8Array(32)), latest.batch?.root ?? new Uint8Array(32)];
  // Sequential: what the indexer does (one batch in flight, the next after its block).
  const lat: number[] = [];
  const h0 = await heightOf(rpcUrl);
  const t0 = performance.now();
  while (performance.now() - t0 < seconds * 1000) {
    const b = await anchorOnce(committer, roots);
    lat.push(b.doneAt - b.sentAt);
  }
  const secs = (performance.now() - t0) / 1000;
  const blockIntervalMs = (secs * 1000) / Math.max(1, (await heightOf(rpcUrl)) - h0);
  // Pipelined: `burst` commits sent without waiting for blocks (order kept by account sequence).
  const piped = await ChainCommitter.create({ rpcUrl, mnemonic, chainId: 'lianjian-local', pipeline: true });
  const hb = await heightOf(rpcUrl);
  const tb = performance.now();
  await Promise.all(Array.from({ length: burst }, () => anchorOnce(piped, roots)));
  const pipeSecs = (performance.now() - tb) / 1000;
  return {
    sequential: { batches: lat.length, perSecond: lat.length / secs, p50Ms: pct(lat, 50), p95Ms: pct(lat, 95) },
    pipelined: { batches: burst, seconds: pipeSecs, perSecond: burst / pipeSecs, blocks: (await heightOf(rpcUrl)) - hb },
    blockIntervalMs,
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'lianjian-bench-levels-'));
  chmodSync(dir, 0o755);
  const N = Number(args.blocks);
  const seconds = Number(args.seconds);
  const burst = Number(args.burst);
  const result: Record<string, unknown> = { at: new Date().toISOString(), cpus: cpus().length, loadavgAtStart: loadavg()[0] };
  try {
    say(`four levels: starting, then running with anchoring until height ${N}`);
    const net = await startNetwork({ root: path.join(dir, 'network'), logDir: dir, submitters: 2 });
    const anchoring = await startAnchoring({ rpcUrl: net.rpcUrl(1), mnemonic: net.submitterMnemonics()[1]! });
    while ((await heightOf(net.rpcUrl(0))) < N) await sleep(1000);
    await anchoring.stop();
    say(`  height ${await heightOf(net.rpcUrl(0))}, ${anchoring.batches.length} batches anchored`);
    const fifth = await joinFullNode({ home: path.join(dir, 'level5'), genesisFile: net.genesisFile, peers: await net.peers(), moniker: 'township', logFile: path.join(dir, 'level5.log'), referenceRpc: net.rpcUrl(0) });
    const c = fifth.catchUp;
    result.catchUp = { ...c, blocksPerSecond: c.blocks / (c.ms / 1000) };
    say(`  catch-up: ${c.blocks} blocks (${c.fromHeight} → ${c.toHeight}) in ${(c.ms / 1000).toFixed(1)} s = ${(c.blocks / (c.ms / 1000)).toFixed(0)} blocks/s (process start included)`);
    await fifth.service.stop();

    say(`four levels: anchoring throughput (${seconds} s sequential, burst of ${burst} pipelined)`);
    const four = await throughput(net.rpcUrl(0), net.submitterMnemonics()[0]!, seconds, burst);
    await net.stop();
    result.fourLevels = four;

    say(`one node: anchoring throughput (${seconds} s sequential, burst of ${burst} pipelined)`);
    const node = await startChainNode({ home: path.join(dir, 'single'), ports: await pickChainPorts(), logFile: path.join(dir, 'single.log') });
    const one = await throughput(node.rpcUrl, node.submitterMnemonics()[0]!, seconds, burst);
    await node.stop();
    result.oneNode = one;

    const row = (name: string, t: Throughput) =>
      `| ${name} | ${t.sequential.perSecond.toFixed(2)} | ${t.sequential.p50Ms.toFixed(0)} / ${t.sequential.p95Ms.toFixed(0)} | ${t.blockIntervalMs.toFixed(0)} | ${t.pipelined.perSecond.toFixed(1)} (${t.pipelined.batches} in ${t.pipelined.seconds.toFixed(1)} s, ${t.pipelined.blocks} blocks) |`;
    say('\n| chain | sequential batches/s | commit latency p50 / p95 ms | block interval ms | pipelined batches/s |');
    say('|---|---|---|---|---|');
    say(row('one node', one));
    say(row('four levels', four));
    say(`(each batch can hold up to 50 000 records; ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)})`);
    mkdirSync(path.join(repoRoot, 'bench/out'), { recursive: true });
    const file = path.join(repoRoot, `bench/out/levels-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    say(`wrote ${path.relative(repoRoot, file)}`);
  } finally {
    if (!args.keep) rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench levels: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
