// Cadence compliance of a level: per kind of meeting, the sums over every branch of its subtree
// (shown when it has more than one branch), then each branch and kind with required, held, due
// and overdue periods, rows with overdue periods first and highlighted. The yearly 组织生活会 row
// also says how many of its years have their 民主评议 published (the API's cadence.ts explains why
// the two are shown side by side and not merged), and the 谈心谈话 row how many members were talked with.
import { useT } from '../i18n/use-t';
import { formatDateTime } from '../lib/format';
import type { ComplianceQuery } from '../graphql/graphql';
import { RowHead, TableCard } from './TableCard';

/** One unit's cadence for one kind of meeting, as the compliance query answers it. */
export type ComplianceRow = ComplianceQuery['meetingCompliance']['rows'][number];
/** One kind summed over the subtree. */
export type ComplianceTotal = ComplianceQuery['meetingCompliance']['totals'][number];

interface KindFigures {
  kind: string;
  cadence: string;
  required: number;
  appraised?: number | null;
  talkedWith?: number | null;
  toTalkWith?: number | null;
}

/** A row's figures: slots required, held, due and overdue, and the next deadline. */
function SlotCells({ r }: { r: { required: number; held: number; due: number; overdue: number; nextDeadline?: string | null } }) {
  return (
    <>
      <td className="num">{r.required}</td>
      <td className="num">{r.held}</td>
      <td className="num">{r.due}</td>
      <td className="num">{r.overdue > 0 ? <span className="badge badge-fail">{r.overdue}</span> : 0}</td>
      <td>{r.nextDeadline ? formatDateTime(r.nextDeadline).slice(0, 10) : '—'}</td>
    </>
  );
}

function KindCell({ r }: { r: KindFigures }) {
  const m = useT().meetings;
  const { kind, cadence, required } = r;
  const appraised = r.appraised ?? null;
  return (
    <td>
      {m.kinds[kind] ?? kind} <span className="muted small">{m.cadence[cadence] ?? cadence}</span>
      {appraised !== null && required > 0 ? (
        <>
          {' '}
          <span className={`badge ${appraised >= required ? 'badge-pass' : 'badge-waiting'}`} data-testid="compliance-appraised">
            {m.appraised(appraised, required)}
          </span>
        </>
      ) : null}
      {r.talkedWith != null && r.toTalkWith ? (
        <>
          {' '}
          <span className={`badge ${r.talkedWith >= r.toTalkWith ? 'badge-pass' : 'badge-waiting'}`} data-testid="compliance-talked">
            {m.talkedWith(r.talkedWith, r.toTalkWith)}
          </span>
        </>
      ) : null}
    </td>
  );
}

export function MeetingCompliance({ from, to, rows, totals }: { from: string; to: string; rows: ComplianceRow[]; totals: ComplianceTotal[] }) {
  const m = useT().meetings;
  const sorted = [...rows].sort((a, b) => b.overdue - a.overdue || a.unit.name.localeCompare(b.unit.name));
  const overdueTotal = rows.reduce((n, r) => n + r.overdue, 0);
  const branches = new Set(rows.map((r) => r.unitId)).size;
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
        <>
          {branches > 1 ? (
            <>
              <h3>{m.complianceTotals}</h3>
              <p className="muted small">{m.complianceTotalsIntro(branches)}</p>
              <TableCard
                testId="compliance-totals"
                frame="table-wrap compliance-wrap"
                caption={m.complianceTotals}
                columns={[m.kind, { label: m.branches, num: true }, { label: m.required, num: true }, { label: m.held, num: true }, { label: m.due, num: true }, { label: m.overdue, num: true }, m.nextDeadline]}
              >
                {totals.map((r) => (
                  <tr key={r.kind} className={r.overdue > 0 ? 'row-overdue' : undefined} data-kind={r.kind} data-overdue={r.overdue > 0 ? 'true' : 'false'}>
                    <KindCell r={r} />
                    <td className="num">{r.branches}</td>
                    <SlotCells r={r} />
                  </tr>
                ))}
              </TableCard>
              <h3>{m.complianceByBranch}</h3>
            </>
          ) : null}
          <TableCard testId="compliance-table" frame="table-wrap compliance-wrap" caption={m.compliance} columns={[m.unit, m.kind, { label: m.required, num: true }, { label: m.held, num: true }, { label: m.due, num: true }, { label: m.overdue, num: true }, m.nextDeadline]}>
            {sorted.map((r) => (
              <tr key={`${r.unitId}-${r.kind}`} className={r.overdue > 0 ? 'row-overdue' : undefined} data-kind={r.kind} data-overdue={r.overdue > 0 ? 'true' : 'false'}>
                <RowHead name={r.unit.name} />
                <KindCell r={r} />
                <SlotCells r={r} />
              </tr>
            ))}
          </TableCard>
        </>
      )}
    </article>
  );
}
