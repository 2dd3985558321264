// Democratic appraisal. Secretaries: create a campaign, open it, move to peer assessment, propose
// ratings (the ≤ 1/3 优秀 cap counted live), finalise. Members: self-assessment and peer assessment.
import { Form, Link, useLoaderData, useNavigation } from 'react-router';
import { useActionResult } from '../../lib/use-action-result';
import type { Route } from './+types/appraisal';
import { Card, FoldedCard } from '../../components/Card';
import { Field } from '../../components/MeetingFields';
import { Notice } from '../../components/Notice';
import { nameChoices, Options } from '../../components/SelectField';
import { RowHead, TableCard } from '../../components/TableCard';
import { useLocale, useT } from '../../i18n/use-t';
import { localMessage } from '../../lib/errors';
import { titleFor } from '../../lib/meta';
import type { loader } from './campaigns.server';
import type { action } from './intents.server';
import { CampaignDetail } from './campaign-detail';
import type { ActionResult } from './types';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.appraisal.title);

export { loader } from './campaigns.server';
export { action } from './intents.server';

export default function Appraisal() {
  const t = useT();
  const locale = useLocale();
  const { staff, campaigns, branches, detail, year, myMemberId } = useLoaderData<typeof loader>();
  const result = useActionResult<ActionResult>();
  const busy = useNavigation().state === 'submitting';
  const failed = result && !result.ok ? result : null;
  return (
    <section className="page" aria-labelledby="appraisal-title">
      <h1 id="appraisal-title">{t.appraisal.title}</h1>
      <p className="muted">{t.appraisal.intro}</p>
      {failed ? (
        <div className="form-error" role="alert" data-testid="appraisal-error">
          <p>{localMessage(failed.error, locale)}</p>
          {failed.fields.length ? (
            <ul>
              {failed.fields.map((f, i) => (
                <li key={i}>
                  <span className="mono">{f.field}</span>：{locale === 'zh-CN' ? f.messageZh : f.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <Notice testId="appraisal-saved">
        {result?.ok ? (
          <>
            {t.appraisal.saved} {result.id ? <Link to={`?id=${result.id}`}>{t.appraisal.view}</Link> : null}
          </>
        ) : null}
      </Notice>

      {detail ? <CampaignDetail detail={detail} staff={staff} busy={busy} myMemberId={myMemberId} /> : null}

      <Card titleId="campaigns-title" title={t.appraisal.campaigns}>
        <TableCard testId="campaigns-table" frame="table-wrap" empty={campaigns.length === 0 ? t.appraisal.none : null} columns={[t.appraisal.name, staff && t.appraisal.unit, { label: t.appraisal.year, num: true }, t.appraisal.status]}>
          {campaigns.map((c) => (
            <tr key={c.id}>
              <RowHead to={`?id=${c.id}`} name={c.title} />
              {staff ? <td>{'orgUnit' in c ? <bdi>{(c.orgUnit as { name: string }).name}</bdi> : null}</td> : null}
              <td className="num">{c.year}</td>
              <td>{t.appraisal.statuses[c.status] ?? c.status}</td>
            </tr>
          ))}
        </TableCard>
      </Card>

      {staff ? (
        <FoldedCard summary={t.appraisal.create} open={failed?.intent === 'create'}>
          <Form method="post" className="form">
            <input type="hidden" name="intent" value="create" />
            <Field id="ap-unit" name="orgUnitId" label={t.appraisal.unit} as="select" required>
              <Options choices={nameChoices(branches)} />
            </Field>
            <Field id="ap-year" name="year" label={t.appraisal.year} type="number" required defaultValue={year} min={2000} max={2100} />
            <Field id="ap-title" name="title" label={t.appraisal.name} required maxLength={100} defaultValue={`${year} 年度民主评议党员`} />
            <Field id="ap-opens" name="opensOn" label={t.appraisal.opensOn} type="date" required />
            <Field id="ap-closes" name="closesOn" label={t.appraisal.closesOn} type="date" required />
            <button type="submit" className="btn btn-primary" disabled={busy} data-testid="appraisal-create">
              {t.appraisal.createSubmit}
            </button>
          </Form>
        </FoldedCard>
      ) : null}
    </section>
  );
}
