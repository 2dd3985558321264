// lianjian-mirror: a level's own verified copy of its subtree's records (mirror/README.md).
import { ConfigError, loadConfig, USAGE } from './config.js';
import { startMirror } from './service.js';

const argv = process.argv.slice(2);
if (argv.includes('--help') || argv.includes('-h')) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
let config;
try {
  config = loadConfig(argv);
} catch (error) {
  process.stderr.write(`lianjian-mirror: ${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
  process.exit(error instanceof ConfigError || error instanceof TypeError ? 2 : 1);
}
const log = (line: string) => process.stderr.write(`${new Date().toISOString()} ${line}\n`);
const running = await startMirror(config, log);
log(`mirror: following ${config.feedUrl}, trust root ${config.trustRootFile}; read API at ${running.http.url}`);
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    void running.stop().then(() => process.exit(0));
  });
}
