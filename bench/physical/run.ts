// Physical references for the indexer's figures: what this machine does at the two things the
// indexer is made of — SHA-256 of 64-byte inputs (node:crypto, one core) and Postgres COPY of
// rows into a simple table.
//
//   npm run bench:physical -- [--runs 5] [--rows 1000000]
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { adminQuery, databaseExists, openCluster } from '../lib/cluster.js';
import { fmt, machine, spread, writeResult } from '../lib/stats.js';

// Parsed in main only: bench/verify imports sha256Rate from here with its own arguments.
const cli = () => parseArgs({ options: { runs: { type: 'string', default: '5' }, rows: { type: 'string', default: '1000000' } } }).values;
const say = (s: string) => process.stdout.write(`${s}\n`);

export function sha256Rate(n = 1_000_000): number {
  const input = Buffer.alloc(64, 7);
  const t = performance.now();
  for (let i = 0; i < n; i++) createHash('sha256').update(input).digest();
  return n / ((performance.now() - t) / 1000);
}

/** Rows/s of one COPY … FROM STDIN of `rows` rows (bigint, 32-byte bytea, short text) into an unlogged-free, index-free table. */
async function copyRate(url: string, rows: number): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query('DROP TABLE IF EXISTS copy_probe; CREATE TABLE copy_probe (id bigint, h bytea, t text)');
    const hex = '\\\\x' + 'ab'.repeat(32);
    function* lines() {
      let chunk = '';
      for (let i = 0; i < rows; i++) {
        chunk += `${i}\t${hex}\trow ${i}\n`;
        if (chunk.length > 64_000) {
          yield chunk;
          chunk = '';
        }
      }
      if (chunk) yield chunk;
    }
    const t = performance.now();
    await pipeline(Readable.from(lines()), c.query(copyFrom('COPY copy_probe (id, h, t) FROM STDIN')));
    const rate = rows / ((performance.now() - t) / 1000);
    const n = Number((await c.query<{ n: string }>('SELECT count(*)::text AS n FROM copy_probe')).rows[0]!.n);
    if (n !== rows) throw new Error(`COPY wrote ${n} rows, not ${rows}`);
    await c.query('DROP TABLE copy_probe');
    return rate;
  } finally {
    await c.end();
  }
}

async function main() {
  const args = cli();
  const runs = Number(args.runs);
  const rows = Number(args.rows);
  const m0 = machine();
  const sha = spread(Array.from({ length: runs }, () => sha256Rate()));
  say(`SHA-256 node:crypto, 64-byte inputs: ${fmt(sha.median)} hashes/s (${fmt(sha.min)}–${fmt(sha.max)})`);
  const cluster = await openCluster();
  try {
    if (!(await databaseExists(cluster, 'bench_scratch'))) await adminQuery(cluster.adminUrl, 'CREATE DATABASE bench_scratch');
    const url = cluster.urlFor('bench_scratch');
    const copyRuns: number[] = [];
    for (let i = 0; i < runs; i++) copyRuns.push(await copyRate(url, rows));
    const copy = spread(copyRuns);
    const pgVersion = (await adminQuery<{ v: string }>(url, "SELECT current_setting('server_version') AS v"))[0]!.v;
    say(`Postgres COPY, ${fmt(rows)} rows (bigint, bytea(32), text) per run: ${fmt(copy.median)} rows/s (${fmt(copy.min)}–${fmt(copy.max)})`);
    writeResult('physical', { machine: { ...machine({ postgres: pgVersion }), loadavgAtStart: m0.loadavg }, runs, sha256Node64B: sha, copy: { rowsPerRun: rows, rowsPerSecond: copy } });
  } finally {
    await cluster.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      process.stderr.write(`bench:physical failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    },
  );
}
