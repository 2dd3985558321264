// Members' dues (党员党费): every member with a base for the year, what they owe and paid, their
// months unpaid (in a row, and any open arrears case), optionally only those behind; open one to
// record a payment or correct one.
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
  const { year, onlyInArrears, thisYear, rows, totalCount, pageInfo } = useLoaderData<typeof loader>();
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
          <>
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
            <div className="field">
              <label>
                <input type="checkbox" name="arrears" value="1" defaultChecked={onlyInArrears} /> {d.onlyInArrears}
              </label>
            </div>
          </>
        ),
      }}
      total={{ testId: 'dues-members-total', text: d.total(totalCount) }}
      table={{ testId: 'dues-members-table', caption: d.tabs.members ?? '', busy, empty: rows.length === 0 ? d.membersNone : null }}
      pager={{ pageInfo, href: filterPageHref({ year: String(year), arrears: onlyInArrears ? '1' : '' }), text: d }}
    >
      <thead>
        <tr>
          <th scope="col">{d.member}</th>
          <th scope="col">{d.unit}</th>
          <th scope="col">{d.category}</th>
          <th scope="col">{d.monthlyDue}</th>
          <th scope="col">{d.due}</th>
          <th scope="col">{d.paid}</th>
          <th scope="col">{d.unpaidMonths}</th>
          <th scope="col">{d.unpaidList}</th>
          <th scope="col">{d.consecutiveUnpaid}</th>
          <th scope="col">{d.openCase}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.memberId} data-member={r.memberId} data-unpaid={r.unpaidMonths.length}>
            <th scope="row">
              <Link to={`/dues/members/${r.memberId}?year=${year}`}>
                <bdi>{r.memberName}</bdi>
              </Link>
              {r.baseStatus !== 'CHECKED' ? <span className="badge badge-pending">{d.baseStatuses[r.baseStatus]}</span> : null}
            </th>
            <td>
              <bdi>{r.unitName}</bdi>
            </td>
            <td>{d.categories[r.category] ?? r.category}</td>
            <td>{money(r.monthlyDueFen)}</td>
            <td>{money(r.dueFen)}</td>
            <td>{money(r.paidFen)}</td>
            <td>{r.unpaidMonths.length > 0 ? <span className="badge badge-fail">{r.unpaidMonths.length}</span> : '0'}</td>
            <td className="small">{r.unpaidMonths.length ? monthsText(r.unpaidMonths) : d.none}</td>
            <td data-testid="dues-consecutive">{r.consecutiveUnpaidMonths}</td>
            <td className="small">{r.openCaseId ? <Link to="/dues/arrears?status=OPEN">{d.openCaseSince(r.openCaseFromMonth ?? '', r.openCaseMonths ?? 0)}</Link> : d.none}</td>
          </tr>
        ))}
      </tbody>
    </ListPage>
  );
}
