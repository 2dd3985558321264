// Votes and elections: staff see those of their subtree, members the ones whose roll holds
// them (with whether they have voted). Status filter and cursor pages.
import { Link, useLoaderData, useNavigation } from 'react-router';
import type { Route } from './+types/list';
import pageStyles from '../../components/MeetingVote.css?url';
import { ListHead } from '../../components/ListHead';
import { ListPage } from '../../components/ListPage';
import { filterPageHref } from '../../components/PageLinks';
import { ProofBadge } from '../../components/ProofBadge';
import { SelectField } from '../../components/SelectField';
import { useT } from '../../i18n/use-t';
import { formatDateTime } from '../../lib/format';
import { titleFor } from '../../lib/meta';
import { VOTE_STATUSES } from '../../lib/votes';
import type { loader } from './list.server';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: pageStyles }];

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.votes.title);

export { loader } from './list.server';

export default function Votes() {
  const t = useT();
  const v = t.votes;
  const { filters, votes, canCreate, hasMember } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  return (
    <ListPage
      titleId="votes-title"
      head={<ListHead id="votes-title" title={v.title} intro={v.intro} create={canCreate ? { to: '/votes/new', label: v.create, testId: 'new-vote' } : null} />}
      filter={{
        label: v.filter,
        submit: v.filter,
        reset: { to: '/votes', label: v.reset },
        fields: (
          <>
            <SelectField id="status" name="status" label={v.status} defaultValue={filters.status} any={v.any} choices={VOTE_STATUSES.map((s) => ({ value: s, label: v.statuses[s] }))} />
          </>
        ),
      }}
      total={{ testId: 'votes-total', text: v.total(votes.totalCount) }}
      table={{ testId: 'votes-table', caption: v.title, busy: navigation.state === 'loading', empty: votes.edges.length === 0 ? v.none : null }}
      pager={{ pageInfo: votes.pageInfo, href: filterPageHref(filters), text: v }}
    >
      <thead>
        <tr>
          <th scope="col">{v.voteTitle}</th>
          <th scope="col">{v.kind}</th>
          <th scope="col">{v.unit}</th>
          <th scope="col">{v.status}</th>
          <th scope="col">{v.created}</th>
          {hasMember ? <th scope="col">{v.myBallot}</th> : null}
          <th scope="col">{v.proof}</th>
        </tr>
      </thead>
      <tbody>
        {votes.edges.map(({ node: row }) => (
          <tr key={row.id}>
            <th scope="row">
              <Link to={`/votes/${row.id}`}><bdi>{row.title}</bdi></Link>
            </th>
            <td>{v.kinds[row.kind] ?? row.kind}</td>
            <td><bdi>{row.orgUnit?.name ?? '—'}</bdi></td>
            <td>
              <span className="pill">{v.statuses[row.status] ?? row.status}</span>
              {row.tally && row.tally.passed !== null ? <span className={row.tally.passed ? 'pill pill-pass' : 'pill pill-fail'}>{row.tally.passed ? v.carried : v.rejected}</span> : null}
            </td>
            <td>{formatDateTime(row.createdAt)}</td>
            {hasMember ? <td>{row.hasVoted ? <span className="pill pill-pass">{v.voted}</span> : row.status === 'OPEN' ? <span className="pill pill-skip">{v.notVoted}</span> : '—'}</td> : null}
            <td>
              <ProofBadge proof={row.proof} />
            </td>
          </tr>
        ))}
      </tbody>
    </ListPage>
  );
}
