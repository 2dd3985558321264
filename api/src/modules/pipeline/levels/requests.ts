// Requests between levels: the branch asks, the deciding level approves or returns. A request is
// checked by the rules engine when it is made (dated the day of the request), so the level above
// only sees requests the procedure allows; approving records the step through recordStep, in the
// same transaction as the request's new version. Every version is a record (writeRecord).
// A general branch between the branch and the committee reviews first (decision 016): the request
// starts IN_REVIEW on it, and its account passes it on (PENDING on the committee) or returns it.
import { Prisma, type DevelopmentStep, type LevelRequest, type Member } from '@lianjian/db';
import { applyStep, STEP, type StepKind } from '@lianjian/rules/pipeline';
import { assertCanWriteUnit } from '../../../shared/access.js';
import type { Context } from '../../../shared/context.js';
import { appError, badArgument, notFound } from '../../../shared/errors.js';
import { requireUuid } from '../../../shared/ids.js';
import { writeRecord } from '../../../shared/records/write.js';
import { LevelCode, refusalError } from '../errors.js';
import { engineOptions, engineToday, memberFacts, recordStep, stepEvents, type StepRequest } from '../service.js';
import {
  canDecideFor,
  canReviewFor,
  decidingUnitFor,
  generalBranchPassesOn,
  isLevelAboveStep,
  noDecidingLevel,
  notTheDecidingLevel,
  notTheReviewingLevel,
  requestNotInReview,
  requestPending,
  reviewingUnitFor,
  OPEN_STATUSES,
} from './deciding.js';


export interface DocumentRef {
  name: string;
  sha256: string;
}

export interface LevelStepRequest {
  memberId: string;
  kind: StepKind;
  input: Omit<StepRequest['input'], 'peopleIds'>;
  documents?: readonly DocumentRef[] | null;
}

export interface LevelDecision {
  requestId: string;
  approve: boolean;
  /** RETURN: why, shown to the branch. */
  reason?: string | null;
  /** APPROVE: the day of the decision (default today). */
  occurredOn?: string | null;
  /** APPROVE of step 17 after three months: the special circumstances, when the branch gave none. */
  lateReason?: string | null;
}

export interface DecisionResult {
  request: LevelRequest;
  step: DevelopmentStep | null;
  member: Member;
}

const SHA256 = /^[0-9a-f]{64}$/;

function checkDocuments(docs: readonly DocumentRef[] | null | undefined): DocumentRef[] {
  return (docs ?? []).map((d, i) => {
    const name = d.name.trim();
    if (!name || name.length > 200) throw badArgument(`documents[${i}].name`, 'must be 1–200 characters.', '应为 1–200 个字符。');
    if (!SHA256.test(d.sha256)) throw badArgument(`documents[${i}].sha256`, 'must be 64 lowercase hex digits (the file’s SHA-256).', '应为 64 位小写十六进制（文件的 SHA-256）。');
    return { name, sha256: d.sha256 };
  });
}

function notPending(r: Pick<LevelRequest, 'id' | 'status'>) {
  return appError(LevelCode.REQUEST_NOT_PENDING, `Request ${r.id} is ${r.status}: it has already been decided.`, {
    messageZh: `申请 ${r.id} 已办理（${r.status === 'APPROVED' ? '已批准' : '已退回'}）。`,
    extensions: { id: r.id, status: r.status },
  });
}

function checkText(field: string, value: string, max = 2000): string {
  if (value.length > max) throw badArgument(field, `must be at most ${max} characters.`, `不能超过 ${max} 个字符。`);
  return value;
}

const actorId = (ctx: Context) => (ctx.principal.kind === 'account' ? ctx.principal.accountId : null);

/** The branch asks the level above to decide one of its steps. */
export async function requestLevelStep(ctx: Context, req: LevelStepRequest): Promise<LevelRequest> {
  const memberId = requireUuid('memberId', req.memberId);
  if (!isLevelAboveStep(req.kind)) {
    const s = STEP[req.kind];
    throw appError(LevelCode.NOT_A_LEVEL_ABOVE_STEP, `Step ${s.no} (${s.en}) is the branch’s own: record it with recordDevelopmentStep.`, {
      messageZh: `第 ${s.no} 步「${s.zh}」由支部自行办理：请直接记录。`,
      extensions: { step: req.kind },
    });
  }
  const found = await ctx.prisma.member.findUnique({ where: { id: memberId }, include: { orgUnit: true } });
  if (!found) throw notFound('Member', '党员', memberId);
  assertCanWriteUnit(ctx, found.orgUnit);
  const deciding = await decidingUnitFor(ctx, found.orgUnit, req.kind);
  if (!deciding) throw noDecidingLevel(req.kind);
  const reviewing = await reviewingUnitFor(ctx, found.orgUnit, deciding);
  const documents = checkDocuments(req.documents);
  const today = engineToday(ctx);

  return ctx.prisma.$transaction(async (tx) => {
    // One request per step at a time, and the history it is checked against, under the member's lock.
    await tx.$queryRaw`SELECT 1 FROM member WHERE id = ${memberId}::uuid FOR UPDATE`;
    const member = await tx.member.findUniqueOrThrow({ where: { id: memberId } });
    const waiting = await tx.levelRequest.findFirst({ where: { memberId, kind: req.kind, status: { in: [...OPEN_STATUSES] } }, select: { requestedAt: true } });
    if (waiting) throw requestPending(req.kind, waiting.requestedAt);
    const rows = await tx.developmentStep.findMany({ where: { memberId }, orderBy: { seq: 'asc' } });
    const checked = applyStep(memberFacts(member), stepEvents(rows), { kind: req.kind, occurredOn: today }, req.input, today, engineOptions());
    if (!checked.ok) throw refusalError(checked, req.kind);
    const { notes, ...input } = req.input;
    const row = await tx.levelRequest.create({
      data: {
        orgUnitId: member.orgUnitId,
        memberId,
        kind: req.kind,
        stepNo: STEP[req.kind].no,
        decidingUnitId: deciding.id,
        reviewingUnitId: reviewing?.id ?? null,
        status: reviewing ? 'IN_REVIEW' : 'PENDING',
        input: input as Prisma.InputJsonValue,
        notes: notes ?? null,
        documents: documents as unknown as Prisma.InputJsonValue,
        requestedById: ctx.principal.kind === 'account' ? ctx.principal.accountId : null,
        requestedAt: ctx.config.now(),
      },
    });
    await writeRecord(tx, ctx, 'LevelRequest', row);
    return row;
  });
}

/**
 * The deciding level approves (recording the step) or returns the request with a reason. While
 * the request is in a general branch's review, that general branch (or a level above it) may
 * return it; the deciding level may also approve it directly, which records its own pass-on first
 * (a version of its own, reviewedBy the deciding account), so no review is skipped unseen.
 */
export async function decideLevelRequest(ctx: Context, d: LevelDecision): Promise<DecisionResult> {
  const id = requireUuid('id', d.requestId);
  const request = await ctx.prisma.levelRequest.findUnique({ where: { id }, include: { decidingUnit: true, reviewingUnit: true } });
  if (!request) throw notFound('Request', '申请', id);
  const inReview = request.status === 'IN_REVIEW' && request.reviewingUnit !== null;
  // A return during review is the general branch's act; everything else is the committee's.
  const reviewReturn = inReview && !d.approve;
  if (reviewReturn) {
    if (!canReviewFor(ctx.principal, request.reviewingUnit!)) throw notTheReviewingLevel(ctx, request.kind, request.reviewingUnit!);
  } else if (!canDecideFor(ctx.principal, request.decidingUnit)) {
    if (request.reviewingUnit && canReviewFor(ctx.principal, request.reviewingUnit)) throw generalBranchPassesOn(ctx, request.kind, request.decidingUnit);
    throw notTheDecidingLevel(ctx, request.kind, request.decidingUnit);
  }
  if (request.status !== 'PENDING' && !inReview) throw notPending(request);
  const now = ctx.config.now();
  const by = reviewReturn ? { reviewedById: actorId(ctx), reviewedAt: now } : { decidedById: actorId(ctx), decidedAt: now };

  /** The request's next version, only if nobody acted on it meanwhile. */
  const next = async (
    tx: Prisma.TransactionClient,
    from: { status: LevelRequest['status']; version: number },
    data: Prisma.LevelRequestUncheckedUpdateManyInput,
  ): Promise<LevelRequest> => {
    const n = await tx.levelRequest.updateMany({ where: { id, status: from.status, version: from.version }, data: { ...data, version: from.version + 1 } });
    if (n.count !== 1) {
      const current = await tx.levelRequest.findUniqueOrThrow({ where: { id } });
      throw current.status === 'PENDING' ? requestNotInReview(current) : notPending(current);
    }
    const row = await tx.levelRequest.findUniqueOrThrow({ where: { id } });
    await writeRecord(tx, ctx, 'LevelRequest', row);
    return row;
  };
  const close = (tx: Prisma.TransactionClient, data: Prisma.LevelRequestUncheckedUpdateManyInput) => next(tx, request, { ...data, ...by });

  if (!d.approve) {
    const reason = d.reason?.trim() ?? '';
    if (!reason) throw badArgument('reason', 'is required to return a request: the branch reads it.', '退回申请必须说明理由，支部将看到该理由。');
    checkText('reason', reason);
    return ctx.prisma.$transaction(async (tx) => {
      const row = await close(tx, { status: 'RETURNED', returnReason: reason });
      return { request: row, step: null, member: await tx.member.findUniqueOrThrow({ where: { id: row.memberId } }) };
    });
  }

  const input = { ...(request.input as StepRequest['input']), ...(request.notes ? { notes: request.notes } : {}) };
  if (d.lateReason?.trim()) input.lateReason = d.lateReason.trim();
  let closed: LevelRequest | undefined;
  const result = await recordStep(
    ctx,
    { memberId: request.memberId, kind: request.kind, occurredOn: d.occurredOn ?? engineToday(ctx), input },
    {
      decidingUnit: request.decidingUnit,
      documents: request.documents as Prisma.InputJsonValue,
      within: async (tx, step) => {
        // Acting directly on a request still in review: the deciding account's pass-on, then its decision.
        const from = inReview ? await next(tx, request, { status: 'PENDING', reviewedById: actorId(ctx), reviewedAt: now }) : request;
        closed = await next(tx, from, { status: 'APPROVED', stepId: step.id, ...by });
      },
    },
  );
  return { request: closed!, step: result.step, member: result.member };
}

export interface PassOn {
  requestId: string;
  /** What the general branch adds for the committee (optional). */
  note?: string | null;
}

/**
 * The general branch passes a request in its review on to the deciding committee: the request's
 * next version, PENDING on the committee, with who reviewed it, when, and the note. The time
 * limits still run from the branch's request.
 */
export async function passOnLevelRequest(ctx: Context, p: PassOn): Promise<LevelRequest> {
  const id = requireUuid('id', p.requestId);
  const request = await ctx.prisma.levelRequest.findUnique({ where: { id }, include: { decidingUnit: true, reviewingUnit: true } });
  if (!request) throw notFound('Request', '申请', id);
  // Who may act is checked before the state, so a branch learns the rule, not the request's state.
  const reviewing = request.reviewingUnit;
  if (reviewing && !canReviewFor(ctx.principal, reviewing)) throw notTheReviewingLevel(ctx, request.kind, reviewing);
  if (!reviewing && !canDecideFor(ctx.principal, request.decidingUnit)) throw notTheDecidingLevel(ctx, request.kind, request.decidingUnit);
  if (request.status !== 'IN_REVIEW' || !reviewing) throw requestNotInReview(request);
  const note = checkText('note', p.note?.trim() ?? '') || null;
  return ctx.prisma.$transaction(async (tx) => {
    const n = await tx.levelRequest.updateMany({
      where: { id, status: 'IN_REVIEW', version: request.version },
      data: { status: 'PENDING', reviewedById: actorId(ctx), reviewedAt: ctx.config.now(), reviewNote: note, version: request.version + 1 },
    });
    if (n.count !== 1) throw requestNotInReview(await tx.levelRequest.findUniqueOrThrow({ where: { id } }));
    const row = await tx.levelRequest.findUniqueOrThrow({ where: { id } });
    await writeRecord(tx, ctx, 'LevelRequest', row);
    return row;
  });
}
