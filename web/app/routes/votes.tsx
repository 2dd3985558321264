// Votes and elections: staff see those of their subtree, members the ones whose roll holds
// them (with whether they have voted). Status filter and cursor pages.
import { Link, useLoaderData, useNavigation } from 'react-router';
import type { Route } from './+types/votes';
import pageStyles from '../components/MeetingVote.css?url';
import { FilterForm } from '../components/FilterForm';
import { ListHead } from '../components/ListHead';
import { filterPageHref, PageLinks } from '../components/PageLinks';
import { ProofBadge } from '../components/ProofBadge';
import { SelectField } from '../components/SelectField';
import { TableCard } from '../components/TableCard';
import { useT } from '../i18n/use-t';
import { requireAccount } from '../lib/auth.server';
import { formatDateTime } from '../lib/format';
import { WRITER_ROLES } from '../lib/meetings';
import { titleFor } from '../lib/meta';
import type { Connection } from '../lib/portal';
import { PAGE_ROLES } from '../lib/roles';
import { isVoteStatus, VOTE_STATUSES } from '../lib/votes';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: pageStyles }];

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.votes.title);

const PAGE_SIZE = 20;

const votesQuery = (staff: boolean) => `query Votes($first: Int, $after: String, $last: Int, $before: String, $status: VoteStatus) {
  votes(first: $first, after: $after, last: $last, before: $before, status: $status) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { node { id title kind status createdAt closedAt eligibleCount hasVoted ${staff ? 'orgUnit { name }' : ''} tally { passed ballotsCast } proof { status batchSeq anchor { height } } } }
  }
}`;

interface Row {
  id: string;
  title: string;
  kind: string;
  status: string;
  createdAt: string;
  closedAt: string | null;
  eligibleCount: number | null;
  hasVoted: boolean | null;
  orgUnit?: { name: string };
  tally: { passed: boolean | null; ballotsCast: number } | null;
  proof: { status: string; batchSeq: number | null; anchor: { height: number } | null };
}

export async function loader({ request }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.votes);
  const p = new URL(request.url).searchParams;
  const status = p.get('status');
  const after = p.get('after');
  const before = p.get('before');
  const filters = { status: isVoteStatus(status) ? status : '' };
  const paging = before ? { last: PAGE_SIZE, before } : { first: PAGE_SIZE, ...(after ? { after } : {}) };
  // The demo's admin and leader accounts have no member record: `hasVoted` is null for them.
  const r = await ctx.query<{
    votes: Connection<Row>;
  }>(votesQuery(ctx.account.role !== 'MEMBER'), { ...(filters.status ? { status: filters.status } : {}), ...paging });
  return { filters, votes: r.votes, canCreate: (WRITER_ROLES as readonly string[]).includes(ctx.account.role), hasMember: ctx.account.memberId !== null };
}

export default function Votes() {
  const t = useT();
  const v = t.votes;
  const { filters, votes, canCreate, hasMember } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  return (
    <section className="page" aria-labelledby="votes-title">
      <ListHead id="votes-title" title={v.title} intro={v.intro} create={canCreate ? { to: '/votes/new', label: v.create, testId: 'new-vote' } : null} />
      <FilterForm label={v.filter} submit={v.filter} reset={{ to: '/votes', label: v.reset }}>
        <SelectField id="status" name="status" label={v.status} defaultValue={filters.status} any={v.any} choices={VOTE_STATUSES.map((s) => ({ value: s, label: v.statuses[s] }))} />
      </FilterForm>
      <p className="muted" role="status" data-testid="votes-total">
        {v.total(votes.totalCount)}
      </p>
      <TableCard testId="votes-table" caption={v.title} busy={navigation.state === 'loading'} empty={votes.edges.length === 0 ? v.none : null}>
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
                <Link to={`/votes/${row.id}`}>{row.title}</Link>
              </th>
              <td>{v.kinds[row.kind] ?? row.kind}</td>
              <td>{row.orgUnit?.name ?? '—'}</td>
              <td>
                <span className="pill">{v.statuses[row.status] ?? row.status}</span>
                {row.tally && row.tally.passed !== null ? (
                  <span className={row.tally.passed ? 'pill pill-pass' : 'pill pill-fail'}>{row.tally.passed ? v.carried : v.rejected}</span>
                ) : null}
              </td>
              <td>{formatDateTime(row.createdAt)}</td>
              {hasMember ? <td>{row.hasVoted ? <span className="pill pill-pass">{v.voted}</span> : row.status === 'OPEN' ? <span className="pill pill-skip">{v.notVoted}</span> : '—'}</td> : null}
              <td>
                <ProofBadge proof={row.proof} />
              </td>
            </tr>
          ))}
        </tbody>
      </TableCard>
      <PageLinks pageInfo={votes.pageInfo} href={filterPageHref(filters)} text={v} />
    </section>
  );
}
