// Votes and elections: staff see those of their subtree, members the ones whose roll holds
// them (with whether they have voted). Status filter and cursor pages.
import { useLoaderData } from 'react-router';
import type { Route } from './+types/list';
import pageStyles from '../../components/MeetingVote.css?url';
import { ListHead } from '../../components/ListHead';
import { ListPage } from '../../components/ListPage';
import { ProofCell } from '../../components/ProofBadge';
import { choicesOf, SelectField } from '../../components/SelectField';
import { RowHead } from '../../components/TableCard';
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
  return (
    <ListPage
      id="votes"
      head={<ListHead id="votes-title" title={v.title} intro={v.intro} create={canCreate ? { to: '/votes/new', label: v.create, testId: 'new-vote' } : null} />}
      text={v}
      filter={{ reset: '/votes', query: filters, fields: <SelectField id="status" name="status" label={v.status} defaultValue={filters.status} any={v.any} choices={choicesOf(VOTE_STATUSES, v.statuses)} /> }}
      total={v.total(votes.totalCount)}
      table={{ caption: v.title, empty: votes.edges.length === 0 ? v.none : null, columns: [v.voteTitle, v.kind, v.unit, v.status, v.created, hasMember && v.myBallot, v.proof] }}
      pageInfo={votes.pageInfo}
    >
      {votes.edges.map(({ node: row }) => (
        <tr key={row.id}>
          <RowHead to={`/votes/${row.id}`} name={row.title} />
          <td>{v.kinds[row.kind] ?? row.kind}</td>
          <td><bdi>{row.orgUnit?.name ?? '—'}</bdi></td>
          <td>
            <span className="pill">{v.statuses[row.status] ?? row.status}</span>
            {row.tally && row.tally.passed !== null ? <span className={row.tally.passed ? 'pill pill-pass' : 'pill pill-fail'}>{row.tally.passed ? v.carried : v.rejected}</span> : null}
          </td>
          <td>{formatDateTime(row.createdAt)}</td>
          {hasMember ? <td>{row.hasVoted ? <span className="pill pill-pass">{v.voted}</span> : row.status === 'OPEN' ? <span className="pill pill-skip">{v.notVoted}</span> : '—'}</td> : null}
          <ProofCell proof={row.proof} />
        </tr>
      ))}
    </ListPage>
  );
}
