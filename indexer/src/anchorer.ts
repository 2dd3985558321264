// Anchors built batches on chain, strictly in seq order, one at a time. The chain's seq is the
// database's seq, so recovery is a comparison: before committing batch k the chain is asked for
// its latest batch. If the chain already has k (the previous process committed it and died
// before recording that), the anchor is adopted from the chain instead of committing twice.
import { bytesEqual, toHex } from '@lianjian/verify';
import type pg from 'pg';
import type { AnchorChain, AnchorResult, BatchToCommit, ChainBatchInfo } from './anchor-chain.js';
import { PrevRootMismatchError, SeqOutOfOrderError, InclusionTimeoutError } from './chain/index.js';
import type { FaultHook } from './faults.js';
import type { Logger } from './log.js';
import type { IndexerMetrics } from './metrics.js';

export interface PendingBatch extends BatchToCommit {
  builtAt: number;
}

/** The chain holds something else for a seq than the database does: anchoring must stop. */
export class AnchorConflictError extends Error {
  constructor(
    readonly seq: number,
    readonly kind: 'ANCHOR_CONFLICT' | 'CHAIN_BEHIND',
    message: string,
  ) {
    super(message);
    this.name = 'AnchorConflictError';
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class Anchorer {
  private readonly queue: PendingBatch[] = [];
  private wake: (() => void) | undefined;
  private stopping = false;
  /** Set when the chain disagrees with the database; cleared only by a restart. */
  conflict: AnchorConflictError | undefined;
  lastError: string | undefined;
  chainLatestSeq: number | undefined;
  lastAnchoredSeq = 0;

  constructor(
    private readonly pool: pg.Pool,
    private readonly chain: AnchorChain,
    private readonly log: Logger,
    private readonly metrics: IndexerMetrics,
    private readonly fault: FaultHook,
  ) {}

  /** Batches built but not anchored (this process's view). */
  get backlog(): number {
    return this.queue.length;
  }

  /** Loads the batches a previous process left unanchored. */
  async load(): Promise<void> {
    const { rows } = await this.pool.query<{ seq: number; size: number; root: Buffer; prev_root: Buffer }>(
      `SELECT seq, size, root, prev_root FROM batch WHERE status <> 'ANCHORED' ORDER BY seq`,
    );
    for (const r of rows) {
      this.queue.push({ seq: r.seq, size: r.size, root: new Uint8Array(r.root), prevRoot: new Uint8Array(r.prev_root), builtAt: Date.now() });
    }
    const last = await this.pool.query<{ seq: number | null }>(`SELECT max(seq) AS seq FROM batch WHERE status = 'ANCHORED'`);
    this.lastAnchoredSeq = last.rows[0]?.seq ?? 0;
    if (rows.length > 0) this.log.info('unanchored batches to reconcile', { from: rows[0]!.seq, to: rows[rows.length - 1]!.seq });
  }

  enqueue(batch: PendingBatch): void {
    this.queue.push(batch);
    this.wake?.();
  }

  stop(): void {
    this.stopping = true;
    this.wake?.();
  }

  async run(): Promise<void> {
    let backoff = 200;
    while (!this.stopping) {
      const next = this.queue[0];
      if (!next || this.conflict) {
        await new Promise<void>((resolve) => {
          this.wake = resolve;
          setTimeout(resolve, this.conflict ? 5_000 : 1_000);
        });
        this.wake = undefined;
        continue;
      }
      try {
        await this.anchor(next);
        this.queue.shift();
        this.lastError = undefined;
        backoff = 200;
      } catch (error) {
        if (this.stopping) return;
        const message = error instanceof Error ? error.message : String(error);
        this.lastError = message;
        this.metrics.commitErrors.inc(1, { error: error instanceof Error ? error.name : 'unknown' });
        await this.pool.query(`UPDATE batch SET last_error = $2, updated_at = now() WHERE seq = $1 AND status <> 'ANCHORED'`, [next.seq, message]).catch(() => {});
        if (error instanceof AnchorConflictError) {
          this.conflict = error;
          this.log.error('anchoring halted: chain and database disagree', { seq: error.seq, kind: error.kind, error });
          await this.raiseAlert(error);
          continue;
        }
        this.log.warn('batch commit failed; will retry', { seq: next.seq, retryInMs: backoff, error });
        await sleep(backoff);
        backoff = Math.min(backoff * 2, 10_000);
      }
    }
  }

  private async anchor(b: PendingBatch): Promise<void> {
    const latest = await this.chain.latest();
    this.chainLatestSeq = latest.seq;
    if (latest.seq >= b.seq) {
      const onChain = latest.seq === b.seq ? latest.batch : await this.chain.getBatch(b.seq);
      if (!onChain) throw new Error(`chain reports latest seq ${latest.seq} but no batch ${b.seq}`);
      return this.adopt(b, onChain);
    }
    if (latest.seq < b.seq - 1) {
      throw new AnchorConflictError(
        b.seq,
        'CHAIN_BEHIND',
        `the chain's latest batch is ${latest.seq}, but the database has anchored batches up to ${b.seq - 1}: the chain was reset or is another chain`,
      );
    }
    if (latest.batch && !bytesEqual(latest.batch.root, b.prevRoot)) {
      throw new AnchorConflictError(
        b.seq,
        'ANCHOR_CONFLICT',
        `chain batch ${latest.seq} has root ${toHex(latest.batch.root)}, but batch ${b.seq} links to ${toHex(b.prevRoot)}`,
      );
    }
    await this.pool.query(`UPDATE batch SET status = 'SUBMITTED', attempts = attempts + 1, submitted_at = now(), updated_at = now() WHERE seq = $1 AND status <> 'ANCHORED'`, [b.seq]);
    await this.fault('before-broadcast', { seq: b.seq });
    let result: AnchorResult;
    try {
      result = await this.chain.commit(b);
    } catch (error) {
      // Another send of this batch (from a previous process, or lost on the way back) may have
      // landed first: then the chain has it, and the anchor is adopted.
      if (error instanceof SeqOutOfOrderError || error instanceof PrevRootMismatchError || error instanceof InclusionTimeoutError) {
        const onChain = await this.chain.getBatch(b.seq);
        if (onChain) return this.adopt(b, onChain);
      }
      throw error;
    }
    await this.fault('after-broadcast', { seq: b.seq, height: result.height });
    await this.markAnchored(b, result);
  }

  private async adopt(b: PendingBatch, onChain: ChainBatchInfo): Promise<void> {
    if (!bytesEqual(onChain.root, b.root) || onChain.size !== b.size || !bytesEqual(onChain.prevRoot, b.prevRoot)) {
      throw new AnchorConflictError(
        b.seq,
        'ANCHOR_CONFLICT',
        `chain batch ${b.seq} is root ${toHex(onChain.root)} size ${onChain.size}; the database has root ${toHex(b.root)} size ${b.size}`,
      );
    }
    const txHash = await this.chain.findCommitTx(b.seq, b.root, onChain.height);
    if (!txHash) throw new Error(`batch ${b.seq} is on chain at height ${onChain.height}, but no successful transaction there commits it`);
    this.log.info('batch found on chain; recording its anchor', { seq: b.seq, height: onChain.height, txHash });
    await this.markAnchored(b, { height: onChain.height, txHash, time: onChain.time, chainId: await this.chain.chainId() });
  }

  private async markAnchored(b: PendingBatch, r: AnchorResult): Promise<void> {
    await this.pool.query(
      `UPDATE batch SET status = 'ANCHORED', chain_height = $2, tx_hash = $3, anchored_at = $4::timestamptz, chain_id = $5,
              last_error = NULL, updated_at = now()
        WHERE seq = $1 AND status <> 'ANCHORED'`,
      [b.seq, r.height, r.txHash, r.time, r.chainId],
    );
    this.lastAnchoredSeq = b.seq;
    this.chainLatestSeq = Math.max(this.chainLatestSeq ?? 0, b.seq);
    this.metrics.batchesAnchored.inc();
    this.metrics.anchorSeconds.observe((Date.now() - b.builtAt) / 1000);
    this.log.info('batch anchored', { seq: b.seq, size: b.size, height: r.height, txHash: r.txHash });
  }

  private async raiseAlert(error: AnchorConflictError): Promise<void> {
    await this.pool
      .query(
        `INSERT INTO tamper_alert (kind, batch_seq, detail)
         SELECT $1, $2, $3::jsonb
          WHERE NOT EXISTS (SELECT 1 FROM tamper_alert WHERE kind = $1 AND batch_seq = $2 AND resolved_at IS NULL)`,
        [error.kind, error.seq, JSON.stringify({ message: error.message })],
      )
      .catch((e: unknown) => this.log.error('could not record tamper alert', { error: e }));
  }
}
