// Democratic appraisal. Secretaries: create a campaign, open it, move to peer assessment, propose
// ratings (the ≤ 1/3 优秀 cap counted live), finalise. Members: self-assessment and peer assessment.
import { Form, Link, useActionData, useLoaderData, useNavigation } from 'react-router';
import type { Route } from './+types/appraisal';
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
  const result = useActionData<typeof action>() as ActionResult | undefined;
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
      {result?.ok ? (
        <p className="notice" role="status" data-testid="appraisal-saved">
          {t.appraisal.saved} {result.id ? <Link to={`?id=${result.id}`}>{t.appraisal.view}</Link> : null}
        </p>
      ) : null}

      {detail ? <CampaignDetail detail={detail} staff={staff} busy={busy} myMemberId={myMemberId} /> : null}

      <article className="card" aria-labelledby="campaigns-title">
        <h2 id="campaigns-title">{t.appraisal.campaigns}</h2>
        <div className="table-wrap">
          <table className="table" data-testid="campaigns-table">
            <thead>
              <tr>
                <th scope="col">{t.appraisal.name}</th>
                {staff ? <th scope="col">{t.appraisal.unit}</th> : null}
                <th scope="col" className="num">
                  {t.appraisal.year}
                </th>
                <th scope="col">{t.appraisal.status}</th>
              </tr>
            </thead>
            <tbody>
              {campaigns.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link to={`?id=${c.id}`}><bdi>{c.title}</bdi></Link>
                  </th>
                  {staff ? <td>{'orgUnit' in c ? <bdi>{(c.orgUnit as { name: string }).name}</bdi> : null}</td> : null}
                  <td className="num">{c.year}</td>
                  <td>{t.appraisal.statuses[c.status] ?? c.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {campaigns.length === 0 ? <p className="empty">{t.appraisal.none}</p> : null}
        </div>
      </article>

      {staff ? (
        <details className="card" open={failed?.intent === 'create'}>
          <summary>{t.appraisal.create}</summary>
          <Form method="post" className="form">
            <input type="hidden" name="intent" value="create" />
            <label htmlFor="ap-unit">{t.appraisal.unit}</label>
            <select id="ap-unit" name="orgUnitId" required>
              {branches.map((b) => (
                <option key={b.id} value={b.id} translate="no">
                  {b.name}
                </option>
              ))}
            </select>
            <label htmlFor="ap-year">{t.appraisal.year}</label>
            <input id="ap-year" name="year" type="number" required defaultValue={year} min={2000} max={2100} />
            <label htmlFor="ap-title">{t.appraisal.name}</label>
            <input id="ap-title" name="title" required maxLength={100} defaultValue={`${year} 年度民主评议党员`} />
            <label htmlFor="ap-opens">{t.appraisal.opensOn}</label>
            <input id="ap-opens" name="opensOn" type="date" required />
            <label htmlFor="ap-closes">{t.appraisal.closesOn}</label>
            <input id="ap-closes" name="closesOn" type="date" required />
            <button type="submit" className="btn btn-primary" disabled={busy} data-testid="appraisal-create">
              {t.appraisal.createSubmit}
            </button>
          </Form>
        </details>
      ) : null}
    </section>
  );
}
