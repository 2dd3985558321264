import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { verifyBundle, type Anchor, type ChainChecker } from '../src/bundle.js';
import { NODE_TRUST_NOTE } from '../src/chain/trust.js';
import { canonicalBytes, canonicalize } from '../src/jcs.js';
import { ProofSetError } from '../src/errors.js';
import { leafHash, leafOfText, type Sha256 } from '../src/hash.js';
import { toHex } from '../src/hex.js';
import { buildTree, inclusionPath, inclusionPathFromLevels, treeRoot } from '../src/merkle.js';
import {
  buildProofSet,
  buildProofSetBatch,
  decodeBase64,
  encodeBase64,
  fromBundles,
  levelsReader,
  parseProofSet,
  proofSetPositions,
  proofSetRoot,
  toBundles,
  verifyLeaves,
  verifyProofSet,
  type ProofSet,
  type ProofSetBuildBatch,
} from '../src/proofset.js';
import type { RecordDocument } from '../src/document.js';
import { ANCHOR, batchDocuments, copy } from './fixtures.js';
import { ReferenceLog, refLeafHash, sha256 } from './rfc9162-reference.js';

// One pool of real record documents, made once: building documents per run would dominate runtime.
// Frozen: a tamper that edited a pool document in place would corrupt every later test.
const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
};
const POOL = deepFreeze(batchDocuments(300));
const POOL_LEAVES = POOL.map((doc) => leafHash(doc));
const FILLER = refLeafHash(new TextEncoder().encode('filler'));

/**
 * An independent RFC 9162 MTH (§2.1.1, split at the largest power of two below n) for huge sparse
 * trees: every leaf is FILLER except the given ones, so a range without a given leaf hashes by its
 * length alone and is memoised — a tree of 2^31+ leaves costs O(records · log² size).
 */
function sparseTree(size: number, given: Map<number, Uint8Array>) {
  const byLength = new Map<number, Uint8Array>();
  const sorted = [...given.keys()].sort((a, b) => a - b);
  const hasGiven = (start: number, end: number) => sorted.some((i) => i >= start && i < end);
  const split = (n: number) => {
    let k = 1;
    while (k * 2 < n) k *= 2;
    return k;
  };
  const mth = (start: number, end: number): Uint8Array => {
    const n = end - start;
    if (n === 1) return given.get(start) ?? FILLER;
    if (!hasGiven(start, end)) {
      let hash = byLength.get(n);
      if (!hash) {
        const k = split(n);
        hash = sha256(Uint8Array.of(1), mth(start, start + k), mth(start + k, end));
        byLength.set(n, hash);
      }
      return hash;
    }
    const k = split(n);
    return sha256(Uint8Array.of(1), mth(start, start + k), mth(start + k, end));
  };
  // A node at level l, position p covers leaves [p·2^l, min((p+1)·2^l, size)) (merkle.ts).
  const node = (level: number, pos: number) => mth(pos * 2 ** level, Math.min((pos + 1) * 2 ** level, size));
  return { root: mth(0, size), node };
}

type SetSpec = { batches: [[number, number[]], boolean][]; pending: number; duplicate: boolean };

// Sizes where the shape of the tree changes: powers of two and their neighbours (a carried odd
// node appears or disappears at every level).
const EDGE_SIZES = [1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 129, 255, 256, 257];

/** A batch: small ones are real trees of pool documents, large ones sparse trees around a few. */
const smallBatch = fc
  .oneof(fc.integer({ min: 1, max: 300 }), fc.constantFrom(...EDGE_SIZES))
  .chain((size) => {
    const some = fc.uniqueArray(fc.nat(size - 1), { minLength: 1, maxLength: Math.min(size, 40) });
    const indices = fc.oneof(
      { arbitrary: some, weight: 6 },
      // The edges of the batch: the last leaf is often the carried odd node.
      { arbitrary: some.map((a) => [...new Set([...a, 0, size - 1])]), weight: 2 },
      { arbitrary: fc.constant(Array.from({ length: size }, (_, i) => i)), weight: 1 },
    );
    return fc.tuple(fc.constant(size), indices);
  });
const largeBatch = fc
  .constantFrom(131_072, 131_075, 1_000_003, 2 ** 31 + 5, 2 ** 40 + 1)
  .chain((size) => fc.tuple(fc.constant(size), fc.uniqueArray(fc.nat(size - 1), { minLength: 1, maxLength: 8 })));
const setSpec: fc.Arbitrary<SetSpec> = fc.record({
  batches: fc.array(fc.tuple(fc.oneof({ arbitrary: smallBatch, weight: 4 }, { arbitrary: largeBatch, weight: 1 }), fc.boolean()), {
    minLength: 1,
    maxLength: 3,
  }),
  pending: fc.nat(2),
  duplicate: fc.boolean(),
});

/** The chain as the tests model it: the true header of every batch (what x/anchor stores). */
function fakeChain(headers: Map<number, { root: string; size: number; prevRoot: string }>) {
  const calls: number[] = [];
  const chain: ChainChecker = {
    checkBatchRoot: async (seq, root, _anchor, batch) => {
      calls.push(seq);
      const h = headers.get(seq);
      if (!h) return { ok: false, reason: `batch ${seq} is not on chain` };
      if (h.root !== toHex(root) || h.size !== batch.size || h.prevRoot !== toHex(batch.prevRoot)) {
        return { ok: false, reason: `batch ${seq} on chain differs` };
      }
      return { ok: true, height: 7 };
    },
  };
  return { chain, calls };
}

// Trees over the first `size` pool documents, built once per size (the pool never changes). The
// builder reads the stored levels buildTree produces; the independent reference must agree on the root.
const REF = new ReferenceLog(POOL.map((doc) => canonicalBytes(doc)));
const SMALL_TREES = new Map<number, { layers: ReturnType<typeof buildTree>; refRoot: Uint8Array }>();
function smallTree(size: number) {
  let tree = SMALL_TREES.get(size);
  if (!tree) {
    tree = { layers: buildTree(POOL_LEAVES.slice(0, size)), refRoot: REF.root(size) };
    expect(toHex(treeRoot(tree.layers))).toBe(toHex(tree.refRoot));
    SMALL_TREES.set(size, tree);
  }
  return tree;
}

/** Builds a set the way the API will: from stored levels (a node reader) and leaf indices. */
function makeSet(spec: SetSpec) {
  let poolAt = 0;
  const headers = new Map<number, { root: string; size: number; prevRoot: string }>();
  const batches: ProofSetBuildBatch[] = [];
  const records: { b: number | null; i: number | null; doc: RecordDocument }[] = [];
  spec.batches.forEach(([[size, indices], anchored], b) => {
    const seq = 40 + b;
    const prevRoot = new Uint8Array(32).fill(b + 1);
    let root: Uint8Array;
    let levels: (level: number, pos: number) => Uint8Array;
    if (size <= 300) {
      const { layers, refRoot } = smallTree(size);
      root = refRoot;
      levels = (level, pos) => layers[level]![pos]!;
      for (const i of indices) records.push({ b, i, doc: POOL[i]! });
    } else {
      const given = new Map<number, Uint8Array>();
      for (const i of indices) {
        const doc = POOL[poolAt++ % POOL.length]!;
        given.set(i, leafHash(doc));
        records.push({ b, i, doc });
      }
      const tree = sparseTree(size, given);
      root = tree.root;
      levels = tree.node;
    }
    headers.set(seq, { root: toHex(root), size, prevRoot: toHex(prevRoot) });
    batches.push({ seq, size, root, prevRoot, anchor: anchored ? ANCHOR : null, levels });
  });
  // The same record listed twice (a page may show it twice) is allowed.
  if (spec.duplicate) records.push({ ...records[0]! });
  for (let p = 0; p < spec.pending; p++) records.push({ b: null, i: null, doc: POOL[299 - p]! });
  // The stored levels of each batch by seq, to compare expanded paths with the real audit paths.
  const stored = new Map(batches.map((b) => [b.seq, b.levels as (level: number, pos: number) => Uint8Array]));
  return { set: buildProofSet({ batches, records }), headers, stored };
}

const anchoredEverywhere = (s: SetSpec) => ({ ...s, batches: s.batches.map(([b]) => [b, true] as typeof s.batches[number]) });

/** Online verdict of a (maybe tampered, maybe unparseable) set, and of its expansion to v1. */
async function verdicts(input: unknown, headers: Map<number, { root: string; size: number; prevRoot: string }>, online = true) {
  const chain = online ? fakeChain(headers).chain : undefined;
  let setOk: boolean;
  try {
    setOk = (await verifyProofSet(parseProofSet(input), chain ? { chain } : {})).records.filter((r) => r.b !== null).every((r) => r.verified);
  } catch {
    setOk = false;
  }
  let bundlesOk: boolean;
  try {
    const bundles = toBundles(input as ProofSet).filter((b) => b !== null);
    bundlesOk = (await Promise.all(bundles.map((b) => verifyBundle(b, chain ? { chain } : {})))).every((r) => r.verified);
  } catch {
    bundlesOk = false;
  }
  return { setOk, bundlesOk };
}

const flipBit = (bytes: Uint8Array, bit: number) => {
  const out = Uint8Array.from(bytes);
  out[(bit >> 3) % out.length]! ^= 1 << (bit & 7);
  return out;
};

type Tamper = { name: string; applies: (s: ProofSet) => boolean; apply: (s: ProofSet, r: number) => void };

const nodesOf = (s: ProofSet, b: number) => decodeBase64(s.batches[b]!.nodes);
const setNodes = (s: ProofSet, b: number, bytes: Uint8Array) => {
  s.batches[b]!.nodes = encodeBase64(bytes);
};
const chunks = (bytes: Uint8Array): Uint8Array[] => Array.from({ length: bytes.length / 32 }, (_, k) => bytes.slice(k * 32, k * 32 + 32));
const join = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.length * 32);
  parts.forEach((p, k) => out.set(p, k * 32));
  return out;
};
const proven = (s: ProofSet) => s.records.filter((r) => r.b !== null) as { b: number; i: number; doc: ProofSet['records'][number]['doc'] }[];
const withNodes = (s: ProofSet) => s.batches.map((_, b) => b).filter((b) => nodesOf(s, b).length > 0);
const pick = <T>(items: T[], r: number) => items[r % items.length]!;

// Every tamper the brief lists; each must make the set fail AND its v1 expansion fail.
const TAMPERS: Tamper[] = [
  { name: 'node flipped', applies: (s) => withNodes(s).length > 0, apply: (s, r) => { const b = pick(withNodes(s), r); setNodes(s, b, flipBit(nodesOf(s, b), r)); } },
  {
    name: 'node dropped',
    applies: (s) => withNodes(s).length > 0,
    apply: (s, r) => { const b = pick(withNodes(s), r); const n = chunks(nodesOf(s, b)); n.splice(r % n.length, 1); setNodes(s, b, join(n)); },
  },
  {
    name: 'node added',
    applies: () => true,
    apply: (s, r) => { const b = r % s.batches.length; const n = chunks(nodesOf(s, b)); n.splice(r % (n.length + 1), 0, sha256(Uint8Array.of(r & 255))); setNodes(s, b, join(n)); },
  },
  {
    name: 'two distinct nodes swapped',
    applies: (s) => s.batches.some((_, b) => new Set(chunks(nodesOf(s, b)).map(toHex)).size > 1),
    apply: (s, r) => {
      const b = pick(s.batches.map((_, k) => k).filter((k) => new Set(chunks(nodesOf(s, k)).map(toHex)).size > 1), r);
      const n = chunks(nodesOf(s, b));
      const x = r % n.length;
      const y = n.findIndex((node, k) => k !== x && toHex(node) !== toHex(n[x]!));
      [n[x], n[y]] = [n[y]!, n[x]!];
      setNodes(s, b, join(n));
    },
  },
  {
    name: 'index moved',
    applies: (s) => proven(s).some((r) => s.batches[r.b]!.size > 1),
    apply: (s, r) => {
      const rec = pick(proven(s).filter((x) => s.batches[x.b]!.size > 1), r);
      const size = s.batches[rec.b]!.size;
      rec.i = (rec.i + 1 + (r % (size - 1))) % size;
    },
  },
  { name: 'document edited', applies: (s) => proven(s).length > 0, apply: (s, r) => { const rec = pick(proven(s), r); rec.doc = { ...rec.doc, data: { ...rec.doc.data, name: `${String(rec.doc.data.name)}改` } }; } },
  { name: 'root changed', applies: () => true, apply: (s, r) => { const b = s.batches[r % s.batches.length]!; b.root = encodeBase64(flipBit(decodeBase64(b.root), r)); } },
  { name: 'size grown', applies: () => true, apply: (s, r) => { s.batches[r % s.batches.length]!.size += 1; } },
  {
    name: 'size shrunk',
    applies: (s) => s.batches.some((b, k) => proven(s).every((x) => x.b !== k || x.i < b.size - 1)),
    apply: (s, r) => { const ks = s.batches.map((_, k) => k).filter((k) => proven(s).every((x) => x.b !== k || x.i < s.batches[k]!.size - 1)); s.batches[pick(ks, r)]!.size -= 1; },
  },
  { name: 'seq changed', applies: () => true, apply: (s, r) => { s.batches[r % s.batches.length]!.seq += 1000; } },
  { name: 'prevRoot changed', applies: () => true, apply: (s, r) => { const b = s.batches[r % s.batches.length]!; b.prevRoot = encodeBase64(flipBit(decodeBase64(b.prevRoot), r)); } },
  {
    name: 'duplicate index with a different leaf',
    applies: (s) => proven(s).length > 0,
    apply: (s, r) => { const rec = pick(proven(s), r); const other = POOL.find((d) => toHex(leafHash(d)) !== toHex(leafHash(rec.doc)))!; s.records.push({ b: rec.b, i: rec.i, doc: copy(other) }); },
  },
  { name: 'index ≥ size', applies: (s) => proven(s).length > 0, apply: (s, r) => { const rec = pick(proven(s), r); rec.i = s.batches[rec.b]!.size + (r % 3); } },
  { name: 'root truncated', applies: () => true, apply: (s, r) => { const b = s.batches[r % s.batches.length]!; b.root = encodeBase64(decodeBase64(b.root).slice(0, 31)); } },
  {
    name: 'node truncated',
    applies: (s) => withNodes(s).length > 0,
    apply: (s, r) => { const b = pick(withNodes(s), r); setNodes(s, b, nodesOf(s, b).slice(0, -1 - (r % 31))); },
  },
];

// Edits that change the set's bytes but not what it proves: each must keep both verdicts true.
const HARMLESS: Tamper[] = [
  { name: 'record listed again at its index', applies: (s) => proven(s).length > 0, apply: (s, r) => { s.records.push({ ...pick(proven(s), r) }); } },
  {
    name: 'records reordered',
    applies: (s) => s.records.length > 1,
    apply: (s, r) => { const x = r % s.records.length; const y = (x + 1 + (r % (s.records.length - 1))) % s.records.length; [s.records[x], s.records[y]] = [s.records[y]!, s.records[x]!]; },
  },
  {
    name: 'batches reordered',
    applies: (s) => s.batches.length > 1,
    apply: (s) => {
      s.batches.reverse();
      const last = s.batches.length - 1;
      for (const rec of proven(s)) rec.b = last - rec.b;
    },
  },
];

describe('proof set v2 (fast-check)', () => {
  it('a built set verifies, online with one chain query per batch, and so does each expanded v1 bundle', async () => {
    await fc.assert(
      fc.asyncProperty(setSpec, async (spec) => {
        const { set, headers, stored } = makeSet(spec);
        const { chain, calls } = fakeChain(headers);
        const report = await verifyProofSet(set, { chain });
        const anchored = new Set(set.batches.filter((b) => b.anchor !== null).map((b) => b.seq));
        // Exactly one chain query per anchored batch, however many records it proves.
        expect(calls.sort()).toEqual([...anchored].sort());
        for (const r of report.records) {
          if (r.b === null) expect(r).toMatchObject({ verified: false, pending: true });
          else if (anchored.has(set.batches[r.b]!.seq)) expect(r.verified).toBe(true);
          else expect(r).toMatchObject({ verified: false, pending: true });
        }
        expect(report.verified).toBe(spec.pending === 0 && anchored.size === set.batches.length);
        const offline = await verifyProofSet(set);
        expect(offline.records.filter((r) => r.b !== null).every((r) => r.verified)).toBe(true);

        const bundles = toBundles(set);
        expect(bundles.map((b) => b === null)).toEqual(set.records.map((r) => r.b === null));
        for (const bundle of bundles) {
          if (!bundle) continue;
          expect((await verifyBundle(bundle)).verified).toBe(true);
          // Each expanded path is exactly the record's audit path in the stored tree.
          const real = inclusionPathFromLevels(bundle.batch.size, bundle.index, stored.get(bundle.batch.seq)!);
          expect(bundle.path).toEqual(real.map(toHex));
        }
        // And back: the bundles carry exactly the information of the set.
        const back = fromBundles(bundles.map((b, k) => b ?? { pending: set.records[k]!.doc }));
        expect(back).toEqual(set);
      }),
      { numRuns: 40 },
    );
  });

  // Each tamper of the brief on its own, so every one is exercised (a random pick could skip one).
  it.each(TAMPERS.map((t) => [t.name, t] as const))('tamper "%s" fails the set and fails its v1 expansion', async (_name, tamper) => {
    await fc.assert(
      fc.asyncProperty(setSpec.map(anchoredEverywhere), fc.nat(), async (spec, r) => {
        const { set, headers } = makeSet({ ...spec, pending: 0 });
        fc.pre(tamper.applies(set));
        expect(await verdicts(set, headers)).toEqual({ setOk: true, bundlesOk: true });
        const bad = copy(set);
        tamper.apply(bad, r);
        expect(await verdicts(bad, headers), tamper.name).toEqual({ setOk: false, bundlesOk: false });
      }),
      { numRuns: 20 },
    );
  });

  it('after any mix of edits (tampers and harmless ones), the set verifies iff every expanded v1 bundle does', async () => {
    const edits = [...TAMPERS, ...HARMLESS];
    let failing = 0;
    let passing = 0;
    await fc.assert(
      fc.asyncProperty(setSpec.map(anchoredEverywhere), fc.array(fc.tuple(fc.nat(edits.length - 1), fc.nat()), { minLength: 1, maxLength: 3 }), async (spec, steps) => {
        const { edited, headers } = editedSet(spec, steps, edits);
        const online = await verdicts(edited, headers);
        expect(online.setOk).toBe(online.bundlesOk);
        const offline = await verdicts(edited, headers, false);
        expect(offline.setOk).toBe(offline.bundlesOk);
        if (online.setOk) passing++;
        else failing++;
      }),
      { numRuns: 150 },
    );
    // Both sides of the equivalence were reached (harmless edits keep some sets valid).
    expect(passing).toBeGreaterThan(0);
    expect(failing).toBeGreaterThan(0);
  });

  it('every harmless edit keeps the set verified', async () => {
    await fc.assert(
      fc.asyncProperty(setSpec.map(anchoredEverywhere), fc.nat(HARMLESS.length - 1), fc.nat(), async (spec, which, r) => {
        const { set, headers } = makeSet({ ...spec, pending: 0 });
        const edit = HARMLESS[which]!;
        fc.pre(edit.applies(set));
        const edited = copy(set);
        edit.apply(edited, r);
        expect(await verdicts(edited, headers), edit.name).toEqual({ setOk: true, bundlesOk: true });
      }),
      { numRuns: 40 },
    );
  });
});

// Node's native hash, as lianjian-mirror passes it; the library's default stays the pure-JS one.
const native: Sha256 = (...parts) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};

/** A built set (no pending record) after the edits `steps` pick among `edits`, with its batches' true headers. */
function editedSet(spec: SetSpec, steps: [number, number][], edits: Tamper[]) {
  const { set, headers } = makeSet({ ...spec, pending: 0 });
  const edited = copy(set);
  for (const [which, r] of steps) {
    const applicable = edits.filter((e) => e.applies(edited));
    if (applicable.length > 0) applicable[which % applicable.length]!.apply(edited, r);
  }
  return { edited, headers };
}

describe('proof set v2 with a caller\'s SHA-256 and the canonical texts kept (a mirror on Node)', () => {

  it('gives the same verdict per record as the default hash after any mix of edits, and hands back each text and leaf', async () => {
    const edits = [...TAMPERS, ...HARMLESS];
    let failing = 0;
    let passing = 0;
    await fc.assert(
      fc.asyncProperty(setSpec.map(anchoredEverywhere), fc.array(fc.tuple(fc.nat(edits.length - 1), fc.nat()), { maxLength: 3 }), async (spec, steps) => {
        const { edited, headers } = editedSet(spec, steps, edits);
        const plain = await verifyProofSet(edited, { chain: fakeChain(headers).chain });
        const fast = await verifyProofSet(edited, { chain: fakeChain(headers).chain, sha256: native, canonical: true });
        expect(fast.verified).toBe(plain.verified);
        expect(fast.records.map((r) => [r.verified, r.checks.map((c) => c.ok)])).toEqual(plain.records.map((r) => [r.verified, r.checks.map((c) => c.ok)]));
        expect(plain.canonical).toBeUndefined();
        if (plain.records.some((r) => r.checks[0]!.ok === false)) {
          // A set that does not parse: nothing canonical to hand back.
          expect(fast.canonical).toBeUndefined();
        } else {
          // What the verifier hashed is each document's canonical text, and the leaf is its leaf.
          expect(fast.canonical!.texts).toEqual(edited.records.map((r) => canonicalize(r.doc)));
          expect(fast.canonical!.leaves.map(toHex)).toEqual(edited.records.map((r) => toHex(leafHash(r.doc))));
        }
        if (fast.verified) passing++;
        else failing++;
      }),
      { numRuns: 150 },
    );
    expect(passing).toBeGreaterThan(0);
    expect(failing).toBeGreaterThan(0);
  });

  it('refuses a SHA-256 that does not return 32 bytes (a caller\'s mistake, thrown) rather than compare with it', async () => {
    const { set, headers } = makeSet({ batches: [[[5, [1, 3]], true]], pending: 0, duplicate: false });
    const short: Sha256 = (...parts) => native(...parts).subarray(0, 16);
    await expect(verifyProofSet(set, { chain: fakeChain(headers).chain, sha256: short })).rejects.toThrow(/must return 32 bytes/);
    expect((await verifyProofSet(set, { chain: fakeChain(headers).chain, sha256: native })).verified).toBe(true);
  });
});

describe('verifyLeaves: a set proven from the bytes a caller holds (a mirror given stored texts)', () => {
  const placesOf = (set: ProofSet) => set.records.map(({ b, i }) => ({ b, i }));

  it("gives verifyProofSet's verdict after any mix of edits, from the canonical texts' leaves", async () => {
    const edits = [...TAMPERS, ...HARMLESS];
    let failing = 0;
    let passing = 0;
    await fc.assert(
      fc.asyncProperty(setSpec.map(anchoredEverywhere), fc.array(fc.tuple(fc.nat(edits.length - 1), fc.nat()), { maxLength: 3 }), async (spec, steps) => {
        const { edited, headers } = editedSet(spec, steps, edits);
        const whole = await verifyProofSet(edited, { chain: fakeChain(headers).chain });
        if (whole.records.some((r) => r.checks[0]!.ok === false)) return; // does not parse: verifyLeaves throws instead (below)
        const { chain, calls } = fakeChain(headers);
        const leaves = await verifyLeaves(edited.batches, placesOf(edited), edited.records.map((r) => leafOfText(canonicalize(r.doc), native)), { chain, sha256: native });
        expect(leaves.verified).toBe(whole.verified);
        expect(leaves.batches.map((b) => [b.seq, b.path.ok, b.chain.ok])).toEqual(whole.batches.map((b) => [b.seq, b.path.ok, b.chain.ok]));
        expect(calls.length).toBeLessThanOrEqual(edited.batches.length);
        if (leaves.verified) passing++;
        else failing++;
      }),
      { numRuns: 150 },
    );
    expect(passing).toBeGreaterThan(0);
    expect(failing).toBeGreaterThan(0);
  });

  it('proves bytes, not meaning: the same document written with one space more is refused', async () => {
    const { set, headers } = makeSet({ batches: [[[9, [2, 5]], true]], pending: 0, duplicate: false });
    const texts = set.records.map((r) => canonicalize(r.doc));
    expect((await verifyLeaves(set.batches, placesOf(set), texts.map((t) => leafOfText(t, native)), { chain: fakeChain(headers).chain })).verified).toBe(true);
    const spaced = [texts[0]!.replace('{', '{ '), texts[1]!];
    expect(JSON.parse(spaced[0]!)).toEqual(JSON.parse(texts[0]!));
    const report = await verifyLeaves(set.batches, placesOf(set), spaced.map((t) => leafOfText(t)), { chain: fakeChain(headers).chain });
    expect(report.verified).toBe(false);
    expect(report.batches[0]!.path.ok).toBe(false);
    expect(report.batches[0]!.chain.ok).toBeNull(); // never asked
  });

  it('throws ProofSetError for what cannot be checked: counts that differ, a batch no leaf uses, a place out of the set, a leaf of the wrong length', async () => {
    const { set } = makeSet({ batches: [[[9, [2, 5]], true], [[4, [1]], true]], pending: 0, duplicate: false });
    const leaves = set.records.map((r) => leafHash(r.doc));
    await expect(verifyLeaves(set.batches, placesOf(set).slice(1), leaves)).rejects.toThrow(ProofSetError);
    await expect(verifyLeaves(set.batches, placesOf(set).slice(0, 2), leaves.slice(0, 2))).rejects.toThrow(/used by no record/);
    await expect(verifyLeaves(set.batches, [{ b: 2, i: 0 }, ...placesOf(set).slice(1)], leaves)).rejects.toThrow(/is not a batch of this set/);
    await expect(verifyLeaves(set.batches, placesOf(set), [leaves[0]!.subarray(0, 31), ...leaves.slice(1)])).rejects.toThrow(/32-byte hash/);
    await expect(verifyLeaves(set.batches, [{ b: 0, i: 2, doc: {} }, ...placesOf(set).slice(1)], leaves)).rejects.toThrow(ProofSetError);
    await expect(verifyLeaves([{ ...set.batches[0]!, root: 'x' }, set.batches[1]], placesOf(set), leaves)).rejects.toThrow(/root/);
  });
});

describe('proof set v2 (examples)', () => {
  const leaves = POOL_LEAVES.slice(0, 7);
  const layers = buildTree(leaves);
  const root = treeRoot(layers);
  const build = (indices: number[], anchor: Anchor | null = ANCHOR) =>
    buildProofSet({
      batches: [{ seq: 42, size: 7, root, prevRoot: new Uint8Array(32).fill(7), anchor, levels: layers }],
      records: indices.map((i) => ({ b: 0, i, doc: POOL[i]! })),
    });

  it('orders nodes by level, then position, and carries the odd last node', () => {
    // 7 leaves; known 1 and 6: level 0 needs 0 (for 1) and nothing for 6 (5? no: 6 pairs with 7,
    // which does not exist, so 6 is carried); level 1: known 0 and 3, needs 1 and 2; level 2: known
    // 0 and 1, computed together.
    expect(proofSetPositions(7, [6, 1])).toEqual([
      { level: 0, pos: 0 },
      { level: 1, pos: 1 },
      { level: 1, pos: 2 },
    ]);
    const nodes = chunks(decodeBase64(build([6, 1]).batches[0]!.nodes)).map(toHex);
    expect(nodes).toEqual([layers[0]![0]!, layers[1]![1]!, layers[1]![2]!].map(toHex));
    // A single leaf's set carries exactly its v1 audit path, in the same order.
    for (let i = 0; i < 7; i++) {
      expect(chunks(decodeBase64(build([i]).batches[0]!.nodes)).map(toHex)).toEqual(inclusionPath(layers, i).map(toHex));
    }
  });

  it('recomputes the reference root and insists on exact consumption', () => {
    const known = new Map([[2, leaves[2]!], [5, leaves[5]!]]);
    const nodes = decodeBase64(build([2, 5]).batches[0]!.nodes);
    const ref = new ReferenceLog(POOL.slice(0, 7).map((d) => canonicalBytes(d)));
    expect(toHex(proofSetRoot(7, known, nodes))).toBe(toHex(ref.root(7)));
    const extra = new Uint8Array(nodes.length + 32);
    extra.set(nodes);
    expect(() => proofSetRoot(7, known, extra)).toThrow(/left over after the root/);
    expect(() => proofSetRoot(7, known, nodes.slice(0, -32))).toThrow(/nodes run out/);
    expect(() => proofSetRoot(7, known, nodes.slice(0, -1))).toThrow(ProofSetError);
  });

  it('reports each failure with a typed reason, and pending records as not provable', async () => {
    const set = build([3, 4]);
    set.records.push({ b: null, i: null, doc: POOL[100]! });
    const report = await verifyProofSet(set);
    expect(report.records.map((r) => r.verified)).toEqual([true, true, false]);
    expect(report.records[2]).toMatchObject({ verified: false, pending: true });
    expect(report.records[2]!.checks[1]).toMatchObject({ name: 'path', ok: null, pending: true, reason: expect.stringMatching(/not in a batch yet/) });

    const wrong = copy(set);
    wrong.batches[0]!.nodes = encodeBase64(new Uint8Array([...decodeBase64(wrong.batches[0]!.nodes), ...new Uint8Array(32)]));
    const failed = await verifyProofSet(wrong);
    expect(failed.verified).toBe(false);
    expect(failed.records[0]!.checks[1]).toMatchObject({ name: 'path', ok: false, reason: expect.stringMatching(/batch 42: 1 node\(s\) left over/) });

    const collide = copy(set);
    collide.records.push({ b: 0, i: 3, doc: POOL[5]! });
    expect((await verifyProofSet(collide)).records[0]!.checks[1]!.reason).toMatch(/two different records claim leaf index 3/);
    const same = copy(build([3, 4]));
    same.records.push({ b: 0, i: 3, doc: POOL[3]! });
    expect((await verifyProofSet(same)).verified).toBe(true);
  });

  it('refuses malformed sets with ProofSetError naming the field', () => {
    const good = build([1]);
    const cases: [(s: Record<string, any>) => void, RegExp][] = [
      [(s) => { s.v = 1; }, /set\.v must be 2/],
      [(s) => { s.extra = 1; }, /unknown field "extra"/],
      [(s) => { s.batches[0].root = s.batches[0].root.replace(/=$/, ''); }, /root/],
      [(s) => { s.batches[0].root = toHex(root); }, /root/],
      [(s) => { s.batches[0].nodes = s.batches[0].nodes.replace(/\+/g, '-').replace(/\//g, '_') + '-'; }, /nodes/],
      [(s) => { s.batches[0].nodes = encodeBase64(new Uint8Array(33)); }, /not a whole number of 32-byte hashes/],
      [(s) => { s.records[0].b = 1; }, /not a batch of this set/],
      [(s) => { s.records[0].b = null; }, /both be null/],
      [(s) => { s.records[0].b = null; s.records[0].i = null; }, /used by no record/],
      [(s) => { s.batches.push({ ...s.batches[0] }); s.records.push({ ...s.records[0], b: 1 }); }, /appears twice/],
      [(s) => { s.batches[0].anchor.txHash = 'abc'; }, /anchor\.txHash/],
      [(s) => { delete s.records[0].doc.salt; }, /records\[0\]\.doc/],
    ];
    for (const [edit, message] of cases) {
      const s = copy(good) as Record<string, any>;
      edit(s);
      expect(() => parseProofSet(s), String(message)).toThrow(ProofSetError);
      expect(() => parseProofSet(s), String(message)).toThrow(message);
    }
    expect(parseProofSet(JSON.stringify(good))).toEqual(good);
    // Canonical base64 only: "AB==" decodes like "AA==" if unused bits were ignored.
    expect(() => decodeBase64('AB==')).toThrow(/canonical/);
    expect(encodeBase64(Uint8Array.of(0xfb, 0xff))).toBe('+/8=');
  });

  it('asks the chain once per batch, passes its trust through, and waits for an anchor', async () => {
    const set = build([0, 2, 6]);
    const trust = { mode: 'node' as const, note: NODE_TRUST_NOTE };
    let calls = 0;
    const chain: ChainChecker = { checkBatchRoot: async () => (calls++, { ok: true, height: 9, trust }) };
    const report = await verifyProofSet(set, { chain });
    expect(calls).toBe(1);
    expect(report.verified).toBe(true);
    expect(report.batches[0]!.chain).toMatchObject({ ok: true, trust });
    const waiting = await verifyProofSet(build([0], null), { chain });
    expect(calls).toBe(1);
    expect(waiting).toMatchObject({ verified: false, pending: true });
    const refused: ChainChecker = { checkBatchRoot: async () => ({ ok: false, code: 'fork', reason: 'refused by the root of trust' }) };
    expect((await verifyProofSet(set, { chain: refused })).records[0]!.checks[2]).toMatchObject({ ok: false, code: 'fork' });
  });
});

describe('proof set v2 bounds', () => {
  const leaves = POOL_LEAVES.slice(0, 9);
  const layers = buildTree(leaves);
  const root = treeRoot(layers);
  const set = (indices: number[]) =>
    buildProofSet({
      batches: [{ seq: 5, size: 9, root, prevRoot: new Uint8Array(32), anchor: ANCHOR, levels: layers }],
      records: indices.map((i) => ({ b: 0, i, doc: POOL[i]! })),
    });
  const pathCheck = async (s: ProofSet) => (await verifyProofSet(s)).records[0]!.checks[1]!;

  it('refuses each field out of its bounds when parsing, naming the field', () => {
    const good = set([2, 8]);
    const cases: [string, (s: Record<string, any>) => void, RegExp][] = [
      ['batches not an array', (s) => { s.batches = {}; }, /set\.batches must be an array/],
      ['records not an array', (s) => { s.records = null; }, /set\.records must be an array/],
      ['v as a string', (s) => { s.v = '2'; }, /set\.v must be 2/],
      ['seq 0', (s) => { s.batches[0].seq = 0; }, /seq must be an integer ≥ 1/],
      ['size 0', (s) => { s.batches[0].size = 0; }, /size must be an integer ≥ 1/],
      ['size fractional', (s) => { s.batches[0].size = 9.5; }, /size must be an integer/],
      ['size as a string', (s) => { s.batches[0].size = '9'; }, /size must be an integer/],
      ['size beyond 2^53', (s) => { s.batches[0].size = 2 ** 53; }, /size must be an integer/],
      ['prevRoot 31 bytes', (s) => { s.batches[0].prevRoot = encodeBase64(new Uint8Array(31)); }, /prevRoot must be a 32-byte hash/],
      ['prevRoot 33 bytes', (s) => { s.batches[0].prevRoot = encodeBase64(new Uint8Array(33)); }, /prevRoot must be a 32-byte hash/],
      ['root with whitespace', (s) => { s.batches[0].root = ` ${s.batches[0].root}`; }, /root/],
      ['nodes missing', (s) => { delete s.batches[0].nodes; }, /nodes is missing/],
      ['nodes 31 bytes', (s) => { s.batches[0].nodes = encodeBase64(new Uint8Array(31)); }, /not a whole number of 32-byte hashes/],
      ['nodes not base64', (s) => { s.batches[0].nodes = '!!!!'; }, /nodes/],
      ['b negative', (s) => { s.records[0].b = -1; }, /b must be an integer ≥ 0/],
      ['b fractional', (s) => { s.records[0].b = 0.5; }, /b must be an integer/],
      ['i negative', (s) => { s.records[0].i = -1; }, /i must be an integer ≥ 0/],
      ['i fractional', (s) => { s.records[0].i = 1.5; }, /i must be an integer/],
      ['i as a string', (s) => { s.records[0].i = '2'; }, /i must be an integer/],
      ['i null, b set', (s) => { s.records[0].i = null; }, /both be null/],
      ['record without doc', (s) => { delete s.records[0].doc; }, /records\[0\]\.doc/],
      ['record with a leaf', (s) => { s.records[0].leaf = 'x'; }, /unknown field "leaf"/],
      ['anchor missing', (s) => { delete s.batches[0].anchor; }, /anchor is missing/],
    ];
    for (const [name, edit, message] of cases) {
      const s = copy(good) as Record<string, any>;
      edit(s);
      expect(() => parseProofSet(s), name).toThrow(ProofSetError);
      expect(() => parseProofSet(s), name).toThrow(message);
    }
    // The bounds are not off by one: the same shapes at the edge parse.
    const edge = copy(good) as Record<string, any>;
    edge.batches[0].anchor = null;
    edge.records.push({ b: null, i: null, doc: POOL[200]! });
    expect(parseProofSet(edge).records).toHaveLength(3);
  });

  it('checks indices against the size: the last leaf passes, the size itself fails', async () => {
    expect((await verifyProofSet(set([8]))).verified).toBe(true);
    const over = set([8]);
    over.records[0]!.i = 9;
    expect(await pathCheck(over)).toMatchObject({ ok: false, reason: expect.stringMatching(/leaf index 9 is not below batch size 9/) });
    expect(() => toBundles(over)).toThrow(ProofSetError);
    expect(() => proofSetPositions(9, [9])).toThrow(/leaf index 9/);
    expect(() => proofSetPositions(9, [])).toThrow(/at least one record/);
    expect(() => proofSetPositions(0, [0])).toThrow(/size must be an integer ≥ 1/);
  });

  it('allows one leaf twice at an index and refuses two different leaves there', async () => {
    const twice = set([4]);
    twice.records.push({ ...twice.records[0]! });
    const report = await verifyProofSet(twice);
    expect(report.records.map((r) => r.verified)).toEqual([true, true]);
    expect(toBundles(twice).map((b) => b?.index)).toEqual([4, 4]);
    const clash = set([4]);
    clash.records.push({ b: 0, i: 4, doc: POOL[5]! });
    expect(await pathCheck(clash)).toMatchObject({ ok: false, reason: expect.stringMatching(/two different records claim leaf index 4/) });
    expect(() => toBundles(clash)).toThrow(/two different records claim leaf index 4/);
  });

  it('consumes nodes exactly: one short and one over fail, also for a one-leaf batch with no nodes', async () => {
    const honest = set([0, 5]);
    const nodes = decodeBase64(honest.batches[0]!.nodes);
    expect(nodes.length).toBe(proofSetPositions(9, [0, 5]).length * 32);
    const short = copy(honest);
    short.batches[0]!.nodes = encodeBase64(nodes.slice(32));
    expect(await pathCheck(short)).toMatchObject({ ok: false, reason: expect.stringMatching(/nodes run out/) });
    const over = copy(honest);
    over.batches[0]!.nodes = encodeBase64(new Uint8Array([...nodes, ...nodes.slice(0, 32)]));
    expect(await pathCheck(over)).toMatchObject({ ok: false, reason: expect.stringMatching(/1 node\(s\) left over/) });

    const one = buildProofSet({
      batches: [{ seq: 1, size: 1, root: leaves[0]!, prevRoot: new Uint8Array(32), anchor: null, levels: buildTree([leaves[0]!]) }],
      records: [{ b: 0, i: 0, doc: POOL[0]! }],
    });
    expect(one.batches[0]!.nodes).toBe('');
    expect((await verifyProofSet(one)).verified).toBe(true);
    const padded = copy(one);
    padded.batches[0]!.nodes = encodeBase64(leaves[1]!);
    expect(await pathCheck(padded)).toMatchObject({ ok: false, reason: expect.stringMatching(/left over/) });
  });

  it('fails a root that the nodes do not lead to, and never asks the chain for it', async () => {
    const wrong = set([3]);
    wrong.batches[0]!.root = encodeBase64(leaves[0]!);
    let asked = 0;
    const chain: ChainChecker = { checkBatchRoot: async () => (asked++, { ok: true, height: 1 }) };
    const report = await verifyProofSet(wrong, { chain });
    expect(report.records[0]!.checks[1]).toMatchObject({ ok: false, reason: expect.stringMatching(/recomputed root differs/) });
    expect(report.records[0]!.checks[2]).toMatchObject({ ok: null, reason: expect.stringMatching(/not run/) });
    expect(asked).toBe(0);
  });

  it('reports a malformed set without throwing, every record failed', async () => {
    const bad = copy(set([1, 2])) as Record<string, any>;
    bad.batches[0].nodes = 'AB==';
    const report = await verifyProofSet(bad as ProofSet);
    expect(report.verified).toBe(false);
    expect(report.records.map((r) => r.checks[0]!.ok)).toEqual([false, false]);
  });
});

describe('buildProofSet inputs (what the API has)', () => {
  const docs = POOL.slice(0, 11);
  const layers = buildTree(docs.map((d) => leafHash(d)));
  const root = treeRoot(layers);
  // The batch_level rows: per level, its nodes concatenated.
  const stored = layers.map((level) => {
    const bytes = new Uint8Array(level.length * 32);
    level.forEach((node, k) => bytes.set(node, k * 32));
    return bytes;
  });
  const header = { seq: 7, size: 11, root, prevRoot: new Uint8Array(32).fill(3), anchor: ANCHOR };
  const reference = buildProofSet({ batches: [{ ...header, levels: layers }], records: [3, 10, 4].map((i) => ({ b: 0, i, doc: docs[i]! })) });

  it('reads concatenated levels (batch_level.hashes) through levelsReader, as an array or a map', () => {
    expect(buildProofSet({ batches: [{ ...header, levels: levelsReader(stored) }], records: [3, 10, 4].map((i) => ({ b: 0, i, doc: docs[i]! })) })).toEqual(reference);
    const byLevel = new Map(stored.map((bytes, level) => [level, bytes]));
    expect(buildProofSet({ batches: [{ ...header, levels: levelsReader(byLevel) }], records: [3, 10, 4].map((i) => ({ b: 0, i, doc: docs[i]! })) })).toEqual(reference);
    const read = levelsReader(stored);
    expect(toHex(read(1, 5))).toBe(toHex(layers[1]![5]!));
    expect(() => read(1, 6)).toThrow(/level 1 has no node 6 \(it holds 6\)/);
    expect(() => read(9, 0)).toThrow(/level 9 is missing/);
    expect(() => levelsReader([stored[0]!.slice(1)])(0, 0)).toThrow(/not a whole number/);
  });

  it('takes nodes already read in proofSetPositions order, and checks their count', () => {
    const positions = proofSetPositions(11, [3, 10, 4]);
    const nodes = new Uint8Array(positions.length * 32);
    positions.forEach(({ level, pos }, n) => nodes.set(layers[level]![pos]!, n * 32));
    expect(buildProofSet({ batches: [{ ...header, nodes }], records: [3, 10, 4].map((i) => ({ b: 0, i, doc: docs[i]! })) })).toEqual(reference);
    expect(() => buildProofSet({ batches: [{ ...header, nodes: nodes.slice(32) }], records: [3, 10, 4].map((i) => ({ b: 0, i, doc: docs[i]! })) })).toThrow(
      /node\(s\) needed/,
    );
  });

  it('takes records by batch seq, drops batches no record uses, and renumbers b', async () => {
    const other = { seq: 9, size: 11, root, prevRoot: new Uint8Array(32).fill(4), anchor: null, levels: layers };
    const unused = { ...other, seq: 8 };
    const set = buildProofSet({
      batches: [unused, { ...header, levels: layers }, other],
      records: [
        { seq: 9, i: 1, doc: docs[1]! },
        { seq: null, i: null, doc: POOL[150]! },
        { seq: 7, i: 3, doc: docs[3]! },
      ],
    });
    expect(set.batches.map((b) => b.seq)).toEqual([7, 9]);
    expect(set.records.map((r) => [r.b, r.i])).toEqual([[1, 1], [null, null], [0, 3]]);
    expect((await verifyProofSet(set)).records.map((r) => r.verified)).toEqual([true, false, true]);
    expect(() => buildProofSet({ batches: [unused], records: [{ seq: 7, i: 0, doc: docs[0]! }] })).toThrow(/names batch 7, which is not given/);
    expect(() => buildProofSet({ batches: [unused, unused], records: [{ seq: 8, i: 0, doc: docs[0]! }] })).toThrow(/given twice/);
    expect(() => buildProofSet({ batches: [unused], records: [{ b: 1, i: 0, doc: docs[0]! }] })).toThrow(/not a batch of the input/);
  });

  it('refuses a stored node that is missing or of the wrong length', () => {
    const holey = (level: number, pos: number) => (level === 1 ? new Uint8Array(31) : layers[level]![pos]!);
    expect(() => buildProofSet({ batches: [{ ...header, levels: holey }], records: [{ b: 0, i: 3, doc: docs[3]! }] })).toThrow(
      /stored node \(1, 0\) is missing or not 32 bytes/,
    );
    expect(() => buildProofSet({ batches: [{ ...header, levels: layers.slice(0, 2) }], records: [{ b: 0, i: 3, doc: docs[3]! }] })).toThrow(
      /no node \(2, 1\)/,
    );
  });
});

describe('proof set v2 shown fields (check 4 per record)', () => {
  const docs = POOL.slice(0, 4);
  const layers = buildTree(docs.map((d) => leafHash(d)));
  const set = buildProofSet({
    batches: [{ seq: 3, size: 4, root: treeRoot(layers), prevRoot: new Uint8Array(32), anchor: ANCHOR, levels: layers }],
    records: [
      { b: 0, i: 0, doc: docs[0]! },
      { b: 0, i: 2, doc: docs[2]! },
      { b: null, i: null, doc: POOL[120]! },
    ],
  });

  it('checks the fields shown for each record against its own document', async () => {
    const shown = [{ name: docs[0]!.data.name }, undefined, { name: POOL[120]!.data.name }];
    const ok = await verifyProofSet(set, { fields: shown });
    expect(ok.records.map((r) => r.checks[3]!.ok)).toEqual([true, null, true]);
    expect(ok.records.map((r) => [r.verified, r.pending])).toEqual([[true, false], [true, false], [false, true]]);

    const lied = await verifyProofSet(set, { fields: [{ name: '别人' }, null, { name: '也不对' }] });
    expect(lied.records[0]!.checks[3]).toMatchObject({ ok: false, reason: expect.stringMatching(/shown values differ.*name/) });
    expect(lied.records.map((r) => [r.verified, r.pending])).toEqual([[false, false], [true, false], [false, false]]);
    expect(lied).toMatchObject({ verified: false, pending: false });
  });
});

describe('buildProofSetBatch (a server writing the set text itself)', () => {
  const docs = POOL.slice(0, 6);
  const layers = buildTree(docs.map((d) => leafHash(d)));
  const header = { seq: 12, size: 6, root: treeRoot(layers), prevRoot: new Uint8Array(32).fill(1), anchor: ANCHOR, levels: layers };

  it('gives the batch entry buildProofSet gives, and a set spliced from stored canonical text verifies', async () => {
    const set = buildProofSet({ batches: [header], records: [5, 1].map((i) => ({ b: 0, i, doc: docs[i]! })) });
    const entry = buildProofSetBatch(header, [5, 1]);
    expect(entry).toEqual(set.batches[0]);
    // The records' documents as the stored JCS text, never parsed by the server.
    const text = `{"v":2,"batches":[${JSON.stringify(entry)}],"records":[${[5, 1]
      .map((i) => `{"b":0,"i":${i},"doc":${new TextDecoder().decode(canonicalBytes(docs[i]!))}}`)
      .join(',')}]}`;
    const parsed = parseProofSet(text);
    expect(parsed).toEqual(set);
    expect((await verifyProofSet(parsed)).verified).toBe(true);
  });

  it('checks what the parser would', () => {
    expect(() => buildProofSetBatch({ ...header, root: new Uint8Array(31) }, [0])).toThrow(/root must be a 32-byte hash/);
    expect(() => buildProofSetBatch({ ...header, prevRoot: new Uint8Array(33) }, [0])).toThrow(/prevRoot must be a 32-byte hash/);
    expect(() => buildProofSetBatch({ ...header, seq: 0 }, [0])).toThrow(/seq must be an integer ≥ 1/);
    expect(() => buildProofSetBatch({ ...header, anchor: { ...ANCHOR, txHash: 'ab' } }, [0])).toThrow(/anchor/);
    expect(() => buildProofSetBatch(header, [6])).toThrow(/leaf index 6/);
    expect(() => buildProofSetBatch(header, [])).toThrow(/at least one record/);
  });
});
