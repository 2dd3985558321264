// Shapes shared by the appraisal page, its campaign view and its forms.
import type { FieldError } from '../../lib/graphql.server';
import type { ErrorPayload } from '../../lib/errors';
import type { MemberCampaignQuery, StaffCampaignQuery } from '../../graphql/graphql';

/** The ratings in the order the forms offer them. */
export const RATINGS = ['EXCELLENT', 'QUALIFIED', 'BASICALLY_QUALIFIED', 'UNQUALIFIED'] as const;

type StaffCampaign = StaffCampaignQuery['appraisalCampaign'];
type MemberCampaign = MemberCampaignQuery['appraisalCampaign'];

/** The campaign opened (?id=): what staff see, or what a member sees (the generated query types, merged). */
export type Detail = Omit<MemberCampaign, 'roster' | 'mySelfAssessment'> &
  Partial<Pick<MemberCampaign, 'mySelfAssessment'>> &
  Partial<Pick<StaffCampaign, 'excellentCap' | 'orgUnit' | 'results'>> & {
    roster: Array<MemberCampaign['roster'][number] & Partial<Pick<StaffCampaign['roster'][number], 'peerTally'>>>;
  };

export type ActionResult = { ok: true; intent: string; id?: string } | { ok: false; intent: string; error: ErrorPayload; fields: FieldError[] };
