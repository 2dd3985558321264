// /feedback — a member sends feedback to their unit and follows each item's status and response.
import { data, Form, useActionData, useLoaderData } from 'react-router';
import type { Route } from './+types/feedback';
import { FeedbackForm, type FeedbackFormState } from '../components/FeedbackForm';
import { FeedbackList, type FeedbackNode } from '../components/FeedbackList';
import { Pager, PortalTabs } from '../components/Portal';
import { SelectField } from '../components/SelectField';
import { useT } from '../i18n/use-t';
import { assertSameOrigin, requireAccount, rethrowForPage } from '../lib/auth.server';
import { localMessage } from '../lib/errors';
import { isFeedbackStatus } from '../lib/feedback';
import { PROOF_FIELDS } from '../lib/fragments';
import { fieldErrors, isRefusal } from '../lib/learning.server';
import { localeOf } from '../lib/locale.server';
import { titleFor } from '../lib/meta';
import { PAGE_INFO, pagingFrom, type Connection } from '../lib/portal';
import { FEEDBACK_STATUSES } from '../lib/feedback';
import { PAGE_ROLES } from '../lib/roles';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.feedback.title);

const MINE = `query MyFeedback($first: Int, $after: String, $last: Int, $before: String, $status: FeedbackStatus) {
  myFeedback(first: $first, after: $after, last: $last, before: $before, status: $status) {
    totalCount ${PAGE_INFO}
    edges { node { id version category topic content status submittedAt response respondedAt ${PROOF_FIELDS} } }
  }
}`;

const SUBMIT = `mutation Submit($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { id } }`;

export async function loader({ request }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.feedback);
  if (!ctx.account.memberId) return { list: null, status: '' };
  const url = new URL(request.url);
  const status = url.searchParams.get('status');
  const r = await ctx.query<{ myFeedback: Connection<FeedbackNode> }>(MINE, { ...pagingFrom(url), ...(isFeedbackStatus(status) ? { status } : {}) });
  return { list: r.myFeedback, status: isFeedbackStatus(status) ? status : '' };
}

export async function action({ request }: Route.ActionArgs) {
  assertSameOrigin(request);
  const ctx = await requireAccount(request, PAGE_ROLES.feedback);
  const form = await request.formData();
  const values = { category: String(form.get('category') ?? ''), topic: String(form.get('topic') ?? ''), content: String(form.get('content') ?? '') };
  try {
    const r = await ctx.call<{ submitFeedback: { id: string } }>(SUBMIT, { input: values });
    return data<FeedbackFormState>({ sentId: r.submitFeedback.id });
  } catch (error) {
    if (isRefusal(error)) {
      const fields = fieldErrors(error);
      const locale = await localeOf(request);
      return data<FeedbackFormState>({ values, fields, error: Object.keys(fields).length > 0 ? null : localMessage(error.payload(), locale) }, { status: error.status });
    }
    return rethrowForPage(error, request, ctx.session);
  }
}

export default function Feedback() {
  const t = useT();
  const f = t.feedback;
  const { list, status } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>() as FeedbackFormState | undefined;
  const hasFieldErrors = state?.fields && Object.keys(state.fields).length > 0;
  return (
    <section className="page portal" aria-labelledby="feedback-title">
      <h1 id="feedback-title">{f.title}</h1>
      <PortalTabs />
      <p className="lead">{f.intro}</p>
      {!list ? (
        <p className="notice">{f.needMember}</p>
      ) : (
        <div className="grid-2">
          <article className="card" aria-labelledby="fb-new-title">
            <h2 id="fb-new-title">{f.submitTitle}</h2>
            {state?.sentId ? (
              <p className="notice" role="status" data-testid="feedback-sent">
                {f.submitted}
              </p>
            ) : null}
            {hasFieldErrors ? (
              <p className="form-error" role="alert">
                {f.fixErrors}
              </p>
            ) : null}
            <FeedbackForm state={state} />
          </article>
          <article className="card" aria-labelledby="fb-mine-title">
            <h2 id="fb-mine-title">
              {f.mine} <span className="muted small">({list.totalCount})</span>
            </h2>
            <Form method="get" className="filters" aria-label={f.filterStatus}>
              <SelectField id="fb-status" name="status" label={f.filterStatus} defaultValue={status} any={f.any} choices={FEEDBACK_STATUSES.map((s) => ({ value: s, label: f.statuses[s] }))} />
              <div className="field field-actions">
                <button type="submit" className="btn">
                  {f.filter}
                </button>
              </div>
            </Form>
            <FeedbackList items={list.edges.map((e) => e.node)} />
            <Pager pageInfo={list.pageInfo} />
          </article>
        </div>
      )}
    </section>
  );
}
