// Member feedback (党员意见建议): the type, the member's own list, the staff list of a subtree,
// and submitting and responding. The author and staff of the unit's subtree see an item; other
// members do not (FORBIDDEN), whatever unit they share.
import { FeedbackCategory, FeedbackStatus, type Prisma } from '@lianjian/db';
import { builder } from '../../../graphql/builder.js';
import { assertCanSeeMember, listRoot } from '../../../shared/access.js';
import type { Context } from '../../../shared/context.js';
import { forbidden, notFound, unauthenticated } from '../../../shared/errors.js';
import { requireUuid } from '../../../shared/ids.js';
import { NEXT, respondToFeedback, submitFeedback } from '../service.js';
import { defaultPageSize, idConnectionMaxSize } from '../../../graphql/pagination.js';
import { Verifiable } from '../../../graphql/verifiable.js';

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
  interfaces: [Verifiable],
  select: { id: true, version: true, orgUnitId: true, memberId: true },
  authScopes: async (row, ctx) => {
    await assertCanSeeFeedback(ctx, row);
    return { read: 'MemberFeedback' };
  },
  fields: (t) => ({
    id: t.exposeID('id'),
    version: t.exposeInt('version'),
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
  const under = args.under != null ? await ctx.loaders.orgUnit.load(requireUuid('under', args.under)) : null;
  if (args.under != null && !under) throw notFound('Org unit', '组织', String(args.under));
  const root = listRoot(ctx, under);
  const where: Prisma.MemberFeedbackWhereInput = filters(args);
  if (root) where.orgUnit = { path: { startsWith: root } };
  if (args.memberId != null) where.memberId = requireUuid('memberId', args.memberId);
  return where;
}

builder.queryFields((t) => ({
  feedback: t.prismaField({
    type: 'MemberFeedback',
    description: 'One feedback item: your own, or one in your subtree (staff)',
    args: { id: t.arg.id({ required: true }) },
    authScopes: { read: 'MemberFeedback' },
    resolve: async (query, _root, args, ctx) => {
      const id = requireUuid('id', args.id);
      const row = await ctx.prisma.memberFeedback.findUnique({ ...query, where: { id } });
      if (!row) throw notFound('Feedback', '意见建议', id);
      return row; // the type's row rule decides who may see it
    },
  }),
  myFeedback: t.prismaConnection({
    type: 'MemberFeedback',
    cursor: 'id',
    description: 'The feedback you submitted, with the responses, newest first',
    args: { status: t.arg({ type: FeedbackStatusEnum }), category: t.arg({ type: FeedbackCategoryEnum }) },
    authScopes: { signedIn: true },
    maxSize: idConnectionMaxSize,
    defaultSize: defaultPageSize,
    totalCount: (_p, args, ctx) => ctx.prisma.memberFeedback.count({ where: { ...filters(args), memberId: ownMemberId(ctx) } }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.memberFeedback.findMany({ ...query, where: { ...filters(args), memberId: ownMemberId(ctx) }, orderBy: [{ submittedAt: 'desc' }, { id: 'asc' }] }),
  }),
  memberFeedback: t.prismaConnection({
    type: 'MemberFeedback',
    cursor: 'id',
    description: 'Feedback submitted in a subtree (staff, or an API key with "MemberFeedback:read"), newest first',
    args: {
      under: t.arg.id({ description: 'Org unit whose subtree to list; default: your scope unit' }),
      status: t.arg({ type: FeedbackStatusEnum }),
      category: t.arg({ type: FeedbackCategoryEnum }),
      memberId: t.arg.id(),
    },
    authScopes: { $any: { staff: true, partner: 'MemberFeedback:read' } },
    maxSize: idConnectionMaxSize,
    defaultSize: defaultPageSize,
    totalCount: async (_p, args, ctx) => ctx.prisma.memberFeedback.count({ where: await subtreeWhere(ctx, args) }),
    resolve: async (query, _root, args, ctx) =>
      ctx.prisma.memberFeedback.findMany({ ...query, where: await subtreeWhere(ctx, args), orderBy: [{ submittedAt: 'desc' }, { id: 'asc' }] }),
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
  submitFeedback: t.prismaField({
    type: 'MemberFeedback',
    description: 'Submits feedback to your unit (members; the account must have a member record)',
    args: { input: t.arg({ type: SubmitFeedbackInput, required: true }) },
    authScopes: { signedIn: true },
    resolve: async (query, _root, { input }, ctx) => {
      const row = await submitFeedback(ctx, input);
      return ctx.prisma.memberFeedback.findUniqueOrThrow({ ...query, where: { id: row.id } });
    },
  }),
  respondToFeedback: t.prismaField({
    type: 'MemberFeedback',
    description: 'Moves feedback to its next status with a response (required for RESOLVED and CLOSED); secretary of the unit or admin',
    args: {
      id: t.arg.id({ required: true }),
      status: t.arg({ type: FeedbackStatusEnum, required: true }),
      response: t.arg.string({ description: 'At most 5000 characters; replaces the previous response' }),
      expectedVersion: t.arg.int(),
    },
    authScopes: { writer: true },
    resolve: async (query, _root, args, ctx) => {
      const row = await respondToFeedback(ctx, String(args.id), { status: args.status, response: args.response, expectedVersion: args.expectedVersion });
      return ctx.prisma.memberFeedback.findUniqueOrThrow({ ...query, where: { id: row.id } });
    },
  }),
}));
