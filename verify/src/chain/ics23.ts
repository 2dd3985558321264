/**
 * ICS23 existence and non-existence proofs, checked against a proof spec (IAVL or
 * Tendermint "simple" trees). A port of the rules of github.com/cosmos/ics23/go v0.11
 * (proof.go, ops.go, ics23.go), limited to what Cosmos SDK state proofs use: SHA-256
 * hashing, VAR_PROTO length prefixes, single exist/nonexist proofs (no batches). Anything
 * outside that is refused rather than guessed at.
 *
 * Why the spec checks matter: without them a prover could move bytes between a leaf's prefix,
 * key and value (or pass an inner node off as a leaf) and prove a key/value that is not in
 * the tree. The IAVL checks pin every leaf to height 0 and every inner node to a height
 * at least its depth.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { compareBytes, concatBytes, startsWith, varint } from './bytes.js';
import { ChainProofError } from './errors.js';
import { expectWire, readMessage, WireType } from './proto.js';

export const HashOp = { NO_HASH: 0, SHA256: 1 } as const;
export const LengthOp = { NO_PREFIX: 0, VAR_PROTO: 1 } as const;

export interface LeafOp {
  hash: number;
  prehashKey: number;
  prehashValue: number;
  length: number;
  prefix: Uint8Array;
}

export interface InnerOp {
  hash: number;
  prefix: Uint8Array;
  suffix: Uint8Array;
}

export interface ExistenceProof {
  key: Uint8Array;
  value: Uint8Array;
  leaf: LeafOp | undefined;
  path: InnerOp[];
}

export interface NonExistenceProof {
  key: Uint8Array;
  left: ExistenceProof | undefined;
  right: ExistenceProof | undefined;
}

export type CommitmentProof = { exist: ExistenceProof } | { nonexist: NonExistenceProof };

export interface InnerSpec {
  childOrder: number[];
  childSize: number;
  minPrefixLength: number;
  maxPrefixLength: number;
  emptyChild: Uint8Array;
  hash: number;
}

export interface ProofSpec {
  name: string;
  leafSpec: LeafOp;
  innerSpec: InnerSpec;
  maxDepth: number;
  minDepth: number;
  /** IAVL's extra leaf/inner prefix rules (ics23 applies them when the spec equals IavlSpec). */
  iavl: boolean;
}

export const IAVL_SPEC: ProofSpec = {
  name: 'IAVL',
  leafSpec: { prefix: Uint8Array.of(0), prehashKey: HashOp.NO_HASH, hash: HashOp.SHA256, prehashValue: HashOp.SHA256, length: LengthOp.VAR_PROTO },
  innerSpec: { childOrder: [0, 1], minPrefixLength: 4, maxPrefixLength: 12, childSize: 33, emptyChild: new Uint8Array(0), hash: HashOp.SHA256 },
  maxDepth: 0,
  minDepth: 0,
  iavl: true,
};

export const TENDERMINT_SPEC: ProofSpec = {
  name: 'Tendermint simple',
  leafSpec: { prefix: Uint8Array.of(0), prehashKey: HashOp.NO_HASH, hash: HashOp.SHA256, prehashValue: HashOp.SHA256, length: LengthOp.VAR_PROTO },
  innerSpec: { childOrder: [0, 1], minPrefixLength: 1, maxPrefixLength: 1, childSize: 32, emptyChild: new Uint8Array(0), hash: HashOp.SHA256 },
  maxDepth: 0,
  minDepth: 0,
  iavl: false,
};

// ---------------------------------------------------------------------------------- decoding

export function decodeCommitmentProof(bytes: Uint8Array): CommitmentProof {
  let proof: CommitmentProof | undefined;
  readMessage(bytes, 'CommitmentProof', (field, wire, r) => {
    if (field === 1) {
      expectWire(wire, WireType.LengthDelimited, 'CommitmentProof.exist');
      proof = { exist: decodeExistenceProof(r.bytes()) };
    } else if (field === 2) {
      expectWire(wire, WireType.LengthDelimited, 'CommitmentProof.nonexist');
      proof = { nonexist: decodeNonExistenceProof(r.bytes()) };
    } else if (field === 3 || field === 4) {
      throw new ChainProofError('batch and compressed ICS23 proofs are not accepted (a single-key query never needs them)');
    }
  });
  if (proof === undefined) throw new ChainProofError('CommitmentProof holds neither an existence nor a non-existence proof');
  return proof;
}

function decodeExistenceProof(bytes: Uint8Array): ExistenceProof {
  const p: ExistenceProof = { key: new Uint8Array(0), value: new Uint8Array(0), leaf: undefined, path: [] };
  readMessage(bytes, 'ExistenceProof', (field, wire, r) => {
    if (field >= 1 && field <= 4) expectWire(wire, WireType.LengthDelimited, `ExistenceProof field ${field}`);
    if (field === 1) p.key = r.bytes();
    else if (field === 2) p.value = r.bytes();
    else if (field === 3) p.leaf = decodeLeafOp(r.bytes());
    else if (field === 4) p.path.push(decodeInnerOp(r.bytes()));
  });
  return p;
}

function decodeNonExistenceProof(bytes: Uint8Array): NonExistenceProof {
  const p: NonExistenceProof = { key: new Uint8Array(0), left: undefined, right: undefined };
  readMessage(bytes, 'NonExistenceProof', (field, wire, r) => {
    if (field >= 1 && field <= 3) expectWire(wire, WireType.LengthDelimited, `NonExistenceProof field ${field}`);
    if (field === 1) p.key = r.bytes();
    else if (field === 2) p.left = decodeExistenceProof(r.bytes());
    else if (field === 3) p.right = decodeExistenceProof(r.bytes());
  });
  return p;
}

function decodeLeafOp(bytes: Uint8Array): LeafOp {
  const op: LeafOp = { hash: 0, prehashKey: 0, prehashValue: 0, length: 0, prefix: new Uint8Array(0) };
  readMessage(bytes, 'LeafOp', (field, wire, r) => {
    if (field >= 1 && field <= 4) {
      expectWire(wire, WireType.Varint, `LeafOp field ${field}`);
      const v = r.int32();
      if (field === 1) op.hash = v;
      else if (field === 2) op.prehashKey = v;
      else if (field === 3) op.prehashValue = v;
      else op.length = v;
    } else if (field === 5) {
      expectWire(wire, WireType.LengthDelimited, 'LeafOp.prefix');
      op.prefix = r.bytes();
    }
  });
  return op;
}

function decodeInnerOp(bytes: Uint8Array): InnerOp {
  const op: InnerOp = { hash: 0, prefix: new Uint8Array(0), suffix: new Uint8Array(0) };
  readMessage(bytes, 'InnerOp', (field, wire, r) => {
    if (field === 1) {
      expectWire(wire, WireType.Varint, 'InnerOp.hash');
      op.hash = r.int32();
    } else if (field === 2) {
      expectWire(wire, WireType.LengthDelimited, 'InnerOp.prefix');
      op.prefix = r.bytes();
    } else if (field === 3) {
      expectWire(wire, WireType.LengthDelimited, 'InnerOp.suffix');
      op.suffix = r.bytes();
    }
  });
  return op;
}

// ------------------------------------------------------------------------------- calculation

function doHash(op: number, data: Uint8Array): Uint8Array {
  if (op !== HashOp.SHA256) throw new ChainProofError(`unsupported hash op ${op} (only SHA-256 is accepted)`);
  return sha256(data);
}

function prepareLeafData(hashOp: number, lengthOp: number, data: Uint8Array): Uint8Array {
  const hashed = hashOp === HashOp.NO_HASH ? data : doHash(hashOp, data);
  if (lengthOp === LengthOp.NO_PREFIX) return hashed;
  if (lengthOp === LengthOp.VAR_PROTO) return concatBytes(varint(hashed.length), hashed);
  throw new ChainProofError(`unsupported length op ${lengthOp}`);
}

function applyLeaf(op: LeafOp, key: Uint8Array, value: Uint8Array): Uint8Array {
  if (key.length === 0) throw new ChainProofError('leaf op needs a key');
  if (value.length === 0) throw new ChainProofError('leaf op needs a value');
  return doHash(op.hash, concatBytes(op.prefix, prepareLeafData(op.prehashKey, op.length, key), prepareLeafData(op.prehashValue, op.length, value)));
}

function applyInner(op: InnerOp, child: Uint8Array): Uint8Array {
  if (child.length === 0) throw new ChainProofError('inner op needs a child hash');
  return doHash(op.hash, concatBytes(op.prefix, child, op.suffix));
}

/** The root an existence proof leads to, without spec checks (callers check the spec first). */
export function calculateExistence(p: ExistenceProof, spec?: ProofSpec): Uint8Array {
  if (p.leaf === undefined) throw new ChainProofError('existence proof has no leaf op');
  let res = applyLeaf(p.leaf, p.key, p.value);
  for (const step of p.path) {
    res = applyInner(step, res);
    if (spec && res.length > spec.innerSpec.childSize && spec.innerSpec.childSize >= 32) {
      throw new ChainProofError('inner op produced a hash longer than the spec allows');
    }
  }
  return res;
}

/** The root a commitment proof commits to (left neighbour first for non-existence). */
export function calculateRoot(proof: CommitmentProof): Uint8Array {
  if ('exist' in proof) return calculateExistence(proof.exist);
  const side = proof.nonexist.left ?? proof.nonexist.right;
  if (side === undefined) throw new ChainProofError('non-existence proof has neither a left nor a right neighbour');
  return calculateExistence(side);
}

// ------------------------------------------------------------------------------- spec checks

// IAVL nodes start with zigzag varints height, size, version (ics23's validateIavlOps).
function readZigzagVarint(bytes: Uint8Array, at: number): [bigint, number] {
  let result = 0n;
  let shift = 0n;
  for (let i = at; i < bytes.length && i < at + 10; i++) {
    const b = bytes[i]!;
    result |= BigInt(b & 0x7f) << shift;
    if ((b & 0x80) === 0) {
      const value = (result >> 1n) ^ -(result & 1n);
      return [value, i + 1];
    }
    shift += 7n;
  }
  throw new ChainProofError('IAVL op prefix has a truncated varint');
}

function validateIavlOp(prefix: Uint8Array, hash: number, layer: number): void {
  let at = 0;
  const values: bigint[] = [];
  for (let i = 0; i < 3; i++) {
    const [v, next] = readZigzagVarint(prefix, at);
    if (v < 0n) throw new ChainProofError('IAVL op prefix has a negative height, size or version');
    values.push(v);
    at = next;
  }
  if (values[0]! < BigInt(layer)) {
    throw new ChainProofError(`IAVL node at depth ${layer} claims height ${values[0]}: a leaf cannot sit above the bottom`);
  }
  const rest = prefix.length - at;
  if (layer === 0) {
    if (rest !== 0) throw new ChainProofError('IAVL leaf prefix has extra bytes after height, size and version');
  } else {
    // 1 byte: the length of our child (we are the left child); 34: left hash with its length bytes.
    if (rest !== 1 && rest !== 34) throw new ChainProofError('IAVL inner prefix has the wrong length after height, size and version');
    if (hash !== HashOp.SHA256) throw new ChainProofError('IAVL inner op must hash with SHA-256');
  }
}

function checkLeafAgainstSpec(op: LeafOp, spec: ProofSpec): void {
  if (spec.iavl) validateIavlOp(op.prefix, op.hash, 0);
  const l = spec.leafSpec;
  if (op.hash !== l.hash) throw new ChainProofError(`leaf op hashes with ${op.hash}, the ${spec.name} spec requires ${l.hash}`);
  if (op.prehashKey !== l.prehashKey) throw new ChainProofError(`leaf op prehashes the key with ${op.prehashKey}, the spec requires ${l.prehashKey}`);
  if (op.prehashValue !== l.prehashValue) {
    throw new ChainProofError(`leaf op prehashes the value with ${op.prehashValue}, the spec requires ${l.prehashValue}`);
  }
  if (op.length !== l.length) throw new ChainProofError(`leaf op length op ${op.length}, the spec requires ${l.length}`);
  if (!startsWith(op.prefix, l.prefix)) throw new ChainProofError('leaf op prefix does not start with the spec leaf prefix');
}

function checkInnerAgainstSpec(op: InnerOp, spec: ProofSpec, layer: number): void {
  const s = spec.innerSpec;
  if (op.hash !== s.hash) throw new ChainProofError(`inner op hashes with ${op.hash}, the ${spec.name} spec requires ${s.hash}`);
  if (spec.iavl) validateIavlOp(op.prefix, op.hash, layer);
  if (startsWith(op.prefix, spec.leafSpec.prefix)) {
    throw new ChainProofError('inner op prefix starts with the leaf prefix (an inner node posing as a leaf)');
  }
  if (op.prefix.length < s.minPrefixLength) throw new ChainProofError(`inner op prefix too short (${op.prefix.length})`);
  const maxLeftChildBytes = (s.childOrder.length - 1) * s.childSize;
  if (op.prefix.length > s.maxPrefixLength + maxLeftChildBytes) throw new ChainProofError(`inner op prefix too long (${op.prefix.length})`);
  if (op.suffix.length % s.childSize !== 0) throw new ChainProofError('inner op suffix is not a whole number of children');
}

function checkExistenceAgainstSpec(p: ExistenceProof, spec: ProofSpec): void {
  if (p.leaf === undefined) throw new ChainProofError('existence proof has no leaf op');
  checkLeafAgainstSpec(p.leaf, spec);
  if (spec.minDepth > 0 && p.path.length < spec.minDepth) throw new ChainProofError(`proof path too short (${p.path.length})`);
  const maxDepth = spec.maxDepth === 0 ? 128 : spec.maxDepth;
  if (p.path.length > maxDepth) throw new ChainProofError(`proof path too long (${p.path.length})`);
  p.path.forEach((op, i) => checkInnerAgainstSpec(op, spec, i + 1));
}

/** ExistenceProof.Verify: spec, key, value, then the root it leads to. */
export function verifyExistence(p: ExistenceProof, spec: ProofSpec, root: Uint8Array, key: Uint8Array, value: Uint8Array): void {
  checkExistenceAgainstSpec(p, spec);
  if (compareBytes(key, p.key) !== 0) throw new ChainProofError('the proof is for a different key');
  if (compareBytes(value, p.value) !== 0) throw new ChainProofError('the proof is for a different value');
  const calc = calculateExistence(p, spec);
  if (compareBytes(calc, root) !== 0) throw new ChainProofError(`the ${spec.name} proof does not lead to the expected root`);
}

// ------------------------------------------------------------------------ non-existence rules

function getPosition(order: number[], branch: number): number {
  const i = order.indexOf(branch);
  if (i < 0) throw new ChainProofError(`branch ${branch} is not in the spec's child order`);
  return i;
}

function getPadding(spec: InnerSpec, branch: number): { minPrefix: number; maxPrefix: number; suffix: number } {
  const idx = getPosition(spec.childOrder, branch);
  const prefix = idx * spec.childSize;
  return {
    minPrefix: prefix + spec.minPrefixLength,
    maxPrefix: prefix + spec.maxPrefixLength,
    suffix: (spec.childOrder.length - 1 - idx) * spec.childSize,
  };
}

function hasPadding(op: InnerOp, pad: { minPrefix: number; maxPrefix: number; suffix: number }): boolean {
  return op.prefix.length >= pad.minPrefix && op.prefix.length <= pad.maxPrefix && op.suffix.length === pad.suffix;
}

function orderFromPadding(spec: InnerSpec, op: InnerOp): number | undefined {
  for (let branch = 0; branch < spec.childOrder.length; branch++) {
    if (hasPadding(op, getPadding(spec, branch))) return branch;
  }
  return undefined;
}

function leftBranchesAreEmpty(spec: InnerSpec, op: InnerOp): boolean {
  const idx = orderFromPadding(spec, op);
  if (idx === undefined || idx === 0 || spec.emptyChild.length === 0) return false;
  const actualPrefix = op.prefix.length - idx * spec.childSize;
  if (actualPrefix < 0) return false;
  for (let i = 0; i < idx; i++) {
    const from = actualPrefix + getPosition(spec.childOrder, i) * spec.childSize;
    if (compareBytes(spec.emptyChild, op.prefix.subarray(from, from + spec.childSize)) !== 0) return false;
  }
  return true;
}

function rightBranchesAreEmpty(spec: InnerSpec, op: InnerOp): boolean {
  const idx = orderFromPadding(spec, op);
  if (idx === undefined || spec.emptyChild.length === 0) return false;
  const rightBranches = spec.childOrder.length - 1 - idx;
  if (rightBranches === 0 || op.suffix.length !== rightBranches * spec.childSize) return false;
  for (let i = 0; i < rightBranches; i++) {
    const from = getPosition(spec.childOrder, i) * spec.childSize;
    if (compareBytes(spec.emptyChild, op.suffix.subarray(from, from + spec.childSize)) !== 0) return false;
  }
  return true;
}

function isLeftMost(spec: InnerSpec, path: InnerOp[]): boolean {
  const pad = getPadding(spec, 0);
  return path.every((step) => hasPadding(step, pad) || leftBranchesAreEmpty(spec, step));
}

function isRightMost(spec: InnerSpec, path: InnerOp[]): boolean {
  const pad = getPadding(spec, spec.childOrder.length - 1);
  return path.every((step) => hasPadding(step, pad) || rightBranchesAreEmpty(spec, step));
}

function sameStep(a: InnerOp, b: InnerOp): boolean {
  return compareBytes(a.prefix, b.prefix) === 0 && compareBytes(a.suffix, b.suffix) === 0;
}

function isLeftNeighbor(spec: InnerSpec, leftPath: InnerOp[], rightPath: InnerOp[]): boolean {
  // Strip the common tail (near the root); the first divergent steps must be adjacent children.
  let l = leftPath.length - 1;
  let r = rightPath.length - 1;
  if (l < 0 || r < 0) return false;
  while (sameStep(leftPath[l]!, rightPath[r]!)) {
    l--;
    r--;
    if (l < 0 || r < 0) return false;
  }
  const leftIdx = orderFromPadding(spec, leftPath[l]!);
  const rightIdx = orderFromPadding(spec, rightPath[r]!);
  if (leftIdx === undefined || rightIdx === undefined || rightIdx !== leftIdx + 1) return false;
  return isRightMost(spec, leftPath.slice(0, l)) && isLeftMost(spec, rightPath.slice(0, r));
}

/** NonExistenceProof.Verify: both neighbours valid, the key strictly between them, adjacent. */
export function verifyNonExistence(p: NonExistenceProof, spec: ProofSpec, root: Uint8Array, key: Uint8Array): void {
  if (p.left) verifyExistence(p.left, spec, root, p.left.key, p.left.value);
  if (p.right) verifyExistence(p.right, spec, root, p.right.key, p.right.value);
  if (!p.left && !p.right) throw new ChainProofError('non-existence proof has neither a left nor a right neighbour');
  if (p.right && compareBytes(key, p.right.key) >= 0) throw new ChainProofError('the key is not left of the right neighbour');
  if (p.left && compareBytes(key, p.left.key) <= 0) throw new ChainProofError('the key is not right of the left neighbour');
  if (!p.left) {
    if (!isLeftMost(spec.innerSpec, p.right!.path)) throw new ChainProofError('left neighbour missing, but the right one is not the left-most leaf');
  } else if (!p.right) {
    if (!isRightMost(spec.innerSpec, p.left.path)) throw new ChainProofError('right neighbour missing, but the left one is not the right-most leaf');
  } else if (!isLeftNeighbor(spec.innerSpec, p.left.path, p.right.path)) {
    throw new ChainProofError('the two neighbours are not adjacent leaves, so a key could sit between them');
  }
}

/** ics23.VerifyMembership for a single existence proof. */
export function verifyMembership(spec: ProofSpec, root: Uint8Array, proof: CommitmentProof, key: Uint8Array, value: Uint8Array): void {
  if (!('exist' in proof)) throw new ChainProofError('expected an existence proof, got a non-existence proof');
  if (compareBytes(proof.exist.key, key) !== 0) throw new ChainProofError('the existence proof is for a different key');
  verifyExistence(proof.exist, spec, root, key, value);
}

/** ics23.VerifyNonMembership for a single non-existence proof. */
export function verifyNonMembership(spec: ProofSpec, root: Uint8Array, proof: CommitmentProof, key: Uint8Array): void {
  if (!('nonexist' in proof)) throw new ChainProofError('expected a non-existence proof, got an existence proof');
  const { left, right } = proof.nonexist;
  if (left && compareBytes(left.key, key) >= 0) throw new ChainProofError('the left neighbour is not left of the key');
  if (right && compareBytes(right.key, key) <= 0) throw new ChainProofError('the right neighbour is not right of the key');
  verifyNonExistence(proof.nonexist, spec, root, key);
}
