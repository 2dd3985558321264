// Votes, elections and decisions on the web: the kinds, statuses and rules, and the selections.
import { PROOF_FIELDS, type ProofNode } from './fragments';

export const VOTE_KINDS = ['MOTION', 'ELECTION'] as const;
export const VOTE_STATUSES = ['DRAFT', 'OPEN', 'CLOSED', 'TALLIED', 'CANCELLED'] as const;
export const QUORUM_RULES = ['MORE_THAN_HALF', 'TWO_THIRDS', 'NONE'] as const;
export const MAJORITY_RULES = ['MORE_THAN_HALF_OF_ENTITLED', 'MORE_THAN_HALF_OF_CAST', 'TWO_THIRDS_OF_ENTITLED', 'PLURALITY'] as const;
export const DECISION_STATUSES = ['ADOPTED', 'IMPLEMENTING', 'IMPLEMENTED', 'SUPERSEDED', 'REVOKED'] as const;
export const MILESTONE_STATUSES = ['PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED'] as const;

/** Where a decision or milestone may go next (the API's flow; it refuses anything else). */
export const DECISION_NEXT: Record<string, readonly string[]> = {
  ADOPTED: ['IMPLEMENTING', 'IMPLEMENTED', 'SUPERSEDED', 'REVOKED'],
  IMPLEMENTING: ['IMPLEMENTED', 'SUPERSEDED', 'REVOKED'],
  IMPLEMENTED: ['SUPERSEDED'],
  SUPERSEDED: [],
  REVOKED: [],
};
export const MILESTONE_NEXT: Record<string, readonly string[]> = {
  PLANNED: ['IN_PROGRESS', 'DONE', 'CANCELLED'],
  IN_PROGRESS: ['DONE', 'CANCELLED'],
  DONE: [],
  CANCELLED: [],
};

const oneOf =
  <T extends string>(list: readonly T[]) =>
  (v: unknown): v is T =>
    typeof v === 'string' && (list as readonly string[]).includes(v);
export const isVoteKind = oneOf(VOTE_KINDS);
export const isVoteStatus = oneOf(VOTE_STATUSES);
export const isQuorumRule = oneOf(QUORUM_RULES);
export const isMajorityRule = oneOf(MAJORITY_RULES);
export const isDecisionStatus = oneOf(DECISION_STATUSES);
export const isMilestoneStatus = oneOf(MILESTONE_STATUSES);

export const TALLY_FIELDS = `id version eligibleCount ballotsCast quorumMet passed results { optionId count elected } ballotsRoot talliedAt ${PROOF_FIELDS}`;

export interface TallyNode {
  id: string;
  version: number;
  eligibleCount: number;
  ballotsCast: number;
  quorumMet: boolean;
  passed: boolean | null;
  results: Array<{ optionId: string; count: number; elected: boolean | null }>;
  ballotsRoot: string | null;
  talliedAt: string;
  proof: ProofNode;
}

/** Tally fields the page shows that its record document holds under the same names. */
export function tallyProvenFields(t: TallyNode): Record<string, unknown> {
  return { eligibleCount: t.eligibleCount, ballotsCast: t.ballotsCast, quorumMet: t.quorumMet, passed: t.passed, ...(t.ballotsRoot ? { ballotsRoot: t.ballotsRoot } : {}) };
}

// Members may not read OrgUnit rows: the unit's name is asked for by staff pages only.
export const VOTE_FIELDS = `id version orgUnitId kind title description status quorumRule majorityRule seats meetingId
  closesAt openedAt closedAt eligibleCount eligibleRollHash createdAt hasVoted
  options { id position label candidateId }
  tally { ${TALLY_FIELDS} } ${PROOF_FIELDS}`;

export interface VoteNode {
  id: string;
  version: number;
  orgUnitId: string;
  orgUnit?: { id: string; name: string };
  kind: string;
  title: string;
  description: string | null;
  status: string;
  quorumRule: string;
  majorityRule: string;
  seats: number;
  meetingId: string | null;
  closesAt: string | null;
  openedAt: string | null;
  closedAt: string | null;
  eligibleCount: number | null;
  /** Staff, a draft: the roll opening it now would freeze. */
  eligibleNow?: number | null;
  eligibleRollHash: string | null;
  createdAt: string;
  hasVoted: boolean | null;
  options: Array<{ id: string; position: number; label: string; candidateId: string | null }>;
  tally: TallyNode | null;
  proof: ProofNode;
}

export function voteProvenFields(v: VoteNode): Record<string, unknown> {
  return { kind: v.kind, title: v.title, status: v.status, quorumRule: v.quorumRule, majorityRule: v.majorityRule, seats: v.seats };
}
