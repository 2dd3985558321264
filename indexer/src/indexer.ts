// The indexer process's core: one leader per log (a Postgres advisory lock held on a dedicated
// connection, on which every batch is also built, so losing the lock aborts the build), a
// builder loop that closes batches, and an anchorer loop that commits them on chain.
import type pg from 'pg';
import type { AnchorChain } from './anchor-chain.js';
import { Anchorer } from './anchorer.js';
import { buildLevels, claimRecords, pendingRecords, recover, storeBatch, type BuiltBatch, type Claim, type LedgerHead } from './batcher.js';
import { connectClient, createPool } from './db.js';
import type { FaultHook } from './faults.js';
import { silentLogger, type Logger } from './log.js';
import { indexerMetrics, type IndexerMetrics } from './metrics.js';

/** Advisory lock key of the log ("LJINDX"); one leader per database. */
export const INDEXER_LOCK_KEY = 0x4c4a494e4458;

export interface BatchPolicy {
  /** Close a batch at this many records. */
  maxRecords: number;
  /** …or once its first record has waited this long. */
  maxWaitMs: number;
  /** Stop building while this many batches wait for the chain (records queue in the outbox meanwhile, and go out in bigger batches). */
  maxUnanchored: number;
  /** Idle poll interval. */
  pollMs: number;
}

// Light load: a record waits at most ~maxWaitMs before its batch closes. Heavy load: batches
// fill to maxRecords, and while the chain is busy the outbox absorbs the rest.
export const DEFAULT_POLICY: BatchPolicy = { maxRecords: 50_000, maxWaitMs: 200, maxUnanchored: 4, pollMs: 25 };

export interface IndexerOptions {
  databaseUrl: string;
  /** Without a chain the indexer builds batches (proofs with anchor null) up to maxUnanchored. */
  chain?: AnchorChain;
  policy?: Partial<BatchPolicy>;
  log?: Logger;
  fault?: FaultHook;
  lockKey?: number;
}

export type Role = 'starting' | 'standby' | 'leader' | 'stopped' | 'failed';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class Indexer {
  readonly policy: BatchPolicy;
  readonly metrics: IndexerMetrics = indexerMetrics();
  readonly pool: pg.Pool;
  role: Role = 'starting';
  /** Time of the last loop iteration (ms since epoch): /health calls the loop dead if it stalls. */
  lastBeat = Date.now();
  head: LedgerHead | undefined;
  lastBuildError: string | undefined;
  anchorer: Anchorer | undefined;
  /** Settles when the indexer stops; rejects on a fatal error (lost lock connection). */
  readonly done: Promise<void>;

  private readonly log: Logger;
  private readonly fault: FaultHook;
  private lockClient: pg.Client | undefined;
  private stopping = false;
  private loops: Promise<unknown>[] = [];
  private settle!: { resolve: () => void; reject: (e: unknown) => void };

  constructor(private readonly opts: IndexerOptions) {
    this.policy = { ...DEFAULT_POLICY, ...opts.policy };
    this.log = opts.log ?? silentLogger;
    this.fault = opts.fault ?? (async () => {});
    this.pool = createPool(opts.databaseUrl, { max: 4 });
    this.done = new Promise<void>((resolve, reject) => (this.settle = { resolve, reject }));
    this.done.catch(() => {});
    this.metrics.leader.set(0);
  }

  /** Connects and starts competing for the lock in the background. */
  async start(): Promise<void> {
    this.lockClient = await connectClient(this.opts.databaseUrl, 'lianjian-indexer-leader');
    this.lockClient.on('error', (error) => this.fail(error));
    this.lockClient.on('end', () => {
      if (!this.stopping) this.fail(new Error('the connection holding the indexer lock closed'));
    });
    // A claim keeps up to maxRecords rows in memory; the default 4 MB work_mem would spill them to disk.
    await this.lockClient.query(`SET work_mem = '128MB'`);
    this.loops.push(this.lead().catch((error) => this.fail(error)));
  }

  async stop(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    this.anchorer?.stop();
    // A commit waiting on a dead chain can take a while; the chain keeps or drops it either way.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.allSettled(this.loops), new Promise<void>((r) => (timer = setTimeout(r, 5_000)))]);
    clearTimeout(timer);
    await this.lockClient?.end().catch(() => {});
    await this.pool.end().catch(() => {});
    if (this.role !== 'failed') this.role = 'stopped';
    this.metrics.leader.set(0);
    this.settle.resolve();
  }

  private fail(error: unknown): void {
    if (this.stopping) return;
    this.log.error('indexer failed', { error });
    this.role = 'failed';
    this.lastBuildError = error instanceof Error ? error.message : String(error);
    void this.stop().then(() => this.settle.reject(error));
  }

  private async lead(): Promise<void> {
    const key = this.opts.lockKey ?? INDEXER_LOCK_KEY;
    let announced = false;
    while (!this.stopping) {
      this.lastBeat = Date.now();
      const { rows } = await this.lockClient!.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [key]);
      if (rows[0]?.ok) break;
      if (!announced) this.log.info('another indexer holds the log; standing by');
      announced = true;
      this.role = 'standby';
      await sleep(1_000);
    }
    if (this.stopping) return;
    this.role = 'leader';
    this.metrics.leader.set(1);
    this.log.info('indexer lock acquired; leading', { policy: this.policy });
    if (this.opts.chain) {
      this.anchorer = new Anchorer(this.pool, this.opts.chain, this.log, this.metrics, this.fault);
      await this.anchorer.load();
      this.loops.push(this.anchorer.run());
    }
    await this.build();
  }

  private async build(): Promise<void> {
    const client = this.lockClient!;
    const p = this.policy;
    let backoff = 100;
    let claimAhead: Promise<Claim | undefined> | undefined;
    while (!this.stopping) {
      this.lastBeat = Date.now();
      try {
        if (!this.head) {
          const { head, completed } = await recover(client, this.fault);
          this.head = head;
          for (const b of completed) {
            this.log.info('completed a batch claimed before a crash', { seq: b.seq, size: b.size });
            this.built(b);
          }
        }
        let claim: Claim | undefined;
        if (claimAhead) {
          claim = await claimAhead;
          claimAhead = undefined;
        } else {
          const waiting = await this.unanchoredBatches();
          if (waiting >= p.maxUnanchored) {
            await sleep(p.pollMs);
            continue;
          }
          const pending = await pendingRecords(client, this.head.cursor, p.maxRecords);
          const full = pending.count >= p.maxRecords;
          const due = pending.oldestAgeMs >= p.maxWaitMs;
          // A partial batch waits for the chain to be free: the chain takes one batch per block, so
          // queueing small batches behind each other would only add blocks to every record's wait.
          // Records arriving meanwhile join it instead.
          const chainBusy = this.anchorer !== undefined && waiting > 0;
          if (pending.count === 0 || (!full && (!due || chainBusy))) {
            const untilDue = pending.count === 0 ? p.pollMs : Math.max(1, p.maxWaitMs - pending.oldestAgeMs);
            await sleep(Math.min(p.pollMs, untilDue));
            continue;
          }
          claim = await claimRecords(client, this.head, p.maxRecords);
        }
        if (!claim) continue;
        const prevRoot = this.head.root;
        const after = { seq: claim.seq, lastPosition: claim.firstPosition + claim.size - 1, cursor: claim.cursor };
        // A full batch means more is waiting: Postgres claims the next one while this one is hashed.
        if (claim.size === p.maxRecords && (await this.unanchoredBatches()) + 2 <= p.maxUnanchored) {
          claimAhead = claimRecords(client, after, p.maxRecords);
          claimAhead.catch(() => {}); // awaited (and its error handled) on the next round
        }
        const tree = buildLevels(claim);
        const storeMs = await storeBatch(client, claim, tree, prevRoot, this.fault);
        this.head = { ...after, root: tree.root };
        this.built({
          seq: claim.seq,
          firstPosition: claim.firstPosition,
          size: claim.size,
          root: tree.root,
          prevRoot,
          timings: { claimMs: claim.claimMs, treeMs: tree.treeMs, storeMs },
        });
        this.lastBuildError = undefined;
        backoff = 100;
      } catch (error) {
        if (claimAhead) await claimAhead.catch(() => {});
        claimAhead = undefined;
        if (this.stopping) return;
        this.head = undefined; // recover() re-reads the log, completing any claim left without its batch
        this.lastBuildError = error instanceof Error ? error.message : String(error);
        this.metrics.buildErrors.inc();
        this.log.error('batch build failed; will retry', { retryInMs: backoff, error });
        await sleep(backoff);
        backoff = Math.min(backoff * 2, 10_000);
      }
    }
  }

  private built(batch: BuiltBatch): void {
    this.metrics.batchesBuilt.inc();
    this.metrics.recordsBatched.inc(batch.size);
    this.metrics.batchSize.observe(batch.size);
    this.metrics.buildSeconds.observe((batch.timings.claimMs + batch.timings.treeMs + batch.timings.storeMs) / 1000);
    this.metrics.lastBatchSeq.set(batch.seq);
    this.log.info('batch built', {
      seq: batch.seq,
      size: batch.size,
      firstPosition: batch.firstPosition,
      ms: Object.fromEntries(Object.entries(batch.timings).map(([k, v]) => [k, Math.round(v)])),
    });
    this.anchorer?.enqueue({ ...batch, builtAt: Date.now() });
  }

  private async unanchoredBatches(): Promise<number> {
    if (this.anchorer) return this.anchorer.backlog;
    const { rows } = await this.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM batch WHERE status <> 'ANCHORED'`);
    return rows[0]?.n ?? 0;
  }
}
