// A member's dues for a year, as the member and the branch both see it: the base, the year's
// totals, month by month, and every payment entry with its proof verified in the browser and
// downloadable as the receipt. The member's page adds the recomputation, the branch's page the
// forms (`paymentExtra`, `baseExtra`).
import type { ReactNode } from 'react';
import type { DuesStatementFieldsFragment } from '../graphql/graphql';
import { useT } from '../i18n/use-t';
import { fenText, monthsText } from '../lib/dues';
import { proofHref } from '../lib/portal';
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
      <article className="card" aria-labelledby="dues-base-title" data-testid="dues-base">
        <h2 id="dues-base-title">{d.base}</h2>
        {b ? (
          <>
            <dl className="facts">
              <div className="fact">
                <dt>{d.category}</dt>
                <dd>{d.categories[b.category] ?? b.category}</dd>
              </div>
              {b.baseFen !== null ? (
                <div className="fact">
                  <dt>{d.baseAmount}</dt>
                  <dd>{money(b.baseFen)}</dd>
                </div>
              ) : null}
              {b.fixedFen !== null ? (
                <div className="fact">
                  <dt>{d.fixedAmount}</dt>
                  <dd>{money(b.fixedFen)}</dd>
                </div>
              ) : null}
              {b.rateBp !== null ? (
                <div className="fact">
                  <dt>{d.rate}</dt>
                  <dd>{d.ratePercent(b.rateBp)}</dd>
                </div>
              ) : null}
              <div className="fact">
                <dt>{d.monthlyDue}</dt>
                <dd data-testid="dues-monthly">{money(b.monthlyDueFen)}</dd>
              </div>
              <div className="fact">
                <dt>{d.baseStatus}</dt>
                <dd>
                  <span className={`badge ${b.status === 'CHECKED' ? 'badge-pass' : 'badge-pending'}`} data-status={b.status}>
                    {d.baseStatuses[b.status] ?? b.status}
                  </span>
                  {b.checkedOn ? <span className="muted small"> {b.checkedOn}</span> : null}
                </dd>
              </div>
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
      </article>

      <article className="card" aria-labelledby="dues-totals-title">
        <h2 id="dues-totals-title">{d.totals}</h2>
        <div className="stats">
          <div className="stat">
            <span className="stat-label">{d.due}</span>
            <span className="stat-value" data-testid="dues-due">{money(s.dueFen)}</span>
          </div>
          <div className="stat">
            <span className="stat-label">{d.paid}</span>
            <span className="stat-value" data-testid="dues-paid" data-fen={s.paidFen}>{money(s.paidFen)}</span>
          </div>
          <div className="stat">
            <span className="stat-label">{d.extra}</span>
            <span className="stat-value">{money(s.extraFen)}</span>
          </div>
        </div>
        <p className="muted small">{d.dueNote}</p>
        {afterTotals}
      </article>

      <TableCard testId="dues-months" caption={d.months} empty={null}>
        <thead>
          <tr>
            <th scope="col">{d.month}</th>
            <th scope="col">{d.due}</th>
            <th scope="col">{d.paid}</th>
            <th scope="col">{d.monthStatus}</th>
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </TableCard>

      <article className="card" aria-labelledby="dues-payments-title">
        <h2 id="dues-payments-title">{d.payments}</h2>
        <p className="muted small">{d.receiptNote}</p>
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
      </article>
    </>
  );
}
