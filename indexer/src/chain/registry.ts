import { Registry, type EncodeObject } from '@cosmjs/proto-signing';
import { defaultRegistryTypes } from '@cosmjs/stargate';
import { MSG_COMMIT_BATCH_TYPE_URL, MsgCommitBatch } from '@lianjian/verify/chain';

export { MSG_COMMIT_BATCH_TYPE_URL };

/** Bech32 prefix of the Lianjian chain's accounts (chain/app/config.go AccountAddressPrefix). */
export const ADDRESS_PREFIX = 'lianjian';

/** cosmjs registry with the SDK's default messages and x/anchor's MsgCommitBatch (ts-proto 2). */
export function createAnchorRegistry(): Registry {
  return new Registry([...defaultRegistryTypes, [MSG_COMMIT_BATCH_TYPE_URL, MsgCommitBatch]]);
}

export interface CommitBatchInput {
  seq: number | bigint;
  /** 32-byte Merkle root of the batch. */
  root: Uint8Array;
  size: number | bigint;
  /** Root of batch seq-1; 32 zero bytes for seq 1. */
  prevRoot: Uint8Array;
}

export function commitBatchMessage(submitter: string, input: CommitBatchInput): EncodeObject {
  return {
    typeUrl: MSG_COMMIT_BATCH_TYPE_URL,
    value: MsgCommitBatch.fromPartial({
      submitter,
      seq: BigInt(input.seq),
      root: input.root,
      size: BigInt(input.size),
      prevRoot: input.prevRoot,
    }),
  };
}
