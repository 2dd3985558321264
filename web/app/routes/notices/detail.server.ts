// Server side of detail.tsx: one notice with the viewer's receipt, and for staff over its unit the
// confirmation figures and who has not confirmed; reading, confirming, reminding and withdrawing
// (asked first: it cannot be undone).
import { data } from 'react-router';
import type { Route } from './+types/detail';
import { isConfirmed } from '../../components/Confirm';
import type { ActionAnswer } from '../../lib/action-answer';
import { requireAccount } from '../../lib/auth.server';
import { readPostedForm } from '../../lib/form-action.server';
import { unknownIntent } from '../../lib/meetings.server';
import { isWriter, PAGE_ROLES } from '../../lib/roles';
import { pageUrl } from '../../lib/session.server';
import { graphql } from '../../graphql';
import { discussionAction, isDiscussionPost, loadDiscussion } from '../../lib/discussion.server';

const PENDING_PAGE = 20;
const CURSOR = /^[A-Za-z0-9+/=]{1,200}$/;

const NOTICE = graphql(`query NoticeDetail($id: ID!, $first: Int, $after: String) {
  notice(id: $id) {
    id version title body audience roles memberCount publishedAt remindedAt withdrawnAt addressedToMe
    unitName
    decision { id title }
    attachments { sha256 name type size }
    proof { ...ProofFields }
    myReceipt { id version readAt acknowledgedAt proof { ...ProofFields } }
    stats { audience read acknowledged }
    notAcknowledged(first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { node { accountId name unitName readAt } } }
  }
}`);

const READ = graphql(`mutation MarkNoticeRead($id: ID!) { markNoticeRead(id: $id) { id readAt } }`);
const ACK = graphql(`mutation AcknowledgeNotice($id: ID!) { acknowledgeNotice(id: $id) { id } }`);
const REMIND = graphql(`mutation RemindNotice($id: ID!) { remindNotice(id: $id) { reminded } }`);
const WITHDRAW = graphql(`mutation WithdrawNotice($id: ID!) { withdrawNotice(id: $id) { id } }`);

export async function loader({ request, params }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.notices);
  const url = pageUrl(request);
  const after = url.searchParams.get('after');
  const r = await ctx.query(NOTICE, { id: params.id, first: PENDING_PAGE, ...(after && CURSOR.test(after) ? { after } : {}) });
  return { notice: r.notice, justPublished: url.searchParams.get('published') === '1', canManage: r.notice.stats !== null && isWriter(ctx.account.role), discussion: await loadDiscussion(ctx, 'NOTICE', r.notice.id, url) };
}

export async function action({ request, params }: Route.ActionArgs) {
  if (await isDiscussionPost(request)) return discussionAction(request, 'NOTICE', params.id);
  const { ctx, form, intent, fail } = await readPostedForm(request, PAGE_ROLES.notices);
  const id = params.id;
  try {
    if (intent === 'read') {
      const r = await ctx.call(READ, { id });
      return data<ActionAnswer>({ ok: true, intent, id, done: r.markNoticeRead.readAt });
    }
    if (intent === 'acknowledge') {
      await ctx.call(ACK, { id });
      return data<ActionAnswer>({ ok: true, intent, id, done: 'acknowledged' });
    }
    if (intent === 'remind') {
      const r = await ctx.call(REMIND, { id });
      return data<ActionAnswer>({ ok: true, intent, id, done: String(r.remindNotice.reminded) });
    }
    if (intent === 'withdraw') {
      if (!isConfirmed(form)) return data<ActionAnswer>({ ok: true, intent, id, ask: {} });
      await ctx.call(WITHDRAW, { id });
      return data<ActionAnswer>({ ok: true, intent, id, done: 'withdrawn' });
    }
    return unknownIntent();
  } catch (error) {
    return fail(error);
  }
}
