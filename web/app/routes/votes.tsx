// Votes and elections: staff see those of their subtree, members the ones whose roll holds
// them (with whether they have voted). Status filter and cursor pages.
import { Form, Link, useLoaderData, useNavigation } from 'react-router';
import type { Route } from './+types/votes';
import pageStyles from '../components/MeetingVote.css?url';
import { ProofBadge } from '../components/MeetingFields';
import { useT } from '../i18n/use-t';
import { requireAccount } from '../lib/auth.server';
import { formatDateTime } from '../lib/format';
import { WRITER_ROLES } from '../lib/meetings';
import { titleFor } from '../lib/meta';
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
    votes: { totalCount: number; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null }; edges: Array<{ node: Row }> };
  }>(votesQuery(ctx.account.role !== 'MEMBER'), { ...(filters.status ? { status: filters.status } : {}), ...paging });
  return { filters, votes: r.votes, canCreate: (WRITER_ROLES as readonly string[]).includes(ctx.account.role), hasMember: ctx.account.memberId !== null };
}

export default function Votes() {
  const t = useT();
  const v = t.votes;
  const { filters, votes, canCreate, hasMember } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const pageLink = (key: 'after' | 'before', cursor: string | null) => {
    const q = new URLSearchParams(filters.status ? { status: filters.status } : {});
    if (cursor) q.set(key, cursor);
    return `?${q.toString()}`;
  };
  return (
    <section className="page" aria-labelledby="votes-title">
      <div className="page-head">
        <h1 id="votes-title">{v.title}</h1>
        {canCreate ? (
          <Link to="/votes/new" className="btn btn-primary" data-testid="new-vote">
            {v.create}
          </Link>
        ) : null}
      </div>
      <p className="lead">{v.intro}</p>
      <Form method="get" className="filters card" role="search" aria-label={v.filter}>
        <div className="field">
          <label htmlFor="status">{v.status}</label>
          <select id="status" name="status" defaultValue={filters.status}>
            <option value="">{v.any}</option>
            {VOTE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {v.statuses[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-actions">
          <button type="submit" className="btn btn-primary">
            {v.filter}
          </button>
          <Link to="/votes" className="btn btn-quiet">
            {v.reset}
          </Link>
        </div>
      </Form>
      <p className="muted" role="status" data-testid="votes-total">
        {v.total(votes.totalCount)}
      </p>
      <div className="table-wrap card" aria-busy={navigation.state === 'loading'}>
        <table className="table" data-testid="votes-table">
          <caption className="visually-hidden">{v.title}</caption>
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
        </table>
        {votes.edges.length === 0 ? <p className="empty">{v.none}</p> : null}
      </div>
      <nav className="pager" aria-label={v.page}>
        {votes.pageInfo.hasPreviousPage ? (
          <Link to={pageLink('before', votes.pageInfo.startCursor)} rel="prev">
            ← {v.prev}
          </Link>
        ) : (
          <span />
        )}
        {votes.pageInfo.hasNextPage ? (
          <Link to={pageLink('after', votes.pageInfo.endCursor)} rel="next">
            {v.next} →
          </Link>
        ) : null}
      </nav>
    </section>
  );
}
