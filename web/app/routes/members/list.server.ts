import { pageUrl } from '../../lib/session.server';
// Server side of list.tsx: its loader and actions and the GraphQL documents they send.
import type { Route } from './+types/list';
import { requireAccount } from '../../lib/auth.server';
import { PAGE_ROLES } from '../../lib/roles';
import { isStage, isStatus } from '../../lib/stages';
import { unitOptions } from '../../lib/units.server';
import { pagingFrom } from '../../lib/portal';
import { graphql } from '../../graphql';

const PAGE_SIZE = 20;

const MEMBERS = graphql(`query Members($first: Int, $after: String, $last: Int, $before: String, $search: String, $stage: MemberStage, $status: MemberStatus, $under: ID) {
  members(first: $first, after: $after, last: $last, before: $before, search: $search, stage: $stage, status: $status, under: $under) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { node { id name gender stage status partyAgeYears orgUnit { id name } proof { status batchSeq anchor { height } } } }
  }
}`);

export async function loader({ request }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.members);
  const url = pageUrl(request);
  const p = url.searchParams;
  const search = (p.get('q') ?? '').trim().slice(0, 100);
  const stage = p.get('stage');
  const status = p.get('status');
  const under = p.get('under');
  const filters = {
    ...(search ? { search } : {}),
    ...(isStage(stage) ? { stage } : {}),
    ...(isStatus(status) ? { status } : {}),
    ...(under ? { under } : {}),
  };
  const paging = pagingFrom(url, '', PAGE_SIZE);
  const [list, units] = await Promise.all([
    ctx.query(MEMBERS, { ...filters, ...paging }),
    unitOptions(ctx),
  ]);
  return {
    filters: { q: search, stage: isStage(stage) ? stage : '', status: isStatus(status) ? status : '', under: under ?? '' },
    members: list.members,
    units,
  };
}
