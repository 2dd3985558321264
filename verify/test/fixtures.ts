import { createBundle, type Anchor, type ProofBundle } from '../src/bundle.js';
import { makeDocument, type RecordDocument } from '../src/document.js';
import { leafHash } from '../src/hash.js';
import { buildTree, inclusionPath, treeRoot } from '../src/merkle.js';

export const ANCHOR: Anchor = {
  chainId: 'lianjian-local',
  height: 1234,
  txHash: 'A1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3D4E5F60718293A4B5C6D7E8F90',
  time: '2026-11-22T09:42:22.123456789Z',
};

export function batchDocuments(size: number): RecordDocument[] {
  return Array.from({ length: size }, (_, i) =>
    makeDocument({
      type: 'Member',
      id: `m-${i}`,
      version: 1 + (i % 3),
      org: 'unit-7',
      at: `2026-11-22T09:42:${String(i % 60).padStart(2, '0')}.${String(i % 1000).padStart(3, '0')}Z`,
      actor: i % 2 ? 'system' : 'acc-2',
      data: { name: `成员 ${i}`, stage: 'ACTIVIST', partyAge: i, mentors: [`m-${i + 100}`] },
    }),
  );
}

/** A real batch of `size` documents and the bundle of the one at `index`. */
export function sampleBundle(size = 7, index = 3, anchor: Anchor | null = ANCHOR): ProofBundle {
  const documents = batchDocuments(size);
  const layers = buildTree(documents.map((doc) => leafHash(doc)));
  return createBundle({
    document: documents[index]!,
    index,
    batch: { seq: 42, size, root: treeRoot(layers), prevRoot: new Uint8Array(32).fill(7) },
    path: inclusionPath(layers, index),
    anchor,
  });
}

/** A deep copy that can be edited freely. */
export const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
