// Proof set v2 per response (verify/PROOF-FORMAT.md §5; docs/decisions/022-batch-layer-cache.md):
// every `proof { ref }` a request resolves registers its record here, with where in the response
// it stands; once the operation has run, the refs are numbered by the records' first appearance in
// the response (the order its JSON is written in, as the compiled reads number them) — not by the
// order resolvers happened to finish in, which varies from run to run — and the set, each batch's
// header and needed nodes once, then the records, is carried once in `extensions.proofSet`. Only
// records whose `ref` is in the response are in it, and a `ref` resolves only on an object the
// caller passed the row rule and scope check for, so the set never holds a record the caller may
// not see.
import { buildProofSet, fromHex, pathPositions, ProofSetError, type ProofSet, type ProofSetBuildBatch, type ProofSetBuildRecord } from '@lianjian/verify';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../shared/context.js';
import type { LoadedProof } from '../shared/loaders.js';

/** Media type of a proof set (also the key a client finds it under in `extensions`). */
export const PROOF_SET_EXTENSION = 'proofSet';

/** Where the resolved refs are in the response: response keys and list indexes down to a provisional ref. */
type RefTree = Map<string | number, RefTree | number>;

interface Registry {
  byKey: Map<string, number>;
  /** Provisional order (resolvers' completion order); renumbered by finishRefs. */
  proofs: LoadedProof[];
  at: RefTree;
}

// Keyed by the request's context object: Apollo hands the same one to resolvers and plugins.
const registries = new WeakMap<object, Registry>();

/**
 * Registers the record for this response's proof set and returns a provisional ref (the same
 * record asked twice: the same one); finishRefs replaces it with the final number in the response.
 */
export function proofSetRef(ctx: Context, proof: LoadedProof, path: GraphQLResolveInfo['path']): number {
  let reg = registries.get(ctx);
  if (!reg) {
    reg = { byKey: new Map(), proofs: [], at: new Map() };
    registries.set(ctx, reg);
  }
  const key = `${proof.key.type}:${proof.key.id}:${proof.document.version}`;
  let ref = reg.byKey.get(key);
  if (ref === undefined) {
    ref = reg.proofs.length;
    reg.byKey.set(key, ref);
    reg.proofs.push(proof);
  }
  const keys: (string | number)[] = [];
  for (let p: GraphQLResolveInfo['path'] | undefined = path; p; p = p.prev) keys.push(p.key);
  let node = reg.at;
  for (let i = keys.length - 1; i > 0; i--) {
    let next = node.get(keys[i]!);
    if (!(next instanceof Map)) node.set(keys[i]!, (next = new Map()));
    node = next;
  }
  node.set(keys[0]!, ref);
  return ref;
}

/**
 * Numbers the refs in `data` by first appearance (depth first, in the order of its keys: the order
 * the response is written in), rewriting them in place; returns the proofs in that order. A ref
 * that is not in the response (its object was nulled by an error) is left out of the set.
 */
export function finishRefs(ctx: object, data: unknown): LoadedProof[] {
  const reg = registries.get(ctx);
  if (!reg) return [];
  const final = new Map<number, number>();
  const proofs: LoadedProof[] = [];
  const visit = (holder: Record<string | number, unknown>, key: string | number, node: RefTree | number) => {
    if (node instanceof Map) return walk(holder[key], node);
    const provisional = holder[key];
    if (provisional !== node) return;
    let ref = final.get(node);
    if (ref === undefined) {
      ref = proofs.length;
      final.set(node, ref);
      proofs.push(reg.proofs[node]!);
    }
    holder[key] = ref;
  };
  const walk = (value: unknown, node: RefTree): void => {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const child = node.get(i);
        if (child !== undefined) visit(value as unknown as Record<number, unknown>, i, child);
      }
      return;
    }
    for (const k of Object.keys(value)) {
      const child = node.get(k);
      if (child !== undefined) visit(value as Record<string, unknown>, k, child);
    }
  };
  walk(data, reg.at);
  return proofs;
}

/**
 * The proof set of the proofs given, in their order (record k = proofs[k]). Nodes come from the
 * records' own v1 paths (read from the batch's stored levels, through the layer cache): every node a
 * set needs is a sibling on some record's path, so no further query is made and the set says exactly
 * what the v1 bundles of the same records say (toBundles gives them back).
 */
export function buildResponseProofSet(proofs: readonly LoadedProof[]): ProofSet {
  type Header = { seq: number; size: number; root: Uint8Array; prevRoot: Uint8Array; anchor: ProofSetBuildBatch['anchor'] };
  const batches = new Map<number, { header: Header; nodes: Map<string, string> }>();
  const records: ProofSetBuildRecord[] = [];
  for (const p of proofs) {
    const b = p.bundle;
    if (!b) {
      records.push({ seq: null, i: null, doc: p.document });
      continue;
    }
    let batch = batches.get(b.batch.seq);
    if (!batch) {
      batch = {
        header: { seq: b.batch.seq, size: b.batch.size, root: fromHex(b.batch.root), prevRoot: fromHex(b.batch.prevRoot), anchor: b.anchor },
        nodes: new Map(),
      };
      batches.set(b.batch.seq, batch);
    } else if (batch.header.anchor === null && b.anchor !== null) {
      // Loaded twice in one request, anchored in between: the later word holds for both.
      batch.header.anchor = b.anchor;
    }
    const positions = pathPositions(b.batch.size, b.index);
    positions.forEach(({ level, pos }, n) => batch.nodes.set(`${level}:${pos}`, b.path[n]!));
    records.push({ seq: b.batch.seq, i: b.index, doc: p.document });
  }
  return buildProofSet({
    batches: [...batches.values()].map(({ header, nodes }) => ({
      ...header,
      levels: (level: number, pos: number) => {
        const hex = nodes.get(`${level}:${pos}`);
        if (hex === undefined) throw new ProofSetError(`batch ${header.seq}: node (${level}, ${pos}) is on no record's path`);
        return fromHex(hex);
      },
    })),
    records,
  });
}

/** Whether this request resolved any `proof { ref }`. */
export function registeredProofs(ctx: object): readonly LoadedProof[] {
  return registries.get(ctx)?.proofs ?? [];
}

/**
 * Numbers the refs of a response that resolved any `proof { ref }` and adds its proof set as
 * `extensions.proofSet`, after the extensions already there (where the compiled reads write it).
 * Called by apollo.ts's extensions plugin once it has written `extensions.lianjian` (not by a plugin
 * of its own: Apollo runs the hooks of all plugins at once, so the order of the keys would depend on
 * which finished first).
 */
export function attachProofSet(ctx: Context, result: { data?: Record<string, unknown> | null; extensions?: Record<string, unknown> }): void {
  if (registeredProofs(ctx).length === 0) return;
  const proofs = finishRefs(ctx, result.data);
  // No `ref` left in the response: no set, as the compiled reads answer.
  if (proofs.length === 0) return;
  let set: ProofSet | null = null;
  try {
    set = buildResponseProofSet(proofs);
  } catch (error) {
    // A stored batch that cannot give a set fails this response's set only; its v1 bundles
    // (and the refusal to verify them) are what the records' own `proof` fields say.
    console.error('[api] proof set not built:', error);
  }
  result.extensions = { ...result.extensions, [PROOF_SET_EXTENSION]: set };
}
