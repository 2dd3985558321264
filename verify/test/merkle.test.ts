import { Buffer } from 'node:buffer';
import { MerkleTree } from 'merkletreejs';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../src/hex.js';
import { leafHash } from '../src/hash.js';
import { verifyInclusion } from '../src/inclusion.js';
import {
  buildTree,
  createMerkleTree,
  inclusionPath,
  inclusionPathFromLevels,
  levelSizes,
  pathPositions,
  treeRoot,
} from '../src/merkle.js';
import { ReferenceLog, sampleEntries, sha256 } from './rfc9162-reference.js';
import { RFC6962_PROOFS, RFC6962_ROOTS, rfc6962Leaves, rfc6962Root } from './rfc6962-vectors.js';

const MAX_SIZE = 300;
const log = new ReferenceLog(sampleEntries(MAX_SIZE));
const leaves = log.entries.map((entry) => leafHash(entry));

describe('buildTree (merkletreejs) against the from-scratch RFC 9162 tree', () => {
  it(`has the same root, audit paths and accepted proofs for every size 1..${MAX_SIZE} and every index`, () => {
    const mismatches: string[] = [];
    let proofs = 0;
    for (let size = 1; size <= MAX_SIZE; size++) {
      const layers = buildTree(leaves.slice(0, size));
      const root = treeRoot(layers);
      if (toHex(root) !== toHex(log.root(size))) mismatches.push(`root of ${size}`);
      for (let index = 0; index < size; index++) {
        const path = inclusionPath(layers, index);
        const expected = log.auditPath(index, size);
        if (path.map(toHex).join() !== expected.map(toHex).join()) mismatches.push(`path ${index}/${size}`);
        const result = verifyInclusion(leaves[index]!, index, size, expected, log.root(size));
        if (!result.ok) mismatches.push(`verify ${index}/${size}: ${result.reason}`);
        proofs++;
      }
    }
    expect(mismatches).toEqual([]);
    expect(proofs).toBe((MAX_SIZE * (MAX_SIZE + 1)) / 2);
  });

  it('stores at level l, position p exactly MTH of leaves [p·2^l, min((p+1)·2^l, n)) — the layers the indexer keeps', () => {
    const mismatches: string[] = [];
    for (const size of [1, 2, 3, 5, 7, 8, 9, 31, 33, 100, 255, 256, 257, 300]) {
      const layers = buildTree(leaves.slice(0, size));
      expect(layers.map((level) => level.length)).toEqual(levelSizes(size));
      layers.forEach((level, l) =>
        level.forEach((node, p) => {
          const start = p * 2 ** l;
          if (toHex(node) !== toHex(log.mth(start, Math.min(start + 2 ** l, size)))) mismatches.push(`${size}:${l}:${p}`);
        }),
      );
    }
    expect(mismatches).toEqual([]);
  });

  it("agrees with merkletreejs's own getProof when given the index", () => {
    const mismatches: string[] = [];
    for (let size = 1; size <= 70; size++) {
      const tree = createMerkleTree(leaves.slice(0, size));
      for (let index = 0; index < size; index++) {
        const theirs = tree.getProof(Buffer.from(leaves[index]!), index).map((step) => toHex(step.data));
        if (theirs.join() !== log.auditPath(index, size).map(toHex).join()) mismatches.push(`${index}/${size}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("differs from RFC 9162 with merkletreejs's defaults (why every option is set explicitly)", () => {
    // Entries ordered so that every pair's leaf hashes are in descending order, which makes
    // sorting pairs observable.
    const entries = log.entries.slice(0, 5).sort((a, b) => Buffer.compare(leafHash(b), leafHash(a)));
    const ordered = entries.map((entry) => leafHash(entry));
    const five = ordered.map((leaf) => Buffer.from(leaf));
    const hash = (data: Buffer) => Buffer.from(sha256(data));
    const rfcRoot = toHex(new ReferenceLog(entries).root(5));
    // No 0x01 node prefix.
    expect(toHex(new MerkleTree(five, hash).getRoot())).not.toBe(rfcRoot);
    // Duplicating the odd node (Bitcoin-like) instead of carrying it up.
    const concat = (inputs: Buffer[]) => Buffer.concat([Buffer.from([1]), ...inputs]);
    expect(toHex(new MerkleTree(five, hash, { concatenator: concat, duplicateOdd: true }).getRoot())).not.toBe(rfcRoot);
    // Sorted pairs.
    expect(toHex(new MerkleTree(five, hash, { concatenator: concat, sortPairs: true }).getRoot())).not.toBe(rfcRoot);
    // The configuration buildTree uses.
    expect(toHex(treeRoot(buildTree(ordered)))).toBe(rfcRoot);
  });

  it('keeps duplicate leaves apart: paths are by index, not by value', () => {
    const same = leafHash(new TextEncoder().encode('same'));
    const other = leafHash(new TextEncoder().encode('other'));
    const tree = [same, other, same, other, same];
    const layers = buildTree(tree);
    const root = treeRoot(layers);
    const reference = new ReferenceLog(['same', 'other', 'same', 'other', 'same'].map((s) => new TextEncoder().encode(s)));
    for (let index = 0; index < tree.length; index++) {
      expect(inclusionPath(layers, index).map(toHex)).toEqual(reference.auditPath(index, 5).map(toHex));
      expect(verifyInclusion(tree[index]!, index, 5, inclusionPath(layers, index), root)).toEqual({ ok: true });
    }
  });
});

describe('pathPositions and inclusionPathFromLevels', () => {
  it('name the stored nodes that make up each audit path', () => {
    for (let size = 1; size <= 80; size++) {
      const layers = buildTree(leaves.slice(0, size));
      const sizes = levelSizes(size);
      for (let index = 0; index < size; index++) {
        const positions = pathPositions(size, index);
        for (const { level, pos } of positions) expect(pos).toBeLessThan(sizes[level]!);
        const fromLevels = inclusionPathFromLevels(size, index, (level, pos) => layers[level]![pos]!);
        expect(fromLevels.map(toHex)).toEqual(log.auditPath(index, size).map(toHex));
      }
    }
  });

  it('gives the documented positions for a tree of 5', () => {
    // Levels: 5 leaves, 3 nodes, 2 nodes, root. Leaf 4 is carried up twice.
    expect(levelSizes(5)).toEqual([5, 3, 2, 1]);
    expect(pathPositions(5, 0)).toEqual([
      { level: 0, pos: 1 },
      { level: 1, pos: 1 },
      { level: 2, pos: 1 },
    ]);
    expect(pathPositions(5, 4)).toEqual([{ level: 2, pos: 0 }]);
    expect(pathPositions(1, 0)).toEqual([]);
  });

  it('refuses bad sizes, indexes, leaves and stored nodes with clear errors', () => {
    expect(() => pathPositions(0, 0)).toThrow(/tree size must be an integer ≥ 1/);
    expect(() => pathPositions(5, 5)).toThrow(/leaf index must be an integer in \[0, 5\)/);
    expect(() => pathPositions(5, -1)).toThrow(/leaf index/);
    expect(() => pathPositions(5, 1.5)).toThrow(/leaf index/);
    expect(() => buildTree([])).toThrow(/at least one leaf/);
    expect(() => buildTree([new Uint8Array(31)])).toThrow(/leaf 0 must be a 32-byte hash/);
    expect(() => inclusionPathFromLevels(2, 0, () => new Uint8Array(3))).toThrow(/node \(0, 1\) must be a 32-byte hash/);
    const layers = buildTree(leaves.slice(0, 4));
    expect(() => inclusionPath([layers[0]!, layers[1]!], 0)).toThrow(/shape of a tree of 4 leaves/);
    expect(() => treeRoot([])).toThrow(/single root/);
  });
});

describe('RFC 6962 test vectors', () => {
  it('reproduces the roots of sizes 1..8', () => {
    for (let size = 1; size <= 8; size++) {
      expect(toHex(treeRoot(buildTree(rfc6962Leaves.slice(0, size)))), `size ${size}`).toBe(RFC6962_ROOTS[size - 1]);
    }
  });

  it('reproduces the known inclusion proofs, and verifies them', () => {
    for (const { index, size, path } of RFC6962_PROOFS) {
      const layers = buildTree(rfc6962Leaves.slice(0, size));
      expect(inclusionPath(layers, index).map(toHex), `${index}/${size}`).toEqual(path);
      expect(verifyInclusion(rfc6962Leaves[index]!, index, size, path.map((h) => fromHex(h)), rfc6962Root(size))).toEqual({
        ok: true,
      });
    }
  });
});
