// `npm run audit` — re-checks the whole ledger and the verifiable tables (src/audit.ts).
//   npm run audit -- [--offline] [--rpc URL] [--chunk N] [--workers N] [--no-alerts] [--json]
// Environment: DATABASE_URL; LIANJIAN_RPC (the chain to check against unless --offline).
// Exit code: 0 nothing found, 1 findings (written to tamper_alert), 2 bad usage or an error.
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { audit, type AuditReport } from './audit.js';
import { createPool } from './db.js';
import { createLogger } from './log.js';

const USAGE = `usage / 用法: npm run audit -- [--offline] [--rpc URL] [--chunk N] [--workers N] [--no-alerts] [--json]
  DATABASE_URL must name the database / 需设置 DATABASE_URL
  --rpc URL     chain node to check anchors against (default $LIANJIAN_RPC) / 用于核对上链锚定的节点
  --offline     skip the chain checks / 跳过链上核对
  --chunk N     records per chunk (default 50000) / 每批处理的记录数
  --workers N   worker threads for hashing and comparing, each with a connection and ~300 MB
                (default: the number of cores, at most 4; 0 = this thread only)
                / 用于哈希与比对的工作线程数（默认为 CPU 核数，最多 4；0 表示单线程）
  --no-alerts   report only, do not write tamper_alert rows / 只报告，不写入篡改告警
  --json        print the report as JSON / 以 JSON 输出报告`;

function fail(message: string): never {
  process.stderr.write(`audit: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function printReport(r: AuditReport): void {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const lines = [
    `Audit finished in ${s(r.elapsedMs)} / 审计完成，用时 ${s(r.elapsedMs)}`,
    `  log / 日志:     ${r.records} records in ${r.batches} batches / 条记录，${r.batches} 个批次 (${s(r.phaseMs.log)})`,
    `  chain / 链上:   ${r.chain === 'checked' ? `${r.chainChecked} anchored batches verified / 个已锚定批次已验证` : 'skipped (--offline or no RPC) / 已跳过'} (${s(r.phaseMs.chain)})`,
    `  rows / 业务行:  ${r.rows} verifiable rows compared with their records in the log pass / 行已在日志核查中与记录比对; counted in ${s(r.phaseMs.rows)} / 计数用时 ${s(r.phaseMs.rows)}`,
    ...(r.tablesWalked.length > 0 ? [`  walked row by row (counts did not balance) / 计数不符、逐行核查的表: ${r.tablesWalked.join(', ')}`] : []),
    `  throughput / 吞吐: ${Math.round(r.records / (r.phaseMs.log / 1000 || 1))} records/s (log pass, rows included / 含业务行), ${Math.round(r.chainChecked / (r.phaseMs.chain / 1000 || 1))} batches/s (chain)`,
  ];
  if (r.mismatches === 0) {
    lines.push('No mismatch found. / 未发现不一致。');
  } else {
    lines.push(`${r.mismatches} mismatch(es) found / 发现 ${r.mismatches} 处不一致; ${r.alertsWritten} new tamper alert(s) / 条新篡改告警:`);
    for (const [kind, n] of Object.entries(r.byKind)) lines.push(`  ${kind}: ${n}`);
    for (const m of r.sample.slice(0, 20)) {
      const what = [m.entityType, m.entityId].filter(Boolean).join(' ');
      lines.push(`  - ${m.kind}${what ? ` ${what}` : ''}${m.batchSeq ? ` (batch ${m.batchSeq})` : ''}: ${JSON.stringify(m.detail)}`);
    }
  }
  process.stdout.write(lines.join('\n') + '\n');
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      options: {
        offline: { type: 'boolean', default: false },
        rpc: { type: 'string' },
        chunk: { type: 'string' },
        workers: { type: 'string' },
        'no-alerts': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (args.help) {
    process.stdout.write(USAGE + '\n');
    return;
  }
  const url = process.env.DATABASE_URL;
  if (!url) fail('DATABASE_URL is not set / 未设置 DATABASE_URL');
  const chunk = args.chunk === undefined ? 50_000 : Number(args.chunk);
  if (!Number.isSafeInteger(chunk) || chunk < 1) fail(`--chunk must be a positive integer, got ${args.chunk}`);
  const workers = args.workers === undefined ? Math.min(4, availableParallelism()) : Number(args.workers);
  if (!Number.isSafeInteger(workers) || workers < 0 || workers > 64) fail(`--workers must be an integer from 0 to 64, got ${args.workers}`);
  const rpcUrl = args.offline ? undefined : (args.rpc ?? process.env.LIANJIAN_RPC);
  const log = createLogger({ level: 'warn', write: (l) => process.stderr.write(l + '\n') });
  const pool = createPool(url, { max: 4, applicationName: 'lianjian-audit' });
  const lastPrinted = new Map<string, number>();
  // Progress on stderr every 2 s: how far each phase is, its rate since the phase began, and
  // the time left at that rate. Each phase reports once as it begins (done 0); the chain phase
  // runs beside the log phase, so their lines interleave.
  const phaseStart = new Map<string, { t: number; done: number }>();
  const progressLine = (phase: string, done: number, total: number): string => {
    const start = phaseStart.get(phase) ?? { t: performance.now(), done };
    if (!phaseStart.has(phase)) phaseStart.set(phase, start);
    const seconds = (performance.now() - start.t) / 1000;
    const rate = seconds > 0 ? (done - start.done) / seconds : 0;
    const unit = phase === 'chain' ? 'batches' : phase === 'rows' ? 'tables' : 'records';
    const of = ` / ${total}${total > 0 ? ` (${((done / total) * 100).toFixed(1)}%)` : ''}`;
    const eta = rate > 0 && total > done ? `, ~${Math.ceil((total - done) / rate)} s left / 剩余约 ${Math.ceil((total - done) / rate)} 秒` : '';
    return `  ${phase}: ${done}${of} ${unit}, ${Math.round(rate)} ${unit}/s${eta}\n`;
  };
  try {
    const report = await audit(pool, {
      ...(rpcUrl ? { rpcUrl } : {}),
      chunkSize: chunk,
      workers,
      databaseUrl: url,
      writeAlerts: !args['no-alerts'],
      log,
      progress: (phase, done, total) => {
        const first = !phaseStart.has(phase);
        const line = progressLine(phase, done, total);
        const finished = total > 0 && done >= total;
        if (args.json || (!first && !finished && Date.now() - (lastPrinted.get(phase) ?? 0) < 2_000)) return;
        lastPrinted.set(phase, Date.now());
        process.stderr.write(line);
      },
    });
    if (args.json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
    else printReport(report);
    process.exitCode = report.mismatches > 0 ? 1 : 0;
  } finally {
    await pool.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`audit: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
