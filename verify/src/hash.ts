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
