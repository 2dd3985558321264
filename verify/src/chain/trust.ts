/**
 * The root of trust: what an organisation publishes so that a verifier needs to trust no node.
 * A small JSON file (media type application/vnd.lianjian.trust-root+json, format in
 * PROOF-FORMAT.md §4.1): chain id, genesis hash, a height, the hash of that block's header
 * (or null: then the validator set alone is trusted), the validator set at that height with a
 * display name per level, names of validators that joined later, and a trusting period.
 * Browser-safe: parsing only, no I/O.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesEqual } from '../hex.js';
import { parseJson } from '../json.js';
import { fromBase64, fromNodeHex, toUpperHex } from './bytes.js';
import { ChainProofError, TrustError, type TrustRefusalCode } from './errors.js';
import type { RawValidator } from './rpc.js';

export const TRUST_ROOT_MEDIA_TYPE = 'application/vnd.lianjian.trust-root+json';
/** CometBFT's default trust level: more than 1/3 of the trusted set's power must sign a skipped-to header. */
export const TRUST_LEVEL = { numerator: 1n, denominator: 3n } as const;
/** Default trusting period written by `npm run trust-root`: 14 days (2/3 of the SDK's 21-day unbonding time). */
export const DEFAULT_TRUSTING_PERIOD_SECONDS = 14 * 24 * 3600;

export interface TrustRootValidator {
  /** 20-byte consensus address, uppercase hex as CometBFT prints it. */
  address: string;
  /** ed25519 public key, base64 (as CometBFT's /validators prints it). */
  pubKey: string;
  /** Voting power, decimal. */
  power: string;
  /** The level that runs this validator, for people ("市委组织部"). */
  name: string;
}

export interface TrustRoot {
  v: 1;
  /** Whose root this is ("链建示范组织"), shown by the CLI and the verify page. */
  organisation: string;
  chainId: string;
  /** SHA-256 of the genesis file, lowercase hex: identifies the genesis a new node must start from. */
  genesisHash: string;
  /** The trusted height (1 = genesis). */
  height: number;
  /** Hash (block id) of the header at `height`, uppercase hex; null trusts the validator set alone. */
  headerHash: string | null;
  /** The validator set at `height`, in the chain's order. */
  validators: TrustRootValidator[];
  /** Names of validators that joined after `height`, by address (uppercase hex). */
  names: Record<string, string>;
  /** Seconds a trusted header stays usable for skipping (CometBFT's trusting period). */
  trustingPeriodSeconds: number;
  /** When the file was made (RFC 3339), for people. */
  createdAt: string;
}

const KEYS = ['v', 'organisation', 'chainId', 'genesisHash', 'height', 'headerHash', 'validators', 'names', 'trustingPeriodSeconds', 'createdAt'];

/** Strict parse of a trust-root file (text or parsed JSON); throws TrustError('bad-root') naming the field. */
export function parseTrustRoot(input: unknown): TrustRoot {
  let json = input;
  if (typeof input === 'string') {
    try {
      json = parseJson(input.replace(/^\uFEFF/, ''));
    } catch (error) {
      throw bad(`the root of trust is not valid JSON: ${(error as Error).message}`);
    }
  }
  const o = object(json, 'trust root', KEYS, ['names', 'createdAt']);
  if (o.v !== 1) throw bad(`trust root v must be 1, got ${JSON.stringify(o.v)}`);
  const text = (value: unknown, where: string) => {
    if (typeof value !== 'string' || value.trim() === '') throw bad(`${where} must be a non-empty string`);
    return value;
  };
  const height = o.height;
  if (typeof height !== 'number' || !Number.isSafeInteger(height) || height < 1) throw bad('trust root height must be an integer ≥ 1');
  const period = o.trustingPeriodSeconds;
  if (typeof period !== 'number' || !Number.isSafeInteger(period) || period < 1) throw bad('trust root trustingPeriodSeconds must be an integer ≥ 1');
  if (typeof o.genesisHash !== 'string' || !/^[0-9a-f]{64}$/.test(o.genesisHash)) throw bad('trust root genesisHash must be 64 lowercase hex characters');
  if (o.headerHash !== null && (typeof o.headerHash !== 'string' || !/^[0-9A-F]{64}$/.test(o.headerHash))) {
    throw bad('trust root headerHash must be null or 64 uppercase hex characters');
  }
  if (!Array.isArray(o.validators) || o.validators.length === 0) throw bad('trust root validators must be a non-empty array');
  const seen = new Set<string>();
  const validators = o.validators.map((raw, i) => {
    const v = object(raw, `trust root validators[${i}]`, ['address', 'pubKey', 'power', 'name'], []);
    const address = text(v.address, `validators[${i}].address`);
    if (!/^[0-9A-F]{40}$/.test(address)) throw bad(`validators[${i}].address must be 40 uppercase hex characters`);
    if (seen.has(address)) throw bad(`validator ${address} is listed twice`);
    seen.add(address);
    let pk: Uint8Array;
    try {
      pk = fromBase64(text(v.pubKey, `validators[${i}].pubKey`), `validators[${i}].pubKey`);
    } catch {
      throw bad(`validators[${i}].pubKey must be base64`);
    }
    if (pk.length !== 32) throw bad(`validators[${i}].pubKey must be a 32-byte ed25519 key`);
    if (toUpperHex(sha256(pk).subarray(0, 20)) !== address) throw bad(`validators[${i}].address does not belong to its public key`);
    const power = text(v.power, `validators[${i}].power`);
    if (!/^[1-9][0-9]{0,18}$/.test(power)) throw bad(`validators[${i}].power must be a positive decimal integer`);
    return { address, pubKey: v.pubKey as string, power, name: text(v.name, `validators[${i}].name`) };
  });
  const names: Record<string, string> = {};
  if (o.names !== undefined) {
    if (typeof o.names !== 'object' || o.names === null || Array.isArray(o.names)) throw bad('trust root names must be an object');
    for (const [address, name] of Object.entries(o.names)) {
      if (!/^[0-9A-F]{40}$/.test(address)) throw bad(`names: ${JSON.stringify(address)} is not a 40-character uppercase hex address`);
      names[address] = text(name, `names.${address}`);
    }
  }
  return {
    v: 1,
    organisation: text(o.organisation, 'trust root organisation'),
    chainId: text(o.chainId, 'trust root chainId'),
    genesisHash: o.genesisHash,
    height,
    headerHash: o.headerHash as string | null,
    validators,
    names,
    trustingPeriodSeconds: period,
    createdAt: o.createdAt === undefined ? '' : text(o.createdAt, 'trust root createdAt'),
  };
}

/** The root's validators in the shape CometBFT's RPC prints them (for hashing and signature checks). */
export function rootValidators(root: TrustRoot): RawValidator[] {
  return root.validators.map((v) => ({ address: v.address, pub_key: { type: 'tendermint/PubKeyEd25519', value: v.pubKey }, voting_power: v.power }));
}

/** The display name of a validator address: the root's validators first, then `names`. */
export function levelName(root: TrustRoot, address: string): string | null {
  const a = address.toUpperCase();
  return root.validators.find((v) => v.address === a)?.name ?? root.names[a] ?? null;
}

/** Checks that an address is the one of a public key (a root's entry cannot name a key it does not hold). */
export function addressOf(pubKeyBase64: string): string {
  return toUpperHex(sha256(fromBase64(pubKeyBase64, 'public key')).subarray(0, 20));
}

/** True when `hex` (either case) equals the bytes. */
export function sameHash(hex: string, bytes: Uint8Array): boolean {
  try {
    return bytesEqual(fromNodeHex(hex, 'hash'), bytes);
  } catch (error) {
    if (error instanceof ChainProofError) return false;
    throw error;
  }
}

// ---------------------------------------------------------------- reasons, in two languages

/** What each refusal means, in English and Chinese (the web page picks one; the CLI prints both). */
export const TRUST_REASONS: Record<TrustRefusalCode, { en: string; zh: string }> = {
  'wrong-chain': { en: 'the node serves another chain than the root of trust names', zh: '节点提供的链与信任根指定的链不同' },
  fork: { en: 'the node serves a chain with this chain id but other validators or another history (a fork or a forged chain)', zh: '节点提供的链与信任根链标识相同，但验证者或历史不同（分叉或伪造的链）' },
  'not-handed-over': { en: 'the block is signed by a validator set that the trusted set did not hand over to', zh: '区块的签署者不是受信任验证者集合所移交的集合' },
  'validators-mismatch': { en: 'the node lies about the validator set: the set it sent is not the one the block header names', zh: '节点提供了虚假的验证者集合：与区块头所记载的集合不符' },
  expired: { en: 'the root of trust is older than its trusting period; get a newer one from the organisation', zh: '信任根已超过信任期，请向组织获取新的信任根' },
  'invalid-header': { en: 'a block header from the node is not validly signed', zh: '节点提供的区块头签名无效' },
  'bad-root': { en: 'the root of trust file is not valid', zh: '信任根文件无效' },
};

/** "拒绝 …: detail" — one line in both languages, as the CLI labels its checks. */
export function trustReason(error: TrustError, root?: TrustRoot): string {
  const r = TRUST_REASONS[error.code];
  const whose = root ? ` (root of trust 信任根: ${root.organisation})` : '';
  return `refused by the root of trust 信任根拒绝${whose}: ${r.en} — ${r.zh}. ${error.message}`;
}

// ------------------------------------------------------------------------- who signed

export interface SignerEntry {
  address: string;
  /** The level's name from the root of trust, or null for a validator the root does not name. */
  name: string | null;
  power: string;
  signed: boolean;
}

/** Which validators (levels) signed a block, from a commit checked by the light client. */
export interface SignerReport {
  height: number;
  signed: number;
  total: number;
  signedPower: string;
  totalPower: string;
  validators: SignerEntry[];
}

/** What the chain check rested on: a root of trust, or the node's word for the validator set. */
export type ChainTrust =
  | { mode: 'node'; note: string }
  | {
      mode: 'root';
      root: { organisation: string; chainId: string; height: number; validators: number; genesisHash: string };
      /** Who signed the anchoring block. */
      signers: SignerReport | null;
      /** Heights verified by the light client on the way (cached ones are not repeated). */
      verified: number[];
    };

export const NODE_TRUST_NOTE =
  'no root of trust: the chain check trusted the validator set the node presented 未使用信任根：链上检查信任了节点提供的验证者集合';

/** "signed by 3 of 4 levels: A, B, C" and "由 4 个层级中的 3 个签署：A、B、C". */
export function signersText(report: SignerReport): { en: string; zh: string } {
  const names = report.validators.filter((v) => v.signed).map((v) => v.name ?? `unnamed validator ${v.address.slice(0, 8)}`);
  const zhNames = report.validators.filter((v) => v.signed).map((v) => v.name ?? `未命名验证者 ${v.address.slice(0, 8)}`);
  return {
    en: `signed by ${report.signed} of ${report.total} levels: ${names.join(', ')}`,
    zh: `由 ${report.total} 个层级中的 ${report.signed} 个签署：${zhNames.join('、')}`,
  };
}

function bad(message: string): TrustError {
  return new TrustError('bad-root', message);
}

function object(value: unknown, where: string, keys: string[], optional: string[]): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw bad(`${where} must be a JSON object`);
  for (const key of Object.keys(value)) if (!keys.includes(key)) throw bad(`${where} has unknown field "${key}"`);
  for (const key of keys) if (!optional.includes(key) && !Object.hasOwn(value, key)) throw bad(`${where}.${key} is missing`);
  return value as Record<string, unknown>;
}
