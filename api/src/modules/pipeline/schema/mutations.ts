// Recording development steps. Every mutation goes through the rules engine: an illegal step is
// refused with `extensions.code` naming the rule (TOO_EARLY_FOR_CANDIDACY, QUORUM_NOT_MET, …) and
// `extensions.rule` its text in Chinese and English; a legal one writes the step, the member's new
// version and any mentor/sponsor assignments with their records, in one transaction.
// ADMIN, or a SECRETARY whose subtree holds the member's unit; the level above's steps only the
// deciding level (levels/deciding.ts), which a branch asks through requestLevelStep (levels.ts).
import type { InputFieldMap, InputShapeFromFields } from '@pothos/core';
import { builder, type Types } from '../../../graphql/builder.js';
import type { StepKind } from '@lianjian/rules/pipeline';
import { isoOf, recordStep, type StepRequest } from '../service.js';
import { DevelopmentStepKindEnum, DevelopmentStepPayload, RecommenderEnum, ViewSourceEnum } from './types.js';

const BranchVoteInput = builder.inputType('BranchVoteInput', {
  description: 'A branch general meeting vote: quorum needs more than half of those entitled present; it passes with yes votes from more than half of those entitled',
  fields: (t) => ({
    entitled: t.int({ required: true, description: 'Full members entitled to vote (应到会有表决权的正式党员)' }),
    present: t.int({ required: true, description: 'Of them, present' }),
    yes: t.int({ required: true }),
    no: t.int({ required: true }),
    abstain: t.int({ required: true }),
    written: t.int({ description: 'Written opinions of absent entitled members, included in yes/no/abstain' }),
  }),
});

const ViewsHeardInput = builder.inputType('ViewsHeardInput', {
  fields: (t) => ({
    on: t.field({ type: 'Date', required: true }),
    sources: t.field({ type: [ViewSourceEnum], required: true }),
  }),
});

const TrainingInput = builder.inputType('TrainingInput', {
  description: 'Intensive training: first day (the step date is the last) and class hours',
  fields: (t) => ({
    startedOn: t.field({ type: 'Date', required: true }),
    classHours: t.float({ required: true }),
  }),
});

const PublicNoticeInput = builder.inputType('PublicNoticeInput', {
  description: 'The public notice of a candidate (公示), first and last day',
  fields: (t) => ({
    from: t.field({ type: 'Date', required: true }),
    to: t.field({ type: 'Date', required: true }),
  }),
});

const GroupOpinionInput = builder.inputType('GroupOpinionInput', {
  fields: (t) => ({
    on: t.field({ type: 'Date', required: true }),
    text: t.string({ required: true }),
  }),
});

export const DevelopmentStepInput = builder.inputType('DevelopmentStepInput', {
  description: 'What a step records; each step reads only its own fields (see nextActions and the rules).',
  fields: (t) => ({
    notes: t.string(),
    recommendedBy: t.field({ type: RecommenderEnum, description: 'Step 3' }),
    people: t.idList({ description: 'Step 5: one or two mentors; step 9: two sponsors (member ids)' }),
    conclusion: t.string({ description: 'Steps 6, 10, 21' }),
    passed: t.boolean({ description: 'Step 10: whether the political review found the candidate qualified' }),
    viewsHeard: t.field({ type: ViewsHeardInput, description: 'Step 7' }),
    training: t.field({ type: TrainingInput, description: 'Step 11' }),
    publicNotice: t.field({ type: PublicNoticeInput, description: 'Step 13' }),
    vote: t.field({ type: BranchVoteInput, description: 'Steps 15 and 23, extension, revocation' }),
    groupOpinion: t.field({ type: GroupOpinionInput, description: 'Step 23' }),
    lateReason: t.string({ description: 'Step 17 after three months: the special circumstances' }),
    months: t.int({ description: 'Extension: 6–12' }),
    approvedOn: t.field({ type: 'Date', description: 'Extension and revocation: the higher committee’s approval' }),
    reason: t.string({ description: 'Extension and revocation' }),
  }),
});

export type InputArg = {
  notes?: string | null;
  recommendedBy?: 'PARTY_MEMBERS' | 'MASS_ORGANISATION' | null;
  people?: (string | number)[] | null;
  conclusion?: string | null;
  passed?: boolean | null;
  viewsHeard?: { on: Date; sources: ('PARTY_GROUP' | 'MENTORS' | 'MEMBERS' | 'PUBLIC')[] } | null;
  training?: { startedOn: Date; classHours: number } | null;
  publicNotice?: { from: Date; to: Date } | null;
  vote?: { entitled: number; present: number; yes: number; no: number; abstain: number; written?: number | null } | null;
  groupOpinion?: { on: Date; text: string } | null;
  lateReason?: string | null;
  months?: number | null;
  approvedOn?: Date | null;
  reason?: string | null;
};

/** GraphQL input (nulls, Dates) → the engine's input (absent fields, ISO dates). */
export function toStepInput(i: InputArg | null | undefined): StepRequest['input'] {
  const out: StepRequest['input'] = {};
  if (!i) return out;
  if (i.notes != null) out.notes = i.notes;
  if (i.recommendedBy != null) out.recommendedBy = i.recommendedBy;
  if (i.people != null) out.peopleIds = i.people.map(String);
  if (i.conclusion != null) out.conclusion = i.conclusion;
  if (i.passed != null) out.passed = i.passed;
  if (i.viewsHeard != null) out.viewsHeard = { on: isoOf(i.viewsHeard.on), sources: i.viewsHeard.sources };
  if (i.training != null) out.training = { startedOn: isoOf(i.training.startedOn), classHours: i.training.classHours };
  if (i.publicNotice != null) out.publicNotice = { from: isoOf(i.publicNotice.from), to: isoOf(i.publicNotice.to) };
  if (i.vote != null) {
    const { written, ...v } = i.vote;
    out.vote = written != null ? { ...v, written } : v;
  }
  if (i.groupOpinion != null) out.groupOpinion = { on: isoOf(i.groupOpinion.on), text: i.groupOpinion.text };
  if (i.lateReason != null) out.lateReason = i.lateReason;
  if (i.months != null) out.months = i.months;
  if (i.approvedOn != null) out.approvedOn = isoOf(i.approvedOn);
  if (i.reason != null) out.reason = i.reason;
  return out;
}

const ids = (v: string | number | null | undefined) => (v == null ? null : String(v));

type MutationBuilder = PothosSchemaTypes.MutationFieldBuilder<Types, {}>;

/** A mutation that records one development step: recordStep checks every rule of the procedure. */
function stepMutation<Args extends InputFieldMap>(t: MutationBuilder, opts: { description: string; args: Args; step: (args: InputShapeFromFields<Args>) => StepRequest }) {
  return t.field({
    type: DevelopmentStepPayload,
    description: opts.description,
    authScopes: { writer: true },
    args: opts.args,
    resolve: (_root, args, ctx) => recordStep(ctx, opts.step(args as InputShapeFromFields<Args>)),
  });
}

/** Mentors or sponsors named for a member (`people` is the one argument that differs). */
function assignmentArgs<People extends InputFieldMap>(t: MutationBuilder, people: People) {
  return { memberId: t.arg.id({ required: true }), ...people, on: t.arg({ type: 'Date', required: true }), notes: t.arg.string() };
}

function assignment(args: { memberId: string | number; on: Date; notes?: string | null }, kind: StepKind, people: readonly (string | number)[]): StepRequest {
  return { memberId: String(args.memberId), kind, occurredOn: isoOf(args.on), input: toStepInput({ people: [...people], notes: args.notes ?? null }) };
}

/** A branch general meeting's decision at the end of probation, approved by the higher committee. */
function branchDecisionArgs<Extra extends InputFieldMap>(t: MutationBuilder, extra: Extra) {
  return {
    memberId: t.arg.id({ required: true }),
    ...extra,
    meetingOn: t.arg({ type: 'Date', required: true }),
    vote: t.arg({ type: BranchVoteInput, required: true }),
    approvedOn: t.arg({ type: 'Date', required: true }),
    reason: t.arg.string({ required: true }),
    voteId: t.arg.id(),
    approvingUnitId: t.arg.id(),
  };
}

interface BranchDecisionArgs {
  memberId: string | number;
  meetingOn: Date;
  vote: NonNullable<InputArg['vote']>;
  approvedOn: Date;
  reason: string;
  voteId?: string | number | null;
  approvingUnitId?: string | number | null;
}

function branchDecision(args: BranchDecisionArgs, kind: StepKind, input: InputArg): StepRequest {
  return {
    memberId: String(args.memberId),
    kind,
    occurredOn: isoOf(args.meetingOn),
    input: toStepInput({ ...input, vote: args.vote, approvedOn: args.approvedOn, reason: args.reason }),
    voteId: ids(args.voteId),
    approvingUnitId: ids(args.approvingUnitId),
  };
}

builder.mutationFields((t) => ({
  recordDevelopmentStep: stepMutation(t, {
    description:
      'Records one development step after checking every rule of the procedure (ADMIN, or SECRETARY of the member’s unit or above). ' +
      'Steps 4, 8, 13, 16, 17, 18, 24 and 25 belong to the level above: only the deciding level (ADMIN, or SECRETARY scoped at or above the nearest committee) records them; ' +
      'a branch requests them with requestLevelStep (FORBIDDEN with the rule LEVEL_ABOVE_DECIDES)',
    args: {
      memberId: t.arg.id({ required: true }),
      step: t.arg({ type: DevelopmentStepKindEnum, required: true }),
      occurredOn: t.arg({ type: 'Date', required: true, description: 'The day the step happened (not after today)' }),
      input: t.arg({ type: DevelopmentStepInput }),
      meetingId: t.arg.id({ description: 'The meeting where it happened' }),
      voteId: t.arg.id({ description: 'The vote (steps 15, 23) held in the voting module, about this member' }),
      approvingUnitId: t.arg.id({ description: 'The higher unit that filed, reviewed or approved (for the level above’s steps: always the deciding unit)' }),
    },
    step: (args) => ({
      memberId: String(args.memberId),
      kind: args.step as StepKind,
      occurredOn: isoOf(args.occurredOn),
      input: toStepInput(args.input),
      meetingId: ids(args.meetingId),
      voteId: ids(args.voteId),
      approvingUnitId: ids(args.approvingUnitId),
    }),
  }),
  assignMentors: stepMutation(t, {
    description: 'Step 5: one or two mentors (培养联系人), full members; replaces the current mentors',
    args: assignmentArgs(t, { mentorIds: t.arg.idList({ required: true }) }),
    step: (args) => assignment(args, 'MENTORS_ASSIGNED', args.mentorIds),
  }),
  assignSponsors: stepMutation(t, {
    description: 'Step 9: two sponsors (入党介绍人), full members; replaces the current sponsors',
    args: assignmentArgs(t, { sponsorIds: t.arg.idList({ required: true }) }),
    step: (args) => assignment(args, 'SPONSORS_ASSIGNED', args.sponsorIds),
  }),
  extendProbation: stepMutation(t, {
    description: 'Extends probation once, by 6–12 months, as the branch general meeting decided at its end and the higher committee approved',
    args: branchDecisionArgs(t, { months: t.arg.int({ required: true }) }),
    step: (args) => branchDecision(args, 'PROBATION_EXTENDED', { months: args.months }),
  }),
  revokeProbationaryMembership: stepMutation(t, {
    description: 'Revokes probationary membership (terminal), as the branch general meeting decided and the higher committee approved',
    args: branchDecisionArgs(t, {}),
    step: (args) => branchDecision(args, 'MEMBERSHIP_REVOKED', {}),
  }),
}));
