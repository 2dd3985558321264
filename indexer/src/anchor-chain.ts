// What the indexer needs from the chain, over the ChainCommitter (src/chain/): commit a batch,
// read back the latest and any batch, and find the transaction that committed a batch (for a
// batch committed by a process that crashed before recording it).
import { createHash } from 'node:crypto';
import { bytesEqual } from '@lianjian/verify';
import { MsgCommitBatch, MSG_COMMIT_BATCH_TYPE_URL, txMessages, type CometRpc } from '@lianjian/verify/chain';
import type { ChainCommitter } from './chain/index.js';

export interface ChainBatchInfo {
  seq: number;
  root: Uint8Array;
  size: number;
  prevRoot: Uint8Array;
  height: number;
  /** Block time, RFC 3339. */
  time: string;
}

export interface AnchorResult {
  height: number;
  /** Uppercase hex. */
  txHash: string;
  time: string;
  chainId: string;
}

export interface BatchToCommit {
  seq: number;
  root: Uint8Array;
  size: number;
  prevRoot: Uint8Array;
}

export interface AnchorChain {
  chainId(): Promise<string>;
  latest(): Promise<{ seq: number; batch: ChainBatchInfo | null }>;
  getBatch(seq: number): Promise<ChainBatchInfo | null>;
  /** Commits and waits for the block; throws the committer's typed errors. */
  commit(batch: BatchToCommit): Promise<AnchorResult>;
  /** The successful transaction in block `height` that committed batch `seq` with `root`. */
  findCommitTx(seq: number, root: Uint8Array, height: number): Promise<string | undefined>;
}

export async function findCommitTx(rpc: CometRpc, seq: number, root: Uint8Array, height: number): Promise<string | undefined> {
  const block = await rpc.block(height);
  const txs = (block.block.data.txs ?? []).map((t) => new Uint8Array(Buffer.from(t, 'base64')));
  const candidates: number[] = [];
  txs.forEach((tx, i) => {
    const commits = txMessages(tx).some((m) => {
      if (m.typeUrl !== MSG_COMMIT_BATCH_TYPE_URL) return false;
      const msg = MsgCommitBatch.decode(m.value);
      return msg.seq === BigInt(seq) && bytesEqual(msg.root, root);
    });
    if (commits) candidates.push(i);
  });
  if (candidates.length === 0) return undefined;
  // A resent duplicate fails in the block; only the transaction that succeeded is the anchor.
  const results = await rpc.call<{ txs_results?: { code: number }[] | null }>('block_results', { height: String(height) });
  const ok = candidates.find((i) => (results.txs_results?.[i]?.code ?? 1) === 0);
  return ok === undefined ? undefined : createHash('sha256').update(txs[ok]!).digest('hex').toUpperCase();
}

export function committerChain(committer: ChainCommitter): AnchorChain {
  return {
    chainId: () => committer.chainId(),
    async latest() {
      const { latestSeq, batch } = await committer.latestBatch();
      return { seq: latestSeq, batch };
    },
    getBatch: (seq) => committer.getBatch(seq),
    async commit(b) {
      const r = await committer.commitBatch({ seq: b.seq, root: b.root, size: b.size, prevRoot: b.prevRoot });
      return { height: r.height, txHash: r.txHash, time: r.time, chainId: r.chainId };
    },
    findCommitTx: (seq, root, height) => findCommitTx(committer.rpc, seq, root, height),
  };
}
