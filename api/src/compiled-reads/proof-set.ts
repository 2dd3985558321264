// The proof set v2 of a compiled response (graphql/proof-set.ts builds Apollo's): the statement marks
// each `ref` with its record's key (statement.ts REF_MARK); here the marks become indices by first
// appearance in the response, and the set of those records — built by the same function Apollo's
// plugin uses, from the same documents and v1 bundles — goes into `extensions.proofSet`.
import type { ProofBundle, RecordDocument } from '@lianjian/verify';
import { buildResponseProofSet, PROOF_SET_EXTENSION } from '../graphql/proof-set.js';
import type { LoadedProof } from '../shared/loaders.js';

const MARK = /\u0001([^\u0001]*)\u0001/g;

interface StatementProof {
  k: string;
  doc: RecordDocument;
  bundle: ProofBundle | null;
}

/**
 * The body with its refs numbered and the proof set added after `extensions.lianjian` (where Apollo's
 * plugin puts it); null when the set cannot be built (the request is then Apollo's, which logs why).
 */
export function withProofSet(body: string, proofsJson: string | null): string | null {
  const refs = new Map<string, number>();
  const text = body.replace(MARK, (_m, key: string) => {
    let ref = refs.get(key);
    if (ref === undefined) refs.set(key, (ref = refs.size));
    return String(ref);
  });
  // No object with a `ref` in the response: no set, as with Apollo.
  if (refs.size === 0) return text;
  if (proofsJson === null) return null;
  const byKey = new Map((JSON.parse(proofsJson) as StatementProof[]).map((p) => [p.k, p]));
  const proofs: LoadedProof[] = [];
  for (const key of refs.keys()) {
    const p = byKey.get(key);
    if (!p) return null;
    // buildResponseProofSet reads the document and the bundle only.
    proofs.push({ document: p.doc, bundle: p.bundle } as unknown as LoadedProof);
  }
  let set: string;
  try {
    set = JSON.stringify(buildResponseProofSet(proofs));
  } catch {
    return null;
  }
  // The body ends with the close of extensions.lianjian, of extensions and of the response.
  if (!text.endsWith('}}}')) return null;
  return `${text.slice(0, -2)},"${PROOF_SET_EXTENSION}":${set}}}`;
}
