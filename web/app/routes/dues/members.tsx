// Members' dues (党员党费): every member with a base for the year, what they owe and paid, and
// their months unpaid; open one to record a payment or correct one.
import { Link, useLoaderData, useNavigation } from 'react-router';
import type { Route } from './+types/members';
import { DuesHead } from '../../components/DuesTabs';
import { ListPage } from '../../components/ListPage';
import { filterPageHref } from '../../components/PageLinks';
import { useT } from '../../i18n/use-t';
import { fenText, monthsText } from '../../lib/dues';
import { titleFor } from '../../lib/meta';
import type { loader } from './members.server';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.dues.tabs.members ?? t.dues.title);

export { loader } from './members.server';

export default function DuesMembers() {
  const d = useT().dues;
  const { year, thisYear, rows, pageInfo } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === 'loading';
  const money = (fen: number) => d.yuan(fenText(fen));
  return (
    <ListPage
      titleId="dues-members-title"
      head={<DuesHead id="dues-members-title" title={d.tabs.members ?? ''} intro={d.membersIntro} />}
      filter={{
        label: d.filter,
        submit: d.show,
        fields: (
          <div className="field">
            <label htmlFor="dues-year">{d.year}</label>
            <select id="dues-year" name="year" defaultValue={String(year)}>
              {[thisYear, thisYear - 1, thisYear - 2, thisYear - 3].map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </div>
        ),
      }}
      total={{ testId: 'dues-members-total', text: d.pageCount(rows.length) }}
      table={{ testId: 'dues-members-table', caption: d.tabs.members ?? '', busy, empty: rows.length === 0 ? d.membersNone : null }}
      pager={{ pageInfo, href: filterPageHref({ year: String(year) }), text: d }}
    >
      <thead>
        <tr>
          <th scope="col">{d.member}</th>
          <th scope="col">{d.category}</th>
          <th scope="col">{d.monthlyDue}</th>
          <th scope="col">{d.due}</th>
          <th scope="col">{d.paid}</th>
          <th scope="col">{d.unpaidMonths}</th>
          <th scope="col">{d.unpaidList}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} data-member={r.memberId} data-unpaid={r.unpaid.length}>
            <th scope="row">
              <Link to={`/dues/members/${r.memberId}?year=${year}`}>
                <bdi>{r.memberName}</bdi>
              </Link>
              {r.status !== 'CHECKED' ? <span className="badge badge-pending">{d.baseStatuses[r.status]}</span> : null}
            </th>
            <td>{d.categories[r.category] ?? r.category}</td>
            <td>{money(r.monthlyDueFen)}</td>
            <td>{money(r.dueFen)}</td>
            <td>{money(r.paidFen)}</td>
            <td>{r.unpaid.length > 0 ? <span className="badge badge-fail">{r.unpaid.length}</span> : '0'}</td>
            <td className="small">{r.unpaid.length ? monthsText(r.unpaid) : d.none}</td>
          </tr>
        ))}
      </tbody>
    </ListPage>
  );
}
