// Refusals of the voting workflow. Each has its own machine code (extensions.code), like the
// pipeline's rule codes, so a client can tell "you already voted" from "the vote is closed".
import type { GraphQLError } from 'graphql';
import type { RuleCode } from '@lianjian/rules/pipeline';
import { appError, defineCodes, ErrorCode } from '../../shared/errors.js';

export const VoteErrorCode = {
  ...defineCodes('votes', {
    VOTE_NOT_DRAFT: { en: 'The vote is not in the state the action needs (e.g. opening an open vote).', zh: '表决当前状态不允许此操作（如重复开启）。' },
    VOTE_NOT_OPEN: { en: 'The vote is not open (draft, closed, tallied or past its closing time).', zh: '表决未在进行中（草稿、已截止、已计票或已过截止时间）。' },
    NO_ELIGIBLE_VOTERS: { en: 'No full member with voting rights in the unit: the roll would be empty.', zh: '该组织没有有表决权的正式党员，名册为空。' },
    ALREADY_VOTED: { en: 'The caller has already cast a ballot in this vote.', zh: '已在本次表决中投票。' },
    BALLOTS_SEALED: { en: 'Ballots (and their proofs) stay sealed until the vote is tallied.', zh: '计票前选票及其证明保持密封。' },
    VOTE_NOT_TALLIED: { en: 'A step or decision names a vote that has not been closed and tallied.', zh: '步骤或决议引用的表决尚未截止并计票。' },
  }),
  /** The caller is not on the roll frozen at opening (extensions.reason says why). */
  NOT_ELIGIBLE: ErrorCode.NOT_ELIGIBLE,
  /** A step or decision names a tallied vote whose quorum was not met: the pipeline rule's code. */
  QUORUM_NOT_MET: 'QUORUM_NOT_MET' satisfies RuleCode,
  /** A step or decision names a tallied vote that did not pass: the pipeline rule's code. */
  VOTE_NOT_PASSED: 'VOTE_NOT_PASSED' satisfies RuleCode,
} as const;
export type VoteErrorCode = (typeof VoteErrorCode)[keyof typeof VoteErrorCode];

export function voteError(code: VoteErrorCode, message: string, messageZh: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return appError(code, message, { messageZh, extensions });
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
