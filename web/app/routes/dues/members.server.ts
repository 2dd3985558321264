// Server side of members.tsx: a page of members with a base for the year, each with their
// statement's figures (arrears per member), in one API list (duesMembers) rather than a
// statement per member.
import type { Route } from './+types/members';
import { requireAccount } from '../../lib/auth.server';
import { yearParam } from '../../lib/dues';
import { chinaToday } from '../../lib/format';
import { pagingFrom } from '../../lib/portal';
import { PAGE_ROLES } from '../../lib/roles';
import { pageUrl } from '../../lib/session.server';
import { graphql } from '../../graphql';

const MEMBERS = graphql(`query DuesMembersList($year: Int, $onlyInArrears: Boolean, $first: Int, $after: String, $last: Int, $before: String) {
  duesMembers(year: $year, onlyInArrears: $onlyInArrears, first: $first, after: $after, last: $last, before: $before) {
    totalCount
    pageInfo { ...PageFields }
    edges { node { memberId memberName unitName category monthlyDueFen baseStatus dueFen paidFen unpaidMonths consecutiveUnpaidMonths openCaseId openCaseFromMonth openCaseMonths } }
  }
}`);

export async function loader({ request }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.dues);
  const url = pageUrl(request);
  const year = yearParam(url.searchParams.get('year'), Number(chinaToday().slice(0, 4)));
  const onlyInArrears = url.searchParams.get('arrears') === '1';
  const r = await ctx.query(MEMBERS, { year, onlyInArrears, ...pagingFrom(url) });
  return {
    year,
    onlyInArrears,
    thisYear: Number(chinaToday().slice(0, 4)),
    rows: r.duesMembers.edges.map((e) => e.node),
    totalCount: r.duesMembers.totalCount,
    pageInfo: r.duesMembers.pageInfo,
  };
}
