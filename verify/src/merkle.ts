// 'buffer' (not 'node:buffer') on purpose: Node resolves it to its core module, and browser
// bundlers resolve it to the npm `buffer` package this package depends on — the same module
// merkletreejs itself requires, so both sides agree on what a Buffer is without a global polyfill.
import { Buffer } from 'buffer';
import { MerkleTree } from 'merkletreejs';
import { sha256 } from '@noble/hashes/sha2.js';
import { MerkleError } from './errors.js';
import { HASH_SIZE } from './hash.js';

/**
 * A tree's levels, bottom up: level 0 holds the leaf hashes, the last level holds only the
 * root. Each level pairs its nodes left to right; an odd last node is carried up unchanged.
 * Carrying (never duplicating) the odd node gives exactly the RFC 9162 §2.1.1 tree: in MTH the
 * split point k is the largest power of two below n, so a node at level l and position p is
 * MTH of leaves [p·2^l, min((p+1)·2^l, n)). These levels are what the indexer stores per batch.
 */
export type MerkleLayers = Uint8Array[][];

/** A node that is part of a leaf's audit path: level (0 = leaves) and position in that level. */
export type PathPosition = { level: number; pos: number };

const NODE_PREFIX = Buffer.from([0x01]);

/**
 * Builds the RFC 9162 tree over pre-hashed leaves (see leafHash) with merkletreejs. Every
 * option that would reorder, rehash, pad or duplicate is switched off explicitly, and the
 * concatenator adds the 0x01 interior-node prefix, so merkletreejs computes SHA-256(0x01‖l‖r).
 */
export function buildTree(leaves: Uint8Array[]): MerkleLayers {
  const tree = createMerkleTree(leaves);
  // Copies as plain Uint8Arrays: callers get no Buffer, and no view into merkletreejs's state.
  const layers = tree.getLayers().map((level) => level.map((node) => Uint8Array.from(node)));
  checkShape(layers, leaves.length);
  return layers;
}

/** The configured merkletreejs instance behind buildTree (exported for the equivalence tests). */
export function createMerkleTree(leaves: Uint8Array[]): MerkleTree {
  if (!Array.isArray(leaves) || leaves.length === 0) throw new MerkleError('a tree needs at least one leaf');
  leaves.forEach((leaf, i) => checkHash(leaf, `leaf ${i}`));
  return new MerkleTree(
    leaves.map((leaf) => Buffer.from(leaf)),
    (data: Buffer) => Buffer.from(sha256(data)),
    {
      hashLeaves: false,
      sortLeaves: false,
      sortPairs: false,
      sort: false,
      duplicateOdd: false,
      complete: false,
      isBitcoinTree: false,
      concatenator: (inputs: Buffer[]) => Buffer.concat([NODE_PREFIX, ...inputs]),
    },
  );
}

/** The root: the single node of the last level. */
export function treeRoot(layers: MerkleLayers): Uint8Array {
  const top = layers[layers.length - 1];
  if (!top || top.length !== 1) throw new MerkleError('layers do not end in a single root');
  return top[0]!;
}

/** Number of nodes per level for a tree of `size` leaves, from the leaves up to the root. */
export function levelSizes(size: number): number[] {
  checkSize(size);
  const sizes = [size];
  while (sizes[sizes.length - 1]! > 1) sizes.push(Math.ceil(sizes[sizes.length - 1]! / 2));
  return sizes;
}

/**
 * Where the audit path of leaf `index` lives in the stored levels, in path order (nearest the
 * leaf first). At each level the sibling is pos ^ 1; a level where the node is the carried-up
 * odd last one has no sibling and adds nothing. With levels stored as (batch, level, pos) the
 * indexer can fetch the whole path with one query over these pairs.
 */
export function pathPositions(size: number, index: number): PathPosition[] {
  checkSize(size);
  checkIndex(index, size);
  const positions: PathPosition[] = [];
  const sizes = levelSizes(size);
  let pos = index;
  for (let level = 0; level < sizes.length - 1; level++) {
    const sibling = pos % 2 === 0 ? pos + 1 : pos - 1;
    if (sibling < sizes[level]!) positions.push({ level, pos: sibling });
    pos = Math.floor(pos / 2);
  }
  return positions;
}

/** The RFC 9162 §2.1.3.1 audit path of leaf `index`, read from any store of the levels. */
export function inclusionPathFromLevels(
  size: number,
  index: number,
  getNode: (level: number, pos: number) => Uint8Array,
): Uint8Array[] {
  return pathPositions(size, index).map(({ level, pos }) => checkHash(getNode(level, pos), `node (${level}, ${pos})`));
}

/** The audit path of leaf `index` in a tree built by buildTree. Always by index, never by value. */
export function inclusionPath(layers: MerkleLayers, index: number): Uint8Array[] {
  const size = layers[0]?.length ?? 0;
  checkShape(layers, size);
  return inclusionPathFromLevels(size, index, (level, pos) => layers[level]![pos]!);
}

function checkShape(layers: MerkleLayers, size: number): void {
  const expected = levelSizes(size);
  if (layers.length !== expected.length || layers.some((level, i) => level.length !== expected[i])) {
    throw new MerkleError(`layers do not have the shape of a tree of ${size} leaves`);
  }
}

function checkSize(size: number): void {
  if (!Number.isSafeInteger(size) || size < 1) throw new MerkleError(`tree size must be an integer ≥ 1, got ${size}`);
}

function checkIndex(index: number, size: number): void {
  if (!Number.isSafeInteger(index) || index < 0 || index >= size) {
    throw new MerkleError(`leaf index must be an integer in [0, ${size}), got ${index}`);
  }
}

function checkHash(hash: unknown, what: string): Uint8Array {
  if (!(hash instanceof Uint8Array) || hash.length !== HASH_SIZE) {
    throw new MerkleError(`${what} must be a ${HASH_SIZE}-byte hash`);
  }
  return hash;
}
