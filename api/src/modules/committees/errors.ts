// Refusals of the committee rules with their own codes.
import type { GraphQLError } from 'graphql';
import { appError, defineCodes } from '../../shared/errors.js';
import { MIN_FULL_MEMBERS_FOR_COMMITTEE } from './terms.js';

export const CommitteeCode = defineCodes('committees', {
  COMMITTEE_TOO_FEW_MEMBERS: {
    en: 'A branch of fewer than 7 full members has a secretary (and at most one deputy) and no committee; `extensions.fullMembers` gives its count.',
    zh: '正式党员不足 7 人的党支部不设支部委员会，只设书记（必要时设副书记 1 人）；`extensions.fullMembers` 为其正式党员人数。',
  },
});

export function tooFewMembers(name: string, fullMembers: number): GraphQLError {
  return appError(
    CommitteeCode.COMMITTEE_TOO_FEW_MEMBERS,
    `${name} has ${fullMembers} full member${fullMembers === 1 ? '' : 's'}, fewer than ${MIN_FULL_MEMBERS_FOR_COMMITTEE}: it has a secretary (and at most one deputy secretary), not a committee. Set it up as SECRETARY_ONLY.`,
    {
      messageZh: `${name} 只有 ${fullMembers} 名正式党员，不足 ${MIN_FULL_MEMBERS_FOR_COMMITTEE} 人：不设支部委员会，只设书记（必要时设副书记 1 人）。请按"只设书记"设立。`,
      extensions: { fullMembers },
    },
  );
}
