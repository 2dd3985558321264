// Faults under API load, on a Postgres of the test's own (durable settings: fsync and synchronous
// commit on, as in production) and the API as a real process:
//   - the API SIGKILLed with mutations in flight: each change is all or nothing — a member row
//     version and its outbox record both exist or neither does — and every acknowledged write is
//     there;
//   - Postgres SIGKILLed (postmaster and backends) and restarted under load: the API stays up and
//     says so (errors with codes, /health 503), recovers by itself once the database is back, and
//     again nothing is partial and nothing acknowledged is lost.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPrisma, migrate, type PrismaClient } from '@lianjian/db';
import { freePort, startPostgres, usableDataDir, type RunningPostgres } from '@lianjian/db/postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpOk, sleep, type RunningService } from '../../scripts/lib/process.js';
import { startApi } from '../../scripts/lib/services.js';
import { createFixture, sessionFor, type Fixture } from '../../api/test/fixtures.js';
import { MEMBER_INTEGRITY_SQL, startLoad, type LoadRun } from './lib/load.js';

let dir: string;
let postgres: RunningPostgres;
let pgPort: number;
let url: string;
let prisma: PrismaClient;
let fx: Fixture;
let token: string;
let api: RunningService;
let apiPort: number;
const apiUrl = () => `http://127.0.0.1:${apiPort}/graphql`;

const startPg = (port?: number) => startPostgres({ dataDir: path.join(dir, 'pg'), port, log: () => {} });
const launchApi = () => startApi({ port: apiPort, env: { DATABASE_URL: url, LIANJIAN_DB_POOL: '8' }, logFile: path.join(dir, 'api.log') });

async function integrity(): Promise<{ rows_without_records: number; records_without_rows: number; members: number; records: number }> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(MEMBER_INTEGRITY_SQL)).rows[0];
  } finally {
    await c.end();
  }
}

/** Every write the API acknowledged is in the database, at that version or later. */
async function acknowledgedPresent(run: LoadRun): Promise<void> {
  const ids = [...run.acknowledged.keys()];
  const rows = await prisma.member.findMany({ where: { id: { in: ids } }, select: { id: true, version: true } });
  const found = new Map(rows.map((r) => [r.id, r.version]));
  for (const [id, version] of run.acknowledged) expect(found.get(id) ?? 0, `acknowledged ${id} v${version}`).toBeGreaterThanOrEqual(version);
}

/** Crash of the database server: SIGKILL to the postmaster and every backend at once. */
function killPostgres(): void {
  const pidFile = path.join(usableDataDir(path.join(dir, 'pg')), 'postmaster.pid');
  const postmaster = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  const children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(postmaster)], { encoding: 'utf8' }).split('\n').map(Number).filter(Boolean);
  for (const pid of [postmaster, ...children]) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'lianjian-faults-api-'));
  chmodSync(dir, 0o755);
  postgres = await startPg();
  url = postgres.url;
  pgPort = Number(new URL(url).port);
  await migrate(url, { log: () => {} });
  prisma = createPrisma(url, { max: 2 });
  fx = await createFixture(prisma);
  token = await sessionFor(prisma, fx.accounts.secretary.id);
  apiPort = await freePort();
  api = await launchApi();
}, 180_000);

afterAll(async () => {
  await api?.stop(3_000).catch(() => undefined);
  await prisma?.$disconnect().catch(() => undefined);
  await postgres?.stop().catch(() => undefined);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('API killed mid-mutation', () => {
  it('leaves every change whole (row and record, or neither) and keeps every acknowledged write', async () => {
    const before = await integrity();
    const run = startLoad({ apiUrl: apiUrl(), token, unitId: fx.units.b1.id, clients: 16, writeShare: 0.8, tag: 'kill-api' });
    const t0 = Date.now();
    while (run.acknowledged.size < 40 && Date.now() - t0 < 30_000) await sleep(50);
    await api.kill();
    await run.stop();

    const inFlight = run.outcomes.filter((o) => o.error === 'NETWORK' && (o.kind === 'create' || o.kind === 'update'));
    expect(inFlight.length, 'mutations were in flight when the API died').toBeGreaterThan(0);
    const after = await integrity();
    expect(after.rows_without_records).toBe(0);
    expect(after.records_without_rows).toBe(0);
    expect(after.members).toBeGreaterThanOrEqual(before.members + run.acknowledged.size);
    await acknowledgedPresent(run);
    console.log(`[faults-api] API SIGKILL: ${run.outcomes.length} requests, ${run.acknowledged.size} writes acknowledged, ${inFlight.length} mutations cut off; ${after.members - before.members} members added, all whole`);

    api = await launchApi();
    expect(await httpOk(`http://127.0.0.1:${apiPort}/health`)).toBe(true);
  });
});

describe('Postgres killed and restarted under load', () => {
  it('the API stays up, recovers without a restart, and nothing is partial or lost', async () => {
    const run = startLoad({ apiUrl: apiUrl(), token, unitId: fx.units.b1.id, clients: 16, writeShare: 0.5, tag: 'kill-pg' });
    await sleep(1_500);
    const killedAt = Date.now();
    killPostgres();
    await sleep(2_500);
    // Down: the API answers, with codes, and its health says the database is unavailable.
    const health = await fetch(`http://127.0.0.1:${apiPort}/health`);
    expect(health.status).toBe(503);
    const restartAt = Date.now();
    postgres = await startPg(pgPort);
    const deadline = Date.now() + 30_000;
    while (!(await httpOk(`http://127.0.0.1:${apiPort}/health`))) {
      if (Date.now() > deadline) throw new Error('the API did not recover within 30 s of the database restart');
      await sleep(100);
    }
    const recoveredAt = Date.now();
    await sleep(3_000);
    await run.stop();

    const during = run.outcomes.filter((o) => o.at >= killedAt && o.at < restartAt);
    expect(during.every((o) => o.error !== 'NETWORK' && !String(o.error).includes('not JSON')), 'the API kept answering with JSON errors').toBe(true);
    // Pool connections broken by the crash may fail once; after that, no errors.
    const settled = run.outcomes.filter((o) => o.at >= recoveredAt + 1_500);
    expect(settled.length).toBeGreaterThan(20);
    expect(settled.filter((o) => o.error !== null)).toEqual([]);

    const after = await integrity();
    expect(after.rows_without_records).toBe(0);
    expect(after.records_without_rows).toBe(0);
    await acknowledgedPresent(run);
    const codes = [...new Set(during.map((o) => o.error).filter(Boolean))];
    console.log(
      `[faults-api] Postgres SIGKILL: ${run.outcomes.length} requests; while down ${during.length} answered with ${codes.join(', ') || 'no errors'}; API healthy ${((recoveredAt - restartAt) / 1000).toFixed(1)} s after the restart; ${run.acknowledged.size} writes acknowledged, all present`,
    );
  });
});
