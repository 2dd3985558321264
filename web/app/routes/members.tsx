// Members of the viewer's subtree: search by name, filter by stage, status and unit, cursor pages.
import { Form, Link, useLoaderData, useNavigation } from 'react-router';
import type { Route } from './+types/members';
import { useT } from '../i18n/use-t';
import { requireAccount } from '../lib/auth.server';
import { titleFor } from '../lib/meta';
import { PAGE_ROLES } from '../lib/roles';
import { isStage, isStatus, STAGES, STATUSES } from '../lib/stages';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.members.title);

const PAGE_SIZE = 20;

const MEMBERS = `query Members($first: Int, $after: String, $last: Int, $before: String, $search: String, $stage: MemberStage, $status: MemberStatus, $under: ID) {
  members(first: $first, after: $after, last: $last, before: $before, search: $search, stage: $stage, status: $status, under: $under) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { node { id name gender stage status partyAgeYears orgUnit { id name } proof { status batchSeq anchor { height } } } }
  }
}`;

const UNITS = `query Units { orgUnits(first: 100, maxDepth: 3) { edges { node { id name level kind } } } }`;

interface Row {
  id: string;
  name: string;
  gender: string;
  stage: string;
  status: string;
  partyAgeYears: number | null;
  orgUnit: { id: string; name: string };
  proof: { status: string; batchSeq: number | null; anchor: { height: number } | null };
}

interface MembersResult {
  members: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
    edges: Array<{ node: Row }>;
  };
}

export async function loader({ request }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.members);
  const url = new URL(request.url);
  const p = url.searchParams;
  const search = (p.get('q') ?? '').trim().slice(0, 100);
  const stage = p.get('stage');
  const status = p.get('status');
  const under = p.get('under');
  const after = p.get('after');
  const before = p.get('before');
  const filters = {
    ...(search ? { search } : {}),
    ...(isStage(stage) ? { stage } : {}),
    ...(isStatus(status) ? { status } : {}),
    ...(under ? { under } : {}),
  };
  const paging = before ? { last: PAGE_SIZE, before } : { first: PAGE_SIZE, ...(after ? { after } : {}) };
  const [list, units] = await Promise.all([
    ctx.query<MembersResult>(MEMBERS, { ...filters, ...paging }),
    ctx.query<{ orgUnits: { edges: Array<{ node: { id: string; name: string; level: number; kind: string } }> } }>(UNITS),
  ]);
  const minLevel = Math.min(...units.orgUnits.edges.map((e) => e.node.level));
  return {
    filters: { q: search, stage: isStage(stage) ? stage : '', status: isStatus(status) ? status : '', under: under ?? '' },
    members: list.members,
    units: units.orgUnits.edges.map((e) => ({ ...e.node, depth: e.node.level - minLevel })),
  };
}

export default function Members() {
  const t = useT();
  const { filters, members, units } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const keep = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== ''));
  const pageLink = (key: 'after' | 'before', cursor: string | null) => {
    const q = new URLSearchParams(keep);
    if (cursor) q.set(key, cursor);
    return `?${q.toString()}`;
  };
  return (
    <section className="page" aria-labelledby="members-title">
      <h1 id="members-title">{t.members.title}</h1>
      <Form method="get" className="filters card" role="search" aria-label={t.members.filter}>
        <div className="field">
          <label htmlFor="q">{t.members.search}</label>
          <input id="q" name="q" type="search" defaultValue={filters.q} />
        </div>
        <div className="field">
          <label htmlFor="stage">{t.members.stage}</label>
          <select id="stage" name="stage" defaultValue={filters.stage}>
            <option value="">{t.members.any}</option>
            {STAGES.map((s) => (
              <option key={s} value={s}>
                {t.stages[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="status">{t.members.status}</label>
          <select id="status" name="status" defaultValue={filters.status}>
            <option value="">{t.members.any}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t.statuses[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="under">{t.members.unit}</label>
          <select id="under" name="under" defaultValue={filters.under}>
            <option value="">{t.members.any}</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {'\u3000'.repeat(u.depth)}
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-actions">
          <button type="submit" className="btn btn-primary">
            {t.members.filter}
          </button>
          <Link to="/members" className="btn btn-quiet">
            {t.members.reset}
          </Link>
        </div>
      </Form>
      <p className="muted" role="status" data-testid="members-total">
        {t.members.total(members.totalCount)}
      </p>
      <div className="table-wrap card" aria-busy={navigation.state === 'loading'}>
        <table className="table" data-testid="members-table">
          <caption className="visually-hidden">{t.members.title}</caption>
          <thead>
            <tr>
              <th scope="col">{t.members.name}</th>
              <th scope="col">{t.members.unit}</th>
              <th scope="col">{t.members.stage}</th>
              <th scope="col">{t.members.status}</th>
              <th scope="col" className="num">
                {t.members.partyAge}
              </th>
              <th scope="col">{t.members.proof}</th>
            </tr>
          </thead>
          <tbody>
            {members.edges.map(({ node: m }) => (
              <tr key={m.id}>
                <th scope="row">
                  <Link to={`/members/${m.id}`}>{m.name}</Link>
                </th>
                <td>{m.orgUnit.name}</td>
                <td>{t.stages[m.stage] ?? m.stage}</td>
                <td>{t.statuses[m.status] ?? m.status}</td>
                <td className="num">{m.partyAgeYears ?? t.common.none}</td>
                <td>
                  {m.proof.status === 'ANCHORED' && m.proof.anchor ? (
                    <span className="badge badge-anchored">{t.proof.batchHeight(m.proof.batchSeq ?? 0, m.proof.anchor.height)}</span>
                  ) : (
                    <span className="badge badge-pending">{t.proof.pending}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {members.edges.length === 0 ? <p className="empty">{t.members.none}</p> : null}
      </div>
      <nav className="pager" aria-label={t.members.page}>
        {members.pageInfo.hasPreviousPage ? (
          <Link to={pageLink('before', members.pageInfo.startCursor)} rel="prev">
            ← {t.members.prev}
          </Link>
        ) : (
          <span />
        )}
        {members.pageInfo.hasNextPage ? (
          <Link to={pageLink('after', members.pageInfo.endCursor)} rel="next">
            {t.members.next} →
          </Link>
        ) : null}
      </nav>
    </section>
  );
}
