// `npm run soak`: the long fault and load runs, with a printed report (the bounded versions run in
// `npm test`, test/reliability). Phases:
//   1. validators — a 4-validator network: one SIGKILLed (commits continue), a second one too
//      (commits pause), both restarted (commits resume); nothing lost, chain and database agree;
//   2. indexer — the indexer process SIGKILLed at random moments of its batch cycle, over and
//      over, while records arrive; every record anchored exactly once afterwards;
//   3. load — 64 clients mixing reads and writes against the API for LIANJIAN_SOAK_SECONDS
//      (default 120); zero errors, every record written anchored and verified online, p99;
//   4. levels — four levels (中央/省/市/县) anchor while a fifth joins as a full node, catches up,
//      is approved and becomes a validator, and 县 county leaves; anchoring never stops and every
//      record written meanwhile verifies from the root of trust (scripts/lib/levels.ts);
//   5. tamper — a seeded organisation anchored by the indexer process with its continuous auditor
//      on, records still arriving, while rows and proof layers (documents, tree levels, roots) are
//      changed in SQL as a database superuser would; every change must raise its tamper alert, the
//      delay from edit to alert is printed; the changes are undone and a clean pass must follow.
//      Last, and on a database of its own, so no other phase sees the tampering.
// Environment: LIANJIAN_SOAK_SECONDS, LIANJIAN_SOAK_INDEXER_KILLS (default 12), LIANJIAN_SOAK_CLIENTS (64),
// LIANJIAN_SOAK_PHASES (default validators,indexer,load,levels,tamper), LIANJIAN_SOAK_TAMPERS (10),
// LIANJIAN_SOAK_TAMPER_MEMBERS (300), LIANJIAN_SOAK_AUDIT_RATE (20000 records/s, the production
// default), LIANJIAN_SOAK_AUDIT_INTERVAL_MS (10000 between rolling passes).
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { seed } from '@lianjian/db';
import { freePort } from '@lianjian/db/postgres';
import { appendRecords, committerChain, Indexer, type AnchorChain } from '@lianjian/indexer';
import { bytesEqual } from '@lianjian/verify';
import { ChainCommitter } from '@lianjian/indexer/chain';
import { ledgerInvariants, withClient, writeRecords } from '../indexer/test/helpers.js';
import { formatFigures, loadScenario } from '../test/reliability/lib/scenario.js';
import { killableChain } from '../test/reliability/lib/chain.js';
import { anchoredAll, freshDatabase, query, soakPostgres, soakScenarioStack, startLocalnet4, waitAnchored } from '../test/reliability/lib/soak-stack.js';
import { getProofs } from '@lianjian/indexer';
import { createChainChecker, LightClient, verifyBundle } from '@lianjian/verify';
import pg from 'pg';
import { joinFullNode, leave, promote, startNetwork, validatorSet } from './lib/levels.js';
import { readTrustRoot } from './lib/levels-anchoring.js';
import { type RunningService } from './lib/process.js';
import { startIndexer } from './lib/services.js';

const seconds = Number(process.env.LIANJIAN_SOAK_SECONDS ?? 120);
const indexerKills = Number(process.env.LIANJIAN_SOAK_INDEXER_KILLS ?? 12);
const clients = Number(process.env.LIANJIAN_SOAK_CLIENTS ?? 64);
const report: string[] = [];
const failures: string[] = [];
const t0 = Date.now();

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const say = (line: string) => process.stdout.write(`[soak ${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);
function check(ok: boolean, what: string): void {
  if (ok) report.push(`  ✓ ${what}`);
  else {
    report.push(`  ✗ ${what}`);
    failures.push(what);
  }
  say(`${ok ? 'ok' : 'FAILED'}: ${what}`);
}

/** Appends a few records every 100 ms until stopped, like a busy API. */
function writer(url: string, start: number): { stop(): Promise<number> } {
  let n = start;
  let on = true;
  const loop = (async () => {
    while (on) {
      await writeRecords(url, 5, n);
      n += 5;
      await sleep(100);
    }
  })();
  return {
    async stop() {
      on = false;
      await loop;
      return n;
    },
  };
}

const anchoredBatches = async (url: string) => Number((await query<{ n: number }>(url, `SELECT count(*)::int AS n FROM batch WHERE status = 'ANCHORED'`))[0]!.n);

/** Every batch of the database is on chain with the same root and size; the log is whole. */
async function consistent(url: string, chain: AnchorChain): Promise<{ ok: boolean; batches: number; records: number; detail: string }> {
  const inv = await withClient(url, (c) => ledgerInvariants(c)).catch((e: unknown) => e as Error);
  if (inv instanceof Error) return { ok: false, batches: 0, records: 0, detail: inv.message };
  const batches = await query<{ seq: number; root: Buffer; size: number }>(url, 'SELECT seq, root, size FROM batch ORDER BY seq');
  const latest = await chain.latest();
  if (latest.seq !== batches.length) return { ok: false, batches: batches.length, records: inv.records, detail: `chain latest ${latest.seq}, database ${batches.length}` };
  for (const b of batches) {
    const on = await chain.getBatch(b.seq);
    if (!on || !bytesEqual(on.root, b.root) || on.size !== b.size) return { ok: false, batches: batches.length, records: inv.records, detail: `batch ${b.seq} differs on chain` };
  }
  const ok = inv.positioned === inv.records;
  return { ok, batches: batches.length, records: inv.records, detail: ok ? '' : `${inv.records - inv.positioned} records without a position` };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'lianjian-soak-'));
  chmodSync(dir, 0o755);
  const pgServer = await soakPostgres(dir);
  const phases = (process.env.LIANJIAN_SOAK_PHASES ?? 'validators,indexer,load,levels,tamper').split(',');
  try {
    if (phases.includes('validators') || phases.includes('indexer')) await faultPhases(dir, pgServer);
    if (phases.includes('load')) {
      report.push(`3. Load: ${clients} concurrent clients, reads and writes, ${seconds} s:`);
      const f = await loadScenario({ stack: () => soakScenarioStack(dir, pgServer), clients, seconds, log: say });
      for (const line of formatFigures(f).split('\n')) report.push(`     ${line}`);
      check(f.errors === 0, `zero errors (${f.errors} of ${f.requests})`);
      check(f.recordsVerified === f.recordsWritten && f.recordsWritten > 0, `every record written is anchored and verified online (${f.recordsVerified} of ${f.recordsWritten})`);
      if (f.notVerified.length) report.push(`     not verified: ${f.notVerified.join('; ')}`);
    }
    if (phases.includes('levels')) await levelsPhase(dir, pgServer);
    if (phases.includes('tamper')) await tamperPhase(dir, pgServer);
  } finally {
    await pgServer.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

async function faultPhases(dir: string, pgServer: Awaited<ReturnType<typeof soakPostgres>>): Promise<void> {
  {
    // 1. Four validators.
    report.push('1. Four validators (chain/scripts/localnet4.sh), validators SIGKILLed:');
    const url = await freshDatabase(pgServer, 'soak_validators');
    say('starting the 4-validator network');
    const net = await startLocalnet4(dir);
    const committer = await ChainCommitter.create({ rpcUrl: net.rpcUrl(0), mnemonic: net.mnemonic(), retry: { maxElapsedMs: 600_000 } });
    const chain = committerChain(committer);
    const indexer = new Indexer({ databaseUrl: url, chain, policy: { maxRecords: 200, maxWaitMs: 50 } });
    await indexer.start();
    let w = writer(url, 0);
    while ((await anchoredBatches(url)) < 3) await sleep(200);
    check(true, `4 of 4 up: committing (${await anchoredBatches(url)} batches)`);

    await net.kill(3);
    const a1 = await anchoredBatches(url);
    await sleep(10_000);
    const a2 = await anchoredBatches(url);
    check(a2 > a1, `3 of 4 up (validator 3 SIGKILLed): commits continue, ${a2 - a1} batches in 10 s`);

    await net.kill(2);
    await sleep(3_000); // a block in flight may still finish
    const h0 = await net.height(0);
    const a3 = await anchoredBatches(url);
    await sleep(8_000);
    const h1 = await net.height(0);
    const a4 = await anchoredBatches(url);
    check(a4 === a3 && h1 <= h0 + 1, `2 of 4 up (validator 2 SIGKILLed too): commits pause (height ${h0} → ${h1}, anchored batches ${a3} → ${a4} in 8 s)`);

    const back = Date.now();
    await net.start(2);
    while ((await anchoredBatches(url)) <= a4 && Date.now() - back < 180_000) await sleep(200);
    const a5 = await anchoredBatches(url);
    check(a5 > a4, `validator 2 restarted: commits resume after ${((Date.now() - back) / 1000).toFixed(1)} s`);
    await net.start(3);
    let written = await w.stop();
    await waitAnchored(url, 300_000).catch((e: unknown) => check(false, String(e)));
    let c = await consistent(url, chain);
    check(c.ok && c.records === written, `validator 3 restarted: all ${written} records anchored in ${c.batches} batches, each on chain with the database's root${c.detail ? ` (${c.detail})` : ''}`);
    await indexer.stop();

    // 2. The indexer SIGKILLed at random moments, as a process, on the same network.
    report.push(`2. Indexer process SIGKILLed ${indexerKills} times at random moments while records arrive:`);
    w = writer(url, written);
    const started: RunningService[] = [];
    const launch = async () => {
      const port = await freePort();
      const svc = await startIndexer({
        port,
        logFile: path.join(dir, 'indexer.log'),
        env: { DATABASE_URL: url, LIANJIAN_RPC: net.rpcUrl(0), LIANJIAN_CHAIN_HOME: net.root, LIANJIAN_BATCH_MAX_RECORDS: '30', LIANJIAN_BATCH_MAX_WAIT_MS: '30' },
      });
      started.push(svc);
      return svc;
    };
    for (let k = 0; k < indexerKills; k++) {
      const svc = await launch();
      await sleep(200 + Math.random() * 2_800);
      await svc.kill();
    }
    const last = await launch();
    written = await w.stop();
    await waitAnchored(url, 300_000).catch((e: unknown) => check(false, String(e)));
    c = await consistent(url, chain);
    const attempts = await query<{ max: number; resent: number }>(url, `SELECT max(attempts)::int AS max, count(*) FILTER (WHERE attempts > 1)::int AS resent FROM batch`);
    check(
      c.ok && c.records === written,
      `after ${indexerKills} kills: all ${written} records anchored exactly once in ${c.batches} batches, chain agrees (batches sent more than once: ${attempts[0]!.resent}, each adopted, never committed twice)${c.detail ? ` (${c.detail})` : ''}`,
    );
    await last.stop();
    await net.stop();
    const totals = await anchoredAll(url);
    report.push(`   (validator and indexer phases: ${totals.total} records, ${totals.anchored} anchored)`);
  }
}

/** 4. A fifth level joins and becomes a validator, one leaves; anchoring never stops. */
async function levelsPhase(dir: string, pgServer: Awaited<ReturnType<typeof soakPostgres>>): Promise<void> {
  report.push('4. Levels: four levels anchor while a fifth joins, is approved and validates, and one leaves:');
  const url = await freshDatabase(pgServer, 'soak_levels');
  say('starting four levels (中央 centre, 省 province, 市 city, 县 county)');
  const net = await startNetwork({ root: path.join(dir, 'levels'), logDir: dir });
  const fifthName = '乡 township';
  let fifth: Awaited<ReturnType<typeof joinFullNode>> | undefined;
  const committer = await ChainCommitter.create({ rpcUrl: net.rpcUrl(0), mnemonic: net.submitterMnemonics()[0]!, retry: { maxElapsedMs: 600_000 } });
  const chain = committerChain(committer);
  const indexer = new Indexer({ databaseUrl: url, chain, policy: { maxRecords: 200, maxWaitMs: 50 } });
  try {
    await indexer.start();
    const w = writer(url, 0);
    // Commits from the indexer, timed per batch, to find the longest pause.
    const times: number[] = [];
    let last = 0;
    const watch = setInterval(() => {
      void anchoredBatches(url).then((n) => {
        if (n > last) times.push(Date.now());
        last = n;
      });
    }, 250);
    const sinceStart = () => (times.length ? times.reduce((m, t, i) => (i ? Math.max(m, t - times[i - 1]!) : m), 0) : Infinity);
    await sleep(Number(process.env.LIANJIAN_SOAK_LEVELS_WARMUP_S ?? 60) * 1000);
    fifth = await joinFullNode({ home: path.join(dir, 'level5'), genesisFile: net.genesisFile, peers: await net.peers(), moniker: 'township', logFile: path.join(dir, 'level5.log'), referenceRpc: net.rpcUrl(0) });
    const c = fifth.catchUp;
    check(true, `a fifth level joined as a full node and caught up ${c.blocks} blocks in ${(c.ms / 1000).toFixed(1)} s (${(c.blocks / (c.ms / 1000)).toFixed(0)} blocks/s incl. start-up)`);
    const p = await promote({ admin: net.admin, node: net.rpcUrl(0), levelHome: fifth.home, name: fifthName, log: say });
    check((await validatorSet(net.rpcUrl(0))).addresses.includes(fifth.address), `approved by the operator admin at height ${p.approvedAt} and a validator from height ${p.inSetFrom} (5 validators)`);
    await sleep(15_000);
    const gone = await leave({ levelHome: net.home(3), key: 'validator', node: net.rpcUrl(0) });
    const set = await validatorSet(net.rpcUrl(0));
    check(set.addresses.length === 4 && set.addresses.includes(fifth.address), `县 county left (unbonded at ${gone.height}, out of the set from ${gone.outFrom}); the set is 中央, 省, 市, 乡`);
    await sleep(15_000);
    const written = await w.stop();
    await waitAnchored(url, 300_000).catch((e: unknown) => check(false, String(e)));
    clearInterval(watch);
    const cons = await consistent(url, chain);
    check(cons.ok && cons.records === written, `all ${written} records anchored in ${cons.batches} batches, chain agrees; longest pause between two anchored batches ${(sinceStart() / 1000).toFixed(1)} s`);
    check(sinceStart() < 20_000, 'anchoring never stopped (no pause of 20 s or more)');

    // Every record written meanwhile, verified from the root of trust (the fifth level named).
    const root = { ...readTrustRoot(net.trustRootFile), names: { [fifth.address]: fifthName } };
    const checker = createChainChecker(net.rpcUrl(1), { lightClient: new LightClient(root, net.rpcUrl(1)) });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    let verified = 0;
    const failed: string[] = [];
    const signedByFifth = new Set<number>();
    const t = Date.now();
    try {
      const keys = (await client.query<{ type: string; entity_id: string; version: number }>('SELECT entity_type AS type, entity_id, version FROM outbox_record ORDER BY id')).rows;
      for (let i = 0; i < keys.length; i += 500) {
        const proofs = await getProofs(client, keys.slice(i, i + 500).map((k) => ({ type: k.type, id: k.entity_id, version: k.version })));
        for (const proof of proofs) {
          if (!proof?.bundle) {
            failed.push('a record without a bundle');
            continue;
          }
          const r = await verifyBundle(proof.bundle, { chain: checker });
          const trust = r.checks.find((x) => x.name === 'chain')?.trust;
          if (r.verified && trust?.mode === 'root') {
            verified++;
            if (trust.signers?.validators.some((v) => v.signed && v.name === fifthName)) signedByFifth.add(proof.bundle.batch.seq);
          } else failed.push(r.checks.filter((x) => !x.ok).map((x) => x.reason).join('; '));
        }
      }
    } finally {
      await client.end();
    }
    check(failed.length === 0 && verified === written, `every record written meanwhile verifies from the root of trust: ${verified} of ${written} in ${((Date.now() - t) / 1000).toFixed(0)} s; ${signedByFifth.size} batches signed by ${fifthName}${failed.length ? ` (first failure: ${failed[0]})` : ''}`);
  } finally {
    await indexer.stop().catch(() => undefined);
    await fifth?.service.stop().catch(() => undefined);
    await net.stop();
  }
}

/** A series' value in Prometheus text, summed over the label sets that contain `labels`. */
function metricValue(text: string, name: string, labels = ''): number | undefined {
  let found: number | undefined;
  for (const line of text.split('\n')) {
    const m = /^([a-z_]+)(\{[^}]*\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name || (labels && !(m[2] ?? '').includes(labels))) continue;
    found = (found ?? 0) + Number(m[3]);
  }
  return found;
}

const ms = (x: number) => `${(x / 1000).toFixed(1)} s`;
function spread(xs: number[]): string {
  if (xs.length === 0) return 'none';
  const s = [...xs].sort((a, b) => a - b);
  const median = s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  return `min ${ms(s[0]!)}, median ${ms(median)}, max ${ms(s[s.length - 1]!)}`;
}

/** One edit made behind the application's back, what it must raise, and how to take it back. */
interface Tamper {
  label: string;
  /** The edit: one statement, its one parameter the target. */
  edit: string;
  target: unknown;
  /** Kinds of tamper_alert any one of which is the auditor naming this edit. */
  kinds: string[];
  entityId?: string;
  batchSeq?: number;
  /** Batches whose findings this edit may also cause (a changed root breaks the next batch's link). */
  reserve: number[];
  undo: string;
  undoValues: unknown[];
}

const TAMPER_KINDS = ['row', 'document', 'level', 'root', 'deletion'] as const;

/**
 * 5. The continuous auditor (issue #24) against tampering, while the organisation keeps writing and
 * anchoring: the indexer runs as the process `npm start` runs, auditing at the production pace, and
 * rows and proof layers are changed in SQL as someone with superuser access would (triggers off, as
 * in test/reliability/tamper.int.test.ts). Each edit must come back as a tamper_alert naming it and
 * as lianjian_indexer_tamper_alerts in /metrics (what the TamperAlert rule pages on); the delay from
 * the edit to each is measured. Nothing untouched may be reported, and once the edits are undone
 * and the alerts resolved the next full passes must be clean.
 */
async function tamperPhase(dir: string, pgServer: Awaited<ReturnType<typeof soakPostgres>>): Promise<void> {
  const edits = Number(process.env.LIANJIAN_SOAK_TAMPERS ?? 10);
  const members = Number(process.env.LIANJIAN_SOAK_TAMPER_MEMBERS ?? 300);
  const rate = process.env.LIANJIAN_SOAK_AUDIT_RATE ?? '20000';
  const intervalMs = Number(process.env.LIANJIAN_SOAK_AUDIT_INTERVAL_MS ?? 10_000);
  report.push(`5. Tamper: ${edits} edits in SQL (rows, documents, tree levels, roots, deleted rows) while records are written and anchored; continuous auditor at ${rate} records/s, passes ${intervalMs / 1000} s apart:`);
  const url = await freshDatabase(pgServer, 'soak_tamper');
  say(`seeding ${members} members for the tamper phase`);
  await seed(url, { members, progress: false, workers: 0 });
  const chain = await killableChain(path.join(dir, 'tamper'));
  const port = await freePort();
  const indexerUrl = `http://127.0.0.1:${port}`;
  const indexer = await startIndexer({
    port,
    logFile: path.join(dir, 'indexer-tamper.log'),
    env: {
      DATABASE_URL: url,
      LIANJIAN_RPC: chain.rpcUrl,
      LIANJIAN_CHAIN_HOME: chain.home,
      // The batch policy is the production default: how many batches accrue is what a pass costs.
      LIANJIAN_AUDIT_RECORDS_PER_SECOND: rate,
      LIANJIAN_AUDIT_PASS_INTERVAL_MS: String(intervalMs),
    },
  });
  const metrics = async () => (await fetch(`${indexerUrl}/metrics`)).text();
  const passes = async () => metricValue(await metrics(), 'lianjian_audit_full_passes_total') ?? 0;
  const untilPasses = async (n: number, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    while ((await passes()) < n) {
      if (Date.now() > deadline) throw new Error(`the continuous auditor did not complete pass ${n} within ${timeoutMs / 1000} s`);
      await sleep(250);
    }
  };
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  let w: { stop(): Promise<number> } | undefined;
  try {
    await waitAnchored(url, 600_000);
    // A baseline pass that began after the seed was anchored (the one under way may have begun before).
    await untilPasses((await passes()) + 2, 600_000);
    const base = await metrics();
    const passSeconds = metricValue(base, 'lianjian_audit_last_full_pass_seconds') ?? 0;
    const records0 = (await anchoredAll(url)).total;
    check(
      (metricValue(base, 'lianjian_audit_mismatches_total') ?? 0) === 0 && metricValue(base, 'lianjian_indexer_tamper_alerts') === 0,
      `baseline: ${members} members, ${records0} records anchored; a full pass in ${passSeconds.toFixed(1)} s found nothing`,
    );

    // Records keep arriving (and being anchored and re-verified as anchored) throughout. They are of
    // a type with no table, so the row audit has nothing to compare them with — as for the drill's probe.
    const org = (await db.query<{ id: string }>('SELECT id::text FROM org_unit ORDER BY id LIMIT 1')).rows[0]!.id;
    w = probeWriter(url, org);

    // Without a bound every missed edit would hang the soak: three times a pass plus the interval, and
    // slack. Passes grow as batches arrive (each batch's anchor is read from the chain every pass),
    // so the bound follows the last pass, not the first.
    const bound = async () => 3 * ((metricValue(await metrics(), 'lianjian_audit_last_full_pass_seconds') ?? passSeconds) * 1000 + intervalMs) + 30_000;
    const usedEntities: string[] = [];
    const usedBatches: number[] = [];
    const done: Tamper[] = [];
    const rowDelays: number[] = [];
    const metricDelays: number[] = [];
    const byKind: Record<string, number[]> = {};
    const missed: string[] = [];
    await db.query('SET session_replication_role = replica');
    for (let i = 0; i < edits; i++) {
      // At a random moment of the pass cycle, so the delays sample it rather than one phase of it.
      const timeoutMs = await bound();
      await sleep(Math.random() * (timeoutMs - 30_000) / 3);
      const kind = TAMPER_KINDS[i % TAMPER_KINDS.length]!;
      const t = await makeTamper(db, kind, usedEntities, usedBatches);
      if (t.entityId) usedEntities.push(t.entityId);
      usedBatches.push(...t.reserve);
      const lastAlert = Number((await db.query<{ id: string | null }>('SELECT max(id)::text AS id FROM tamper_alert')).rows[0]!.id ?? 0);
      await db.query('BEGIN');
      const edited = await db.query(t.edit, [t.target]);
      await db.query('COMMIT');
      if (edited.rowCount !== 1) throw new Error(`${t.label}: the edit changed ${edited.rowCount} rows, not 1`);
      const t0 = performance.now();
      done.push(t);
      let rowAt: number | undefined;
      let metricAt: number | undefined;
      while (metricAt === undefined && performance.now() - t0 < timeoutMs) {
        if (rowAt === undefined) {
          const hit = await db.query(
            `SELECT 1 FROM tamper_alert WHERE id > $1 AND resolved_at IS NULL AND kind = ANY($2::text[])
                AND (entity_id = $3::uuid OR batch_seq = $4::int) LIMIT 1`,
            [lastAlert, t.kinds, t.entityId ?? null, t.batchSeq ?? null],
          );
          if (hit.rowCount) rowAt = performance.now();
        }
        // The page: the gauge Prometheus scrapes counts this alert (at least every open one counted
        // when the row was seen). Another edit's later findings cannot stand in for it.
        if (rowAt !== undefined) {
          const openNow = Number((await db.query<{ n: string }>('SELECT count(*)::text AS n FROM tamper_alert WHERE resolved_at IS NULL')).rows[0]!.n);
          if ((metricValue(await metrics(), 'lianjian_indexer_tamper_alerts') ?? 0) >= openNow) metricAt = performance.now();
        }
        if (metricAt === undefined) await sleep(100);
      }
      const label = t.label;
      if (rowAt === undefined || metricAt === undefined) {
        missed.push(label);
        say(`NOT DETECTED within ${ms(timeoutMs)}: ${label}`);
        continue;
      }
      rowDelays.push(rowAt - t0);
      metricDelays.push(metricAt - t0);
      (byKind[kind] ??= []).push(rowAt - t0);
      say(`tamper ${i + 1}/${edits} (${label}): alert row after ${ms(rowAt - t0)}, /metrics after ${ms(metricAt - t0)}`);
    }
    const written = await w.stop();
    w = undefined;
    check(missed.length === 0, `every edit raised its alert: ${edits - missed.length} of ${edits}${missed.length ? ` (missed: ${missed.join('; ')})` : ''}`);
    report.push(`     edit → tamper_alert row: ${spread(rowDelays)}`);
    report.push(`     edit → counted by lianjian_indexer_tamper_alerts in /metrics: ${spread(metricDelays)}`);
    report.push(`     by kind (alert row): ${Object.entries(byKind).map(([k, xs]) => `${k} ${xs.map((x) => ms(x)).join(', ')}`).join('; ')}`);
    const lastPass = metricValue(await metrics(), 'lianjian_audit_last_full_pass_seconds') ?? 0;
    report.push(`     (bound: a pass plus the ${intervalMs / 1000} s interval; a pass took ${passSeconds.toFixed(1)} s at the start, ${lastPass.toFixed(1)} s at the end, as batches accumulated)`);

    // Every open alert names something edited: a clean record or batch reported would be a false alarm.
    // (A changed root also breaks the next batch's link: that batch was reserved with it.)
    const open = (await db.query<{ kind: string; entity_id: string | null; batch_seq: number | null }>(
      'SELECT kind, entity_id::text, batch_seq FROM tamper_alert WHERE resolved_at IS NULL',
    )).rows;
    const stray = open.filter((a) => !(a.entity_id && usedEntities.includes(a.entity_id)) && !(a.batch_seq !== null && usedBatches.includes(a.batch_seq)));
    check(stray.length === 0, `no false alarm: all ${open.length} open alerts name an edited row, record or batch${stray.length ? ` (stray: ${JSON.stringify(stray.slice(0, 3))})` : ''}`);

    // Undo, in reverse order, then resolve the alerts as an administrator would after investigating.
    // The pass under way may have read an edit before the undo: let it finish, resolve, and judge
    // only by a pass that began after it (p1 + 1 ≥ p0 + 2).
    for (const t of [...done].reverse()) await db.query(t.undo, t.undoValues);
    const p0 = await passes();
    await untilPasses(p0 + 1, await bound());
    await db.query('UPDATE tamper_alert SET resolved_at = now() WHERE resolved_at IS NULL');
    const before = metricValue(await metrics(), 'lianjian_audit_mismatches_total') ?? 0;
    const p1 = await passes();
    await untilPasses(p1 + 1, await bound());
    const after = await metrics();
    const reopened = Number((await db.query<{ n: string }>('SELECT count(*)::text AS n FROM tamper_alert WHERE resolved_at IS NULL')).rows[0]!.n);
    check(
      reopened === 0 && metricValue(after, 'lianjian_indexer_tamper_alerts') === 0 && (metricValue(after, 'lianjian_audit_mismatches_total') ?? 0) === before,
      `edits undone and alerts resolved: the next full pass found nothing (open alerts ${reopened}, mismatches ${before} → ${metricValue(after, 'lianjian_audit_mismatches_total') ?? 0})`,
    );
    // After the undo: the ledger invariants read the stored roots and links the edits changed.
    await waitAnchored(url, 300_000).catch((e: unknown) => check(false, String(e)));
    const c = await consistent(url, committerChain(await ChainCommitter.create({ rpcUrl: chain.rpcUrl, mnemonic: chain.mnemonics()[0]! })));
    // The anchor check polls every second: give it a few to reach the last batch.
    let lastSeq: number | undefined;
    for (let k = 0; k < 120 && lastSeq !== c.batches; k++) {
      lastSeq = metricValue(await metrics(), 'lianjian_audit_last_verified_seq');
      if (lastSeq !== c.batches) await sleep(250);
    }
    check(
      c.records === records0 + written && (await anchoredAll(url)).anchored === c.records && lastSeq === c.batches,
      `anchoring went on meanwhile: ${written} records written during the edits, all ${c.records} anchored in ${c.batches} batches, each re-verified as anchored (last verified seq ${lastSeq})${c.detail ? ` (${c.detail})` : ''}`,
    );
  } finally {
    await w?.stop().catch(() => undefined);
    await db.end().catch(() => undefined);
    await indexer.stop().catch(() => undefined);
    await chain.stop().catch(() => undefined);
  }
}

/** Picks a target not yet used and prepares the edit and its undo (the original values kept). */
async function makeTamper(db: pg.Client, kind: (typeof TAMPER_KINDS)[number], usedEntities: string[], usedBatches: number[]): Promise<Tamper> {
  // Settled batches only: the last few are being re-verified as anchored and the next one links to
  // the head's root — changing the head would stop anchoring, not test the auditor.
  const settled = `b.status = 'ANCHORED' AND b.seq <= (SELECT max(seq) FROM batch) - 3 AND b.seq <> ALL($1::int[])`;
  switch (kind) {
    case 'row': {
      const r = (await db.query<{ id: string; name: string }>('SELECT id::text, name FROM member WHERE id <> ALL($1::uuid[]) ORDER BY random() LIMIT 1', [usedEntities])).rows[0]!;
      return {
        label: `member ${r.id.slice(0, 8)} renamed`,
        edit: `UPDATE member SET name = name || '（改）' WHERE id = $1`,
        kinds: ['ROW_MISMATCH'],
        entityId: r.id,
        reserve: [],
        undo: 'UPDATE member SET name = $2 WHERE id = $1',
        target: r.id,
        undoValues: [r.id, r.name],
      };
    }
    case 'deletion': {
      const r = (await db.query<{ id: string; row: unknown }>('SELECT id::text, row_to_json(m) AS row FROM member m WHERE id <> ALL($1::uuid[]) ORDER BY random() LIMIT 1', [usedEntities])).rows[0]!;
      return {
        label: `member ${r.id.slice(0, 8)} deleted`,
        edit: `DELETE FROM member WHERE id = $1`,
        kinds: ['RECORD_WITHOUT_ROW'],
        entityId: r.id,
        reserve: [],
        undo: 'INSERT INTO member SELECT * FROM json_populate_record(NULL::member, $1::json)',
        target: r.id,
        undoValues: [JSON.stringify(r.row)],
      };
    }
    case 'document': {
      const r = (await db.query<{ id: string; entity_id: string; seq: number; document: string }>(
        `SELECT o.id::text, o.entity_id::text, b.seq, o.document FROM outbox_record o JOIN record_position rp ON rp.record_id = o.id JOIN batch b ON b.seq = rp.batch_seq
          WHERE ${settled} AND o.entity_id <> ALL($2::uuid[]) AND position('"version":' in o.document) > 0 ORDER BY random() LIMIT 1`,
        [usedBatches, usedEntities],
      )).rows[0]!;
      return {
        label: `stored document of ${r.entity_id.slice(0, 8)} in batch ${r.seq} changed`,
        edit: `UPDATE outbox_record SET document = replace(document, '"version":', '"version" :') WHERE id = $1`,
        kinds: ['LEAF_MISMATCH', 'DOCUMENT_INVALID'],
        entityId: r.entity_id,
        reserve: [r.seq],
        undo: 'UPDATE outbox_record SET document = $2 WHERE id = $1',
        target: r.id,
        undoValues: [r.id, r.document],
      };
    }
    case 'level': {
      const r = (await db.query<{ seq: number; hashes: Buffer }>(
        `SELECT b.seq, l.hashes FROM batch b JOIN batch_level l ON l.batch_seq = b.seq AND l.level = 1 WHERE ${settled} ORDER BY random() LIMIT 1`,
        [usedBatches],
      )).rows[0]!;
      return {
        label: `tree level 1 of batch ${r.seq} changed`,
        edit: `UPDATE batch_level SET hashes = set_byte(hashes, 0, get_byte(hashes, 0) # 255) WHERE batch_seq = $1 AND level = 1`,
        kinds: ['LEVEL_MISMATCH'],
        batchSeq: r.seq,
        reserve: [r.seq - 1, r.seq, r.seq + 1],
        undo: 'UPDATE batch_level SET hashes = $2 WHERE batch_seq = $1 AND level = 1',
        target: r.seq,
        undoValues: [r.seq, r.hashes],
      };
    }
    case 'root': {
      const r = (await db.query<{ seq: number; root: Buffer }>(`SELECT b.seq, b.root FROM batch b WHERE ${settled} ORDER BY random() LIMIT 1`, [usedBatches])).rows[0]!;
      return {
        label: `root of batch ${r.seq} changed`,
        edit: `UPDATE batch SET root = sha256(root) WHERE seq = $1`,
        kinds: ['ROOT_MISMATCH', 'CHAIN_MISMATCH'],
        batchSeq: r.seq,
        reserve: [r.seq - 1, r.seq, r.seq + 1],
        undo: 'UPDATE batch SET root = $2 WHERE seq = $1',
        target: r.seq,
        undoValues: [r.seq, r.root],
      };
    }
  }
}

/** Appends probe records (a type with no table) every 100 ms, as in the restore drill. */
function probeWriter(url: string, org: string): { stop(): Promise<number> } {
  let n = 0;
  let on = true;
  const loop = (async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      while (on) {
        await c.query('BEGIN');
        await appendRecords(c, Array.from({ length: 5 }, (_, i) => ({ type: 'Probe', id: randomUUID(), version: 1, org, actor: 'system', data: { soak: 'tamper', n: n + i } })));
        await c.query('COMMIT');
        n += 5;
        await sleep(100);
      }
    } finally {
      await c.end();
    }
  })();
  return {
    async stop() {
      on = false;
      await loop;
      return n;
    },
  };
}

main()
  .catch((error: unknown) => {
    failures.push(error instanceof Error ? error.stack ?? error.message : String(error));
    report.push(`  ✗ aborted: ${error instanceof Error ? error.message : String(error)}`);
  })
  .finally(() => {
    process.stdout.write(`\nSoak report (${((Date.now() - t0) / 1000).toFixed(0)} s):\n${report.join('\n')}\n`);
    process.stdout.write(failures.length ? `\nsoak: ${failures.length} check(s) FAILED\n` : '\nsoak: all checks passed\n');
    process.exit(failures.length ? 1 : 0);
  });
