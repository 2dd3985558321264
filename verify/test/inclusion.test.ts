import { describe, expect, it } from 'vitest';
import { fromHex } from '../src/hex.js';
import { leafHash } from '../src/hash.js';
import { verifyInclusion } from '../src/inclusion.js';
import { ReferenceLog, sampleEntries } from './rfc9162-reference.js';
import { RFC6962_PROOFS, rfc6962Leaves, rfc6962Root } from './rfc6962-vectors.js';

const flip = (bytes: Uint8Array, bit: number): Uint8Array => {
  const copy = Uint8Array.from(bytes);
  copy[bit >> 3]! ^= 1 << (bit & 7);
  return copy;
};
const someHash = fromHex('abacaba000000000000000000000000000000000000000000060061e00123456');
const emptyTreeHash = fromHex('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');

type Probe = { desc: string; leaf: Uint8Array; index: number; size: number; path: Uint8Array[]; root: Uint8Array };

/** Corruptions of a valid proof that must all fail (after transparency-dev/merkle's corruptInclusionProof). */
function corruptions(leaf: Uint8Array, index: number, size: number, path: Uint8Array[], root: Uint8Array): Probe[] {
  const probes: Probe[] = [
    { desc: 'index - 1', leaf, index: index - 1, size, path, root },
    { desc: 'index + 1', leaf, index: index + 1, size, path, root },
    { desc: 'index ^ 2', leaf, index: index ^ 2, size, path, root },
    { desc: 'index = size', leaf, index: size, size, path, root },
    { desc: 'size * 2', leaf, index, size: size * 2, path, root },
    { desc: 'size / 2', leaf, index, size: Math.floor(size / 2), path, root },
    { desc: 'size 0', leaf, index, size: 0, path, root },
    { desc: 'wrong leaf', leaf: leafHash(new TextEncoder().encode('WrongLeaf')), index, size, path, root },
    { desc: 'flipped leaf bit', leaf: flip(leaf, 77), index, size, path, root },
    { desc: 'flipped root bit', leaf, index, size, path, root: flip(root, 3) },
    { desc: 'empty-tree root', leaf, index, size, path, root: emptyTreeHash },
    { desc: 'random root', leaf, index, size, path, root: someHash },
    { desc: 'trailing garbage', leaf, index, size, path: [...path, new Uint8Array(0)], root },
    { desc: 'trailing root', leaf, index, size, path: [...path, root], root },
    { desc: 'preceding garbage', leaf, index, size, path: [new Uint8Array(0), ...path], root },
    { desc: 'preceding root', leaf, index, size, path: [root, ...path], root },
    { desc: 'short leaf', leaf: leaf.subarray(0, 31), index, size, path, root },
    { desc: 'long root', leaf, index, size, path, root: Uint8Array.of(...root, 0) },
  ];
  path.forEach((_, i) => {
    probes.push({ desc: `flipped bit in path[${i}]`, leaf, index, size, path: path.map((p, j) => (j === i ? flip(p, 3) : p)), root });
    probes.push({ desc: `short path[${i}]`, leaf, index, size, path: path.map((p, j) => (j === i ? p.subarray(1) : p)), root });
    probes.push({ desc: `long path[${i}]`, leaf, index, size, path: path.map((p, j) => (j === i ? Uint8Array.of(...p, 0) : p)), root });
  });
  if (path.length > 0) probes.push({ desc: 'removed last element', leaf, index, size, path: path.slice(0, -1), root });
  if (path.length > 0) probes.push({ desc: 'removed first element', leaf, index, size, path: path.slice(1), root });
  if (path.length > 1) {
    probes.push({ desc: 'inserted element', leaf, index, size, path: [path[0]!, someHash, ...path.slice(1)], root });
    probes.push({ desc: 'swapped elements', leaf, index, size, path: [path[1]!, path[0]!, ...path.slice(2)], root });
  }
  return probes;
}

function accepted(probes: Probe[]): string[] {
  return probes.filter((p) => verifyInclusion(p.leaf, p.index, p.size, p.path, p.root).ok).map((p) => p.desc);
}

describe('verifyInclusion (RFC 9162 §2.1.3.2)', () => {
  it('rejects every corruption of the RFC 6962 vector proofs', () => {
    for (const { index, size, path } of RFC6962_PROOFS) {
      const proof = path.map((h) => fromHex(h));
      expect(verifyInclusion(rfc6962Leaves[index]!, index, size, proof, rfc6962Root(size)).ok).toBe(true);
      expect(accepted(corruptions(rfc6962Leaves[index]!, index, size, proof, rfc6962Root(size))), `${index}/${size}`).toEqual([]);
    }
  });

  it('rejects every corruption of every proof in trees of 1..40 leaves', () => {
    const log = new ReferenceLog(sampleEntries(40));
    const failures: string[] = [];
    for (let size = 1; size <= 40; size++) {
      for (let index = 0; index < size; index++) {
        const leaf = log.mth(index, index + 1);
        const bad = accepted(corruptions(leaf, index, size, log.auditPath(index, size), log.root(size)));
        if (bad.length > 0) failures.push(`${index}/${size}: ${bad.join(', ')}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('accepts a different size only where the RFC tree combines the path identically (so the size must come from the chain)', () => {
    // A path for leaf i of n also verifies for size n' when the reference tree of n' puts every
    // sibling on the same side: e.g. leaf 0 of 4 against "size 3". Everything else must fail.
    const log = new ReferenceLog(sampleEntries(81));
    const wrong: string[] = [];
    let coincidences = 0;
    for (let size = 1; size <= 40; size++) {
      for (let index = 0; index < size; index++) {
        const path = log.auditPath(index, size);
        const sides = log.sides(index, size).join();
        for (let other = index + 1; other <= 2 * size + 1; other++) {
          if (other === size) continue;
          const ok = verifyInclusion(log.mth(index, index + 1), index, other, path, log.root(size)).ok;
          const same = log.sides(index, other).join() === sides;
          if (ok !== same) wrong.push(`${index}/${size} as size ${other}: ${ok}`);
          if (ok) coincidences++;
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(coincidences).toBeGreaterThan(0);
    const log4 = new ReferenceLog(sampleEntries(4));
    expect(verifyInclusion(log4.mth(0, 1), 0, 3, log4.auditPath(0, 4), log4.root(4)).ok).toBe(true);
  });

  it('never throws on nonsense input and says why it failed', () => {
    const h = new Uint8Array(32);
    const cases: [unknown[], RegExp][] = [
      [[h, 0, 0, [], h], /tree size must be an integer ≥ 1/],
      [[h, -1, 1, [], h], /leaf index must be an integer ≥ 0/],
      [[h, 1.5, 4, [], h], /leaf index must be an integer/],
      [[h, Number.NaN, 4, [], h], /leaf index/],
      [[h, 2 ** 53, 2 ** 53 - 1, [], h], /leaf index must be an integer/],
      [[h, 3, 3, [], h], /leaf index 3 is not below tree size 3/],
      [[h, 0, 1.5, [], h], /tree size/],
      [['00', 0, 1, [], h], /leaf hash must be 32 bytes/],
      [[h, 0, 1, [], null], /root hash must be 32 bytes/],
      [[h, 0, 2, 'path', h], /path must be an array/],
      [[h, 0, 2, [null], h], /path element 0 must be a 32-byte hash/],
      [[h, 0, 2, [h, h], h], /path has 2 hashes, but leaf 0 of a tree of 2 needs exactly 1/],
      [[h, 0, 2, [], h], /path has 0 hashes, but leaf 0 of a tree of 2 needs exactly 1/],
      [[h, 0, 2, [h], h], /recomputed root differs/],
      [[undefined, undefined, undefined, undefined, undefined], /tree size/],
    ];
    for (const [args, reason] of cases) {
      const result = (verifyInclusion as (...a: unknown[]) => ReturnType<typeof verifyInclusion>)(...args);
      expect(result.ok).toBe(false);
      expect(result.ok === false && result.reason).toMatch(reason);
    }
  });

  it('accepts a one-leaf tree with an empty path only when leaf equals root', () => {
    const leaf = leafHash(new TextEncoder().encode('data'));
    expect(verifyInclusion(leaf, 0, 1, [], leaf)).toEqual({ ok: true });
    expect(verifyInclusion(leaf, 0, 1, [], flip(leaf, 0)).ok).toBe(false);
    expect(verifyInclusion(leaf, 0, 1, [leaf], leaf).ok).toBe(false);
  });
});
