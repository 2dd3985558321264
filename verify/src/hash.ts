import { sha256 } from '@noble/hashes/sha2.js';
import { MerkleError } from './errors.js';
import { canonicalBytes } from './jcs.js';
import type { RecordDocument } from './document.js';

/** Every leaf and node hash is a SHA-256 digest. */
export const HASH_SIZE = 32;

// Domain separation of RFC 9162 §2.1.1: a leaf can never be mistaken for an interior node.
const LEAF_PREFIX = 0x00;
const NODE_PREFIX = 0x01;

/**
 * leaf = SHA-256(0x00 ‖ canonical bytes). Given a document it canonicalises it first; given
 * bytes it hashes them as they are (the caller vouches that they are canonical).
 */
export function leafHash(input: RecordDocument | Uint8Array): Uint8Array {
  const bytes = input instanceof Uint8Array ? input : canonicalBytes(input);
  const data = new Uint8Array(bytes.length + 1);
  data[0] = LEAF_PREFIX;
  data.set(bytes, 1);
  return sha256(data);
}

/** node = SHA-256(0x01 ‖ left ‖ right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  if (left.length !== HASH_SIZE || right.length !== HASH_SIZE) {
    throw new MerkleError(`node children must be ${HASH_SIZE}-byte hashes, got ${left.length} and ${right.length} bytes`);
  }
  const data = new Uint8Array(1 + 2 * HASH_SIZE);
  data[0] = NODE_PREFIX;
  data.set(left, 1);
  data.set(right, 1 + HASH_SIZE);
  return sha256(data);
}

/**
 * A SHA-256 of the concatenation of `parts` (strings as their UTF-8 bytes). The library hashes with
 * its own pure-JavaScript SHA-256 (browsers included); a caller on Node may pass its native one to
 * the verifiers that accept it (verifyProofSet's `sha256`), e.g.
 * `(...parts) => { const h = createHash('sha256'); for (const p of parts) h.update(p); return h.digest(); }`.
 * It must compute SHA-256 exactly: the leaves and nodes it returns are compared with the batch root.
 */
export type Sha256 = (...parts: (Uint8Array | string)[]) => Uint8Array;

const utf8 = new TextEncoder();
const LEAF_PREFIX_BYTES = new Uint8Array([LEAF_PREFIX]);
const NODE_PREFIX_BYTES = new Uint8Array([NODE_PREFIX]);

/** leafHash of a canonical text, with `sha256` when given (else the pure-JS one). */
export function leafOfText(text: string, hash?: Sha256): Uint8Array {
  if (hash) return checked(hash(LEAF_PREFIX_BYTES, text));
  // Not through leafHash: its `instanceof Uint8Array` fails for bytes of another realm's TextEncoder.
  const bytes = utf8.encode(text);
  const data = new Uint8Array(bytes.length + 1);
  data[0] = LEAF_PREFIX;
  data.set(bytes, 1);
  return sha256(data);
}

/** nodeHash with `sha256` when given (else the pure-JS one). */
export function nodeWith(left: Uint8Array, right: Uint8Array, hash?: Sha256): Uint8Array {
  if (!hash) return nodeHash(left, right);
  if (left.length !== HASH_SIZE || right.length !== HASH_SIZE) {
    throw new MerkleError(`node children must be ${HASH_SIZE}-byte hashes, got ${left.length} and ${right.length} bytes`);
  }
  return checked(hash(NODE_PREFIX_BYTES, left, right));
}

function checked(digest: Uint8Array): Uint8Array {
  if (!ArrayBuffer.isView(digest) || digest.length !== HASH_SIZE) throw new MerkleError(`the SHA-256 given must return ${HASH_SIZE} bytes`);
  return digest;
}
