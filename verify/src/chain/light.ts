/**
 * Checking a CometBFT block header: its hash (the Merkle root of its protobuf-encoded fields),
 * the validator set it names, and the +2/3 precommit signatures over it. A port of CometBFT
 * v0.38 types.Header.Hash, types.ValidatorSet.Hash, types.VoteSignBytes and VerifyCommit.
 *
 * Trust: checkSignedHeader takes the validator set from the node and checks it against the
 * header's validators_hash; that proves the header was signed by *that* set, not that the set is
 * the chain's real one. With a root of trust, lightclient.ts follows the set from the root to the
 * header with CometBFT's light-client rules instead (see README.md in this folder).
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { BinaryWriter } from '@bufbuild/protobuf/wire';
import { bytesEqual } from '../hex.js';
import { concatBytes, fromBase64, fromNodeHex, toUpperHex } from './bytes.js';
import { ChainProofError } from './errors.js';
import type { RawBlockId, RawHeader, RawSignedHeader, RawValidator } from './rpc.js';

// ------------------------------------------------------------- RFC 6962 tree, as CometBFT's

function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** crypto/merkle.HashFromByteSlices. */
export function merkleHash(items: Uint8Array[]): Uint8Array {
  if (items.length === 0) return sha256(new Uint8Array(0));
  if (items.length === 1) return sha256(concatBytes(Uint8Array.of(0), items[0]!));
  const k = splitPoint(items.length);
  return sha256(concatBytes(Uint8Array.of(1), merkleHash(items.slice(0, k)), merkleHash(items.slice(k))));
}

// ------------------------------------------------------------------------- time and ids

/** RFC 3339 with up to nanoseconds, UTC ("Z"), as CometBFT prints block and vote times. */
export function parseRfc3339Nano(text: string, what: string): { seconds: bigint; nanos: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?Z$/.exec(text);
  if (!m) throw new ChainProofError(`${what} is not an RFC 3339 UTC time: ${JSON.stringify(text)}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
  return { seconds: BigInt(ms / 1000), nanos: Number((m[7] ?? '').padEnd(9, '0')) };
}

function timestampBytes(t: { seconds: bigint; nanos: number }): Uint8Array {
  const w = new BinaryWriter();
  if (t.seconds !== 0n) w.uint32((1 << 3) | 0).int64(t.seconds);
  if (t.nanos !== 0) w.uint32((2 << 3) | 0).int32(t.nanos);
  return w.finish();
}

function partSetHeaderBytes(p: { total: number; hash: Uint8Array }): Uint8Array {
  const w = new BinaryWriter();
  if (p.total !== 0) w.uint32((1 << 3) | 0).uint32(p.total);
  if (p.hash.length !== 0) w.uint32((2 << 3) | 2).bytes(p.hash);
  return w.finish();
}

function blockIdBytes(id: RawBlockId): Uint8Array {
  const w = new BinaryWriter();
  const hash = fromNodeHex(id.hash, 'block id hash');
  if (hash.length !== 0) w.uint32((1 << 3) | 2).bytes(hash);
  // gogoproto writes non-nullable embedded messages even when empty.
  w.uint32((2 << 3) | 2).bytes(partSetHeaderBytes({ total: Number(id.parts.total), hash: fromNodeHex(id.parts.hash, 'part set hash') }));
  return w.finish();
}

// cdcEncode: gogotypes wrappers, or nothing for the zero value.
function wrapString(s: string): Uint8Array {
  return s === '' ? new Uint8Array(0) : new BinaryWriter().uint32((1 << 3) | 2).string(s).finish();
}
function wrapInt64(v: bigint): Uint8Array {
  return v === 0n ? new Uint8Array(0) : new BinaryWriter().uint32((1 << 3) | 0).int64(v).finish();
}
function wrapBytes(hex: string, what: string): Uint8Array {
  const b = fromNodeHex(hex, what);
  return b.length === 0 ? new Uint8Array(0) : new BinaryWriter().uint32((1 << 3) | 2).bytes(b).finish();
}

/** types.Header.Hash: the block id hash that validators sign. */
export function headerHash(h: RawHeader): Uint8Array {
  const version = new BinaryWriter();
  const block = BigInt(h.version.block);
  const app = BigInt(h.version.app ?? '0');
  if (block !== 0n) version.uint32((1 << 3) | 0).uint64(block);
  if (app !== 0n) version.uint32((2 << 3) | 0).uint64(app);
  return merkleHash([
    version.finish(),
    wrapString(h.chain_id),
    wrapInt64(BigInt(h.height)),
    timestampBytes(parseRfc3339Nano(h.time, 'header time')),
    blockIdBytes(h.last_block_id),
    wrapBytes(h.last_commit_hash, 'last_commit_hash'),
    wrapBytes(h.data_hash, 'data_hash'),
    wrapBytes(h.validators_hash, 'validators_hash'),
    wrapBytes(h.next_validators_hash, 'next_validators_hash'),
    wrapBytes(h.consensus_hash, 'consensus_hash'),
    wrapBytes(h.app_hash, 'app_hash'),
    wrapBytes(h.last_results_hash, 'last_results_hash'),
    wrapBytes(h.evidence_hash, 'evidence_hash'),
    wrapBytes(h.proposer_address, 'proposer_address'),
  ]);
}

// ------------------------------------------------------------------------- validator set

export interface Validator {
  address: Uint8Array;
  pubKey: Uint8Array;
  power: bigint;
}

export function parseValidator(v: RawValidator, i: number): Validator {
  if (v.pub_key?.type !== 'tendermint/PubKeyEd25519') {
    throw new ChainProofError(`validator ${i} has a ${v.pub_key?.type} key; only ed25519 validators are supported`);
  }
  const pubKey = fromBase64(v.pub_key.value, `validator ${i} public key`);
  if (pubKey.length !== 32) throw new ChainProofError(`validator ${i} public key is not 32 bytes`);
  const address = fromNodeHex(v.address, `validator ${i} address`, 20);
  if (!bytesEqual(address, sha256(pubKey).subarray(0, 20))) {
    throw new ChainProofError(`validator ${i} address does not belong to its public key`);
  }
  const power = BigInt(v.voting_power);
  if (power <= 0n) throw new ChainProofError(`validator ${i} has voting power ${power}`);
  return { address, pubKey, power };
}

/** types.ValidatorSet.Hash over SimpleValidator{pub_key, voting_power}, in set order. */
export function validatorSetHash(validators: RawValidator[]): Uint8Array {
  return merkleHash(
    validators.map((raw, i) => {
      const v = parseValidator(raw, i);
      const pk = new BinaryWriter().uint32((1 << 3) | 2).bytes(v.pubKey).finish();
      const w = new BinaryWriter().uint32((1 << 3) | 2).bytes(pk);
      if (v.power !== 0n) w.uint32((2 << 3) | 0).int64(v.power);
      return w.finish();
    }),
  );
}

// ------------------------------------------------------------------------------- votes

const PRECOMMIT_TYPE = 2;
const FLAG_ABSENT = 1;
const FLAG_COMMIT = 2;
const FLAG_NIL = 3;

/** types.VoteSignBytes of a precommit for the block (length-delimited CanonicalVote). */
export function precommitSignBytes(chainId: string, height: bigint, round: number, blockId: RawBlockId | null, timestamp: string): Uint8Array {
  const w = new BinaryWriter();
  w.uint32((1 << 3) | 0).int32(PRECOMMIT_TYPE);
  if (height !== 0n) w.uint32((2 << 3) | 1).sfixed64(height);
  if (round !== 0) w.uint32((3 << 3) | 1).sfixed64(BigInt(round));
  if (blockId !== null) {
    const cb = new BinaryWriter();
    const hash = fromNodeHex(blockId.hash, 'commit block id');
    if (hash.length !== 0) cb.uint32((1 << 3) | 2).bytes(hash);
    cb.uint32((2 << 3) | 2).bytes(partSetHeaderBytes({ total: Number(blockId.parts.total), hash: fromNodeHex(blockId.parts.hash, 'part set hash') }));
    w.uint32((4 << 3) | 2).bytes(cb.finish());
  }
  w.uint32((5 << 3) | 2).bytes(timestampBytes(parseRfc3339Nano(timestamp, 'vote time')));
  if (chainId !== '') w.uint32((6 << 3) | 2).string(chainId);
  const body = w.finish();
  return new BinaryWriter().bytes(body).finish();
}

// ------------------------------------------------------------------------ header check

export interface HeaderCheckOptions {
  /** Expected chain id; the header must name it. */
  chainId?: string;
  /** Check the +2/3 precommit signatures (default true). */
  verifySignatures?: boolean;
  /** Uppercase or lowercase hex of the validator set hash to trust; default: the node's set. */
  trustedValidatorsHash?: string;
}

export interface CheckedHeader {
  height: number;
  chainId: string;
  time: string;
  /** The header hash (block id) that the commit signs. */
  hash: Uint8Array;
  appHash: Uint8Array;
  dataHash: Uint8Array;
  validatorsHash: string;
  /** True when +2/3 of the set's voting power signed this header. */
  signaturesChecked: boolean;
  /** Voting power that signed, and the total, when signatures were checked. */
  signedPower?: bigint;
  totalPower?: bigint;
}

/**
 * Checks a signed header: height and chain id as expected, header hash equal to the block id
 * the commit signs, and (unless disabled) +2/3 of the validator set's power in valid
 * precommits, the set matching the header's validators_hash.
 */
export function checkSignedHeader(
  signed: RawSignedHeader,
  validators: RawValidator[] | undefined,
  expectedHeight: number,
  opts: HeaderCheckOptions = {},
): CheckedHeader {
  const { header, commit } = signed;
  if (Number(header.height) !== expectedHeight) {
    throw new ChainProofError(`asked for the header of block ${expectedHeight}, got block ${header.height}`);
  }
  if (opts.chainId !== undefined && header.chain_id !== opts.chainId) {
    throw new ChainProofError(`the header belongs to chain "${header.chain_id}", expected "${opts.chainId}"`);
  }
  const hash = headerHash(header);
  const blockHash = fromNodeHex(commit.block_id.hash, 'commit block id', 32);
  if (!bytesEqual(hash, blockHash)) {
    throw new ChainProofError(`the header hashes to ${toUpperHex(hash)}, but the commit signs block ${commit.block_id.hash}: the header was altered`);
  }
  if (commit.height !== header.height) throw new ChainProofError(`the commit is for height ${commit.height}, the header for ${header.height}`);
  const validatorsHash = header.validators_hash.toUpperCase();
  if (opts.trustedValidatorsHash !== undefined && validatorsHash !== opts.trustedValidatorsHash.toUpperCase()) {
    throw new ChainProofError(`the header names validator set ${validatorsHash}, not the trusted set ${opts.trustedValidatorsHash.toUpperCase()}`);
  }
  const out: CheckedHeader = {
    height: expectedHeight,
    chainId: header.chain_id,
    time: header.time,
    hash,
    appHash: fromNodeHex(header.app_hash, 'app_hash', 32),
    dataHash: fromNodeHex(header.data_hash, 'data_hash'),
    validatorsHash,
    signaturesChecked: false,
  };
  if (opts.verifySignatures === false) return out;
  if (validators === undefined) throw new ChainProofError('signature check needs the validator set');
  const { signed: signedPower, total } = verifyCommitSignatures(header, commit, validators);
  return { ...out, signaturesChecked: true, signedPower, totalPower: total };
}

function verifyCommitSignatures(header: RawHeader, commit: RawSignedHeader['commit'], rawValidators: RawValidator[]): { signed: bigint; total: bigint } {
  if (!bytesEqual(validatorSetHash(rawValidators), fromNodeHex(header.validators_hash, 'validators_hash', 32))) {
    throw new ChainProofError('the validator set the node sent does not hash to the header\'s validators_hash');
  }
  const validators = rawValidators.map(parseValidator);
  if (commit.signatures.length !== validators.length) {
    throw new ChainProofError(`the commit has ${commit.signatures.length} signature slots for ${validators.length} validators`);
  }
  const total = validators.reduce((sum, v) => sum + v.power, 0n);
  const height = BigInt(commit.height);
  let signed = 0n;
  commit.signatures.forEach((sig, i) => {
    const v = validators[i]!;
    if (sig.block_id_flag === FLAG_ABSENT) return;
    if (sig.block_id_flag !== FLAG_COMMIT && sig.block_id_flag !== FLAG_NIL) {
      throw new ChainProofError(`commit signature ${i} has unknown block id flag ${sig.block_id_flag}`);
    }
    if (!bytesEqual(fromNodeHex(sig.validator_address, `commit signature ${i} address`), v.address)) {
      throw new ChainProofError(`commit signature ${i} is from ${sig.validator_address}, not validator ${toUpperHex(v.address)}`);
    }
    // Nil votes do not count towards the block; like CometBFT's light client we skip them.
    if (sig.block_id_flag === FLAG_NIL) return;
    const msg = precommitSignBytes(header.chain_id, height, commit.round, commit.block_id, sig.timestamp);
    const signature = fromBase64(sig.signature ?? '', `commit signature ${i}`);
    let valid = false;
    try {
      valid = signature.length === 64 && ed25519.verify(signature, msg, v.pubKey, { zip215: true });
    } catch {
      valid = false;
    }
    if (!valid) throw new ChainProofError(`commit signature ${i} (validator ${toUpperHex(v.address)}) is not a valid ed25519 signature over the header`);
    signed += v.power;
  });
  if (signed * 3n <= total * 2n) {
    throw new ChainProofError(`only ${signed} of ${total} voting power signed block ${commit.height}; more than two thirds is needed`);
  }
  return { signed, total };
}

