// Proof checks in the browser with @lianjian/verify: the same code as the CLI and the indexer.
// Nothing here trusts the web server's data or the chain node: the bundle is re-parsed strictly,
// and the chain check verifies signed headers (followed from the organisation's root of trust,
// which this site was given at deploy time, as it serves this code; lib/site-trust.ts) and state
// proofs itself. Published snapshots (lib/snapshot.ts) use the same page checker.
import {
  canonicalize,
  createChainChecker,
  parseBundle,
  parseProofSet,
  toBundles,
  toHex,
  verifyBundle,
  verifyProofSet,
  type ChainChecker,
  type ChainTrust,
  type Check,
  type ProofBundle,
  type ProofSet,
  type ProofSetReport,
  type TrustRefusalCode,
  type VerifyReport,
} from '@lianjian/verify';
import { loadSiteTrust, trustKey, type SiteTrust } from './site-trust';

/**
 * anchoring: the bundle is in a batch whose anchor is not known yet (the record shows PENDING
 * until the indexer sees the batch committed). Its document and path were checked and hold; the
 * chain check cannot run before the anchor exists, so this is a wait, not a failure.
 */
export type OutcomeState = 'verified' | 'offline' | 'failed' | 'undecided' | 'anchoring';

export interface Outcome {
  state: OutcomeState;
  report: VerifyReport;
  /** Height whose app hash proved the batch root (null when the chain was not consulted). */
  provenAt: number | null;
  /** The root of trust the chain check used (absent when the chain was not consulted). */
  site?: SiteTrust;
}

/** What the chain check rested on (the root and who signed, or the node's word), when it passed. */
export function chainTrustOf(report: VerifyReport): ChainTrust | null {
  return report.checks.find((c) => c.name === 'chain' && c.ok === true)?.trust ?? null;
}

/** Why the root of trust refused the node's answer, when it did. */
export function trustRefusalOf(report: VerifyReport): TrustRefusalCode | null {
  return report.checks.find((c) => c.name === 'chain' && c.ok === false)?.code ?? null;
}

/** An RPC URL given relative to this site (the /chain-rpc proxy) made absolute. */
export function resolveRpcUrl(url: string, base: string = globalThis.location?.href ?? 'http://localhost/'): string {
  return new URL(url, base).toString();
}

export function outcomeState(report: VerifyReport): OutcomeState {
  if (report.verified) return report.offline ? 'offline' : 'verified';
  if (report.pending) return 'anchoring';
  return report.checks.some((c) => c.ok === false) ? 'failed' : 'undecided';
}

/** How long to wait before asking again, or null when the outcome is final (or retries ran out). */
export function retryDelay(state: OutcomeState, attempt: number): number | null {
  if (state !== 'anchoring' && state !== 'undecided') return null;
  // A batch is usually anchored within a block or two; a node that cannot answer may take longer.
  const limit = state === 'anchoring' ? 40 : 8;
  if (attempt >= limit) return null;
  return Math.min(1000 * 2 ** Math.min(attempt, 3), 8000);
}

export type ChainAnswer = Awaited<ReturnType<ChainChecker['checkBatchRoot']>>;
const chainAnswers = new Map<string, Promise<ChainAnswer>>();

/**
 * The chain question of check (3) depends only on the batch (seq, root, size, prev root), the
 * anchor and the root of trust, so records of one batch share one verified read instead of one
 * each. Only answers are kept; a failure to ask is asked again next time.
 */
function askChainOnce(key: string, ask: () => Promise<ChainAnswer>): Promise<ChainAnswer> {
  let answer = chainAnswers.get(key);
  if (!answer) {
    answer = ask();
    chainAnswers.set(key, answer);
    answer.then(
      (r) => (!r.ok && r.unavailable ? chainAnswers.delete(key) : undefined),
      () => chainAnswers.delete(key),
    );
  }
  return answer;
}

/**
 * One chain checker per node and root for the whole page: with a root of trust it holds the
 * light client, so the headers verified for one record (the root's block, the path to an
 * anchoring block) serve every other record on the page without being fetched again.
 */
const checkers = new Map<string, ChainChecker>();

function pageChecker(rpcUrl: string, trust: SiteTrust): ChainChecker {
  const key = JSON.stringify([rpcUrl, trustKey(trust)]);
  let checker = checkers.get(key);
  if (!checker) {
    if (trust.mode === 'broken') {
      // A configured root that cannot be read must not turn into trusting the node.
      const reason = `the chain check did not run: ${trust.message}`;
      checker = { checkBatchRoot: () => Promise.resolve({ ok: false, unavailable: true, reason }) };
    } else {
      checker = createChainChecker(rpcUrl, trust.mode === 'root' ? { trustRoot: trust.root } : {});
    }
    checkers.set(key, checker);
  }
  return checker;
}

/**
 * The page's chain checker for a node and the site's root of trust (or `trust`): the same light
 * client and the same shared answers for every record and every published snapshot on the page.
 * `onAnswer` sees each answer this checker gives.
 */
export async function pageChain(
  rpcUrl: string,
  opts: { trust?: SiteTrust; onAnswer?: (a: ChainAnswer) => void } = {},
): Promise<{ chain: ChainChecker; site: SiteTrust }> {
  const url = resolveRpcUrl(rpcUrl);
  const site = opts.trust ?? (await loadSiteTrust());
  const inner = pageChecker(url, site);
  const tk = trustKey(site);
  const chain: ChainChecker = {
    async checkBatchRoot(seq, root, anchor, claimed) {
      const key = JSON.stringify([url, tk, seq, toHex(root), claimed.size, toHex(claimed.prevRoot), anchor]);
      const r = await askChainOnce(key, () => inner.checkBatchRoot(seq, root, anchor, claimed));
      opts.onAnswer?.(r);
      return r;
    },
  };
  return { chain, site };
}

/**
 * Verifies one bundle in the browser. `trust`: the root of trust to verify the chain from;
 * default the site's (lib/site-trust.ts), fetched once per page.
 */
export async function verifyInBrowser(
  input: ProofBundle | unknown,
  opts: { rpcUrl: string | null; fields?: Record<string, unknown>; trust?: SiteTrust },
): Promise<Outcome> {
  const inSet = typeof input === 'object' && input !== null ? setOfBundle.get(input) : undefined;
  if (inSet && opts.rpcUrl) return verifyFromSet(inSet, { rpcUrl: opts.rpcUrl, ...(opts.fields ? { fields: opts.fields } : {}), ...(opts.trust ? { trust: opts.trust } : {}) });
  const bundle = parseBundle(input);
  let provenAt: number | null = null;
  let chain: ChainChecker | undefined;
  let site: SiteTrust | undefined;
  if (opts.rpcUrl) {
    ({ chain, site } = await pageChain(opts.rpcUrl, {
      ...(opts.trust ? { trust: opts.trust } : {}),
      onAnswer: (r) => {
        if (r.ok) provenAt = r.height;
      },
    }));
  }
  const report = await verifyBundle(bundle, { ...(chain ? { chain } : {}), ...(opts.fields ? { fields: opts.fields } : {}) });
  return { state: outcomeState(report), report, provenAt, ...(site ? { site } : {}) };
}

// ── Proof sets v2 (verify/PROOF-FORMAT.md §5): a page's records verified together ──
//
// A page given one proof set (the member portal's first view: the member and their whole history)
// verifies it once — every batch's multiproof once and one chain query per batch — and each record's
// badge takes its outcome from that one report. The bundles a page shows and offers for download are
// expanded from the set (expandProofSet); each remembers its set here, so the badges (ProofStatus,
// useVerification, verifyQueued) need no change: verifyInBrowser looks the bundle up first.

interface InSet {
  set: ProofSet;
  /** The record's index in `set.records`. */
  k: number;
}
// Weak: the server renders pages too, and must not keep every page's bundles.
const setOfBundle = new WeakMap<object, InSet>();
const setRuns = new WeakMap<ProofSet, Map<string, Promise<{ report: ProofSetReport; heights: Map<number, number>; site: SiteTrust }>>>();

/**
 * The v1 bundle of each record of a proof set (null for a record in no batch yet), in record order —
 * what a page shows and offers for download — each remembered with its set, so that verifying any
 * of them verifies the whole set once (verifyInBrowser). Throws ProofSetError for a set whose nodes
 * do not add up (toBundles), which a page shows as a failed proof.
 */
export function expandProofSet(input: unknown): (ProofBundle | null)[] {
  const set = parseProofSet(input);
  const bundles = toBundles(set);
  bundles.forEach((bundle, k) => {
    if (bundle) setOfBundle.set(bundle, { set, k });
  });
  return bundles;
}

/**
 * Verifies a whole proof set in the browser, asking the chain once per batch (through the page's
 * chain checker, so answers are shared with every other proof on the page); per record a v1-shaped
 * report and its outcome. `fields`: per record, the values the page shows (v1's check 4).
 */
export async function verifySetInBrowser(
  input: ProofSet | unknown,
  opts: { rpcUrl: string | null; fields?: readonly (Record<string, unknown> | null | undefined)[]; trust?: SiteTrust },
): Promise<{ report: ProofSetReport; outcomes: Outcome[] }> {
  const set = parseProofSet(input);
  const heights = new Map<number, number>();
  let chain: ChainChecker | undefined;
  let site: SiteTrust | undefined;
  if (opts.rpcUrl) ({ chain, site } = await setChain(opts.rpcUrl, heights, opts.trust));
  const report = await verifyProofSet(set, { ...(chain ? { chain } : {}), ...(opts.fields ? { fields: opts.fields } : {}) });
  const outcomes = report.records.map((r) => ({
    state: outcomeState(r),
    report: r,
    provenAt: r.b === null || !chain ? null : (heights.get(set.batches[r.b]!.seq) ?? null),
    ...(site ? { site } : {}),
  }));
  return { report, outcomes };
}

/** The page's chain checker, noting the height each batch was proven at. */
async function setChain(rpcUrl: string, heights: Map<number, number>, trust?: SiteTrust): Promise<{ chain: ChainChecker; site: SiteTrust }> {
  const { chain: inner, site } = await pageChain(rpcUrl, trust ? { trust } : {});
  const chain: ChainChecker = {
    async checkBatchRoot(seq, root, anchor, claimed) {
      const r = await inner.checkBatchRoot(seq, root, anchor, claimed);
      if (r.ok) heights.set(seq, r.height);
      return r;
    },
  };
  return { chain, site };
}

/** One record's outcome from its set's single verification (run once per set, node and root of trust). */
async function verifyFromSet(at: InSet, opts: { rpcUrl: string; fields?: Record<string, unknown>; trust?: SiteTrust }): Promise<Outcome> {
  const key = JSON.stringify([resolveRpcUrl(opts.rpcUrl), opts.trust ? trustKey(opts.trust) : 'site']);
  let runs = setRuns.get(at.set);
  if (!runs) setRuns.set(at.set, (runs = new Map()));
  let run = runs.get(key);
  if (!run) {
    run = (async () => {
      const heights = new Map<number, number>();
      const { chain, site } = await setChain(opts.rpcUrl, heights, opts.trust);
      return { report: await verifyProofSet(at.set, { chain }), heights, site };
    })();
    runs.set(key, run);
    const mine = runs;
    // A wait (not anchored yet, node unreachable) is asked again at the badge's next try.
    run.then(
      ({ report }) => (report.records.some((r) => ['undecided', 'anchoring'].includes(outcomeState(r))) ? mine.delete(key) : undefined),
      () => mine.delete(key),
    );
  }
  const { report: setReport, heights, site } = await run;
  const r = setReport.records[at.k]!;
  const report = withFields(r, at.set.records[at.k]!.doc.data, opts.fields);
  const b = r.b === null ? null : at.set.batches[r.b]!;
  return { state: outcomeState(report), report, provenAt: b ? (heights.get(b.seq) ?? null) : null, site };
}

/**
 * v1's check 4 added to a record's report from the set (run without fields, once for the whole
 * page): shown values must equal the proven document's data, compared in canonical form.
 */
function withFields(r: VerifyReport, data: Record<string, unknown>, fields: Record<string, unknown> | undefined): VerifyReport {
  if (!fields) return { verified: r.verified, offline: r.offline, pending: r.pending, checks: r.checks };
  let check: Check;
  const missing = Object.keys(fields).filter((k) => !Object.hasOwn(data, k));
  const differing = Object.keys(fields).filter((k) => Object.hasOwn(data, k) && canonicalize(fields[k]) !== canonicalize(data[k]));
  if (missing.length > 0) check = { name: 'fields', ok: false, reason: `not in the proven document: ${missing.join(', ')}` };
  else if (differing.length > 0) check = { name: 'fields', ok: false, reason: `shown values differ from the proven document: ${differing.join(', ')}` };
  else check = { name: 'fields', ok: true };
  const checks = [...r.checks.filter((c) => c.name !== 'fields'), check];
  if (check.ok === false) return { verified: false, offline: r.offline, pending: false, checks };
  return { verified: r.verified, offline: r.offline, pending: r.pending, checks };
}

// Pages with many records verify a few at a time, and each bundle once per page load.
const MAX_PARALLEL = 3;
let running = 0;
const waiting: Array<() => void> = [];
const cache = new Map<string, Promise<Outcome>>();

async function slot<T>(fn: () => Promise<T>): Promise<T> {
  if (running >= MAX_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await fn();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

export function verifyQueued(bundle: ProofBundle, opts: { rpcUrl: string | null; fields?: Record<string, unknown>; trust?: SiteTrust }): Promise<Outcome> {
  const key = JSON.stringify([bundle.leaf, bundle.batch.root, bundle.batch.seq, opts.rpcUrl, opts.fields ?? null, opts.trust ? trustKey(opts.trust) : 'site']);
  let hit = cache.get(key);
  if (!hit) {
    hit = slot(() => verifyInBrowser(bundle, opts));
    cache.set(key, hit);
    // A failure to reach the chain may be temporary: do not keep it.
    hit.then(
      (o) => (o.state === 'undecided' || o.state === 'anchoring' ? cache.delete(key) : undefined),
      () => cache.delete(key),
    );
  }
  return hit;
}

// ── Display helpers: how an outcome and a proven record read to people ──

/** The checks that failed, in the verifier's order (document, path, chain, fields). */
export function failedChecks(report: VerifyReport): string[] {
  return report.checks.filter((c) => c.ok === false).map((c) => c.name);
}

/** The key of the plain sentence an outcome leads with. */
export function plainKey(outcome: Pick<Outcome, 'state'>, anchorTime: string | null | undefined): 'verified' | 'verifiedNoTime' | 'offline' | 'failed' | 'undecided' | 'anchoring' {
  if (outcome.state === 'verified') return anchorTime ? 'verified' : 'verifiedNoTime';
  return outcome.state;
}

/** A record's data fields in order: labelled ones first (in the label map's order), then the rest by key. */
export function recordFieldRows(data: Record<string, unknown>, labels: Record<string, string>): Array<{ key: string; label: string | null; value: unknown }> {
  const order = Object.keys(labels);
  const keys = Object.keys(data).sort((a, b) => {
    const ia = order.indexOf(a);
    const ib = order.indexOf(b);
    if (ia >= 0 && ib >= 0) return ia - ib;
    if (ia >= 0) return -1;
    if (ib >= 0) return 1;
    return a < b ? -1 : a > b ? 1 : 0;
  });
  return keys.map((key) => ({ key, label: labels[key] ?? null, value: data[key] }));
}

interface ValueLabels {
  stages: Record<string, string>;
  statuses: Record<string, string>;
  genders: Record<string, string>;
  educations: Record<string, string>;
  unitKinds: Record<string, string>;
  verify: { yes: string; no: string };
}

const DATE_ONLY = /^(\d{4}-\d{2}-\d{2})(T00:00:00(\.000)?Z)?$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const CHINA_OFFSET_MS = 8 * 3600_000;

/**
 * One field's value in the page's language: enum codes through the app's label maps, yes/no,
 * dates as dates, times in China time; anything else as it is (raw: shown small and monospaced).
 */
export function fieldValue(key: string, value: unknown, t: ValueLabels): { text: string; raw: boolean } {
  if (value === null || value === undefined || value === '') return { text: '—', raw: false };
  if (typeof value === 'boolean') return { text: value ? t.verify.yes : t.verify.no, raw: false };
  if (typeof value === 'number') return { text: String(value), raw: false };
  if (typeof value === 'string') {
    const maps: Record<string, Record<string, string>> = { stage: t.stages, status: t.statuses, gender: t.genders, education: t.educations, kind: t.unitKinds };
    const label = maps[key]?.[value] ?? (/stage$/i.test(key) ? t.stages[value] : undefined);
    if (label) return { text: label, raw: false };
    const date = DATE_ONLY.exec(value);
    if (date) return { text: date[1]!, raw: false };
    if (TIMESTAMP.test(value) && Number.isFinite(Date.parse(value))) {
      const d = new Date(Date.parse(value) + CHINA_OFFSET_MS).toISOString();
      return { text: `${d.slice(0, 10)} ${d.slice(11, 16)}`, raw: false };
    }
    // An id, hash or enum code the app has no words for.
    return { text: value, raw: /^[0-9a-f-]{32,}$/i.test(value) || /^[A-Z][A-Z_]+$/.test(value) };
  }
  return { text: JSON.stringify(value), raw: true };
}
