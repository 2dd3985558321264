// One dashboard figure: its chart, the same numbers as a table behind a toggle (the chart's text
// alternative; a <details>, so it works without scripts), its CSV, and — for figures a snapshot
// publishes — the state of the latest snapshot's verification in this browser.
import { Link } from 'react-router';
import { FigureChart } from './Charts';
import { TableCard } from './TableCard';
import { isolatedIn } from './UserText';
import { useT } from '../i18n/use-t';
import { cellText, type Figure } from '../lib/analytics';
import type { SnapshotSummary } from '../lib/analytics.server';
import { sameFigures } from '../lib/snapshot';
import type { SnapshotState } from '../lib/snapshot-verification';
import { formatDateTime } from '../lib/format';

const TEST_IDS: Record<string, string> = { 'composition.byStage': 'chart-stage', 'byUnit.composition': 'chart-units' };

export interface FigureVerification {
  snapshot: SnapshotSummary;
  state: SnapshotState | null;
  /** The figures the dashboard shows now, in the snapshot's shape. */
  current: Record<string, unknown>;
}

export function DashboardFigure({
  figure,
  csvHref,
  drillHref,
  verification,
  tableOpen = false,
}: {
  figure: Figure;
  csvHref: string;
  drillHref?: (unitId: string) => string;
  verification?: FigureVerification | null;
  tableOpen?: boolean;
}) {
  const t = useT();
  const a = t.analytics;
  const headId = `fig-${figure.id.replace(/\./g, '-')}`;
  // A pie of zeros draws nothing: say there is no data instead.
  const hasData = figure.rows.length > 0 && (figure.chart !== 'pie' || figure.rows.some((r) => Number(r[figure.series[0]!] ?? 0) > 0));
  const isUnits = figure.id === 'byUnit.composition';
  const visible = figure.columns.filter((c) => c.key !== 'code' && c.key !== 'unitId');
  return (
    <article className="card figure" aria-labelledby={headId} data-figure={figure.id}>
      <div className="figure-head">
        <h3 id={headId} className="h3">
          {figure.title}
        </h3>
        {figure.metric ? <VerificationBadge verification={verification ?? null} /> : null}
      </div>
      {hasData ? <FigureChart figure={figure} label={a.table.chartOf(figure.title)} testId={TEST_IDS[figure.id] ?? `chart-${figure.id.replace(/\./g, '-')}`} eager={figure.id in TEST_IDS} drillHref={figure.unitIds ? drillHref : undefined} /> : <p className="empty">{figure.unitIds ? a.noChildren : a.table.empty}</p>}
      {hasData ? (
        <details className="figure-table" open={tableOpen}>
          <summary>{a.table.show}</summary>
          <TableCard testId={isUnits ? 'unit-table' : `table-${figure.id.replace(/\./g, '-')}`} frame="table-wrap" caption={figure.title} columns={visible.map((c) => ({ label: c.label, num: c.format !== 'text' }))}>
            {figure.rows.map((r, i) => (
              <tr key={i}>
                {visible.map((c, j) => {
                  const text = cellText(r[c.key] ?? null, c.format);
                  if (j === 0) {
                    const unitId = figure.unitIds?.[i];
                    return (
                      <th key={c.key} scope="row">
                        {unitId && drillHref ? (
                          <Link to={drillHref(unitId)}>
                            <bdi>{text}</bdi>
                          </Link>
                        ) : c.key === 'unit' || c.key === 'name' ? (
                          <bdi>{text}</bdi>
                        ) : (
                          text
                        )}
                      </th>
                    );
                  }
                  return (
                    <td key={c.key} className={c.format === 'text' ? 'mono small' : 'num'}>
                      {c.format === 'text' ? <bdi>{text}</bdi> : text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </TableCard>
        </details>
      ) : null}
      <p className="figure-foot">
        <a href={csvHref} download aria-label={a.table.csvOf(figure.title)} data-testid={`csv-${figure.id}`}>
          {a.table.csv}
        </a>
      </p>
    </article>
  );
}

function VerificationBadge({ verification }: { verification: FigureVerification | null }) {
  const v = useT().analytics.verification;
  if (!verification) {
    return (
      <span className="badge badge-waiting" data-testid="figure-verification" data-state="none">
        {v.none}
      </span>
    );
  }
  const { snapshot, state, current } = verification;
  let cls = 'badge-waiting';
  let text: string;
  let key: string = state?.phase ?? 'waiting';
  if (!state || state.phase === 'fetching' || state.phase === 'inputsPending' || state.phase === 'recomputing') text = v.checking(0, snapshot.inputCount);
  else if (state.phase === 'anchoring') text = v.waiting;
  else if (state.phase === 'checking') text = v.checking(state.checked, state.total);
  else if (state.phase === 'error') {
    cls = 'badge-fail';
    text = `${v.failed}: ${state.message}`;
  } else {
    key = state.outcome.verdict;
    cls = key === 'verified' || key === 'offline' ? 'badge-pass' : key === 'failed' ? 'badge-fail' : 'badge-waiting';
    text = key === 'verified' || key === 'offline' ? v.verified : key === 'failed' ? v.failed : key === 'pending' ? v.waiting : v.undecided;
  }
  const same = sameFigures(snapshot.figures, current);
  return (
    <span className="figure-verification" data-testid="figure-verification" data-state={key} data-same={same ? 'true' : 'false'}>
      <span className={`badge ${cls}`}>{text}</span>{' '}
      <Link to={`/snapshots/${encodeURIComponent(snapshot.id)}`} className="small">
        {isolatedIn((title) => v.snapshotOf(title, formatDateTime(snapshot.publishedAt)), snapshot.title)}
      </Link>
      <span className="small muted"> · {same ? v.same : v.changed}</span>
    </span>
  );
}
