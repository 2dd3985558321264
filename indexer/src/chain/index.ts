// The indexer's chain side: commits batch roots to x/anchor and reads them back for recovery.
export { ChainCommitter, type ChainCommitterOptions, type CommitResult } from './committer.js';
export {
  ChainCommitError,
  ChainTxRejectedError,
  SeqOutOfOrderError,
  PrevRootMismatchError,
  UnauthorizedSubmitterError,
  BadRootError,
  BadPrevRootError,
  BadSizeError,
  InvalidSubmitterError,
  ChainUnreachableError,
  InclusionTimeoutError,
  WrongChainError,
  rejectionError,
  ANCHOR_CODESPACE,
  type RejectionStage,
} from './errors.js';
export { queryBatch, queryLatestBatch, toAnchorBatch, type AnchorBatch } from './queries.js';
export { createAnchorRegistry, commitBatchMessage, ADDRESS_PREFIX, MSG_COMMIT_BATCH_TYPE_URL, type CommitBatchInput } from './registry.js';
export { DEFAULT_RETRY, withRetry, type RetryPolicy } from './retry.js';
