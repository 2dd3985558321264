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
//      record written meanwhile verifies from the root of trust (scripts/lib/levels.ts).
// Environment: LIANJIAN_SOAK_SECONDS, LIANJIAN_SOAK_INDEXER_KILLS (default 12), LIANJIAN_SOAK_CLIENTS (64),
// LIANJIAN_SOAK_PHASES (default validators,indexer,load,levels).
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '@lianjian/db/postgres';
import { committerChain, Indexer, type AnchorChain } from '@lianjian/indexer';
import { bytesEqual } from '@lianjian/verify';
import { ChainCommitter } from '@lianjian/indexer/chain';
import { ledgerInvariants, withClient, writeRecords } from '../indexer/test/helpers.js';
import { formatFigures, loadScenario } from '../test/reliability/lib/scenario.js';
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
  const phases = (process.env.LIANJIAN_SOAK_PHASES ?? 'validators,indexer,load,levels').split(',');
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
