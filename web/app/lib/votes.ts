// Votes, elections and decisions on the web: the kinds, statuses and rules, and the selections.
import type { DecisionStatus, MajorityRule, MilestoneStatus, QuorumRule, TallyFieldsFragment, VoteFieldsFragment, VoteKind, VoteStatus } from '../graphql/graphql';
import { oneOf } from './one-of';

export const VOTE_KINDS = ['MOTION', 'ELECTION'] as const satisfies readonly VoteKind[];
export const VOTE_STATUSES = ['DRAFT', 'OPEN', 'CLOSED', 'TALLIED', 'CANCELLED'] as const satisfies readonly VoteStatus[];
export const QUORUM_RULES = ['MORE_THAN_HALF', 'TWO_THIRDS', 'NONE'] as const satisfies readonly QuorumRule[];
export const MAJORITY_RULES = ['MORE_THAN_HALF_OF_ENTITLED', 'MORE_THAN_HALF_OF_CAST', 'TWO_THIRDS_OF_ENTITLED', 'PLURALITY'] as const satisfies readonly MajorityRule[];
export const DECISION_STATUSES = ['ADOPTED', 'IMPLEMENTING', 'IMPLEMENTED', 'SUPERSEDED', 'REVOKED'] as const satisfies readonly DecisionStatus[];
export const MILESTONE_STATUSES = ['PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED'] as const satisfies readonly MilestoneStatus[];

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

export const isVoteKind = oneOf(VOTE_KINDS);
export const isQuorumRule = oneOf(QUORUM_RULES);
export const isMajorityRule = oneOf(MAJORITY_RULES);
export const isDecisionStatus = oneOf(DECISION_STATUSES);
export const isMilestoneStatus = oneOf(MILESTONE_STATUSES);

export type TallyNode = TallyFieldsFragment;

/** Tally fields the page shows that its record document holds under the same names. */
export function tallyProvenFields(t: TallyNode): Record<string, unknown> {
  return { eligibleCount: t.eligibleCount, ballotsCast: t.ballotsCast, quorumMet: t.quorumMet, passed: t.passed, ...(t.ballotsRoot ? { ballotsRoot: t.ballotsRoot } : {}) };
}

/** A vote as VoteFields selects it; staff pages also ask for its unit and the roll's size now. */
export type VoteNode = VoteFieldsFragment & { orgUnit?: { id: string; name: string } | null; eligibleNow?: number | null };

export function voteProvenFields(v: VoteNode): Record<string, unknown> {
  return { kind: v.kind, title: v.title, status: v.status, quorumRule: v.quorumRule, majorityRule: v.majorityRule, seats: v.seats };
}
