// `npm run backup` — the database (a consistent logical dump) and the chain node's home (tar.gz)
// into one directory with a manifest (scripts/lib/backup.ts says what and why).
//   npm run backup -- [--out DIR] [--chain-home DIR | --no-chain] [--json]
// Environment: DATABASE_URL (the database to back up); LIANJIAN_CHAIN_HOME (default chain home).
// Stop the chain node first (or back up a stopped full node): a running node's files may not open.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { backup } from './lib/backup.js';

const USAGE = `usage / 用法: npm run backup -- [--out DIR] [--chain-home DIR | --no-chain] [--json]
  DATABASE_URL names the database / 需设置 DATABASE_URL
  --out DIR         new directory for the backup (default backups/lianjian-<time>) / 备份目录
  --chain-home DIR  chain node home to include (default $LIANJIAN_CHAIN_HOME) / 链节点目录
  --no-chain        the database only / 只备份数据库`;

const { values: args } = parseArgs({
  options: { out: { type: 'string' }, 'chain-home': { type: 'string' }, 'no-chain': { type: 'boolean', default: false }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
});
if (args.help) {
  process.stdout.write(USAGE + '\n');
  process.exit(0);
}
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  process.stderr.write(`backup: DATABASE_URL is not set / 未设置 DATABASE_URL\n${USAGE}\n`);
  process.exit(2);
}
const chainHome = args['no-chain'] ? undefined : (args['chain-home'] ?? process.env.LIANJIAN_CHAIN_HOME);
const out = path.resolve(args.out ?? path.join('backups', `lianjian-${new Date().toISOString().replace(/[:.]/g, '-')}`));
try {
  const m = await backup({ databaseUrl, ...(chainHome ? { chainHome } : {}), out, log: (l) => !args.json && process.stderr.write(`  ${l}\n`) });
  if (args.json) process.stdout.write(JSON.stringify({ out, ...m }, null, 2) + '\n');
  else {
    const rows = m.tables.reduce((a, t) => a + t.rows, 0);
    const bytes = m.tables.reduce((a, t) => a + t.bytes, 0) + (m.chain?.bytes ?? 0);
    process.stdout.write(
      `Backup written to ${out} / 备份已写入\n` +
        `  database / 数据库: ${m.tables.length} tables, ${rows} rows, ledger ${m.ledger.records} records in ${m.ledger.batches} batches (last anchored ${m.ledger.lastAnchoredSeq}) — ${(m.timings.databaseMs / 1000).toFixed(1)} s\n` +
        `  chain home / 链节点: ${m.chain ? `${(m.chain.bytes / 1e6).toFixed(1)} MB (${m.chain.chainId}) — ${(m.timings.chainMs / 1000).toFixed(1)} s` : 'not included / 未包含'}\n` +
        `  total / 合计: ${(bytes / 1e6).toFixed(1)} MB in ${(m.timings.totalMs / 1000).toFixed(1)} s. It holds keys: keep it where keys are kept. / 含密钥，请妥善保管。\n`,
    );
  }
} catch (error) {
  process.stderr.write(`backup: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
