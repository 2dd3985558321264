// /feedback — a member sends feedback to their unit and follows each item's status and response.
import { Form, useLoaderData } from 'react-router';
import { useActionResult } from '../../lib/use-action-result';
import type { Route } from './+types/mine';
import { Card } from '../../components/Card';
import { FeedbackForm, type FeedbackFormState } from '../../components/FeedbackForm';
import { FeedbackList } from '../../components/FeedbackList';
import { Notice } from '../../components/Notice';
import { Pager, PortalTabs } from '../../components/Portal';
import { choicesOf, SelectField } from '../../components/SelectField';
import { useT } from '../../i18n/use-t';
import { titleFor } from '../../lib/meta';
import { FEEDBACK_STATUSES } from '../../lib/feedback';
import type { loader, action } from './mine.server';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.feedback.title);

export { loader, action } from './mine.server';

export default function Feedback() {
  const t = useT();
  const f = t.feedback;
  const { list, status } = useLoaderData<typeof loader>();
  const state = useActionResult<FeedbackFormState>();
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
          <Card titleId="fb-new-title" title={f.submitTitle}>
            <Notice testId="feedback-sent">{state?.sentId ? f.submitted : null}</Notice>
            {hasFieldErrors ? (
              <p className="form-error" role="alert">
                {f.fixErrors}
              </p>
            ) : null}
            <FeedbackForm state={state} />
          </Card>
          <article className="card" aria-labelledby="fb-mine-title">
            <h2 id="fb-mine-title">
              {f.mine} <span className="muted small">({list.totalCount})</span>
            </h2>
            <Form method="get" className="filters" aria-label={f.filterStatus}>
              <SelectField id="fb-status" name="status" label={f.filterStatus} defaultValue={status} any={f.any} choices={choicesOf(FEEDBACK_STATUSES, f.statuses)} />
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
