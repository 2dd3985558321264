// Members' dues (党员党费): every member with a base for the year, what they owe and paid, their
// months unpaid (in a row, and any open arrears case), optionally only those behind; open one to
// record a payment or correct one.
import { Link, useLoaderData } from 'react-router';
import type { Route } from './+types/members';
import { DuesListPage } from '../../components/DuesListPage';
import { CheckField } from '../../components/MeetingFields';
import { SelectField, yearChoices } from '../../components/SelectField';
import { RowHead } from '../../components/TableCard';
import { useT } from '../../i18n/use-t';
import { fenText, monthsText } from '../../lib/dues';
import { titleFor } from '../../lib/meta';
import type { loader } from './members.server';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.dues.tabs.members ?? t.dues.title);

export { loader } from './members.server';

export default function DuesMembers() {
  const d = useT().dues;
  const { year, onlyInArrears, thisYear, rows, totalCount, pageInfo } = useLoaderData<typeof loader>();
  const money = (fen: number) => d.yuan(fenText(fen));
  return (
    <DuesListPage
      tab="members"
      intro={d.membersIntro}
      filter={{
        submit: d.show,
        query: { year: String(year), arrears: onlyInArrears ? '1' : '' },
        fields: (
          <>
            <SelectField id="dues-year" name="year" label={d.year} defaultValue={String(year)} choices={yearChoices(thisYear, thisYear - 3)} />
            <CheckField name="arrears" label={d.onlyInArrears} defaultChecked={onlyInArrears} />
          </>
        ),
      }}
      page={{ totalCount, pageInfo }}
      empty={rows.length === 0 ? d.membersNone : null}
      columns={[d.member, d.unit, d.category, d.monthlyDue, d.due, d.paid, d.unpaidMonths, d.unpaidList, d.consecutiveUnpaid, d.openCase]}
    >
      {rows.map((r) => (
        <tr key={r.memberId} data-member={r.memberId} data-unpaid={r.unpaidMonths.length}>
          <RowHead to={`/dues/members/${r.memberId}?year=${year}`} name={r.memberName}>{r.baseStatus !== 'CHECKED' ? <span className="badge badge-pending">{d.baseStatuses[r.baseStatus]}</span> : null}</RowHead>
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
    </DuesListPage>
  );
}
