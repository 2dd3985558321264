/**
 * Every error this library throws is a VerifyError, so callers can tell "the input is wrong"
 * from a bug; `code` says which part refused it.
 */
export type VerifyErrorCode = 'hex' | 'json' | 'canonical' | 'document' | 'merkle' | 'bundle' | 'proofset';

export class VerifyError extends Error {
  readonly code: VerifyErrorCode;

  constructor(code: VerifyErrorCode, message: string) {
    super(message);
    this.code = code;
    this.name = new.target.name;
  }
}

/** A hex string that is not lowercase, even-length hex of the expected size. */
export class HexError extends VerifyError {
  constructor(message: string) {
    super('hex', message);
  }
}

/** Text that is not strict JSON (syntax error, duplicate key, number out of range). */
export class JsonParseError extends VerifyError {
  constructor(message: string) {
    super('json', message);
  }
}

/** A value that RFC 8785 cannot serialise (NaN, undefined, a Date, a cycle, a lone surrogate). */
export class CanonicalizationError extends VerifyError {
  constructor(message: string) {
    super('canonical', message);
  }
}

/** A record document that breaks the proof format v1 rules. */
export class DocumentError extends VerifyError {
  constructor(message: string) {
    super('document', message);
  }
}

/** Bad input to tree building or path extraction (not to verification, which never throws). */
export class MerkleError extends VerifyError {
  constructor(message: string) {
    super('merkle', message);
  }
}

/** A proof bundle that does not have the v1 shape. */
export class BundleError extends VerifyError {
  constructor(message: string) {
    super('bundle', message);
  }
}

/**
 * A proof set v2 that does not have the v2 shape, or whose nodes do not prove its records (an index
 * out of range, two leaves at one index, nodes short or left over, a different root).
 */
export class ProofSetError extends VerifyError {
  constructor(message: string) {
    super('proofset', message);
  }
}

/** Message of anything thrown, for reports that must not throw themselves. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
