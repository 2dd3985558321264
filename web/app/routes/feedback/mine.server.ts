import { pageUrl } from '../../lib/session.server';
// Server side of mine.tsx: its loader and actions and the GraphQL documents they send.
import { data } from 'react-router';
import type { Route } from './+types/mine';
import { type FeedbackFormState } from '../../components/FeedbackForm';
import { assertSameOrigin, requireAccount, rethrowForPage } from '../../lib/auth.server';
import { localMessage } from '../../lib/errors';
import { isFeedbackStatus } from '../../lib/feedback';
import { fieldErrors, isRefusal } from '../../lib/learning.server';
import { localeOf } from '../../lib/locale.server';
import { pagingFrom } from '../../lib/portal';
import { PAGE_ROLES } from '../../lib/roles';
import { graphql } from '../../graphql';
import type { FeedbackCategory } from '../../graphql/graphql';

const MINE = graphql(`query MyFeedback($first: Int, $after: String, $last: Int, $before: String, $status: FeedbackStatus) {
  myFeedback(first: $first, after: $after, last: $last, before: $before, status: $status) {
    totalCount pageInfo { ...PageFields }
    edges { node { id version category topic content status submittedAt response respondedAt proof { ...ProofFields } } }
  }
}`);

const SUBMIT = graphql(`mutation SubmitFeedback($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { id } }`);

export async function loader({ request }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.feedback);
  if (!ctx.account.memberId) return { list: null, status: '' };
  const url = pageUrl(request);
  const status = url.searchParams.get('status');
  const r = await ctx.query(MINE, { ...pagingFrom(url), ...(isFeedbackStatus(status) ? { status } : {}) });
  return { list: r.myFeedback, status: isFeedbackStatus(status) ? status : '' };
}

export async function action({ request }: Route.ActionArgs) {
  assertSameOrigin(request);
  const ctx = await requireAccount(request, PAGE_ROLES.feedback);
  const form = await request.formData();
  const values = { category: String(form.get('category') ?? '') as FeedbackCategory, topic: String(form.get('topic') ?? ''), content: String(form.get('content') ?? '') };
  try {
    const r = await ctx.call(SUBMIT, { input: values });
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
