// Verifying a published analytics snapshot (docs/decisions/001-analytics-rollups.md): the
// snapshot's own record proves what was published (figures, input count, input root); each input's record
// proves the exact version it was computed from; the inputs' leaves must rebuild the input root;
// and the figures must come out again from the inputs' documents with the same pure functions
// the API used (snapshot-figures.ts). Every failure names the input (ordinal, type, id, version)
// or the figure it concerns. Browser-safe: no Node built-ins.
import { verifyBundle, type ChainChecker, type ProofBundle, type VerifyReport } from './bundle.js';
import { validateDocument, type RecordDocument } from './document.js';
import { errorMessage } from './errors.js';
import { leafHash } from './hash.js';
import { fromHex, toHex } from './hex.js';
import { canonicalize } from './jcs.js';
import { buildTree, treeRoot } from './merkle.js';
import { computeSnapshotFiguresFromRecords, isSnapshotMetric, SNAPSHOT_METRICS, snapshotInputTypes, type SnapshotParams } from './snapshot-figures.js';

/** One committed input as the snapshot lists it, with the proof of that record version. */
export interface SnapshotInput {
  ordinal: number;
  entityType: string;
  entityId: string;
  entityVersion: number;
  /** The leaf the snapshot committed to, hex. */
  leaf: string;
  /** The input record's proof bundle (its document is the record the figures are computed from). */
  bundle: ProofBundle;
}

export interface SnapshotVerifyOptions {
  /** Omit to verify offline (documents, paths, root, figures; not the chain). */
  chain?: ChainChecker;
  /** Figures as a page or an API showed them: each must equal the proven snapshot's. */
  shownFigures?: Record<string, unknown>;
}

export type SnapshotCheckName = 'snapshot' | 'input' | 'inputList' | 'inputRoot' | 'figure' | 'shown';

export interface SnapshotCheck {
  name: SnapshotCheckName;
  ok: boolean;
  /**
   * On a failed check: it is not disproven, only not proven yet — 'pending' (a record's batch is
   * not anchored yet) or 'unavailable' (the chain node could not be asked). Ask again later.
   */
  undecided?: 'pending' | 'unavailable';
  reason?: string;
  /** The input concerned, as "#ordinal Type id vVersion". */
  input?: string;
  /** The figure concerned, as a path such as "byStage.FULL". */
  figure?: string;
}

export interface SnapshotReport {
  verified: boolean;
  offline: boolean;
  /**
   * Why a snapshot that did not verify is not proven false: every failed check is undecided, and
   * this is 'pending' when each waits for anchoring, 'unavailable' when the chain could not be
   * asked. Undefined when verified or when something failed for real.
   */
  undecided?: 'pending' | 'unavailable';
  metric: string | null;
  /** Only the failures, plus one summary entry per kind that passed. */
  checks: SnapshotCheck[];
}

/** The fields of an AnalyticsSnapshot record's data that verification reads. */
interface SnapshotData {
  metric: string;
  params: SnapshotParams;
  figures: Record<string, unknown>;
  inputRoot: string;
  inputCount: number;
}

function snapshotData(doc: RecordDocument): SnapshotData {
  const d = doc.data as Record<string, unknown>;
  if (doc.type !== 'AnalyticsSnapshot') throw new Error(`the snapshot document is a ${doc.type} record, not an AnalyticsSnapshot`);
  if (typeof d.metric !== 'string' || typeof d.inputRoot !== 'string' || typeof d.inputCount !== 'number' || typeof d.figures !== 'object' || d.figures === null) {
    throw new Error('the snapshot document lacks metric, figures, inputRoot or inputCount');
  }
  const params = (d.params ?? {}) as Record<string, unknown>;
  if (typeof params.asOf !== 'string') throw new Error('the snapshot document has no params.asOf');
  // A dues snapshot's month and last due month are part of what its record proves.
  const p: SnapshotParams = { asOf: params.asOf };
  if (typeof params.month === 'string') p.month = params.month;
  if (typeof params.dueUntil === 'string') p.dueUntil = params.dueUntil;
  return { metric: d.metric, params: p, figures: d.figures as Record<string, unknown>, inputRoot: d.inputRoot, inputCount: d.inputCount };
}

export function describeInput(i: Pick<SnapshotInput, 'ordinal' | 'entityType' | 'entityId' | 'entityVersion'>): string {
  return `#${i.ordinal} ${i.entityType} ${i.entityId} v${i.entityVersion}`;
}

/** Leaf paths of a JSON value ("a.b.c") with their canonical values, for naming differing figures. */
function flatten(value: unknown, prefix: string, out: Map<string, string>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value as object);
    if (keys.length === 0) out.set(prefix, '{}');
    for (const k of keys) flatten((value as Record<string, unknown>)[k], prefix ? `${prefix}.${k}` : k, out);
  } else if (Array.isArray(value)) {
    if (value.length === 0) out.set(prefix, '[]');
    value.forEach((v, i) => {
      // Funnel stages are named, so a differing figure reads "stages.FULL.reached", not "stages.4.reached".
      const name = v && typeof v === 'object' && typeof (v as { stage?: unknown }).stage === 'string' ? (v as { stage: string }).stage : String(i);
      flatten(v, `${prefix}.${name}`, out);
    });
  } else {
    out.set(prefix, canonicalize(value ?? null));
  }
}

/** The figure paths where `actual` differs from `expected`, each with both values. */
export function figureDifferences(expected: unknown, actual: unknown): { figure: string; expected: string | undefined; actual: string | undefined }[] {
  const a = new Map<string, string>();
  const b = new Map<string, string>();
  flatten(expected, '', a);
  flatten(actual, '', b);
  const out: { figure: string; expected: string | undefined; actual: string | undefined }[] = [];
  for (const key of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    if (a.get(key) !== b.get(key)) out.push({ figure: key, expected: a.get(key), actual: b.get(key) });
  }
  return out;
}

/** Wraps a chain checker so each batch is asked once, however many inputs it holds. */
function memoChain(chain: ChainChecker): ChainChecker {
  const seen = new Map<string, ReturnType<ChainChecker['checkBatchRoot']>>();
  return {
    checkBatchRoot(seq, root, anchor, batch) {
      const key = `${seq}:${toHex(root)}:${batch.size}:${toHex(batch.prevRoot)}`;
      let p = seen.get(key);
      if (!p) seen.set(key, (p = chain.checkBatchRoot(seq, root, anchor, batch)));
      return p;
    },
  };
}

/** Whether a bundle that did not verify is only not proven yet (see SnapshotCheck.undecided). */
function bundleUndecided(report: VerifyReport): SnapshotCheck['undecided'] {
  if (report.verified || report.checks.some((c) => c.ok === false)) return undefined;
  if (report.pending) return 'pending';
  return !report.offline && report.checks.some((c) => c.name === 'chain' && c.ok === null) ? 'unavailable' : undefined;
}

function failedBundleReason(report: VerifyReport): string {
  return report.checks
    .filter((c) => c.ok === false || (!report.offline && c.name === 'chain' && c.ok !== true))
    .map((c) => `${c.name}: ${c.reason ?? 'failed'}`)
    .join('; ');
}

/**
 * Verifies a snapshot from its own proof bundle and its inputs (in ordinal order, all of them).
 * Never throws; `verified` is true only if every check passed.
 */
export async function verifySnapshot(snapshot: ProofBundle, inputs: readonly SnapshotInput[], opts: SnapshotVerifyOptions = {}): Promise<SnapshotReport> {
  const chain = opts.chain ? memoChain(opts.chain) : undefined;
  const offline = chain === undefined;
  const checks: SnapshotCheck[] = [];
  const fail = (c: Omit<SnapshotCheck, 'ok'>) => checks.push({ ...c, ok: false });

  // 1. The snapshot record itself.
  const own = await verifyBundle(snapshot, chain ? { chain } : {});
  const ownUndecided = bundleUndecided(own);
  if (!own.verified) fail({ name: 'snapshot', reason: `the snapshot's own record does not verify: ${failedBundleReason(own)}`, ...(ownUndecided ? { undecided: ownUndecided } : {}) });
  let data: SnapshotData;
  try {
    data = snapshotData(validateDocument(snapshot.document));
  } catch (error) {
    fail({ name: 'snapshot', reason: errorMessage(error) });
    return { verified: false, offline, metric: null, checks };
  }
  if (own.verified) checks.push({ name: 'snapshot', ok: true });

  if (opts.shownFigures !== undefined) {
    const diffs = figureDifferences(data.figures, opts.shownFigures);
    for (const d of diffs) fail({ name: 'shown', figure: d.figure, reason: `figure ${d.figure} is shown as ${d.actual ?? '(missing)'} but the snapshot record says ${d.expected ?? '(missing)'}` });
  }

  // 2. The input list: count, order, and the root it rebuilds.
  let listOk = true;
  if (inputs.length !== data.inputCount) {
    listOk = false;
    const extra = inputs.slice(data.inputCount).map(describeInput);
    fail({
      name: 'inputList',
      reason:
        inputs.length < data.inputCount
          ? `the snapshot commits to ${data.inputCount} inputs but ${inputs.length} were given: ${data.inputCount - inputs.length} input(s) missing`
          : `the snapshot commits to ${data.inputCount} inputs but ${inputs.length} were given; not committed: ${extra.join(', ')}`,
      ...(extra.length === 1 ? { input: extra[0] } : {}),
    });
  }
  inputs.forEach((inp, i) => {
    if (inp.ordinal !== i) {
      listOk = false;
      fail({ name: 'inputList', input: describeInput(inp), reason: `input ${describeInput(inp)} is at position ${i}: ordinals must run 0, 1, 2, …` });
    }
    const prev = inputs[i - 1];
    if (prev && `${prev.entityType}\u0000${prev.entityId}` >= `${inp.entityType}\u0000${inp.entityId}`) {
      listOk = false;
      fail({ name: 'inputList', input: describeInput(inp), reason: `input ${describeInput(inp)} is out of order or repeated (inputs are sorted by type, then id)` });
    }
  });
  try {
    const root = inputs.length === 0 ? null : toHex(treeRoot(buildTree(inputs.map((i) => fromHex(i.leaf, 32)))));
    if (root !== data.inputRoot) {
      listOk = false;
      fail({ name: 'inputRoot', reason: `the inputs' leaves give root ${root ?? '(no inputs)'}, but the snapshot committed to ${data.inputRoot}: the input list was changed` });
    }
  } catch (error) {
    listOk = false;
    fail({ name: 'inputRoot', reason: `the input leaves do not form a tree: ${errorMessage(error)}` });
  }
  if (listOk) checks.push({ name: 'inputRoot', ok: true });

  // 3. Each input record: the committed version, hashing to the committed leaf, proven.
  const metric = isSnapshotMetric(data.metric) ? SNAPSHOT_METRICS[data.metric]! : null;
  let inputsOk = true;
  const reports = await Promise.all(inputs.map((inp) => verifyBundle(inp.bundle, chain ? { chain } : {}).catch((e: unknown) => e)));
  inputs.forEach((inp, i) => {
    const name = describeInput(inp);
    const bad = (reason: string, undecided?: SnapshotCheck['undecided']) => {
      inputsOk = false;
      fail({ name: 'input', input: name, reason: `input ${name}: ${reason}`, ...(undecided ? { undecided } : {}) });
    };
    const doc = inp.bundle.document;
    if (doc.type !== inp.entityType || doc.id !== inp.entityId || doc.version !== inp.entityVersion) {
      bad(`its proof is for ${doc.type} ${doc.id} v${doc.version}, not the committed record version`);
      return;
    }
    if (metric && !snapshotInputTypes(metric).includes(doc.type)) bad(`a ${data.metric} snapshot reads ${snapshotInputTypes(metric).join(', ')} records only`);
    let computed: string;
    try {
      computed = toHex(leafHash(validateDocument(doc)));
    } catch (error) {
      bad(`its document is malformed: ${errorMessage(error)}`);
      return;
    }
    if (computed !== inp.leaf) bad(`its record document hashes to ${computed}, not the committed leaf ${inp.leaf}: the record was changed after publication`);
    const r = reports[i];
    if (!(r && typeof r === 'object' && 'verified' in r)) bad(`its proof could not be checked: ${errorMessage(r)}`);
    else if (!(r as VerifyReport).verified) bad(`its proof does not verify: ${failedBundleReason(r as VerifyReport)}`, bundleUndecided(r as VerifyReport));
  });
  if (inputsOk) checks.push({ name: 'input', ok: true, reason: `${inputs.length} input records verified${offline ? ' offline' : ' on chain'}` });

  // 4. Recompute the figures from the input documents.
  if (!metric) {
    fail({ name: 'figure', reason: `unknown metric "${data.metric}": this verifier cannot recompute it` });
  } else {
    const recomputed = computeSnapshotFiguresFromRecords(
      data.metric,
      data.params,
      inputs.map((i) => ({ type: i.bundle.document.type, id: i.bundle.document.id, data: i.bundle.document.data as Record<string, unknown> })),
    );
    const diffs = figureDifferences(recomputed, data.figures);
    for (const d of diffs) {
      fail({ name: 'figure', figure: d.figure, reason: `figure ${d.figure}: published ${d.actual ?? '(missing)'}, recomputed from the inputs ${d.expected ?? '(missing)'}` });
    }
    if (diffs.length === 0) checks.push({ name: 'figure', ok: true });
  }

  const verified = checks.every((c) => c.ok);
  const undecided = verified ? undefined : reportUndecided(checks);
  return { verified, offline, ...(undecided ? { undecided } : {}), metric: data.metric, checks };
}

function reportUndecided(checks: SnapshotCheck[]): SnapshotReport['undecided'] {
  const failed = checks.filter((c) => !c.ok);
  if (failed.length === 0 || failed.some((c) => c.undecided === undefined)) return undefined;
  return failed.some((c) => c.undecided === 'unavailable') ? 'unavailable' : 'pending';
}
