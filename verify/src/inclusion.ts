import { errorMessage } from './errors.js';
import { HASH_SIZE, nodeHash } from './hash.js';
import { bytesEqual } from './hex.js';

export type CheckResult = { ok: true } | { ok: false; reason: string };

/**
 * RFC 9162 §2.1.3.2: does `path` prove that `leaf` is leaf `index` of the tree of `size`
 * leaves whose root is `root`? Every bound is checked — 0 ≤ index < size, every hash exactly
 * 32 bytes, and the path exactly as long as the algorithm consumes (no spare or missing
 * elements). Never throws: bad input is a failed verification with a reason.
 *
 * Arithmetic halving instead of bit shifts keeps it right beyond 2^31 leaves.
 */
export function verifyInclusion(
  leaf: Uint8Array,
  index: number,
  size: number,
  path: readonly Uint8Array[],
  root: Uint8Array,
): CheckResult {
  try {
    return verify(leaf, index, size, path, root);
  } catch (error) {
    return { ok: false, reason: `inclusion check failed: ${errorMessage(error)}` };
  }
}

function verify(leaf: Uint8Array, index: number, size: number, path: readonly Uint8Array[], root: Uint8Array): CheckResult {
  if (!Number.isSafeInteger(size) || size < 1) return fail(`tree size must be an integer ≥ 1, got ${String(size)}`);
  if (!Number.isSafeInteger(index) || index < 0) return fail(`leaf index must be an integer ≥ 0, got ${String(index)}`);
  if (index >= size) return fail(`leaf index ${index} is not below tree size ${size}`);
  if (!isHash(leaf)) return fail(`leaf hash must be ${HASH_SIZE} bytes`);
  if (!isHash(root)) return fail(`root hash must be ${HASH_SIZE} bytes`);
  if (!Array.isArray(path)) return fail('path must be an array of hashes');
  const bad = path.findIndex((p) => !isHash(p));
  if (bad >= 0) return fail(`path element ${bad} must be a ${HASH_SIZE}-byte hash`);
  const expected = expectedPathLength(index, size);
  if (path.length !== expected) {
    return fail(`path has ${path.length} hashes, but leaf ${index} of a tree of ${size} needs exactly ${expected}`);
  }

  // The algorithm of §2.1.3.2, step for step.
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of path) {
    if (sn === 0) return fail('path is longer than the tree is deep');
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn /= 2;
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  if (sn !== 0) return fail('path is shorter than the tree is deep');
  if (!bytesEqual(r, root)) return fail('the path does not lead to the root: recomputed root differs');
  return { ok: true };
}

/** How many hashes §2.1.3.2 consumes for this index and size (levels where the node has a sibling). */
function expectedPathLength(index: number, size: number): number {
  let count = 0;
  let fn = index;
  let sn = size - 1;
  while (sn > 0) {
    if (fn % 2 === 1 || fn < sn) count++;
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return count;
}

function isHash(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array && value.length === HASH_SIZE;
}

function fail(reason: string): CheckResult {
  return { ok: false, reason };
}
