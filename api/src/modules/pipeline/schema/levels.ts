// Requests between levels in the graph (docs/decisions/013): the branch requests a step of the
// level above (requestLevelStep), the deciding level approves it — recording the step — or
// returns it with a reason; the deciding level's queue (approvalQueue) lists what waits on it
// with its time limit, and the branch sees its requests (levelRequests, Member.levelRequests).
import { LevelRequestStatus } from '@lianjian/db';
import type { StepDetails, StepKind } from '@lianjian/rules/pipeline';
import { STEP } from '@lianjian/rules/pipeline';
import { builder } from '../../../graphql/builder.js';
import { checkPageSize, keyCursor } from '../../../graphql/pagination.js';
import { scopedConnection, underUnit } from '../../../graphql/rows.js';
import { verifiableFields, verifiableRow } from '../../../graphql/verifiable.js';
import { listRoot } from '../../../shared/access.js';
import type { Context } from '../../../shared/context.js';
import { canDecideFor } from '../levels/deciding.js';
import { waitingOn, type QueueEntry } from '../levels/queue.js';
import { decideLevelRequest, passOnLevelRequest, requestLevelStep, type DecisionResult } from '../levels/requests.js';
import { engineToday, isoOf } from '../service.js';
import { MemberRef } from '../../members/schema/types.js';
import { DevelopmentStepInput, toStepInput, type InputArg } from './mutations.js';
import { assertCanSeeStepOf, DevelopmentStepKindEnum, DevelopmentStepRef, PipelineRule } from './types.js';

export const LevelRequestStatusEnum = builder.enumType(LevelRequestStatus, {
  name: 'LevelRequestStatus',
  description: 'IN_REVIEW 党总支审核中 / PENDING 待上级审批 / APPROVED 已批准（步骤已记录）/ RETURNED 已退回（附理由）',
});

export const LevelQueueStageEnum = builder.enumType('LevelQueueStage', {
  values: ['REVIEW', 'DECISION'] as const,
  description: 'REVIEW 待党总支审核（转报或退回）/ DECISION 待党委审批（批准或退回）',
});

export const LevelQueueStatusEnum = builder.enumType('LevelQueueStatus', {
  values: ['DUE', 'OVERDUE', 'EXPIRED', 'WAITING'] as const,
  description: 'DUE 期限内 / OVERDUE 已超过期限 / EXPIRED 已超过最长期限 / WAITING 无时限',
});

/** The deciding level sees what waits on it; the branch and the person see their requests. */
async function assertCanSeeRequest(ctx: Context, row: { memberId: string; orgUnitId: string; decidingUnitId: string }): Promise<void> {
  try {
    await assertCanSeeStepOf(ctx, row);
  } catch (err) {
    const deciding = await ctx.loaders.orgUnit.load(row.decidingUnitId);
    if (!deciding || !canDecideFor(ctx.principal, deciding)) throw err;
  }
}

export const LevelRequestRef = builder.prismaObject('LevelRequest', {
  description: 'A branch’s request that the level above decide one of its steps (4, 8, 13, 16, 17, 18, 24, 25), with its proof',
  ...verifiableRow('LevelRequest', assertCanSeeRequest),
  select: { id: true, version: true, orgUnitId: true, memberId: true, decidingUnitId: true },
  fields: (t) => ({
    ...verifiableFields(t),
    memberId: t.exposeID('memberId'),
    member: t.relation('member'),
    orgUnitId: t.exposeID('orgUnitId', { description: 'The member’s unit when the request was made' }),
    kind: t.expose('kind', { type: DevelopmentStepKindEnum }),
    stepNo: t.exposeInt('stepNo'),
    nameZh: t.string({ select: { kind: true }, resolve: (r) => STEP[r.kind].zh }),
    nameEn: t.string({ select: { kind: true }, resolve: (r) => STEP[r.kind].en }),
    decidingUnitId: t.exposeID('decidingUnitId', { description: 'The unit that decides: the nearest committee above the member’s unit' }),
    decidingUnit: t.relation('decidingUnit', { description: 'The deciding unit (a branch may not see units above it: use decidingUnitName)' }),
    decidingUnitName: t.string({ description: 'The deciding unit’s name, shown to the branch that asked', select: { decidingUnit: { select: { name: true } } }, resolve: (r) => r.decidingUnit.name }),
    status: t.expose('status', { type: LevelRequestStatusEnum }),
    notes: t.exposeString('notes', { nullable: true }),
    input: t.field({ type: 'JSON', select: { input: true }, description: 'What the step will record (public notice, late reason…)', resolve: (r) => r.input ?? {} }),
    documents: t.field({ type: 'JSON', select: { documents: true }, description: 'Documents sent with the request: [{ name, sha256 }]', resolve: (r) => r.documents ?? [] }),
    requestedById: t.exposeID('requestedById', { nullable: true }),
    requestedByName: t.string({ nullable: true, select: { requestedBy: { select: { displayName: true } } }, resolve: (r) => r.requestedBy?.displayName ?? null }),
    requestedAt: t.expose('requestedAt', { type: 'DateTime' }),
    decidedById: t.exposeID('decidedById', { nullable: true }),
    decidedByName: t.string({ nullable: true, select: { decidedBy: { select: { displayName: true } } }, resolve: (r) => r.decidedBy?.displayName ?? null }),
    decidedAt: t.expose('decidedAt', { type: 'DateTime', nullable: true }),
    returnReason: t.exposeString('returnReason', { nullable: true, description: 'Why the level above returned it (RETURNED)' }),
    reviewingUnitId: t.exposeID('reviewingUnitId', { nullable: true, description: 'The general branch that reviews it before the committee (null: the branch sits directly under the committee)' }),
    reviewingUnitName: t.string({ nullable: true, select: { reviewingUnit: { select: { name: true } } }, resolve: (r) => r.reviewingUnit?.name ?? null }),
    reviewedById: t.exposeID('reviewedById', { nullable: true, description: 'Who passed it on, or returned it in review' }),
    reviewedByName: t.string({ nullable: true, select: { reviewedBy: { select: { displayName: true } } }, resolve: (r) => r.reviewedBy?.displayName ?? null }),
    reviewedAt: t.expose('reviewedAt', { type: 'DateTime', nullable: true }),
    reviewNote: t.exposeString('reviewNote', { nullable: true, description: 'The general branch’s note for the committee when passing it on' }),
    stepId: t.exposeID('stepId', { nullable: true, description: 'The step recorded by the approval (APPROVED)' }),
    step: t.relation('step', { nullable: true }),
  }),
});

const DocumentRefInput = builder.inputType('DocumentRefInput', {
  description: 'A document sent with a request: its file name and SHA-256 (the file itself is stored by its hash)',
  fields: (t) => ({ name: t.string({ required: true }), sha256: t.string({ required: true }) }),
});

const LevelDecisionPayload = builder.objectRef<DecisionResult>('LevelDecisionPayload').implement({
  fields: (t) => ({
    request: t.field({ type: LevelRequestRef, resolve: (p) => p.request }),
    step: t.field({ type: DevelopmentStepRef, nullable: true, description: 'The step the approval recorded (null when returned)', resolve: (p) => p.step }),
    member: t.field({ type: MemberRef, resolve: (p) => p.member }),
    warnings: t.field({
      type: [PipelineRule],
      description: 'Soft rules the recorded step breached (e.g. a late approval), also kept on the step',
      resolve: (p) => ((p.step?.details ?? {}) as StepDetails).warnings?.map((w) => ({ ...w, severity: 'warn' as const })) ?? [],
    }),
  }),
});

const ApprovalQueueItem = builder.objectRef<QueueEntry>('ApprovalQueueItem').implement({
  description: 'A request waiting on the deciding level, with since-when and its time limit',
  fields: (t) => ({
    request: t.field({ type: LevelRequestRef, resolve: (e) => e.request }),
    stage: t.field({ type: LevelQueueStageEnum, description: 'REVIEW: waiting on a general branch; DECISION: on the committee', resolve: (e) => e.stage }),
    since: t.field({ type: 'Date', description: 'The day it was requested (China time)', resolve: (e) => e.since }),
    waitingDays: t.exposeInt('waitingDays'),
    dueOn: t.field({ type: 'Date', nullable: true, description: 'The time limit (pre-review: a month after the committee review; approvals: 3 months after the meeting)', resolve: (e) => e.dueOn }),
    deadline: t.field({ type: 'Date', nullable: true, description: 'The hard limit (admission approval: 6 months)', resolve: (e) => e.deadline }),
    status: t.field({ type: LevelQueueStatusEnum, resolve: (e) => e.status }),
    daysLeft: t.int({ nullable: true, description: 'Days until dueOn; negative when overdue', resolve: (e) => e.daysLeft }),
  }),
});

const { encode, decode } = keyCursor('lvq', String.raw`\d{4}-\d{2}-\d{2}\|[0-9TZ:.-]+\|[0-9a-f-]{36}`);

interface QueueConnection {
  totalCount: number;
  edges: { cursor: string; node: QueueEntry }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

builder.queryFields((t) => ({
  approvalQueue: t.connection(
    {
      type: ApprovalQueueItem,
      description:
        'Requests waiting on the levels in a subtree (default: your scope): PENDING on its deciding committees and IN_REVIEW on its general branches, soonest time limit first (staff)',
      authScopes: { staff: true },
      args: {
        unitId: t.arg.id({ description: 'Org unit whose subtree’s deciding levels to list; default: your scope unit' }),
        asOf: t.arg({ type: 'Date', description: 'Default: today (China time)' }),
        status: t.arg({ type: [LevelQueueStatusEnum], description: 'Only these statuses' }),
        stage: t.arg({ type: [LevelQueueStageEnum], description: 'Only these stages (default both)' }),
      },
      resolve: async (_root, args, ctx): Promise<QueueConnection> => {
        checkPageSize(args, ctx);
        const rootPath = listRoot(ctx, await underUnit(ctx, args.unitId));
        const after = decode('after', args.after);
        const before = decode('before', args.before);
        const all = (await waitingOn(ctx, rootPath, args.asOf ? isoOf(args.asOf) : engineToday(ctx), args.stage ?? undefined)).filter((e) => !args.status || args.status.includes(e.status));
        const window = all.filter((d) => (after === null || d.key > after) && (before === null || d.key < before));
        const size = args.first ?? args.last ?? ctx.config.defaultPageSize;
        const fromEnd = args.first == null && args.last != null;
        const page = fromEnd ? window.slice(Math.max(0, window.length - size)) : window.slice(0, size);
        return {
          totalCount: all.length,
          edges: page.map((node) => ({ cursor: encode(node.key), node })),
          pageInfo: {
            hasNextPage: fromEnd ? before !== null && all.some((d) => d.key >= before) : window.length > page.length,
            hasPreviousPage: fromEnd ? window.length > page.length : after !== null && all.some((d) => d.key <= after),
            startCursor: page.length ? encode(page[0]!.key) : null,
            endCursor: page.length ? encode(page[page.length - 1]!.key) : null,
          },
        };
      },
    },
    {
      name: 'ApprovalQueueConnection',
      fields: (tc) => ({
        totalCount: tc.int({ description: 'All matching items, across pages', resolve: (c) => (c as unknown as QueueConnection).totalCount }),
      }),
    },
  ),
  levelRequests: t.prismaConnection({
    type: 'LevelRequest',
    description: 'Requests to the level above made for members of a subtree (default: your scope), newest first (staff)',
    authScopes: { staff: true },
    args: {
      unitId: t.arg.id({ description: 'Org unit whose members’ requests to list' }),
      status: t.arg({ type: [LevelRequestStatusEnum], description: 'Only these statuses' }),
    },
    ...scopedConnection(
      'LevelRequest',
      async (ctx, args: { unitId?: string | number | null; status?: LevelRequestStatus[] | null }) => {
        const root = listRoot(ctx, await underUnit(ctx, args.unitId));
        return { ...(root ? { orgUnit: { path: { startsWith: root } } } : {}), ...(args.status ? { status: { in: args.status } } : {}) };
      },
      [{ requestedAt: 'desc' }, { id: 'asc' }],
    ),
  }),
}));

builder.prismaObjectFields(MemberRef, (t) => ({
  levelRequests: t.relation('levelRequests', {
    description: 'Requests to the level above for this person’s steps, newest first: waiting, approved, or returned with the reason',
    query: { orderBy: [{ requestedAt: 'desc' }, { id: 'asc' }] },
  }),
}));

builder.mutationFields((t) => ({
  requestLevelStep: t.prismaField({
    type: 'LevelRequest',
    description:
      'Requests that the level above decide a step of theirs (4, 8, 13, 16, 17, 18, 24, 25) for a member, with the step’s input and documents; ' +
      'checked by the rules as of today (ADMIN, or SECRETARY of the member’s unit or above)',
    authScopes: { writer: true },
    args: {
      memberId: t.arg.id({ required: true }),
      step: t.arg({ type: DevelopmentStepKindEnum, required: true }),
      input: t.arg({ type: DevelopmentStepInput, description: 'What the step will record: notes, the public notice (13), the late reason (17)…' }),
      documents: t.arg({ type: [DocumentRefInput] }),
    },
    resolve: async (query, _root, args, ctx) => {
      const { peopleIds: _people, ...input } = toStepInput(args.input as InputArg | null | undefined);
      const row = await requestLevelStep(ctx, { memberId: String(args.memberId), kind: args.step as StepKind, input, documents: args.documents ?? null });
      return ctx.prisma.levelRequest.findUniqueOrThrow({ ...query, where: { id: row.id } });
    },
  }),
  passOnLevelRequest: t.prismaField({
    type: 'LevelRequest',
    description:
      'The general branch (党总支) passes a request in its review on to the deciding committee, with an optional note; it does not approve ' +
      '(ADMIN, or SECRETARY scoped at or above the reviewing general branch). Return it in review with returnLevelRequest.',
    authScopes: { writer: true },
    args: { id: t.arg.id({ required: true }), note: t.arg.string({ description: 'For the committee (at most 2000 characters)' }) },
    resolve: async (query, _root, args, ctx) => {
      const row = await passOnLevelRequest(ctx, { requestId: String(args.id), note: args.note ?? null });
      return ctx.prisma.levelRequest.findUniqueOrThrow({ ...query, where: { id: row.id } });
    },
  }),
  approveLevelRequest: t.field({
    type: LevelDecisionPayload,
    description: 'The deciding level approves a request: the step is recorded, by you, for your unit (ADMIN, or SECRETARY scoped at or above the deciding unit)',
    authScopes: { writer: true },
    args: {
      id: t.arg.id({ required: true }),
      on: t.arg({ type: 'Date', description: 'The day of the decision; default today' }),
      lateReason: t.arg.string({ description: 'Step 17 after three months: the special circumstances' }),
    },
    resolve: (_root, args, ctx) =>
      decideLevelRequest(ctx, { requestId: String(args.id), approve: true, occurredOn: args.on ? isoOf(args.on) : null, lateReason: args.lateReason ?? null }),
  }),
  returnLevelRequest: t.field({
    type: LevelDecisionPayload,
    description:
      'Returns a request with a reason the branch reads; the branch may request again. In review: its general branch or a level above; on the committee: ADMIN, or SECRETARY scoped at or above the deciding unit',
    authScopes: { writer: true },
    args: { id: t.arg.id({ required: true }), reason: t.arg.string({ required: true }) },
    resolve: (_root, args, ctx) => decideLevelRequest(ctx, { requestId: String(args.id), approve: false, reason: args.reason }),
  }),
}));
