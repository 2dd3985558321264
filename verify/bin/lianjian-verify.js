#!/usr/bin/env node
// Runs the compiled CLI (npm run build -w @lianjian/verify produces dist/).
import { run } from '../dist/cli.js';

process.exitCode = await run(process.argv.slice(2));
