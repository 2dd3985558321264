import { pageUrl } from '../../lib/session.server';
// The appraisal page's data: the campaigns, the branches a secretary may create one for, and the
// campaign opened (?id=) with its roster and ratings — staff and members see different fields.
import type { Route } from './+types/appraisal';
import { graphql } from '../../graphql';
import { requireAccount } from '../../lib/auth.server';
import { PAGE_ROLES } from '../../lib/roles';

const LIST = graphql(`query StaffCampaigns { appraisalCampaigns(first: 50) { totalCount edges { node { id year title status opensOn closesOn orgUnit { name } } } } }`);

// A member's campaigns are their own branch's, and a member in a group below the branch may not
// read the branch's org unit (FORBIDDEN): their queries leave the unit out.
const MEMBER_LIST = graphql(`query MemberCampaigns { appraisalCampaigns(first: 50) { totalCount edges { node { id year title status opensOn closesOn } } } }`);

const UNITS = graphql(`query Branches { orgUnits(first: 100, maxDepth: 3, kind: BRANCH) { edges { node { id name } } } }`);

const STAFF_DETAIL = graphql(`query StaffCampaign($id: ID!) { appraisalCampaign(id: $id) {
  id version year title status excellentCap orgUnit { name }
  roster { memberId name stage peerTally { excellent qualified basicallyQualified unqualified } }
  results(first: 100) { edges { node { memberId rating notifiedAt } } }
} }`);

const MEMBER_DETAIL = graphql(`query MemberCampaign($id: ID!) { appraisalCampaign(id: $id) {
  id version year title status roster { memberId name stage }
  mySelfAssessment { rating summary }
} }`);

export async function loader({ request }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.appraisal);
  const staff = ctx.account.role !== 'MEMBER';
  const id = pageUrl(request).searchParams.get('id');
  const [list, units, detail] = await Promise.all([
    staff ? ctx.query(LIST) : ctx.query(MEMBER_LIST),
    staff ? ctx.query(UNITS) : null,
    id ? (staff ? ctx.query(STAFF_DETAIL, { id }) : ctx.query(MEMBER_DETAIL, { id })) : null,
  ]);
  return {
    staff,
    myMemberId: ctx.account.memberId ?? null,
    campaigns: list.appraisalCampaigns.edges.map((e) => e.node),
    branches: units?.orgUnits.edges.map((e) => e.node) ?? [],
    detail: detail?.appraisalCampaign ?? null,
    year: new Date().getUTCFullYear() - 1,
  };
}
