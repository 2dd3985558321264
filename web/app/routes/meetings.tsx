// Meetings (organisational life): the list with filters and cursor pages, and for staff the
// cadence compliance of the branches they are responsible for (overdue periods highlighted).
import { Form, Link, useLoaderData, useNavigation } from 'react-router';
import type { Route } from './+types/meetings';
import pageStyles from '../components/MeetingVote.css?url';
import { MeetingCompliance, type ComplianceRow } from '../components/MeetingCompliance';
import { useLocale, useT } from '../i18n/use-t';
import { requireAccount } from '../lib/auth.server';
import { localMessage, type ErrorPayload } from '../lib/errors';
import { chinaToday, formatDateTime } from '../lib/format';
import { ApiError } from '../lib/graphql.server';
import { isMeetingKind, isMeetingStatus, MEETING_KINDS, MEETING_STATUSES } from '../lib/meetings';
import { titleFor } from '../lib/meta';
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
  meetings: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
    edges: Array<{ node: Row }>;
  };
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
  const keep = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== ''));
  const pageLink = (key: 'after' | 'before', cursor: string | null) => {
    const q = new URLSearchParams(keep);
    if (cursor) q.set(key, cursor);
    return `?${q.toString()}`;
  };
  return (
    <section className="page" aria-labelledby="meetings-title">
      <div className="page-head">
        <h1 id="meetings-title">{m.title}</h1>
        {canPlan ? (
          <Link to="/meetings/new" className="btn btn-primary" data-testid="plan-meeting">
            {m.plan}
          </Link>
        ) : null}
      </div>
      <p className="lead">{m.intro}</p>
      {compliance && 'rows' in compliance ? <MeetingCompliance from={compliance.from} to={compliance.to} rows={compliance.rows} /> : null}
      {compliance && 'error' in compliance ? (
        <p className="notice" role="status">
          {m.complianceUnavailable}
          {localMessage(compliance.error, locale)}
        </p>
      ) : null}
      <Form method="get" className="filters card" role="search" aria-label={m.filter}>
        <div className="field">
          <label htmlFor="kind">{m.kind}</label>
          <select id="kind" name="kind" defaultValue={filters.kind}>
            <option value="">{m.any}</option>
            {MEETING_KINDS.map((k) => (
              <option key={k} value={k}>
                {m.kinds[k]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="status">{m.status}</label>
          <select id="status" name="status" defaultValue={filters.status}>
            <option value="">{m.any}</option>
            {MEETING_STATUSES.map((s) => (
              <option key={s} value={s}>
                {m.statuses[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="from">{m.from}</label>
          <input id="from" name="from" type="date" defaultValue={filters.from} />
        </div>
        <div className="field">
          <label htmlFor="to">{m.to}</label>
          <input id="to" name="to" type="date" defaultValue={filters.to} />
        </div>
        <div className="field field-actions">
          <button type="submit" className="btn btn-primary">
            {m.filter}
          </button>
          <Link to="/meetings" className="btn btn-quiet">
            {m.reset}
          </Link>
        </div>
      </Form>
      <p className="muted" role="status" data-testid="meetings-total">
        {m.total(meetings.totalCount)}
      </p>
      <div className="table-wrap card" aria-busy={navigation.state === 'loading'}>
        <table className="table" data-testid="meetings-table">
          <caption className="visually-hidden">{m.title}</caption>
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
                  {row.proof.status === 'ANCHORED' && row.proof.anchor ? (
                    <span className="badge badge-anchored">{t.proof.batchHeight(row.proof.batchSeq ?? 0, row.proof.anchor.height)}</span>
                  ) : (
                    <span className="badge badge-pending">{t.proof.pending}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {meetings.edges.length === 0 ? <p className="empty">{m.none}</p> : null}
      </div>
      <nav className="pager" aria-label={m.page}>
        {meetings.pageInfo.hasPreviousPage ? (
          <Link to={pageLink('before', meetings.pageInfo.startCursor)} rel="prev">
            ← {m.prev}
          </Link>
        ) : (
          <span />
        )}
        {meetings.pageInfo.hasNextPage ? (
          <Link to={pageLink('after', meetings.pageInfo.endCursor)} rel="next">
            {m.next} →
          </Link>
        ) : null}
      </nav>
    </section>
  );
}
