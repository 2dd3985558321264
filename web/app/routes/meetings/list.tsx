// Meetings (organisational life): the list with filters and cursor pages, and for staff the
// cadence compliance of the branches they are responsible for (overdue periods highlighted).
import { Link, useLoaderData, useNavigation } from 'react-router';
import type { Route } from './+types/list';
import pageStyles from '../../components/MeetingVote.css?url';
import { ListHead } from '../../components/ListHead';
import { ListPage } from '../../components/ListPage';
import { filterPageHref } from '../../components/PageLinks';
import { ProofBadge } from '../../components/ProofBadge';
import { SelectField } from '../../components/SelectField';
import { MeetingCompliance } from '../../components/MeetingCompliance';
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
  const navigation = useNavigation();
  return (
    <ListPage
      titleId="meetings-title"
      head={<ListHead id="meetings-title" title={m.title} intro={m.intro} create={canPlan ? { to: '/meetings/new', label: m.plan, testId: 'plan-meeting' } : null} />}
      before={
        <>
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
        </>
      }
      filter={{
        label: m.filter,
        submit: m.filter,
        reset: { to: '/meetings', label: m.reset },
        fields: (
          <>
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
          </>
        ),
      }}
      total={{ testId: 'meetings-total', text: m.total(meetings.totalCount) }}
      table={{ testId: 'meetings-table', caption: m.title, busy: navigation.state === 'loading', empty: meetings.edges.length === 0 ? m.none : null }}
      pager={{ pageInfo: meetings.pageInfo, href: filterPageHref(filters), text: m }}
    >
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
              <Link to={`/meetings/${row.id}`}><bdi>{row.title}</bdi></Link>
            </th>
            <td>{m.kinds[row.kind] ?? row.kind}</td>
            <td>{formatDateTime(row.startsAt)}</td>
            <td><bdi>{row.orgUnitName}</bdi></td>
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
    </ListPage>
  );
}
