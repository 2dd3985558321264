#!/usr/bin/env node
// `npm test`: the whole suite — types, unit, integration (real Postgres, real chain), Go tests and
// browser tests — with one closing line "total: N passed, N failed" over every stage.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { buildChain, buildVerify, ensureInstalled, fail, generatePrismaClient, hasCommand, root, step } from './lib/bootstrap.mjs';
import { ensureNode24 } from './lib/runtime.mjs';

await ensureNode24();

const results = [];
const t0 = Date.now();
const outDir = path.join(root, '.data/test-results');
mkdirSync(outDir, { recursive: true });

function exec(cmd, args, opts = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: opts.cwd ?? root, stdio: opts.capture ? ['ignore', 'pipe', 'inherit'] : 'inherit', env: { ...process.env, ...opts.env } });
    let out = '';
    child.stdout?.on('data', (d) => {
      out += d;
      opts.onData?.(d.toString());
    });
    child.on('exit', (code) => resolve({ code: code ?? 1, out }));
    child.on('error', () => resolve({ code: 127, out }));
  });
}

async function stage(name, fn) {
  step(`${name}`);
  const s = Date.now();
  const r = await fn();
  r.seconds = (Date.now() - s) / 1000;
  r.name = name;
  results.push(r);
  return r;
}

try {
  ensureInstalled();
  generatePrismaClient();
  buildVerify();
  buildChain();
} catch (err) {
  fail(err);
}

await stage('Types (tsc, every workspace)', async () => {
  // Each workspace checks itself; the shared test setup, the scripts and the benchmarks have their own.
  const codes = [(await exec('npm', ['run', 'typecheck', '--silent'])).code];
  for (const dir of ['test', 'scripts', 'bench']) codes.push((await exec('npx', ['tsc', '-p', `${dir}/tsconfig.json`])).code);
  const failed = codes.filter((c) => c !== 0).length;
  return { passed: codes.length - failed, failed };
});

await stage('Vitest: unit, integration, browser', async () => {
  const json = path.join(outDir, 'vitest.json');
  rmSync(json, { force: true });
  const { code } = await exec('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${json}`]);
  if (!existsSync(json)) return { passed: 0, failed: 1, note: `vitest exited ${code} without a report` };
  const r = JSON.parse(readFileSync(json, 'utf8'));
  // A file that cannot load or an unhandled error fails the run without failing a test: count it.
  const brokenFiles = r.testResults.filter(
    (f) => f.status === 'failed' && !f.assertionResults.some((a) => a.status === 'failed'),
  ).length;
  let failed = r.numFailedTests + brokenFiles;
  if ((code !== 0 || !r.success) && failed === 0) failed = 1;
  if (r.numPassedTests === 0 && failed === 0) failed = 1;
  return { passed: r.numPassedTests, failed, skipped: r.numPendingTests + r.numTodoTests };
});

if (existsSync(path.join(root, 'chain/go.mod'))) {
  await stage('Go tests (chain/)', async () => {
    if (!hasCommand('go')) return { passed: 0, failed: 1, note: 'go is not installed' };
    let passed = 0;
    let failed = 0;
    let buf = '';
    const { code } = await exec('go', ['test', '-json', '-count=1', './...'], {
      capture: true,
      cwd: path.join(root, 'chain'),
      onData: (chunk) => {
        buf += chunk;
        const lines = buf.split('\n');
        buf = lines.pop() ?? '';
        for (const line of lines) {
          let ev;
          try {
            ev = JSON.parse(line);
          } catch {
            continue;
          }
          if (ev.Action === 'output' && /^(--- FAIL|FAIL|panic:)/.test(ev.Output ?? '')) process.stdout.write(ev.Output);
          if (ev.Action === 'output' && !ev.Test && /^(ok|FAIL)\s/.test(ev.Output ?? '')) process.stdout.write(ev.Output);
          if (ev.Test && ev.Action === 'pass') passed++;
          if (ev.Test && ev.Action === 'fail') failed++;
        }
      },
    });
    return { passed, failed: failed + ((code !== 0 || passed === 0) && failed === 0 ? 1 : 0) };
  });
}

const total = results.reduce((a, r) => ({ passed: a.passed + r.passed, failed: a.failed + r.failed }), { passed: 0, failed: 0 });
process.stdout.write('\nSummary:\n');
for (const r of results) {
  process.stdout.write(
    `  ${r.failed ? '✗' : '✓'} ${r.name.padEnd(40)} ${String(r.passed).padStart(5)} passed ${String(r.failed).padStart(3)} failed  ${r.seconds.toFixed(1)} s${r.note ? `  (${r.note})` : ''}\n`,
  );
}
process.stdout.write(`  whole suite: ${((Date.now() - t0) / 1000).toFixed(1)} s\n\n`);
process.stdout.write(`total: ${total.passed} passed, ${total.failed} failed\n`);
process.exit(total.failed ? 1 : 0);
