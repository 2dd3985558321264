// Member feedback (党员意见建议): the type, the member's own list, the staff list of a subtree,
// and submitting and responding. The author and staff of the unit's subtree see an item; other
// members do not (FORBIDDEN), whatever unit they share.
import { FeedbackCategory, FeedbackStatus, type Prisma } from '@lianjian/db';
import { builder } from '../../../graphql/builder.js';
import { byIdField, recordMutation, scopedConnection, underUnit } from '../../../graphql/rows.js';
import { assertCanSeeMember, listRoot } from '../../../shared/access.js';
import type { Context } from '../../../shared/context.js';
import { forbidden, unauthenticated } from '../../../shared/errors.js';
import { requireUuid } from '../../../shared/ids.js';
import { NEXT, respondToFeedback, submitFeedback } from '../service.js';
import { verifiableFields, verifiableRow } from '../../../graphql/verifiable.js';

export const FeedbackCategoryEnum = builder.enumType(FeedbackCategory, {
  name: 'FeedbackCategory',
  description: 'SUGGESTION 建议 / OPINION 意见 / REQUEST 诉求 / COMPLAINT 投诉 / OTHER 其他',
});
export const FeedbackStatusEnum = builder.enumType(FeedbackStatus, {
  name: 'FeedbackStatus',
  description: 'SUBMITTED 已提交 → ACKNOWLEDGED 已受理 → IN_PROGRESS 办理中 → RESOLVED 已办结 → CLOSED 已关闭 (ACKNOWLEDGED may go straight to RESOLVED; CLOSED before RESOLVED: declined, with the reason)',
});

async function assertCanSeeFeedback(ctx: Context, row: { memberId: string; orgUnitId: string }): Promise<void> {
  const unitPath = (await ctx.loaders.orgUnit.load(row.orgUnitId))?.path ?? '\u0000';
  assertCanSeeMember(ctx, { id: row.memberId, unitPath });
}

builder.prismaObject('MemberFeedback', {
  description: 'A member’s feedback to the organisation with its handling and response',
  ...verifiableRow('MemberFeedback', assertCanSeeFeedback),
  select: { id: true, version: true, orgUnitId: true, memberId: true },
  fields: (t) => ({
    ...verifiableFields(t),
    orgUnitId: t.exposeID('orgUnitId', { description: 'The author’s unit when submitted' }),
    orgUnit: t.relation('orgUnit'),
    memberId: t.exposeID('memberId'),
    member: t.relation('member'),
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
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

interface FeedbackFilter {
  status?: FeedbackStatus | null;
  category?: FeedbackCategory | null;
}

function filters(args: FeedbackFilter): Prisma.MemberFeedbackWhereInput {
  return { ...(args.status ? { status: args.status } : {}), ...(args.category ? { category: args.category } : {}) };
}

function ownMemberId(ctx: Context): string {
  const p = ctx.principal;
  if (p.kind === 'anonymous') throw unauthenticated();
  if (p.kind !== 'account' || !p.memberId) throw forbidden('This account has no member record of its own.', '该账号没有对应的党员记录。');
  return p.memberId;
}

async function subtreeWhere(ctx: Context, args: FeedbackFilter & { under?: string | number | null; memberId?: string | number | null }) {
  const under = await underUnit(ctx, args.under);
  const root = listRoot(ctx, under);
  const where: Prisma.MemberFeedbackWhereInput = filters(args);
  if (root) where.orgUnit = { path: { startsWith: root } };
  if (args.memberId != null) where.memberId = requireUuid('memberId', args.memberId);
  return where;
}

builder.queryFields((t) => ({
  // No check of its own: the type's row rule decides who may see it.
  feedback: byIdField(t, 'MemberFeedback', { what: ['Feedback', '意见建议'], description: 'One feedback item: your own, or one in your subtree (staff)' }),
  myFeedback: t.prismaConnection({
    type: 'MemberFeedback',
    description: 'The feedback you submitted, with the responses, newest first',
    args: { status: t.arg({ type: FeedbackStatusEnum }), category: t.arg({ type: FeedbackCategoryEnum }) },
    authScopes: { signedIn: true },
    ...scopedConnection('MemberFeedback', (ctx, args: FeedbackFilter) => ({ ...filters(args), memberId: ownMemberId(ctx) }), [{ submittedAt: 'desc' }, { id: 'asc' }]),
  }),
  memberFeedback: t.prismaConnection({
    type: 'MemberFeedback',
    description: 'Feedback submitted in a subtree (staff, or an API key with "MemberFeedback:read"), newest first',
    args: {
      under: t.arg.id({ description: 'Org unit whose subtree to list; default: your scope unit' }),
      status: t.arg({ type: FeedbackStatusEnum }),
      category: t.arg({ type: FeedbackCategoryEnum }),
      memberId: t.arg.id(),
    },
    authScopes: { $any: { staff: true, partner: 'MemberFeedback:read' } },
    ...scopedConnection('MemberFeedback', subtreeWhere, [{ submittedAt: 'desc' }, { id: 'asc' }]),
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
