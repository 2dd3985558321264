// Refusals of the voting workflow. Each has its own machine code (extensions.code), like the
// pipeline's rule codes, so a client can tell "you already voted" from "the vote is closed".
import { GraphQLError } from 'graphql';

export const VoteErrorCode = {
  /** The vote is not in the state the action needs (e.g. opening an open vote). */
  VOTE_NOT_DRAFT: 'VOTE_NOT_DRAFT',
  /** Casting on, or closing, a vote that is not open (draft, closed, tallied, past closesAt). */
  VOTE_NOT_OPEN: 'VOTE_NOT_OPEN',
  /** No full member with voting rights in the unit: the roll would be empty. */
  NO_ELIGIBLE_VOTERS: 'NO_ELIGIBLE_VOTERS',
  /** The caller is not on the roll frozen at opening (extensions.reason says why). */
  NOT_ELIGIBLE: 'NOT_ELIGIBLE',
  ALREADY_VOTED: 'ALREADY_VOTED',
  /** Ballots (and their proofs) stay sealed until the vote is tallied. */
  BALLOTS_SEALED: 'BALLOTS_SEALED',
  /** A step or decision names a vote that has not been closed and tallied. */
  VOTE_NOT_TALLIED: 'VOTE_NOT_TALLIED',
  /** A step or decision names a tallied vote that did not pass (quorum met, majority not reached). */
  VOTE_NOT_PASSED: 'VOTE_NOT_PASSED',
  /** A step or decision names a tallied vote whose quorum was not met. */
  QUORUM_NOT_MET: 'QUORUM_NOT_MET',
} as const;
export type VoteErrorCode = (typeof VoteErrorCode)[keyof typeof VoteErrorCode];

export function voteError(code: VoteErrorCode, message: string, messageZh: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, messageZh, ...extensions } });
}

const STATUS_ZH: Record<string, string> = { DRAFT: '草稿', OPEN: '投票中', CLOSED: '已截止', TALLIED: '已计票', CANCELLED: '已取消' };
export const statusZh = (s: string): string => STATUS_ZH[s] ?? s;

/** Why a tallied vote cannot back a step or a decision, or null when it passed. */
export function unpassedVoteError(vote: { id: string; status: string }, tally: { quorumMet: boolean; passed: boolean | null } | null): GraphQLError | null {
  if (vote.status !== 'TALLIED' || !tally) {
    return voteError(
      VoteErrorCode.VOTE_NOT_TALLIED,
      `Vote ${vote.id} is ${vote.status}: only a closed and tallied vote can be used.`,
      `表决 ${vote.id} 状态为「${statusZh(vote.status)}」：只能引用已截止并计票的表决。`,
      { voteId: vote.id, status: vote.status },
    );
  }
  if (!tally.quorumMet) {
    return voteError(VoteErrorCode.QUORUM_NOT_MET, `Vote ${vote.id} did not reach its quorum, so it did not pass.`, `表决 ${vote.id} 未达到法定人数，未获通过。`, { voteId: vote.id });
  }
  if (!tally.passed) {
    return voteError(VoteErrorCode.VOTE_NOT_PASSED, `Vote ${vote.id} did not pass: the majority its rule requires was not reached.`, `表决 ${vote.id} 未获通过：赞成票未达到规定的多数。`, { voteId: vote.id });
  }
  return null;
}
