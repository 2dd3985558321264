// Feedback handling (secretaries, admins): members' feedback of the subtree, moved through its
// status flow (SUBMITTED → ACKNOWLEDGED → IN_PROGRESS → RESOLVED → CLOSED) with responses. Where
// an item may go next is the API's answer (nextStatuses), not a copy of its flow.
import { data, Form, useActionData, useLoaderData, useNavigation } from 'react-router';
import type { Route } from './+types/feedback-admin';
import type { FeedbackNode } from '../components/FeedbackList';
import { FilterForm } from '../components/FilterForm';
import { filterPageHref, PageLinks } from '../components/PageLinks';
import { SelectField } from '../components/SelectField';
import * as text from '../i18n/areas/feedback-admin';
import { useLocale, useT } from '../i18n/use-t';
import { assertSameOrigin, requireAccount, rethrowForPage } from '../lib/auth.server';
import { localMessage, type ErrorPayload } from '../lib/errors';
import { FEEDBACK_STATUSES } from '../lib/feedback';
import { formatDateTime } from '../lib/format';
import { ApiError, type FieldError } from '../lib/graphql.server';
import { titleFor } from '../lib/meta';
import type { Connection } from '../lib/portal';
import { PAGE_ROLES } from '../lib/roles';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.nav.feedbackAdmin);

const PAGE_SIZE = 20;
const LIST = `query Feedback($first: Int, $after: String, $last: Int, $before: String, $status: FeedbackStatus) {
  memberFeedback(first: $first, after: $after, last: $last, before: $before, status: $status) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { node { id version category topic content status nextStatuses submittedAt response respondedAt orgUnit { name } } }
  }
}`;
const RESPOND = `mutation Respond($id: ID!, $status: FeedbackStatus!, $response: String, $v: Int) { respondToFeedback(id: $id, status: $status, response: $response, expectedVersion: $v) { id } }`;

// Staff see whose unit an item came from; the proof is on the member's own page.
type Item = Omit<FeedbackNode, 'proof'> & { orgUnit: { name: string }; nextStatuses: string[] };

type ActionResult = { ok: true } | { ok: false; id: string; error: ErrorPayload; fields: FieldError[] };

export async function loader({ request }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.feedbackAdmin);
  const p = new URL(request.url).searchParams;
  const status = p.get('status');
  const before = p.get('before');
  const after = p.get('after');
  const filter = (FEEDBACK_STATUSES as readonly string[]).includes(status ?? '') ? { status } : {};
  const paging = before ? { last: PAGE_SIZE, before } : { first: PAGE_SIZE, ...(after ? { after } : {}) };
  const r = await ctx.query<{ memberFeedback: Connection<Item> }>(LIST, { ...filter, ...paging });
  return { status: filter.status ?? '', list: r.memberFeedback };
}

export async function action({ request }: Route.ActionArgs) {
  assertSameOrigin(request);
  const ctx = await requireAccount(request, PAGE_ROLES.feedbackAdmin);
  const form = await request.formData();
  const id = String(form.get('id') ?? '');
  const response = String(form.get('response') ?? '').trim();
  try {
    await ctx.call(RESPOND, { id, status: String(form.get('status') ?? ''), v: Number(form.get('version')), ...(response ? { response } : {}) });
    return data<ActionResult>({ ok: true });
  } catch (error) {
    if (error instanceof ApiError && [400, 403, 404, 409].includes(error.status)) {
      return data<ActionResult>({ ok: false, id, error: error.payload(), fields: error.fields }, { status: error.status });
    }
    return rethrowForPage(error, request, ctx.session);
  }
}

export default function FeedbackAdmin() {
  const t = useT();
  const locale = useLocale();
  const x = locale === 'zh-CN' ? text.zh : text.en;
  const { status, list } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const busy = useNavigation().state === 'submitting';
  return (
    <section className="page" aria-labelledby="fa-title">
      <h1 id="fa-title">{x.title}</h1>
      <p className="muted">{x.intro}</p>
      {result?.ok ? (
        <p className="notice" role="status">
          {x.saved}
        </p>
      ) : null}
      <FilterForm label={x.filter} submit={x.filter}>
        <SelectField id="fa-status" name="status" label={x.status} defaultValue={status} any={x.any} choices={FEEDBACK_STATUSES.map((s) => ({ value: s, label: t.feedback.statuses[s] ?? s }))} />
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
              {f.topic} <span className="badge">{t.feedback.categories[f.category] ?? f.category}</span>{' '}
              <span className="badge badge-pending">{t.feedback.statuses[f.status] ?? f.status}</span>
            </h2>
            <p className="muted small">
              {f.orgUnit.name} · {x.submittedAt} {formatDateTime(f.submittedAt)}
            </p>
            <p>{f.content}</p>
            {f.response ? (
              <p className="notice">
                {x.response}：{f.response}
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
