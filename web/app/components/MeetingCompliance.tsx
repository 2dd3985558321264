// Cadence compliance per branch and kind of meeting: required, held, due and overdue periods,
// rows with overdue periods first and highlighted.
import { useT } from '../i18n/use-t';
import { formatDateTime } from '../lib/format';
import type { ComplianceQuery } from '../graphql/graphql';
import { RowHead, TableCard } from './TableCard';

/** One unit's cadence for one kind of meeting, as the compliance query answers it. */
export type ComplianceRow = ComplianceQuery['meetingCompliance']['rows'][number];

export function MeetingCompliance({ from, to, rows }: { from: string; to: string; rows: ComplianceRow[] }) {
  const m = useT().meetings;
  const sorted = [...rows].sort((a, b) => b.overdue - a.overdue || a.unit.name.localeCompare(b.unit.name));
  const overdueTotal = rows.reduce((n, r) => n + r.overdue, 0);
  return (
    <article className="card" aria-labelledby="compliance-title" data-testid="compliance">
      <h2 id="compliance-title">
        {m.compliance}{' '}
        {overdueTotal > 0 ? (
          <span className="badge badge-fail" data-testid="compliance-overdue-total">
            {m.overdue} {overdueTotal}
          </span>
        ) : (
          <span className="badge badge-pass">{m.compliant}</span>
        )}
      </h2>
      <p className="muted small">{m.complianceIntro(from, to)}</p>
      {rows.length === 0 ? (
        <p className="muted">{m.complianceNone}</p>
      ) : (
        <TableCard testId="compliance-table" frame="table-wrap compliance-wrap" caption={m.compliance} columns={[m.unit, m.kind, { label: m.required, num: true }, { label: m.held, num: true }, { label: m.due, num: true }, { label: m.overdue, num: true }, m.nextDeadline]}>
          {sorted.map((r) => (
            <tr key={`${r.unitId}-${r.kind}`} className={r.overdue > 0 ? 'row-overdue' : undefined} data-overdue={r.overdue > 0 ? 'true' : 'false'}>
              <RowHead name={r.unit.name} />
              <td>
                {m.kinds[r.kind] ?? r.kind} <span className="muted small">{m.cadence[r.cadence] ?? r.cadence}</span>
              </td>
              <td className="num">{r.required}</td>
              <td className="num">{r.held}</td>
              <td className="num">{r.due}</td>
              <td className="num">{r.overdue > 0 ? <span className="badge badge-fail">{r.overdue}</span> : 0}</td>
              <td>{r.nextDeadline ? formatDateTime(r.nextDeadline).slice(0, 10) : '—'}</td>
            </tr>
          ))}
        </TableCard>
      )}
    </article>
  );
}
