// @lianjian/indexer: the outbox contract used by the API, proof serving, the indexer itself and
// the auditor.
export { appendRecord, appendRecords, prepareRecord, type RecordInput, type AppendedRecord } from './outbox.js';
export { getProofBundle, getProofs, ProofStorageError, type RecordKey, type RecordProof, type ProofStatus } from './proof.js';
export { Indexer, DEFAULT_POLICY, INDEXER_LOCK_KEY, type BatchPolicy, type IndexerOptions, type Role } from './indexer.js';
export { committerChain, findCommitTx, type AnchorChain, type AnchorResult, type ChainBatchInfo } from './anchor-chain.js';
export { AnchorConflictError } from './anchorer.js';
export { loadHead, pendingRecords, claimRecords, buildLevels, storeBatch, recover, LedgerCorruptError, ZERO_ROOT, type LedgerHead, type BuiltBatch, type Claim, type Cursor } from './batcher.js';
export { createLogger, silentLogger, type Logger } from './log.js';
export type { Sql, PgLike, PrismaLike } from './sql.js';
