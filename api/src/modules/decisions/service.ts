// Decisions (决议) and their implementation milestones. A decision may rest on a vote: then the
// vote must be tallied and passed, and its counts are copied onto the decision's record. Every
// status change is a new version of the row, hence a new record in `history`.
import type { Decision, DecisionStatus, Milestone, MilestoneStatus } from '@lianjian/db';
import { assertCanSeeMember, assertCanWriteUnit } from '../../shared/access.js';
import type { Context } from '../../shared/context.js';
import { FieldErrors, badArgument, conflict, notFound } from '../../shared/errors.js';
import { requireUuid } from '../../shared/ids.js';
import { dateOf, isoOf } from '../pipeline/service.js';
import { todayInChina } from '@lianjian/rules/dates';
import { writeRecord } from '../../shared/records/write.js';
import { changeLocked, lockRow, writeNextVersion } from '../../shared/records/versions.js';
import { unpassedVoteError } from '../votes/errors.js';
import { resultsOf } from '../votes/service.js';
import { DECISION_ENDED, DECISION_FLOW, MILESTONE_FLOW, statusMoveError, unfinishedMilestonesError } from './status.js';

export interface CreateDecisionRequest {
  orgUnitId: string;
  title: string;
  content: string;
  number?: string | null;
  decidedOn: Date;
  voteId?: string | null;
  meetingId?: string | null;
}

const today = (ctx: Context) => todayInChina(ctx.config.now());

async function writableUnit(ctx: Context, id: string) {
  const unit = await ctx.loaders.orgUnit.load(id);
  if (!unit) throw notFound('Org unit', '组织', id);
  assertCanWriteUnit(ctx, unit);
  return unit;
}

export async function createDecision(ctx: Context, req: CreateDecisionRequest): Promise<Decision> {
  const orgUnitId = requireUuid('input.orgUnitId', req.orgUnitId);
  await writableUnit(ctx, orgUnitId);
  const errors = new FieldErrors();
  const title = req.title.trim();
  const content = req.content.trim();
  const number = req.number?.trim() || null;
  if (title.length === 0 || title.length > 200) errors.add('input.title', 'must be 1–200 characters.', '应为 1–200 个字符。');
  if (content.length === 0 || content.length > 20_000) errors.add('input.content', 'must be 1–20000 characters.', '应为 1–20000 个字符。');
  if (number !== null && number.length > 50) errors.add('input.number', 'must be at most 50 characters.', '不超过 50 个字符。');
  const decidedOn = isoOf(req.decidedOn);
  if (decidedOn > today(ctx)) errors.add('input.decidedOn', `must not be after today (${today(ctx)}).`, `不能晚于今天（${today(ctx)}）。`);
  errors.throwIfAny();

  let counts: { yesCount: number; noCount: number; abstainCount: number } | null = null;
  let meetingId = req.meetingId != null ? requireUuid('input.meetingId', req.meetingId) : null;
  if (req.voteId != null) {
    const id = requireUuid('input.voteId', req.voteId);
    const vote = await ctx.prisma.vote.findUnique({
      where: { id },
      select: { id: true, status: true, kind: true, orgUnitId: true, meetingId: true, closedAt: true, tally: true, options: { select: { id: true }, orderBy: { position: 'asc' } } },
    });
    if (!vote) throw badArgument('input.voteId', `names vote ${id}, which does not exist.`, `指向的表决 ${id} 不存在。`);
    if (vote.orgUnitId !== orgUnitId) throw badArgument('input.voteId', 'names a vote of another unit.', '指向的表决属于其他组织。');
    if (vote.kind === 'ELECTION') throw badArgument('input.voteId', 'names an election; a decision rests on a motion.', '指向的是选举；决议应基于议题表决。');
    const refusal = unpassedVoteError(vote, vote.tally);
    if (refusal) throw refusal;
    if (vote.closedAt && decidedOn < todayInChina(vote.closedAt)) {
      throw badArgument('input.decidedOn', `is before the vote closed (${todayInChina(vote.closedAt)}).`, `早于表决截止日期（${todayInChina(vote.closedAt)}）。`);
    }
    if (meetingId !== null && vote.meetingId !== null && vote.meetingId !== meetingId) {
      throw badArgument('input.meetingId', 'differs from the meeting that held the vote.', '与举行该表决的会议不一致。');
    }
    meetingId ??= vote.meetingId;
    const byId = new Map(resultsOf(vote.tally!.results).map((r) => [r.optionId, r.count]));
    const [yes, no, abstain] = vote.options.map((o) => byId.get(o.id) ?? 0);
    counts = { yesCount: yes!, noCount: no!, abstainCount: abstain! };
  }
  if (meetingId !== null) {
    const meeting = await ctx.prisma.meeting.findUnique({ where: { id: meetingId }, select: { orgUnitId: true } });
    if (!meeting) throw badArgument('input.meetingId', `names meeting ${meetingId}, which does not exist.`, `指向的会议 ${meetingId} 不存在。`);
    if (meeting.orgUnitId !== orgUnitId) throw badArgument('input.meetingId', 'names a meeting of another unit.', '指向的会议属于其他组织。');
  }
  if (number !== null && (await ctx.prisma.decision.count({ where: { orgUnitId, number } })) > 0) {
    throw conflict(`The unit already has a decision numbered "${number}".`, `本组织已有编号为「${number}」的决议。`, { field: 'input.number' });
  }

  return ctx.prisma.$transaction(async (tx) => {
    const decision = await tx.decision.create({
      data: { orgUnitId, title, content, number, decidedOn: dateOf(decidedOn), voteId: req.voteId ?? null, meetingId, ...counts },
    });
    await writeRecord(tx, ctx, 'Decision', decision);
    return decision;
  });
}

async function writableDecision(ctx: Context, id: string): Promise<Decision> {
  const decision = await ctx.prisma.decision.findUnique({ where: { id: requireUuid('id', id) } });
  if (!decision) throw notFound('Decision', '决议', id);
  await writableUnit(ctx, decision.orgUnitId);
  return decision;
}

/** Moves a decision along its flow: a new version (and record) per change. */
export async function updateDecisionStatus(ctx: Context, id: string, status: DecisionStatus): Promise<Decision> {
  const found = await writableDecision(ctx, id);
  return changeLocked(ctx, 'Decision', found.id, async (d, tx) => {
    if (!DECISION_FLOW[d.status].includes(status)) throw statusMoveError('Decision', d.id, d.status, status, DECISION_FLOW[d.status]);
    if (status === 'IMPLEMENTED') {
      const unfinished = await tx.milestone.findMany({
        where: { decisionId: d.id, status: { in: ['PLANNED', 'IN_PROGRESS'] } },
        select: { id: true, title: true, status: true },
        orderBy: [{ dueOn: 'asc' }, { id: 'asc' }],
      });
      if (unfinished.length > 0) throw unfinishedMilestonesError(unfinished);
    }
    return { status };
  });
}

export interface AddMilestoneRequest {
  decisionId: string;
  title: string;
  dueOn: Date;
  ownerId?: string | null;
  notes?: string | null;
}

export async function addMilestone(ctx: Context, req: AddMilestoneRequest): Promise<Milestone> {
  const decision = await writableDecision(ctx, req.decisionId);
  if (DECISION_ENDED.has(decision.status)) {
    throw conflict(`Decision ${decision.id} is ${decision.status}: it takes no new milestones.`, `决议 ${decision.id} 已${decision.status === 'REVOKED' ? '撤销' : '被取代'}，不能再添加落实节点。`, { status: decision.status });
  }
  const errors = new FieldErrors();
  const title = req.title.trim();
  if (title.length === 0 || title.length > 200) errors.add('input.title', 'must be 1–200 characters.', '应为 1–200 个字符。');
  const dueOn = isoOf(req.dueOn);
  if (dueOn < isoOf(decision.decidedOn)) errors.add('input.dueOn', `must not be before the decision (${isoOf(decision.decidedOn)}).`, `不能早于决议日期（${isoOf(decision.decidedOn)}）。`);
  if (req.notes && req.notes.length > 2000) errors.add('input.notes', 'must be at most 2000 characters.', '不超过 2000 个字符。');
  errors.throwIfAny();
  let ownerId: string | null = null;
  if (req.ownerId != null) {
    ownerId = requireUuid('input.ownerId', req.ownerId);
    const owner = await ctx.prisma.member.findUnique({ where: { id: ownerId }, select: { id: true, orgUnit: { select: { path: true } } } });
    if (!owner) throw badArgument('input.ownerId', `names member ${ownerId}, who does not exist.`, `指向的党员 ${ownerId} 不存在。`);
    assertCanSeeMember(ctx, { id: owner.id, unitPath: owner.orgUnit.path });
  }
  return ctx.prisma.$transaction(async (tx) => {
    const m = await tx.milestone.create({
      data: { orgUnitId: decision.orgUnitId, decisionId: decision.id, title, dueOn: dateOf(dueOn), ownerId, notes: req.notes?.trim() || null },
    });
    await writeRecord(tx, ctx, 'Milestone', m);
    return m;
  });
}

/**
 * Moves a milestone along PLANNED → IN_PROGRESS → DONE (or CANCELLED). DONE records the day it
 * was completed (`on`, default today; not in the future, not before the decision). Work starting
 * on an ADOPTED decision's milestone moves the decision to IMPLEMENTING (a new decision version).
 */
export async function updateMilestoneStatus(ctx: Context, id: string, status: MilestoneStatus, on: Date | null, notes: string | null): Promise<Milestone> {
  const mid = requireUuid('id', id);
  const found = await ctx.prisma.milestone.findUnique({ where: { id: mid } });
  if (!found) throw notFound('Milestone', '落实节点', mid);
  await writableUnit(ctx, found.orgUnitId);
  const completedOn = on ? isoOf(on) : today(ctx);
  if (on && status !== 'DONE') throw badArgument('on', 'applies only when marking a milestone DONE (its completion date).', '仅在标记为已完成时填写（完成日期）。');
  if (status === 'DONE' && completedOn > today(ctx)) throw badArgument('on', `must not be after today (${today(ctx)}).`, `不能晚于今天（${today(ctx)}）。`);
  if (notes && notes.length > 2000) throw badArgument('notes', 'must be at most 2000 characters.', '不超过 2000 个字符。');

  return ctx.prisma.$transaction(async (tx) => {
    const m = await lockRow(tx, 'Milestone', mid);
    const decision = await tx.decision.findUniqueOrThrow({ where: { id: m.decisionId } });
    if (!MILESTONE_FLOW[m.status].includes(status)) throw statusMoveError('Milestone', m.id, m.status, status, MILESTONE_FLOW[m.status]);
    if (status === 'DONE' && completedOn < isoOf(decision.decidedOn)) {
      throw badArgument('on', `must not be before the decision (${isoOf(decision.decidedOn)}).`, `不能早于决议日期（${isoOf(decision.decidedOn)}）。`);
    }
    const updated = await writeNextVersion(tx, ctx, 'Milestone', m, { status, completedOn: status === 'DONE' ? dateOf(completedOn) : null, notes: notes?.trim() || m.notes });
    if ((status === 'IN_PROGRESS' || status === 'DONE') && decision.status === 'ADOPTED') {
      const d = await lockRow(tx, 'Decision', decision.id);
      if (d.status === 'ADOPTED') await writeNextVersion(tx, ctx, 'Decision', d, { status: 'IMPLEMENTING' });
    }
    return updated;
  });
}

/** Overdue: not finished (PLANNED or IN_PROGRESS) and its due day is before today in China. */
export function isOverdue(m: Pick<Milestone, 'status' | 'dueOn'>, todayIso: string): boolean {
  return (m.status === 'PLANNED' || m.status === 'IN_PROGRESS') && isoOf(m.dueOn) < todayIso;
}

export function overdueDays(m: Pick<Milestone, 'status' | 'dueOn'>, todayIso: string): number {
  if (!isOverdue(m, todayIso)) return 0;
  return Math.round((dateOf(todayIso).getTime() - m.dueOn.getTime()) / 86_400_000);
}
