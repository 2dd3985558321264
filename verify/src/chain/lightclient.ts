/**
 * A CometBFT light client in TypeScript (browser-safe: fetch only), after the rules of CometBFT
 * v0.38 light/verifier.go and light/client.go (verifySkipping):
 *
 * - the trusted state starts at the root of trust: the header at root.height must hash to the
 *   root's header hash (when it gives one), name the root's validator set, and carry +2/3 of its
 *   power in valid signatures;
 * - adjacent (h = trusted + 1): the new header's validators_hash must be the trusted header's
 *   next_validators_hash (the set the trusted set handed over to), and +2/3 of that set signed;
 * - skipping (h > trusted + 1): validators of the *trusted* set holding more than 1/3 of its
 *   power signed the new header (trust level 1/3), and +2/3 of the new header's own set signed;
 * - when the trusted set's signatures fall short, bisect: verify a header halfway first, then
 *   continue from it (CometBFT's pivot, (trusted + target) / 2);
 * - always: the same chain id, a header hash equal to the block id the commit signs, the set the
 *   node sends hashing to the header's validators_hash (else the node lies about it), a header
 *   time after the trusted one and not in the future (10 s clock drift), and a trusted header
 *   younger than the trusting period (else the root has expired);
 * - a height below the root is reached backwards through last_block_id hashes.
 *
 * Verified headers are kept (per LightClient instance), so a second record costs no header
 * fetches ("warm"). Every failure is a TrustError with a code (errors.ts) and a plain reason.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesEqual } from '../hex.js';
import { fromBase64, fromNodeHex, toUpperHex } from './bytes.js';
import { ChainProofError, TrustError } from './errors.js';
import { checkSignedHeader, headerHash, parseRfc3339Nano, parseValidator, precommitSignBytes, validatorSetHash, type CheckedHeader, type Validator } from './light.js';
import { CometRpc, isFutureHeightError, type RawSignedHeader, type RawValidator, type RpcOptions } from './rpc.js';
import { levelName, rootValidators, TRUST_LEVEL, type SignerReport, type TrustRoot } from './trust.js';

const FLAG_ABSENT = 1;
const FLAG_COMMIT = 2;
const FLAG_NIL = 3;
/** CometBFT's default maxClockDrift. */
export const MAX_CLOCK_DRIFT_MS = 10_000;

/** A header with its commit and the validator set the node says signed it. */
export interface LightBlock {
  signed: RawSignedHeader;
  validators: RawValidator[];
}

/** A header the light client has verified, with who signed it. */
export interface TrustedBlock {
  height: number;
  chainId: string;
  /** Block time in nanoseconds since the epoch. */
  timeNs: bigint;
  time: string;
  hash: Uint8Array;
  nextValidatorsHash: Uint8Array;
  validators: Validator[];
  /** Per validator (set order): a valid precommit for this block. */
  signedBy: boolean[];
  signed: RawSignedHeader;
  /** How it was reached: the root itself, adjacent, skipping, or backwards. */
  via: 'root' | 'adjacent' | 'skipping' | 'backwards';
}

export interface LightVerifyOptions {
  trustingPeriodSeconds: number;
  /** The verifier's clock (tests pin it). */
  now?: () => Date;
  maxClockDriftMs?: number;
  /** Trust level for skipping; CometBFT's default and minimum is 1/3. */
  trustLevel?: { numerator: bigint; denominator: bigint };
}

/** The trusted set signed too little of a skipped-to header: not a refusal yet, bisect. */
class CannotTrustYet extends TrustError {
  constructor(message: string, height: number) {
    super('not-handed-over', message, height);
  }
}

const nsOf = (time: string) => {
  const t = parseRfc3339Nano(time, 'header time');
  return t.seconds * 1_000_000_000n + BigInt(t.nanos);
};

// ------------------------------------------------------------------------------ tallies

function signatureValid(chainId: string, signed: RawSignedHeader, index: number, v: Validator): boolean {
  const { commit } = signed;
  const sig = commit.signatures[index]!;
  const msg = precommitSignBytes(chainId, BigInt(commit.height), commit.round, commit.block_id, sig.timestamp);
  let signature: Uint8Array;
  try {
    signature = fromBase64(sig.signature ?? '', `commit signature ${index}`);
  } catch {
    return false;
  }
  try {
    return signature.length === 64 && ed25519.verify(signature, msg, v.pubKey, { zip215: true });
  } catch {
    return false;
  }
}

/**
 * VerifyCommitLight: the header's own set (looked up by index) must have signed for the block
 * with more than 2/3 of its power. Returns who signed; throws TrustError('invalid-header').
 */
export function verifyCommitLight(signed: RawSignedHeader, validators: Validator[], check: (i: number) => boolean): { signedBy: boolean[]; signedPower: bigint; total: bigint } {
  const { commit, header } = signed;
  const height = Number(header.height);
  if (commit.signatures.length !== validators.length) {
    throw new TrustError('invalid-header', `the commit of block ${height} has ${commit.signatures.length} signature slots for ${validators.length} validators`, height);
  }
  const total = validators.reduce((s, v) => s + v.power, 0n);
  let signedPower = 0n;
  const signedBy = validators.map(() => false);
  commit.signatures.forEach((sig, i) => {
    const v = validators[i]!;
    if (sig.block_id_flag === FLAG_ABSENT) return;
    if (sig.block_id_flag !== FLAG_COMMIT && sig.block_id_flag !== FLAG_NIL) {
      throw new TrustError('invalid-header', `commit signature ${i} of block ${height} has unknown block id flag ${sig.block_id_flag}`, height);
    }
    if (!sameAddress(sig.validator_address, v.address)) {
      throw new TrustError('invalid-header', `commit signature ${i} of block ${height} is from ${sig.validator_address}, not validator ${toUpperHex(v.address)}`, height);
    }
    if (sig.block_id_flag !== FLAG_COMMIT) return;
    if (!check(i)) throw new TrustError('invalid-header', `commit signature ${i} of block ${height} (validator ${toUpperHex(v.address)}) is not a valid ed25519 signature`, height);
    signedBy[i] = true;
    signedPower += v.power;
  });
  // CometBFT: tallied > total·2/3 (integer division), i.e. 3·signed > 2·total.
  if (signedPower <= (total * 2n) / 3n) {
    throw new TrustError('invalid-header', `only ${signedPower} of ${total} voting power of block ${height}'s own validator set signed it; more than two thirds is needed`, height);
  }
  return { signedBy, signedPower, total };
}

/**
 * VerifyCommitLightTrusting: validators of the *trusted* set (looked up by address) holding more
 * than trustLevel of its power signed the new header. Throws CannotTrustYet (bisect) when short.
 */
export function verifyCommitLightTrusting(
  signed: RawSignedHeader,
  trusted: Validator[],
  level: { numerator: bigint; denominator: bigint },
  check: (i: number, v: Validator) => boolean,
): bigint {
  const height = Number(signed.header.height);
  const total = trusted.reduce((s, v) => s + v.power, 0n);
  const needed = (total * level.numerator) / level.denominator;
  const seen = new Set<string>();
  let tallied = 0n;
  signed.commit.signatures.forEach((sig, i) => {
    if (sig.block_id_flag !== FLAG_COMMIT) return;
    const address = sig.validator_address.toUpperCase();
    const v = trusted.find((t) => toUpperHex(t.address) === address);
    if (!v) return;
    if (seen.has(address)) throw new TrustError('invalid-header', `validator ${address} signed block ${height} twice`, height);
    seen.add(address);
    if (!check(i, v)) throw new TrustError('invalid-header', `commit signature ${i} of block ${height} (validator ${address}) is not a valid ed25519 signature`, height);
    tallied += v.power;
  });
  if (tallied <= needed) {
    throw new CannotTrustYet(
      `validators of the trusted set with ${tallied} of its ${total} voting power signed block ${height}; more than ${level.numerator}/${level.denominator} is needed to skip to it`,
      height,
    );
  }
  return tallied;
}

function sameAddress(hex: string, address: Uint8Array): boolean {
  try {
    return bytesEqual(fromNodeHex(hex, 'validator address'), address);
  } catch {
    return false;
  }
}

// ----------------------------------------------------------------- one verification step

/** Checks that hold for every header: chain id, hash = signed block id, the node's set = the header's. */
function basicChecks(block: LightBlock, chainId: string): { hash: Uint8Array; validators: Validator[] } {
  const { header } = block.signed;
  const height = Number(header.height);
  if (header.chain_id !== chainId) {
    throw new TrustError('wrong-chain', `block ${height} belongs to chain "${header.chain_id}", the root of trust is for "${chainId}"`, height);
  }
  let checked: CheckedHeader;
  try {
    checked = checkSignedHeader(block.signed, undefined, height, { chainId, verifySignatures: false });
  } catch (error) {
    if (error instanceof ChainProofError) throw new TrustError('invalid-header', error.message, height);
    throw error;
  }
  let validators: Validator[];
  let setHash: Uint8Array;
  try {
    validators = block.validators.map(parseValidator);
    setHash = validatorSetHash(block.validators);
  } catch (error) {
    if (error instanceof ChainProofError) throw new TrustError('validators-mismatch', `the validator set the node sent for block ${height} is malformed: ${error.message}`, height);
    throw error;
  }
  if (!bytesEqual(setHash, fromNodeHex(header.validators_hash, 'validators_hash', 32))) {
    throw new TrustError(
      'validators-mismatch',
      `the validator set the node sent for block ${height} hashes to ${toUpperHex(setHash)}, but the signed header names ${header.validators_hash.toUpperCase()}`,
      height,
    );
  }
  return { hash: checked.hash, validators };
}

function toTrusted(block: LightBlock, hash: Uint8Array, validators: Validator[], signedBy: boolean[], via: TrustedBlock['via']): TrustedBlock {
  const { header } = block.signed;
  return {
    height: Number(header.height),
    chainId: header.chain_id,
    timeNs: nsOf(header.time),
    time: header.time,
    hash,
    nextValidatorsHash: fromNodeHex(header.next_validators_hash, 'next_validators_hash', 32),
    validators,
    signedBy,
    signed: block.signed,
    via,
  };
}

/** The trusted state at the root: the root's header (pinned by hash, or by the set alone) signed by the root's set. */
export function verifyRootBlock(root: TrustRoot, block: LightBlock): TrustedBlock {
  const height = Number(block.signed.header.height);
  if (height !== root.height) throw new TrustError('invalid-header', `asked for block ${root.height}, the node sent block ${height}`, height);
  const { hash } = basicChecks(block, root.chainId);
  if (root.headerHash !== null && toUpperHex(hash) !== root.headerHash) {
    throw new TrustError('fork', `block ${root.height} of this node hashes to ${toUpperHex(hash)}, the root of trust says ${root.headerHash}`, height);
  }
  const trustedRaw = rootValidators(root);
  if (!bytesEqual(validatorSetHash(trustedRaw), fromNodeHex(block.signed.header.validators_hash, 'validators_hash', 32))) {
    throw new TrustError('fork', `block ${root.height} of this node names validator set ${block.signed.header.validators_hash.toUpperCase()}, not the root of trust's validators`, height);
  }
  const validators = trustedRaw.map(parseValidator);
  const { signedBy } = verifyCommitLight(block.signed, validators, (i) => signatureValid(root.chainId, block.signed, i, validators[i]!));
  return toTrusted(block, hash, validators, signedBy, 'root');
}

/** One step of light-client verification from `trusted` to the higher `block` (Verify in verifier.go). */
export function verifyStep(trusted: TrustedBlock, block: LightBlock, opts: LightVerifyOptions): TrustedBlock {
  const header = block.signed.header;
  const height = Number(header.height);
  if (height <= trusted.height) throw new TrustError('invalid-header', `block ${height} is not above the trusted block ${trusted.height}`, height);
  const now = BigInt((opts.now ?? (() => new Date()))().getTime()) * 1_000_000n;
  const expires = trusted.timeNs + BigInt(opts.trustingPeriodSeconds) * 1_000_000_000n;
  if (expires <= now) {
    throw new TrustError(
      'expired',
      `the trusted block ${trusted.height} (${trusted.time}) is older than the trusting period of ${opts.trustingPeriodSeconds} s; it expired at ${new Date(Number(expires / 1_000_000n)).toISOString()}`,
      trusted.height,
    );
  }
  const { hash, validators } = basicChecks(block, trusted.chainId);
  const timeNs = nsOf(header.time);
  if (timeNs <= trusted.timeNs) throw new TrustError('invalid-header', `block ${height}'s time ${header.time} is not after the trusted block's ${trusted.time}`, height);
  if (timeNs >= now + BigInt(opts.maxClockDriftMs ?? MAX_CLOCK_DRIFT_MS) * 1_000_000n) {
    throw new TrustError('invalid-header', `block ${height}'s time ${header.time} is in the future`, height);
  }
  const cache = new Map<number, boolean>();
  const check = (i: number) => {
    let ok = cache.get(i);
    if (ok === undefined) {
      const v = validators[i];
      ok = v !== undefined && signatureValid(trusted.chainId, block.signed, i, v);
      cache.set(i, ok);
    }
    return ok;
  };
  if (height === trusted.height + 1) {
    if (!bytesEqual(fromNodeHex(header.validators_hash, 'validators_hash', 32), trusted.nextValidatorsHash)) {
      throw new TrustError(
        'not-handed-over',
        `block ${height} is signed by validator set ${header.validators_hash.toUpperCase()}, but block ${trusted.height} handed over to ${toUpperHex(trusted.nextValidatorsHash)}`,
        height,
      );
    }
    const { signedBy } = verifyCommitLight(block.signed, validators, check);
    return toTrusted(block, hash, validators, signedBy, 'adjacent');
  }
  // Skipping: the trusted set's signatures are looked up by address; reuse the per-index checks
  // when the signature slot's validator is the same key.
  verifyCommitLightTrusting(block.signed, trusted.validators, opts.trustLevel ?? TRUST_LEVEL, (i, v) => {
    const own = validators[i];
    if (own && bytesEqual(own.pubKey, v.pubKey)) return check(i);
    return signatureValid(trusted.chainId, block.signed, i, v);
  });
  const { signedBy } = verifyCommitLight(block.signed, validators, check);
  return toTrusted(block, hash, validators, signedBy, 'skipping');
}

/** VerifyBackwards: `older` is the block whose hash `newer` names as its last block. */
export function verifyBackwardsStep(newer: TrustedBlock, older: RawSignedHeader): { hash: Uint8Array } {
  const h = older.header;
  const height = Number(h.height);
  if (h.chain_id !== newer.chainId) throw new TrustError('wrong-chain', `block ${height} belongs to chain "${h.chain_id}", not "${newer.chainId}"`, height);
  if (height !== newer.height - 1) throw new TrustError('invalid-header', `asked for block ${newer.height - 1}, got ${height}`, height);
  const hash = headerHash(h);
  if (!bytesEqual(hash, fromNodeHex(newer.signed.header.last_block_id.hash, 'last_block_id', 32))) {
    throw new TrustError('fork', `block ${height} hashes to ${toUpperHex(hash)}, but the trusted block ${newer.height} follows ${newer.signed.header.last_block_id.hash}`, height);
  }
  if (nsOf(h.time) >= newer.timeNs) throw new TrustError('invalid-header', `block ${height} is not older than block ${newer.height}`, height);
  return { hash };
}

// --------------------------------------------------------------------------- the client

export interface LightClientOptions extends RpcOptions, Omit<LightVerifyOptions, 'trustingPeriodSeconds'> {
  /** Overrides the root's trusting period. */
  trustingPeriodSeconds?: number;
  /** How long to wait for a block that is not produced yet; default 15 s. */
  headerWaitMs?: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Follows the validator set from a root of trust to any height of the chain a node serves.
 * One instance per root and node; it keeps the headers it verified, so later reads are warm.
 */
export class LightClient {
  readonly root: TrustRoot;
  readonly rpc: CometRpc;
  private readonly opts: LightClientOptions;
  private readonly trusted = new Map<number, TrustedBlock>();
  private readonly inflight = new Map<number, Promise<TrustedBlock>>();
  /** Heights verified (not taken from the cache), in order, since the last takeVerified(). */
  private log: number[] = [];

  constructor(root: TrustRoot, rpc: CometRpc | string, opts: LightClientOptions = {}) {
    this.root = root;
    this.rpc = typeof rpc === 'string' ? new CometRpc(rpc, opts) : rpc;
    this.opts = opts;
  }

  private get verifyOpts(): LightVerifyOptions {
    return {
      trustingPeriodSeconds: this.opts.trustingPeriodSeconds ?? this.root.trustingPeriodSeconds,
      ...(this.opts.now ? { now: this.opts.now } : {}),
      ...(this.opts.maxClockDriftMs !== undefined ? { maxClockDriftMs: this.opts.maxClockDriftMs } : {}),
      ...(this.opts.trustLevel ? { trustLevel: this.opts.trustLevel } : {}),
    };
  }

  /** The verified header at `height`, following the validator set from the root. */
  verifyHeight(height: number): Promise<TrustedBlock> {
    const have = this.trusted.get(height);
    if (have) return Promise.resolve(have);
    let p = this.inflight.get(height);
    if (!p) {
      p = this.verifyUncached(height).finally(() => this.inflight.delete(height));
      this.inflight.set(height, p);
    }
    return p;
  }

  /** Heights verified since the last call (for reports: how far the client had to walk). */
  takeVerified(): number[] {
    const out = this.log;
    this.log = [];
    return out;
  }

  /** Who signed block `height` (after verifyHeight), named by the root. */
  signers(block: TrustedBlock): SignerReport {
    const entries = block.validators.map((v, i) => {
      const address = toUpperHex(v.address);
      return { address, name: levelName(this.root, address), power: v.power.toString(), signed: block.signedBy[i] === true };
    });
    const signed = entries.filter((e) => e.signed);
    return {
      height: block.height,
      signed: signed.length,
      total: entries.length,
      signedPower: signed.reduce((s, e) => s + BigInt(e.power), 0n).toString(),
      totalPower: block.validators.reduce((s, v) => s + v.power, 0n).toString(),
      validators: entries,
    };
  }

  /** The header as checkSignedHeader reports it, for the state-proof code. */
  static checked(block: TrustedBlock): CheckedHeader {
    const h = block.signed.header;
    const total = block.validators.reduce((s, v) => s + v.power, 0n);
    const signedPower = block.validators.reduce((s, v, i) => (block.signedBy[i] ? s + v.power : s), 0n);
    return {
      height: block.height,
      chainId: block.chainId,
      time: block.time,
      hash: block.hash,
      appHash: fromNodeHex(h.app_hash, 'app_hash', 32),
      dataHash: fromNodeHex(h.data_hash, 'data_hash'),
      validatorsHash: h.validators_hash.toUpperCase(),
      signaturesChecked: true,
      signedPower,
      totalPower: total,
    };
  }

  private keep(block: TrustedBlock): TrustedBlock {
    this.trusted.set(block.height, block);
    this.log.push(block.height);
    return block;
  }

  private async rootBlock(): Promise<TrustedBlock> {
    const have = this.trusted.get(this.root.height);
    if (have) return have;
    let p = this.inflight.get(this.root.height);
    if (!p) {
      p = this.fetch(this.root.height).then((b) => this.keep(verifyRootBlock(this.root, b))).finally(() => this.inflight.delete(this.root.height));
      this.inflight.set(this.root.height, p);
    }
    return p;
  }

  private async verifyUncached(height: number): Promise<TrustedBlock> {
    const root = await this.rootBlock();
    if (height === root.height) return root;
    if (height < root.height) return this.backwards(height);
    // The closest verified header below the target (CometBFT: the latest trusted one ≤ target).
    let from = root;
    for (const b of this.trusted.values()) if (b.height < height && b.height > from.height) from = b;
    return this.skipping(from, await this.fetch(height));
  }

  /** verifySkipping with bisection (light/client.go). */
  private async skipping(start: TrustedBlock, target: LightBlock): Promise<TrustedBlock> {
    const opts = this.verifyOpts;
    const pending: LightBlock[] = [target];
    let verified = start;
    let depth = 0;
    for (;;) {
      const candidate = pending[depth]!;
      try {
        const block = this.keep(verifyStep(verified, candidate, opts));
        if (depth === 0) return block;
        verified = block;
        pending.length = depth;
        depth = 0;
      } catch (error) {
        if (!(error instanceof CannotTrustYet)) throw error;
        if (depth === pending.length - 1) {
          const top = Number(candidate.signed.header.height);
          const pivot = verified.height + Math.floor((top - verified.height) / 2);
          if (pivot <= verified.height) throw error; // cannot happen: adjacent steps never bisect
          pending.push(await this.fetch(pivot));
        }
        depth++;
      }
    }
  }

  /** Below the root: each older header must be the one the newer header's last_block_id names. */
  private async backwards(height: number): Promise<TrustedBlock> {
    let newer = this.trusted.get(height + 1);
    let h = height + 1;
    if (!newer) {
      // The closest verified header above the target.
      for (const b of this.trusted.values()) if (b.height > height && (newer === undefined || b.height < newer.height)) newer = b;
      h = newer!.height;
    }
    while (h - 1 > height) {
      const signed = (await this.rpc.commit(h - 1)).signed_header;
      const { hash } = verifyBackwardsStep(newer!, signed);
      newer = { ...newer!, height: h - 1, timeNs: nsOf(signed.header.time), time: signed.header.time, hash, signed, validators: [], signedBy: [], via: 'backwards' };
      h--;
    }
    const block = await this.fetch(height);
    const { hash } = verifyBackwardsStep(newer!, block.signed);
    const { validators } = basicChecks(block, this.root.chainId);
    const { signedBy } = verifyCommitLight(block.signed, validators, (i) => signatureValid(this.root.chainId, block.signed, i, validators[i]!));
    return this.keep(toTrusted(block, hash, validators, signedBy, 'backwards'));
  }

  /** The node's signed header and validator set for `height` (untrusted until checked). */
  async fetch(height: number): Promise<LightBlock> {
    const deadline = Date.now() + (this.opts.headerWaitMs ?? 15_000);
    let signed: RawSignedHeader;
    for (;;) {
      try {
        signed = (await this.rpc.commit(height)).signed_header;
        break;
      } catch (error) {
        if (!isFutureHeightError(error) || Date.now() > deadline) throw error;
        await sleep(100);
      }
    }
    const validators = await this.rpc.validators(height);
    return { signed, validators };
  }
}

/**
 * Builds a root of trust from a node the organisation runs itself (`npm run trust-root`): the
 * header hash and validator set at `height` (default 1, the genesis validators), checked for
 * consistency (+2/3 of that set signed that header). Names: by address, or by position in the set.
 */
export async function makeTrustRoot(
  rpc: CometRpc | string,
  input: {
    organisation: string;
    genesisHash: string;
    height?: number;
    names?: Record<string, string> | string[];
    trustingPeriodSeconds: number;
    now?: Date;
  },
): Promise<TrustRoot> {
  const client = typeof rpc === 'string' ? new CometRpc(rpc) : rpc;
  const height = input.height ?? 1;
  const signed = (await client.commit(height)).signed_header;
  const validators = await client.validators(height);
  const byIndex = Array.isArray(input.names) ? input.names : [];
  const byAddress = Array.isArray(input.names) ? {} : (input.names ?? {});
  const root: TrustRoot = {
    v: 1,
    organisation: input.organisation,
    chainId: signed.header.chain_id,
    genesisHash: input.genesisHash,
    height,
    headerHash: toUpperHex(headerHash(signed.header)),
    validators: validators.map((v, i) => ({
      address: v.address.toUpperCase(),
      pubKey: v.pub_key.value,
      power: String(v.voting_power),
      name: byAddress[v.address.toUpperCase()] ?? byIndex[i] ?? `validator ${i + 1}`,
    })),
    names: Object.fromEntries(Object.entries(byAddress).filter(([a]) => !validators.some((v) => v.address.toUpperCase() === a.toUpperCase())).map(([a, n]) => [a.toUpperCase(), n])),
    trustingPeriodSeconds: input.trustingPeriodSeconds,
    createdAt: (input.now ?? new Date()).toISOString(),
  };
  // The root must be self-consistent: this set signed this header.
  verifyRootBlock(root, { signed, validators });
  return root;
}
