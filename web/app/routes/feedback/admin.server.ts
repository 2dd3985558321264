import { pageUrl } from '../../lib/session.server';
// Server side of admin.tsx: its loader and actions and the GraphQL documents they send.
import { data } from 'react-router';
import type { Route } from './+types/admin';
import { assertSameOrigin, requireAccount, rethrowForPage } from '../../lib/auth.server';
import { isFeedbackStatus } from '../../lib/feedback';
import { ApiError } from '../../lib/graphql.server';
import { PAGE_ROLES } from '../../lib/roles';
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
  const p = pageUrl(request).searchParams;
  const status = p.get('status');
  const before = p.get('before');
  const after = p.get('after');
  const filter = isFeedbackStatus(status) ? { status } : {};
  const paging = before ? { last: PAGE_SIZE, before } : { first: PAGE_SIZE, ...(after ? { after } : {}) };
  const r = await ctx.query(LIST, { ...filter, ...paging });
  return { status: filter.status ?? '', list: r.memberFeedback };
}

export async function action({ request }: Route.ActionArgs) {
  assertSameOrigin(request);
  const ctx = await requireAccount(request, PAGE_ROLES.feedbackAdmin);
  const form = await request.formData();
  const id = String(form.get('id') ?? '');
  const response = String(form.get('response') ?? '').trim();
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
