/**
 * Errors of the chain reader. Two families matter to callers:
 * - ChainUnavailableError: we could not ask (node down, timeout, height not served). Nothing is
 *   known about the batch; the CLI reports "chain check could not run".
 * - ChainProofError: the node answered, but its answer does not prove what it claims (a proof
 *   op, header, signature or value fails a check). That is a verification failure.
 * ChainRpcError is an error the node itself returned; BatchNotFoundError is a proven absence.
 */
export type ChainErrorKind = 'unavailable' | 'rpc' | 'proof' | 'not-found' | 'trust';

export class ChainError extends Error {
  readonly kind: ChainErrorKind;

  constructor(kind: ChainErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.kind = kind;
    this.name = new.target.name;
  }
}

/** The node could not be reached or did not answer in time. */
export class ChainUnavailableError extends ChainError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('unavailable', message, options);
  }
}

/** The node answered with a JSON-RPC error or an ABCI error code. */
export class ChainRpcError extends ChainError {
  readonly code: number | undefined;

  constructor(message: string, code?: number) {
    super('rpc', message);
    this.code = code;
  }
}

/** A state proof, header, commit or value that does not check out. */
export class ChainProofError extends ChainError {
  constructor(message: string) {
    super('proof', message);
  }
}

/** The chain's state provably has no batch with this seq (verified non-existence proof). */
export class BatchNotFoundError extends ChainError {
  readonly seq: bigint;
  readonly height: number;

  constructor(seq: bigint, height: number) {
    super('not-found', `batch ${seq} is not in x/anchor state at height ${height} (absence proven by the state proof)`);
    this.seq = seq;
    this.height = height;
  }
}

/**
 * Why a root of trust refuses what a node serves (trust.ts has the English and Chinese wording of
 * each code, for pages that show it in the reader's language).
 */
export type TrustRefusalCode =
  | 'wrong-chain'
  | 'fork'
  | 'not-handed-over'
  | 'validators-mismatch'
  | 'expired'
  | 'invalid-header'
  | 'bad-root';

/** The node's answer does not follow from the root of trust (light-client rules): a verification failure. */
export class TrustError extends ChainError {
  readonly code: TrustRefusalCode;
  readonly height: number | undefined;

  constructor(code: TrustRefusalCode, message: string, height?: number) {
    super('trust', message);
    this.code = code;
    this.height = height;
  }
}
