// Entry point: `node --conditions=source --import tsx api/src/main.ts` (the stack supervisor
// runs it). Env: DATABASE_URL (required), PORT (default 4000), LIANJIAN_RPC (chain node RPC),
// LIANJIAN_CHAIN_ID, LIANJIAN_ID_SALT (national ID hash salt; required in production),
// LIANJIAN_DB_POOL (Postgres connections, default 10), LIANJIAN_DB_WRITE_SLOTS (write transactions
// holding or awaiting a connection at once, default half the pool; the rest queue in-process),
// LIANJIAN_DB_TX_WAIT_MS (longest a write waits for its turn before failing as BUSY, default 30000),
// LIANJIAN_DB_TX_TIMEOUT_MS (longest a write transaction may run, default 30000),
// LIANJIAN_DUES_ARREARS_SCAN_MS (how often the dues arrears scan runs, default 6 h; 0: never).
// LIANJIAN_REMINDERS_MS (how often inbox reminders are generated, default 10 min; 0: never);
// LIANJIAN_FILES_SWEEP_MS (how often unused uploads are deleted, default 1 h; 0: never) and
// LIANJIAN_FILES_UNUSED_HOURS (how long an upload no record names is kept, default 24);
// LIANJIAN_SMTP_URL or LIANJIAN_SMTP_HOST/_PORT/_USER/_PASSWORD/_SECURE, LIANJIAN_SMTP_FROM (e-mail
// of reminders; off when unset); LIANJIAN_WEB_URL (the web app's address, for links in e-mails).
import { configFromEnv } from './shared/config.js';
import { startApi } from './start-api.js';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  process.stderr.write('✗ DATABASE_URL is not set (postgresql://…) / 未设置 DATABASE_URL\n');
  process.exit(2);
}

try {
  const api = await startApi({
    databaseUrl,
    port: Number(process.env.PORT ?? 4000),
    config: configFromEnv(),
    poolSize: Number(process.env.LIANJIAN_DB_POOL ?? 10),
    transactions: {
      ...(process.env.LIANJIAN_DB_WRITE_SLOTS ? { slots: Number(process.env.LIANJIAN_DB_WRITE_SLOTS) } : {}),
      ...(process.env.LIANJIAN_DB_TX_WAIT_MS ? { maxWaitMs: Number(process.env.LIANJIAN_DB_TX_WAIT_MS) } : {}),
      ...(process.env.LIANJIAN_DB_TX_TIMEOUT_MS ? { timeoutMs: Number(process.env.LIANJIAN_DB_TX_TIMEOUT_MS) } : {}),
    },
  });
  process.stdout.write(`Lianjian API on http://127.0.0.1:${api.port}/graphql (health /health, metrics /metrics)\n`);
  let stopping = false;
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      if (stopping) return;
      stopping = true;
      api.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
} catch (err) {
  process.stderr.write(`✗ API failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
