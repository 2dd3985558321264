// Members of the viewer's subtree: search by name, filter by stage, status and unit, cursor pages.
import { useLoaderData } from 'react-router';
import type { Route } from './+types/list';
import { ListPage } from '../../components/ListPage';
import { Field } from '../../components/MeetingFields';
import { ProofCell } from '../../components/ProofBadge';
import { choicesOf, SelectField, unitChoices } from '../../components/SelectField';
import { RowHead } from '../../components/TableCard';
import { useT } from '../../i18n/use-t';
import { titleFor } from '../../lib/meta';
import { STAGES, STATUSES } from '../../lib/stages';
import type { loader } from './list.server';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.members.title);

export { loader } from './list.server';

export default function Members() {
  const t = useT();
  const { filters, members, units } = useLoaderData<typeof loader>();
  return (
    <ListPage
      id="members"
      head={<h1 id="members-title">{t.members.title}</h1>}
      text={t.members}
      filter={{
        reset: '/members',
        query: filters,
        fields: (
          <>
            <Field boxed id="q" name="q" label={t.members.search} type="search" defaultValue={filters.q} />
            <SelectField id="stage" name="stage" label={t.members.stage} defaultValue={filters.stage} any={t.members.any} choices={choicesOf(STAGES, t.stages)} />
            <SelectField id="status" name="status" label={t.members.status} defaultValue={filters.status} any={t.members.any} choices={choicesOf(STATUSES, t.statuses)} />
            <SelectField id="under" name="under" label={t.members.unit} defaultValue={filters.under} any={t.members.any} choices={unitChoices(units)} />
          </>
        ),
      }}
      total={t.members.total(members.totalCount)}
      table={{ caption: t.members.title, empty: members.edges.length === 0 ? t.members.none : null, columns: [t.members.name, t.members.unit, t.members.stage, t.members.status, { label: t.members.partyAge, num: true }, t.members.proof] }}
      pageInfo={members.pageInfo}
    >
      {members.edges.map(({ node: m }) => (
        <tr key={m.id}>
          <RowHead to={`/members/${m.id}`} name={m.name} />
          <td><bdi>{m.orgUnit.name}</bdi></td>
          <td>{t.stages[m.stage] ?? m.stage}</td>
          <td>{t.statuses[m.status] ?? m.status}</td>
          <td className="num">{m.partyAgeYears ?? t.common.none}</td>
          <ProofCell proof={m.proof} />
        </tr>
      ))}
    </ListPage>
  );
}
