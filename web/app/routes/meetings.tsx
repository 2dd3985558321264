// Meetings (organisational life): the list with filters and cursor pages, and for staff the
// cadence compliance of the branches they are responsible for (overdue periods highlighted).
import { Link, useLoaderData, useNavigation } from 'react-router';
import type { Route } from './+types/meetings';
import pageStyles from '../components/MeetingVote.css?url';
import { FilterForm } from '../components/FilterForm';
import { ListHead } from '../components/ListHead';
import { filterPageHref, PageLinks } from '../components/PageLinks';
import { ProofBadge } from '../components/ProofBadge';
import { SelectField } from '../components/SelectField';
import { TableCard } from '../components/TableCard';
import { MeetingCompliance, type ComplianceRow } from '../components/MeetingCompliance';
import { useLocale, useT } from '../i18n/use-t';
import { requireAccount } from '../lib/auth.server';
import { localMessage, type ErrorPayload } from '../lib/errors';
import { chinaToday, formatDateTime } from '../lib/format';
import { ApiError } from '../lib/graphql.server';
import { isMeetingKind, isMeetingStatus, MEETING_KINDS, MEETING_STATUSES } from '../lib/meetings';
import { titleFor } from '../lib/meta';
import type { Connection } from '../lib/portal';
import { PAGE_ROLES } from '../lib/roles';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: pageStyles }];

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.meetings.title);

const PAGE_SIZE = 20;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const MEETINGS = `query Meetings($first: Int, $after: String, $last: Int, $before: String, $kind: MeetingKind, $status: MeetingStatus, $from: Date, $to: Date) {
  meetings(first: $first, after: $after, last: $last, before: $before, kind: $kind, status: $status, from: $from, to: $to) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { node { id title kind status startsAt location orgUnitName checkInOpen proof { status batchSeq anchor { height } } } }
  }
}`;

const COMPLIANCE = `query Compliance($unitId: ID!, $from: Date!, $to: Date!) {
  meetingCompliance(unitId: $unitId, period: { from: $from, to: $to }) {
    from to
    rows { unitId unit { name } kind cadence required held met due overdue nextDeadline compliant }
  }
}`;

interface Row {
  id: string;
  title: string;
  kind: string;
  status: string;
  startsAt: string;
  location: string | null;
  orgUnitName: string;
  checkInOpen: boolean;
  proof: { status: string; batchSeq: number | null; anchor: { height: number } | null };
}

interface MeetingsResult {
  meetings: Connection<Row>;
}

type Compliance = { from: string; to: string; rows: ComplianceRow[] } | { error: ErrorPayload } | null;

export async function loader({ request }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.meetings);
  const p = new URL(request.url).searchParams;
  const kind = p.get('kind');
  const status = p.get('status');
  const from = p.get('from') ?? '';
  const to = p.get('to') ?? '';
  const after = p.get('after');
  const before = p.get('before');
  const filters = {
    kind: isMeetingKind(kind) ? kind : '',
    status: isMeetingStatus(status) ? status : '',
    from: DATE.test(from) ? from : '',
    to: DATE.test(to) ? to : '',
  };
  const vars = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== ''));
  const paging = before ? { last: PAGE_SIZE, before } : { first: PAGE_SIZE, ...(after ? { after } : {}) };
  const staff = ctx.account.role !== 'MEMBER';
  const today = chinaToday();
  const period = { from: filters.from || `${today.slice(0, 4)}-01-01`, to: filters.to || today };
  const [list, compliance] = await Promise.all([
    ctx.query<MeetingsResult>(MEETINGS, { ...vars, ...paging }),
    staff
      ? ctx
          .call<{ meetingCompliance: { from: string; to: string; rows: ComplianceRow[] } }>(COMPLIANCE, { unitId: ctx.account.scopeUnitId, ...period })
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

export default function Meetings() {
  const t = useT();
  const m = t.meetings;
  const locale = useLocale();
  const { filters, meetings, compliance, canPlan } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  return (
    <section className="page" aria-labelledby="meetings-title">
      <ListHead id="meetings-title" title={m.title} intro={m.intro} create={canPlan ? { to: '/meetings/new', label: m.plan, testId: 'plan-meeting' } : null} />
      {compliance && 'rows' in compliance ? <MeetingCompliance from={compliance.from} to={compliance.to} rows={compliance.rows} /> : null}
      {canPlan ? (
        <p>
          {/* An overdue period may be a meeting held but never entered: it can be recorded afterwards. */}
          <Link to="/meetings/new?past=1" data-testid="record-past-meeting">
            {m.pastMode}
          </Link>
        </p>
      ) : null}
      {compliance && 'error' in compliance ? (
        <p className="notice" role="status">
          {m.complianceUnavailable}
          {localMessage(compliance.error, locale)}
        </p>
      ) : null}
      <FilterForm label={m.filter} submit={m.filter} reset={{ to: '/meetings', label: m.reset }}>
        <SelectField id="kind" name="kind" label={m.kind} defaultValue={filters.kind} any={m.any} choices={MEETING_KINDS.map((k) => ({ value: k, label: m.kinds[k] }))} />
        <SelectField id="status" name="status" label={m.status} defaultValue={filters.status} any={m.any} choices={MEETING_STATUSES.map((s) => ({ value: s, label: m.statuses[s] }))} />
        <div className="field">
          <label htmlFor="from">{m.from}</label>
          <input id="from" name="from" type="date" defaultValue={filters.from} />
        </div>
        <div className="field">
          <label htmlFor="to">{m.to}</label>
          <input id="to" name="to" type="date" defaultValue={filters.to} />
        </div>
      </FilterForm>
      <p className="muted" role="status" data-testid="meetings-total">
        {m.total(meetings.totalCount)}
      </p>
      <TableCard testId="meetings-table" caption={m.title} busy={navigation.state === 'loading'} empty={meetings.edges.length === 0 ? m.none : null}>
        <thead>
          <tr>
            <th scope="col">{m.meetingTitle}</th>
            <th scope="col">{m.kind}</th>
            <th scope="col">{m.when}</th>
            <th scope="col">{m.unit}</th>
            <th scope="col">{m.status}</th>
            <th scope="col">{m.proof}</th>
          </tr>
        </thead>
        <tbody>
          {meetings.edges.map(({ node: row }) => (
            <tr key={row.id}>
              <th scope="row">
                <Link to={`/meetings/${row.id}`}>{row.title}</Link>
              </th>
              <td>{m.kinds[row.kind] ?? row.kind}</td>
              <td>{formatDateTime(row.startsAt)}</td>
              <td>{row.orgUnitName}</td>
              <td>
                <span className={`pill meeting-${row.status.toLowerCase()}`}>{m.statuses[row.status] ?? row.status}</span>
                {row.checkInOpen ? <span className="pill pill-pass">{m.checkInOpenNow}</span> : null}
              </td>
              <td>
                <ProofBadge proof={row.proof} />
              </td>
            </tr>
          ))}
        </tbody>
      </TableCard>
      <PageLinks pageInfo={meetings.pageInfo} href={filterPageHref(filters)} text={m} />
    </section>
  );
}
