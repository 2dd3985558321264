// Scale curve: API latency (the three GraphQL reads at 16 connections, proofs included) and
// indexer throughput (records anchored per second draining the dataset's whole outbox) at
// 10k, 100k and 1M members.
//
//   npm run bench:scale -- [--sizes 10000,100000,1000000] [--runs 3] [--seconds 10] [--peer]
import { loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '../../scripts/lib/chain-node.js';
import { openCluster } from '../lib/cluster.js';
import { fmt, machine, writeResult } from '../lib/stats.js';
import { measure, prepare, startServers } from '../graphql/run.js';
import type { QueryName } from '../graphql/queries.js';

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000,1000000' },
    runs: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '5' },
    peer: { type: 'boolean', default: false },
  },
});
const say = (s: string) => process.stdout.write(`${s}\n`);

async function main() {
  const m0 = machine();
  const points = [];
  const pending: { members: number; reason: string }[] = [];
  let pgVersion = '';
  const cluster = await openCluster();
  try {
    for (const members of args.sizes!.split(',').map(Number)) {
      say(`── ${fmt(members)} members ──`);
      let prep;
      try {
        prep = await prepare(cluster, members);
      } catch (err) {
        // One size that cannot be prepared (e.g. its source dataset is still loading) does not
        // lose the others; the report lists it as pending with the reason.
        const reason = err instanceof Error ? err.message : String(err);
        say(`  ${fmt(members)} members not measured: ${reason}`);
        pending.push({ members, reason });
        continue;
      }
      pgVersion = prep.pgVersion;
      const servers = await startServers(prep.url, prep.chain, args.peer ? undefined : 'lianjian');
      try {
        const cells = await measure(servers, prep.targets, {
          queries: ['memberById', 'subtree100', 'memberSteps'] as QueryName[],
          concurrency: [16],
          runs: Number(args.runs),
          seconds: Number(args.seconds),
          warmup: Number(args.warmup),
        });
        points.push({ members, database: prep.database, targets: prep.targets, indexer: prep.anchor, cells, loadavg: loadavg() });
      } finally {
        for (const s of servers) await s.svc.stop();
        await prep.chain.stop();
      }
    }
  } finally {
    await cluster.stop();
  }
  const file = writeResult('scale', { machine: { ...machine({ postgres: pgVersion }), loadavgAtStart: m0.loadavg }, runs: Number(args.runs), seconds: Number(args.seconds), points, pending });
  say(`results: ${path.relative(repoRoot, file)}`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench:scale failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
