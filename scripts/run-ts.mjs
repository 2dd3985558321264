#!/usr/bin/env node
// Runs a workspace TypeScript entry point (tsx, "source" condition) with the arguments after it.
import { spawn } from 'node:child_process';
import { fail, tsNodeArgs } from './lib/bootstrap.mjs';

const [entry, ...args] = process.argv.slice(2);
if (!entry) fail('usage: run-ts.mjs <file.ts> [args…]');
const child = spawn(process.execPath, tsNodeArgs(entry, args), { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
