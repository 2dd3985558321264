// Full-audit benchmark (issue #24): `npm run audit` end to end, as an operator runs it, over a
// seeded and anchored dataset (profile scale, seed 1, cached in the benchmark cluster, see
// bench/lib/cluster.ts), with a chain node of its own for the chain phase. Prints records/s per
// phase and end to end beside the load average.
//
//   npm run bench:audit -- [--members 10000] [--runs 3] [--workers N,M] [--offline]
//        [--baseline path/to/an/older/audit-cli.ts] [--database NAME]
//
// --database audits an existing database of the cluster instead of lj_<size>_bench (never
// seeded or anchored here): a copy brought to the current migrations, when the cached dataset
// predates them (CREATE DATABASE … TEMPLATE lj_10k_bench, then `npm run migrate` on the copy).
// Beside the cluster's CPU it reports the audit's own backends' (application_name
// lianjian-audit, sampled), which other work on the cluster does not inflate.
//
// --workers takes a list: each value is one variant (`--workers 0,2`: one thread, then two
// workers). --baseline adds an older audit CLI as one more variant, for a before/after on the
// same dataset; it must lie inside the repository so that its imports resolve, e.g.
//   git archive <commit> indexer/src | tar -x -C .data/bench/audit-before --strip-components=1
//   … --baseline .data/bench/audit-before/src/audit-cli.ts
// Variants run in turn (A B A B …) so a machine whose load drifts slows them alike; each figure
// is the median of the runs. Beside wall time it reports CPU seconds (the audit process, and the
// embedded Postgres cluster's), which a loaded machine disturbs far less.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { promisify } from 'node:util';
import pg from 'pg';
import { repoRoot } from '../../scripts/lib/chain-node.js';
import { dataDir, ensureSeeded, openCluster } from '../lib/cluster.js';
import { ensureAnchored, startChain } from '../lib/stack.js';
import { fmt, machine, median, writeResult } from '../lib/stats.js';

const exec = promisify(execFile);
const { values: args } = parseArgs({
  options: {
    members: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '3' },
    workers: { type: 'string', default: '' },
    offline: { type: 'boolean', default: false },
    baseline: { type: 'string' },
    database: { type: 'string' },
  },
});
const say = (line: string) => process.stdout.write(`${line}\n`);

interface Variant {
  name: string;
  cli: string;
  extra: string[];
}

interface Run {
  wallMs: number;
  /** CPU seconds of the audit process (user + system, worker threads included). */
  auditCpu: number;
  /** CPU seconds of the Postgres cluster meanwhile (its backends serve only this benchmark). */
  postgresCpu: number | null;
  /** CPU seconds of the audit's own backends alone (sampled; see auditBackendsSampler). */
  databaseCpu: number | null;
  records: number;
  rows: number;
  chainChecked: number;
  mismatches: number;
  phaseMs: { log: number; chain: number; rows: number };
  load1: number;
}

const TICK = 100; // USER_HZ on Linux

/** CPU seconds of a process, and of its reaped children (stat fields 14–17). */
function procCpu(pid: number, children: boolean): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const own = Number(f[11]) + Number(f[12]);
  return (children ? own + Number(f[13]) + Number(f[14]) : own) / TICK;
}

/**
 * CPU seconds the embedded cluster has used: the postmaster with the children it reaped (a
 * closed connection's backend), plus the children alive now. Under a loaded machine wall time
 * says little; CPU per record is what another machine can scale from.
 */
function clusterCpu(): number | null {
  const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const postmaster = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  let total = procCpu(postmaster, true);
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster) total += procCpu(Number(d), false);
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

/**
 * CPU seconds of the audit's own backends (application_name lianjian-audit on this database, and
 * their parallel workers) while a run lasts, sampled every 100 ms: the cluster, and this database,
 * may serve other work meanwhile (another dataset being anchored, another benchmark), which
 * clusterCpu counts too. A backend's last < 100 ms before it exits are missed.
 */
async function auditBackendsSampler(url: string): Promise<{ stop(): Promise<number> }> {
  const client = new pg.Client({ connectionString: url, application_name: 'lianjian-bench-sampler' });
  // A lost connection (the cluster restarted) ends the sampling, not the benchmark: the run's own error says why.
  client.on('error', () => {});
  await client.connect();
  const seen = new Map<number, number>();
  const base = new Map<number, number>();
  let first = true;
  let busy = false;
  const sample = async () => {
    if (busy) return;
    busy = true;
    try {
      const { rows } = await client.query<{ pid: number }>(
        `SELECT a.pid FROM pg_stat_activity a
          WHERE a.datname = current_database() AND (a.application_name = 'lianjian-audit'
             OR a.leader_pid IN (SELECT l.pid FROM pg_stat_activity l WHERE l.application_name = 'lianjian-audit' AND l.datname = current_database()))`,
      );
      for (const { pid } of rows) {
        try {
          const cpu = procCpu(pid, false);
          if (first) base.set(pid, cpu);
          seen.set(pid, Math.max(seen.get(pid) ?? 0, cpu));
        } catch {
          // gone meanwhile
        }
      }
      first = false;
    } finally {
      busy = false;
    }
  };
  await sample();
  const timer = setInterval(() => void sample().catch(() => {}), 100);
  return {
    async stop() {
      clearInterval(timer);
      while (busy) await new Promise((r) => setTimeout(r, 10));
      await client.end().catch(() => {});
      let total = 0;
      for (const [pid, cpu] of seen) total += cpu - (base.get(pid) ?? 0);
      return total;
    },
  };
}

async function runOnce(v: Variant, url: string, rpc: string | undefined, embedded: boolean): Promise<Run> {
  const load1 = loadavg()[0]!;
  const pgBefore = embedded ? clusterCpu() : null;
  // /proc of the server's processes is readable only when the cluster runs here.
  const sampler = embedded ? await auditBackendsSampler(url) : null;
  const t = performance.now();
  const cliArgs = ['--json', '--no-alerts', ...(rpc ? ['--rpc', rpc] : ['--offline']), ...v.extra];
  // GNU time reports the CPU of the CLI and of the node process it starts (scripts/run-ts.mjs).
  const out = await exec('/usr/bin/time', ['-f', 'cpu %U %S', process.execPath, path.join(repoRoot, 'scripts/run-ts.mjs'), v.cli, ...cliArgs], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: url },
    maxBuffer: 64 * 1024 * 1024,
  }).catch((e: { code: number; stdout: string; stderr: string }) => {
    // Exit 1 is "findings": a clean dataset must have none, so it is an error here too.
    throw new Error(`${v.name} exited ${e.code}: ${e.stderr}${e.stdout.slice(0, 2000)}`);
  });
  const wallMs = performance.now() - t;
  const pgAfter = embedded ? clusterCpu() : null;
  const databaseCpu = sampler ? await sampler.stop() : null;
  const cpu = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(out.stderr);
  const r = JSON.parse(out.stdout) as Omit<Run, 'wallMs' | 'load1' | 'auditCpu' | 'postgresCpu'>;
  return {
    wallMs,
    auditCpu: cpu ? Number(cpu[1]) + Number(cpu[2]) : NaN,
    postgresCpu: pgBefore !== null && pgAfter !== null ? pgAfter - pgBefore : null,
    databaseCpu,
    records: r.records,
    rows: r.rows,
    chainChecked: r.chainChecked,
    mismatches: r.mismatches,
    phaseMs: r.phaseMs,
    load1: (load1 + loadavg()[0]!) / 2,
  };
}

const members = Number(args.members);
const runs = Math.max(1, Number(args.runs));
const variants: Variant[] = (args.workers ? args.workers.split(',') : ['']).map((w) => ({
  name: w === '' ? 'current' : `current, --workers ${w}`,
  cli: 'indexer/src/audit-cli.ts',
  extra: w === '' ? [] : ['--workers', w],
}));
if (args.baseline) variants.push({ name: `baseline (${args.baseline})`, cli: path.relative(repoRoot, path.resolve(args.baseline)), extra: [] });

const cluster = await openCluster();
try {
  // --database: a prepared copy (e.g. one brought to the current migrations), used as it is.
  const { database, url } = args.database ? { database: args.database, url: cluster.urlFor(args.database) } : await ensureSeeded(cluster, members, say);
  const chain = args.offline ? undefined : await startChain(cluster, database);
  try {
    if (chain) await ensureAnchored(cluster, database, chain, say);
    const db = new pg.Pool({ connectionString: url, max: 1 });
    const [size] = (await db.query<{ records: string; batches: string; bytes: string }>(
      `SELECT (SELECT count(*) FROM outbox_record)::text AS records, (SELECT count(*) FROM batch)::text AS batches, pg_database_size(current_database())::text AS bytes`,
    )).rows;
    await db.end();
    say(`Audit benchmark / 审计基准 — ${database}: ${fmt(Number(size!.records))} records in ${fmt(Number(size!.batches))} batches, ${fmt(Number(size!.bytes) / 2 ** 20)} MB; ${runs} run(s) per variant, chain ${chain ? 'checked' : 'skipped'}`);
    const results = new Map<string, Run[]>(variants.map((v) => [v.name, []]));
    for (let i = 0; i < runs; i++) {
      for (const v of variants) {
        const r = await runOnce(v, url, chain?.rpcUrl, cluster.embedded);
        if (r.mismatches !== 0) throw new Error(`${v.name}: ${r.mismatches} mismatch(es) on an untouched dataset`);
        results.get(v.name)!.push(r);
        say(`  run ${i + 1} ${v.name}: ${(r.wallMs / 1000).toFixed(1)} s wall (log ${(r.phaseMs.log / 1000).toFixed(1)} s, chain ${(r.phaseMs.chain / 1000).toFixed(1)} s, rows ${(r.phaseMs.rows / 1000).toFixed(1)} s); CPU: audit ${r.auditCpu.toFixed(1)} s, Postgres ${r.postgresCpu?.toFixed(1) ?? '?'} s (the audit's own backends ${r.databaseCpu?.toFixed(1) ?? '?'} s); load ${r.load1.toFixed(1)}`);
      }
    }
    const summary = variants.map((v) => {
      const rs = results.get(v.name)!;
      const m = (f: (r: Run) => number) => median(rs.map(f));
      return {
        variant: v.name,
        records: rs[0]!.records,
        rows: rs[0]!.rows,
        wallSeconds: m((r) => r.wallMs / 1000),
        logRecordsPerSecond: m((r) => r.records / (r.phaseMs.log / 1000)),
        chainBatchesPerSecond: m((r) => (r.phaseMs.chain > 0 ? r.chainChecked / (r.phaseMs.chain / 1000) : 0)),
        // The rows are compared in the log pass (decision 025); their own phase only counts tables
        // and walks any that did not balance: rows over both.
        rowsPerSecond: m((r) => r.rows / ((r.phaseMs.log + r.phaseMs.rows) / 1000)),
        endToEndRecordsPerSecond: m((r) => r.records / (r.wallMs / 1000)),
        auditCpuSeconds: m((r) => r.auditCpu),
        postgresCpuSeconds: rs.some((r) => r.postgresCpu === null) ? null : m((r) => r.postgresCpu!),
        /** Audit process and Postgres CPU per record (log + rows work), in µs. */
        cpuMicrosPerRecord: rs.some((r) => r.postgresCpu === null) ? null : m((r) => ((r.auditCpu + r.postgresCpu!) / r.records) * 1e6),
        databaseCpuSeconds: rs.some((r) => r.databaseCpu === null) ? null : m((r) => r.databaseCpu!),
        /** Audit process and its own backends, in µs a record: what the cluster's other work does not inflate. */
        ownCpuMicrosPerRecord: rs.some((r) => r.databaseCpu === null) ? null : m((r) => ((r.auditCpu + r.databaseCpu!) / r.records) * 1e6),
        load1: m((r) => r.load1),
      };
    });
    say('');
    say('| variant | wall s | log records/s | chain batches/s | rows/s (log pass + counts) | end to end records/s | CPU s audit + Postgres | CPU µs/record | CPU s audit + its backends | own CPU µs/record | load |');
    say('|---|---|---|---|---|---|---|---|---|---|---|');
    for (const s of summary) {
      say(
        `| ${s.variant} | ${s.wallSeconds.toFixed(1)} | ${fmt(s.logRecordsPerSecond)} | ${fmt(s.chainBatchesPerSecond, 1)} | ${fmt(s.rowsPerSecond)} | ${fmt(s.endToEndRecordsPerSecond)} | ${s.auditCpuSeconds.toFixed(1)} + ${s.postgresCpuSeconds?.toFixed(1) ?? '?'} | ${s.cpuMicrosPerRecord === null ? '?' : fmt(s.cpuMicrosPerRecord)} | ${s.auditCpuSeconds.toFixed(1)} + ${s.databaseCpuSeconds?.toFixed(1) ?? '?'} | ${s.ownCpuMicrosPerRecord === null ? '?' : fmt(s.ownCpuMicrosPerRecord)} | ${s.load1.toFixed(1)} |`,
      );
    }
    if (summary.length > 1) {
      const base = summary[summary.length - 1]!;
      for (const s of summary.slice(0, -1)) say(`  ${s.variant} vs ${base.variant}: wall × ${(base.wallSeconds / s.wallSeconds).toFixed(2)} faster (medians)`);
    }
    const latest = writeResult('audit', { machine: machine(), database, members, records: Number(size!.records), batches: Number(size!.batches), runs, summary, raw: Object.fromEntries(results) });
    say(`written to ${path.relative(repoRoot, latest)}`);
  } finally {
    await chain?.stop();
  }
} finally {
  await cluster.stop();
}
