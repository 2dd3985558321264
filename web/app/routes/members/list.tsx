// Members of the viewer's subtree: search by name, filter by stage, status and unit, cursor pages.
import { Link, useLoaderData, useNavigation } from 'react-router';
import type { Route } from './+types/list';
import { ListPage } from '../../components/ListPage';
import { filterPageHref } from '../../components/PageLinks';
import { ProofBadge } from '../../components/ProofBadge';
import { SelectField, unitChoices } from '../../components/SelectField';
import { useT } from '../../i18n/use-t';
import { titleFor } from '../../lib/meta';
import { STAGES, STATUSES } from '../../lib/stages';
import type { loader } from './list.server';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.members.title);

export { loader } from './list.server';

export default function Members() {
  const t = useT();
  const { filters, members, units } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  return (
    <ListPage
      titleId="members-title"
      head={<h1 id="members-title">{t.members.title}</h1>}
      filter={{
        label: t.members.filter,
        submit: t.members.filter,
        reset: { to: '/members', label: t.members.reset },
        fields: (
          <>
            <div className="field">
              <label htmlFor="q">{t.members.search}</label>
              <input id="q" name="q" type="search" defaultValue={filters.q} />
            </div>
            <SelectField id="stage" name="stage" label={t.members.stage} defaultValue={filters.stage} any={t.members.any} choices={STAGES.map((s) => ({ value: s, label: t.stages[s] }))} />
            <SelectField id="status" name="status" label={t.members.status} defaultValue={filters.status} any={t.members.any} choices={STATUSES.map((s) => ({ value: s, label: t.statuses[s] }))} />
            <SelectField id="under" name="under" label={t.members.unit} defaultValue={filters.under} any={t.members.any} choices={unitChoices(units)} />
          </>
        ),
      }}
      total={{ testId: 'members-total', text: t.members.total(members.totalCount) }}
      table={{ testId: 'members-table', caption: t.members.title, busy: navigation.state === 'loading', empty: members.edges.length === 0 ? t.members.none : null }}
      pager={{ pageInfo: members.pageInfo, href: filterPageHref(filters), text: t.members }}
    >
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
              <Link to={`/members/${m.id}`}><bdi>{m.name}</bdi></Link>
            </th>
            <td><bdi>{m.orgUnit.name}</bdi></td>
            <td>{t.stages[m.stage] ?? m.stage}</td>
            <td>{t.statuses[m.status] ?? m.status}</td>
            <td className="num">{m.partyAgeYears ?? t.common.none}</td>
            <td>
              <ProofBadge proof={m.proof} />
            </td>
          </tr>
        ))}
      </tbody>
    </ListPage>
  );
}
