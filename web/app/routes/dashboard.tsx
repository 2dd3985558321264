// Leadership dashboard: composition of the scope by development stage, and by direct sub-unit,
// with drill-down into a sub-unit and a CSV export of the same figures.
import { Link, useLoaderData } from 'react-router';
import type { Route } from './+types/dashboard';
import { StageChart, UnitChart } from '../components/Charts';
import { useT } from '../i18n/use-t';
import { composition, unitParam } from '../lib/analytics.server';
import { requireAccount } from '../lib/auth.server';
import { formatNumber } from '../lib/format';
import { titleFor } from '../lib/meta';
import { PAGE_ROLES } from '../lib/roles';
import { STAGE_COLOURS, STAGES } from '../lib/stages';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.dashboard.title);

export async function loader({ request }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.dashboard);
  return composition(ctx, unitParam(request));
}

export default function Dashboard() {
  const t = useT();
  const c = useLoaderData<typeof loader>();
  const unitQuery = `?unit=${encodeURIComponent(c.unit.id)}`;
  return (
    <section className="page" aria-labelledby="dashboard-title">
      <div className="page-head">
        <div>
          <h1 id="dashboard-title">{t.dashboard.title}</h1>
          <p className="muted">
            {t.dashboard.scope}: <strong data-testid="scope-name">{c.unit.name}</strong>（{t.unitKinds[c.unit.kind] ?? c.unit.kind}）
            {c.canGoUp && c.unit.parent ? (
              <>
                {' · '}
                <Link to={`/dashboard?unit=${encodeURIComponent(c.unit.parent.id)}`}>
                  {t.dashboard.up}: {c.unit.parent.name}
                </Link>
              </>
            ) : null}
          </p>
        </div>
        <p className="actions">
          <a className="btn" href={`/dashboard/export.csv${unitQuery}`} download>
            {t.dashboard.exportCsv}
          </a>
          <Link className="btn" to={`/members?under=${encodeURIComponent(c.unit.id)}`}>
            {t.nav.members}
          </Link>
        </p>
      </div>

      <div className="stats">
        <div className="stat">
          <span className="stat-label">{t.dashboard.total}</span>
          <span className="stat-value" data-testid="stat-total">
            {formatNumber(c.total)}
          </span>
        </div>
        <div className="stat">
          <span className="stat-label">{t.dashboard.active}</span>
          <span className="stat-value">{formatNumber(c.active)}</span>
        </div>
        {STAGES.map((s) => (
          <div className="stat" key={s}>
            <span className="stat-label">
              <span className="swatch" style={{ background: STAGE_COLOURS[s] }} aria-hidden="true" /> {t.stages[s]}
            </span>
            <span className="stat-value">{formatNumber(c.byStage[s])}</span>
          </div>
        ))}
      </div>

      <div className="grid-2">
        <article className="card" aria-labelledby="by-stage-title">
          <h2 id="by-stage-title">{t.dashboard.byStage}</h2>
          <StageChart byStage={c.byStage} label={t.dashboard.chartLabel(t.dashboard.byStage)} />
        </article>
        <article className="card" aria-labelledby="by-unit-title">
          <h2 id="by-unit-title">{t.dashboard.byUnit}</h2>
          {c.children.length > 0 ? (
            <UnitChart units={c.children} label={t.dashboard.chartLabel(t.dashboard.byUnit)} />
          ) : (
            <p>{t.dashboard.noChildren}</p>
          )}
        </article>
      </div>

      {c.children.length > 0 ? (
        <div className="table-wrap card">
          <table className="table" data-testid="unit-table">
            <caption>{t.dashboard.byUnit}</caption>
            <thead>
              <tr>
                <th scope="col">{t.dashboard.unit}</th>
                {STAGES.map((s) => (
                  <th scope="col" key={s} className="num">
                    {t.stages[s]}
                  </th>
                ))}
                <th scope="col" className="num">
                  {t.dashboard.active}
                </th>
              </tr>
            </thead>
            <tbody>
              {c.children.map((u) => (
                <tr key={u.id}>
                  <th scope="row">
                    <Link to={`/dashboard?unit=${encodeURIComponent(u.id)}`} aria-label={`${t.dashboard.drill} ${u.name}`}>
                      {u.name}
                    </Link>{' '}
                    <span className="muted small">{t.unitKinds[u.kind] ?? u.kind}</span>
                  </th>
                  {STAGES.map((s) => (
                    <td key={s} className="num">
                      {formatNumber(u.byStage[s])}
                    </td>
                  ))}
                  <td className="num">{formatNumber(u.active)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <p className="muted small">{t.dashboard.source}</p>
    </section>
  );
}
