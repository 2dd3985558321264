// Chain side of @lianjian/verify: verified reads of x/anchor state over CometBFT RPC
// (browser-safe), and the generated x/anchor messages that the indexer's committer signs.
export { createChainChecker, DEFAULT_RPC_URL, anchorMismatch, sameInstant, type ChainCheckerOptions } from './checker.js';
export {
  AnchorReader,
  readBatchVerified,
  readLatestBatch,
  verifyKeyRead,
  decodeBatchValue,
  batchKey,
  ANCHOR_STORE,
  LATEST_SEQ_KEY,
  type ChainBatch,
  type ChainReadOptions,
  type KeyReadEvidence,
  type StateProof,
  type VerifiedBatch,
  type VerifiedLatest,
} from './anchor.js';
export { ChainError, ChainUnavailableError, ChainRpcError, ChainProofError, BatchNotFoundError, TrustError, type ChainErrorKind, type TrustRefusalCode } from './errors.js';
export {
  LightClient,
  makeTrustRoot,
  verifyRootBlock,
  verifyStep,
  verifyBackwardsStep,
  verifyCommitLight,
  verifyCommitLightTrusting,
  MAX_CLOCK_DRIFT_MS,
  type LightBlock,
  type TrustedBlock,
  type LightClientOptions,
  type LightVerifyOptions,
} from './lightclient.js';
export {
  parseTrustRoot,
  rootValidators,
  levelName,
  signersText,
  trustReason,
  TRUST_REASONS,
  TRUST_LEVEL,
  TRUST_ROOT_MEDIA_TYPE,
  DEFAULT_TRUSTING_PERIOD_SECONDS,
  NODE_TRUST_NOTE,
  type TrustRoot,
  type TrustRootValidator,
  type SignerReport,
  type SignerEntry,
  type ChainTrust,
} from './trust.js';
export { CometRpc, type RpcOptions } from './rpc.js';
export { checkSignedHeader, headerHash, validatorSetHash, type CheckedHeader, type HeaderCheckOptions } from './light.js';
export { verifyAnchorTx, txMessages, MSG_COMMIT_BATCH_TYPE_URL } from './tx.js';
export { Batch, Params } from './gen/lianjian/anchor/v1/anchor.js';
export { MsgCommitBatch, MsgCommitBatchResponse } from './gen/lianjian/anchor/v1/tx.js';
export {
  QueryBatchRequest,
  QueryBatchResponse,
  QueryLatestBatchRequest,
  QueryLatestBatchResponse,
  QueryParamsRequest,
  QueryParamsResponse,
} from './gen/lianjian/anchor/v1/query.js';
