// Votes and elections: create (DRAFT), open (freeze the roll), cast (secret ballot with a
// receipt), close (count, commit to the ballots, TALLIED). Every row change writes its record
// in the same transaction; the ballot's records are written so that they do not point back to
// the voter — see castBallot and closeVote.
import { createHash, randomInt } from 'node:crypto';
import { Prisma, type Ballot, type Vote, type VoteKind, type QuorumRule, type MajorityRule } from '@lianjian/db';
import type { RecordInput } from '@lianjian/indexer/outbox';
import { ballotProblem, ballotsRoot, canonicalize, countVotes, isMotion, toHex, type OptionResult } from '@lianjian/verify';
import { actorOf, assertCanSeeMember, assertCanWriteUnit } from '../../shared/access.js';
import type { Context } from '../../shared/context.js';
import { FieldErrors, badArgument, forbidden, notFound } from '../../shared/errors.js';
import { requireUuid } from '../../shared/ids.js';
import { recordInput, writeRecord, writeRecords, type Tx } from '../../shared/records/write.js';
import { VoteErrorCode, statusZh, voteError } from './errors.js';
import { newReceipt, receiptHash } from './receipt.js';

/** The fixed options of a motion, in position order (see @lianjian/verify tally.ts). */
export const MOTION_OPTIONS = ['赞成', '反对', '弃权'] as const;

export interface CreateVoteRequest {
  orgUnitId: string;
  kind: VoteKind;
  title: string;
  description?: string | null;
  quorumRule?: QuorumRule | null;
  majorityRule?: MajorityRule | null;
  seats?: number | null;
  meetingId?: string | null;
  subjectMemberId?: string | null;
  closesAt?: Date | null;
  /** Elections: the candidates (a label, and the member when the candidate is one). */
  candidates?: readonly { label: string; memberId?: string | null }[] | null;
}

/** Rules the branch general meeting's admission and confirmation votes may not go below. */
const PIPELINE_QUORUM: readonly QuorumRule[] = ['MORE_THAN_HALF', 'TWO_THIRDS'];
const PIPELINE_MAJORITY: readonly MajorityRule[] = ['MORE_THAN_HALF_OF_ENTITLED', 'TWO_THIRDS_OF_ENTITLED'];
const SUBJECT_STAGE: Partial<Record<VoteKind, string>> = { ADMISSION: 'CANDIDATE', CONFIRMATION: 'PROBATIONARY' };

async function unitOf(ctx: Context, id: string) {
  const unit = await ctx.loaders.orgUnit.load(id);
  if (!unit) throw notFound('Org unit', '组织', id);
  return unit;
}

export async function createVote(ctx: Context, req: CreateVoteRequest): Promise<Vote> {
  const orgUnitId = requireUuid('input.orgUnitId', req.orgUnitId);
  const unit = await unitOf(ctx, orgUnitId);
  assertCanWriteUnit(ctx, unit);

  const errors = new FieldErrors();
  const title = req.title.trim();
  if (title.length === 0 || title.length > 200) errors.add('input.title', 'must be 1–200 characters.', '应为 1–200 个字符。');
  const motion = isMotion(req.kind);
  const pipeline = req.kind === 'ADMISSION' || req.kind === 'CONFIRMATION';
  const quorumRule = req.quorumRule ?? 'MORE_THAN_HALF';
  const majorityRule = req.majorityRule ?? (motion ? 'MORE_THAN_HALF_OF_ENTITLED' : 'PLURALITY');
  const seats = req.seats ?? 1;
  if (pipeline && !PIPELINE_QUORUM.includes(quorumRule)) {
    errors.add('input.quorumRule', 'must be MORE_THAN_HALF (or stricter) for a branch general meeting’s admission or confirmation vote.', '接收预备党员、预备党员转正的表决须有半数以上有表决权的党员到会（或更严）。');
  }
  if (pipeline && !PIPELINE_MAJORITY.includes(majorityRule)) {
    errors.add('input.majorityRule', 'must be MORE_THAN_HALF_OF_ENTITLED (or stricter) for an admission or confirmation vote.', '接收预备党员、预备党员转正须经应到会有表决权党员的半数以上赞成（或更严）。');
  }
  if (!Number.isInteger(seats) || seats < 1 || seats > 50) errors.add('input.seats', 'must be a whole number from 1 to 50.', '应为 1 到 50 的整数。');
  if (motion && seats !== 1) errors.add('input.seats', 'applies to elections only (a motion has one outcome).', '仅适用于选举（议题表决只有一个结果）。');
  if (motion && req.candidates?.length) errors.add('input.candidates', 'applies to elections only: a motion’s options are always 赞成 / 反对 / 弃权.', '仅适用于选举：议题表决的选项固定为赞成、反对、弃权。');
  if (pipeline && !req.subjectMemberId) errors.add('input.subjectMemberId', `is required for an ${req.kind} vote: the person the meeting votes on.`, '接收或转正表决必须指明表决对象。');
  if (!motion && req.subjectMemberId) errors.add('input.subjectMemberId', 'does not apply to elections.', '不适用于选举。');
  if (req.closesAt && req.closesAt.getTime() <= ctx.config.now().getTime()) errors.add('input.closesAt', 'must be in the future.', '应晚于当前时间。');

  const candidates = (req.candidates ?? []).map((c) => ({ label: c.label.trim(), memberId: c.memberId ? requireUuid('input.candidates.memberId', c.memberId) : null }));
  if (!motion) {
    if (candidates.length < seats) errors.add('input.candidates', `must list at least as many candidates as seats (${seats}).`, `候选人数不得少于应选名额（${seats}）。`);
    if (candidates.length > 200) errors.add('input.candidates', 'may list at most 200 candidates.', '候选人不得超过 200 名。');
    candidates.forEach((c, i) => {
      if (c.label.length === 0 || c.label.length > 100) errors.add(`input.candidates[${i}].label`, 'must be 1–100 characters.', '应为 1–100 个字符。');
    });
    if (new Set(candidates.map((c) => c.label)).size !== candidates.length) errors.add('input.candidates', 'lists a candidate twice.', '候选人重复。');
    const members = candidates.flatMap((c) => (c.memberId ? [c.memberId] : []));
    if (new Set(members).size !== members.length) errors.add('input.candidates', 'names a member twice.', '同一党员被列为两名候选人。');
  }
  errors.throwIfAny();

  if (req.subjectMemberId) {
    const id = requireUuid('input.subjectMemberId', req.subjectMemberId);
    const subject = await ctx.prisma.member.findUnique({ where: { id }, select: { id: true, stage: true, status: true, orgUnit: { select: { path: true } } } });
    if (!subject) throw badArgument('input.subjectMemberId', `names member ${id}, who does not exist.`, `指向的党员 ${id} 不存在。`);
    if (!subject.orgUnit.path.startsWith(unit.path)) throw badArgument('input.subjectMemberId', 'names someone outside the voting unit.', '表决对象不在本组织。');
    const stage = SUBJECT_STAGE[req.kind];
    if (stage && subject.stage !== stage) {
      throw badArgument('input.subjectMemberId', `names a member at stage ${subject.stage}; an ${req.kind} vote is about a ${stage}.`, `表决对象处于 ${subject.stage} 阶段；该类表决的对象应为 ${stage}。`);
    }
  }
  for (const [i, c] of candidates.entries()) {
    if (!c.memberId) continue;
    const m = await ctx.prisma.member.findUnique({ where: { id: c.memberId }, select: { id: true, orgUnit: { select: { path: true } } } });
    if (!m) throw badArgument(`input.candidates[${i}].memberId`, `names member ${c.memberId}, who does not exist.`, `指向的党员 ${c.memberId} 不存在。`);
    assertCanSeeMember(ctx, { id: m.id, unitPath: m.orgUnit.path });
  }
  if (req.meetingId) {
    const id = requireUuid('input.meetingId', req.meetingId);
    const meeting = await ctx.prisma.meeting.findUnique({ where: { id }, select: { orgUnitId: true } });
    if (!meeting) throw badArgument('input.meetingId', `names meeting ${id}, which does not exist.`, `指向的会议 ${id} 不存在。`);
    if (meeting.orgUnitId !== orgUnitId) throw badArgument('input.meetingId', 'names a meeting of another unit.', '指向的会议属于其他组织。');
  }

  return ctx.prisma.$transaction(async (tx) => {
    const vote = await tx.vote.create({
      data: {
        orgUnitId,
        kind: req.kind,
        title,
        description: req.description?.trim() || null,
        quorumRule,
        majorityRule,
        seats,
        meetingId: req.meetingId ?? null,
        subjectMemberId: req.subjectMemberId ?? null,
        closesAt: req.closesAt ?? null,
        createdById: ctx.principal.kind === 'account' ? ctx.principal.accountId : null,
      },
    });
    await writeRecord(tx, ctx, 'Vote', vote);
    const labels = motion ? MOTION_OPTIONS.map((label) => ({ label, memberId: null })) : candidates;
    const options = await tx.voteOption.createManyAndReturn({
      data: labels.map((c, i) => ({ orgUnitId, voteId: vote.id, position: i + 1, label: c.label, candidateId: c.memberId })),
    });
    for (const o of options) await writeRecord(tx, ctx, 'VoteOption', o);
    return vote;
  });
}

/** Locks the vote row for the rest of the transaction and returns it. */
async function lockVote(tx: Tx, id: string, mode: 'UPDATE' | 'SHARE'): Promise<Vote | null> {
  const rows = mode === 'UPDATE'
    ? await tx.$queryRaw<{ id: string }[]>`SELECT id FROM vote WHERE id = ${id}::uuid FOR UPDATE`
    : await tx.$queryRaw<{ id: string }[]>`SELECT id FROM vote WHERE id = ${id}::uuid FOR SHARE`;
  return rows.length ? tx.vote.findUnique({ where: { id } }) : null;
}

async function writableVote(ctx: Context, voteId: string): Promise<Vote> {
  const id = requireUuid('id', voteId);
  const vote = await ctx.prisma.vote.findUnique({ where: { id } });
  if (!vote) throw notFound('Vote', '表决', id);
  assertCanWriteUnit(ctx, await unitOf(ctx, vote.orgUnitId));
  return vote;
}

/** The roll's fingerprint: SHA-256 of the JCS array of the eligible member ids, sorted. */
export function rollHash(memberIds: readonly string[]): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(createHash('sha256').update(canonicalize([...memberIds].sort()), 'utf8').digest());
}

/** Who has a vote in the unit now: the full members (stage FULL, status ACTIVE) of it and its groups. */
export function rollWhere(unitPath: string): Prisma.MemberWhereInput {
  return { stage: 'FULL', status: 'ACTIVE', orgUnit: { path: { startsWith: unitPath } } };
}

/**
 * Opens the vote and freezes its roll (rollWhere) at this moment. Probationary members have no
 * vote; anyone who joins later is not on the roll.
 */
export async function openVote(ctx: Context, voteId: string): Promise<Vote> {
  const found = await writableVote(ctx, voteId);
  const unit = await unitOf(ctx, found.orgUnitId);
  return ctx.prisma.$transaction(async (tx) => {
    const vote = (await lockVote(tx, found.id, 'UPDATE'))!;
    if (vote.status !== 'DRAFT') {
      throw voteError(VoteErrorCode.VOTE_NOT_DRAFT, `Vote ${vote.id} is ${vote.status}: only a draft can be opened.`, `表决 ${vote.id} 状态为「${statusZh(vote.status)}」：只有草稿可以开始投票。`, { status: vote.status });
    }
    const now = ctx.config.now();
    if (vote.closesAt && vote.closesAt.getTime() <= now.getTime()) throw badArgument('id', 'names a vote whose closing time has passed.', '该表决的截止时间已过。');
    const members = await tx.member.findMany({
      where: rollWhere(unit.path),
      select: { id: true },
      orderBy: { id: 'asc' },
    });
    if (members.length === 0) {
      throw voteError(VoteErrorCode.NO_ELIGIBLE_VOTERS, `No full member of ${unit.name} has voting rights: the vote cannot open.`, `${unit.name} 没有有表决权的正式党员，无法开始投票。`);
    }
    const roll = await tx.voteEligibleVoter.createManyAndReturn({
      data: members.map((m) => ({ orgUnitId: vote.orgUnitId, voteId: vote.id, memberId: m.id })),
    });
    const opened = await tx.vote.update({
      where: { id: vote.id },
      data: { status: 'OPEN', openedAt: now, eligibleCount: roll.length, eligibleRollHash: rollHash(roll.map((r) => r.memberId)), version: vote.version + 1 },
    });
    await writeRecords(tx, [
      ...roll.map((r) => input(ctx, 'VoteEligibleVoter', r, now)),
      input(ctx, 'Vote', opened, now),
    ]);
    return opened;
  }, { timeout: 60_000 });
}

type RecordType = 'Vote' | 'VoteEligibleVoter' | 'VoterRollEntry' | 'Ballot' | 'VoteTally';

function input(ctx: Context | 'system', type: RecordType, row: { id: string; version: number; orgUnitId: string }, at: Date): RecordInput {
  return recordInput(type, row, ctx === 'system' ? 'system' : actorOf(ctx), at);
}

function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export interface CastResult {
  receipt: string;
  receiptHash: string;
  vote: Vote;
  rollEntryId: string;
}

function notEligible(reason: 'NO_MEMBER' | 'PROBATIONARY' | 'NOT_FULL_MEMBER' | 'NOT_ON_ROLL', voteId: string) {
  const text = {
    NO_MEMBER: ['Only members vote: this account is not linked to a member.', '只有党员可以投票：该账号未关联党员。'],
    PROBATIONARY: ['Probationary members have no vote (预备党员没有表决权).', '预备党员没有表决权。'],
    NOT_FULL_MEMBER: ['Only full members with voting rights vote.', '只有有表决权的正式党员可以投票。'],
    NOT_ON_ROLL: ['You are not on this vote’s roll: it was frozen when the vote opened, with the full members of the unit at that time.', '您不在本次表决的名册中：名册在开始投票时按当时本组织有表决权的正式党员确定。'],
  }[reason];
  return voteError(VoteErrorCode.NOT_ELIGIBLE, text[0]!, text[1]!, { reason, voteId });
}

/**
 * Casts the caller's secret ballot. One transaction writes two unrelated rows: the roll entry
 * (who voted, when) and the ballot (what, and the receipt's hash). What keeps them apart:
 * - the ballot row and its record carry no time of casting: created/updated at and record `at`
 *   are the vote's opening time, the same for every ballot;
 * - the ballot's record actor is "system", never the voter's account;
 * - the ballot's id is a random UUID and its choices are sorted (no order fingerprint);
 * - at closing every ballot gets version 2 in one transaction, in random order, and the tally
 *   commits to those records (closeVote): the served ballot proofs' log positions say nothing
 *   about when each was cast. Version 1 records still sit next to their roll entries in the log
 *   (the record guard needs them in the casting transaction); the API serves ballots only after
 *   the tally, at version 2.
 * The receipt (random, 128 bits) is returned here only; the database keeps its SHA-256.
 */
export async function castBallot(ctx: Context, voteId: string, choiceIds: readonly string[]): Promise<CastResult> {
  const id = requireUuid('voteId', voteId);
  const p = ctx.principal;
  if (p.kind !== 'account') throw forbidden('Only a member’s own account may cast a ballot.', '只有党员本人的账号可以投票。');
  if (!p.memberId) throw notEligible('NO_MEMBER', id);
  const memberId = p.memberId;
  const choices = [...new Set(choiceIds.map((c, i) => requireUuid(`choices[${i}]`, c)))].sort();
  if (choices.length !== choiceIds.length) throw badArgument('choices', 'chooses an option twice.', '同一选项选择了两次。');

  const receipt = newReceipt();
  const hash = receiptHash(receipt);
  const result = await ctx.prisma.$transaction(async (tx) => {
    // FOR SHARE: ballots of one vote go in side by side; closing (FOR UPDATE) waits for them.
    const vote = await lockVote(tx, id, 'SHARE');
    if (!vote) throw notFound('Vote', '表决', id);
    const now = ctx.config.now();
    const closed = vote.status === 'OPEN' && vote.closesAt !== null && vote.closesAt.getTime() <= now.getTime();
    if (vote.status !== 'OPEN' || closed) {
      const shown = closed ? 'CLOSED' : vote.status;
      throw voteError(VoteErrorCode.VOTE_NOT_OPEN, `Vote ${id} is not open for ballots (it is ${shown}).`, `表决 ${id} 当前不接受投票（状态：${statusZh(shown)}）。`, { status: shown });
    }
    const onRoll = await tx.voteEligibleVoter.findUnique({ where: { voteId_memberId: { voteId: id, memberId } }, select: { id: true } });
    if (!onRoll) {
      const m = await tx.member.findUnique({ where: { id: memberId }, select: { stage: true, status: true } });
      throw notEligible(m?.stage === 'PROBATIONARY' ? 'PROBATIONARY' : m?.stage !== 'FULL' || m.status !== 'ACTIVE' ? 'NOT_FULL_MEMBER' : 'NOT_ON_ROLL', id);
    }
    if (await tx.voterRollEntry.findUnique({ where: { voteId_memberId: { voteId: id, memberId } }, select: { id: true } })) {
      throw voteError(VoteErrorCode.ALREADY_VOTED, 'You have already voted in this vote; a ballot cannot be changed or cast twice.', '您已在本次表决中投票，不能重复投票或更改选票。', { voteId: id });
    }
    const options = await tx.voteOption.findMany({ where: { voteId: id }, select: { id: true } });
    const problem = ballotProblem(vote, new Set(options.map((o) => o.id)), choices);
    if (problem) throw badArgument('choices', `${problem}.`, isMotion(vote.kind) ? '应在赞成、反对、弃权中选择一项，且为本表决的选项。' : `最多选择 ${vote.seats} 名本次选举的候选人，且不得重复。`);

    const entry = await tx.voterRollEntry.create({ data: { orgUnitId: vote.orgUnitId, voteId: id, memberId, votedAt: now } });
    const sealedAt = vote.openedAt!;
    const ballot = await tx.ballot.create({
      data: { orgUnitId: vote.orgUnitId, voteId: id, receiptHash: hash, choices, createdAt: sealedAt, updatedAt: sealedAt },
    });
    await writeRecords(tx, shuffled([input(ctx, 'VoterRollEntry', entry, now), input('system', 'Ballot', ballot, sealedAt)]));
    return { vote, rollEntryId: entry.id };
  }).catch((err: unknown) => {
    // Two ballots of one member racing: the roll's unique key lets one through.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
      throw voteError(VoteErrorCode.ALREADY_VOTED, 'You have already voted in this vote; a ballot cannot be changed or cast twice.', '您已在本次表决中投票，不能重复投票或更改选票。', { voteId: id });
    }
    throw err;
  });
  return { receipt, receiptHash: toHex(hash), ...result };
}

/**
 * Closes the vote and tallies it in one transaction: counts the ballots with @lianjian/verify's
 * countVotes (the rules a verifier recomputes with), gives every ballot version 2 in random order
 * (see castBallot), and writes the tally with `ballotsRoot` over those version-2 leaves sorted
 * by their bytes.
 */
export async function closeVote(ctx: Context, voteId: string): Promise<Vote> {
  const found = await writableVote(ctx, voteId);
  return ctx.prisma.$transaction(async (tx) => {
    const vote = (await lockVote(tx, found.id, 'UPDATE'))!;
    if (vote.status !== 'OPEN') {
      throw voteError(VoteErrorCode.VOTE_NOT_OPEN, `Vote ${vote.id} is ${vote.status}: only an open vote can be closed.`, `表决 ${vote.id} 状态为「${statusZh(vote.status)}」：只有投票中的表决可以截止。`, { status: vote.status });
    }
    const now = ctx.config.now();
    const options = await tx.voteOption.findMany({ where: { voteId: vote.id }, select: { id: true, position: true } });
    await tx.ballot.updateMany({ where: { voteId: vote.id }, data: { version: { increment: 1 }, updatedAt: now } });
    const ballots: Ballot[] = await tx.ballot.findMany({ where: { voteId: vote.id } });
    const outcome = countVotes(
      { kind: vote.kind, quorumRule: vote.quorumRule, majorityRule: vote.majorityRule, seats: vote.seats, eligibleCount: vote.eligibleCount! },
      options,
      ballots.map((b) => b.choices),
    );
    const written = await writeRecords(tx, shuffled(ballots).map((b) => input('system', 'Ballot', b, now)));
    const root = ballotsRoot(written.map((w) => w.leaf));
    const tally = await tx.voteTally.create({
      data: {
        orgUnitId: vote.orgUnitId,
        voteId: vote.id,
        eligibleCount: outcome.eligibleCount,
        ballotsCast: outcome.ballotsCast,
        quorumMet: outcome.quorumMet,
        passed: outcome.passed,
        results: outcome.results as unknown as Prisma.InputJsonValue,
        ballotsRoot: root ? Uint8Array.from(root) : null,
        talliedAt: now,
      },
    });
    const tallied = await tx.vote.update({ where: { id: vote.id }, data: { status: 'TALLIED', closedAt: now, version: vote.version + 1 } });
    await writeRecords(tx, [input(ctx, 'VoteTally', tally, now), input(ctx, 'Vote', tallied, now)]);
    return tallied;
  }, { timeout: 60_000 });
}

export interface BallotCheck {
  verified: boolean;
  choices: string[];
  /** The ballot, with its proof, once the vote is tallied (ballots stay sealed before). */
  ballot: Ballot | null;
  voteStatus: string;
}

/** Finds the ballot of a receipt: the voter's check that their ballot is there, as cast. */
export async function verifyMyBallot(ctx: Context, vote: Vote, receipt: string): Promise<BallotCheck> {
  const ballot = await ctx.prisma.ballot.findUnique({ where: { receiptHash: receiptHash(receipt) } });
  if (!ballot || ballot.voteId !== vote.id) return { verified: false, choices: [], ballot: null, voteStatus: vote.status };
  return { verified: true, choices: ballot.choices, ballot: vote.status === 'TALLIED' ? ballot : null, voteStatus: vote.status };
}

/** A tally's results as stored (JSON): option id, count, elected (elections). */
export function resultsOf(json: unknown): OptionResult[] {
  return Array.isArray(json) ? (json as OptionResult[]) : [];
}

export const hexOf = (b: Uint8Array | null): string | null => (b ? toHex(b) : null);
