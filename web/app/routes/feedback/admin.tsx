// Feedback handling (secretaries, admins): members' feedback of the subtree, moved through its
// status flow (SUBMITTED → ACKNOWLEDGED → IN_PROGRESS → RESOLVED → CLOSED) with responses. Where
// an item may go next is the API's answer (nextStatuses), not a copy of its flow.
import { Form, useLoaderData, useNavigation } from 'react-router';
import { useActionResult } from '../../lib/use-action-result';
import type { Route } from './+types/admin';
import { FilterForm } from '../../components/FilterForm';
import { Notice } from '../../components/Notice';
import { filterPageHref, PageLinks } from '../../components/PageLinks';
import { choicesOf, SelectField } from '../../components/SelectField';
import * as text from '../../i18n/areas/feedback-admin';
import { useLocale, useT } from '../../i18n/use-t';
import { localMessage, type ErrorPayload } from '../../lib/errors';
import { FEEDBACK_STATUSES } from '../../lib/feedback';
import { formatDateTime } from '../../lib/format';
import type { FieldError } from '../../lib/graphql.server';
import { titleFor } from '../../lib/meta';
import type { loader, action } from './admin.server';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.nav.feedbackAdmin);

export { loader, action } from './admin.server';

export type ActionResult = { ok: true } | { ok: false; id: string; error: ErrorPayload; fields: FieldError[] };

export default function FeedbackAdmin() {
  const t = useT();
  const locale = useLocale();
  const x = locale === 'zh-CN' ? text.zh : text.en;
  const { status, list } = useLoaderData<typeof loader>();
  const result = useActionResult<ActionResult>();
  const busy = useNavigation().state === 'submitting';
  return (
    <section className="page" aria-labelledby="fa-title">
      <h1 id="fa-title">{x.title}</h1>
      <p className="muted">{x.intro}</p>
      <Notice>{result?.ok ? x.saved : null}</Notice>
      <FilterForm label={x.filter} submit={x.filter}>
        <SelectField id="fa-status" name="status" label={x.status} defaultValue={status} any={x.any} choices={choicesOf(FEEDBACK_STATUSES, t.feedback.statuses)} />
      </FilterForm>
      <p className="muted" role="status">
        {x.total(list.totalCount)}
      </p>
      {list.edges.length === 0 ? <p className="empty">{x.none}</p> : null}
      {list.edges.map(({ node: f }) => {
        const failed = result && !result.ok && result.id === f.id ? result : null;
        const responseError = failed?.fields.find((e) => e.field === 'response');
        return (
          <article key={f.id} className="card" aria-labelledby={`fb-${f.id}`} data-feedback={f.id}>
            <h2 id={`fb-${f.id}`}>
              <bdi>{f.topic}</bdi> <span className="badge">{t.feedback.categories[f.category] ?? f.category}</span>{' '}
              <span className="badge badge-pending">{t.feedback.statuses[f.status] ?? f.status}</span>
            </h2>
            <p className="muted small">
              <bdi>{f.orgUnit.name}</bdi> · {x.submittedAt} {formatDateTime(f.submittedAt)}
            </p>
            <p><bdi>{f.content}</bdi></p>
            {f.response ? (
              <p className="notice">
                {x.response}：<bdi>{f.response}</bdi>
              </p>
            ) : null}
            {failed ? (
              <p className="form-error" role="alert">
                {localMessage(failed.error, locale)}
              </p>
            ) : null}
            {f.nextStatuses.length === 0 ? (
              <p className="muted">{x.closed}</p>
            ) : (
              <Form method="post" className="form">
                <input type="hidden" name="id" value={f.id} />
                <input type="hidden" name="version" value={f.version} />
                <label htmlFor={`st-${f.id}`}>{x.moveTo}</label>
                <select id={`st-${f.id}`} name="status">
                  {f.nextStatuses.map((s) => (
                    <option key={s} value={s}>
                      {t.feedback.statuses[s] ?? s}
                    </option>
                  ))}
                </select>
                <label htmlFor={`rs-${f.id}`}>{x.response}</label>
                <textarea id={`rs-${f.id}`} name="response" rows={3} maxLength={5000} defaultValue={f.response ?? ''} aria-invalid={responseError ? true : undefined} />
                {responseError ? (
                  <p className="field-error" role="alert">
                    {locale === 'zh-CN' ? responseError.messageZh : responseError.message}
                  </p>
                ) : null}
                <button type="submit" className="btn btn-primary" disabled={busy}>
                  {x.save}
                </button>
              </Form>
            )}
          </article>
        );
      })}
      <PageLinks pageInfo={list.pageInfo} href={filterPageHref({ status })} text={x} />
    </section>
  );
}
