// Server side of overview.tsx: the month's collection figures over the viewer's subtree.
import type { Route } from './+types/overview';
import { requireAccount } from '../../lib/auth.server';
import { isYearMonth } from '../../lib/dues';
import { chinaToday } from '../../lib/format';
import { PAGE_ROLES } from '../../lib/roles';
import { pageUrl } from '../../lib/session.server';
import { graphql } from '../../graphql';

const SUMMARY = graphql(`query DuesOverview($month: String) {
  duesSummary(month: $month) { month trackedMembers dueFen collectedFen collectionRateBp paidMembers unpaidMembers membersInArrears openArrearsCases }
}`);

export async function loader({ request }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.dues);
  const asked = pageUrl(request).searchParams.get('month') ?? '';
  const month = isYearMonth(asked) ? asked : chinaToday().slice(0, 7);
  const r = await ctx.query(SUMMARY, { month });
  return { summary: r.duesSummary, month, year: Number(month.slice(0, 4)) };
}
