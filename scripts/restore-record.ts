// `npm run restore-record` — puts record versions deleted (or whose documents were changed) in the
// centre's database back from proof bundles v1, typically a mirror's copies (issue #21). Each must
// verify against the chain from the root of trust, and the centre's batch must have the same root,
// or nothing is written (mirror/src/restore.ts). Afterwards `npm run audit` is green again.
//   npm run restore-record -- [--rpc URL] [--trust FILE] SOURCE…
// SOURCE: a bundle file (.json), or a mirror's record URL (http://mirror:4100/records/Member/<id>,
// every version it holds). Environment: DATABASE_URL (the centre's database, as its owner);
// LIANJIAN_RPC, LIANJIAN_TRUST_ROOT.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createChainChecker, parseTrustRoot } from '@lianjian/verify';
import pg from 'pg';
import { restoreRecord, RestoreRefused } from '../mirror/src/restore.js';

const USAGE = `usage / 用法: npm run restore-record -- [--rpc URL] [--trust FILE] SOURCE…
  SOURCE          a proof bundle v1 file, or a mirror URL /records/:type/:id (all its versions) / 证明包文件或镜像记录地址
  --rpc URL       a chain node (default $LIANJIAN_RPC or http://127.0.0.1:26657) / 链节点
  --trust FILE    the root of trust (default $LIANJIAN_TRUST_ROOT; required) / 信任根
  DATABASE_URL    the centre's database (its owner: the ledger is append-only to everyone else) / 中心数据库`;

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: { rpc: { type: 'string' }, trust: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
});
const fail = (msg: string): never => {
  process.stderr.write(`restore-record: ${msg}\n${USAGE}\n`);
  process.exit(2);
};
if (args.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const databaseUrl = process.env.DATABASE_URL ?? fail('DATABASE_URL is not set / 未设置 DATABASE_URL');
const trustFile = args.trust ?? process.env.LIANJIAN_TRUST_ROOT ?? fail('--trust is required: a restore trusts the chain, never the source / 需要信任根');
if (positionals.length === 0) fail('no SOURCE given');
const chain = createChainChecker(args.rpc ?? process.env.LIANJIAN_RPC ?? 'http://127.0.0.1:26657', { trustRoot: parseTrustRoot(readFileSync(trustFile, 'utf8')) });

async function bundlesOf(source: string): Promise<unknown[]> {
  if (/^https?:\/\//.test(source)) {
    const res = await fetch(source);
    if (!res.ok) throw new Error(`${source}: HTTP ${res.status}`);
    const body = (await res.json()) as { versions?: unknown[] };
    return Array.isArray(body.versions) ? body.versions : [body];
  }
  return [readFileSync(source, 'utf8')];
}

const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
let refused = 0;
try {
  for (const source of positionals) {
    for (const bundle of await bundlesOf(source)) {
      try {
        const r = await restoreRecord(pool, bundle, { chain });
        process.stdout.write(`${r.status.padEnd(9)} ${r.type} ${r.id} v${r.version} at position ${r.position} (row ${r.row.toLowerCase()})\n`);
      } catch (error) {
        if (!(error instanceof RestoreRefused)) throw error;
        refused++;
        process.stdout.write(`REFUSED   ${source}: ${error.code} ${error.message} / ${error.messageZh}\n`);
      }
    }
  }
} finally {
  await pool.end();
}
process.stdout.write(refused ? `${refused} refused; nothing of those was written. 有 ${refused} 个被拒绝，未写入。\n` : 'Done; run `npm run audit` to confirm. 完成，请运行 npm run audit 确认。\n');
process.exitCode = refused ? 1 : 0;
