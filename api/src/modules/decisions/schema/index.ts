// Decisions (决议) and implementation milestones (落实节点) in the graph. Staff and partner keys
// see those of their subtree, members those of their own branch (decisions/access.ts); a
// decision's status over time is its `history` (every change is a new record version).
import type { DecisionStatus, MilestoneStatus, Prisma } from '@lianjian/db';
import { builder } from '../../../graphql/builder.js';
import { dbEnum } from '../../../graphql/enums.js';
import { timestamps, unitFields } from '../../../graphql/fields.js';
import { byIdField, inputMutation, listField, recordMutation, underUnit } from '../../../graphql/rows.js';
import { idOrNull } from '../../../shared/ids.js';
import type { Context } from '../../../shared/context.js';
import { todayInChina } from '@lianjian/rules/dates';
import { assertCanSeeDecisionUnit, decisionUnitWhere } from '../access.js';
import { addMilestone, createDecision, isOverdue, overdueDays, updateDecisionStatus, updateMilestoneStatus } from '../service.js';
import { verifiableObject } from '../../../graphql/verifiable.js';

export const DecisionStatusEnum = dbEnum('DecisionStatus', 'ADOPTED 已通过 → IMPLEMENTING 执行中 → IMPLEMENTED 已落实; SUPERSEDED 已被取代, REVOKED 已撤销');
export const MilestoneStatusEnum = dbEnum('MilestoneStatus', 'PLANNED 计划中 → IN_PROGRESS 进行中 → DONE 已完成; CANCELLED 已取消');

const todayOf = (ctx: Context) => todayInChina(ctx.config.now());

const decisionUnitRule = (ctx: Context, row: { orgUnitId: string }) => assertCanSeeDecisionUnit(ctx, row.orgUnitId);

verifiableObject('Decision', decisionUnitRule, {
  description: 'A resolution (决议) with its vote counts and implementation milestones, with its proof',
  select: {},
  fields: (t) => ({
    ...unitFields(t),
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
    ...timestamps(t),
    milestones: t.relation('milestones', { description: 'By due date', query: { orderBy: [{ dueOn: 'asc' }, { id: 'asc' }] } }),
    overdueMilestones: t.int({
      description: 'Milestones not finished whose due day has passed (China time)',
      select: { milestones: { select: { status: true, dueOn: true } } },
      resolve: (d, _a, ctx) => d.milestones.filter((m) => isOverdue(m, todayOf(ctx))).length,
    }),
  }),
});

verifiableObject('Milestone', decisionUnitRule, {
  description: 'An implementation milestone of a decision, with owner, due date and status, with its proof',
  select: {},
  fields: (t) => ({
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

async function decisionWhere(ctx: Context, { under, status }: { under?: string | number | null; status?: DecisionStatus | null }): Promise<Prisma.DecisionWhereInput> {
  const unit = await underUnit(ctx, under);
  const units = await decisionUnitWhere(ctx, unit);
  const where: Prisma.DecisionWhereInput = {};
  if (units) where.orgUnit = units;
  if (status) where.status = status;
  return where;
}

builder.queryFields((t) => ({
  decision: byIdField(t, 'Decision', { what: ['Decision', '决议'], check: decisionUnitRule }),
  decisions: listField(t, 'Decision', {
    description: 'Decisions of a subtree (default: all you may see; a member: those of their own branch), newest first',
    args: { under: t.arg.id(), status: t.arg({ type: DecisionStatusEnum }) },
    authScopes: { $any: { staff: true, role: 'MEMBER', partner: 'Decision:read' } },
    where: decisionWhere,
    orderBy: [{ decidedOn: 'desc' }, { id: 'asc' }],
  }),
}));

builder.mutationFields((t) => ({
  createDecision: inputMutation(t, 'Decision', CreateDecisionInput, {
    description: 'Records a decision (ADMIN, or SECRETARY of the unit or above); a linked vote must be tallied and passed',
    write: (ctx, input) => createDecision(ctx, { ...input, orgUnitId: String(input.orgUnitId), voteId: idOrNull(input.voteId), meetingId: idOrNull(input.meetingId) }),
  }),
  updateDecisionStatus: recordMutation(t, 'Decision', {
    description: 'Moves a decision along ADOPTED → IMPLEMENTING → IMPLEMENTED, or ends it (SUPERSEDED, REVOKED)',
    args: { id: t.arg.id({ required: true }), status: t.arg({ type: DecisionStatusEnum, required: true }) },
    write: (ctx, args) => updateDecisionStatus(ctx, String(args.id), args.status),
  }),
  addMilestone: inputMutation(t, 'Milestone', AddMilestoneInput, {
    description: 'Adds an implementation milestone to a standing decision',
    write: (ctx, input) => addMilestone(ctx, { ...input, decisionId: String(input.decisionId), ownerId: idOrNull(input.ownerId) }),
  }),
  updateMilestoneStatus: recordMutation(t, 'Milestone', {
    description: 'Moves a milestone along PLANNED → IN_PROGRESS → DONE (or CANCELLED); DONE records the completion day',
    args: {
      id: t.arg.id({ required: true }),
      status: t.arg({ type: MilestoneStatusEnum, required: true }),
      on: t.arg({ type: 'Date', description: 'DONE: the day it was completed (default today)' }),
      notes: t.arg.string(),
    },
    write: (ctx, args) => updateMilestoneStatus(ctx, String(args.id), args.status, args.on ?? null, args.notes ?? null),
  }),
}));
