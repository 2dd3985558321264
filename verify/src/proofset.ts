// Proof set v2 (PROOF-FORMAT.md §5): many records of the same batches with every shared audit-path
// node carried once, and one chain check per batch instead of one per record.
import { checkFields, createBundle, parseAnchor, parseBundle, type Anchor, type ChainChecker, type Check, type ProofBundle, type VerifyReport } from './bundle.js';
import { canonicalDocumentText, validateDocument, type RecordDocument } from './document.js';
import { errorMessage, ProofSetError } from './errors.js';
import { HASH_SIZE, leafHash, leafOfText, nodeWith, type Sha256 } from './hash.js';
import { bytesEqual, fromHex, toHex } from './hex.js';
import { parseJson } from './json.js';
import type { MerkleLayers, PathPosition } from './merkle.js';
import { pathPositions } from './merkle.js';

/** Media type of a serialised proof set. */
export const PROOF_SET_MEDIA_TYPE = 'application/vnd.lianjian.proofset+json';

/** One batch of a proof set. Hashes are standard base64 (RFC 4648 §4, padded), one spelling only. */
export type ProofSetBatch = {
  seq: number;
  size: number;
  root: string;
  prevRoot: string;
  /** null while the batch is not yet on chain. */
  anchor: Anchor | null;
  /** Base64 of the concatenated 32-byte nodes the verifier cannot compute, in the order of proofSetPositions. */
  nodes: string;
};

/** One record: `b` indexes `batches`, `i` is the leaf index; both null while the record is PENDING. */
export type ProofSetRecord = { b: number; i: number; doc: RecordDocument } | { b: null; i: null; doc: RecordDocument };

export type ProofSet = { v: 2; batches: ProofSetBatch[]; records: ProofSetRecord[] };

/** Per record: v1's report (checks document, path, chain, fields) plus where the record sits in the set. */
export type ProofSetRecordReport = VerifyReport & { record: number; b: number | null; i: number | null };

export type ProofSetReport = {
  /** True only when every record verified (a PENDING record is not verified). */
  verified: boolean;
  offline: boolean;
  /** Nothing failed, but some record or batch waits for its anchor. */
  pending: boolean;
  /** Per batch: the offline multiproof result ('path') and the chain check, each run once. */
  batches: { seq: number; path: Check; chain: Check }[];
  records: ProofSetRecordReport[];
  /**
   * With `canonical: true` (and a set that parses): record k's canonical (JCS) text and its leaf,
   * as computed to verify it — what a copy that stores verified documents keeps, without
   * canonicalising and hashing each a second time. Absent otherwise.
   */
  canonical?: { texts: string[]; leaves: Uint8Array[] };
};

export type ProofSetVerifyOptions = {
  /** Omit for offline verification; otherwise asked once per batch whose offline check passed. */
  chain?: ChainChecker;
  /**
   * v1's check 4 per record, aligned with `set.records`: the fields a page shows for record k must
   * equal its document's data (null/undefined/absent: that record's check is skipped).
   */
  fields?: readonly (Record<string, unknown> | null | undefined)[];
  /**
   * The SHA-256 to hash leaves and nodes with (e.g. Node's native one, hash.ts's Sha256); default the
   * library's own pure-JavaScript SHA-256, which runs everywhere (browsers). What is checked is the same.
   */
  sha256?: Sha256;
  /** Return each record's canonical text and leaf in `report.canonical`. */
  canonical?: boolean;
};

// ---------------------------------------------------------------------------------------------
// base64 (RFC 4648 §4 with padding). Strict: a value has exactly one accepted spelling, so a set
// cannot be re-encoded without changing what it says (the same reason v1 takes lowercase hex only).

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_SHAPE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = bytes.length - i;
    const chunk = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[(chunk >> 18) & 63]! + B64[(chunk >> 12) & 63]!;
    out += n > 1 ? B64[(chunk >> 6) & 63]! : '=';
    out += n > 2 ? B64[chunk & 63]! : '=';
  }
  return out;
}

/** Inverse of encodeBase64; refuses other alphabets, missing padding and non-zero unused bits. */
export function decodeBase64(text: string): Uint8Array {
  if (typeof text !== 'string' || !B64_SHAPE.test(text)) {
    throw new ProofSetError('not standard padded base64 (RFC 4648 §4) 不是标准 base64');
  }
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    let chunk = 0;
    for (let c = 0; c < 4; c++) chunk = (chunk << 6) | Math.max(0, B64.indexOf(text[i + c]!));
    for (let b = 0; b < 3 && o < out.length; b++) out[o++] = (chunk >> (16 - 8 * b)) & 0xff;
  }
  if (encodeBase64(out) !== text) throw new ProofSetError('base64 is not in its canonical spelling (unused bits set) base64 非规范写法');
  return out;
}

// ---------------------------------------------------------------------------------------------
// The level walk of §5, shared by the builder (positions only) and the verifier (hashes).

/** Integer halving that stays exact beyond 2^31 (bit shifts would not). */
const half = (n: number): number => Math.floor(n / 2);

function checkIndices(size: number, indices: readonly number[]): number[] {
  if (!Number.isSafeInteger(size) || size < 1) throw new ProofSetError(`batch size must be an integer ≥ 1, got ${String(size)}`);
  for (const i of indices) {
    if (!Number.isSafeInteger(i) || i < 0 || i >= size) {
      throw new ProofSetError(`leaf index ${String(i)} is not an integer in [0, ${size}) 叶子序号超出批次范围`);
    }
  }
  return [...new Set(indices)].sort((a, b) => a - b);
}

/**
 * The (level, position) of every node a proof set carries for these leaf indices, in the order
 * `nodes` holds them: level ascending, position ascending within a level. This is what the API
 * reads from a batch's stored levels (one query over these pairs, as for v1 paths).
 */
export function proofSetPositions(size: number, indices: readonly number[]): PathPosition[] {
  let known = checkIndices(size, indices);
  if (known.length === 0) throw new ProofSetError('a batch of a proof set needs at least one record');
  const positions: PathPosition[] = [];
  let last = size - 1;
  for (let level = 0; last > 0; level++) {
    const next: number[] = [];
    for (let j = 0; j < known.length; j++) {
      const k = known[j]!;
      if (k % 2 === 1) positions.push({ level, pos: k - 1 }); // left sibling not known (else it took us with it)
      else if (known[j + 1] === k + 1) j++; // both known: computed, nothing carried
      else if (k + 1 <= last) positions.push({ level, pos: k + 1 });
      // else: k is the odd last node of the level, carried up unchanged
      next.push(half(k));
    }
    known = next;
    last = half(last);
  }
  return positions;
}

/**
 * Recomputes a batch root from the known leaves and `nodes` (§5 steps 2–3). Throws ProofSetError
 * when `nodes` is short, has any node left over, or is not a whole number of hashes. `seen`, when
 * given, receives every node known or consumed, keyed "level:pos" (for expanding to v1 paths).
 */
export function proofSetRoot(size: number, leaves: ReadonlyMap<number, Uint8Array>, nodes: Uint8Array, seen?: Map<string, Uint8Array>, sha256?: Sha256): Uint8Array {
  let known: [number, Uint8Array][] = checkIndices(size, [...leaves.keys()]).map((i) => [i, leaves.get(i)!]);
  if (known.length === 0) throw new ProofSetError('a batch of a proof set needs at least one record');
  for (const [i, leaf] of known) {
    if (!(leaf instanceof Uint8Array) || leaf.length !== HASH_SIZE) throw new ProofSetError(`leaf ${i} must be a ${HASH_SIZE}-byte hash`);
  }
  if (nodes.length % HASH_SIZE !== 0) {
    throw new ProofSetError(`nodes are ${nodes.length} bytes, not a multiple of ${HASH_SIZE} 节点长度不是 32 字节的整数倍`);
  }
  let offset = 0;
  let level = 0;
  const take = (pos: number): Uint8Array => {
    if (offset + HASH_SIZE > nodes.length) {
      throw new ProofSetError(`nodes run out at level ${level}, position ${pos}: a node is missing 证明节点不足`);
    }
    const node = nodes.subarray(offset, offset + HASH_SIZE);
    offset += HASH_SIZE;
    seen?.set(`${level}:${pos}`, node);
    return node;
  };
  let last = size - 1;
  for (; last > 0; level++) {
    const next: [number, Uint8Array][] = [];
    for (let j = 0; j < known.length; j++) {
      const [k, hash] = known[j]!;
      seen?.set(`${level}:${k}`, hash);
      let parent: Uint8Array;
      if (k % 2 === 1) parent = nodeWith(take(k - 1), hash, sha256);
      else if (known[j + 1]?.[0] === k + 1) {
        const right = known[++j]![1];
        seen?.set(`${level}:${k + 1}`, right);
        parent = nodeWith(hash, right, sha256);
      } else if (k + 1 <= last) parent = nodeWith(hash, take(k + 1), sha256);
      else parent = hash; // the odd last node: carried, never duplicated (RFC 9162)
      next.push([half(k), parent]);
    }
    known = next;
    last = half(last);
  }
  // Exact consumption: a spare node would let a forged set pad or reorder what it proves (the
  // CVE-2023-34459 class of multiproof bugs), so leftovers fail like a missing node does.
  if (offset !== nodes.length) {
    throw new ProofSetError(`${(nodes.length - offset) / HASH_SIZE} node(s) left over after the root: nodes must be consumed exactly 证明节点有多余`);
  }
  return known[0]![1];
}

// ---------------------------------------------------------------------------------------------
// Parsing

const HASH_B64_LENGTH = 44;

/**
 * Validates that `input` (parsed JSON or JSON text) has the v2 shape: exact keys, 32-byte base64
 * hashes, `nodes` a whole number of hashes, `b` a batch of the set (every batch used by some
 * record, no seq twice), `b` and `i` both null or both integers. Throws ProofSetError naming the
 * field. Whether the nodes prove the records is verifyProofSet's job.
 */
export function parseProofSet(input: unknown): ProofSet {
  return parseSet(input);
}

/** parseProofSet; with `texts`, each record's canonical text is pushed there (validated and canonicalised once). */
function parseSet(input: unknown, texts?: string[]): ProofSet {
  let json = input;
  if (typeof input === 'string') {
    try {
      json = parseJson(input);
    } catch (error) {
      throw new ProofSetError(`proof set is not valid JSON: ${errorMessage(error)}`);
    }
  }
  const set = object(json, 'set', ['v', 'batches', 'records']);
  if (set.v !== 2) throw new ProofSetError(`set.v must be 2 (proof set v2), got ${JSON.stringify(set.v)}`);
  const batches = parseBatches(set.batches);
  if (!Array.isArray(set.records)) throw new ProofSetError('set.records must be an array');
  const used = new Set<number>();
  const records = set.records.map((value: unknown, r: number): ProofSetRecord => {
    const where = `set.records[${r}]`;
    const rec = object(value, where, ['b', 'i', 'doc']);
    let doc: RecordDocument;
    try {
      if (texts) texts.push(canonicalDocumentText(rec.doc));
      else validateDocument(rec.doc);
      doc = rec.doc as RecordDocument;
    } catch (error) {
      throw new ProofSetError(`${where}.doc: ${errorMessage(error)}`);
    }
    if (rec.b === null || rec.i === null) {
      if (rec.b !== null || rec.i !== null) throw new ProofSetError(`${where}: b and i must both be null (pending) or both be set`);
      return { b: null, i: null, doc };
    }
    const { b, i } = placeOf(rec, where, batches);
    used.add(b);
    return { b, i, doc };
  });
  everyBatchUsed(batches, used);
  return { v: 2, batches, records };
}

/** A set's `batches`: exact keys, 32-byte base64 hashes, `nodes` a whole number of hashes, no seq twice. */
function parseBatches(value: unknown): ProofSetBatch[] {
  if (!Array.isArray(value)) throw new ProofSetError('set.batches must be an array');
  const seqs = new Set<number>();
  return value.map((item: unknown, k: number): ProofSetBatch => {
    const where = `set.batches[${k}]`;
    const b = object(item, where, ['seq', 'size', 'root', 'prevRoot', 'anchor', 'nodes']);
    const seq = integer(b.seq, `${where}.seq`, 1);
    if (seqs.has(seq)) throw new ProofSetError(`${where}.seq ${seq} appears twice: each batch is listed once`);
    seqs.add(seq);
    const nodes = base64(b.nodes, `${where}.nodes`);
    if (nodes.length % HASH_SIZE !== 0) {
      throw new ProofSetError(`${where}.nodes is ${nodes.length} bytes, not a whole number of ${HASH_SIZE}-byte hashes`);
    }
    return {
      seq,
      size: integer(b.size, `${where}.size`, 1),
      root: hashB64(b.root, `${where}.root`),
      prevRoot: hashB64(b.prevRoot, `${where}.prevRoot`),
      anchor: b.anchor === null ? null : anchorOf(b.anchor, `${where}.anchor`),
      nodes: b.nodes as string,
    };
  });
}

/** A record's batch (an index into `batches`) and leaf index. */
function placeOf(rec: Record<string, unknown>, where: string, batches: readonly ProofSetBatch[]): { b: number; i: number } {
  const b = integer(rec.b, `${where}.b`, 0);
  if (b >= batches.length) throw new ProofSetError(`${where}.b ${b} is not a batch of this set (${batches.length} batches)`);
  return { b, i: integer(rec.i, `${where}.i`, 0) };
}

function everyBatchUsed(batches: readonly ProofSetBatch[], used: ReadonlySet<number>): void {
  batches.forEach((batch, k) => {
    // A batch no record uses proves nothing and cannot be checked: refuse it rather than ignore it.
    if (!used.has(k)) throw new ProofSetError(`set.batches[${k}] (seq ${batch.seq}) is used by no record`);
  });
}

// ---------------------------------------------------------------------------------------------
// Building

/** Reads one stored node: level (0 = leaves) and position within the level. */
export type NodeReader = (level: number, pos: number) => Uint8Array;

/**
 * A batch as a server holds it. Its nodes come from one of:
 * - `levels`: the stored levels as buildTree returns them, or a NodeReader (see levelsReader for
 *   levels stored as concatenated hashes, the `batch_level` rows);
 * - `nodes`: the nodes already read, concatenated in proofSetPositions(size, indices) order for the
 *   indices of this batch's records (e.g. one SQL query over those positions); the length is checked.
 */
export type ProofSetBuildBatch = {
  seq: number;
  size: number;
  root: Uint8Array;
  prevRoot: Uint8Array;
  anchor: Anchor | null;
} & ({ levels: MerkleLayers | NodeReader; nodes?: never } | { nodes: Uint8Array; levels?: never });

/**
 * A record to prove: its batch either by `b` (index into the input's `batches`) or by the batch's
 * `seq`; `i` its leaf index (position − the batch's first position); both null while PENDING.
 */
export type ProofSetBuildRecord =
  | { b: number | null; i: number | null; doc: RecordDocument }
  | { seq: number | null; i: number | null; doc: RecordDocument };

/**
 * Assembles a proof set: for each batch, the nodes of proofSetPositions for the indices its
 * records use. Records keep their order; a batch no record uses is left out (the format refuses
 * it), and `b` is renumbered accordingly. The result is parsed (shape-checked) before it is
 * returned; any stored node missing or of the wrong length throws ProofSetError.
 */
export function buildProofSet(input: { batches: readonly ProofSetBuildBatch[]; records: readonly ProofSetBuildRecord[] }): ProofSet {
  const bySeq = new Map<number, number>();
  input.batches.forEach((batch, k) => {
    if (bySeq.has(batch.seq)) throw new ProofSetError(`batch ${batch.seq} is given twice`);
    bySeq.set(batch.seq, k);
  });
  // Each record's batch as an index into input.batches (null when pending).
  const inputB = input.records.map((r, n): number | null => {
    if ('seq' in r) {
      if (r.seq === null) return null;
      const k = bySeq.get(r.seq);
      if (k === undefined) throw new ProofSetError(`record ${n} names batch ${r.seq}, which is not given`);
      return k;
    }
    if (r.b !== null && (!Number.isSafeInteger(r.b) || r.b < 0 || r.b >= input.batches.length)) {
      throw new ProofSetError(`record ${n}: b ${String(r.b)} is not a batch of the input`);
    }
    return r.b;
  });
  const renumber = new Map<number, number>();
  const batches: ProofSetBatch[] = [];
  input.batches.forEach((batch, k) => {
    const indices = input.records.flatMap((r, n) => (inputB[n] === k ? [r.i as number] : []));
    if (indices.length === 0) return;
    renumber.set(k, batches.length);
    batches.push(buildProofSetBatch(batch, indices));
  });
  const records = input.records.map((r, n) => {
    const k = inputB[n] ?? null;
    return k === null ? { b: null, i: r.i, doc: r.doc } : { b: renumber.get(k)!, i: r.i, doc: r.doc };
  });
  return parseProofSet({ v: 2, batches, records });
}

/**
 * One entry of `batches` (header and nodes) for the leaf indices its records use, without the
 * records — for a server that writes the set's JSON itself, e.g. each record's `doc` as the stored
 * canonical (JCS) text spliced in unparsed: `{"v":2,"batches":[…],"records":[{"b":0,"i":17,"doc":…}]}`.
 * Checks what parseProofSet would (integers, 32-byte roots, the anchor) and the stored nodes.
 */
export function buildProofSetBatch(batch: ProofSetBuildBatch, indices: readonly number[]): ProofSetBatch {
  const where = `batch ${String(batch.seq)}`;
  integer(batch.seq, `${where}: seq`, 1);
  const positions = proofSetPositions(batch.size, indices);
  for (const [name, hash] of [['root', batch.root], ['prevRoot', batch.prevRoot]] as const) {
    if (!(hash instanceof Uint8Array) || hash.length !== HASH_SIZE) throw new ProofSetError(`${where}: ${name} must be a ${HASH_SIZE}-byte hash`);
  }
  return {
    seq: batch.seq,
    size: batch.size,
    root: encodeBase64(batch.root),
    prevRoot: encodeBase64(batch.prevRoot),
    anchor: batch.anchor === null ? null : anchorOf(batch.anchor, `${where}: anchor`),
    nodes: encodeBase64(batchNodes(batch, positions)),
  };
}

function batchNodes(batch: ProofSetBuildBatch, positions: PathPosition[]): Uint8Array {
  if (batch.nodes !== undefined) {
    if (!(batch.nodes instanceof Uint8Array) || batch.nodes.length !== positions.length * HASH_SIZE) {
      throw new ProofSetError(
        `batch ${batch.seq}: ${positions.length} node(s) needed (${positions.length * HASH_SIZE} bytes), ${String(batch.nodes?.length)} bytes given`,
      );
    }
    return Uint8Array.from(batch.nodes);
  }
  const read = typeof batch.levels === 'function' ? batch.levels : layerReader(batch.levels);
  const nodes = new Uint8Array(positions.length * HASH_SIZE);
  positions.forEach(({ level, pos }, n) => {
    const node = read(level, pos);
    if (!(node instanceof Uint8Array) || node.length !== HASH_SIZE) {
      throw new ProofSetError(`batch ${batch.seq}: stored node (${level}, ${pos}) is missing or not ${HASH_SIZE} bytes`);
    }
    nodes.set(node, n * HASH_SIZE);
  });
  return nodes;
}

function layerReader(layers: MerkleLayers): NodeReader {
  return (level, pos) => {
    const node = layers[level]?.[pos];
    if (!node) throw new ProofSetError(`the stored levels have no node (${level}, ${pos})`);
    return node;
  };
}

/**
 * A NodeReader over levels stored as concatenated 32-byte hashes, one byte string per level (what
 * the `batch_level` table holds: level → hashes), given as an array by level or a map. Reading past
 * a level's end, or a level whose length is not a whole number of hashes, throws ProofSetError.
 */
export function levelsReader(levels: readonly Uint8Array[] | ReadonlyMap<number, Uint8Array>): NodeReader {
  return (level, pos) => {
    const hashes = levels instanceof Map ? levels.get(level) : (levels as readonly Uint8Array[])[level];
    if (!(hashes instanceof Uint8Array) || hashes.length % HASH_SIZE !== 0) {
      throw new ProofSetError(`stored level ${level} is missing or not a whole number of ${HASH_SIZE}-byte hashes`);
    }
    const start = pos * HASH_SIZE;
    if (!Number.isSafeInteger(pos) || pos < 0 || start + HASH_SIZE > hashes.length) {
      throw new ProofSetError(`stored level ${level} has no node ${pos} (it holds ${hashes.length / HASH_SIZE})`);
    }
    return hashes.subarray(start, start + HASH_SIZE);
  };
}

// ---------------------------------------------------------------------------------------------
// Verifying

type BatchOutcome = { seq: number; path: Check; chain: Check };

/**
 * Verifies a proof set (§5): per batch, the leaves computed from the documents, every bound, the
 * exact consumption of `nodes` and the root; then, with opts.chain, one chain check per batch
 * through the same ChainChecker as v1 (a checker made with a root of trust works unchanged).
 * Never throws: a set that does not even parse is reported with every check failed.
 *
 * Duplicates: the same record (same leaf) listed twice at one index is allowed — a page may show a
 * record twice — and both entries get the batch's result; two different leaves at one index fail.
 */
export async function verifyProofSet(input: ProofSet, opts: ProofSetVerifyOptions = {}): Promise<ProofSetReport> {
  const offline = opts.chain === undefined;
  let set: ProofSet;
  const texts: string[] = [];
  try {
    set = parseSet(input, texts);
  } catch (error) {
    const reason = errorMessage(error);
    const records = Array.isArray((input as { records?: unknown })?.records) ? (input as ProofSet).records : [];
    return {
      verified: false,
      offline,
      pending: false,
      batches: [],
      records: records.map((r, record) => ({
        record,
        b: null,
        i: null,
        verified: false,
        offline,
        pending: false,
        checks: [
          { name: 'document', ok: false, reason },
          { name: 'path', ok: null, reason: 'not run: the proof set is malformed' },
          { name: 'chain', ok: null, reason: 'not run: the proof set is malformed' },
          FIELDS_SKIPPED,
        ],
      })),
    };
  }

  // Each leaf from the canonical text the parse produced: every document canonicalised once.
  const leaves = texts.map((text) => leafOfText(text, opts.sha256));
  const batches = await checkBatches(set.batches, set.records, leaves, opts);

  const records = set.records.map((r, record): ProofSetRecordReport => {
    const document: Check = { name: 'document', ok: true, detail: `leaf ${toHex(leaves[record]!)}` };
    const fields = checkFields({ document: r.doc }, opts.fields?.[record] ?? undefined);
    if (r.b === null) {
      const reason = 'the record is not in a batch yet (pending): nothing to prove it with 记录尚未打包，暂无法证明';
      return {
        record,
        b: null,
        i: null,
        verified: false,
        offline,
        // A shown field that differs is a failure even before the record can be proven.
        pending: fields.ok !== false,
        checks: [document, { name: 'path', ok: null, pending: true, reason }, { name: 'chain', ok: null, pending: true, reason }, fields],
      };
    }
    const { path, chain } = batches[r.b]!;
    const checks = [document, path, chain, fields];
    const verified = path.ok === true && (offline || chain.ok === true) && fields.ok !== false;
    const pending = !verified && chain.pending === true && checks.every((c) => c.ok !== false);
    return { record, b: r.b, i: r.i, verified, offline, pending, checks };
  });
  const verified = records.length > 0 && records.every((r) => r.verified);
  const pending = !verified && records.some((r) => r.pending) && records.every((r) => r.verified || r.pending);
  return { verified, offline, pending, batches, records, ...(opts.canonical ? { canonical: { texts, leaves } } : {}) };
}

const FIELDS_SKIPPED: Check = { name: 'fields', ok: null, reason: 'skipped: no displayed fields given' };

/** Per batch in order: its offline check from the leaves of the records placed in it, then its chain check. */
async function checkBatches(batches: readonly ProofSetBatch[], places: readonly { b: number | null; i: number | null }[], leaves: readonly Uint8Array[], opts: { chain?: ChainChecker; sha256?: Sha256 }): Promise<BatchOutcome[]> {
  const out: BatchOutcome[] = [];
  for (let k = 0; k < batches.length; k++) {
    const batch = batches[k]!;
    const path = checkBatch(batch, places.flatMap((r, n) => (r.b === k ? [[r.i!, leaves[n]!] as const] : [])), opts.sha256);
    const chain = await checkChain(batch, opts.chain, path.ok === true);
    out.push({ seq: batch.seq, path, chain });
  }
  return out;
}

/** What verifyLeaves found: `verified` when every batch's path and (unless offline) chain check passed. */
export type LeavesReport = { verified: boolean; offline: boolean; batches: { seq: number; path: Check; chain: Check }[] };

/**
 * Proves leaves rather than documents: `records[k]` = { b, i } places leaf k at index i of batch b
 * (an index into `batches`, a proof set v2's `batches`, validated as parseProofSet does). Each
 * batch must be used by some record; its nodes, with these leaves, must lead exactly to its root,
 * and its root must be the chain's (one check per batch, as verifyProofSet).
 *
 * For a caller that holds each record's exact bytes and hashed them itself (leafOfText): a leaf
 * that is proven is the very bytes the log committed, so nothing here validates or canonicalises a
 * document — what the caller reads from the bytes it must still check itself. Throws ProofSetError
 * when `batches` or `records` are malformed or the counts differ; a failed check is reported.
 */
export async function verifyLeaves(batches: unknown, records: readonly unknown[], leaves: readonly Uint8Array[], opts: { chain?: ChainChecker; sha256?: Sha256 } = {}): Promise<LeavesReport> {
  const parsed = parseBatches(batches);
  if (!Array.isArray(records) || records.length !== leaves.length) throw new ProofSetError(`${Array.isArray(records) ? records.length : 'no'} records for ${leaves.length} leaves`);
  const used = new Set<number>();
  const places = records.map((value, r) => {
    const where = `set.records[${r}]`;
    const place = placeOf(object(value, where, ['b', 'i']), where, parsed);
    used.add(place.b);
    return place;
  });
  everyBatchUsed(parsed, used);
  leaves.forEach((leaf, k) => {
    if (!(leaf instanceof Uint8Array) || leaf.length !== HASH_SIZE) throw new ProofSetError(`leaf ${k} is not a ${HASH_SIZE}-byte hash`);
  });
  const offline = opts.chain === undefined;
  const outcomes = await checkBatches(parsed, places, leaves, opts);
  const verified = outcomes.length > 0 && outcomes.every((o) => o.path.ok === true && (offline || o.chain.ok === true));
  return { verified, offline, batches: outcomes };
}

function checkBatch(batch: ProofSetBatch, entries: (readonly [number, Uint8Array])[], sha256: Sha256 | undefined): Check {
  try {
    const known = new Map<number, Uint8Array>();
    for (const [i, leaf] of entries) {
      if (!Number.isSafeInteger(i) || i < 0 || i >= batch.size) {
        throw new ProofSetError(`leaf index ${i} is not below batch size ${batch.size} 叶子序号超出批次范围`);
      }
      const other = known.get(i);
      if (other && !bytesEqual(other, leaf)) {
        throw new ProofSetError(`two different records claim leaf index ${i} 同一序号对应两条不同记录`);
      }
      known.set(i, leaf);
    }
    const root = proofSetRoot(batch.size, known, decodeBase64(batch.nodes), undefined, sha256);
    if (!bytesEqual(root, decodeBase64(batch.root))) {
      return { name: 'path', ok: false, reason: `batch ${batch.seq}: the nodes do not lead to the root: recomputed root differs 重算的根与批次根不符` };
    }
    return { name: 'path', ok: true, detail: `batch ${batch.seq}: ${known.size} leaves lead to the root` };
  } catch (error) {
    return { name: 'path', ok: false, reason: `batch ${batch.seq}: ${errorMessage(error)}` };
  }
}

async function checkChain(batch: ProofSetBatch, chain: ChainChecker | undefined, earlierOk: boolean): Promise<Check> {
  if (chain === undefined) {
    const pending = batch.anchor === null ? '; the set says the batch is not anchored yet' : '';
    return { name: 'chain', ok: null, reason: `skipped: offline verification, the chain was not consulted${pending}` };
  }
  if (!earlierOk) return { name: 'chain', ok: null, reason: 'not run: the batch check failed' };
  if (batch.anchor === null) {
    return {
      name: 'chain',
      ok: null,
      pending: true,
      reason: `batch ${batch.seq} is not anchored on chain yet (anchor is null); fetch the proof set again once it is`,
    };
  }
  try {
    const result = await chain.checkBatchRoot(batch.seq, decodeBase64(batch.root), batch.anchor, {
      size: batch.size,
      prevRoot: decodeBase64(batch.prevRoot),
    });
    if (result.ok) {
      return {
        name: 'chain',
        ok: true,
        detail: `batch ${batch.seq} root verified in chain state at height ${result.height}`,
        ...(result.trust ? { trust: result.trust } : {}),
      };
    }
    if (result.unavailable) return { name: 'chain', ok: null, reason: `chain check could not run: ${result.reason}` };
    return { name: 'chain', ok: false, reason: result.reason, ...(result.code ? { code: result.code } : {}) };
  } catch (error) {
    return { name: 'chain', ok: null, reason: `chain check could not run: ${errorMessage(error)}` };
  }
}

// ---------------------------------------------------------------------------------------------
// Expanding to and from v1

/**
 * The v1 bundle of every record, in record order (null for a PENDING record). Each path is read
 * from the nodes of the set and the nodes computed from its leaves, so the bundles verify exactly
 * when the set does. Throws ProofSetError when the set cannot be expanded (it does not parse, an
 * index is out of range, two leaves share an index, nodes are short or left over); the root itself
 * is not compared here — the v1 verifier does that.
 */
export function toBundles(input: ProofSet): (ProofBundle | null)[] {
  const set = parseProofSet(input);
  const leaves = set.records.map((r) => leafHash(r.doc));
  const seen = set.batches.map((batch, k) => {
    const known = new Map<number, Uint8Array>();
    set.records.forEach((r, n) => {
      if (r.b !== k) return;
      if (!Number.isSafeInteger(r.i) || r.i >= batch.size) throw new ProofSetError(`leaf index ${r.i} is not below batch size ${batch.size}`);
      const other = known.get(r.i);
      if (other && !bytesEqual(other, leaves[n]!)) throw new ProofSetError(`two different records claim leaf index ${r.i}`);
      known.set(r.i, leaves[n]!);
    });
    const nodes = new Map<string, Uint8Array>();
    proofSetRoot(batch.size, known, decodeBase64(batch.nodes), nodes);
    return nodes;
  });
  return set.records.map((r) => {
    if (r.b === null) return null;
    const batch = set.batches[r.b]!;
    const path = pathPositions(batch.size, r.i).map(({ level, pos }) => seen[r.b]!.get(`${level}:${pos}`)!);
    return createBundle({
      document: r.doc,
      index: r.i,
      batch: { seq: batch.seq, size: batch.size, root: decodeBase64(batch.root), prevRoot: decodeBase64(batch.prevRoot) },
      path,
      anchor: batch.anchor,
    });
  });
}

/**
 * The proof set of v1 bundles (PENDING records as null entries). Bundles of one batch must agree on
 * seq, size, roots and anchor; their paths must agree where they overlap. Nodes the set would carry
 * are read from the bundles' paths, so a set built from honest bundles verifies.
 */
export function fromBundles(input: (ProofBundle | { pending: RecordDocument })[]): ProofSet {
  const bundles = input.map((item) => ('pending' in item ? item : parseBundle(item)));
  const batches: (ProofSetBuildBatch & { found: Map<string, Uint8Array> })[] = [];
  const bySeq = new Map<number, number>();
  const records = bundles.map((item) => {
    if ('pending' in item) return { b: null, i: null, doc: item.pending };
    const bundle = item;
    let b = bySeq.get(bundle.batch.seq);
    if (b === undefined) {
      b = batches.length;
      bySeq.set(bundle.batch.seq, b);
      const found = new Map<string, Uint8Array>();
      batches.push({
        seq: bundle.batch.seq,
        size: bundle.batch.size,
        root: fromHex(bundle.batch.root, HASH_SIZE),
        prevRoot: fromHex(bundle.batch.prevRoot, HASH_SIZE),
        anchor: bundle.anchor,
        found,
        levels: (level, pos) => {
          const node = found.get(`${level}:${pos}`);
          if (!node) throw new ProofSetError(`batch ${bundle.batch.seq}: no bundle supplies node (${level}, ${pos})`);
          return node;
        },
      });
    }
    const batch = batches[b]!;
    const same =
      batch.size === bundle.batch.size &&
      toHex(batch.root) === bundle.batch.root &&
      toHex(batch.prevRoot) === bundle.batch.prevRoot &&
      JSON.stringify(batch.anchor) === JSON.stringify(bundle.anchor);
    if (!same) throw new ProofSetError(`bundles of batch ${bundle.batch.seq} disagree on its size, roots or anchor`);
    const positions = pathPositions(bundle.batch.size, bundle.index);
    if (positions.length !== bundle.path.length) throw new ProofSetError(`bundle of leaf ${bundle.index}: path has the wrong length`);
    positions.forEach(({ level, pos }, n) => {
      const node = fromHex(bundle.path[n]!, HASH_SIZE);
      const key = `${level}:${pos}`;
      const had = batch.found.get(key);
      if (had && !bytesEqual(had, node)) throw new ProofSetError(`bundles of batch ${bundle.batch.seq} disagree on node (${level}, ${pos})`);
      batch.found.set(key, node);
    });
    return { b, i: bundle.index, doc: bundle.document };
  });
  return buildProofSet({ batches, records });
}

// ---------------------------------------------------------------------------------------------

function object(value: unknown, where: string, keys: string[]): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ProofSetError(`${where} must be a JSON object`);
  for (const key of Object.keys(value)) if (!keys.includes(key)) throw new ProofSetError(`${where} has unknown field "${key}"`);
  for (const key of keys) if (!Object.hasOwn(value, key)) throw new ProofSetError(`${where}.${key} is missing`);
  return value as Record<string, unknown>;
}

function integer(value: unknown, where: string, min: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw new ProofSetError(`${where} must be an integer ≥ ${min}, got ${JSON.stringify(value)}`);
  }
  return value;
}

function base64(value: unknown, where: string): Uint8Array {
  try {
    return decodeBase64(value as string);
  } catch (error) {
    throw new ProofSetError(`${where}: ${errorMessage(error)}`);
  }
}

function hashB64(value: unknown, where: string): string {
  if (typeof value !== 'string' || value.length !== HASH_B64_LENGTH || base64(value, where).length !== HASH_SIZE) {
    throw new ProofSetError(`${where} must be a ${HASH_SIZE}-byte hash in base64 (${HASH_B64_LENGTH} characters)`);
  }
  return value;
}

function anchorOf(value: unknown, where: string): Anchor {
  try {
    return parseAnchor(value, where);
  } catch (error) {
    throw new ProofSetError(errorMessage(error));
  }
}
