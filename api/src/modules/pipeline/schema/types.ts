// Member development in the graph: DevelopmentStep and MentorAssignment (verifiable records),
// the rule, action and due-item shapes of the rules engine, and the pipeline fields of Member.
import { ApprovalStatus, DevelopmentStepKind, MentorRole } from '@lianjian/db';
import { builder } from '../../../graphql/builder.js';
import { assertCanSeeMember, assertCanSeeMemberRow } from '../../../shared/access.js';
import type { Context } from '../../../shared/context.js';
import { dueAndOverdue, nextLegalActions, STEP, type DueItem, type LegalAction, type StepDetails } from '@lianjian/rules/pipeline';
import { engineOptions, engineToday, memberFacts, stepEvents, type StepResult } from '../service.js';
import { MemberStageEnum } from '../../../graphql/enums.js';
import { MemberRef } from '../../members/schema/types.js';
import { verifiableFields, verifiableRow } from '../../../graphql/verifiable.js';

export const DevelopmentStepKindEnum = builder.enumType(DevelopmentStepKind, {
  name: 'DevelopmentStepKind',
  description: 'The 25 steps of member development (发展党员二十五步), plus extension (延长预备期) and revocation (取消预备党员资格)',
});
export const ApprovalStatusEnum = builder.enumType(ApprovalStatus, { name: 'ApprovalStatus', description: '无需审批 / 待审批 / 已批准 / 未批准' });
export const MentorRoleEnum = builder.enumType(MentorRole, { name: 'MentorRole', description: 'MENTOR 培养联系人 / SPONSOR 入党介绍人' });
export const DueStatusEnum = builder.enumType('PipelineDueStatus', {
  values: ['DUE', 'OVERDUE', 'EXPIRED'] as const,
  description: 'DUE 待办 / OVERDUE 已逾期 / EXPIRED 已超过最长期限',
});
export const RecommenderEnum = builder.enumType('Recommender', {
  values: ['PARTY_MEMBERS', 'MASS_ORGANISATION'] as const,
  description: 'PARTY_MEMBERS 党员推荐 / MASS_ORGANISATION 群团组织推优',
});
export const ViewSourceEnum = builder.enumType('ViewSource', {
  values: ['PARTY_GROUP', 'MENTORS', 'MEMBERS', 'PUBLIC'] as const,
  description: 'Whose views were heard before the candidate decision: 党小组 / 培养联系人 / 党员 / 群众',
});

interface RuleShape {
  code: string;
  zh: string;
  en: string;
  severity?: 'refuse' | 'warn';
  facts?: Record<string, unknown>;
}

export const PipelineRule = builder.objectRef<RuleShape>('PipelineRule').implement({
  description: 'A rule of member development: machine code, and its text in Chinese and English',
  fields: (t) => ({
    code: t.exposeString('code'),
    zh: t.exposeString('zh'),
    en: t.exposeString('en'),
    warning: t.boolean({ description: 'True for a rule that is recorded as breached rather than refused', resolve: (r) => r.severity === 'warn' }),
    facts: t.field({ type: 'JSON', nullable: true, description: 'Dates and counts behind the rule, when it blocks', resolve: (r) => r.facts ?? null }),
  }),
});

/** Row rule: a member sees their own steps; others see steps of members in their subtree. */
export async function assertCanSeeStepOf(ctx: Context, row: { memberId: string; orgUnitId: string }): Promise<void> {
  try {
    await assertCanSeeMemberRow(ctx, { id: row.memberId, orgUnitId: row.orgUnitId });
  } catch (err) {
    const path = (await ctx.loaders.orgUnit.load(row.orgUnitId))?.path ?? '\u0000';
    // A member who moved keeps their history: their current unit decides too.
    const member = await ctx.prisma.member.findUnique({ where: { id: row.memberId }, select: { orgUnitId: true } });
    const now = member ? (await ctx.loaders.orgUnit.load(member.orgUnitId))?.path : undefined;
    if (!now || now === path) throw err;
    assertCanSeeMember(ctx, { id: row.memberId, unitPath: now });
  }
}

export const DevelopmentStepRef = builder.prismaObject('DevelopmentStep', {
  description: 'One recorded step of a member’s development (发展党员步骤), with its proof',
  ...verifiableRow('DevelopmentStep', assertCanSeeStepOf),
  select: { id: true, version: true, orgUnitId: true, memberId: true },
  fields: (t) => ({
    ...verifiableFields(t),
    memberId: t.exposeID('memberId'),
    member: t.relation('member'),
    orgUnitId: t.exposeID('orgUnitId', { description: 'The member’s unit when the step was recorded' }),
    seq: t.exposeInt('seq', { description: 'Order of recording in the member’s history (1, 2, …)' }),
    stepNo: t.exposeInt('stepNo', { description: '1–25; extension and revocation are outcomes of step 23' }),
    stage: t.expose('stage', { type: MemberStageEnum, description: 'The stage the step belongs to' }),
    kind: t.expose('kind', { type: DevelopmentStepKindEnum }),
    nameZh: t.string({ select: { kind: true }, resolve: (s) => STEP[s.kind].zh }),
    nameEn: t.string({ select: { kind: true }, resolve: (s) => STEP[s.kind].en }),
    occurredOn: t.expose('occurredOn', { type: 'Date' }),
    notBefore: t.expose('notBefore', { type: 'Date', nullable: true, description: 'The earliest date the rules allowed (or recommended)' }),
    dueOn: t.expose('dueOn', { type: 'Date', nullable: true, description: 'The deadline the step had to meet' }),
    approval: t.expose('approval', { type: ApprovalStatusEnum }),
    approvedAt: t.expose('approvedAt', { type: 'DateTime', nullable: true }),
    approvingUnit: t.relation('approvingUnit', { nullable: true }),
    actorId: t.exposeID('actorId', { nullable: true, description: 'The account that recorded the step' }),
    meetingId: t.exposeID('meetingId', { nullable: true }),
    voteId: t.exposeID('voteId', { nullable: true }),
    notes: t.exposeString('notes', { nullable: true }),
    details: t.field({
      type: 'JSON',
      select: { details: true },
      description: 'What the step recorded: recommendation, people, views heard, training, public notice, vote counts, group opinion…',
      resolve: (s) => s.details ?? {},
    }),
    warnings: t.field({
      type: [PipelineRule],
      select: { details: true },
      description: 'Soft rules the step breached (e.g. a late talk), kept on the record',
      resolve: (s) => ((s.details ?? {}) as StepDetails).warnings?.map((w) => ({ ...w, severity: 'warn' as const })) ?? [],
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.prismaObject('MentorAssignment', {
  description: 'A mentor (培养联系人) of an activist or a sponsor (入党介绍人) of a candidate, with its proof',
  ...verifiableRow('MentorAssignment', assertCanSeeStepOf),
  select: { id: true, version: true, orgUnitId: true, memberId: true },
  fields: (t) => ({
    ...verifiableFields(t),
    role: t.expose('role', { type: MentorRoleEnum }),
    memberId: t.exposeID('memberId'),
    mentorId: t.exposeID('mentorId'),
    mentor: t.relation('mentor'),
    assignedOn: t.expose('assignedOn', { type: 'Date' }),
    endedOn: t.expose('endedOn', { type: 'Date', nullable: true }),
  }),
});

const PipelineAction = builder.objectRef<LegalAction>('PipelineAction').implement({
  description: 'A step the order of the procedure allows next, with its timer bounds',
  fields: (t) => ({
    kind: t.field({ type: DevelopmentStepKindEnum, resolve: (a) => a.kind }),
    stepNo: t.int({ resolve: (a) => a.no }),
    stage: t.field({ type: MemberStageEnum, resolve: (a) => a.stage }),
    nameZh: t.exposeString('zh'),
    nameEn: t.exposeString('en'),
    notBefore: t.field({ type: 'Date', nullable: true, description: 'Refused before this date', resolve: (a) => a.notBefore ?? null }),
    recommendedFrom: t.field({ type: 'Date', nullable: true, description: 'Recorded with a warning before this date', resolve: (a) => a.recommendedFrom ?? null }),
    dueOn: t.field({ type: 'Date', nullable: true, description: 'Late (recorded with a warning) after this date', resolve: (a) => a.dueOn ?? null }),
    deadline: t.field({ type: 'Date', nullable: true, description: 'Refused after this date', resolve: (a) => a.deadline ?? null }),
    legalToday: t.exposeBoolean('legalToday', { description: 'Whether it can be recorded dated today (with valid input)' }),
    blockedBy: t.field({
      type: PipelineRule,
      nullable: true,
      resolve: (a) => (a.blockedBy ? { code: a.blockedBy.code, ...a.blockedBy.rule, severity: 'refuse' as const, facts: a.blockedBy.facts ?? {} } : null),
    }),
  }),
});

export interface DueShape extends DueItem {
  memberId: string;
}

export const PipelineDueItem = builder.objectRef<DueShape>('PipelineDueItem').implement({
  description: 'A development deadline that is due or overdue for one member',
  fields: (t) => ({
    memberId: t.exposeID('memberId'),
    member: t.prismaField({
      type: 'Member',
      resolve: (query, item, _args, ctx) => ctx.prisma.member.findUniqueOrThrow({ ...query, where: { id: item.memberId } }),
    }),
    kind: t.field({ type: DevelopmentStepKindEnum, resolve: (d) => d.kind }),
    stepNo: t.int({ resolve: (d) => d.no }),
    nameZh: t.exposeString('zh'),
    nameEn: t.exposeString('en'),
    dueOn: t.field({ type: 'Date', resolve: (d) => d.dueOn }),
    deadline: t.field({ type: 'Date', nullable: true, resolve: (d) => d.deadline ?? null }),
    status: t.field({ type: DueStatusEnum, resolve: (d) => d.status }),
    daysLeft: t.exposeInt('daysLeft', { description: 'Days until the due date; negative when overdue' }),
    rule: t.field({ type: PipelineRule, resolve: (d) => d.rule }),
  }),
});

const HISTORY_SELECT = {
  id: true,
  birthDate: true,
  stage: true,
  status: true,
  developmentSteps: { orderBy: { seq: 'asc' as const }, select: { kind: true, occurredOn: true, details: true, approval: true } },
};

builder.prismaObjectFields(MemberRef, (t) => ({
  developmentHistory: t.relation('developmentSteps', {
    description: 'Recorded development steps in recording order, each with its proof',
    query: { orderBy: { seq: 'asc' } },
  }),
  mentorAssignments: t.relation('mentors', {
    description: 'Mentors and sponsors assigned to this person (current ones first)',
    args: { role: t.arg({ type: MentorRoleEnum }), current: t.arg.boolean({ description: 'Only assignments that have not ended' }) },
    query: (args) => ({
      where: { ...(args.role ? { role: args.role } : {}), ...(args.current ? { endedOn: null } : {}) },
      orderBy: [{ role: 'asc' }, { assignedOn: 'asc' }],
    }),
  }),
  nextActions: t.field({
    type: [PipelineAction],
    description: 'The development steps the procedure allows next, with dates; `legalToday` says whether one can be recorded today',
    select: HISTORY_SELECT,
    resolve: (m, _args, ctx) => nextLegalActions(memberFacts(m), stepEvents(m.developmentSteps), engineToday(ctx), engineOptions()),
  }),
  pipelineDue: t.field({
    type: [PipelineDueItem],
    description: 'Development deadlines pending for this person, due or overdue',
    args: { asOf: t.arg({ type: 'Date', description: 'Default: today (China time)' }) },
    select: HISTORY_SELECT,
    resolve: (m, args, ctx) => {
      const asOf = args.asOf ? args.asOf.toISOString().slice(0, 10) : engineToday(ctx);
      return dueAndOverdue(memberFacts(m), stepEvents(m.developmentSteps), asOf, engineOptions()).map((d) => ({ ...d, memberId: m.id }));
    },
  }),
}));

export const DevelopmentStepPayload = builder.objectRef<StepResult>('DevelopmentStepPayload').implement({
  fields: (t) => ({
    step: t.field({ type: DevelopmentStepRef, resolve: (p) => p.step }),
    member: t.field({ type: MemberRef, description: 'The member after the step (a new version when the step changed it)', resolve: (p) => p.member }),
    warnings: t.field({
      type: [PipelineRule],
      description: 'Soft rules the step breached, also kept on the step record',
      resolve: (p) => ((p.step.details ?? {}) as StepDetails).warnings?.map((w) => ({ ...w, severity: 'warn' as const })) ?? [],
    }),
  }),
});
