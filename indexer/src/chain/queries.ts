/**
 * Plain (unproven) x/anchor queries for the indexer's recovery: it asks its own node which
 * batch is the latest, to resume after a crash or a rejection. Third parties use the verified
 * reads in @lianjian/verify/chain instead.
 */
import {
  CometRpc,
  ChainRpcError,
  QueryBatchRequest,
  QueryBatchResponse,
  QueryLatestBatchRequest,
  QueryLatestBatchResponse,
  type Batch,
} from '@lianjian/verify/chain';

export interface AnchorBatch {
  seq: number;
  root: Uint8Array;
  size: number;
  prevRoot: Uint8Array;
  submitter: string;
  /** Block at which the batch was committed. */
  height: number;
  /** Block time, RFC 3339 with up to nanoseconds. */
  time: string;
}

const NOT_FOUND_CODE = 9; // x/anchor ErrBatchNotFound

function safeNumber(v: bigint, what: string): number {
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`${what} ${v} exceeds the safe integer range`);
  return Number(v);
}

export function toAnchorBatch(b: Batch): AnchorBatch {
  const t = b.time ?? { seconds: 0n, nanos: 0 };
  const base = new Date(Number(t.seconds) * 1000).toISOString().slice(0, 19);
  const frac = t.nanos === 0 ? '' : `.${String(t.nanos).padStart(9, '0').replace(/0+$/, '')}`;
  return {
    seq: safeNumber(b.seq, 'seq'),
    root: b.root,
    size: safeNumber(b.size, 'size'),
    prevRoot: b.prevRoot,
    submitter: b.submitter,
    height: safeNumber(b.height, 'height'),
    time: `${base}${frac}Z`,
  };
}

async function grpcQuery(rpc: CometRpc, method: string, request: Uint8Array): Promise<{ code: number; log: string; codespace: string; value: Uint8Array }> {
  const r = await rpc.abciQuery(`/lianjian.anchor.v1.Query/${method}`, request, 0, false);
  // A plain Uint8Array (not a Buffer view), so decoded roots compare equal to the caller's bytes.
  return { code: r.code, log: r.log, codespace: r.codespace, value: new Uint8Array(Buffer.from(r.value ?? '', 'base64')) };
}

export async function queryLatestBatch(rpc: CometRpc): Promise<{ latestSeq: number; batch: AnchorBatch | null }> {
  const r = await grpcQuery(rpc, 'LatestBatch', QueryLatestBatchRequest.encode({}).finish());
  if (r.code !== 0) throw new ChainRpcError(`LatestBatch query failed (${r.codespace} ${r.code}): ${r.log}`, r.code);
  const resp = QueryLatestBatchResponse.decode(r.value);
  const latestSeq = safeNumber(resp.latestSeq, 'latest seq');
  return { latestSeq, batch: latestSeq === 0 || !resp.batch ? null : toAnchorBatch(resp.batch) };
}

/** Batch `seq`, or null when the chain has no such batch. */
export async function queryBatch(rpc: CometRpc, seq: number): Promise<AnchorBatch | null> {
  const r = await grpcQuery(rpc, 'Batch', QueryBatchRequest.encode({ seq: BigInt(seq) }).finish());
  if (r.code !== 0) {
    if ((r.codespace === 'anchor' && r.code === NOT_FOUND_CODE) || /not found/i.test(r.log)) return null;
    throw new ChainRpcError(`Batch ${seq} query failed (${r.codespace} ${r.code}): ${r.log}`, r.code);
  }
  const resp = QueryBatchResponse.decode(r.value);
  if (!resp.batch) return null;
  return toAnchorBatch(resp.batch);
}
