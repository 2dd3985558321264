// Member feedback (党员意见建议): the type, the member's own list, the staff list of a subtree,
// and submitting and responding. The author and staff of the unit's subtree see an item; other
// members do not (FORBIDDEN), whatever unit they share.
import type { FeedbackCategory, FeedbackStatus, Prisma } from '@lianjian/db';
import { builder } from '../../../graphql/builder.js';
import { dbEnum } from '../../../graphql/enums.js';
import { memberFields, timestamps, unitFields } from '../../../graphql/fields.js';
import { byIdField, listField, recordMutation, subtreeList, subtreeWhere } from '../../../graphql/rows.js';
import { assertCanSeeMember, ownMemberId } from '../../../shared/access.js';
import type { Context } from '../../../shared/context.js';
import { requireUuid } from '../../../shared/ids.js';
import { NEXT, respondToFeedback, submitFeedback } from '../service.js';
import { verifiableObject } from '../../../graphql/verifiable.js';

export const FeedbackCategoryEnum = dbEnum('FeedbackCategory', 'SUGGESTION 建议 / OPINION 意见 / REQUEST 诉求 / COMPLAINT 投诉 / OTHER 其他');
export const FeedbackStatusEnum = dbEnum('FeedbackStatus', 'SUBMITTED 已提交 → ACKNOWLEDGED 已受理 → IN_PROGRESS 办理中 → RESOLVED 已办结 → CLOSED 已关闭 (ACKNOWLEDGED may go straight to RESOLVED; CLOSED before RESOLVED: declined, with the reason)');

async function assertCanSeeFeedback(ctx: Context, row: { memberId: string; orgUnitId: string }): Promise<void> {
  const unitPath = (await ctx.loaders.orgUnit.load(row.orgUnitId))?.path ?? '\u0000';
  assertCanSeeMember(ctx, { id: row.memberId, unitPath });
}

verifiableObject('MemberFeedback', assertCanSeeFeedback, {
  description: 'A member’s feedback to the organisation with its handling and response',
  select: { memberId: true },
  fields: (t) => ({
    ...unitFields(t, 'The author’s unit when submitted'),
    ...memberFields(t),
    category: t.expose('category', { type: FeedbackCategoryEnum }),
    topic: t.exposeString('topic', { description: 'Title' }),
    content: t.exposeString('content', { description: 'Body' }),
    status: t.expose('status', { type: FeedbackStatusEnum }),
    nextStatuses: t.field({
      type: [FeedbackStatusEnum],
      select: { status: true },
      description: 'Where respondToFeedback may move it now (empty once CLOSED)',
      resolve: (row) => [...NEXT[row.status]],
    }),
    submittedAt: t.expose('submittedAt', { type: 'DateTime' }),
    response: t.exposeString('response', { nullable: true, description: 'The organisation’s latest response' }),
    respondedById: t.exposeID('respondedById', { nullable: true }),
    respondedAt: t.expose('respondedAt', { type: 'DateTime', nullable: true }),
    ...timestamps(t),
  }),
});

interface FeedbackFilter {
  status?: FeedbackStatus | null;
  category?: FeedbackCategory | null;
}

function filters(args: FeedbackFilter): Prisma.MemberFeedbackWhereInput {
  return { ...(args.status ? { status: args.status } : {}), ...(args.category ? { category: args.category } : {}) };
}

async function feedbackWhere(ctx: Context, args: FeedbackFilter & { under?: string | number | null; memberId?: string | number | null }) {
  const where: Prisma.MemberFeedbackWhereInput = { ...(await subtreeWhere(ctx, args.under)), ...filters(args) };
  if (args.memberId != null) where.memberId = requireUuid('memberId', args.memberId);
  return where;
}

builder.queryFields((t) => ({
  // No check of its own: the type's row rule decides who may see it.
  feedback: byIdField(t, 'MemberFeedback', { what: ['Feedback', '意见建议'], description: 'One feedback item: your own, or one in your subtree (staff)' }),
  myFeedback: listField(t, 'MemberFeedback', {
    description: 'The feedback you submitted, with the responses, newest first',
    args: { status: t.arg({ type: FeedbackStatusEnum }), category: t.arg({ type: FeedbackCategoryEnum }) },
    authScopes: { signedIn: true },
    where: (ctx, args) => ({ ...filters(args), memberId: ownMemberId(ctx) }),
    orderBy: [{ submittedAt: 'desc' }, { id: 'asc' }],
  }),
  memberFeedback: subtreeList(t, 'MemberFeedback', {
    description: 'Feedback submitted in a subtree (staff, or an API key with "MemberFeedback:read"), newest first',
    args: { status: t.arg({ type: FeedbackStatusEnum }), category: t.arg({ type: FeedbackCategoryEnum }), memberId: t.arg.id() },
    authScopes: { $any: { staff: true, partner: 'MemberFeedback:read' } },
    where: feedbackWhere,
    orderBy: [{ submittedAt: 'desc' }, { id: 'asc' }],
  }),
}));

const SubmitFeedbackInput = builder.inputType('SubmitFeedbackInput', {
  fields: (t) => ({
    category: t.field({ type: FeedbackCategoryEnum, required: true }),
    topic: t.string({ required: true, description: 'Title, 2–100 characters on one line' }),
    content: t.string({ required: true, description: 'Body, 10–5000 characters' }),
  }),
});

builder.mutationFields((t) => ({
  submitFeedback: recordMutation(t, 'MemberFeedback', {
    description: 'Submits feedback to your unit (members; the account must have a member record)',
    args: { input: t.arg({ type: SubmitFeedbackInput, required: true }) },
    authScopes: { signedIn: true },
    write: (ctx, { input }) => submitFeedback(ctx, input),
  }),
  respondToFeedback: recordMutation(t, 'MemberFeedback', {
    description: 'Moves feedback to its next status with a response (required for RESOLVED and CLOSED); secretary of the unit or admin',
    args: {
      id: t.arg.id({ required: true }),
      status: t.arg({ type: FeedbackStatusEnum, required: true }),
      response: t.arg.string({ description: 'At most 5000 characters; replaces the previous response' }),
      expectedVersion: t.arg.int(),
    },
    write: (ctx, args) => respondToFeedback(ctx, String(args.id), { status: args.status, response: args.response, expectedVersion: args.expectedVersion }),
  }),
}));
