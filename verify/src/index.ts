// Public API of @lianjian/verify: browser-safe (no Node built-ins). The CLI lives in cli.ts and
// is deliberately not exported from here.
export {
  VerifyError,
  HexError,
  JsonParseError,
  CanonicalizationError,
  DocumentError,
  MerkleError,
  BundleError,
  ProofSetError,
  type VerifyErrorCode,
} from './errors.js';
export { toHex, fromHex, bytesEqual } from './hex.js';
export { canonicalize, canonicalBytes } from './jcs.js';
export { parseJson } from './json.js';
export {
  makeDocument,
  validateDocument,
  encodeBase64Url,
  decodeBase64Url,
  SALT_BYTES,
  type RecordDocument,
  type DocumentInput,
} from './document.js';
export { HASH_SIZE, leafHash, leafOfText, nodeHash, type Sha256 } from './hash.js';
export {
  buildTree,
  treeRoot,
  levelSizes,
  pathPositions,
  inclusionPath,
  inclusionPathFromLevels,
  type MerkleLayers,
  type PathPosition,
} from './merkle.js';
export { verifyInclusion, type CheckResult } from './inclusion.js';
export {
  PROOF_MEDIA_TYPE,
  parseBundle,
  createBundle,
  verifyBundle,
  type ProofBundle,
  type Anchor,
  type ChainChecker,
  type Check,
  type CheckName,
  type VerifyReport,
  type VerifyOptions,
} from './bundle.js';
export {
  PROOF_SET_MEDIA_TYPE,
  parseProofSet,
  buildProofSet,
  buildProofSetBatch,
  verifyProofSet,
  toBundles,
  fromBundles,
  proofSetPositions,
  proofSetRoot,
  verifyLeaves,
  type LeavesReport,
  levelsReader,
  encodeBase64,
  decodeBase64,
  type ProofSet,
  type ProofSetBatch,
  type ProofSetRecord,
  type ProofSetReport,
  type ProofSetRecordReport,
  type ProofSetVerifyOptions,
  type ProofSetBuildBatch,
  type ProofSetBuildRecord,
  type NodeReader,
} from './proofset.js';
export { createChainChecker, DEFAULT_RPC_URL, type ChainCheckerOptions } from './chain/checker.js';
export { LightClient } from './chain/lightclient.js';
export { TrustError, type TrustRefusalCode } from './chain/errors.js';
export {
  parseTrustRoot,
  signersText,
  trustReason,
  TRUST_REASONS,
  TRUST_ROOT_MEDIA_TYPE,
  NODE_TRUST_NOTE,
  type TrustRoot,
  type SignerReport,
  type ChainTrust,
} from './chain/trust.js';
export { countVotes, recomputeTally, ballotsRoot, ballotProblem, quorumMet, meetsMajority, isMotion, VOTE_KINDS, QUORUM_RULES, MAJORITY_RULES, type VoteKind, type QuorumRule, type MajorityRule, type TallyRules, type TallyOption, type OptionResult, type TallyOutcome, type TallyDocuments, type TallyCheck } from './tally.js';
export * from './snapshot-exports.js';
