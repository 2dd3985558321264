// Votes and elections, recomputable by anyone: the counting rules (quorum, majority, seats), the
// Merkle root a tally commits to, and a check that recomputes a served tally from the ballot
// record documents. The API counts with these same functions, so a verifier and the server
// cannot disagree about the rules, only about the data.
//
// Conventions the API follows (and this file checks):
// - a motion (kinds MOTION, ADMISSION, CONFIRMATION) has exactly three options, positions 1, 2, 3
//   = yes 赞成, no 反对, abstain 弃权; a ballot chooses exactly one of them;
// - an election's options are candidates; a ballot chooses between 0 (blank) and `seats`
//   distinct candidates;
// - `ballotsRoot` is the RFC 9162 Merkle root of the ballots' record leaves sorted ascending by
//   their bytes (the order ballots were cast in must not show), null when no ballot was cast.
import type { RecordDocument } from './document.js';
import { leafHash } from './hash.js';
import { toHex } from './hex.js';
import { canonicalize } from './jcs.js';
import { buildTree, treeRoot } from './merkle.js';

export type VoteKind = 'MOTION' | 'ELECTION' | 'ADMISSION' | 'CONFIRMATION';
export type QuorumRule = 'NONE' | 'MORE_THAN_HALF' | 'TWO_THIRDS';
export type MajorityRule = 'MORE_THAN_HALF_OF_ENTITLED' | 'MORE_THAN_HALF_OF_CAST' | 'TWO_THIRDS_OF_ENTITLED' | 'PLURALITY';

export const VOTE_KINDS: readonly VoteKind[] = ['MOTION', 'ELECTION', 'ADMISSION', 'CONFIRMATION'];
export const QUORUM_RULES: readonly QuorumRule[] = ['NONE', 'MORE_THAN_HALF', 'TWO_THIRDS'];
export const MAJORITY_RULES: readonly MajorityRule[] = ['MORE_THAN_HALF_OF_ENTITLED', 'MORE_THAN_HALF_OF_CAST', 'TWO_THIRDS_OF_ENTITLED', 'PLURALITY'];

export interface TallyRules {
  kind: VoteKind;
  quorumRule: QuorumRule;
  majorityRule: MajorityRule;
  /** Seats to fill (elections); 1 for motions. */
  seats: number;
  /** Size of the eligible roll frozen at opening. */
  eligibleCount: number;
}

export interface TallyOption {
  id: string;
  position: number;
}

/** One option's count, in option position order; `elected` only for elections. */
export interface OptionResult {
  optionId: string;
  count: number;
  elected?: boolean;
}

export interface TallyOutcome {
  eligibleCount: number;
  ballotsCast: number;
  quorumMet: boolean;
  /** Motions: the motion carried. Elections: quorum met and every seat filled. */
  passed: boolean;
  results: OptionResult[];
}

export const isMotion = (kind: VoteKind): boolean => kind !== 'ELECTION';

/** Whether `cast` ballots out of `eligible` make a quorum. Integer forms avoid rounding: 2x > n. */
export function quorumMet(rule: QuorumRule, cast: number, eligible: number): boolean {
  if (rule === 'NONE') return cast > 0;
  if (rule === 'MORE_THAN_HALF') return 2 * cast > eligible;
  return 3 * cast >= 2 * eligible;
}

/** Whether `count` votes meet the threshold of `rule` (PLURALITY has none beyond one vote). */
export function meetsMajority(rule: MajorityRule, count: number, eligible: number, cast: number): boolean {
  switch (rule) {
    case 'MORE_THAN_HALF_OF_ENTITLED':
      return 2 * count > eligible;
    case 'MORE_THAN_HALF_OF_CAST':
      return 2 * count > cast;
    case 'TWO_THIRDS_OF_ENTITLED':
      return 3 * count >= 2 * eligible;
    case 'PLURALITY':
      return count > 0;
  }
}

/** Why a ballot's choices are not valid for the vote, or null when they are. */
export function ballotProblem(rules: Pick<TallyRules, 'kind' | 'seats'>, optionIds: ReadonlySet<string>, choices: readonly string[]): string | null {
  if (!Array.isArray(choices) || choices.some((c) => typeof c !== 'string')) return 'choices must be a list of option ids';
  if (new Set(choices).size !== choices.length) return 'an option is chosen twice';
  const unknown = choices.find((c) => !optionIds.has(c));
  if (unknown !== undefined) return `option ${unknown} is not an option of this vote`;
  if (isMotion(rules.kind)) {
    if (choices.length !== 1) return 'a motion ballot chooses exactly one option (yes, no or abstain)';
  } else if (choices.length > rules.seats) {
    return `an election ballot chooses at most ${rules.seats} candidate(s)`;
  }
  return null;
}

/** Counts valid ballots (their choices) under the rules. Throws on an invalid ballot. */
export function countVotes(rules: TallyRules, options: readonly TallyOption[], ballots: readonly (readonly string[])[]): TallyOutcome {
  const ordered = [...options].sort((a, b) => a.position - b.position);
  const ids = new Set(ordered.map((o) => o.id));
  if (isMotion(rules.kind) && ordered.length !== 3) throw new RangeError('a motion has exactly three options: yes, no, abstain');
  const counts = new Map(ordered.map((o) => [o.id, 0]));
  ballots.forEach((choices, i) => {
    const problem = ballotProblem(rules, ids, choices);
    if (problem) throw new RangeError(`ballot ${i}: ${problem}`);
    for (const c of choices) counts.set(c, counts.get(c)! + 1);
  });
  const cast = ballots.length;
  const quorum = quorumMet(rules.quorumRule, cast, rules.eligibleCount);
  const countOf = (id: string) => counts.get(id)!;

  if (isMotion(rules.kind)) {
    const [yes, no] = ordered.map((o) => countOf(o.id));
    const carried = rules.majorityRule === 'PLURALITY' ? yes! > no! : meetsMajority(rules.majorityRule, yes!, rules.eligibleCount, cast);
    return {
      eligibleCount: rules.eligibleCount,
      ballotsCast: cast,
      quorumMet: quorum,
      passed: quorum && carried,
      results: ordered.map((o) => ({ optionId: o.id, count: countOf(o.id) })),
    };
  }

  // Elections: candidates meeting the threshold, most votes first; a tie across the last seat
  // elects none of the tied (a run-off decides), so the result never depends on option order.
  const elected = new Set<string>();
  if (quorum) {
    const qualified = ordered.filter((o) => meetsMajority(rules.majorityRule, countOf(o.id), rules.eligibleCount, cast));
    const byCount = [...new Set(qualified.map((o) => countOf(o.id)))].sort((a, b) => b - a);
    for (const n of byCount) {
      const group = qualified.filter((o) => countOf(o.id) === n);
      if (elected.size + group.length > rules.seats) break;
      for (const o of group) elected.add(o.id);
    }
  }
  return {
    eligibleCount: rules.eligibleCount,
    ballotsCast: cast,
    quorumMet: quorum,
    passed: quorum && elected.size === rules.seats,
    results: ordered.map((o) => ({ optionId: o.id, count: countOf(o.id), elected: elected.has(o.id) })),
  };
}

/** The root a tally commits to: leaves sorted by their bytes, RFC 9162 tree; null for no ballots. */
export function ballotsRoot(leaves: readonly Uint8Array[]): Uint8Array | null {
  if (leaves.length === 0) return null;
  const sorted = [...leaves].sort((a, b) => compareBytes(a, b));
  return treeRoot(buildTree(sorted));
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

export interface TallyDocuments {
  /** The Vote's record document as of the tally (its data holds the rules and eligibleCount). */
  vote: RecordDocument;
  /** Its VoteOption record documents. */
  options: readonly RecordDocument[];
  /** The Ballot record documents the tally counted (the versions whose leaves it commits to). */
  ballots: readonly RecordDocument[];
  /** The VoteTally record document. */
  tally: RecordDocument;
}

export interface TallyCheck {
  /** True when the recomputed tally equals the served one in every count and in ballotsRoot. */
  ok: boolean;
  /** What differs or is malformed, one sentence each. */
  problems: string[];
  computed: TallyOutcome & { ballotsRoot: string | null };
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/**
 * Recomputes a tally from record documents (each of which a verifier checks separately against
 * the chain with verifyBundle) and compares it with the served tally document: counts, quorum,
 * outcome, and the Merkle root over the ballots' leaves — so a ballot added, dropped or altered
 * after the tally is detected.
 */
export function recomputeTally(docs: TallyDocuments): TallyCheck {
  const problems: string[] = [];
  const { vote, tally } = docs;
  const voteId = vote.id;
  if (vote.type !== 'Vote') problems.push(`the vote document has type ${vote.type}, not Vote`);
  if (tally.type !== 'VoteTally') problems.push(`the tally document has type ${tally.type}, not VoteTally`);
  if (tally.data.voteId !== voteId) problems.push('the tally is of another vote');
  const v = vote.data;
  const rules: TallyRules = {
    kind: v.kind as VoteKind,
    quorumRule: v.quorumRule as QuorumRule,
    majorityRule: v.majorityRule as MajorityRule,
    seats: typeof v.seats === 'number' ? v.seats : 1,
    eligibleCount: typeof v.eligibleCount === 'number' ? v.eligibleCount : -1,
  };
  if (!VOTE_KINDS.includes(rules.kind) || !QUORUM_RULES.includes(rules.quorumRule) || !MAJORITY_RULES.includes(rules.majorityRule)) {
    problems.push('the vote document does not state valid kind, quorum and majority rules');
  }
  if (rules.eligibleCount < 1) problems.push('the vote document has no frozen eligible roll (eligibleCount)');
  if (tally.data.eligibleCount !== rules.eligibleCount) problems.push(`the tally states ${String(tally.data.eligibleCount)} eligible voters; the vote froze ${rules.eligibleCount}`);

  const options: TallyOption[] = [];
  for (const o of docs.options) {
    if (o.type !== 'VoteOption' || o.data.voteId !== voteId) {
      problems.push(`option document ${o.id} is not an option of vote ${voteId}`);
      continue;
    }
    options.push({ id: o.id, position: Number(o.data.position) });
  }
  const optionIds = new Set(options.map((o) => o.id));

  const valid: string[][] = [];
  const leaves: Uint8Array[] = [];
  const seenIds = new Set<string>();
  const seenReceipts = new Set<string>();
  for (const b of docs.ballots) {
    if (b.type !== 'Ballot' || b.data.voteId !== voteId) {
      problems.push(`ballot document ${b.id} is not a ballot of vote ${voteId}`);
      continue;
    }
    const receipt = str(b.data.receiptHash);
    if (seenIds.has(b.id)) problems.push(`ballot ${b.id} appears twice`);
    if (receipt === null || seenReceipts.has(receipt)) problems.push(`ballot ${b.id} repeats or lacks a receipt hash`);
    seenIds.add(b.id);
    if (receipt !== null) seenReceipts.add(receipt);
    const choices = b.data.choices as string[];
    const problem = ballotProblem(rules, optionIds, choices);
    if (problem) {
      problems.push(`ballot ${b.id}: ${problem}`);
      continue;
    }
    valid.push(choices);
    leaves.push(leafHash(b));
  }

  let computed: TallyOutcome;
  try {
    computed = countVotes(rules, options, valid);
  } catch (e) {
    problems.push(e instanceof Error ? e.message : String(e));
    computed = { eligibleCount: rules.eligibleCount, ballotsCast: valid.length, quorumMet: false, passed: false, results: [] };
  }
  const root = ballotsRoot(leaves);
  const rootHex = root ? toHex(root) : null;
  const t = tally.data;
  if (t.ballotsCast !== computed.ballotsCast) problems.push(`the tally counts ${String(t.ballotsCast)} ballots; the documents hold ${computed.ballotsCast}`);
  if (t.quorumMet !== computed.quorumMet) problems.push(`the tally says quorum ${t.quorumMet ? 'met' : 'not met'}; recomputed: ${computed.quorumMet ? 'met' : 'not met'}`);
  if (t.passed !== computed.passed) problems.push(`the tally says ${t.passed ? 'passed' : 'not passed'}; recomputed: ${computed.passed ? 'passed' : 'not passed'}`);
  if (canonicalize(t.results ?? null) !== canonicalize(computed.results)) problems.push('the tally results differ from the recomputed counts');
  if ((t.ballotsRoot ?? null) !== rootHex) problems.push(`the tally commits to ballots root ${String(t.ballotsRoot)}; the documents give ${String(rootHex)}`);
  return { ok: problems.length === 0, problems, computed: { ...computed, ballotsRoot: rootHex } };
}
