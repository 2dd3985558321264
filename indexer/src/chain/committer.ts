/**
 * Commits batch roots to x/anchor. One ChainCommitter per submitter account: broadcasts are
 * serialised (one in flight at a time, in call order), the account sequence is tracked
 * locally, and the node's refusals become typed errors (errors.ts). While the node is
 * unreachable every step retries with exponential backoff, re-sending the same signed bytes,
 * so a retry can never commit a batch twice: the chain either has that transaction or not.
 */
import { createHash } from 'node:crypto';
import { DirectSecp256k1HdWallet } from '@cosmjs/proto-signing';
import { accountFromAny, SigningStargateClient, type StdFee } from '@cosmjs/stargate';
import { CometRpc, ChainRpcError, ChainUnavailableError, type RpcOptions } from '@lianjian/verify/chain';
import { QueryAccountRequest, QueryAccountResponse } from 'cosmjs-types/cosmos/auth/v1beta1/query';
import { TxRaw } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import { ChainCommitError, ChainUnreachableError, InclusionTimeoutError, rejectionError, WrongChainError } from './errors.js';
import { queryBatch, queryLatestBatch, type AnchorBatch } from './queries.js';
import { ADDRESS_PREFIX, commitBatchMessage, createAnchorRegistry, type CommitBatchInput } from './registry.js';
import { DEFAULT_RETRY, sleep, withRetry, type RetryPolicy } from './retry.js';

export interface ChainCommitterOptions {
  /** CometBFT RPC, e.g. http://127.0.0.1:26657. */
  rpcUrl: string;
  /** BIP39 mnemonic of a submitter listed in x/anchor's allowed_submitters. */
  mnemonic: string;
  /** Refuse to sign for any other chain (recommended in production). */
  chainId?: string;
  /** Bech32 prefix; default "lianjian". */
  prefix?: string;
  /** Gas limit per commit; default 200 000 (a commit uses far less). */
  gasLimit?: number;
  /** Fee per gas unit; default none (localnets run with minimum-gas-prices 0stake). */
  gasPrice?: { amount: number; denom: string };
  /** Backoff while the node is unreachable. */
  retry?: Partial<RetryPolicy>;
  /** Give up waiting for a block with the transaction after this long (node reachable); default 60 s. */
  inclusionTimeoutMs?: number;
  /** How often to look for the transaction in a block; default 100 ms. */
  pollIntervalMs?: number;
  /** Re-send the same signed transaction this often while waiting (a restarted node forgets its mempool); default 3 s. */
  rebroadcastIntervalMs?: number;
  /**
   * Release the broadcast slot once the node accepted the transaction into its mempool, so the
   * next commit can be sent before this one is in a block. Order is kept (account sequence), but
   * a failure in a block also fails the commits queued behind it. Default false.
   */
  pipeline?: boolean;
  /** Per-request timeout; default 5 s. */
  rpcTimeoutMs?: number;
  /** Called before each backoff wait, for logging. */
  onRetry?: (what: string, error: unknown, delayMs: number) => void;
}

export interface CommitResult {
  seq: number;
  height: number;
  /** Uppercase hex, as CometBFT prints transaction hashes (proof bundles use this form). */
  txHash: string;
  /** Block time, RFC 3339 with up to nanoseconds. */
  time: string;
  chainId: string;
  gasUsed: number;
}

interface Account {
  accountNumber: bigint;
  sequence: number;
}

interface Sent {
  txBytes: Uint8Array;
  hash: string;
  chainId: string;
}

interface RawTxResult {
  height: string;
  tx_result: { code: number; codespace?: string; log?: string; gas_used?: string };
}

const SDK_TX_IN_MEMPOOL_CACHE = 19;
const SDK_WRONG_SEQUENCE = 32;
const SDK_UNAUTHORIZED = 4;

/** The node already holds this transaction (mempool or its cache): it is pending, not refused. */
export function isAlreadyPending(message: string): boolean {
  return /tx already exists in cache|already exists in (the )?mempool|tx already in mempool/i.test(message);
}

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').toUpperCase();
}

export class ChainCommitter {
  readonly address: string;
  readonly rpc: CometRpc;
  private readonly signer: SigningStargateClient;
  private readonly opts: ChainCommitterOptions;
  private readonly retry: RetryPolicy;
  private account: Account | undefined;
  private chain: string | undefined;
  private tail: Promise<void> = Promise.resolve();

  private constructor(address: string, signer: SigningStargateClient, opts: ChainCommitterOptions) {
    this.address = address;
    this.signer = signer;
    this.opts = opts;
    this.retry = { ...DEFAULT_RETRY, ...opts.retry };
    const rpcOpts: RpcOptions = { timeoutMs: opts.rpcTimeoutMs ?? 5_000 };
    this.rpc = new CometRpc(opts.rpcUrl, rpcOpts);
  }

  /** Derives the submitter's key; makes no network call, so it works while the node is down. */
  static async create(opts: ChainCommitterOptions): Promise<ChainCommitter> {
    const wallet = await DirectSecp256k1HdWallet.fromMnemonic(opts.mnemonic.trim(), { prefix: opts.prefix ?? ADDRESS_PREFIX });
    const [account] = await wallet.getAccounts();
    if (!account) throw new ChainCommitError('the mnemonic yields no account');
    const signer = await SigningStargateClient.offline(wallet, { registry: createAnchorRegistry() });
    return new ChainCommitter(account.address, signer, opts);
  }

  /** The node's chain id (checked against options.chainId once). */
  async chainId(): Promise<string> {
    if (this.chain === undefined) {
      const status = await this.rpc.status();
      const network = status.node_info.network;
      if (this.opts.chainId !== undefined && network !== this.opts.chainId) {
        throw new WrongChainError(`the node at ${this.rpc.url} serves chain "${network}", not "${this.opts.chainId}"`);
      }
      this.chain = network;
    }
    return this.chain;
  }

  /**
   * Commits one batch and waits until it is in a block. Calls are served in order; rejections
   * throw the typed errors of errors.ts.
   */
  async commitBatch(input: CommitBatchInput): Promise<CommitResult> {
    const release = await this.acquire();
    let sent: Sent;
    try {
      sent = await this.broadcast(input);
    } catch (error) {
      release();
      throw error;
    }
    if (this.opts.pipeline) release();
    try {
      return await this.awaitInclusion(sent, Number(input.seq));
    } finally {
      if (!this.opts.pipeline) release();
    }
  }

  /** Latest committed batch (null before the first), unproven; retries while the node is down. */
  latestBatch(): Promise<{ latestSeq: number; batch: AnchorBatch | null }> {
    return withRetry('latest batch query', this.retry, () => queryLatestBatch(this.rpc), this.retryLog('latest batch query'));
  }

  /** Batch `seq` or null, unproven; retries while the node is down. */
  getBatch(seq: number): Promise<AnchorBatch | null> {
    return withRetry(`batch ${seq} query`, this.retry, () => queryBatch(this.rpc, seq), this.retryLog(`batch ${seq} query`));
  }

  // ------------------------------------------------------------------------ internals

  private acquire(): Promise<() => void> {
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const before = this.tail;
    this.tail = before.then(() => mine);
    return before.then(() => release);
  }

  private retryLog(what: string) {
    return this.opts.onRetry ? (error: unknown, delay: number) => this.opts.onRetry!(what, error, delay) : undefined;
  }

  private fee(): StdFee {
    const gas = this.opts.gasLimit ?? 200_000;
    const price = this.opts.gasPrice;
    return { amount: price ? [{ denom: price.denom, amount: String(Math.ceil(gas * price.amount)) }] : [], gas: String(gas) };
  }

  private async fetchAccount(): Promise<Account> {
    const q = await this.rpc.abciQuery('/cosmos.auth.v1beta1.Query/Account', QueryAccountRequest.encode({ address: this.address }).finish(), 0, false);
    if (q.code !== 0) {
      throw new ChainCommitError(`submitter account ${this.address} is not on chain (fund it first): ${q.log}`);
    }
    const resp = QueryAccountResponse.decode(Buffer.from(q.value ?? '', 'base64'));
    if (!resp.account) throw new ChainCommitError(`the node returned no account for ${this.address}`);
    const acc = accountFromAny(resp.account);
    return { accountNumber: BigInt(acc.accountNumber), sequence: acc.sequence };
  }

  private async sign(input: CommitBatchInput, account: Account, chainId: string): Promise<Uint8Array> {
    const raw = await this.signer.sign(this.address, [commitBatchMessage(this.address, input)], this.fee(), '', {
      accountNumber: account.accountNumber,
      sequence: account.sequence,
      chainId,
    });
    return TxRaw.encode(raw).finish();
  }

  private async findTx(hash: string): Promise<RawTxResult | undefined> {
    try {
      return await this.rpc.call<RawTxResult>('tx', { hash: Buffer.from(hash, 'hex').toString('base64'), prove: false });
    } catch (error) {
      if (error instanceof ChainRpcError && /not found/i.test(error.message)) return undefined;
      throw error;
    }
  }

  private async broadcastRaw(txBytes: Uint8Array): Promise<{ code: number; codespace: string; log: string }> {
    try {
      return await this.rpc.call('broadcast_tx_sync', { tx: Buffer.from(txBytes).toString('base64') });
    } catch (error) {
      // CometBFT answers a transaction it already holds with a JSON-RPC error ("tx already exists
      // in cache"), not a result: while blocks are slow (a validator set change) a re-send of the
      // same bytes gets it. The transaction is still pending, exactly as the SDK's code 19 says.
      if (error instanceof ChainRpcError && isAlreadyPending(error.message)) {
        return { code: SDK_TX_IN_MEMPOOL_CACHE, codespace: 'sdk', log: error.message };
      }
      throw error;
    }
  }

  /** Signs and gets the transaction into the node's mempool; the account sequence moves on only then. */
  private broadcast(input: CommitBatchInput): Promise<Sent> {
    const what = `commit of batch ${input.seq}`;
    const signedHashes = new Set<string>();
    return withRetry(
      what,
      this.retry,
      async () => {
        const chainId = await this.chainId();
        for (let attempt = 0; ; attempt++) {
          this.account ??= await this.fetchAccount();
          const account = this.account;
          const txBytes = await this.sign(input, account, chainId);
          const hash = sha256Hex(txBytes);
          signedHashes.add(hash);
          const res = await this.broadcastRaw(txBytes);
          if (res.code === 0 || (res.codespace === 'sdk' && res.code === SDK_TX_IN_MEMPOOL_CACHE)) {
            account.sequence += 1;
            return { txBytes, hash, chainId };
          }
          if (res.codespace === 'sdk' && res.code === SDK_WRONG_SEQUENCE && attempt < 3) {
            // Our count is stale: an earlier send of this very batch may already be in a block
            // (its answer lost on the way back), or another process used the account.
            for (const h of signedHashes) {
              if (await this.findTx(h)) {
                this.account = undefined;
                return { txBytes, hash: h, chainId };
              }
            }
            this.account = await this.fetchAccount();
            continue;
          }
          if (res.codespace === 'sdk' && res.code === SDK_UNAUTHORIZED && /account number \(0\)/.test(res.log) && attempt < 5) {
            // Just after a node restart, CheckTx can run with a height-0 context and check
            // signatures against account number 0 until the next block: wait a block and re-send.
            await new Promise((r) => setTimeout(r, 500));
            this.account = await this.fetchAccount();
            continue;
          }
          throw rejectionError({ codespace: res.codespace, code: res.code, log: res.log, stage: 'check', txHash: hash });
        }
      },
      this.retryLog(what),
    );
  }

  private async awaitInclusion(sent: Sent, seq: number): Promise<CommitResult> {
    const timeoutMs = this.opts.inclusionTimeoutMs ?? 60_000;
    const pollMs = this.opts.pollIntervalMs ?? 100;
    const rebroadcastMs = this.opts.rebroadcastIntervalMs ?? 3_000;
    let waitedUpMs = 0;
    let downSince: number | undefined;
    let lastSend = Date.now();
    let delay = this.retry.initialDelayMs;
    for (;;) {
      const tick = Date.now();
      try {
        const found = await this.findTx(sent.hash);
        downSince = undefined;
        delay = this.retry.initialDelayMs;
        if (found) return await this.result(found, sent, seq);
        if (Date.now() - lastSend >= rebroadcastMs) {
          lastSend = Date.now();
          // Same bytes: harmless if the node still has them, needed if it restarted and lost its mempool.
          await this.broadcastRaw(sent.txBytes);
        }
        await sleep(pollMs);
        waitedUpMs += Date.now() - tick;
        if (waitedUpMs > timeoutMs) {
          this.account = undefined; // the sequence may have been consumed or not: ask the chain next time
          throw new InclusionTimeoutError(sent.hash, waitedUpMs);
        }
      } catch (error) {
        if (!(error instanceof ChainUnavailableError)) throw error;
        downSince ??= tick;
        const down = Date.now() - downSince;
        if (down + delay > this.retry.maxElapsedMs) {
          throw new ChainUnreachableError(`waiting for tx ${sent.hash} (batch ${seq}): node unreachable for ${Math.round(down / 1000)} s: ${error.message}`, { cause: error });
        }
        this.opts.onRetry?.(`inclusion of batch ${seq}`, error, delay);
        await sleep(delay);
        delay = Math.min(this.retry.maxDelayMs, delay * this.retry.factor);
        lastSend = 0; // re-send as soon as the node is back
      }
    }
  }

  private async result(found: RawTxResult, sent: Sent, seq: number): Promise<CommitResult> {
    const r = found.tx_result;
    if (r.code !== 0) {
      throw rejectionError({ codespace: r.codespace ?? '', code: r.code, log: r.log ?? '', stage: 'deliver', txHash: sent.hash });
    }
    const height = Number(found.height);
    const header = await withRetry(`header ${height}`, this.retry, () => this.rpc.call<{ header: { time: string } }>('header', { height: String(height) }));
    return { seq, height, txHash: sent.hash, time: header.header.time, chainId: sent.chainId, gasUsed: Number(r.gas_used ?? 0) };
  }
}
