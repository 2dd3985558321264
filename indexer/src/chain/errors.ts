/**
 * Why a batch commit did not make it on chain. Rejections by x/anchor carry the module's
 * registered error code (codespace "anchor", chain/x/anchor/types/errors.go), so they map to
 * one class each; the indexer reacts to SeqOutOfOrder and PrevRootMismatch by re-reading the
 * chain's latest batch, while Unauthorized and Bad* are configuration or programming errors.
 */
export class ChainCommitError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Where the chain refused the transaction: in CheckTx (never in a block) or in a block. */
export type RejectionStage = 'check' | 'deliver';

/** The chain refused the transaction. `log` is the node's message, e.g. "seq 5 out of order: expected 4: …". */
export class ChainTxRejectedError extends ChainCommitError {
  readonly codespace: string;
  readonly code: number;
  readonly log: string;
  readonly stage: RejectionStage;
  readonly txHash: string;

  constructor(args: { codespace: string; code: number; log: string; stage: RejectionStage; txHash: string; what?: string }) {
    const where = args.stage === 'check' ? 'refused by CheckTx' : `failed in block (tx ${args.txHash})`;
    super(`${args.what ?? 'transaction rejected'}: ${where}, ${args.codespace || 'sdk'} code ${args.code}: ${args.log}`);
    this.codespace = args.codespace;
    this.code = args.code;
    this.log = args.log;
    this.stage = args.stage;
    this.txHash = args.txHash;
  }
}

type RejectionArgs = ConstructorParameters<typeof ChainTxRejectedError>[0];

/** seq is not latest+1. `expectedSeq` is parsed from the chain's message when present. */
export class SeqOutOfOrderError extends ChainTxRejectedError {
  readonly expectedSeq: number | undefined;
  constructor(args: RejectionArgs) {
    super({ ...args, what: 'batch seq out of order' });
    const m = /expected (\d+)/.exec(args.log);
    this.expectedSeq = m ? Number(m[1]) : undefined;
  }
}

/** A rejection class whose message names what was wrong (the class is what callers switch on). */
function rejection(what: string) {
  return class extends ChainTxRejectedError {
    constructor(args: RejectionArgs) {
      super({ ...args, what });
    }
  };
}

/** prev_root is not the root of batch seq-1 (or not zero for seq 1). */
export class PrevRootMismatchError extends rejection('prev_root does not match the previous batch') {}
/** The signing account is not in the module's allowed_submitters. */
export class UnauthorizedSubmitterError extends rejection('submitter not allowed to commit batches') {}
/** root is not 32 bytes. */
export class BadRootError extends rejection('malformed batch root') {}
/** prev_root is not 32 bytes. */
export class BadPrevRootError extends rejection('malformed prev_root') {}
/** size is 0. */
export class BadSizeError extends rejection('invalid batch size') {}
/** The submitter field is not a valid address. */
export class InvalidSubmitterError extends rejection('invalid submitter address') {}

/** The node stayed unreachable for longer than the retry policy allows. */
export class ChainUnreachableError extends ChainCommitError {}

/** The transaction was accepted into the mempool but not seen in a block in time. */
export class InclusionTimeoutError extends ChainCommitError {
  readonly txHash: string;
  constructor(txHash: string, waitedMs: number) {
    super(`transaction ${txHash} was not included in a block within ${Math.round(waitedMs / 1000)} s`);
    this.txHash = txHash;
  }
}

/** The node serves another chain than the committer was configured for. */
export class WrongChainError extends ChainCommitError {}

// Codes registered in chain/x/anchor/types/errors.go.
const ANCHOR_ERRORS: Record<number, new (args: RejectionArgs) => ChainTxRejectedError> = {
  2: UnauthorizedSubmitterError,
  3: InvalidSubmitterError,
  4: BadRootError,
  5: BadPrevRootError,
  6: BadSizeError,
  7: SeqOutOfOrderError,
  8: PrevRootMismatchError,
};

export const ANCHOR_CODESPACE = 'anchor';

/** The typed error for a chain rejection. */
export function rejectionError(args: Omit<RejectionArgs, 'what'>): ChainTxRejectedError {
  const Type = args.codespace === ANCHOR_CODESPACE ? ANCHOR_ERRORS[args.code] : undefined;
  return Type ? new Type(args) : new ChainTxRejectedError(args);
}
