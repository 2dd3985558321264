// The indexer process: `node scripts/run-ts.mjs indexer/src/main.ts` (npm start runs it).
// Environment: DATABASE_URL; LIANJIAN_RPC and LIANJIAN_CHAIN_HOME (the submitter key is read from
// there) to anchor on chain; PORT for /health and /metrics; batch tuning in config.ts.
import { committerChain } from './anchor-chain.js';
import { ChainCommitter } from './chain/index.js';
import { ConfigError, describeConfig, loadConfig } from './config.js';
import { createFaultHook } from './faults.js';
import { startHttp } from './http.js';
import { Indexer } from './indexer.js';
import { createLogger } from './log.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`indexer: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const log = createLogger({ level: config.logLevel, base: { service: 'indexer', pid: process.pid } });
  log.info('starting', describeConfig(config));
  const fault = createFaultHook(config.fault, log);
  let chain;
  if (config.chain) {
    const committer = await ChainCommitter.create({
      rpcUrl: config.chain.rpcUrl,
      mnemonic: config.chain.mnemonic,
      ...(config.chain.chainId ? { chainId: config.chain.chainId } : {}),
      onRetry: (what, error, delayMs) => log.warn('chain unreachable; retrying', { what, delayMs, error }),
    });
    log.info('submitter key loaded', { address: committer.address });
    chain = committerChain(committer);
  } else {
    log.warn('LIANJIAN_RPC not set: batches are built but not anchored');
  }
  const indexer = new Indexer({ databaseUrl: config.databaseUrl, ...(chain ? { chain } : {}), policy: config.policy, log, fault });
  await indexer.start();
  const server = await startHttp(indexer, config.port, log);

  let exiting = false;
  const shutdown = async (code: number, why: string) => {
    if (exiting) return;
    exiting = true;
    log.info('stopping', { why });
    server.close();
    await indexer.stop();
    process.exit(code);
  };
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => void shutdown(0, sig));
  indexer.done.then(
    () => void shutdown(0, 'stopped'),
    (error: unknown) => {
      log.error('fatal', { error });
      void shutdown(1, 'fatal error');
    },
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`indexer: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
