// Server side of oversight.tsx: one query for the unit in view (default: the viewer's scope unit)
// with the path down to it, a page of its child units with their figures, and, for a branch, its
// own items. Read-only: no action.
import { data } from 'react-router';
import type { Route } from './+types/oversight';
import { graphql } from '../../graphql';
import { requireAccount } from '../../lib/auth.server';
import { PAGE_ROLES } from '../../lib/roles';
import { pageUrl } from '../../lib/session.server';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PAGE = 50;

const OVERSIGHT = graphql(`query Oversight($unit: ID, $first: Int, $after: String) {
  oversight(unitId: $unit) {
    unit { id name kind }
    leaf
    trail { id name kind }
    term { id termEnd daysLeft }
    children(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { node {
        leaf unit { id name kind }
        stepsDue stepsOverdue requestsWaiting requestsOverdue meetingSlotsOverdue termsEnding termsOverdue
      } }
    }
    steps { stepNo kind nameZh nameEn dueOn daysLeft status member { id name } }
    requests { status dueOn deadline daysLeft waitingDays request { id stepNo nameZh nameEn status member { id name } } }
    meetings { kind overdue due }
    terms { id termEnd daysLeft unit { id name } }
  }
}`);

// The same answer as the API's for a unit that does not exist (or lies outside the viewer's scope).
const notFound = () => data({ code: 'NOT_FOUND', message: 'No such unit.', messageZh: '没有这个组织。' }, { status: 404 });

export async function loader({ request, params }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.oversight);
  const unit = params.unitId ?? null;
  if (unit !== null && !UUID.test(unit)) throw notFound();
  const after = pageUrl(request).searchParams.get('after') || null;
  const r = await ctx.query(OVERSIGHT, { unit, first: PAGE, after });
  return { view: r.oversight, paged: after !== null };
}
