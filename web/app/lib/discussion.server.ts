// Server side of the Discussion component (components/Discussion.tsx), shared by the notice,
// decision and meeting pages: the thread (oldest first, a page at a time), the people who may be
// mentioned (found by name with ?who=), and the page action's two discussion intents — posting a
// comment with its mentions, and hiding one with a reason (asked first: it cannot be undone).
import { data } from 'react-router';
import { isConfirmed } from '../components/Confirm';
import { graphql } from '../graphql';
import type { CommentSubject } from '../graphql/graphql';
import type { ActionAnswer } from './action-answer';
import type { AccountContext } from './auth.server';
import { readPostedForm } from './form-action.server';

const PAGE = 50;
const CURSOR = /^[A-Za-z0-9+/=_-]{1,200}$/;
/** Whoever may open the three pages may take part; the API decides who sees which thread. */
const ANY_ROLE = ['MEMBER', 'SECRETARY', 'LEADER', 'ADMIN'] as const;
const INTENTS = new Set(['comment', 'hide-comment']);

const THREAD = graphql(`query DiscussionThread($subjectType: CommentSubject!, $subjectId: ID!, $first: Int, $after: String, $search: String) {
  comments(subjectType: $subjectType, subjectId: $subjectId, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id version body bodySha256 hiddenAt hiddenReason canHide mine createdAt author { accountId name } mentions { accountId name } proof { ...ProofFields } } }
  }
  commentMentionCandidates(subjectType: $subjectType, subjectId: $subjectId, search: $search, first: 10) { accountId name unitName role }
}`);

const POST = graphql(`mutation PostComment($input: PostCommentInput!) { postComment(input: $input) { id } }`);
const HIDE = graphql(`mutation HideComment($id: ID!, $reason: String!) { hideComment(id: $id, reason: $reason) { id } }`);

/** The thread of a subject for its page: `?comments=<cursor>` pages on, `?who=<name>` finds people to mention. */
export async function loadDiscussion(ctx: AccountContext, subjectType: CommentSubject, subjectId: string, url: URL) {
  const after = url.searchParams.get('comments');
  const search = (url.searchParams.get('who') ?? '').trim().slice(0, 50);
  const r = await ctx.query(THREAD, { subjectType, subjectId, first: PAGE, ...(after && CURSOR.test(after) ? { after } : {}), search: search || null });
  return { subjectType, subjectId, search, thread: r.comments, candidates: r.commentMentionCandidates };
}

export type DiscussionData = Awaited<ReturnType<typeof loadDiscussion>>;

/** Whether this post is one of the discussion's forms (read from a copy, so the page's own action can still read the body). */
export async function isDiscussionPost(request: Request): Promise<boolean> {
  if (request.method !== 'POST') return false;
  const form = await request.clone().formData();
  return INTENTS.has(String(form.get('intent') ?? ''));
}

/** The page action's answer to a discussion form: posted (`done`), asked before hiding (`ask`), or refused (a form failure). */
export async function discussionAction(request: Request, subjectType: CommentSubject, subjectId: string) {
  const { ctx, form, intent, text, fail } = await readPostedForm(request, ANY_ROLE);
  try {
    if (intent === 'comment') {
      const mentions = [...new Set(form.getAll('mention').map(String).filter(Boolean))];
      const r = await ctx.call(POST, { input: { subjectType, subjectId, body: String(form.get('body') ?? ''), mentions } });
      return data<ActionAnswer>({ ok: true, intent, id: subjectId, done: r.postComment.id });
    }
    const id = text('id');
    const reason = text('reason');
    // Asked only about a reason the API can take; a missing one goes straight to its refusal beside the field.
    if (!isConfirmed(form) && reason.length >= 2) return data<ActionAnswer>({ ok: true, intent, id, ask: { reason } });
    await ctx.call(HIDE, { id, reason });
    return data<ActionAnswer>({ ok: true, intent, id, done: id });
  } catch (error) {
    return fail(error, intent === 'hide-comment' ? `hide-comment:${text('id')}` : intent);
  }
}
