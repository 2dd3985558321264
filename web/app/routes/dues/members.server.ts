// Server side of members.tsx: a page of members with a base for the year, each with their
// statement's totals and unpaid months (arrears per member).
import type { Route } from './+types/members';
import { requireAccount } from '../../lib/auth.server';
import { yearParam } from '../../lib/dues';
import { chinaToday } from '../../lib/format';
import { pagingFrom } from '../../lib/portal';
import { PAGE_ROLES } from '../../lib/roles';
import { pageUrl } from '../../lib/session.server';
import { graphql } from '../../graphql';

const BASES = graphql(`query DuesMemberBases($year: Int, $first: Int, $after: String, $last: Int, $before: String) {
  duesBases(year: $year, first: $first, after: $after, last: $last, before: $before) {
    pageInfo { ...PageFields }
    edges { node { id memberId memberName category monthlyDueFen status } }
  }
}`);

const TOTALS = graphql(`query DuesMemberTotals($memberId: ID!, $year: Int) {
  duesStatement(memberId: $memberId, year: $year) { memberId dueFen paidFen months { month status } }
}`);

export async function loader({ request }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.dues);
  const url = pageUrl(request);
  const year = yearParam(url.searchParams.get('year'), Number(chinaToday().slice(0, 4)));
  const r = await ctx.query(BASES, { year, ...pagingFrom(url) });
  // The API has no per-member arrears list: each member's statement gives their totals (one page
  // of members at a time, so at most a page's worth of statements).
  const statements = await Promise.all(r.duesBases.edges.map((e) => ctx.query(TOTALS, { memberId: e.node.memberId, year })));
  const rows = r.duesBases.edges.map((e, i) => {
    const s = statements[i]!.duesStatement;
    return { ...e.node, dueFen: s.dueFen, paidFen: s.paidFen, unpaid: s.months.filter((m) => m.status === 'UNPAID').map((m) => m.month) };
  });
  return { year, thisYear: Number(chinaToday().slice(0, 4)), rows, pageInfo: r.duesBases.pageInfo };
}
