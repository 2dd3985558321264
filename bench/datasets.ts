// Prepares (seeds and anchors) the cached benchmark datasets without measuring anything else:
//   node scripts/run-ts.mjs bench/datasets.ts --members 10000,100000
import { parseArgs } from 'node:util';
import { ensureSeeded, openCluster } from './lib/cluster.js';
import { ensureAnchored, startChain } from './lib/stack.js';

const { values } = parseArgs({ options: { members: { type: 'string', default: '10000' } } });
const say = (s: string) => process.stdout.write(`${s}\n`);

const cluster = await openCluster();
try {
  for (const members of values.members!.split(',').map(Number)) {
    const { database } = await ensureSeeded(cluster, members, say);
    const chain = await startChain(cluster, database);
    try {
      const a = await ensureAnchored(cluster, database, chain, say);
      say(`${database}: ${a.records.toLocaleString('en-US')} records anchored at ${Math.round(a.recordsPerSecond).toLocaleString('en-US')} records/s`);
    } finally {
      await chain.stop();
    }
  }
} finally {
  await cluster.stop();
}
