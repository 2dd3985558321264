import { pageUrl } from '../../lib/session.server';
// Server side of list.tsx: its loader and actions and the GraphQL documents they send.
import type { Route } from './+types/list';
import { type ComplianceRow, type ComplianceTotal } from '../../components/MeetingCompliance';
import { requireAccount } from '../../lib/auth.server';
import { type ErrorPayload } from '../../lib/errors';
import { chinaToday } from '../../lib/format';
import { ApiError } from '../../lib/graphql.server';
import { isMeetingKind, isMeetingStatus } from '../../lib/meetings';
import { PAGE_ROLES } from '../../lib/roles';
import { pagingFrom } from '../../lib/portal';
import { graphql } from '../../graphql';

const PAGE_SIZE = 20;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const MEETINGS = graphql(`query Meetings($first: Int, $after: String, $last: Int, $before: String, $kind: MeetingKind, $status: MeetingStatus, $from: Date, $to: Date) {
  meetings(first: $first, after: $after, last: $last, before: $before, kind: $kind, status: $status, from: $from, to: $to) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { node { id title kind status startsAt location orgUnitName checkInOpen proof { status batchSeq anchor { height } } } }
  }
}`);

const COMPLIANCE = graphql(`query Compliance($unitId: ID!, $from: Date!, $to: Date!) {
  meetingCompliance(unitId: $unitId, period: { from: $from, to: $to }) {
    from to
    rows { unitId unit { name } kind cadence required held met due overdue nextDeadline compliant appraised talkedWith toTalkWith }
    totals { kind cadence branches required held met due overdue nextDeadline compliant appraised talkedWith toTalkWith }
  }
}`);

type Compliance = { from: string; to: string; rows: ComplianceRow[]; totals: ComplianceTotal[] } | { error: ErrorPayload } | null;

export async function loader({ request }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.meetings);
  const url = pageUrl(request);
  const p = url.searchParams;
  const kind = p.get('kind');
  const status = p.get('status');
  const from = p.get('from') ?? '';
  const to = p.get('to') ?? '';
  const filters = {
    kind: isMeetingKind(kind) ? kind : '',
    status: isMeetingStatus(status) ? status : '',
    from: DATE.test(from) ? from : '',
    to: DATE.test(to) ? to : '',
  };
  const vars = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== ''));
  const paging = pagingFrom(url, '', PAGE_SIZE);
  const staff = ctx.account.role !== 'MEMBER';
  const today = chinaToday();
  const period = { from: filters.from || `${today.slice(0, 4)}-01-01`, to: filters.to || today };
  const [list, compliance] = await Promise.all([
    ctx.query(MEETINGS, { ...vars, ...paging }),
    staff
      ? ctx
          .call(COMPLIANCE, { unitId: ctx.account.scopeUnitId, ...period })
          .then((r): Compliance => r.meetingCompliance)
          .catch((error: unknown): Compliance => {
            // A scope the report does not cover (a party group) still shows the list.
            if (error instanceof ApiError && error.code === 'BAD_USER_INPUT') return { error: error.payload() };
            throw error;
          })
      : Promise.resolve<Compliance>(null),
  ]);
  return { filters, meetings: list.meetings, compliance, canPlan: ctx.account.role === 'SECRETARY' || ctx.account.role === 'ADMIN' };
}
