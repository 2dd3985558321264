// Meetings (organisational life): the list with filters and cursor pages, and for staff the
// cadence compliance of the branches they are responsible for (overdue periods highlighted).
import { Link, useLoaderData } from 'react-router';
import type { Route } from './+types/list';
import pageStyles from '../../components/MeetingVote.css?url';
import { ListHead } from '../../components/ListHead';
import { ListPage } from '../../components/ListPage';
import { MeetingCompliance } from '../../components/MeetingCompliance';
import { Field } from '../../components/MeetingFields';
import { ProofCell } from '../../components/ProofBadge';
import { choicesOf, SelectField } from '../../components/SelectField';
import { RowHead } from '../../components/TableCard';
import { useLocale, useT } from '../../i18n/use-t';
import { localMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { MEETING_KINDS, MEETING_STATUSES } from '../../lib/meetings';
import { titleFor } from '../../lib/meta';
import type { loader } from './list.server';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: pageStyles }];

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.meetings.title);

export { loader } from './list.server';

export default function Meetings() {
  const t = useT();
  const m = t.meetings;
  const locale = useLocale();
  const { filters, meetings, compliance, canPlan } = useLoaderData<typeof loader>();
  return (
    <ListPage
      id="meetings"
      head={<ListHead id="meetings-title" title={m.title} intro={m.intro} create={canPlan ? { to: '/meetings/new', label: m.plan, testId: 'plan-meeting' } : null} />}
      before={
        <>
          {compliance && 'rows' in compliance ? <MeetingCompliance from={compliance.from} to={compliance.to} rows={compliance.rows} totals={compliance.totals} /> : null}
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
        </>
      }
      text={m}
      filter={{
        reset: '/meetings',
        query: filters,
        fields: (
          <>
            <SelectField id="kind" name="kind" label={m.kind} defaultValue={filters.kind} any={m.any} choices={choicesOf(MEETING_KINDS, m.kinds)} />
            <SelectField id="status" name="status" label={m.status} defaultValue={filters.status} any={m.any} choices={choicesOf(MEETING_STATUSES, m.statuses)} />
            <Field boxed id="from" name="from" label={m.from} type="date" defaultValue={filters.from} />
            <Field boxed id="to" name="to" label={m.to} type="date" defaultValue={filters.to} />
          </>
        ),
      }}
      total={m.total(meetings.totalCount)}
      table={{ caption: m.title, empty: meetings.edges.length === 0 ? m.none : null, columns: [m.meetingTitle, m.kind, m.when, m.unit, m.status, m.proof] }}
      pageInfo={meetings.pageInfo}
    >
      {meetings.edges.map(({ node: row }) => (
        <tr key={row.id}>
          <RowHead to={`/meetings/${row.id}`} name={row.title} />
          <td>{m.kinds[row.kind] ?? row.kind}</td>
          <td>{formatDateTime(row.startsAt)}</td>
          <td><bdi>{row.orgUnitName}</bdi></td>
          <td>
            <span className={`pill meeting-${row.status.toLowerCase()}`}>{m.statuses[row.status] ?? row.status}</span>
            {row.checkInOpen ? <span className="pill pill-pass">{m.checkInOpenNow}</span> : null}
          </td>
          <ProofCell proof={row.proof} />
        </tr>
      ))}
    </ListPage>
  );
}
