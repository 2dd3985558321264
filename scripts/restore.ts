// `npm run restore` — a backup made by `npm run backup` into an empty database and a new chain
// home (scripts/lib/backup.ts). Afterwards: start the node on the restored home, the indexer, and
// run `npm run audit` (docs/operations.md, "database lost").
//   npm run restore -- --from DIR [--pg-data DIR] [--chain-home DIR | --no-chain] [--no-db]
// Environment: DATABASE_URL (an empty database to restore into), unless --pg-data creates a fresh
// embedded Postgres cluster in DIR for it (as npm start runs).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startPostgres } from '@lianjian/db/postgres';
import { readManifest, restore } from './lib/backup.js';

const USAGE = `usage / 用法: npm run restore -- --from DIR [--pg-data DIR] [--chain-home DIR | --no-chain] [--no-db]
  --from DIR        the backup directory / 备份目录
  DATABASE_URL      an empty database to restore into / 目标空数据库
  --pg-data DIR     instead: create a fresh embedded Postgres cluster in DIR / 新建嵌入式数据库
  --chain-home DIR  where to unpack the chain home (default $LIANJIAN_CHAIN_HOME; must be empty) / 链节点目录
  --no-chain        do not unpack the chain home / 不恢复链节点
  --no-db           do not restore the database / 不恢复数据库`;

const { values: args } = parseArgs({
  options: {
    from: { type: 'string' },
    'pg-data': { type: 'string' },
    'chain-home': { type: 'string' },
    'no-chain': { type: 'boolean', default: false },
    'no-db': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
const fail = (msg: string): never => {
  process.stderr.write(`restore: ${msg}\n${USAGE}\n`);
  process.exit(2);
};
if (args.help) {
  process.stdout.write(USAGE + '\n');
  process.exit(0);
}
if (!args.from) fail('--from is required');
const from = path.resolve(args.from!);
const manifest = readManifest(from);
const chainHome = args['no-chain'] ? undefined : (args['chain-home'] ?? process.env.LIANJIAN_CHAIN_HOME);
if (!args['no-chain'] && manifest.chain && !chainHome) fail('the backup has a chain home: name where it goes (--chain-home) or pass --no-chain');
let databaseUrl: string | undefined;
let stopPostgres: (() => Promise<void>) | undefined;
if (!args['no-db']) {
  if (args['pg-data']) {
    const pgServer = await startPostgres({ dataDir: path.resolve(args['pg-data']), database: manifest.postgres.database });
    databaseUrl = pgServer.url;
    stopPostgres = pgServer.stop;
    process.stderr.write(`  fresh Postgres in ${args['pg-data']}: ${pgServer.displayUrl}\n`);
  } else {
    databaseUrl = process.env.DATABASE_URL ?? fail('DATABASE_URL is not set (or use --pg-data DIR)');
  }
}
try {
  const r = await restore({ from, ...(databaseUrl ? { databaseUrl } : {}), ...(chainHome ? { chainHome: path.resolve(chainHome) } : {}), log: (l) => process.stderr.write(`  ${l}\n`) });
  process.stdout.write(
    `Restored ${from} / 恢复完成\n` +
      `  backup of ${manifest.createdAt}, release ${manifest.release ?? 'unknown'}; ledger ${manifest.ledger.records} records, last anchored batch ${manifest.ledger.lastAnchoredSeq}\n` +
      `  database / 数据库: ${r.tables} tables, ${r.rows} rows — ${(r.timings.databaseMs / 1000).toFixed(1)} s (checksums ${(r.timings.verifyMs / 1000).toFixed(1)} s)\n` +
      `  chain home / 链节点: ${chainHome ? `${chainHome} — ${(r.timings.chainMs / 1000).toFixed(1)} s` : 'not restored / 未恢复'}\n` +
      `Next / 下一步: start the chain node on the restored home, then the indexer, then run \`npm run audit\` (docs/operations.md).\n`,
  );
} catch (error) {
  process.stderr.write(`restore: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await stopPostgres?.();
}
