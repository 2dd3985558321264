// "With proofs" means complete, checkable proofs: one response per cell and proof format is
// verified here with @lianjian/verify, offline (documents, leaves, paths or the proof set's nodes,
// every bound) and against the benchmark's chain node from its root of trust (light-client
// headers, the batch root, size and prevRoot in chain state). A response that does not verify, an
// object without its proof, a proof of another record, or a shown field that differs from the
// proven document stops the benchmark.
import { readFileSync } from 'node:fs';
import { createChainChecker, parseBundle, parseProofSet, parseTrustRoot, toHex, verifyBundle, verifyProofSet, type ChainChecker, type Check, type RecordDocument } from '@lianjian/verify';

export type ProofFormat = 'bundle' | 'proofSet';

export interface ResponseCheck {
  format: ProofFormat;
  /** Objects in the response carrying a proof (a unit shown on 100 members counts 100 times). */
  proofs: number;
  /** Distinct record versions proven. */
  records: number;
  /** Batches the records sit in. */
  batches: number;
  /** Chain checks the library asked for, and the distinct ones sent to the node (same batch, same answer). */
  chainChecks: number;
  chainQueries: number;
  /** Wall time of the verification (parse, hashes, chain), on this shared machine. */
  ms: number;
}

/** One checker for the whole run: the light client follows headers from the chain's root of trust once. */
export function benchChainChecker(rpcUrl: string, trustRootFile: string): ChainChecker {
  return createChainChecker(rpcUrl, { trustRoot: parseTrustRoot(readFileSync(trustRootFile, 'utf8')) });
}

/** Per response: counts the library's chain checks, and asks the node once per distinct batch claim. */
function counted(inner: ChainChecker) {
  const asked = new Map<string, ReturnType<ChainChecker['checkBatchRoot']>>();
  let calls = 0;
  const chain: ChainChecker = {
    checkBatchRoot(seq, root, anchor, batch) {
      calls++;
      const key = `${seq}:${toHex(root)}:${batch.size}:${toHex(batch.prevRoot)}:${JSON.stringify(anchor)}`;
      let p = asked.get(key);
      if (!p) asked.set(key, (p = inner.checkBatchRoot(seq, root, anchor, batch)));
      return p;
    },
  };
  return { chain, calls: () => calls, queries: () => asked.size };
}

interface Shown {
  where: string;
  type: string;
  obj: Record<string, unknown>;
  proof: Record<string, unknown>;
}

// The record type of an object, from the field it was reached through (the benchmark's queries).
const TYPE_OF_FIELD: Record<string, string> = { orgUnit: 'OrgUnit', developmentHistory: 'DevelopmentStep' };
// Shown fields that are not keys of the document's data: checked against the document's envelope.
const ENVELOPE = new Set(['id', 'version', 'orgUnitId', 'proof']);

/** Every object with an `id` in the response: each must carry a proof (the queries ask one on each). */
function shownObjects(data: unknown): Shown[] {
  const out: Shown[] = [];
  const walk = (v: unknown, where: string, field: string) => {
    if (Array.isArray(v)) return v.forEach((x, i) => walk(x, `${where}[${i}]`, field));
    if (!v || typeof v !== 'object') return;
    const obj = v as Record<string, unknown>;
    if (typeof obj.id === 'string') {
      const proof = obj.proof;
      if (!proof || typeof proof !== 'object') throw new Error(`${where}: ${obj.id} has no proof`);
      out.push({ where, type: TYPE_OF_FIELD[field] ?? 'Member', obj, proof: proof as Record<string, unknown> });
    }
    for (const [k, x] of Object.entries(obj)) if (k !== 'proof') walk(x, `${where}.${k}`, k);
  };
  walk(data, 'data', '');
  return out;
}

/** The scalar fields a page would show, to be compared with the document's data (verify's check 4). */
function fieldsOf(obj: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(obj).filter(([k, v]) => !ENVELOPE.has(k) && (v === null || typeof v !== 'object')));
}

/** The proof is of this object's record: same type, id, version and unit. */
function sameRecord(s: Shown, doc: RecordDocument): void {
  const o = s.obj;
  const bad =
    doc.type !== s.type ? `type ${doc.type}, expected ${s.type}` :
    doc.id !== o.id ? `id ${doc.id}` :
    o.version !== undefined && doc.version !== o.version ? `version ${doc.version}, shown ${String(o.version)}` :
    o.orgUnitId !== undefined && doc.org !== o.orgUnitId ? `unit ${doc.org}, shown ${String(o.orgUnitId)}` : null;
  if (bad) throw new Error(`${s.where}: the proof is of another record (${bad})`);
}

const failed = (checks: Check[]) => checks.filter((c) => c.ok !== true && !(c.name === 'fields' && c.ok === null)).map((c) => `${c.name}: ${c.reason ?? 'not verified'}`).join('; ');

/** Verifies one response completely; throws (with what failed) unless every record verifies. */
export async function verifyResponse(format: ProofFormat, data: unknown, extensions: Record<string, unknown> | undefined, inner: ChainChecker): Promise<ResponseCheck> {
  const t0 = performance.now();
  const { chain, calls, queries } = counted(inner);
  const shown = shownObjects(data);
  if (shown.length === 0) throw new Error('the response shows no record');
  for (const s of shown) if (s.proof.status !== 'ANCHORED') throw new Error(`${s.where}: proof status ${String(s.proof.status)}, the dataset is anchored`);

  if (format === 'bundle') {
    const seen = new Set<string>();
    const batches = new Set<number>();
    for (const s of shown) {
      if (s.proof.bundle == null) throw new Error(`${s.where}: ${String(s.obj.id)} has no proof bundle`);
      const bundle = parseBundle(s.proof.bundle);
      sameRecord(s, bundle.document);
      const report = await verifyBundle(bundle, { chain, fields: fieldsOf(s.obj) });
      if (!report.verified) throw new Error(`${s.where}: the v1 bundle of ${bundle.document.type} ${bundle.document.id} does not verify: ${failed(report.checks)}`);
      seen.add(bundle.leaf);
      batches.add(bundle.batch.seq);
    }
    return { format, proofs: shown.length, records: seen.size, batches: batches.size, chainChecks: calls(), chainQueries: queries(), ms: performance.now() - t0 };
  }

  const raw = extensions?.proofSet;
  if (raw == null) throw new Error('the response carries no extensions.proofSet');
  const set = parseProofSet(raw);
  const fields: (Record<string, unknown> | undefined)[] = new Array(set.records.length).fill(undefined);
  const referenced = new Set<number>();
  for (const s of shown) {
    const ref = s.proof.ref;
    if (typeof ref !== 'number' || !Number.isInteger(ref) || ref < 0 || ref >= set.records.length) {
      throw new Error(`${s.where}: proof.ref ${String(ref)} is not an index into the proof set's ${set.records.length} records`);
    }
    sameRecord(s, set.records[ref]!.doc);
    fields[ref] ??= fieldsOf(s.obj);
    referenced.add(ref);
  }
  if (referenced.size !== set.records.length) throw new Error(`the proof set holds ${set.records.length} records, the response refers to ${referenced.size}`);
  const report = await verifyProofSet(set, { chain, fields });
  if (!report.verified) {
    const bad = report.records.find((r) => !r.verified);
    throw new Error(`the proof set does not verify: ${bad ? `record ${bad.record}: ${failed(bad.checks)}` : 'no record'}; batches: ${report.batches.map((b) => `${b.seq} path ${String(b.path.ok)} chain ${String(b.chain.ok)}`).join(', ')}`);
  }
  return { format, proofs: shown.length, records: set.records.length, batches: set.batches.length, chainChecks: calls(), chainQueries: queries(), ms: performance.now() - t0 };
}
