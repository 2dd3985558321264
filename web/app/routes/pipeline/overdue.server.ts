import { pageUrl } from '../../lib/session.server';
// Server side of overdue.tsx: its loader and actions and the GraphQL documents they send.
import type { Route } from './+types/overdue';
import { requireAccount } from '../../lib/auth.server';
import { PAGE_ROLES } from '../../lib/roles';
import { graphql } from '../../graphql';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

// withinDays: 0 with only the past-due statuses: exactly what the dashboard's tile counts (50 a page).
const IN_UNIT = graphql(`query OverdueIn($unit: ID!, $asOf: Date, $after: String) {
  orgUnit(id: $unit) { id name }
  pipelineDue(unitId: $unit, asOf: $asOf, withinDays: 0, status: [OVERDUE, EXPIRED], first: 50, after: $after) { ...OverdueItems }
}`);

const IN_SCOPE = graphql(`query Overdue($asOf: Date, $after: String) {
  me { account { scopeUnit { id name } } }
  pipelineDue(asOf: $asOf, withinDays: 0, status: [OVERDUE, EXPIRED], first: 50, after: $after) { ...OverdueItems }
}`);

graphql(`fragment OverdueItems on PipelineDueConnection {
  totalCount pageInfo { hasNextPage endCursor }
  edges { node { stepNo kind nameZh nameEn dueOn deadline daysLeft status member { id name orgUnit { id name } } } }
}`);

export async function loader({ request }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.overdue);
  const p = pageUrl(request).searchParams;
  const unit = UUID.test(p.get('unit') ?? '') ? p.get('unit')! : null;
  const asOf = DATE.test(p.get('asOf') ?? '') ? p.get('asOf')! : null;
  const after = p.get('after') || null;
  const r = unit
    ? await ctx.query(IN_UNIT, { unit, asOf, after })
    : await ctx.query(IN_SCOPE, { asOf, after }).then((x) => {
        if (!x.me.account) throw new Error('the API did not return the signed-in account');
        return { orgUnit: x.me.account.scopeUnit, pipelineDue: x.pipelineDue };
      });
  return { unit: r.orgUnit, asOf, paged: after !== null, items: r.pipelineDue, keep: { unit, asOf } };
}
