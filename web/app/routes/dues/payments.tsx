// Payment entries (党费交纳记录) of the viewer's subtree, newest first: append-only, a correction
// being a new entry that reverses another. Record and correct them on the member's page.
import { useLoaderData } from 'react-router';
import type { Route } from './+types/payments';
import { DuesListPage } from '../../components/DuesListPage';
import { ProofCell } from '../../components/ProofBadge';
import { nameChoices, SelectField } from '../../components/SelectField';
import { RowHead } from '../../components/TableCard';
import { UserNote } from '../../components/UserText';
import { useT } from '../../i18n/use-t';
import { fenText, monthsText } from '../../lib/dues';
import { titleFor } from '../../lib/meta';
import type { loader } from './payments.server';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.dues.tabs.payments ?? t.dues.title);

export { loader } from './payments.server';

export default function DuesPayments() {
  const d = useT().dues;
  const { payments, member, members } = useLoaderData<typeof loader>();
  return (
    <DuesListPage
      tab="payments"
      intro={d.recordIntro}
      filter={{ reset: true, query: { member }, fields: <SelectField id="dues-member" name="member" label={d.member} defaultValue={member} any={d.statusAny} choices={nameChoices(members)} /> }}
      page={payments}
      empty={payments.edges.length === 0 ? d.noPayments : null}
      columns={[d.member, d.month, d.amount, d.method, d.paidOn, d.receiptNo, d.proof]}
    >
      {payments.edges.map(({ node: p }) => (
        <tr key={p.id} data-receipt={p.receiptNo}>
          <RowHead to={`/dues/members/${p.memberId}?year=${p.months[0]?.slice(0, 4) ?? ''}`} name={p.memberName} />
          <td className="small">{monthsText(p.months)}</td>
          <td>
            {d.yuan(fenText(p.amountFen))}
            {p.extraFen > 0 ? <span className="muted small"> ({d.extra} {d.yuan(fenText(p.extraFen))})</span> : null}
            {p.correctsId ? <span className="badge badge-skip">{d.correction}</span> : p.correctedBy ? <span className="badge badge-skip">{d.correctedBy}</span> : null}
          </td>
          <td>
            {d.methods[p.method] ?? p.method}
            <UserNote text={p.reference} />
          </td>
          <td className="dues-nowrap">{p.paidOn}</td>
          <td className="mono small">
            <bdi>{p.receiptNo}</bdi>
          </td>
          <ProofCell proof={p.proof} />
        </tr>
      ))}
    </DuesListPage>
  );
}
