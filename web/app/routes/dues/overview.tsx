// Dues (党费) for the branch: the month's collection rate and who is behind over the viewer's
// subtree, the way to each dues page, and the finance office's exports (CSV and .xlsx).
import { Form, useLoaderData } from 'react-router';
import type { Route } from './+types/overview';
import { DuesHead } from '../../components/DuesTabs';
import { useT } from '../../i18n/use-t';
import { fenText } from '../../lib/dues';
import { titleFor } from '../../lib/meta';
import type { loader } from './overview.server';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.dues.title);

export { loader } from './overview.server';

export default function DuesOverview() {
  const d = useT().dues;
  const { summary: s, month, year } = useLoaderData<typeof loader>();
  const stat = (label: string, value: string | number, testId?: string) => (
    <div className="stat">
      <span className="stat-label">{label}</span>
      <span className="stat-value" {...(testId ? { 'data-testid': testId } : {})}>
        {value}
      </span>
    </div>
  );
  return (
    <section className="page" aria-labelledby="dues-title">
      <DuesHead id="dues-title" title={d.title} intro={d.intro} />
      <Form method="get" className="filters card" aria-label={d.monthField}>
        <div className="field">
          <label htmlFor="dues-month">{d.monthField}</label>
          <input id="dues-month" name="month" type="month" defaultValue={month} required />
        </div>
        <div className="field field-actions">
          <button type="submit" className="btn btn-primary">
            {d.show}
          </button>
        </div>
      </Form>
      <article className="card" aria-labelledby="dues-summary-title" data-testid="dues-summary">
        <h2 id="dues-summary-title">{d.summary(s.month)}</h2>
        <div className="stats">
          {stat(d.collectionRate, s.collectionRateBp === null ? d.noRate : `${(s.collectionRateBp / 100).toFixed(2)}%`, 'dues-rate')}
          {stat(d.due, d.yuan(fenText(s.dueFen)))}
          {stat(d.collected, d.yuan(fenText(s.collectedFen)))}
          {stat(d.trackedMembers, s.trackedMembers)}
          {stat(d.paidMembers, s.paidMembers)}
          {stat(d.unpaidMembers, s.unpaidMembers)}
          {stat(d.membersInArrears, s.membersInArrears)}
          {stat(d.openCases, s.openArrearsCases)}
        </div>
      </article>
      <article className="card" aria-labelledby="dues-exports-title">
        <h2 id="dues-exports-title">{d.exports}</h2>
        <p className="muted small">{d.exportsIntro(year)}</p>
        <p className="wf-actions">
          <a className="btn" href={`/dues/export.csv?year=${year}`} download data-testid="dues-export-csv">
            {d.exportCsv}
          </a>
          <a className="btn" href={`/dues/export.xlsx?year=${year}`} download data-testid="dues-export-xlsx">
            {d.exportXlsx}
          </a>
        </p>
      </article>
    </section>
  );
}
