#!/usr/bin/env node
// Runs a workspace TypeScript entry point (tsx, "source" condition) with the arguments after it.
//   node scripts/run-ts.mjs [--prepare | --prepare-chain] <file.ts> [args…]
// The npm scripts a person runs on a fresh clone (seed, soak, bench, …) pass --prepare: install
// dependencies and generate the Prisma client when missing or stale, as `npm start` does;
// --prepare-chain also builds the verifier and the chain node. Processes started by other
// scripts or tests leave it off (their parent prepared already).
import { spawn } from 'node:child_process';
import { buildChain, buildVerify, ensureInstalled, fail, generatePrismaClient, tsNodeArgs } from './lib/bootstrap.mjs';
import { ensureNode24 } from './lib/runtime.mjs';

await ensureNode24();

const argv = process.argv.slice(2);
const prepare = argv[0] === '--prepare' || argv[0] === '--prepare-chain' ? argv.shift() : null;
const [entry, ...args] = argv;
if (!entry) fail('usage: run-ts.mjs [--prepare | --prepare-chain] <file.ts> [args…]');
if (prepare) {
  try {
    ensureInstalled();
    generatePrismaClient();
    if (prepare === '--prepare-chain') {
      buildVerify();
      buildChain();
    }
  } catch (err) {
    fail(err);
  }
}
const child = spawn(process.execPath, tsNodeArgs(entry, args), { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
