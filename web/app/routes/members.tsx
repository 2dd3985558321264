// Members of the viewer's subtree: search by name, filter by stage, status and unit, cursor pages.
import { Link, useLoaderData, useNavigation } from 'react-router';
import type { Route } from './+types/members';
import { FilterForm } from '../components/FilterForm';
import { filterPageHref, PageLinks } from '../components/PageLinks';
import { ProofBadge } from '../components/ProofBadge';
import { SelectField, unitChoices } from '../components/SelectField';
import { TableCard } from '../components/TableCard';
import { useT } from '../i18n/use-t';
import { requireAccount } from '../lib/auth.server';
import { titleFor } from '../lib/meta';
import type { Connection } from '../lib/portal';
import { PAGE_ROLES } from '../lib/roles';
import { isStage, isStatus, STAGES, STATUSES } from '../lib/stages';
import { unitOptions } from '../lib/units.server';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.members.title);

const PAGE_SIZE = 20;

const MEMBERS = `query Members($first: Int, $after: String, $last: Int, $before: String, $search: String, $stage: MemberStage, $status: MemberStatus, $under: ID) {
  members(first: $first, after: $after, last: $last, before: $before, search: $search, stage: $stage, status: $status, under: $under) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { node { id name gender stage status partyAgeYears orgUnit { id name } proof { status batchSeq anchor { height } } } }
  }
}`;


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
  members: Connection<Row>;
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
    unitOptions(ctx),
  ]);
  return {
    filters: { q: search, stage: isStage(stage) ? stage : '', status: isStatus(status) ? status : '', under: under ?? '' },
    members: list.members,
    units,
  };
}

export default function Members() {
  const t = useT();
  const { filters, members, units } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  return (
    <section className="page" aria-labelledby="members-title">
      <h1 id="members-title">{t.members.title}</h1>
      <FilterForm label={t.members.filter} submit={t.members.filter} reset={{ to: '/members', label: t.members.reset }}>
        <div className="field">
          <label htmlFor="q">{t.members.search}</label>
          <input id="q" name="q" type="search" defaultValue={filters.q} />
        </div>
        <SelectField id="stage" name="stage" label={t.members.stage} defaultValue={filters.stage} any={t.members.any} choices={STAGES.map((s) => ({ value: s, label: t.stages[s] }))} />
        <SelectField id="status" name="status" label={t.members.status} defaultValue={filters.status} any={t.members.any} choices={STATUSES.map((s) => ({ value: s, label: t.statuses[s] }))} />
        <SelectField id="under" name="under" label={t.members.unit} defaultValue={filters.under} any={t.members.any} choices={unitChoices(units)} />
      </FilterForm>
      <p className="muted" role="status" data-testid="members-total">
        {t.members.total(members.totalCount)}
      </p>
      <TableCard testId="members-table" caption={t.members.title} busy={navigation.state === 'loading'} empty={members.edges.length === 0 ? t.members.none : null}>
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
                <ProofBadge proof={m.proof} />
              </td>
            </tr>
          ))}
        </tbody>
      </TableCard>
      <PageLinks pageInfo={members.pageInfo} href={filterPageHref(filters)} text={t.members} />
    </section>
  );
}
