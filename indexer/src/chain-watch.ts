// Watches the chain through the indexer's node, for /metrics: latest height and block time (is
// the chain advancing?), and which validators signed the last commit (is one missing?). It reads
// plain CometBFT RPC (/status, /commit, /validators); nothing here is trusted for proofs — the
// auditor does the verified reads.
import type { Logger } from './log.js';
import type { IndexerMetrics } from './metrics.js';

interface RpcEnvelope<T> {
  result?: T;
  error?: { message?: string; data?: string };
}

interface StatusResult {
  sync_info: { latest_block_height: string; latest_block_time: string; catching_up: boolean };
}

interface CommitResult {
  signed_header: { commit: { height: string; signatures: { block_id_flag: number; validator_address: string }[] } };
}

interface ValidatorsResult {
  validators: { address: string; voting_power: string }[];
  total: string;
}

/** CometBFT's BlockIDFlag: 1 absent, 2 commit, 3 nil (voted for no block). */
const FLAG_COMMIT = 2;

export interface ChainSnapshot {
  height: number;
  blockTime: Date;
  catchingUp: boolean;
  /** Validators of the last committed height, with whether each signed its commit. */
  validators: { address: string; power: bigint; signed: boolean }[];
}

async function rpc<T>(base: string, path: string, timeoutMs: number): Promise<T> {
  const res = await fetch(`${base.replace(/\/$/, '')}${path}`, { signal: AbortSignal.timeout(timeoutMs) });
  const body = (await res.json()) as RpcEnvelope<T>;
  if (!body.result) throw new Error(`chain RPC ${path}: ${body.error?.data ?? body.error?.message ?? `HTTP ${res.status}`}`);
  return body.result;
}

/** One look at the chain: status, the last commit's signatures and the validator set that made it. */
export async function readChainSnapshot(rpcUrl: string, timeoutMs = 5_000): Promise<ChainSnapshot> {
  const status = await rpc<StatusResult>(rpcUrl, '/status', timeoutMs);
  const height = Number(status.sync_info.latest_block_height);
  // The commit for `height` is the one stored with the block: the last one the node knows.
  const commit = await rpc<CommitResult>(rpcUrl, `/commit?height=${height}`, timeoutMs);
  const signedBy = new Set(
    commit.signed_header.commit.signatures.filter((s) => s.block_id_flag === FLAG_COMMIT).map((s) => s.validator_address.toUpperCase()),
  );
  const validators: ChainSnapshot['validators'] = [];
  for (let page = 1; ; page++) {
    const v = await rpc<ValidatorsResult>(rpcUrl, `/validators?height=${height}&page=${page}&per_page=100`, timeoutMs);
    for (const x of v.validators) validators.push({ address: x.address.toUpperCase(), power: BigInt(x.voting_power), signed: signedBy.has(x.address.toUpperCase()) });
    if (validators.length >= Number(v.total) || v.validators.length === 0) break;
  }
  return { height, blockTime: new Date(status.sync_info.latest_block_time), catchingUp: status.sync_info.catching_up, validators };
}

export function recordChainSnapshot(metrics: IndexerMetrics, s: ChainSnapshot): void {
  const c = metrics.chain;
  c.up.set(1);
  c.height.set(s.height);
  c.blockTime.set(s.blockTime.getTime() / 1000);
  c.catchingUp.set(s.catchingUp ? 1 : 0);
  c.validators.set(s.validators.length);
  c.missing.set(s.validators.filter((v) => !v.signed).length);
  const total = s.validators.reduce((a, v) => a + v.power, 0n);
  const signed = s.validators.filter((v) => v.signed).reduce((a, v) => a + v.power, 0n);
  c.signedPower.set(total === 0n ? 0 : Number((signed * 10_000n) / total) / 10_000);
  c.validatorSigned.reset();
  for (const v of s.validators) c.validatorSigned.set({ validator: v.address }, v.signed ? 1 : 0);
}

export interface ChainWatchOptions {
  rpcUrl: string;
  metrics: IndexerMetrics;
  /** The chain's latest batch seq (x/anchor), when the caller can read it. */
  latestBatchSeq?: () => Promise<number>;
  intervalMs?: number;
  log: Logger;
}

/** Polls the chain until stopped. */
export class ChainWatch {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private failing = false;
  last: ChainSnapshot | undefined;

  constructor(private readonly opts: ChainWatchOptions) {}

  start(): void {
    void this.tick();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  async tick(): Promise<void> {
    try {
      this.last = await readChainSnapshot(this.opts.rpcUrl);
      recordChainSnapshot(this.opts.metrics, this.last);
      if (this.opts.latestBatchSeq) this.opts.metrics.chain.latestBatchSeq.set(await this.opts.latestBatchSeq());
      if (this.failing) this.opts.log.info('chain node answers again', { height: this.last.height });
      this.failing = false;
    } catch (error) {
      this.opts.metrics.chain.up.set(0);
      if (!this.failing) this.opts.log.warn('chain watch: node not answering', { error });
      this.failing = true;
    }
    if (!this.stopped) {
      this.timer = setTimeout(() => void this.tick(), this.opts.intervalMs ?? 5_000);
      this.timer.unref();
    }
  }
}
