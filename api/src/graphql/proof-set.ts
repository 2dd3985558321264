// Proof set v2 per response (verify/PROOF-FORMAT.md §5; docs/decisions/022-batch-layer-cache.md):
// every `proof { ref }` a request resolves registers its record here and gets its index in the
// response's set; once the operation has run, the set — each batch's header and needed nodes once,
// then the records — is carried once in `extensions.proofSet`. Only records whose `ref` was
// resolved are in it, and a `ref` resolves only on an object the caller passed the row rule and
// scope check for, so the set never holds a record the caller may not see.
import type { ApolloServerPlugin } from '@apollo/server';
import { buildProofSet, fromHex, pathPositions, ProofSetError, type ProofSet, type ProofSetBuildBatch, type ProofSetBuildRecord } from '@lianjian/verify';
import type { Context } from '../shared/context.js';
import type { LoadedProof } from '../shared/loaders.js';

/** Media type of a proof set (also the key a client finds it under in `extensions`). */
export const PROOF_SET_EXTENSION = 'proofSet';

interface Registry {
  byKey: Map<string, number>;
  proofs: LoadedProof[];
}

// Keyed by the request's context object: Apollo hands the same one to resolvers and plugins.
const registries = new WeakMap<object, Registry>();

/** The record's index in this response's proof set (the same record asked twice: the same index). */
export function proofSetRef(ctx: Context, proof: LoadedProof): number {
  let reg = registries.get(ctx);
  if (!reg) {
    reg = { byKey: new Map(), proofs: [] };
    registries.set(ctx, reg);
  }
  const key = `${proof.key.type}:${proof.key.id}:${proof.document.version}`;
  let ref = reg.byKey.get(key);
  if (ref === undefined) {
    ref = reg.proofs.length;
    reg.byKey.set(key, ref);
    reg.proofs.push(proof);
  }
  return ref;
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

/** The proofs this request registered for its set, in `ref` order (none: no `ref` was asked). */
export function registeredProofs(ctx: object): readonly LoadedProof[] {
  return registries.get(ctx)?.proofs ?? [];
}

/** Adds `extensions.proofSet` to a response that resolved any `proof { ref }`. */
export function proofSetPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const proofs = registeredProofs(contextValue);
          if (proofs.length === 0) return;
          const result = response.body.singleResult;
          let set: ProofSet | null = null;
          try {
            set = buildResponseProofSet(proofs);
          } catch (error) {
            // A stored batch that cannot give a set fails this response's set only; its v1 bundles
            // (and the refusal to verify them) are what the records' own `proof` fields say.
            console.error('[api] proof set not built:', error);
          }
          result.extensions = { ...result.extensions, [PROOF_SET_EXTENSION]: set };
        },
      };
    },
  };
}
