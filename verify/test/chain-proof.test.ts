// Verified reads against answers recorded from a real lianjiand node (chain-fixtures/record.ts):
// the untouched answers verify; each kind of tampering is refused with a reason that says what.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { batchKey, decodeBatchValue, verifyKeyRead, type KeyReadEvidence } from '../src/chain/anchor.js';
import { fromBase64, toBase64, toUpperHex } from '../src/chain/bytes.js';
import { ChainProofError } from '../src/chain/errors.js';
import { decodeCommitmentProof } from '../src/chain/ics23.js';
import { headerHash, validatorSetHash } from '../src/chain/light.js';
import { BinaryWriter } from '@bufbuild/protobuf/wire';

type Fixture = {
  chainId: string;
  height: number;
  seq: number;
  absentSeq: number;
  present: KeyReadEvidence;
  absent: KeyReadEvidence;
  first: KeyReadEvidence;
};
const fixture = JSON.parse(readFileSync(new URL('./chain-fixtures/node-proofs.json', import.meta.url), 'utf8')) as Fixture;
const fresh = (): Fixture => structuredClone(fixture);
const seq = BigInt(fixture.seq);
const opts = { chainId: fixture.chainId, height: fixture.height };

function flipBase64(text: string, at?: number): string {
  const bytes = fromBase64(text, 'fixture');
  const i = at ?? bytes.length - 1;
  bytes[i] = bytes[i]! ^ 0x01;
  return toBase64(bytes);
}

function ops(e: KeyReadEvidence) {
  return e.query.proofOps!.ops;
}

function rejects(e: KeyReadEvidence, key: Uint8Array, pattern: RegExp, o: Parameters<typeof verifyKeyRead>[2] = opts): void {
  let error: unknown;
  try {
    verifyKeyRead(e, key, o);
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(ChainProofError);
  expect((error as Error).message).toMatch(pattern);
}

describe('recorded node answers verify', () => {
  it('proves the present batch against the signed header of H+1', () => {
    const { value, proof } = verifyKeyRead(fixture.present, batchKey(seq), opts);
    expect(value).toBeDefined();
    const batch = decodeBatchValue(value!, seq);
    expect(batch.seq).toBe(seq);
    expect(batch.root).toHaveLength(32);
    expect(batch.height).toBeLessThanOrEqual(fixture.height);
    expect(proof).toMatchObject({ height: fixture.height, header: { height: fixture.height + 1, chainId: fixture.chainId, signaturesChecked: true } });
    expect(proof.header.signedPower! * 3n > proof.header.totalPower! * 2n).toBe(true);
  });

  it('proves the absence of a batch that was never committed', () => {
    const { value } = verifyKeyRead(fixture.absent, batchKey(fixture.absentSeq), opts);
    expect(value).toBeUndefined();
  });

  it('proves batch 1, with the zero prev_root', () => {
    const { value } = verifyKeyRead(fixture.first, batchKey(1n), opts);
    expect(decodeBatchValue(value!, 1n).prevRoot).toEqual(new Uint8Array(32));
  });

  it('recomputes the header hash the validators signed', () => {
    const { header, commit } = fixture.present.signedHeader;
    expect(toUpperHex(headerHash(header))).toBe(commit.block_id.hash);
    expect(toUpperHex(validatorSetHash(fixture.present.validators!))).toBe(header.validators_hash);
  });
});

describe('tampered answers are refused', () => {
  it('a modified value', () => {
    const e = fresh().present;
    e.query.value = flipBase64(e.query.value!);
    rejects(e, batchKey(seq), /IAVL proof .* fails: the proof is for a different value/);
  });

  it('a modified IAVL proof op', () => {
    const e = fresh().present;
    const op = ops(e)[0]!;
    op.data = flipBase64(op.data);
    rejects(e, batchKey(seq), /app hash|IAVL proof|not valid protobuf|different/);
  });

  it('a modified IAVL proof op (one sibling hash in the path changed)', () => {
    const e = fresh().present;
    const op = ops(e)[0]!;
    const data = fromBase64(op.data, 'op');
    const proof = decodeCommitmentProof(data);
    if (!('exist' in proof)) throw new Error('fixture: expected an existence proof');
    // A sibling hash sits in a prefix (we are the right child) or a suffix (the left child).
    const step = proof.exist.path[0]!;
    const sibling = step.suffix.length >= 32 ? step.suffix.subarray(1, 33) : step.prefix.subarray(step.prefix.length - 32);
    const at = indexOf(data, sibling);
    expect(at).toBeGreaterThan(0);
    op.data = flipBase64(op.data, at + 7);
    rejects(e, batchKey(seq), /the IAVL proof leads to store root [0-9a-f]{64}, but the multistore proof commits to store root [0-9a-f]{64} for "anchor"/);
  });

  it('a modified multistore (simple) proof op', () => {
    const e = fresh().present;
    const op = ops(e)[1]!;
    op.data = flipBase64(op.data);
    rejects(e, batchKey(seq), /multistore proof|app hash|not valid protobuf/);
  });

  it('a proof op for another store', () => {
    const e = fresh().present;
    ops(e)[1]!.key = toBase64(new TextEncoder().encode('bank'));
    rejects(e, batchKey(seq), /store proof op is for store "bank", not "anchor"/);
  });

  it('proof ops in the wrong order or missing', () => {
    const e = fresh().present;
    e.query.proofOps!.ops = [ops(e)[1]!, ops(e)[0]!];
    rejects(e, batchKey(seq), /first proof op must be ics23:iavl/);
    e.query.proofOps!.ops = [ops(e)[1]!];
    rejects(e, batchKey(seq), /expected 2 proof ops/);
  });

  it('the wrong key: the proof of batch seq offered for seq+1', () => {
    const e = fresh().present;
    e.query.key = null;
    rejects(e, batchKey(seq + 1n), /IAVL proof op is for key 01[0-9a-f]{16}, not the requested key/);
  });

  it('a key whose op key was rewritten to match (the proof itself is for another key)', () => {
    const e = fresh().present;
    e.query.key = null;
    ops(e)[0]!.key = toBase64(batchKey(seq + 1n));
    rejects(e, batchKey(seq + 1n), /existence proof is for a different key/);
  });

  it('the wrong app hash in the header (and the header re-hashed, signatures off)', () => {
    const e = fresh().present;
    const h = e.signedHeader.header;
    h.app_hash = `${h.app_hash.slice(0, -2)}${h.app_hash.endsWith('00') ? '01' : '00'}`;
    // Without re-hashing, the header no longer matches what the commit signs.
    rejects(e, batchKey(seq), /the header hashes to [0-9A-F]{64}, but the commit signs block [0-9A-F]{64}: the header was altered/);
    // Re-hashed, the signatures no longer hold …
    e.signedHeader.commit.block_id.hash = toUpperHex(headerHash(h));
    rejects(e, batchKey(seq), /commit signature 0 .* is not a valid ed25519 signature/);
    // … and without signature checks the proof itself still fails on the app hash.
    rejects(e, batchKey(seq), /the state proof leads to app hash [0-9a-f]{64}, but the block header says [0-9a-f]{64}/, { ...opts, verifySignatures: false });
  });

  it('a header of another chain', () => {
    rejects(fresh().present, batchKey(seq), /belongs to chain "lianjian-local", expected "other-chain"/, { ...opts, chainId: 'other-chain' });
  });

  it('a header for another height than the proof', () => {
    const f = fresh();
    const e = { ...f.present, signedHeader: f.present.signedHeader };
    e.query.height = String(fixture.height - 1);
    rejects(e, batchKey(seq), /asked for state at height|asked for the header of block/);
  });

  it('a forged commit signature', () => {
    const e = fresh().present;
    const sig = e.signedHeader.commit.signatures[0]!;
    sig.signature = flipBase64(sig.signature!, 5);
    rejects(e, batchKey(seq), /commit signature 0 .* is not a valid ed25519 signature over the header/);
  });

  it('a validator set that is not the one the header names', () => {
    const e = fresh().present;
    e.validators![0]!.voting_power = String(BigInt(e.validators![0]!.voting_power) + 1n);
    rejects(e, batchKey(seq), /validator set the node sent does not hash to the header's validators_hash/);
  });

  it('an untrusted validator set when one is pinned', () => {
    rejects(fresh().present, batchKey(seq), /names validator set [0-9A-F]{64}, not the trusted set/, { ...opts, trustedValidatorsHash: '00'.repeat(32) });
  });

  it('too little voting power: the only precommit marked absent', () => {
    const e = fresh().present;
    e.signedHeader.commit.signatures[0]!.block_id_flag = 1;
    rejects(e, batchKey(seq), /only 0 of \d+ voting power signed block/);
  });

  it('an absence claim for a batch that exists', () => {
    const e = fresh().present;
    e.query.value = null;
    rejects(e, batchKey(seq), /expected a non-existence proof/);
  });

  it('a non-existence proof offered for a key outside its neighbours', () => {
    const e = fresh().absent;
    e.query.key = null;
    ops(e)[0]!.key = toBase64(batchKey(seq));
    rejects(e, batchKey(seq), /IAVL proof .* fails: the (left|right) neighbour is not (left|right) of the key/);
  });

  it('a non-existence proof whose neighbours are not adjacent (a batch could hide between them)', () => {
    const f = fresh();
    const absent = decodeCommitmentProof(fromBase64(ops(f.absent)[0]!.data, 'op'));
    const first = decodeCommitmentProof(fromBase64(ops(f.first)[0]!.data, 'op'));
    if (!('nonexist' in absent) || !('exist' in first)) throw new Error('fixture has unexpected proof kinds');
    // Batch 1 is in the same tree (same root), but it is not the absent key's left neighbour.
    const spliced = encodeNonExist(fromBase64(ops(f.absent)[0]!.data, 'op'), ops(f.first)[0]!.data);
    ops(f.absent)[0]!.data = spliced;
    rejects(f.absent, batchKey(fixture.absentSeq), /neighbours are not adjacent|not the right-most|not the left-most/);
  });

  it('a stored value whose seq differs from its key', () => {
    const { value } = verifyKeyRead(fixture.present, batchKey(seq), opts);
    expect(() => decodeBatchValue(value!, seq + 1n)).toThrow(new RegExp(`batch ${seq + 1n}'s key says seq ${seq}`));
  });
});

/**
 * Rebuilds a NonExistenceProof with its left neighbour replaced by the existence proof inside
 * `existData` (a CommitmentProof{exist}). Field layout: CommitmentProof.nonexist = 2,
 * NonExistenceProof{key 1, left 2, right 3}, CommitmentProof.exist = 1.
 */
function encodeNonExist(nonexistData: Uint8Array, existDataB64: string): string {
  const fields = (bytes: Uint8Array) => {
    const out: { no: number; body: Uint8Array }[] = [];
    let i = 0;
    while (i < bytes.length) {
      const tag = bytes[i++]!;
      let len = 0;
      let shift = 0;
      for (;;) {
        const b = bytes[i++]!;
        len |= (b & 0x7f) << shift;
        if (!(b & 0x80)) break;
        shift += 7;
      }
      out.push({ no: tag >> 3, body: bytes.subarray(i, i + len) });
      i += len;
    }
    return out;
  };
  const nonexist = fields(nonexistData).find((f) => f.no === 2)!.body;
  const exist = fields(fromBase64(existDataB64, 'exist')).find((f) => f.no === 1)!.body;
  const parts = fields(nonexist);
  const w = new BinaryWriter();
  for (const p of parts) w.uint32((p.no << 3) | 2).bytes(p.no === 2 ? exist : p.body);
  return toBase64(new BinaryWriter().uint32((2 << 3) | 2).bytes(w.finish()).finish());
}

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
