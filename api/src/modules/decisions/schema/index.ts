// Decisions (决议) and implementation milestones (落实节点) in the graph. Staff and partner keys
// see those of their subtree, members those of their own branch (decisions/access.ts); a
// decision's status over time is its `history` (every change is a new record version).
import { DecisionStatus, MilestoneStatus, type Prisma } from '@lianjian/db';
import { builder } from '../../../graphql/builder.js';
import type { Context } from '../../../shared/context.js';
import { notFound } from '../../../shared/errors.js';
import { requireUuid } from '../../../shared/ids.js';
import { todayInChina } from '@lianjian/rules/dates';
import { assertCanSeeDecisionUnit, decisionUnitWhere } from '../access.js';
import { addMilestone, createDecision, isOverdue, overdueDays, updateDecisionStatus, updateMilestoneStatus } from '../service.js';
import { defaultPageSize, idConnectionMaxSize } from '../../../graphql/pagination.js';
import { Verifiable } from '../../../graphql/verifiable.js';

export const DecisionStatusEnum = builder.enumType(DecisionStatus, {
  name: 'DecisionStatus',
  description: 'ADOPTED 已通过 → IMPLEMENTING 执行中 → IMPLEMENTED 已落实; SUPERSEDED 已被取代, REVOKED 已撤销',
});
export const MilestoneStatusEnum = builder.enumType(MilestoneStatus, {
  name: 'MilestoneStatus',
  description: 'PLANNED 计划中 → IN_PROGRESS 进行中 → DONE 已完成; CANCELLED 已取消',
});

const todayOf = (ctx: Context) => todayInChina(ctx.config.now());

builder.prismaObject('Decision', {
  description: 'A resolution (决议) with its vote counts and implementation milestones, with its proof',
  interfaces: [Verifiable],
  select: { id: true, version: true, orgUnitId: true },
  authScopes: async (d, ctx) => {
    await assertCanSeeDecisionUnit(ctx, d.orgUnitId);
    return { read: 'Decision' };
  },
  fields: (t) => ({
    id: t.exposeID('id'),
    version: t.exposeInt('version'),
    orgUnitId: t.exposeID('orgUnitId'),
    orgUnit: t.relation('orgUnit'),
    number: t.exposeString('number', { nullable: true, description: '文号' }),
    title: t.exposeString('title'),
    content: t.exposeString('content'),
    decidedOn: t.expose('decidedOn', { type: 'Date' }),
    voteId: t.exposeID('voteId', { nullable: true }),
    vote: t.relation('vote', { nullable: true }),
    meetingId: t.exposeID('meetingId', { nullable: true }),
    yesCount: t.exposeInt('yesCount', { nullable: true, description: 'From the vote’s tally' }),
    noCount: t.exposeInt('noCount', { nullable: true }),
    abstainCount: t.exposeInt('abstainCount', { nullable: true }),
    status: t.expose('status', { type: DecisionStatusEnum }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    milestones: t.relation('milestones', { description: 'By due date', query: { orderBy: [{ dueOn: 'asc' }, { id: 'asc' }] } }),
    overdueMilestones: t.int({
      description: 'Milestones not finished whose due day has passed (China time)',
      select: { milestones: { select: { status: true, dueOn: true } } },
      resolve: (d, _a, ctx) => d.milestones.filter((m) => isOverdue(m, todayOf(ctx))).length,
    }),
  }),
});

builder.prismaObject('Milestone', {
  description: 'An implementation milestone of a decision, with owner, due date and status, with its proof',
  interfaces: [Verifiable],
  select: { id: true, version: true, orgUnitId: true },
  authScopes: async (m, ctx) => {
    await assertCanSeeDecisionUnit(ctx, m.orgUnitId);
    return { read: 'Milestone' };
  },
  fields: (t) => ({
    id: t.exposeID('id'),
    version: t.exposeInt('version'),
    decisionId: t.exposeID('decisionId'),
    title: t.exposeString('title'),
    dueOn: t.expose('dueOn', { type: 'Date' }),
    completedOn: t.expose('completedOn', { type: 'Date', nullable: true }),
    status: t.expose('status', { type: MilestoneStatusEnum }),
    ownerId: t.exposeID('ownerId', { nullable: true }),
    owner: t.relation('owner', { nullable: true }),
    notes: t.exposeString('notes', { nullable: true }),
    overdue: t.boolean({
      description: 'Not finished and past its due day (China time)',
      select: { status: true, dueOn: true },
      resolve: (m, _a, ctx) => isOverdue(m, todayOf(ctx)),
    }),
    overdueDays: t.int({ description: 'Days past due while unfinished; 0 otherwise', select: { status: true, dueOn: true }, resolve: (m, _a, ctx) => overdueDays(m, todayOf(ctx)) }),
    completedLate: t.boolean({
      nullable: true,
      description: 'For a DONE milestone: whether it was completed after its due day',
      select: { status: true, dueOn: true, completedOn: true },
      resolve: (m) => (m.status === 'DONE' && m.completedOn ? m.completedOn.getTime() > m.dueOn.getTime() : null),
    }),
  }),
});

const CreateDecisionInput = builder.inputType('CreateDecisionInput', {
  fields: (t) => ({
    orgUnitId: t.id({ required: true }),
    title: t.string({ required: true }),
    content: t.string({ required: true, description: 'The text of the resolution' }),
    number: t.string({ description: '文号, unique in the unit' }),
    decidedOn: t.field({ type: 'Date', required: true }),
    voteId: t.id({ description: 'The vote it rests on: closed, tallied and passed; its counts are recorded' }),
    meetingId: t.id({ description: 'The meeting that adopted it (defaults to the vote’s)' }),
  }),
});

const AddMilestoneInput = builder.inputType('AddMilestoneInput', {
  fields: (t) => ({
    decisionId: t.id({ required: true }),
    title: t.string({ required: true }),
    dueOn: t.field({ type: 'Date', required: true }),
    ownerId: t.id({ description: 'The member responsible' }),
    notes: t.string(),
  }),
});

async function decisionWhere(ctx: Context, under: string | number | null | undefined, status: DecisionStatus | null | undefined): Promise<Prisma.DecisionWhereInput> {
  const unit = under != null ? await ctx.loaders.orgUnit.load(requireUuid('under', under)) : null;
  if (under != null && !unit) throw notFound('Org unit', '组织', String(under));
  const units = await decisionUnitWhere(ctx, unit);
  const where: Prisma.DecisionWhereInput = {};
  if (units) where.orgUnit = units;
  if (status) where.status = status;
  return where;
}

builder.queryFields((t) => ({
  decision: t.prismaField({
    type: 'Decision',
    args: { id: t.arg.id({ required: true }) },
    authScopes: { read: 'Decision' },
    resolve: async (query, _root, args, ctx) => {
      const id = requireUuid('id', args.id);
      const d = await ctx.prisma.decision.findUnique({ ...query, where: { id } });
      if (!d) throw notFound('Decision', '决议', id);
      await assertCanSeeDecisionUnit(ctx, d.orgUnitId);
      return d;
    },
  }),
  decisions: t.prismaConnection({
    type: 'Decision',
    cursor: 'id',
    description: 'Decisions of a subtree (default: all you may see; a member: those of their own branch), newest first',
    args: { under: t.arg.id(), status: t.arg({ type: DecisionStatusEnum }) },
    authScopes: { $any: { staff: true, role: 'MEMBER', partner: 'Decision:read' } },
    maxSize: idConnectionMaxSize,
    defaultSize: defaultPageSize,
    totalCount: async (_p, args, ctx) => ctx.prisma.decision.count({ where: await decisionWhere(ctx, args.under, args.status) }),
    resolve: async (query, _root, args, ctx) =>
      ctx.prisma.decision.findMany({ ...query, where: await decisionWhere(ctx, args.under, args.status), orderBy: [{ decidedOn: 'desc' }, { id: 'asc' }] }),
  }),
}));

builder.mutationFields((t) => ({
  createDecision: t.prismaField({
    type: 'Decision',
    description: 'Records a decision (ADMIN, or SECRETARY of the unit or above); a linked vote must be tallied and passed',
    authScopes: { writer: true },
    args: { input: t.arg({ type: CreateDecisionInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const d = await createDecision(ctx, {
        orgUnitId: String(input.orgUnitId),
        title: input.title,
        content: input.content,
        number: input.number ?? null,
        decidedOn: input.decidedOn,
        voteId: input.voteId != null ? String(input.voteId) : null,
        meetingId: input.meetingId != null ? String(input.meetingId) : null,
      });
      return ctx.prisma.decision.findUniqueOrThrow({ ...query, where: { id: d.id } });
    },
  }),
  updateDecisionStatus: t.prismaField({
    type: 'Decision',
    description: 'Moves a decision along ADOPTED → IMPLEMENTING → IMPLEMENTED, or ends it (SUPERSEDED, REVOKED)',
    authScopes: { writer: true },
    args: { id: t.arg.id({ required: true }), status: t.arg({ type: DecisionStatusEnum, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const d = await updateDecisionStatus(ctx, String(args.id), args.status);
      return ctx.prisma.decision.findUniqueOrThrow({ ...query, where: { id: d.id } });
    },
  }),
  addMilestone: t.prismaField({
    type: 'Milestone',
    description: 'Adds an implementation milestone to a standing decision',
    authScopes: { writer: true },
    args: { input: t.arg({ type: AddMilestoneInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const m = await addMilestone(ctx, {
        decisionId: String(input.decisionId),
        title: input.title,
        dueOn: input.dueOn,
        ownerId: input.ownerId != null ? String(input.ownerId) : null,
        notes: input.notes ?? null,
      });
      return ctx.prisma.milestone.findUniqueOrThrow({ ...query, where: { id: m.id } });
    },
  }),
  updateMilestoneStatus: t.prismaField({
    type: 'Milestone',
    description: 'Moves a milestone along PLANNED → IN_PROGRESS → DONE (or CANCELLED); DONE records the completion day',
    authScopes: { writer: true },
    args: {
      id: t.arg.id({ required: true }),
      status: t.arg({ type: MilestoneStatusEnum, required: true }),
      on: t.arg({ type: 'Date', description: 'DONE: the day it was completed (default today)' }),
      notes: t.arg.string(),
    },
    resolve: async (query, _root, args, ctx) => {
      const m = await updateMilestoneStatus(ctx, String(args.id), args.status, args.on ?? null, args.notes ?? null);
      return ctx.prisma.milestone.findUniqueOrThrow({ ...query, where: { id: m.id } });
    },
  }),
}));
