// Assembles the API: Prisma client, Apollo Server (started before it serves), HTTP server.
import { createPrisma, type PrismaClient } from '@lianjian/db';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApollo } from './http/apollo.js';
import { schema } from './schema.js';
import type { ApiConfig } from './shared/config.js';
import { createHttpServer } from './http/server.js';
import { Metrics } from './http/metrics.js';
import { queueTransactions, txQueueDefaults, type TxQueueOptions } from './shared/tx-queue.js';
import { startArrearsSchedule } from './modules/dues/arrears-scan.js';
import { startInboxSchedule } from './modules/inbox/schedule.js';
import { startWebhooksFromEnv } from './modules/webhooks/dispatcher.js';
import { filesSettings } from './modules/attachments/store.js';
import { startUploadSweep } from './modules/attachments/sweep.js';

export interface RunningApi {
  url: string;
  port: number;
  prisma: PrismaClient;
  server: Server;
  close(): Promise<void>;
}

export interface StartApiOptions {
  databaseUrl: string;
  port?: number;
  host?: string;
  config: ApiConfig;
  poolSize?: number;
  /** Write-transaction queue (tx-queue.ts); defaults from the pool size. */
  transactions?: Partial<TxQueueOptions>;
  /** A client to use instead of creating one (tests pass one that reports its queries); not closed by close(). */
  prisma?: PrismaClient;
}

export async function startApi(opts: StartApiOptions): Promise<RunningApi> {
  // A half-set file store (an S3 bucket without its keys, a bad size limit) stops the start, not the first upload.
  filesSettings();
  const poolSize = opts.poolSize ?? 10;
  const prisma = opts.prisma ?? createPrisma(opts.databaseUrl, { max: poolSize });
  queueTransactions(prisma, { ...txQueueDefaults(poolSize), ...opts.transactions });
  const metrics = new Metrics();
  const apollo = createApollo({ schema, prisma, metrics });
  await apollo.start();
  const { server, drain } = createHttpServer({ apollo, prisma, config: opts.config, metrics, databaseUrl: opts.databaseUrl });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '0.0.0.0', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const arrears = opts.config.duesArrearsScanMs ? startArrearsSchedule(prisma, opts.config, { intervalMs: opts.config.duesArrearsScanMs }) : null;
  // Reminders are derived data (no record changes), so unlike the arrears scan they run soon after
  // start: a person signing in to a fresh process finds their inbox filled.
  const inbox = opts.config.remindersMs ? startInboxSchedule(prisma, opts.config, { intervalMs: opts.config.remindersMs, firstRunMs: Math.min(5000, opts.config.remindersMs) }) : null;
  // Partner webhooks: scans the record log and sends signed events (LIANJIAN_WEBHOOKS_MS; modules/webhooks/config.ts).
  const webhooks = startWebhooksFromEnv(opts.databaseUrl, opts.config);
  // Uploads no record names, deleted once their grace period is over (LIANJIAN_FILES_SWEEP_MS; attachments/sweep.ts).
  const sweep = opts.config.filesSweepMs ? startUploadSweep(prisma, opts.config, { intervalMs: opts.config.filesSweepMs }) : null;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    prisma,
    server,
    async close() {
      // Stop accepting, then let requests in flight finish (up to 5 s) before the pool goes away.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await drain(5000);
      server.closeAllConnections();
      await closed;
      await apollo.stop();
      await arrears?.stop();
      await inbox?.stop();
      await webhooks?.stop();
      await sweep?.stop();
      if (!opts.prisma) await prisma.$disconnect();
    },
  };
}
