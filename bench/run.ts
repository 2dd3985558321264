// `npm run bench`: every benchmark, one after another (each in its own process, as when run
// alone), then bench/RESULTS.md. Datasets are seeded and anchored on first use and cached under
// .data/bench (see bench/lib/cluster.ts).
//
//   npm run bench -- [--skip physical,indexer,verify,graphql,scale,dues,analytics] [--quick]
//                    [--sizes 10000,100000,1000000] [--members 100000]
//
// --quick: 1 run of 3 s per cell and a 50k-record indexer run: a smoke test, not figures.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '../scripts/lib/chain-node.js';
import { ensureSeeded, openCluster } from './lib/cluster.js';
import { writeResult } from './lib/stats.js';

const { values: args } = parseArgs({
  options: {
    skip: { type: 'string', default: '' },
    quick: { type: 'boolean', default: false },
    sizes: { type: 'string', default: '10000,100000,1000000' },
    members: { type: 'string', default: '100000' },
    'analytics-members': { type: 'string' },
  },
});
const skip = new Set(args.skip!.split(',').filter(Boolean));
const say = (s: string) => process.stdout.write(`${s}\n`);

function runTs(entry: string, argv: string[], env: NodeJS.ProcessEnv = {}): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'scripts/run-ts.mjs'), entry, ...argv], { stdio: 'inherit', cwd: repoRoot, env: { ...process.env, ...env } });
    child.on('exit', (code) => resolve(code === 0));
  });
}

async function main() {
  const quick = args.quick;
  const sizes = args.sizes!;
  const largest = Math.max(...sizes.split(',').map(Number));
  // Opened here so every step shares one embedded cluster instead of restarting it.
  const cluster = await openCluster();
  const steps: { name: string; seconds: number; ok: boolean }[] = [];
  const t0 = Date.now();
  const step = async (name: string, entry: string, argv: string[], env: NodeJS.ProcessEnv = {}) => {
    if (skip.has(name)) return;
    say(`\n━━ bench:${name} ━━`);
    const t = Date.now();
    const ok = await runTs(entry, argv, env);
    steps.push({ name, seconds: (Date.now() - t) / 1000, ok });
    if (!ok) say(`bench:${name} FAILED (continuing)`);
  };
  try {
    await step('physical', 'bench/physical/run.ts', quick ? ['--runs', '2', '--rows', '200000'] : []);
    await step('indexer', 'bench/indexer/run.ts', quick ? ['--records', '50000', '--light-seconds', '5', '--heavy-seconds', '5'] : []);
    await step('verify', 'bench/verify/run.ts', quick ? ['--runs', '2', '--seconds', '1'] : []);
    await step('graphql', 'bench/graphql/run.ts', ['--members', args.members!, ...(quick ? ['--runs', '1', '--seconds', '3', '--warmup', '2'] : [])]);
    await step('scale', 'bench/scale/run.ts', ['--sizes', sizes, ...(quick ? ['--runs', '1', '--seconds', '3', '--warmup', '2'] : [])]);
    // Its own scratch data (set-based, seconds), at the largest size: no seeded dataset needed.
    await step('dues', 'bench/dues/run.ts', ['--members', String(quick ? Math.min(largest, 100_000) : largest), ...(quick ? ['--runs', '1'] : [])]);
    if (existsSync(path.join(repoRoot, 'bench/analytics/run.ts'))) {
      // Dashboard queries over the largest dataset (1M members by default).
      const members = Number(args['analytics-members'] ?? largest);
      if (!skip.has('analytics')) {
        try {
          // Usually prepared by the scale step already; analytics needs no anchoring.
          const { url } = await ensureSeeded(cluster, members, say);
          await step('analytics', 'bench/analytics/run.ts', quick ? ['--iterations', '10'] : [], { DATABASE_URL: url });
        } catch (err) {
          say(`bench:analytics not run: ${err instanceof Error ? err.message : String(err)}`);
          steps.push({ name: 'analytics', seconds: 0, ok: false });
        }
      }
    } else say('\nbench/analytics/run.ts is not there yet: analytics skipped');
  } finally {
    await cluster.stop();
  }
  const totalSeconds = (Date.now() - t0) / 1000;
  writeResult('run', { totalSeconds, steps, quick });
  await runTs('bench/report.ts', []);
  say(`\nnpm run bench: ${(totalSeconds / 60).toFixed(1)} min; ${steps.filter((s) => !s.ok).length} step(s) failed`);
  if (steps.some((s) => !s.ok)) process.exitCode = 1;
}

main().catch((err: unknown) => {
  process.stderr.write(`npm run bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
