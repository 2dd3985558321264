import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toHex } from '../src/hex.js';
import { leafHash } from '../src/hash.js';
import { verifyInclusion } from '../src/inclusion.js';
import { buildTree, inclusionPath, treeRoot } from '../src/merkle.js';
import { ReferenceLog } from './rfc9162-reference.js';

const flip = (bytes: Uint8Array, bit: number): Uint8Array => {
  const copy = Uint8Array.from(bytes);
  copy[(bit >> 3) % copy.length]! ^= 1 << (bit & 7);
  return copy;
};

// Arbitrary entries (any bytes, duplicates allowed) and an index into them.
const treeAndIndex = fc
  .array(fc.uint8Array({ maxLength: 24 }), { minLength: 1, maxLength: 150 })
  .chain((entries) => fc.tuple(fc.constant(entries), fc.nat(entries.length - 1)));

describe('Merkle properties (fast-check)', () => {
  it('buildTree agrees with the reference, and every honest proof verifies', () => {
    fc.assert(
      fc.property(treeAndIndex, ([entries, index]) => {
        const reference = new ReferenceLog(entries);
        const layers = buildTree(entries.map((entry) => leafHash(entry)));
        const root = treeRoot(layers);
        expect(toHex(root)).toBe(toHex(reference.root(entries.length)));
        const path = inclusionPath(layers, index);
        expect(path.map(toHex)).toEqual(reference.auditPath(index, entries.length).map(toHex));
        expect(verifyInclusion(leafHash(entries[index]!), index, entries.length, path, root)).toEqual({ ok: true });
      }),
      { numRuns: 200 },
    );
  });

  it('any single flipped bit in leaf, path or root is rejected', () => {
    fc.assert(
      fc.property(treeAndIndex, fc.nat(), fc.nat(255), ([entries, index], which, bit) => {
        const layers = buildTree(entries.map((entry) => leafHash(entry)));
        const root = treeRoot(layers);
        const leaf = leafHash(entries[index]!);
        const path = inclusionPath(layers, index);
        const target = which % (path.length + 2);
        const result =
          target === 0
            ? verifyInclusion(flip(leaf, bit), index, entries.length, path, root)
            : target === 1
              ? verifyInclusion(leaf, index, entries.length, path, flip(root, bit))
              : verifyInclusion(leaf, index, entries.length, path.map((p, i) => (i === target - 2 ? flip(p, bit) : p)), root);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
