// The indexer process: `node scripts/run-ts.mjs indexer/src/main.ts` (npm start runs it).
// Environment: DATABASE_URL; LIANJIAN_RPC and LIANJIAN_CHAIN_HOME (the submitter key is read from
// there) to anchor on chain; PORT for /health and /metrics; batch tuning in config.ts; the
// continuous auditor's pace in continuous-audit.ts (LIANJIAN_AUDIT_*, docs/operations.md).
import { committerChain } from './anchor-chain.js';
import { ChainCommitter } from './chain/index.js';
import { ChainWatch } from './chain-watch.js';
import { ConfigError, describeConfig, loadConfig } from './config.js';
import { auditSettingsFromEnv, ContinuousAuditor } from './continuous-audit.js';
import { createPool } from './db.js';
import { createFaultHook } from './faults.js';
import { startHttp } from './http.js';
import { Indexer } from './indexer.js';
import { createLogger } from './log.js';

async function main(): Promise<void> {
  let config;
  let auditSettings;
  try {
    config = loadConfig();
    auditSettings = auditSettingsFromEnv();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`indexer: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const log = createLogger({ level: config.logLevel, base: { service: 'indexer', pid: process.pid } });
  log.info('starting', { ...describeConfig(config), audit: auditSettings });
  const fault = createFaultHook(config.fault, log);
  let chain: ReturnType<typeof committerChain> | undefined;
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
  // The auditor has its own small pool, so its reads never take the API's or the builder's connections.
  const auditPool = auditSettings.enabled ? createPool(config.databaseUrl, { max: 2, applicationName: 'lianjian-audit-continuous' }) : undefined;
  // Where "anchored from now on" begins is read before the indexer starts: batches it anchors in
  // its first moments must be re-verified as anchored too, not left to the rolling audit.
  const fromSeq = auditPool
    ? await auditPool
        .query<{ seq: number | null }>(`SELECT max(seq) AS seq FROM batch WHERE status = 'ANCHORED'`)
        .then((r) => Number(r.rows[0]?.seq ?? 0) + 1)
        .catch(() => undefined)
    : undefined;
  const auditor = auditPool
    ? new ContinuousAuditor({
        pool: auditPool,
        metrics: indexer.metrics,
        log: log.child({ part: 'audit' }),
        ...(config.chain ? { rpcUrl: config.chain.rpcUrl } : {}),
        ...(fromSeq !== undefined ? { fromSeq } : {}),
        verifyAnchored: auditSettings.verifyAnchored,
        recordsPerSecond: auditSettings.recordsPerSecond,
        passIntervalMs: auditSettings.passIntervalMs,
        chunkSize: auditSettings.chunkSize,
      })
    : undefined;
  await indexer.start();
  await auditor?.start();
  const watch = config.chain
    ? new ChainWatch({
        rpcUrl: config.chain.rpcUrl,
        metrics: indexer.metrics,
        log,
        ...(chain ? { latestBatchSeq: async () => (await chain.latest()).seq } : {}),
      })
    : undefined;
  watch?.start();
  const server = await startHttp(indexer, config.port, log);

  let exiting = false;
  const shutdown = async (code: number, why: string) => {
    if (exiting) return;
    exiting = true;
    log.info('stopping', { why });
    server.close();
    watch?.stop();
    await auditor?.stop();
    await auditPool?.end().catch(() => {});
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
