// The branch general meeting's vote (细则第二十四、二十五条 and the same rule for full membership,
// extension and revocation):
// - quorum: members entitled to vote who are present > half of those entitled;
// - passes: yes votes > half of those entitled (not of those present);
// - an entitled member who cannot attend and submits a written opinion beforehand is counted in
//   the votes, but not in the quorum, which is about attendance.

import type { RuleCode } from './rules.js';

export interface BranchVote {
  /** Full members entitled to vote (应到会有表决权的正式党员). */
  entitled: number;
  /** Of them, present at the meeting. */
  present: number;
  yes: number;
  no: number;
  abstain: number;
  /** Written opinions of entitled members who could not attend; already included in yes/no/abstain. */
  written?: number;
}

export type VoteOutcome = { ok: true; quorumMet: true; passed: true } | { ok: false; code: RuleCode };

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

export function evaluateBranchVote(v: BranchVote): VoteOutcome {
  const written = v.written ?? 0;
  if (![v.entitled, v.present, v.yes, v.no, v.abstain, written].every(isCount) || v.entitled < 1) {
    return { ok: false, code: 'VOTE_COUNTS_INVALID' };
  }
  if (v.present > v.entitled || written > v.entitled - v.present || v.yes + v.no + v.abstain > v.present + written) {
    return { ok: false, code: 'VOTE_COUNTS_INVALID' };
  }
  // Integer form of "more than half": 2x > n avoids rounding questions for odd n.
  if (2 * v.present <= v.entitled) return { ok: false, code: 'QUORUM_NOT_MET' };
  if (2 * v.yes <= v.entitled) return { ok: false, code: 'VOTE_NOT_PASSED' };
  return { ok: true, quorumMet: true, passed: true };
}
