// A legal walk through the whole procedure with dates that meet every rule, built from one date:
// used by the tests, and usable by a seed that wants members part-way through development with a
// history that justifies their stage.

import { nthWorkingDay, WEEKENDS_ONLY } from './calendar.js';
import { addDays, addMonths, addYears, type IsoDate } from '../dates.js';
import { applyStep } from './engine.js';
import type { StepKind } from './steps.js';
import type { EngineOptions, MemberFacts, PersonRef, StepEvent, StepInput } from './types.js';
import type { BranchVote } from './vote.js';

export interface PlannedStep {
  kind: StepKind;
  occurredOn: IsoDate;
  input: StepInput;
}

export interface PlanOptions {
  mentors?: PersonRef[];
  sponsors?: PersonRef[];
  /** Extend the probation by this many months at its end, then confirm at the new end. */
  extendMonths?: number;
  vote?: BranchVote;
}

export const PASSING_VOTE: BranchVote = { entitled: 9, present: 8, yes: 7, no: 1, abstain: 0 };

const fullMember = (id: string): PersonRef => ({ id, stage: 'FULL', status: 'ACTIVE' });

/** Every step from the application to the archived files, dated from `appliedOn`. */
export function standardPlan(appliedOn: IsoDate, opts: PlanOptions = {}, options: EngineOptions = {}): PlannedStep[] {
  const cal = options.calendar ?? WEEKENDS_ONLY;
  const vote = opts.vote ?? PASSING_VOTE;
  const mentors = opts.mentors ?? [fullMember('mentor-1')];
  const sponsors = opts.sponsors ?? [fullMember('sponsor-1'), fullMember('sponsor-2')];
  const p: PlannedStep[] = [];
  const at = (kind: StepKind, occurredOn: IsoDate, input: StepInput = {}) => p.push({ kind, occurredOn, input });

  at('APPLICATION', appliedOn);
  at('TALK', addDays(appliedOn, 14), { notes: '了解入党动机' });
  const activist = addMonths(appliedOn, 6);
  at('NOMINATION', activist, { recommendedBy: 'PARTY_MEMBERS' });
  at('ACTIVIST_FILING', addDays(activist, 7));
  at('MENTORS_ASSIGNED', addDays(activist, 7), { people: mentors });
  at('ACTIVIST_ASSESSMENT', addMonths(activist, 6), { conclusion: '表现良好' });
  const candidate = addYears(activist, 1);
  at('ACTIVIST_ASSESSMENT', addDays(candidate, -7), { conclusion: '表现良好，符合发展对象条件' });
  at('CANDIDATE_DECISION', candidate, { viewsHeard: { on: candidate, sources: ['PARTY_GROUP', 'MENTORS', 'MEMBERS', 'PUBLIC'] } });
  at('CANDIDATE_FILING', addDays(candidate, 7));
  at('SPONSORS_ASSIGNED', addDays(candidate, 7), { people: sponsors });
  at('POLITICAL_REVIEW', addDays(candidate, 14), { passed: true, conclusion: '政治审查合格' });
  at('INTENSIVE_TRAINING', addDays(candidate, 22), { training: { startedOn: addDays(candidate, 20), classHours: 24 } });
  const review = addDays(candidate, 40);
  at('COMMITTEE_REVIEW', review);
  const noticeTo = nthWorkingDay(review, 5, cal);
  const preReview = addDays(noticeTo, 1);
  at('HIGHER_PRE_REVIEW', preReview, { publicNotice: { from: review, to: noticeTo } });
  at('APPLICATION_FORM', addDays(preReview, 7));
  const meeting = addDays(preReview, 14);
  at('ADMISSION_MEETING', meeting, { vote });
  at('COMMITTEE_TALK', addDays(meeting, 14));
  const approval = addDays(meeting, 30);
  at('ADMISSION_APPROVAL', approval);
  at('DEPARTMENT_FILING', addDays(approval, 7));
  at('PLACEMENT', addDays(approval, 7), { notes: '第一党小组' });
  at('OATH', addDays(approval, 10));
  let end = addYears(meeting, 1);
  at('PROBATION_ASSESSMENT', addMonths(meeting, 6), { conclusion: '表现良好' });
  at('FULL_MEMBERSHIP_APPLICATION', addDays(end, -7));
  if (opts.extendMonths) {
    at('PROBATION_EXTENDED', end, { months: opts.extendMonths, vote, approvedOn: addDays(end, 20), reason: '需要继续考察' });
    end = addMonths(end, opts.extendMonths);
    at('PROBATION_ASSESSMENT', addDays(end, -30), { conclusion: '已改正不足' });
    at('FULL_MEMBERSHIP_APPLICATION', addDays(end, -7));
  }
  at('CONFIRMATION_MEETING', end, { vote, groupOpinion: { on: addDays(end, -3), text: '同意按期转正' } });
  const confirmed = addDays(end, 30);
  at('CONFIRMATION_APPROVAL', confirmed);
  at('FILES_ARCHIVED', addDays(confirmed, 7));
  return p;
}

export class WalkRefusedError extends Error {
  constructor(
    readonly step: PlannedStep,
    readonly code: string,
  ) {
    super(`step ${step.kind} on ${step.occurredOn} refused: ${code}`);
    this.name = 'WalkRefusedError';
  }
}

/** Applies `plan` (each step recorded on its own date) and returns the history and the member. */
export function runPlan(
  member: MemberFacts,
  plan: readonly PlannedStep[],
  options: EngineOptions = {},
): { member: MemberFacts; history: StepEvent[] } {
  let m = { ...member };
  const history: StepEvent[] = [];
  for (const step of plan) {
    // A decision that needs the higher committee's approval is recorded when the approval arrives.
    const today = step.input.approvedOn ?? step.occurredOn;
    const r = applyStep(m, history, step, step.input, today, options);
    if (!r.ok) throw new WalkRefusedError(step, r.code);
    history.push({ kind: r.step.kind, occurredOn: r.step.occurredOn, details: r.step.details });
    for (const e of r.effects) {
      if (e.type !== 'SET_MEMBER') continue;
      if (e.fields.stage) m = { ...m, stage: e.fields.stage };
      if (e.fields.status) m = { ...m, status: e.fields.status };
    }
  }
  return { member: m, history };
}

/** The plan up to and including the first occurrence of `last` (or the last occurrence, when `occurrence` is 'last'). */
export function planUntil(plan: readonly PlannedStep[], last: StepKind, occurrence: 'first' | 'last' = 'first'): PlannedStep[] {
  const i = occurrence === 'first' ? plan.findIndex((s) => s.kind === last) : plan.map((s) => s.kind).lastIndexOf(last);
  if (i < 0) throw new Error(`the plan has no ${last}`);
  return plan.slice(0, i + 1);
}
