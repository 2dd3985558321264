import { validateDocument, type RecordDocument } from './document.js';
import { BundleError, errorMessage } from './errors.js';
import { HASH_SIZE, leafHash } from './hash.js';
import { bytesEqual, fromHex, toHex } from './hex.js';
import { verifyInclusion } from './inclusion.js';
import { canonicalize } from './jcs.js';
import { parseJson } from './json.js';
import type { TrustRefusalCode } from './chain/errors.js';
import type { ChainTrust } from './chain/trust.js';

/** Media type of a serialised proof bundle. */
export const PROOF_MEDIA_TYPE = 'application/vnd.lianjian.proof+json';

/** Where and when a batch root was committed on chain. */
export type Anchor = {
  chainId: string;
  height: number;
  /** Transaction hash, uppercase hex as CometBFT prints it. */
  txHash: string;
  /** Block time, RFC 3339. */
  time: string;
};

/** Proof bundle v1 (PROOF-FORMAT.md): one record document and what proves it. Hashes are lowercase hex. */
export type ProofBundle = {
  v: 1;
  document: RecordDocument;
  leaf: string;
  index: number;
  batch: { seq: number; size: number; root: string; prevRoot: string };
  path: string[];
  /** null while the batch is not yet on chain. */
  anchor: Anchor | null;
};

/**
 * Check (3): does the chain's x/anchor state hold batch `seq` with this root? `unavailable`
 * marks a failure to ask (no node, no proof), as opposed to the chain answering "no".
 *
 * Implementations must also compare `batch.size` (and prevRoot) with the stored batch: an
 * RFC 9162 path does not pin the tree size on its own (a path for leaf 0 of 4 leaves also
 * verifies as leaf 0 of 3 against the same root), so the size has to come from the chain.
 */
export interface ChainChecker {
  checkBatchRoot(
    seq: number,
    root: Uint8Array,
    anchor: ProofBundle['anchor'],
    batch: { size: number; prevRoot: Uint8Array },
  ): Promise<{ ok: true; height: number; trust?: ChainTrust } | { ok: false; reason: string; unavailable?: boolean; code?: TrustRefusalCode }>;
}

export type CheckName = 'document' | 'path' | 'chain' | 'fields';

/**
 * ok: true passed, false failed, null not run (reason says why). `pending` marks a chain check
 * that could not run only because the batch is not anchored yet: a wait, never a failure.
 */
export type Check = {
  name: CheckName;
  ok: boolean | null;
  reason?: string;
  detail?: string;
  pending?: true;
  /** Chain check only: what it rested on (a root of trust and who signed, or the node's word). */
  trust?: ChainTrust;
  /** Chain check only: why a root of trust refused the node's answer (TRUST_REASONS has the wording). */
  code?: TrustRefusalCode;
};

export type VerifyReport = {
  verified: boolean;
  /** True when no chain checker was given: the chain was not consulted. */
  offline: boolean;
  /**
   * True when nothing failed and the chain was asked for but could not be consulted yet because
   * the batch is not anchored: verify again once the proof has its anchor.
   */
  pending: boolean;
  checks: Check[];
};

export type VerifyOptions = {
  /** Omit for offline verification: checks (1), (2) and (4) only. */
  chain?: ChainChecker;
  /** Fields a caller shows to a person; each must equal the proven document's data. */
  fields?: Record<string, unknown>;
};

const HASH_HEX = /^[0-9a-f]{64}$/;
const TX_HASH = /^[0-9A-F]{64}$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * Validates that `input` (a parsed JSON value, or JSON text) is a v1 proof bundle: exact keys
 * at every level, lowercase 32-byte hex hashes, non-negative safe integers. Throws
 * BundleError naming the offending field. Whether the proof holds is verifyBundle's job.
 */
export function parseBundle(input: unknown): ProofBundle {
  let json = input;
  if (typeof input === 'string') {
    try {
      json = parseJson(input);
    } catch (error) {
      throw new BundleError(`proof bundle is not valid JSON: ${errorMessage(error)}`);
    }
  }
  const bundle = object(json, 'bundle', ['v', 'document', 'leaf', 'index', 'batch', 'path', 'anchor']);
  if (bundle.v !== 1) throw new BundleError(`bundle.v must be 1 (proof format v1), got ${JSON.stringify(bundle.v)}`);
  let document: RecordDocument;
  try {
    document = validateDocument(bundle.document);
  } catch (error) {
    throw new BundleError(`bundle.document: ${errorMessage(error)}`);
  }
  const batch = object(bundle.batch, 'bundle.batch', ['seq', 'size', 'root', 'prevRoot']);
  if (!Array.isArray(bundle.path)) throw new BundleError('bundle.path must be an array of hex hashes');
  return {
    v: 1,
    document,
    leaf: hash(bundle.leaf, 'bundle.leaf'),
    index: integer(bundle.index, 'bundle.index', 0),
    batch: {
      seq: integer(batch.seq, 'bundle.batch.seq', 1),
      size: integer(batch.size, 'bundle.batch.size', 1),
      root: hash(batch.root, 'bundle.batch.root'),
      prevRoot: hash(batch.prevRoot, 'bundle.batch.prevRoot'),
    },
    path: bundle.path.map((item, i) => hash(item, `bundle.path[${i}]`)),
    anchor: bundle.anchor === null ? null : parseAnchor(bundle.anchor),
  };
}

/** Assembles a bundle from the values the indexer holds; the leaf is computed from the document. */
export function createBundle(input: {
  document: RecordDocument;
  index: number;
  batch: { seq: number; size: number; root: Uint8Array; prevRoot: Uint8Array };
  path: Uint8Array[];
  anchor: Anchor | null;
}): ProofBundle {
  return parseBundle({
    v: 1,
    document: input.document,
    leaf: toHex(leafHash(input.document)),
    index: input.index,
    batch: {
      seq: input.batch.seq,
      size: input.batch.size,
      root: toHex(input.batch.root),
      prevRoot: toHex(input.batch.prevRoot),
    },
    path: input.path.map(toHex),
    anchor: input.anchor,
  });
}

/**
 * Runs the checks of PROOF-FORMAT.md: (1) leaf = hash of the document; (2) the path leads from leaf,
 * index and size to batch.root; (3) the chain holds batch seq with that root (only with
 * opts.chain; offline it is reported as not run); (4) opts.fields equal document.data.
 * Never throws; `verified` is true only if every check that applies passed.
 */
export async function verifyBundle(bundle: ProofBundle, opts: VerifyOptions = {}): Promise<VerifyReport> {
  const offline = opts.chain === undefined;
  const document = checkDocument(bundle);
  const path = checkPath(bundle);
  const chain = await checkChain(bundle, opts.chain, document.ok === true && path.ok === true);
  const fields = checkFields(bundle, opts.fields);
  const checks = [document, path, chain, fields];
  const verified = document.ok === true && path.ok === true && (offline || chain.ok === true) && fields.ok !== false;
  const pending = !verified && chain.pending === true && checks.every((c) => c.ok !== false);
  return { verified, offline, pending, checks };
}

function checkDocument(bundle: ProofBundle): Check {
  try {
    const computed = leafHash(validateDocument(bundle.document));
    if (bytesEqual(computed, fromHex(bundle.leaf, HASH_SIZE))) return { name: 'document', ok: true };
    return {
      name: 'document',
      ok: false,
      reason: `the document does not hash to the bundle's leaf (computed ${toHex(computed)}): the document or its salt was changed`,
    };
  } catch (error) {
    return { name: 'document', ok: false, reason: errorMessage(error) };
  }
}

function checkPath(bundle: ProofBundle): Check {
  try {
    const result = verifyInclusion(
      fromHex(bundle.leaf, HASH_SIZE),
      bundle.index,
      bundle.batch.size,
      bundle.path.map((item) => fromHex(item, HASH_SIZE)),
      fromHex(bundle.batch.root, HASH_SIZE),
    );
    if (result.ok) return { name: 'path', ok: true };
    return { name: 'path', ok: false, reason: result.reason };
  } catch (error) {
    return { name: 'path', ok: false, reason: errorMessage(error) };
  }
}

async function checkChain(bundle: ProofBundle, chain: ChainChecker | undefined, earlierOk: boolean): Promise<Check> {
  if (chain === undefined) {
    const pending = bundle.anchor === null ? '; the bundle says the batch is not anchored yet' : '';
    return { name: 'chain', ok: null, reason: `skipped: offline verification, the chain was not consulted${pending}` };
  }
  if (!earlierOk) return { name: 'chain', ok: null, reason: 'not run: the document or path check failed' };
  if (bundle.anchor === null) {
    return {
      name: 'chain',
      ok: null,
      pending: true,
      reason: `batch ${bundle.batch.seq} is not anchored on chain yet (anchor is null); fetch the proof again once it is`,
    };
  }
  try {
    const result = await chain.checkBatchRoot(bundle.batch.seq, fromHex(bundle.batch.root, HASH_SIZE), bundle.anchor, {
      size: bundle.batch.size,
      prevRoot: fromHex(bundle.batch.prevRoot, HASH_SIZE),
    });
    if (result.ok) {
      return {
        name: 'chain',
        ok: true,
        detail: `batch ${bundle.batch.seq} root verified in chain state at height ${result.height}`,
        ...(result.trust ? { trust: result.trust } : {}),
      };
    }
    if (result.unavailable) return { name: 'chain', ok: null, reason: `chain check could not run: ${result.reason}` };
    return { name: 'chain', ok: false, reason: result.reason, ...(result.code ? { code: result.code } : {}) };
  } catch (error) {
    return { name: 'chain', ok: null, reason: `chain check could not run: ${errorMessage(error)}` };
  }
}

/** Check (4): displayed fields equal the proven document's data (shared with proof set v2; not in index.ts). */
export function checkFields(bundle: Pick<ProofBundle, 'document'>, fields: Record<string, unknown> | undefined): Check {
  if (fields === undefined) return { name: 'fields', ok: null, reason: 'skipped: no displayed fields given' };
  try {
    const data = bundle.document.data;
    const missing = Object.keys(fields).filter((key) => !Object.hasOwn(data, key));
    if (missing.length > 0) return { name: 'fields', ok: false, reason: `not in the proven document: ${missing.join(', ')}` };
    // Canonical forms compare values regardless of key order in nested objects.
    const differing = Object.keys(fields).filter((key) => canonicalize(fields[key]) !== canonicalize(data[key]));
    if (differing.length > 0) {
      return { name: 'fields', ok: false, reason: `shown values differ from the proven document: ${differing.join(', ')}` };
    }
    return { name: 'fields', ok: true };
  } catch (error) {
    return { name: 'fields', ok: false, reason: errorMessage(error) };
  }
}

function object(value: unknown, where: string, keys: string[]): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new BundleError(`${where} must be a JSON object`);
  }
  for (const key of Object.keys(value)) {
    if (!keys.includes(key)) throw new BundleError(`${where} has unknown field "${key}"`);
  }
  for (const key of keys) {
    if (!Object.hasOwn(value, key)) throw new BundleError(`${where}.${key} is missing`);
  }
  return value as Record<string, unknown>;
}

function hash(value: unknown, where: string): string {
  if (typeof value !== 'string' || !HASH_HEX.test(value)) {
    throw new BundleError(`${where} must be a ${HASH_SIZE}-byte hash in lowercase hex (64 characters)`);
  }
  return value;
}

function integer(value: unknown, where: string, min: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw new BundleError(`${where} must be an integer ≥ ${min}, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** An anchor's rules, shared with proof set v2 (which names the field `where`). Throws BundleError. */
export function parseAnchor(value: unknown, where = 'bundle.anchor'): Anchor {
  const a = object(value, where, ['chainId', 'height', 'txHash', 'time']);
  if (typeof a.chainId !== 'string' || a.chainId === '') throw new BundleError(`${where}.chainId must be a non-empty string`);
  if (typeof a.txHash !== 'string' || !TX_HASH.test(a.txHash)) {
    throw new BundleError(`${where}.txHash must be a 32-byte transaction hash in uppercase hex`);
  }
  if (typeof a.time !== 'string' || !RFC3339.test(a.time) || !Number.isFinite(Date.parse(a.time))) {
    throw new BundleError(`${where}.time must be an RFC 3339 time`);
  }
  return { chainId: a.chainId, height: integer(a.height, `${where}.height`, 1), txHash: a.txHash, time: a.time };
}
