// The auditor running inside the indexer, so that tampering is found without anyone typing
// `npm run audit`:
//
// - **As anchored**: every batch is re-verified soon after it is marked ANCHORED — its leaves
//   re-derived from the stored documents, its tree rebuilt and compared with the stored levels and
//   root, its link to the previous batch, and the chain's copy read with a verified read (ICS23
//   proof against a signed header, and the anchor transaction).
// - **Rolling**: a full walk over every batch (the same checks, chain included) and every verifiable
//   row (against its latest record), at a bounded pace (records per second), pass after pass. A
//   block's copy read and verified once is kept: later passes compare the stored batch with it
//   rather than asking the chain again (about 26 ms a batch, which made every pass longer than the
//   last as batches piled up).
//
// Findings go where `npm run audit`'s go — tamper_alert rows (the admin page /admin/tamper) — and
// into /metrics (lianjian_audit_mismatches_total, and lianjian_indexer_tamper_alerts counts the
// open rows), where the TamperAlert rule in ops/prometheus pages the administrators.
import { AnchorReader } from '@lianjian/verify/chain';
import type pg from 'pg';
import {
  checkBatchGroup,
  checkBatchLinks,
  checkOnChain,
  checkOrphanRecords,
  checkTableChunk,
  FIRST_ID,
  Findings,
  loadBatches,
  type BatchRow,
  type ChainCopies,
  type Mismatch,
} from './audit.js';
import { ConfigError } from './config.js';
import { silentLogger, type Logger } from './log.js';
import type { IndexerMetrics } from './metrics.js';
import { verifiableTables } from './records.js';

export interface ContinuousAuditOptions {
  pool: pg.Pool;
  metrics: IndexerMetrics;
  /** CometBFT RPC for the chain checks; omitted: the chain is not consulted. */
  rpcUrl?: string;
  log?: Logger;
  /** Re-verify each batch as it is anchored (default true). */
  verifyAnchored?: boolean;
  /** How often newly anchored batches are looked for (default 1 000 ms). */
  pollMs?: number;
  /** Pace of the rolling audit in records (and rows) per second; 0 turns it off (default 20 000). */
  recordsPerSecond?: number;
  /** Pause between the end of a rolling pass and the start of the next (default 60 000 ms). */
  passIntervalMs?: number;
  /** Records or rows per rolling step (default 5 000). */
  chunkSize?: number;
  /** First seq the anchor check looks at (default: the batch after the last anchored at start). */
  fromSeq?: number;
  /** Told of each finding (tests). */
  onFinding?: (m: Mismatch) => void;
}

export interface PassReport {
  records: number;
  batches: number;
  rows: number;
  mismatches: number;
  elapsedMs: number;
}

const ANCHOR_GROUP = 50;

export class ContinuousAuditor {
  private stopping = false;
  private readonly wakers = new Set<() => void>();
  private loops: Promise<void>[] = [];
  private readonly readers = new Map<string, AnchorReader>();
  /** Verified chain copies: rolling passes after the first do not re-read committed blocks. */
  private readonly chainCopies: ChainCopies = new Map();
  private readonly log: Logger;
  /** The last batch re-verified as anchored. */
  lastVerifiedSeq = 0;
  passes = 0;
  lastPass: PassReport | undefined;

  constructor(private readonly opts: ContinuousAuditOptions) {
    this.log = opts.log ?? silentLogger;
    if (opts.fromSeq !== undefined) this.lastVerifiedSeq = opts.fromSeq - 1;
  }

  /** Starts the loops in the background; a database that is down now delays them, never fails the start. */
  async start(): Promise<void> {
    if (this.opts.verifyAnchored !== false) this.loops.push(this.anchorLoop());
    if ((this.opts.recordsPerSecond ?? 20_000) > 0) this.loops.push(this.rollingLoop());
    this.log.info('continuous audit started', {
      anchored: this.opts.verifyAnchored !== false,
      recordsPerSecond: this.opts.recordsPerSecond ?? 20_000,
      passIntervalMs: this.opts.passIntervalMs ?? 60_000,
      chain: this.opts.rpcUrl ? 'checked' : 'skipped',
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    for (const w of this.wakers) w();
    await Promise.allSettled(this.loops);
  }

  /** A sleep that stop() cuts short. */
  private sleep(ms: number): Promise<void> {
    if (this.stopping || ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(t);
        this.wakers.delete(done);
        resolve();
      };
      const t = setTimeout(done, ms);
      this.wakers.add(done);
    });
  }

  private findings(): Findings {
    const m = this.opts.metrics.audit;
    return new Findings(this.opts.pool, true, (f) => {
      m.mismatches.inc(1, { kind: f.kind });
      m.lastMismatch.set(Date.now() / 1000);
      this.log.error('tamper: audit mismatch', { kind: f.kind, entityType: f.entityType, entityId: f.entityId, batchSeq: f.batchSeq, detail: f.detail });
      this.opts.onFinding?.(f);
    });
  }

  private reader(chainId: string | null): AnchorReader {
    const key = chainId ?? '';
    let r = this.readers.get(key);
    if (!r) this.readers.set(key, (r = new AnchorReader(this.opts.rpcUrl!, chainId ? { chainId } : {})));
    return r;
  }

  private async checkChain(batches: BatchRow[], findings: Findings): Promise<void> {
    if (!this.opts.rpcUrl) return;
    for (const b of batches) {
      if (b.status !== 'ANCHORED') continue;
      const problem = await checkOnChain(this.reader(b.chain_id), b, this.chainCopies);
      if (problem) findings.add({ kind: 'CHAIN_MISMATCH', batchSeq: b.seq, detail: problem });
    }
  }

  /** Re-verifies the anchored batches after lastVerifiedSeq, in seq order; returns how many. */
  async verifyNewlyAnchored(): Promise<number> {
    const from = this.lastVerifiedSeq + 1;
    const found = await loadBatches(this.opts.pool, { from, to: from + ANCHOR_GROUP - 1 }, 'ANCHORED');
    // Only a contiguous run from `from`: anchoring is in seq order, so a gap is a batch not anchored yet.
    const run: BatchRow[] = [];
    for (const b of found) {
      if (b.seq !== from + run.length) break;
      run.push(b);
    }
    if (run.length === 0) return 0;
    const before = from > 1 ? (await loadBatches(this.opts.pool, { from: from - 1, to: from - 1 }))[0] : undefined;
    const findings = this.findings();
    checkBatchLinks(run, before, findings);
    let records = 0;
    for (const b of run) records += await checkBatchGroup(this.opts.pool, [b], findings);
    await this.checkChain(run, findings);
    await findings.flush();
    const m = this.opts.metrics.audit;
    m.batchesVerified.inc(run.length, { check: 'anchor' });
    m.recordsChecked.inc(records, { check: 'anchor' });
    this.lastVerifiedSeq = run[run.length - 1]!.seq;
    m.lastVerifiedSeq.set(this.lastVerifiedSeq);
    return run.length;
  }

  private anchorLoop(): Promise<void> {
    // Without fromSeq, batches anchored before this process started are left to the rolling audit.
    let positioned = this.opts.fromSeq !== undefined;
    return this.untilStopped('anchor', 30_000, 'continuous audit: anchored-batch check failed; will retry', async () => {
      if (!positioned) {
        const { rows } = await this.opts.pool.query<{ seq: number | null }>(`SELECT max(seq) AS seq FROM batch WHERE status = 'ANCHORED'`);
        this.lastVerifiedSeq = rows[0]?.seq ?? 0;
        positioned = true;
      }
      const n = await this.verifyNewlyAnchored();
      return n < ANCHOR_GROUP ? (this.opts.pollMs ?? 1_000) : 0;
    });
  }

  private rollingLoop(): Promise<void> {
    return this.untilStopped('rolling', 60_000, 'continuous audit: rolling pass failed; will restart it', async () => {
      await this.rollingPass();
      return this.opts.passIntervalMs ?? 60_000;
    });
  }

  /** Runs step until stopped, sleeping the ms it returns; a failure is counted and retried with a doubling backoff. */
  private async untilStopped(check: 'anchor' | 'rolling', maxBackoffMs: number, failed: string, step: () => Promise<number>): Promise<void> {
    let backoff = 1_000;
    while (!this.stopping) {
      try {
        const pause = await step();
        backoff = 1_000;
        if (pause > 0) await this.sleep(pause);
      } catch (error) {
        if (this.stopping) return;
        this.opts.metrics.audit.errors.inc(1, { check });
        this.log.warn(failed, { error, retryInMs: backoff });
        await this.sleep(backoff);
        backoff = Math.min(backoff * 2, maxBackoffMs);
      }
    }
  }

  /** Waits so that `n` items of work take at least n / recordsPerSecond seconds from `since`. */
  private async pace(n: number, since: number): Promise<void> {
    const rate = this.opts.recordsPerSecond ?? 20_000;
    if (rate <= 0) return;
    await this.sleep((n / rate) * 1000 - (performance.now() - since));
  }

  /** One full walk: every batch (log, tree, link, chain), then every verifiable row. */
  async rollingPass(): Promise<PassReport> {
    const t0 = performance.now();
    const pool = this.opts.pool;
    const chunk = this.opts.chunkSize ?? 5_000;
    const m = this.opts.metrics.audit;
    const findings = this.findings();
    let mismatches = 0;
    const count = () => (mismatches = findings.total);
    m.passProgress.set(0);

    const batches = await loadBatches(pool);
    checkBatchLinks(batches, undefined, findings);
    const totalRecords = batches.reduce((a, b) => a + b.size, 0);
    let records = 0;
    for (let i = 0; i < batches.length && !this.stopping; ) {
      let j = i;
      let n = 0;
      while (j < batches.length && (j === i || n + batches[j]!.size <= chunk)) n += batches[j++]!.size;
      const group = batches.slice(i, j);
      i = j;
      const t = performance.now();
      const done = await checkBatchGroup(pool, group, findings);
      await this.checkChain(group, findings);
      await findings.flush();
      records += done;
      m.batchesVerified.inc(group.length, { check: 'rolling' });
      m.recordsChecked.inc(done, { check: 'rolling' });
      m.passProgress.set(totalRecords ? (records / totalRecords) * 0.5 : 0.5);
      await this.pace(done, t);
    }

    const tables = verifiableTables();
    let rows = 0;
    for (const [k, table] of tables.entries()) {
      let last = FIRST_ID;
      while (!this.stopping) {
        const t = performance.now();
        const c = await checkTableChunk(pool, table, last, chunk, findings);
        await findings.flush();
        rows += c.checked;
        m.rowsChecked.inc(c.checked);
        await this.pace(c.checked, t);
        if (c.checked < chunk) break;
        last = c.last;
      }
      if (this.stopping) break;
      await checkOrphanRecords(pool, table, findings);
      await findings.flush();
      m.passProgress.set(0.5 + ((k + 1) / tables.length) * 0.5);
    }
    count();
    const report: PassReport = { records, batches: batches.length, rows, mismatches, elapsedMs: performance.now() - t0 };
    if (!this.stopping) {
      this.passes++;
      this.lastPass = report;
      m.passes.inc();
      m.lastPassEnd.set(Date.now() / 1000);
      m.lastPassSeconds.set(report.elapsedMs / 1000);
      this.log.info('continuous audit: full pass done', { ...report, elapsedMs: Math.round(report.elapsedMs) });
    }
    return report;
  }
}

/** The continuous auditor's settings from the environment (see docs/operations.md). */
export function auditSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): {
  enabled: boolean;
  verifyAnchored: boolean;
  recordsPerSecond: number;
  passIntervalMs: number;
  chunkSize: number;
} {
  const num = (name: string, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < 0) throw new ConfigError(`${name} must be a number ≥ 0, got "${raw}"`);
    return n;
  };
  return {
    enabled: env.LIANJIAN_AUDIT !== 'off',
    verifyAnchored: env.LIANJIAN_AUDIT_ANCHORED !== 'off',
    recordsPerSecond: num('LIANJIAN_AUDIT_RECORDS_PER_SECOND', 20_000),
    passIntervalMs: num('LIANJIAN_AUDIT_PASS_INTERVAL_MS', 60_000),
    chunkSize: Math.max(1, Math.floor(num('LIANJIAN_AUDIT_CHUNK', 5_000))),
  };
}
