import { pageUrl } from '../../lib/session.server';
// Server side of admin.tsx: its loader and actions and the GraphQL documents they send.
import { data } from 'react-router';
import type { Route } from './+types/admin';
import { requireAccount, rethrowForPage } from '../../lib/auth.server';
import { readPostedForm } from '../../lib/form-action.server';
import { FEEDBACK_STATUSES } from '../../lib/feedback';
import { ApiError } from '../../lib/graphql.server';
import { PAGE_ROLES } from '../../lib/roles';
import { paramOneOf } from '../../lib/one-of';
import { pagingFrom } from '../../lib/portal';
import { graphql } from '../../graphql';
import type { FeedbackStatus } from '../../graphql/graphql';
import type { ActionResult } from './admin';

const PAGE_SIZE = 20;

const LIST = graphql(`query Feedback($first: Int, $after: String, $last: Int, $before: String, $status: FeedbackStatus) {
  memberFeedback(first: $first, after: $after, last: $last, before: $before, status: $status) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { node { id version category topic content status nextStatuses submittedAt response respondedAt orgUnit { name } } }
  }
}`);

const RESPOND = graphql(`mutation Respond($id: ID!, $status: FeedbackStatus!, $response: String, $v: Int) { respondToFeedback(id: $id, status: $status, response: $response, expectedVersion: $v) { id } }`);

// Staff see whose unit an item came from; the proof is on the member's own page.
export async function loader({ request }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.feedbackAdmin);
  const url = pageUrl(request);
  const status = paramOneOf(url, 'status', FEEDBACK_STATUSES);
  const r = await ctx.query(LIST, { ...(status ? { status } : {}), ...pagingFrom(url, '', PAGE_SIZE) });
  return { status: status ?? '', list: r.memberFeedback };
}

export async function action({ request }: Route.ActionArgs) {
  const { ctx, form, id, text } = await readPostedForm(request, PAGE_ROLES.feedbackAdmin);
  const response = text('response');
  try {
    await ctx.call(RESPOND, { id, status: String(form.get('status') ?? '') as FeedbackStatus, v: Number(form.get('version')), ...(response ? { response } : {}) });
    return data<ActionResult>({ ok: true });
  } catch (error) {
    if (error instanceof ApiError && [400, 403, 404, 409].includes(error.status)) {
      return data<ActionResult>({ ok: false, id, error: error.payload(), fields: error.fields }, { status: error.status });
    }
    return rethrowForPage(error, request, ctx.session);
  }
}
