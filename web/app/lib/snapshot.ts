// Published analytics snapshots in the browser: the downloadable file (the snapshot's proof
// bundle with every input and its proof), and verification with progress. Each input's proof is
// checked first, one by one, so the page can count them; then verifySnapshot runs every check
// (again, cheaply: chain answers are shared per batch) and gives the verdict. The chain check is
// the page's own (lib/verification.ts): from the site's root of trust, with the light client and
// answers the page's records use, so a snapshot says who signed its block as a record does.
import {
  describeInput,
  figureDifferences,
  parseBundle,
  verifyBundle,
  verifySnapshot,
  type ChainTrust,
  type ProofBundle,
  type SnapshotCheckName,
  type SnapshotInput,
  type SnapshotReport,
  type TrustRefusalCode,
  type VerifyReport,
} from '@lianjian/verify';
import type { SiteTrust } from './site-trust';
import { chainTrustOf, pageChain, trustRefusalOf } from './verification';

export const SNAPSHOT_FILE_FORMAT = 'lianjian.analytics-snapshot/v1';

export interface SnapshotFile {
  format: typeof SNAPSHOT_FILE_FORMAT;
  snapshot: ProofBundle;
  inputs: SnapshotInput[];
}

/** An input as the API pages them (proof bundle null until its record is anchored). */
export interface ApiInput {
  ordinal: number;
  entityType: string;
  entityId: string;
  entityVersion: number;
  leaf: string;
  proof: { status: string; bundle: unknown } | null;
}

export interface InputPage {
  nodes: ApiInput[];
  endCursor: string | null;
  hasNextPage: boolean;
  totalCount: number;
}

export function toSnapshotInput(i: ApiInput): SnapshotInput | null {
  if (!i.proof?.bundle) return null;
  return { ordinal: i.ordinal, entityType: i.entityType, entityId: i.entityId, entityVersion: i.entityVersion, leaf: i.leaf, bundle: i.proof.bundle as ProofBundle };
}

export function isSnapshotFile(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'snapshot' in value && 'inputs' in value && Array.isArray((value as { inputs: unknown }).inputs);
}

/** A snapshot file, parsed strictly: every bundle through parseBundle. Throws with a reason. */
export function parseSnapshotFile(value: unknown): SnapshotFile {
  if (!isSnapshotFile(value)) throw new Error('not a snapshot file: it needs "snapshot" (a proof bundle) and "inputs" (a list)');
  const v = value as { format?: unknown; snapshot: unknown; inputs: unknown[] };
  if (v.format !== undefined && v.format !== SNAPSHOT_FILE_FORMAT) throw new Error(`unknown snapshot file format "${String(v.format)}"`);
  const snapshot = parseBundle(v.snapshot);
  const inputs = v.inputs.map((raw, i) => {
    const x = raw as Partial<SnapshotInput>;
    if (typeof x !== 'object' || x === null || typeof x.ordinal !== 'number' || typeof x.entityType !== 'string' || typeof x.entityId !== 'string' || typeof x.entityVersion !== 'number' || typeof x.leaf !== 'string') {
      throw new Error(`input at position ${i} lacks ordinal, entityType, entityId, entityVersion or leaf`);
    }
    let bundle: ProofBundle;
    try {
      bundle = parseBundle(x.bundle);
    } catch (error) {
      throw new Error(`input at position ${i}: ${error instanceof Error ? error.message : String(error)}`);
    }
    return { ordinal: x.ordinal, entityType: x.entityType, entityId: x.entityId, entityVersion: x.entityVersion, leaf: x.leaf, bundle };
  });
  return { format: SNAPSHOT_FILE_FORMAT, snapshot, inputs };
}

export interface Progress {
  checked: number;
  total: number;
}

/** pending: a record is not anchored yet; undecided: the chain node could not be asked. Neither is a failure. */
export type SnapshotVerdict = 'verified' | 'offline' | 'failed' | 'pending' | 'undecided';

/** What a snapshot's chain check rested on, in the terms a record's check uses (components/TrustNote.tsx). */
export interface SnapshotTrust {
  /** The root of trust the check used (or that the site has none, or that it cannot be read). */
  site: SiteTrust;
  /** What the snapshot record's own chain check rested on, when it passed: who signed its block, or the node's word. */
  chain: ChainTrust | null;
  /** Why the root refused the node's chain, for the snapshot's record or else for an input's. */
  refusal: TrustRefusalCode | null;
  /** Kinds of check that failed only because the root refused the node's chain (not a changed record). */
  refused: SnapshotCheckName[];
}

export interface SnapshotOutcome {
  verdict: SnapshotVerdict;
  report: SnapshotReport;
  /** Inputs whose own proof failed, by "#ordinal Type id vN", with the reason. */
  inputResults: Array<{ input: string; ok: boolean; reason?: string }>;
  /** Null when the chain was not consulted (offline). */
  trust: SnapshotTrust | null;
}

const PARALLEL = 4;

/**
 * Verifies a snapshot with its inputs, reporting each input checked. `trust`: the root of trust to
 * verify the chain from; default the site's (lib/site-trust.ts). Never throws.
 */
export async function verifySnapshotWithProgress(
  file: Pick<SnapshotFile, 'snapshot' | 'inputs'>,
  opts: { rpcUrl: string | null; trust?: SiteTrust; onProgress?: (p: Progress) => void },
): Promise<SnapshotOutcome> {
  const page = opts.rpcUrl ? await pageChain(opts.rpcUrl, opts.trust ? { trust: opts.trust } : {}) : undefined;
  const chain = page?.chain;
  // Inputs the root refused (by describeInput's name), and the first reason.
  const refusedInputs = new Set<string>();
  let inputRefusal: TrustRefusalCode | null = null;
  const total = file.inputs.length;
  let checked = 0;
  let next = 0;
  const inputResults: SnapshotOutcome['inputResults'] = new Array(total);
  opts.onProgress?.({ checked, total });
  async function worker() {
    while (next < total) {
      const i = next++;
      const inp = file.inputs[i]!;
      const name = describeInput(inp);
      try {
        const r = await verifyBundle(inp.bundle, chain ? { chain } : {});
        const refusal = trustRefusalOf(r);
        if (refusal) {
          refusedInputs.add(name);
          inputRefusal ??= refusal;
        }
        const bad = r.checks.find((c) => c.ok === false) ?? (!r.verified ? r.checks.find((c) => c.ok !== true) : undefined);
        inputResults[i] = r.verified ? { input: name, ok: true } : { input: name, ok: false, reason: bad ? `${bad.name}: ${bad.reason ?? 'failed'}` : 'failed' };
      } catch (error) {
        inputResults[i] = { input: name, ok: false, reason: error instanceof Error ? error.message : String(error) };
      }
      checked++;
      opts.onProgress?.({ checked, total });
    }
  }
  await Promise.all(Array.from({ length: Math.min(PARALLEL, Math.max(total, 1)) }, worker));
  // The snapshot record's own check, for who signed its block (verifySnapshot repeats it from the shared answer).
  let own: VerifyReport | null = null;
  if (chain) own = await verifyBundle(file.snapshot, { chain }).catch(() => null);
  const report = await verifySnapshot(file.snapshot, file.inputs, chain ? { chain } : {});
  const trust = page ? snapshotTrust(page.site, own, report, refusedInputs, inputRefusal) : null;
  return { verdict: snapshotVerdict(report), report, inputResults, trust };
}

function snapshotTrust(site: SiteTrust, own: VerifyReport | null, report: SnapshotReport, refusedInputs: Set<string>, inputRefusal: TrustRefusalCode | null): SnapshotTrust {
  const ownRefusal = own ? trustRefusalOf(own) : null;
  const refused: SnapshotCheckName[] = [];
  if (ownRefusal) refused.push('snapshot');
  const failedInputs = report.checks.filter((c) => c.name === 'input' && !c.ok);
  if (failedInputs.length > 0 && failedInputs.every((c) => c.input !== undefined && refusedInputs.has(c.input))) refused.push('input');
  return { site, chain: own ? chainTrustOf(own) : null, refusal: ownRefusal ?? inputRefusal, refused };
}

export function snapshotVerdict(report: SnapshotReport): SnapshotVerdict {
  if (report.verified) return report.offline ? 'offline' : 'verified';
  if (report.undecided === 'pending') return 'pending';
  return report.undecided === 'unavailable' ? 'undecided' : 'failed';
}

/** Each published figure as a path ("byStage.FULL") with its value, for a per-figure result list. */
export function figurePaths(figures: Record<string, unknown>): Array<{ figure: string; value: string }> {
  return figureDifferences(figures, {})
    .filter((d) => d.figure !== '' && d.expected !== undefined)
    .map((d) => ({ figure: d.figure, value: d.expected! }));
}

/** Whether the figures a page shows now equal the snapshot's (they differ once data changes). */
export function sameFigures(snapshot: Record<string, unknown>, now: Record<string, unknown>): boolean {
  return figureDifferences(snapshot, now).length === 0;
}

/** The snapshot file's name: the title is not trusted into a file name. */
export function snapshotFileName(id: string): string {
  return `lianjian-snapshot-${id.replace(/[^A-Za-z0-9-]/g, '_')}.json`;
}
