/**
 * Verified reads of x/anchor state. Each read is an abci_query with prove=true on
 * /store/anchor/key at height H, checked with the ICS23 proof ops against the app hash in the
 * header of block H+1, that header being checked against its commit signatures. Nothing the
 * node says is taken on trust except where README.md in this folder says so.
 */
import { bytesEqual } from '../hex.js';
import { fromBase64 } from './bytes.js';
import { ChainProofError, ChainRpcError, ChainUnavailableError, BatchNotFoundError } from './errors.js';
import { Batch } from './gen/lianjian/anchor/v1/anchor.js';
import { checkSignedHeader, type CheckedHeader, type HeaderCheckOptions } from './light.js';
import { LightClient } from './lightclient.js';
import { CometRpc, isFutureHeightError, type RawAbciQuery, type RawSignedHeader, type RawValidator, type RpcOptions } from './rpc.js';
import { verifyStoreProof, type ProofOp } from './store-proof.js';

/** Store name of x/anchor; its KV store answers /store/anchor/key. */
export const ANCHOR_STORE = 'anchor';
const BATCHES_PREFIX = 0x01;
/** collections.Item latest_seq: key 0x02, value big-endian uint64. */
export const LATEST_SEQ_KEY = Uint8Array.of(0x02);
const MAX_UINT64 = (1n << 64n) - 1n;
// The SDK refuses proofs at heights ≤ 1 ("cannot query with proof when height <= 1").
const MIN_PROOF_HEIGHT = 2;

/** 0x01 ‖ big-endian(seq): the store key of batch `seq` (PROOF-FORMAT.md, public contract). */
export function batchKey(seq: bigint | number): Uint8Array {
  const s = BigInt(seq);
  if (s < 1n || s > MAX_UINT64) throw new RangeError(`batch seq must be between 1 and 2^64-1, got ${s}`);
  const key = new Uint8Array(9);
  key[0] = BATCHES_PREFIX;
  new DataView(key.buffer).setBigUint64(1, s, false);
  return key;
}

/** A batch as x/anchor stores it. Roots are raw bytes; time is RFC 3339 with nanoseconds. */
export interface ChainBatch {
  seq: bigint;
  root: Uint8Array;
  size: bigint;
  prevRoot: Uint8Array;
  submitter: string;
  /** Block at which the batch was committed. */
  height: number;
  /** Block time of that block (RFC 3339, UTC, up to nanoseconds). */
  time: string;
}

/** What a verified read rests on. */
export interface StateProof {
  /** State height H that the proof is for. */
  height: number;
  /** Header H+1 whose app hash the proof leads to. */
  header: CheckedHeader;
}

export interface VerifiedBatch {
  batch: ChainBatch;
  proof: StateProof;
}

export interface VerifiedLatest {
  /** 0 before the first batch. */
  latestSeq: bigint;
  batch: ChainBatch | null;
  proof: StateProof;
}

export interface ChainReadOptions extends HeaderCheckOptions, RpcOptions {
  /** Query state at this height instead of choosing one. */
  height?: number;
  /** How long to wait for block H+1 when H is the newest block; default 15 s. */
  headerWaitMs?: number;
  /**
   * Verify headers with this light client (from a root of trust) instead of trusting the
   * validator set the node presents.
   */
  lightClient?: LightClient;
}

// --------------------------------------------------------------------- pure verification

/** Raw node answers for one proven key: enough to check it offline (tests keep fixtures of it). */
export interface KeyReadEvidence {
  query: RawAbciQuery;
  signedHeader: RawSignedHeader;
  validators: RawValidator[] | undefined;
}

/**
 * Checks a proven read of `key` in the anchor store: the header of H+1 (chain id, hash,
 * signatures), then the ICS23 ops from key/value to that header's app hash. Returns the value,
 * or undefined when the proof shows the key is absent.
 */
export function verifyKeyRead(
  evidence: KeyReadEvidence,
  key: Uint8Array,
  opts: HeaderCheckOptions & { height?: number; checkedHeader?: CheckedHeader } = {},
): { value: Uint8Array | undefined; proof: StateProof } {
  const { query } = evidence;
  if (query.code !== 0) throw new ChainRpcError(`abci_query failed (${query.codespace} ${query.code}): ${query.log}`, query.code);
  const height = Number(query.height);
  if (!Number.isSafeInteger(height) || height < 1) throw new ChainProofError(`abci_query answered for height ${query.height}`);
  if (opts.height !== undefined && height !== opts.height) {
    throw new ChainProofError(`asked for state at height ${opts.height}, the node answered for ${height}`);
  }
  if (query.key !== null && query.key !== '' && !bytesEqual(fromBase64(query.key, 'query key'), key)) {
    throw new ChainProofError('the node answered for a different key');
  }
  const rawOps = (query.proofOps ?? query.proof_ops)?.ops;
  if (!rawOps || rawOps.length === 0) throw new ChainProofError('the node sent no state proof (is it pruning or a light node?)');
  const ops: ProofOp[] = rawOps.map((op, i) => ({
    type: op.type,
    key: fromBase64(op.key, `proof op ${i} key`),
    data: fromBase64(op.data, `proof op ${i} data`),
  }));
  let header: CheckedHeader;
  if (opts.checkedHeader !== undefined) {
    // Verified by the light client from a root of trust.
    if (opts.checkedHeader.height !== height + 1) throw new ChainProofError(`the state at height ${height} needs header ${height + 1}, got ${opts.checkedHeader.height}`);
    header = opts.checkedHeader;
  } else {
    header = checkSignedHeader(evidence.signedHeader, evidence.validators, height + 1, opts);
  }
  const value = query.value === null || query.value === '' ? undefined : fromBase64(query.value, 'query value');
  verifyStoreProof({ ops, storeName: ANCHOR_STORE, key, value, appHash: header.appHash });
  return { value, proof: { height, header } };
}

/** Decodes a stored Batch value and checks it is the batch its key names. */
export function decodeBatchValue(value: Uint8Array, seq: bigint): ChainBatch {
  let b: Batch;
  try {
    b = Batch.decode(value);
  } catch (error) {
    throw new ChainProofError(`the proven value of batch ${seq} is not a Batch message: ${(error as Error).message}`);
  }
  if (b.seq !== seq) throw new ChainProofError(`the value stored under batch ${seq}'s key says seq ${b.seq}`);
  if (b.root.length !== 32) throw new ChainProofError(`batch ${seq} has a ${b.root.length}-byte root`);
  if (b.prevRoot.length !== 32) throw new ChainProofError(`batch ${seq} has a ${b.prevRoot.length}-byte prev_root`);
  if (b.time === undefined) throw new ChainProofError(`batch ${seq} has no time`);
  return {
    seq: b.seq,
    root: b.root,
    size: b.size,
    prevRoot: b.prevRoot,
    submitter: b.submitter,
    height: Number(b.height),
    time: formatRfc3339Nano(b.time.seconds, b.time.nanos),
  };
}

/** RFC 3339 as Go's time.RFC3339Nano prints it: fraction without trailing zeros. */
export function formatRfc3339Nano(seconds: bigint, nanos: number): string {
  const base = new Date(Number(seconds) * 1000).toISOString().slice(0, 19);
  const frac = nanos === 0 ? '' : `.${String(nanos).padStart(9, '0').replace(/0+$/, '')}`;
  return `${base}${frac}Z`;
}

function decodeLatestSeq(value: Uint8Array | undefined): bigint {
  if (value === undefined) return 0n;
  if (value.length !== 8) throw new ChainProofError(`latest_seq holds ${value.length} bytes, expected 8`);
  return new DataView(value.buffer, value.byteOffset, 8).getBigUint64(0, false);
}

// ---------------------------------------------------------------------------- the reader

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class AnchorReader {
  readonly rpc: CometRpc;
  private readonly opts: ChainReadOptions;

  constructor(rpc: CometRpc | string, opts: ChainReadOptions = {}) {
    this.rpc = typeof rpc === 'string' ? new CometRpc(rpc, opts) : rpc;
    this.opts = opts;
  }

  /** Newest block height and the chain id the node reports (unverified; used to pick H). */
  async status(): Promise<{ height: number; chainId: string }> {
    const s = await this.rpc.status();
    return { height: Number(s.sync_info.latest_block_height), chainId: s.node_info.network };
  }

  /** Collects the node's answers for `key` at height H (and header H+1) without checking them. */
  async gatherEvidence(key: Uint8Array, height: number): Promise<KeyReadEvidence> {
    const query = await this.rpc.abciQuery(`/store/${ANCHOR_STORE}/key`, key, height, true);
    if (query.code !== 0) throw new ChainRpcError(`abci_query at height ${height} failed (${query.codespace} ${query.code}): ${query.log}`, query.code);
    const h = Number(query.height);
    const signedHeader = await this.waitForCommit(h + 1);
    const validators = this.opts.verifySignatures === false ? undefined : await this.rpc.validators(h + 1);
    return { query, signedHeader, validators };
  }

  async readKey(key: Uint8Array, height: number): Promise<{ value: Uint8Array | undefined; proof: StateProof }> {
    const lc = this.opts.lightClient;
    if (lc) {
      const query = await this.rpc.abciQuery(`/store/${ANCHOR_STORE}/key`, key, height, true);
      if (query.code !== 0) throw new ChainRpcError(`abci_query at height ${height} failed (${query.codespace} ${query.code}): ${query.log}`, query.code);
      const block = await lc.verifyHeight(Number(query.height) + 1);
      return verifyKeyRead({ query, signedHeader: block.signed, validators: undefined }, key, { ...this.opts, height, checkedHeader: LightClient.checked(block) });
    }
    return verifyKeyRead(await this.gatherEvidence(key, height), key, { ...this.opts, height });
  }

  /** Batch `seq`, verified; BatchNotFoundError when the chain provably does not hold it. */
  async readBatch(seq: bigint | number): Promise<VerifiedBatch> {
    const s = BigInt(seq);
    const key = batchKey(s);
    if (this.opts.height !== undefined) return this.batchAt(s, key, this.opts.height, true);
    const latest = await this.waitForHeight(MIN_PROOF_HEIGHT);
    // State at latest-1 has its H+1 header already; only a batch from the newest block needs a wait.
    if (latest >= 3) {
      const r = await this.batchAt(s, key, latest - 1, false);
      if (r) return r;
    }
    return this.batchAt(s, key, latest, true);
  }

  /** The latest batch (from latest_seq) as of the newest block, verified. */
  async readLatest(): Promise<VerifiedLatest> {
    const height = this.opts.height ?? (await this.waitForHeight(MIN_PROOF_HEIGHT));
    const latest = await this.readKey(LATEST_SEQ_KEY, height);
    const latestSeq = decodeLatestSeq(latest.value);
    if (latestSeq === 0n) return { latestSeq, batch: null, proof: latest.proof };
    const batch = await this.batchAt(latestSeq, batchKey(latestSeq), height, true);
    if (batch.proof.header.height !== latest.proof.header.height) throw new ChainProofError('latest_seq and its batch were proven at different heights');
    return { latestSeq, batch: batch.batch, proof: latest.proof };
  }

  private async batchAt(seq: bigint, key: Uint8Array, height: number, final: true): Promise<VerifiedBatch>;
  private async batchAt(seq: bigint, key: Uint8Array, height: number, final: false): Promise<VerifiedBatch | undefined>;
  private async batchAt(seq: bigint, key: Uint8Array, height: number, final: boolean): Promise<VerifiedBatch | undefined> {
    const { value, proof } = await this.readKey(key, height);
    if (value === undefined) {
      if (final) throw new BatchNotFoundError(seq, proof.height);
      return undefined;
    }
    return { batch: decodeBatchValue(value, seq), proof };
  }

  /** The newest height once it is at least `min` (a node that just started may be below). */
  async waitForHeight(min: number): Promise<number> {
    const deadline = Date.now() + (this.opts.headerWaitMs ?? 15_000);
    for (;;) {
      const { height } = await this.status();
      if (height >= min) return height;
      if (Date.now() > deadline) throw new ChainUnavailableError(`the chain is at height ${height}; state proofs need height ${min} or more`);
      await sleep(100);
    }
  }

  /** The signed header of `height`, waiting for the block if it is not produced yet. */
  async waitForCommit(height: number): Promise<RawSignedHeader> {
    const deadline = Date.now() + (this.opts.headerWaitMs ?? 15_000);
    for (;;) {
      try {
        return (await this.rpc.commit(height)).signed_header;
      } catch (error) {
        if (!isFutureHeightError(error)) throw error;
        if (Date.now() > deadline) {
          throw new ChainUnavailableError(`block ${height} was not produced within ${(this.opts.headerWaitMs ?? 15_000) / 1000} s; its header is needed to check the state proof`);
        }
        await sleep(100);
      }
    }
  }

  /** Header of `height`, checked (chain id, hash, signatures). */
  async checkedHeader(height: number): Promise<{ signed: RawSignedHeader; header: CheckedHeader }> {
    if (this.opts.lightClient) {
      const block = await this.opts.lightClient.verifyHeight(height);
      return { signed: block.signed, header: LightClient.checked(block) };
    }
    const signed = await this.waitForCommit(height);
    const validators = this.opts.verifySignatures === false ? undefined : await this.rpc.validators(height);
    return { signed, header: checkSignedHeader(signed, validators, height, this.opts) };
  }
}

/** Batch `seq` read from x/anchor state and verified against a signed header. */
export function readBatchVerified(rpcUrl: string, seq: bigint | number, opts: ChainReadOptions = {}): Promise<VerifiedBatch> {
  return new AnchorReader(rpcUrl, opts).readBatch(seq);
}

/** The latest committed batch (null before the first), verified like readBatchVerified. */
export function readLatestBatch(rpcUrl: string, opts: ChainReadOptions = {}): Promise<VerifiedLatest> {
  return new AnchorReader(rpcUrl, opts).readLatest();
}
