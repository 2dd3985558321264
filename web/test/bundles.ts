// Test fixtures: a proof bundle built the way the indexer builds it, for one document of a batch
// whose other documents `doc` makes too; the batch is not anchored yet (offline checks only).
import { buildTree, createBundle, inclusionPath, leafHash, makeDocument, treeRoot, type ProofBundle } from '@lianjian/verify';

export function unanchoredBundle(index: number, size: number, seq: number, doc: (i: number) => Parameters<typeof makeDocument>[0]): ProofBundle {
  const docs = Array.from({ length: size }, (_, i) => makeDocument(doc(i)));
  const layers = buildTree(docs.map((d) => leafHash(d)));
  return createBundle({
    document: docs[index]!,
    index,
    batch: { seq, size, root: treeRoot(layers), prevRoot: new Uint8Array(32) },
    path: inclusionPath(layers, index),
    anchor: null,
  });
}
