import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { verifyBundle, type Anchor, type ChainChecker } from '../src/bundle.js';
import { NODE_TRUST_NOTE } from '../src/chain/trust.js';
import { canonicalBytes } from '../src/jcs.js';
import { ProofSetError } from '../src/errors.js';
import { leafHash } from '../src/hash.js';
import { toHex } from '../src/hex.js';
import { buildTree, inclusionPath, treeRoot } from '../src/merkle.js';
import {
  buildProofSet,
  decodeBase64,
  encodeBase64,
  fromBundles,
  parseProofSet,
  proofSetPositions,
  proofSetRoot,
  toBundles,
  verifyProofSet,
  type ProofSet,
} from '../src/proofset.js';
import { ANCHOR, batchDocuments, copy } from './fixtures.js';
import { ReferenceLog, refLeafHash, sha256 } from './rfc9162-reference.js';

// One pool of real record documents, made once: building documents per run would dominate runtime.
const POOL = batchDocuments(300);
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

/** A batch: small ones are real trees of pool documents, large ones sparse trees around a few. */
const smallBatch = fc
  .integer({ min: 1, max: 300 })
  .chain((size) => fc.tuple(fc.constant(size), fc.uniqueArray(fc.nat(size - 1), { minLength: 1, maxLength: Math.min(size, 40) })));
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
  const batches: Parameters<typeof buildProofSet>[0]['batches'] = [];
  const records: Parameters<typeof buildProofSet>[0]['records'] = [];
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
  return { set: buildProofSet({ batches, records }), headers };
}

const anchoredEverywhere = (s: SetSpec) => ({ ...s, batches: s.batches.map(([b]) => [b, true] as typeof s.batches[number]) });

/** Online verdict of a (maybe tampered, maybe unparseable) set, and of its expansion to v1. */
async function verdicts(input: unknown, headers: Map<number, { root: string; size: number; prevRoot: string }>) {
  const { chain } = fakeChain(headers);
  let setOk: boolean;
  try {
    setOk = (await verifyProofSet(parseProofSet(input), { chain })).records.filter((r) => r.b !== null).every((r) => r.verified);
  } catch {
    setOk = false;
  }
  let bundlesOk: boolean;
  try {
    const bundles = toBundles(input as ProofSet).filter((b) => b !== null);
    bundlesOk = (await Promise.all(bundles.map((b) => verifyBundle(b, { chain })))).every((r) => r.verified);
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
  { name: 'document edited', applies: (s) => proven(s).length > 0, apply: (s, r) => { pick(proven(s), r).doc.data.name = '改过的名字'; } },
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
    apply: (s, r) => { const rec = pick(proven(s), r); const other = POOL.find((d) => toHex(leafHash(d)) !== toHex(leafHash(rec.doc)))!; s.records.push({ b: rec.b, i: rec.i, doc: other }); },
  },
  { name: 'index ≥ size', applies: (s) => proven(s).length > 0, apply: (s, r) => { const rec = pick(proven(s), r); rec.i = s.batches[rec.b]!.size + (r % 3); } },
  { name: 'root truncated', applies: () => true, apply: (s, r) => { const b = s.batches[r % s.batches.length]!; b.root = encodeBase64(decodeBase64(b.root).slice(0, 31)); } },
  {
    name: 'node truncated',
    applies: (s) => withNodes(s).length > 0,
    apply: (s, r) => { const b = pick(withNodes(s), r); setNodes(s, b, nodesOf(s, b).slice(0, -1 - (r % 31))); },
  },
];

describe('proof set v2 (fast-check)', () => {
  it('a built set verifies, online with one chain query per batch, and so does each expanded v1 bundle', async () => {
    await fc.assert(
      fc.asyncProperty(setSpec, async (spec) => {
        const { set, headers } = makeSet(spec);
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
        for (const bundle of bundles) if (bundle) expect((await verifyBundle(bundle)).verified).toBe(true);
        // And back: the bundles carry exactly the information of the set.
        const back = fromBundles(bundles.map((b, k) => b ?? { pending: set.records[k]!.doc }));
        expect(back).toEqual(set);
      }),
      { numRuns: 40 },
    );
  });

  it('every tamper fails the set, and fails its v1 expansion too (verifies iff the bundles do)', async () => {
    await fc.assert(
      fc.asyncProperty(setSpec.map(anchoredEverywhere), fc.nat(TAMPERS.length - 1), fc.nat(), async (spec, which, r) => {
        const { set, headers } = makeSet({ ...spec, pending: 0 });
        const honest = await verdicts(set, headers);
        expect(honest).toEqual({ setOk: true, bundlesOk: true });
        const applicable = TAMPERS.filter((t) => t.applies(set));
        const tamper = applicable[which % applicable.length]!;
        const bad = copy(set);
        tamper.apply(bad, r);
        const result = await verdicts(bad, headers);
        expect(result, tamper.name).toEqual({ setOk: false, bundlesOk: false });
      }),
      { numRuns: 150 },
    );
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
