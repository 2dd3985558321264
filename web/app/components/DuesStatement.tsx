// A member's dues for a year, as the member and the branch both see it: the base, the year's
// totals, month by month, and every payment entry with its proof verified in the browser and
// downloadable as the receipt. The member's page adds the recomputation, the branch's page the
// forms (`paymentExtra`, `baseExtra`).
import type { ReactNode } from 'react';
import type { DuesStatementFieldsFragment } from '../graphql/graphql';
import { useT } from '../i18n/use-t';
import { fenText, monthsText } from '../lib/dues';
import { proofHref } from '../lib/portal';
import { Card } from './Card';
import { Fact, Stat } from './Facts';
import { PortalRecord } from './Portal';
import { ProofStatus } from './ProofStatus';
import { TableCard } from './TableCard';
import './Dues.css';

export type DuesStatementData = DuesStatementFieldsFragment;
export type DuesPaymentNode = DuesStatementFieldsFragment['payments'][number];

const MONTH_BADGE: Record<string, string> = {
  PAID: 'badge-pass',
  UNPAID: 'badge-fail',
  EXEMPT: 'badge-skip',
  EXCUSED: 'badge-skip',
  NOT_YET_DUE: 'badge-pending',
  NO_BASE: 'badge-pending',
  NOT_TRACKED: 'badge-pending',
};

export function DuesStatementView({
  s,
  baseExtra,
  paymentExtra,
  afterTotals,
}: {
  s: DuesStatementData;
  baseExtra?: ReactNode;
  paymentExtra?: (p: DuesPaymentNode) => ReactNode;
  afterTotals?: ReactNode;
}) {
  const d = useT().dues;
  const money = (fen: number | null) => (fen === null ? '—' : d.yuan(fenText(fen)));
  const b = s.base;
  return (
    <>
      <Card titleId="dues-base-title" title={d.base} testId="dues-base">
        {b ? (
          <>
            <dl className="facts">
              <Fact label={d.category}>{d.categories[b.category] ?? b.category}</Fact>
              {b.baseFen !== null ? (
                <Fact label={d.baseAmount}>{money(b.baseFen)}</Fact>
              ) : null}
              {b.fixedFen !== null ? (
                <Fact label={d.fixedAmount}>{money(b.fixedFen)}</Fact>
              ) : null}
              {b.rateBp !== null ? (
                <Fact label={d.rate}>{d.ratePercent(b.rateBp)}</Fact>
              ) : null}
              <Fact label={d.monthlyDue} valueTestId="dues-monthly">{money(b.monthlyDueFen)}</Fact>
              <Fact label={d.baseStatus}>
                <span className={`badge ${b.status === 'CHECKED' ? 'badge-pass' : 'badge-pending'}`} data-status={b.status}>
                  {d.baseStatuses[b.status] ?? b.status}
                </span>
                {b.checkedOn ? <span className="muted small"> {b.checkedOn}</span> : null}
              </Fact>
            </dl>
            <ProofStatus
              proof={b.proof}
              fields={{ year: b.year, category: b.category, baseFen: b.baseFen, monthlyDueFen: b.monthlyDueFen, status: b.status }}
              what={d.baseWhat(b.year)}
              {...(proofHref('DuesBase', b.id, b.version, b.proof) ? { downloadHref: proofHref('DuesBase', b.id, b.version, b.proof)! } : {})}
            />
          </>
        ) : (
          <p className="empty">{d.noBase(s.year)}</p>
        )}
        {baseExtra}
      </Card>

      <Card titleId="dues-totals-title" title={d.totals}>
        <div className="stats">
          <Stat label={d.due} valueTestId="dues-due">
            {money(s.dueFen)}
          </Stat>
          <Stat label={d.paid} valueTestId="dues-paid" valueProps={{ 'data-fen': s.paidFen }}>
            {money(s.paidFen)}
          </Stat>
          <Stat label={d.extra}>{money(s.extraFen)}</Stat>
        </div>
        <p className="muted small">{d.dueNote}</p>
        {afterTotals}
      </Card>

      <TableCard testId="dues-months" caption={d.months} empty={null} columns={[d.month, d.due, d.paid, d.monthStatus]}>
        {s.months.map((m) => (
          <tr key={m.month} data-month={m.month} data-status={m.status}>
            <th scope="row">{m.month}</th>
            <td>{money(m.dueFen)}</td>
            <td>{m.paidFen !== 0 ? money(m.paidFen) : '—'}</td>
            <td>
              <span className={`badge ${MONTH_BADGE[m.status] ?? ''}`}>{d.monthStatuses[m.status] ?? m.status}</span>
              {m.hardship ? <span className="muted small"> {d.hardships[m.hardship]}</span> : null}
            </td>
          </tr>
        ))}
      </TableCard>

      <Card titleId="dues-payments-title" title={d.payments} intro={d.receiptNote}>
        {s.payments.length === 0 ? <p className="empty">{d.noPayments}</p> : null}
        <ul className="records" data-testid="dues-payments">
          {s.payments.map((p) => (
            <PortalRecord
              key={p.id}
              kind="DuesPayment"
              title={d.payment(monthsText(p.months), money(p.amountFen))}
              pill={p.correctsId ? <span className="pill pill-skip">{d.correction}</span> : p.correctedBy ? <span className="pill pill-skip">{d.correctedBy}</span> : null}
              facts={[
                { label: d.paidOn, value: p.paidOn },
                { label: d.method, value: d.methods[p.method] ?? p.method },
                { label: d.receiptNo, value: <bdi>{p.receiptNo}</bdi> },
                { label: d.monthAmounts, value: p.months.map((m, i) => `${m} ${money(p.monthAmounts[i] ?? 0)}`).join('；') },
                ...(p.extraFen !== 0 ? [{ label: d.extra, value: money(p.extraFen) }] : []),
                ...(p.reference ? [{ label: d.reference, value: <bdi>{p.reference}</bdi> }] : []),
                ...(p.reason ? [{ label: d.reason, value: <bdi>{p.reason}</bdi> }] : []),
              ]}
              proof={p.proof}
              fields={{ months: p.months, monthAmounts: p.monthAmounts, extraFen: p.extraFen, amountFen: p.amountFen, method: p.method, paidOn: p.paidOn, receiptNo: p.receiptNo }}
              what={d.paymentWhat(p.receiptNo)}
              downloadHref={proofHref('DuesPayment', p.id, p.version, p.proof)}
            >
              {paymentExtra?.(p)}
            </PortalRecord>
          ))}
        </ul>
      </Card>
    </>
  );
}
