// Our ICS23 port against the upstream cosmos/ics23 test vectors (IAVL and Tendermint trees),
// and against hand-made violations of the spec rules that keep proofs unambiguous.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromNodeHex } from '../src/chain/bytes.js';
import { ChainProofError } from '../src/chain/errors.js';
import {
  calculateRoot,
  decodeCommitmentProof,
  IAVL_SPEC,
  TENDERMINT_SPEC,
  verifyMembership,
  verifyNonMembership,
  type CommitmentProof,
  type ExistenceProof,
} from '../src/chain/ics23.js';

type Vector = { key: string; proof: string; root: string; value: string };
const { vectors } = JSON.parse(readFileSync(new URL('./chain-fixtures/ics23-vectors.json', import.meta.url), 'utf8')) as {
  vectors: Record<string, Vector>;
};
const specs = { iavl: IAVL_SPEC, tendermint: TENDERMINT_SPEC };
const hex = (s: string) => fromNodeHex(s, 'vector');

function load(name: string) {
  const v = vectors[name]!;
  return { key: hex(v.key), value: v.value === '' ? undefined : hex(v.value), root: hex(v.root), proof: decodeCommitmentProof(hex(v.proof)) };
}

function existence(proof: CommitmentProof): ExistenceProof {
  if (!('exist' in proof)) throw new Error('vector is not an existence proof');
  return proof.exist;
}

function flip(bytes: Uint8Array, at = bytes.length - 1): Uint8Array {
  const out = bytes.slice();
  out[at] = out[at]! ^ 1;
  return out;
}

describe('ICS23 upstream vectors', () => {
  for (const name of Object.keys(vectors)) {
    const tree = name.split('/')[0] as keyof typeof specs;
    const spec = specs[tree];
    it(`${name}: verifies against the published root`, () => {
      const { key, value, root, proof } = load(name);
      expect(calculateRoot(proof)).toEqual(root);
      if (value === undefined) verifyNonMembership(spec, root, proof, key);
      else verifyMembership(spec, root, proof, key, value);
    });

    it(`${name}: refuses the wrong root, and the other kind of proof`, () => {
      const { key, value, root, proof } = load(name);
      if (value === undefined) {
        expect(() => verifyNonMembership(spec, flip(root), proof, key)).toThrow(ChainProofError);
        expect(() => verifyMembership(spec, root, proof, key, new Uint8Array([1]))).toThrow(/expected an existence proof/);
      } else {
        expect(() => verifyMembership(spec, flip(root), proof, key, value)).toThrow(/does not lead to the expected root/);
        expect(() => verifyMembership(spec, root, proof, key, flip(value))).toThrow(/different value/);
        expect(() => verifyMembership(spec, root, proof, flip(key), value)).toThrow(/different key/);
        expect(() => verifyNonMembership(spec, root, proof, key)).toThrow(/expected a non-existence proof/);
      }
    });
  }

  it('checks IAVL proofs against the IAVL spec, not the Tendermint one', () => {
    const { key, value, root, proof } = load('iavl/exist_middle');
    expect(() => verifyMembership(TENDERMINT_SPEC, root, proof, key, value!)).toThrow(ChainProofError);
  });

  it('refuses a non-existence proof for a key outside its neighbours', () => {
    const { proof, root } = load('iavl/nonexist_middle');
    if (!('nonexist' in proof)) throw new Error('expected nonexist');
    const leftKey = proof.nonexist.left!.key;
    expect(() => verifyNonMembership(IAVL_SPEC, root, proof, leftKey)).toThrow(/not left of|not right of/);
  });
});

describe('ICS23 spec rules (IAVL)', () => {
  const base = load('iavl/exist_middle');
  const exist = existence(base.proof);
  const check = (p: ExistenceProof) => verifyMembership(IAVL_SPEC, base.root, { exist: p }, p.key, p.value);

  it('accepts the untouched proof', () => {
    expect(() => check(exist)).not.toThrow();
  });

  it('refuses a leaf whose prefix does not encode height 0 cleanly', () => {
    const leaf = { ...exist.leaf!, prefix: Uint8Array.of(...exist.leaf!.prefix, 0) };
    expect(() => check({ ...exist, leaf })).toThrow(/IAVL leaf prefix has extra bytes/);
  });

  it('refuses a leaf that skips the value prehash', () => {
    const leaf = { ...exist.leaf!, prehashValue: 0 };
    expect(() => check({ ...exist, leaf })).toThrow(/prehashes the value/);
  });

  it('refuses an inner node that claims to be below its depth', () => {
    const path = exist.path.slice();
    const last = path[path.length - 1]!;
    // Height 0 (zigzag 0x00) at the top of the path.
    path[path.length - 1] = { ...last, prefix: Uint8Array.of(0, ...last.prefix.subarray(1)) };
    expect(() => check({ ...exist, path })).toThrow(ChainProofError);
  });

  it('refuses a path step with a different hash function', () => {
    const path = exist.path.map((op, i) => (i === 0 ? { ...op, hash: 2 } : op));
    expect(() => check({ ...exist, path })).toThrow(/hashes with 2/);
  });

  it('refuses a path whose suffix is not whole children', () => {
    const path = exist.path.map((op, i) => (i === 0 ? { ...op, suffix: Uint8Array.of(...op.suffix, 7) } : op));
    expect(() => check({ ...exist, path })).toThrow(ChainProofError);
  });

  it('refuses batch and compressed proofs outright', () => {
    expect(() => decodeCommitmentProof(Uint8Array.of(0x1a, 0x00))).toThrow(/batch and compressed/);
    expect(() => decodeCommitmentProof(Uint8Array.of(0x22, 0x00))).toThrow(/batch and compressed/);
    expect(() => decodeCommitmentProof(new Uint8Array(0))).toThrow(/neither an existence nor a non-existence/);
    expect(() => decodeCommitmentProof(Uint8Array.of(0x0a, 0x05, 0x01))).toThrow(/not valid protobuf/);
  });
});
