// Leadership dashboard (统计看板) over a unit's subtree: unit and period pickers, every figure of
// the analytics API as a chart with its data table and CSV, drill-down into sub-units with a
// breadcrumb back up, the verification state of published snapshots, and publishing one.
import { Form, Link, useLoaderData, useNavigation } from 'react-router';
import { useActionResult } from '../../lib/use-action-result';
import type { Route } from './+types/dashboard';
import { DashboardFigure, type FigureVerification } from '../../components/DashboardFigure';
import { Field, FieldError, FormAlert, invalidProps } from '../../components/MeetingFields';
import { useT } from '../../i18n/use-t';
import { buildFigures, withMemberNames, FIRST_MONTH, LAST_MONTH, UNITS_PAGE, type DashboardData, type Figure, PUBLISH_METRICS } from '../../lib/analytics';
import type { SnapshotSummary } from '../../lib/analytics.server';
import { formatNumber } from '../../lib/format';
import type { FormFailure } from '../../lib/meetings-form';
import { titleFor } from '../../lib/meta';
import { useSnapshotVerification } from '../../lib/snapshot-verification';
import type { action, loader } from './dashboard.server';
import '../../components/Dashboard.css';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.dashboard.title);

export { loader, action } from './dashboard.server';

function query(params: Record<string, string | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The figures of a snapshot metric as the dashboard shows them now (the snapshot's shape). */
function currentFigures(d: DashboardData, metric: string): Record<string, unknown> {
  return metric === 'composition' ? d.composition.figures : d.funnel.figures;
}

export default function Dashboard() {
  const t = useT();
  const a = t.analytics;
  const page = useLoaderData<typeof loader>();
  const { data: d, units, crumbs, snapshots, canPublish, period, unitsOffset, memberNames: names } = page;
  const figures = withMemberNames(buildFigures(d, t), names, t);
  const keep = { from: period.from, to: period.to };
  const drillHref = (unitId: string) => `/dashboard${query({ unit: unitId, ...keep })}`;
  const unitsHref = (offset: number) => `/dashboard${query({ unit: d.unitId, ...keep, units: offset > 0 ? String(offset) : null })}`;
  const csvHref = (id: string) => `/dashboard/export.csv${query({ unit: d.unitId, ...keep, units: unitsOffset > 0 ? String(unitsOffset) : null, figure: id })}`;

  const latest = (m: string) => snapshots.find((s) => s.metric === m) ?? null;
  const composition = useFigureVerification(latest('composition'), d);
  const funnel = useFigureVerification(latest('funnel'), d);
  const verificationOf = (f: Figure) => (f.metric === 'composition' ? composition : f.metric === 'funnel' ? funnel : null);

  const sections = [...new Set(figures.map((f) => f.section))];
  const minLevel = Math.min(...units.map((u) => u.level));
  // [label, value, test id, where the tile leads]: the overdue tile opens the list of those steps.
  const stats: Array<[string, string, string?, string?]> = [
    [a.stats.total, formatNumber(d.composition.total), 'stat-total'],
    [a.stats.overdue, formatNumber(d.funnel.overdueSteps), 'stat-overdue', `/overdue${query({ unit: d.unitId, asOf: d.asOf })}`],
    [a.stats.expired, formatNumber(d.funnel.expiredSteps)],
    [a.stats.attendanceRate, d.meetings.attendance.rate === null ? '—' : `${(d.meetings.attendance.rate * 100).toFixed(1)}%`],
    [a.stats.completions, formatNumber(d.learning.completions)],
    [a.stats.classHours, formatNumber(d.learning.classHours)],
    [a.stats.averageScore, d.learning.averageScore === null ? '—' : d.learning.averageScore.toFixed(1)],
    [a.stats.quizPassRate, d.learning.quizPassRate === null ? '—' : `${(d.learning.quizPassRate * 100).toFixed(1)}%`],
    [a.stats.excellentShare, d.appraisal.excellentShare === null ? '—' : `${(d.appraisal.excellentShare * 100).toFixed(1)}%`],
    [a.stats.pointsMembers, formatNumber(d.points.members)],
    [a.stats.pointsTotal, formatNumber(d.points.total)],
    [a.stats.feedbackTotal, formatNumber(d.feedback.total)],
    [a.stats.resolved, formatNumber(d.feedback.resolved)],
    [a.stats.medianResolution, d.feedback.medianResolutionDays === null ? '—' : String(d.feedback.medianResolutionDays)],
  ];

  return (
    <section className="page" aria-labelledby="dashboard-title">
      <div className="page-head">
        <div>
          <h1 id="dashboard-title">{t.dashboard.title}</h1>
          <nav aria-label={a.breadcrumb}>
            <ol className="crumbs" data-testid="breadcrumb">
              {crumbs.map((c, i) =>
                i === crumbs.length - 1 ? (
                  <li key={c.id} aria-current="page">
                    <strong data-testid="scope-name"><bdi>{c.name}</bdi></strong>
                  </li>
                ) : (
                  <li key={c.id}>
                    <Link to={drillHref(c.id)}><bdi>{c.name}</bdi></Link>
                  </li>
                ),
              )}
            </ol>
          </nav>
          <p className="muted small" data-testid="dashboard-period">
            {a.period(d.from, d.to, d.asOf)}
          </p>
        </div>
        <p className="actions">
          <a className="btn" href={`/dashboard/export.csv${query({ unit: d.unitId })}`} download>
            {t.dashboard.exportCsv}
          </a>
          <Link className="btn" to={`/members?under=${encodeURIComponent(d.unitId)}`}>
            {t.nav.members}
          </Link>
        </p>
      </div>

      <Form method="get" className="card dash-controls" aria-label={`${a.picker.unit} / ${a.picker.from}`}>
        <div className="field">
          <label htmlFor="dash-unit">{a.picker.unit}</label>
          <select id="dash-unit" name="unit" defaultValue={d.unitId} key={d.unitId}>
            {units.map((u) => (
              <option key={u.id} value={u.id} translate="no">
                {'\u3000'.repeat(Math.max(0, u.level - minLevel))}
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <Field boxed id="dash-from" name="from" label={a.picker.from} type="month" min={FIRST_MONTH} max={LAST_MONTH} defaultValue={period.from ?? d.from} key={`f${d.from}`} />
        <Field boxed id="dash-to" name="to" label={a.picker.to} type="month" min={FIRST_MONTH} max={LAST_MONTH} defaultValue={period.to ?? d.to} key={`t${d.to}`} />
        <div className="field field-actions">
          <button type="submit" className="btn btn-primary">
            {a.picker.show}
          </button>
        </div>
        <p className="muted small" style={{ flexBasis: '100%', margin: 0 }}>
          {a.picker.periodHint}
        </p>
      </Form>

      <div className="stats">
        {stats.map(([label, value, testId, to]) =>
          to ? (
            <Link className="stat stat-link" key={label} to={to} aria-label={a.overdue.tileLink(value)}>
              <span className="stat-label">{label} →</span>
              <span className="stat-value" data-testid={testId}>
                {value}
              </span>
            </Link>
          ) : (
            <div className="stat" key={label}>
              <span className="stat-label">{label}</span>
              <span className="stat-value" data-testid={testId}>
                {value}
              </span>
            </div>
          ),
        )}
      </div>

      {sections.map((section) => (
        <section key={section} className="dash-section" aria-labelledby={`sec-${section}`} data-section={section}>
          <h2 id={`sec-${section}`}>{a.sections[section]}</h2>
          <div className="figure-grid">
            {figures
              .filter((f) => f.section === section)
              .map((f) => (
                <DashboardFigure
                  key={f.id}
                  figure={f}
                  csvHref={csvHref(f.id)}
                  drillHref={drillHref}
                  verification={verificationOf(f)}
                  tableOpen={f.id === 'byUnit.composition'}
                />
              ))}
          </div>
          {section === 'byUnit' && d.childCount > d.byUnit.length ? <UnitsPager offset={unitsOffset} shown={d.byUnit.length} total={d.childCount} href={unitsHref} /> : null}
        </section>
      ))}

      {canPublish ? <PublishForm unitId={d.unitId} /> : null}
    </section>
  );
}

/** Pages through a unit's sub-units when it has more than one page of them. */
function UnitsPager({ offset, shown, total, href }: { offset: number; shown: number; total: number; href: (offset: number) => string }) {
  const p = useT().analytics.unitsPage;
  return (
    <nav className="pager" aria-label={p.label} data-testid="units-pager">
      <span className="muted">{p.shown(shown === 0 ? offset : offset + 1, offset + shown, total)}</span>
      {offset > 0 ? (
        <Link to={href(Math.max(0, offset - UNITS_PAGE))} rel="prev">
          ← {p.prev}
        </Link>
      ) : null}
      {offset + shown < total ? (
        <Link to={href(offset + UNITS_PAGE)} rel="next">
          {p.next} →
        </Link>
      ) : null}
    </nav>
  );
}

function useFigureVerification(snapshot: SnapshotSummary | null, d: DashboardData): FigureVerification | null {
  const state = useSnapshotVerification(snapshot?.id ?? null);
  return snapshot ? { snapshot, state, current: currentFigures(d, snapshot.metric) } : null;
}

function PublishForm({ unitId }: { unitId: string }) {
  const t = useT();
  const p = t.analytics.publish;
  const result = useActionResult<FormFailure>();
  const busy = useNavigation().state === 'submitting';
  return (
    <section className="card dash-section" aria-labelledby="publish-title">
      <h2 id="publish-title">{p.title}</h2>
      <p className="muted">{p.intro}</p>
      <FormAlert result={result} intent="publish" />
      <Form method="post" className="publish-form">
        <input type="hidden" name="unitId" value={unitId} />
        <div className="field">
          <label htmlFor="publish-metric">{p.metric}</label>
          <select id="publish-metric" name="metric" defaultValue="composition" {...invalidProps(result, 'publish', 'metric', 'publish-metric')}>
            {PUBLISH_METRICS.map((m) => (
              <option key={m} value={m}>
                {m === 'dues' ? t.dues.snapshotMetric : p.metrics[m]}
              </option>
            ))}
          </select>
          <FieldError result={result} intent="publish" name="metric" id="publish-metric" />
        </div>
        <div className="field">
          <label htmlFor="publish-title-input">{p.name}</label>
          <input id="publish-title-input" name="title" maxLength={200} {...invalidProps(result, 'publish', 'title', 'publish-title-input')} />
          <FieldError result={result} intent="publish" name="title" id="publish-title-input" />
        </div>
        <div className="field field-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? p.submitting : p.submit}
          </button>
        </div>
      </Form>
    </section>
  );
}
