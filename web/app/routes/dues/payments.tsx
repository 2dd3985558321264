// Payment entries (党费交纳记录) of the viewer's subtree, newest first: append-only, a correction
// being a new entry that reverses another. Record and correct them on the member's page.
import { Link, useLoaderData, useNavigation } from 'react-router';
import type { Route } from './+types/payments';
import { DuesHead } from '../../components/DuesTabs';
import { ListPage } from '../../components/ListPage';
import { filterPageHref } from '../../components/PageLinks';
import { ProofBadge } from '../../components/ProofBadge';
import { SelectField } from '../../components/SelectField';
import { useT } from '../../i18n/use-t';
import { fenText, monthsText } from '../../lib/dues';
import { titleFor } from '../../lib/meta';
import type { loader } from './payments.server';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.dues.tabs.payments ?? t.dues.title);

export { loader } from './payments.server';

export default function DuesPayments() {
  const d = useT().dues;
  const { payments, member, members } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === 'loading';
  return (
    <ListPage
      titleId="dues-payments-title"
      head={<DuesHead id="dues-payments-title" title={d.tabs.payments ?? ''} intro={d.recordIntro} />}
      filter={{
        label: d.filter,
        submit: d.filter,
        reset: { to: '/dues/payments', label: d.reset },
        fields: <SelectField id="dues-member" name="member" label={d.member} defaultValue={member} any={d.statusAny} choices={members.map((m) => ({ value: m.id, label: m.name, userText: true }))} />,
      }}
      total={{ testId: 'dues-payments-total', text: d.total(payments.totalCount) }}
      table={{ testId: 'dues-payments-table', caption: d.tabs.payments ?? '', busy, empty: payments.edges.length === 0 ? d.noPayments : null }}
      pager={{ pageInfo: payments.pageInfo, href: filterPageHref({ member }), text: d }}
    >
      <thead>
        <tr>
          <th scope="col">{d.member}</th>
          <th scope="col">{d.month}</th>
          <th scope="col">{d.amount}</th>
          <th scope="col">{d.method}</th>
          <th scope="col">{d.paidOn}</th>
          <th scope="col">{d.receiptNo}</th>
          <th scope="col">{d.proof}</th>
        </tr>
      </thead>
      <tbody>
        {payments.edges.map(({ node: p }) => (
          <tr key={p.id} data-receipt={p.receiptNo}>
            <th scope="row">
              <Link to={`/dues/members/${p.memberId}?year=${p.months[0]?.slice(0, 4) ?? ''}`}>
                <bdi>{p.memberName}</bdi>
              </Link>
            </th>
            <td className="small">{monthsText(p.months)}</td>
            <td>
              {d.yuan(fenText(p.amountFen))}
              {p.extraFen > 0 ? <span className="muted small"> ({d.extra} {d.yuan(fenText(p.extraFen))})</span> : null}
              {p.correctsId ? <span className="badge badge-skip">{d.correction}</span> : p.correctedBy ? <span className="badge badge-skip">{d.correctedBy}</span> : null}
            </td>
            <td>
              {d.methods[p.method] ?? p.method}
              {p.reference ? (
                <span className="muted small">
                  {' '}
                  <bdi>{p.reference}</bdi>
                </span>
              ) : null}
            </td>
            <td className="dues-nowrap">{p.paidOn}</td>
            <td className="mono small">
              <bdi>{p.receiptNo}</bdi>
            </td>
            <td>
              <ProofBadge proof={p.proof} />
            </td>
          </tr>
        ))}
      </tbody>
    </ListPage>
  );
}
