// Recording development steps: the rules engine decides, this file writes. One transaction holds
// the member row lock, the step row, the member's new version (when its fields change), mentor
// and sponsor assignments, and the record document of every one of those rows (writeRecord); a
// step of the level above is recorded only by the deciding level (levels/deciding.ts), together
// with the request it decides (levels/requests.ts).
import { Prisma, type DevelopmentStep, type Member, type MentorAssignment, type OrgUnit } from '@lianjian/db';
import { assertCanSeeMember, assertCanWriteUnit } from '../../shared/access.js';
import type { Context } from '../../shared/context.js';
import { badArgument, notFound } from '../../shared/errors.js';
import { requireUuid } from '../../shared/ids.js';
import { writeRecord } from '../../shared/records/write.js';
import { branchVoteOfTally } from '../votes/pipeline-link.js';
import { configuredCalendar } from './calendar-config.js';
import { todayInChina } from '@lianjian/rules/dates';
import { applyStep, LEVEL_ABOVE_STEPS } from '@lianjian/rules/pipeline';
import { refusalError } from './errors.js';
import { canDecideFor, decidingUnitFor, isLevelAboveStep, levelAboveDecides, OPEN_STATUSES, requestPending, type DecidingUnit } from './levels/deciding.js';
import type { StepKind } from '@lianjian/rules/pipeline';
import type { MemberFacts, MemberFieldUpdate, PersonRef, StepDetails, StepEvent, StepInput } from '@lianjian/rules/pipeline';

type Tx = Prisma.TransactionClient;

export const isoOf = (d: Date): string => d.toISOString().slice(0, 10);
export const dateOf = (iso: string): Date => new Date(`${iso}T00:00:00.000Z`);

/** The steps a higher unit decides: their record carries the approval. */
const APPROVALS: ReadonlySet<StepKind> = new Set(['ADMISSION_APPROVAL', 'CONFIRMATION_APPROVAL', 'PROBATION_EXTENDED', 'MEMBERSHIP_REVOKED']);
/** Steps done by or with a higher unit, which may be named. */
const HIGHER_UNIT_STEPS: ReadonlySet<StepKind> = new Set([...LEVEL_ABOVE_STEPS, 'PROBATION_EXTENDED', 'MEMBERSHIP_REVOKED']);

export function memberFacts(m: Pick<Member, 'id' | 'birthDate' | 'stage' | 'status'>): MemberFacts {
  return { id: m.id, birthDate: isoOf(m.birthDate), stage: m.stage, status: m.status };
}

export function stepEvents(rows: readonly Pick<DevelopmentStep, 'kind' | 'occurredOn' | 'details' | 'approval'>[]): StepEvent[] {
  return rows.map((r) => ({
    kind: r.kind,
    occurredOn: isoOf(r.occurredOn),
    details: (r.details ?? {}) as StepDetails,
    approval: r.approval,
  }));
}

/** The engine's options as the API runs them: China's date, the configured working-day calendar. */
export function engineToday(ctx: Context): string {
  return todayInChina(ctx.config.now());
}

export function engineOptions() {
  return { calendar: configuredCalendar() };
}

/** A step as the API receives it: people by id, links to a meeting, a vote and a higher unit. */
export interface StepRequest {
  memberId: string;
  kind: StepKind;
  occurredOn: string;
  input: Omit<StepInput, 'people'> & { peopleIds?: readonly string[] | null };
  meetingId?: string | null;
  voteId?: string | null;
  approvingUnitId?: string | null;
}

export interface StepResult {
  step: DevelopmentStep;
  member: Member;
}

/** A step recorded as the decision on a request: the deciding unit, and what the decision writes with it. */
export interface StepDecision {
  decidingUnit: DecidingUnit;
  /** The request's documents, which the step keeps. */
  documents?: Prisma.InputJsonValue;
  /** Runs in the step's transaction after the step is written (the request's new version and record). */
  within: (tx: Tx, step: DevelopmentStep) => Promise<void>;
}

async function loadPeople(ctx: Context, ids: readonly string[]): Promise<PersonRef[]> {
  const wanted = ids.map((id, i) => requireUuid(`input.people[${i}]`, id));
  const rows = await ctx.prisma.member.findMany({
    where: { id: { in: wanted } },
    select: { id: true, stage: true, status: true, orgUnit: { select: { path: true } } },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return wanted.map((id, i) => {
    const p = byId.get(id);
    if (!p) throw badArgument(`input.people[${i}]`, `names member ${id}, who does not exist.`, `指向的党员 ${id} 不存在。`);
    // A mentor or sponsor must be someone the secretary can see (their own subtree).
    assertCanSeeMember(ctx, { id: p.id, unitPath: p.orgUnit.path });
    return { id: p.id, stage: p.stage, status: p.status };
  });
}

/** Checks the step's links; returns the linked vote's tallied counts, which the step records as its vote. */
async function checkLinks(ctx: Context, req: StepRequest, unit: OrgUnit): Promise<StepInput['vote']> {
  let tallied: StepInput['vote'];
  if (req.meetingId != null) {
    const id = requireUuid('meetingId', req.meetingId);
    const meeting = await ctx.prisma.meeting.findUnique({ where: { id }, select: { id: true, orgUnitId: true } });
    if (!meeting) throw badArgument('meetingId', `names meeting ${id}, which does not exist.`, `指向的会议 ${id} 不存在。`);
  }
  if (req.voteId != null) {
    const id = requireUuid('voteId', req.voteId);
    const vote = await ctx.prisma.vote.findUnique({ where: { id }, select: { subjectMemberId: true, kind: true } });
    if (!vote) throw badArgument('voteId', `names vote ${id}, which does not exist.`, `指向的表决 ${id} 不存在。`);
    if (vote.subjectMemberId !== req.memberId) {
      throw badArgument('voteId', `names a vote about someone else.`, '指向的表决不是关于该人员的。');
    }
    const expected = req.kind === 'ADMISSION_MEETING' ? 'ADMISSION' : req.kind === 'CONFIRMATION_MEETING' ? 'CONFIRMATION' : null;
    if (expected && vote.kind !== expected) {
      throw badArgument('voteId', `names a ${vote.kind} vote; this step needs an ${expected} vote.`, `指向的表决类型为 ${vote.kind}，该步骤需要 ${expected} 类型的表决。`);
    }
    tallied = await branchVoteOfTally(ctx.prisma, id);
    const given = req.input.vote;
    if (given && (['entitled', 'present', 'yes', 'no', 'abstain'] as const).some((k) => given[k] !== tallied![k])) {
      throw badArgument('input.vote', 'differs from the tally of the vote named by voteId; leave it out and the tally’s counts are recorded.', '与 voteId 所指表决的计票结果不一致；不填写则按计票结果记录。');
    }
  }
  if (req.approvingUnitId != null) {
    const id = requireUuid('approvingUnitId', req.approvingUnitId);
    if (!HIGHER_UNIT_STEPS.has(req.kind)) {
      throw badArgument('approvingUnitId', `does not apply to ${req.kind}: no higher unit takes part in it.`, `不适用于该步骤：该步骤没有上级组织参与。`);
    }
    const higher = await ctx.prisma.orgUnit.findUnique({ where: { id }, select: { path: true } });
    if (!higher || higher.path === unit.path || !unit.path.startsWith(higher.path)) {
      throw badArgument('approvingUnitId', 'must be a unit above the member’s unit.', '应为该人员所在组织的上级组织。');
    }
  }
  return tallied;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}

function memberUpdate(fields: MemberFieldUpdate): Prisma.MemberUncheckedUpdateInput {
  const data: Prisma.MemberUncheckedUpdateInput = {};
  if (fields.stage) data.stage = fields.stage;
  if (fields.status) data.status = fields.status;
  if (fields.appliedOn) data.appliedOn = dateOf(fields.appliedOn);
  if (fields.activistSince) data.activistSince = dateOf(fields.activistSince);
  if (fields.candidateSince) data.candidateSince = dateOf(fields.candidateSince);
  if (fields.probationarySince) data.probationarySince = dateOf(fields.probationarySince);
  if (fields.probationEndsOn) data.probationEndsOn = dateOf(fields.probationEndsOn);
  if (fields.probationExtended !== undefined) data.probationExtended = fields.probationExtended;
  if (fields.fullMemberSince) data.fullMemberSince = dateOf(fields.fullMemberSince);
  if (fields.statusChangedOn) data.statusChangedOn = dateOf(fields.statusChangedOn);
  return data;
}

async function record(tx: Tx, ctx: Context, type: 'DevelopmentStep' | 'Member' | 'MentorAssignment', row: { id: string; version: number; orgUnitId: string }) {
  await writeRecord(tx, ctx, type, row);
}

/** Makes the member's current mentors (or sponsors) exactly `ids`, from `on`. */
async function syncAssignments(tx: Tx, ctx: Context, member: Member, role: 'MENTOR' | 'SPONSOR', ids: readonly string[], on: Date) {
  const current = await tx.mentorAssignment.findMany({ where: { memberId: member.id, role } });
  const changed: MentorAssignment[] = [];
  for (const a of current) {
    if (a.endedOn === null && !ids.includes(a.mentorId)) {
      changed.push(await tx.mentorAssignment.update({ where: { id: a.id }, data: { endedOn: on, version: a.version + 1 } }));
    }
  }
  for (const mentorId of ids) {
    const a = current.find((x) => x.mentorId === mentorId);
    if (!a) {
      changed.push(await tx.mentorAssignment.create({ data: { orgUnitId: member.orgUnitId, memberId: member.id, mentorId, role, assignedOn: on } }));
    } else if (a.endedOn !== null) {
      // One row per (member, mentor, role): a returning mentor reopens it as a new version.
      changed.push(await tx.mentorAssignment.update({ where: { id: a.id }, data: { endedOn: null, assignedOn: on, version: a.version + 1 } }));
    }
  }
  for (const a of changed) await record(tx, ctx, 'MentorAssignment', a);
}

/** Checks the step against the rules and, when legal, writes it with everything it changes. */
export async function recordStep(ctx: Context, asked: StepRequest, decision?: StepDecision): Promise<StepResult> {
  const memberId = requireUuid('memberId', asked.memberId);
  const found = await ctx.prisma.member.findUnique({ where: { id: memberId }, include: { orgUnit: true } });
  if (!found) throw notFound('Member', '党员', memberId);
  assertCanWriteUnit(ctx, found.orgUnit);
  let req = asked;
  if (isLevelAboveStep(req.kind)) {
    // Another level's decision: recorded by that level (directly, or by deciding a request), never by the branch.
    const deciding = decision?.decidingUnit ?? (await decidingUnitFor(ctx, found.orgUnit, req.kind));
    const p = ctx.principal;
    const allowed = deciding ? canDecideFor(p, deciding) : p.kind === 'account' && p.role === 'ADMIN';
    if (!allowed) throw levelAboveDecides(ctx, req.kind, deciding);
    if (deciding) req = { ...req, approvingUnitId: deciding.id };
    // A branch's request for it is decided, not bypassed: recording beside it would leave it waiting for ever.
    if (!decision && (await ctx.prisma.levelRequest.count({ where: { memberId, kind: req.kind, status: { in: [...OPEN_STATUSES] } } })) > 0) throw requestPending(req.kind);
  }
  const tallied = await checkLinks(ctx, req, found.orgUnit);
  const people = req.input.peopleIds ? await loadPeople(ctx, req.input.peopleIds) : undefined;
  const { peopleIds: _ids, ...rest } = tallied ? { ...req.input, vote: tallied } : req.input;
  const input: StepInput = people ? { ...rest, people } : rest;
  const today = engineToday(ctx);
  const options = engineOptions();

  return ctx.prisma.$transaction(async (tx) => {
    // Serialises steps of one member: the history read below is the one the new step extends.
    await tx.$queryRaw`SELECT 1 FROM member WHERE id = ${memberId}::uuid FOR UPDATE`;
    const member = await tx.member.findUniqueOrThrow({ where: { id: memberId } });
    if (member.orgUnitId !== found.orgUnitId) {
      // Transferred since the check above: the new unit decides who may write.
      assertCanWriteUnit(ctx, await tx.orgUnit.findUniqueOrThrow({ where: { id: member.orgUnitId } }));
    }
    const rows = await tx.developmentStep.findMany({ where: { memberId }, orderBy: { seq: 'asc' } });
    const result = applyStep(memberFacts(member), stepEvents(rows), { kind: req.kind, occurredOn: req.occurredOn }, input, today, options);
    if (!result.ok) throw refusalError(result, req.kind);

    const { notes, ...details } = result.step.details;
    const approved = APPROVALS.has(req.kind);
    const approvedOn = req.kind === 'PROBATION_EXTENDED' || req.kind === 'MEMBERSHIP_REVOKED' ? details.approvedOn! : result.step.occurredOn;
    const step = await tx.developmentStep.create({
      data: {
        orgUnitId: member.orgUnitId,
        memberId,
        seq: (rows.at(-1)?.seq ?? 0) + 1,
        stepNo: result.step.no,
        stage: result.step.stage,
        kind: result.step.kind,
        occurredOn: dateOf(result.step.occurredOn),
        notBefore: result.step.notBefore ? dateOf(result.step.notBefore) : null,
        dueOn: result.step.dueOn ? dateOf(result.step.dueOn) : null,
        approval: approved ? 'APPROVED' : 'NOT_REQUIRED',
        approvedAt: approved ? dateOf(approvedOn) : null,
        approvingUnitId: req.approvingUnitId ?? null,
        approvedById: approved && isLevelAboveStep(req.kind) && ctx.principal.kind === 'account' ? ctx.principal.accountId : null,
        actorId: ctx.principal.kind === 'account' ? ctx.principal.accountId : null,
        meetingId: req.meetingId ?? null,
        voteId: req.voteId ?? null,
        notes: notes ?? null,
        details: details as Prisma.InputJsonValue,
        ...(decision?.documents ? { documents: decision.documents } : {}),
      },
    });
    await record(tx, ctx, 'DevelopmentStep', step);
    await decision?.within(tx, step);

    let updated = member;
    for (const e of result.effects) {
      if (e.type === 'SET_MEMBER') {
        const data = memberUpdate(e.fields);
        // A new version only for a real change (createMember may already hold the application date).
        const changed = Object.entries(data).some(([k, v]) => !sameValue((member as Record<string, unknown>)[k], v));
        if (!changed) continue;
        updated = await tx.member.update({ where: { id: memberId }, data: { ...data, version: member.version + 1 } });
        await record(tx, ctx, 'Member', updated);
      } else if (e.type === 'ASSIGN') {
        await syncAssignments(tx, ctx, member, e.role, e.memberIds, dateOf(e.on));
      }
    }
    return { step, member: updated };
  });
}
