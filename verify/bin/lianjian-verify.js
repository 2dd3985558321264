#!/usr/bin/env node
// Runs the compiled CLI (npm run build -w @lianjian/verify produces dist/; npm start and npm test do it).
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('lianjian-verify is not built yet: run `npm run build -w @lianjian/verify` (or `npm start`)\n');
  process.exit(2);
}
const { run } = await import(cli.href);
process.exitCode = await run(process.argv.slice(2));
