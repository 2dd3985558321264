// Dues (党费) for the branch: the month's collection rate and who is behind over the viewer's
// subtree, the way to each dues page, and the finance office's exports (CSV and .xlsx).
import { useLoaderData } from 'react-router';
import type { Route } from './+types/overview';
import { Card } from '../../components/Card';
import { DuesHead } from '../../components/DuesTabs';
import { Stat } from '../../components/Facts';
import { FilterForm } from '../../components/FilterForm';
import { Field } from '../../components/MeetingFields';
import { useT } from '../../i18n/use-t';
import { fenText } from '../../lib/dues';
import { titleFor } from '../../lib/meta';
import type { loader } from './overview.server';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.dues.title);

export { loader } from './overview.server';

export default function DuesOverview() {
  const d = useT().dues;
  const { summary: s, month, year } = useLoaderData<typeof loader>();
  return (
    <section className="page" aria-labelledby="dues-title">
      <DuesHead id="dues-title" title={d.title} intro={d.intro} />
      <FilterForm label={d.monthField} search={false} submit={d.show}>
        <Field boxed id="dues-month" name="month" label={d.monthField} type="month" defaultValue={month} required />
      </FilterForm>
      <Card titleId="dues-summary-title" title={d.summary(s.month)} testId="dues-summary">
        <div className="stats">
          <Stat label={d.collectionRate} valueTestId="dues-rate">
            {s.collectionRateBp === null ? d.noRate : `${(s.collectionRateBp / 100).toFixed(2)}%`}
          </Stat>
          <Stat label={d.due}>{d.yuan(fenText(s.dueFen))}</Stat>
          <Stat label={d.collected}>{d.yuan(fenText(s.collectedFen))}</Stat>
          <Stat label={d.trackedMembers}>{s.trackedMembers}</Stat>
          <Stat label={d.paidMembers}>{s.paidMembers}</Stat>
          <Stat label={d.unpaidMembers}>{s.unpaidMembers}</Stat>
          <Stat label={d.membersInArrears}>{s.membersInArrears}</Stat>
          <Stat label={d.openCases}>{s.openArrearsCases}</Stat>
        </div>
      </Card>
      <Card titleId="dues-exports-title" title={d.exports} intro={d.exportsIntro(year)}>
        <p className="wf-actions">
          <a className="btn" href={`/dues/export.csv?year=${year}`} download data-testid="dues-export-csv">
            {d.exportCsv}
          </a>
          <a className="btn" href={`/dues/export.xlsx?year=${year}`} download data-testid="dues-export-xlsx">
            {d.exportXlsx}
          </a>
        </p>
      </Card>
    </section>
  );
}
