// Votes and elections (表决与选举) in the graph: Vote with its options, frozen roll, voter roll,
// secret ballots (served only once tallied, with proofs and no voter identity) and tally; the
// secretary's mutations and the voter's castBallot / verifyMyBallot.
import type { MajorityRule, QuorumRule, VoteKind, VoteStatus, Prisma } from '@lianjian/db';
import type { FieldRef } from '@pothos/core';
import { builder, type Types } from '../../../graphql/builder.js';
import { dbEnum } from '../../../graphql/enums.js';
import { unitFields } from '../../../graphql/fields.js';
import { byIdField, inputMutation, relatedPaging, rowMutation, subtreeList, subtreeWhere } from '../../../graphql/rows.js';
import type { Context } from '../../../shared/context.js';
import { notFound } from '../../../shared/errors.js';
import { idOrNull, requireUuid } from '../../../shared/ids.js';
import { assertCanSeeRollRow, assertCanSeeVote } from '../access.js';
import { VoteErrorCode, voteError } from '../errors.js';
import { checkReceipt } from '../receipt.js';
import { castBallot, closeVote, createVote, hexOf, openVote, resultsOf, rollWhere, verifyMyBallot, type BallotCheck, type CastResult } from '../service.js';
import { verifiableObject, type VerifiableObjectOptions } from '../../../graphql/verifiable.js';

export const VoteKindEnum = dbEnum('VoteKind', 'MOTION 议题表决 / ELECTION 选举 / ADMISSION 接收预备党员 (step 15) / CONFIRMATION 预备党员转正 (step 23)');
export const VoteStatusEnum = dbEnum('VoteStatus', '草稿 / 投票中 / 已截止 / 已计票 / 已取消');
export const QuorumRuleEnum = dbEnum('QuorumRule', 'Share of the frozen roll that must cast a ballot: NONE (at least one), MORE_THAN_HALF 过半数, TWO_THIRDS 三分之二以上');
export const MajorityRuleEnum = dbEnum('MajorityRule', 'What an option needs: MORE_THAN_HALF_OF_ENTITLED 超过应到会有表决权人数的半数, MORE_THAN_HALF_OF_CAST 超过投票人数的半数, TWO_THIRDS_OF_ENTITLED 应到会人数的三分之二以上, PLURALITY 得票多者 (motions: more yes than no)');

async function voteKeyOf(ctx: Context, voteId: string) {
  const vote = await ctx.prisma.vote.findUnique({ where: { id: voteId }, select: { id: true, orgUnitId: true } });
  if (!vote) throw notFound('Vote', '表决', voteId);
  return vote;
}

type HexField = FieldRef<Types, string | null | undefined, 'PrismaObject'>;

interface HexFieldBuilder<C extends string> {
  string(options: { nullable: true; select: Record<C, true>; description: string; resolve: (row: Record<C, Uint8Array | null>) => string | null }): HexField;
}

/** A digest column (bytes), read only when asked for and shown as hex; null when the row has none. */
function hexColumn<C extends string>(t: HexFieldBuilder<C>, column: C, description: string): HexField {
  return t.string({ nullable: true, select: { [column]: true } as Record<C, true>, description, resolve: (row) => hexOf(row[column]) });
}

type VoteRow = 'VoteOption' | 'VoteTally' | 'Ballot' | 'VoteEligibleVoter' | 'VoterRollEntry';
type IdFields = { exposeID(name: 'voteId' | 'memberId'): FieldRef<Types, unknown, 'PrismaObject'> };

/**
 * A row of a vote, its fields starting with the vote's id: an option, the tally or a ballot, seen
 * by whoever may see the vote; or, `onRoll`, a member's place on its roll (assertCanSeeRollRow),
 * naming the member next.
 */
function voteRowObject<N extends VoteRow>(name: N, options: Omit<VerifiableObjectOptions<N, { voteId: true }>, 'select'> & { onRoll?: true }) {
  const rule = options.onRoll
    ? assertCanSeeRollRow
    : (ctx: Context, row: { voteId: string; orgUnitId: string }) => assertCanSeeVote(ctx, { id: row.voteId, orgUnitId: row.orgUnitId });
  return verifiableObject(name, rule as never, {
    ...options,
    select: (options.onRoll ? { voteId: true, memberId: true } : { voteId: true }) as never,
    fields: (t) => {
      const ids = t as unknown as IdFields;
      return { voteId: ids.exposeID('voteId'), ...(options.onRoll ? { memberId: ids.exposeID('memberId') } : {}), ...options.fields(t as never) };
    },
  });
}

export const VoteRef = verifiableObject('Vote', assertCanSeeVote, {
  description: 'A motion or an election with its rules, frozen roll and (once closed) tally, with its proof',
  select: { status: true },
  fields: (t) => ({
    ...unitFields(t),
    kind: t.expose('kind', { type: VoteKindEnum }),
    title: t.exposeString('title'),
    description: t.exposeString('description', { nullable: true }),
    status: t.expose('status', { type: VoteStatusEnum }),
    secret: t.exposeBoolean('secret', { description: 'Ballots carry no voter identity (always true here)' }),
    quorumRule: t.expose('quorumRule', { type: QuorumRuleEnum }),
    majorityRule: t.expose('majorityRule', { type: MajorityRuleEnum }),
    seats: t.exposeInt('seats', { description: 'Seats to fill (elections); 1 for motions' }),
    meetingId: t.exposeID('meetingId', { nullable: true, description: 'The meeting that held the vote' }),
    subjectMemberId: t.exposeID('subjectMemberId', { nullable: true, description: 'The member the vote is about (e.g. a candidate for admission)' }),
    closesAt: t.expose('closesAt', { type: 'DateTime', nullable: true }),
    openedAt: t.expose('openedAt', { type: 'DateTime', nullable: true }),
    closedAt: t.expose('closedAt', { type: 'DateTime', nullable: true }),
    eligibleCount: t.exposeInt('eligibleCount', { nullable: true, description: 'Size of the roll frozen at opening (应到会有表决权人数)' }),
    eligibleNow: t.int({
      nullable: true,
      description: 'A draft: how many full members with voting rights opening it now would freeze onto the roll (said before opening, which cannot be undone); null once opened',
      resolve: async (v, _a, ctx) => {
        if (v.status !== 'DRAFT') return null;
        const unit = await ctx.loaders.orgUnit.load(v.orgUnitId);
        return unit ? ctx.prisma.member.count({ where: rollWhere(unit.path) }) : null;
      },
    }),
    eligibleRollHash: hexColumn(t, 'eligibleRollHash', 'SHA-256 of the JCS array of the eligible member ids, sorted; hex'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    options: t.relation('options', { description: 'Motions: 赞成, 反对, 弃权 (positions 1–3); elections: the candidates', query: { orderBy: { position: 'asc' } } }),
    tally: t.relation('tally', { nullable: true, description: 'The counted result, once the vote is closed' }),
    hasVoted: t.boolean({
      nullable: true,
      description: 'Whether you (the signed-in member) have voted; null for accounts without a member',
      resolve: async (v, _a, ctx) => {
        const p = ctx.principal;
        if (p.kind !== 'account' || !p.memberId) return null;
        return (await ctx.prisma.voterRollEntry.count({ where: { voteId: v.id, memberId: p.memberId } })) > 0;
      },
    }),
    ballots: t.relatedConnection('ballots', {
      description: 'The secret ballots with their proofs, once tallied (sealed while the vote is open); no voter identity, in random id order',
      ...relatedPaging,
      authScopes: (vote) => {
        if (vote.status !== 'TALLIED') {
          throw voteError(VoteErrorCode.BALLOTS_SEALED, `The ballots of vote ${vote.id} are sealed until it is closed and tallied.`, `表决 ${vote.id} 计票前选票保持密封。`, { status: vote.status });
        }
        return { read: 'Ballot' };
      },
    }),
    eligibleVoters: t.relatedConnection('eligibleVoters', {
      description: 'The roll frozen at opening (staff and partner keys)',
      ...relatedPaging,
      authScopes: { $any: { staff: true, partner: 'VoteEligibleVoter:read' } },
    }),
    rollEntries: t.relatedConnection('rollEntries', {
      description: 'Who voted and when — never how (staff and partner keys)',
      ...relatedPaging,
      authScopes: { $any: { staff: true, partner: 'VoterRollEntry:read' } },
    }),
  }),
});

export const VoteOptionRef = voteRowObject('VoteOption', {
  description: 'An option of a vote: 赞成 / 反对 / 弃权, or a candidate, with its proof',
  fields: (t) => ({
    position: t.exposeInt('position'),
    label: t.exposeString('label'),
    candidateId: t.exposeID('candidateId', { nullable: true, description: 'The member standing, for a candidate who is one' }),
  }),
});

interface OptionResultShape {
  optionId: string;
  count: number;
  elected?: boolean;
}

const OptionResult = builder.objectRef<OptionResultShape>('VoteOptionResult').implement({
  description: 'One option’s count in a tally',
  fields: (t) => ({
    optionId: t.exposeID('optionId'),
    count: t.exposeInt('count'),
    elected: t.boolean({ nullable: true, description: 'Elections: whether the candidate won a seat', resolve: (r) => r.elected ?? null }),
  }),
});

voteRowObject('VoteTally', {
  description: 'The counted result of a vote, committing to its ballots by `ballotsRoot`; recompute it with @lianjian/verify recomputeTally',
  fields: (t) => ({
    eligibleCount: t.exposeInt('eligibleCount'),
    ballotsCast: t.exposeInt('ballotsCast'),
    quorumMet: t.exposeBoolean('quorumMet'),
    passed: t.exposeBoolean('passed', { nullable: true, description: 'Motions: carried; elections: every seat filled' }),
    results: t.field({ type: [OptionResult], select: { results: true }, resolve: (r) => resultsOf(r.results) }),
    ballotsRoot: hexColumn(t, 'ballotsRoot', 'RFC 9162 Merkle root (hex) of the ballots’ record leaves sorted by their bytes; null without ballots'),
    talliedAt: t.expose('talliedAt', { type: 'DateTime' }),
  }),
});

voteRowObject('Ballot', {
  description: 'A secret ballot: the chosen option ids and the SHA-256 of the voter’s receipt, with its proof; no voter identity and no casting time',
  fields: (t) => ({
    choices: t.exposeIDList('choices'),
    receiptHash: t.string({ select: { receiptHash: true }, description: 'SHA-256 of the receipt text (UTF-8), hex', resolve: (b) => hexOf(b.receiptHash)! }),
  }),
});

voteRowObject('VoteEligibleVoter', { description: 'A member on a vote’s roll, frozen at opening, with its proof', onRoll: true, fields: () => ({}) });

voteRowObject('VoterRollEntry', {
  description: 'That a member voted, and when — never how — with its proof',
  onRoll: true,
  fields: (t) => ({
    votedAt: t.expose('votedAt', { type: 'DateTime' }),
  }),
});

const CandidateInput = builder.inputType('VoteCandidateInput', {
  fields: (t) => ({
    label: t.string({ required: true, description: 'Name as printed on the ballot' }),
    memberId: t.id({ description: 'The member standing, when the candidate is one' }),
  }),
});

const CreateVoteInput = builder.inputType('CreateVoteInput', {
  fields: (t) => ({
    orgUnitId: t.id({ required: true, description: 'The unit that votes: its full members (and its groups’) form the roll' }),
    kind: t.field({ type: VoteKindEnum, required: true }),
    title: t.string({ required: true }),
    description: t.string(),
    quorumRule: t.field({ type: QuorumRuleEnum, description: 'Default MORE_THAN_HALF' }),
    majorityRule: t.field({ type: MajorityRuleEnum, description: 'Default MORE_THAN_HALF_OF_ENTITLED for motions, PLURALITY for elections' }),
    seats: t.int({ description: 'Elections: seats to fill (default 1)' }),
    meetingId: t.id({ description: 'The meeting (of the same unit) that holds the vote' }),
    subjectMemberId: t.id({ description: 'Required for ADMISSION and CONFIRMATION: the candidate or probationary member voted on' }),
    closesAt: t.field({ type: 'DateTime', description: 'After this no ballot is accepted' }),
    candidates: t.field({ type: [CandidateInput], description: 'Elections: the candidates, in ballot order' }),
  }),
});

const CastBallotPayload = builder.objectRef<CastResult>('CastBallotPayload').implement({
  description: 'Your ballot is in. Keep `receipt`: it is shown only now, and lets you find your ballot (verifyMyBallot) and check its hash in the anchored ballot record',
  fields: (t) => ({
    receipt: t.exposeString('receipt', { description: 'Your secret receipt (回执码); the system keeps only its SHA-256' }),
    receiptHash: t.exposeString('receiptHash', { description: 'SHA-256 of the receipt, hex: the `receiptHash` of your ballot record' }),
    vote: t.prismaField({ type: 'Vote', resolve: (query, r, _a, ctx) => ctx.prisma.vote.findUniqueOrThrow({ ...query, where: { id: r.vote.id } }) }),
    rollEntry: t.prismaField({
      type: 'VoterRollEntry',
      description: 'The record that you voted (not how)',
      resolve: (query, r, _a, ctx) => ctx.prisma.voterRollEntry.findUniqueOrThrow({ ...query, where: { id: r.rollEntryId } }),
    }),
  }),
});

const BallotCheckRef = builder.objectRef<BallotCheck>('BallotCheck').implement({
  description: 'Whether a receipt names a ballot of the vote, and what that ballot says',
  fields: (t) => ({
    verified: t.exposeBoolean('verified', { description: 'True when a ballot of this vote carries this receipt’s hash' }),
    choices: t.exposeIDList('choices', { description: 'The options the ballot chose (empty when not verified)' }),
    voteStatus: t.field({ type: VoteStatusEnum, resolve: (c) => c.voteStatus as VoteStatus }),
    ballot: t.prismaField({
      type: 'Ballot',
      nullable: true,
      description: 'The ballot with its proof, once the vote is tallied',
      resolve: (query, c, _a, ctx) => (c.ballot ? ctx.prisma.ballot.findUnique({ ...query, where: { id: c.ballot.id } }) : null),
    }),
  }),
});

async function voteWhere(ctx: Context, { under, status }: { under?: string | number | null; status?: VoteStatus | null }): Promise<Prisma.VoteWhereInput> {
  const where: Prisma.VoteWhereInput = {};
  if (status) where.status = status;
  const p = ctx.principal;
  if (p.kind === 'account' && p.role === 'MEMBER') {
    // A member's votes are those whose roll holds them.
    where.eligibleVoters = { some: { memberId: p.memberId ?? '00000000-0000-0000-0000-000000000000' } };
    return where;
  }
  return { ...where, ...(await subtreeWhere(ctx, under)) };
}

builder.queryFields((t) => ({
  vote: byIdField(t, 'Vote', { what: ['Vote', '表决'], description: 'One vote with its options, tally and (once tallied) ballots', check: assertCanSeeVote }),
  votes: subtreeList(t, 'Vote', {
    description: 'Votes of a subtree (default: all you may see), newest first; members see the votes they are entitled to',
    under: 'Org unit whose subtree to list',
    args: { status: t.arg({ type: VoteStatusEnum }) },
    where: voteWhere,
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
  }),
  verifyMyBallot: t.field({
    type: BallotCheckRef,
    description: 'Checks your receipt: whether your ballot is among the vote’s ballots, as you cast it',
    authScopes: { signedIn: true },
    args: { voteId: t.arg.id({ required: true }), receipt: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const id = requireUuid('voteId', args.voteId);
      const receipt = checkReceipt('receipt', args.receipt);
      const key = await voteKeyOf(ctx, id);
      await assertCanSeeVote(ctx, key);
      return verifyMyBallot(ctx, await ctx.prisma.vote.findUniqueOrThrow({ where: { id } }), receipt);
    },
  }),
}));

builder.mutationFields((t) => ({
  createVote: inputMutation(t, 'Vote', CreateVoteInput, {
    description: 'Creates a vote or election as a draft (ADMIN, or SECRETARY of the unit or above)',
    write: (ctx, input) =>
      createVote(ctx, {
        ...input,
        orgUnitId: String(input.orgUnitId),
        meetingId: idOrNull(input.meetingId),
        subjectMemberId: idOrNull(input.subjectMemberId),
        candidates: input.candidates?.map((c) => ({ label: c.label, memberId: idOrNull(c.memberId) })) ?? null,
      }),
  }),
  openVote: rowMutation(t, 'Vote', {
    description: 'Opens a draft vote and freezes its roll: the full members with voting rights of the unit now (probationary members have no vote)',
    write: openVote,
  }),
  closeVote: rowMutation(t, 'Vote', {
    description: 'Closes an open vote and tallies it: quorum, majority, seats; the tally commits to the ballots by their Merkle root',
    write: closeVote,
  }),
  castBallot: t.field({
    type: CastBallotPayload,
    description: 'Casts your secret ballot (once). Motions: one of 赞成 / 反对 / 弃权; elections: up to `seats` candidates (none = blank). Returns your receipt, shown only this once',
    authScopes: { signedIn: true },
    args: { voteId: t.arg.id({ required: true }), choices: t.arg.idList({ required: true, description: 'Option ids' }) },
    resolve: (_root, args, ctx) => castBallot(ctx, String(args.voteId), args.choices.map(String)),
  }),
}));
