// The rules engine: pure functions of (member, history, step, input, today). No database, no clock.
// Checks run in a fixed order — structure, then timing against the history, then the step's input —
// so a refusal always names the first rule broken, and nextLegalActions agrees with applyStep.

import { countWorkingDays, nthWorkingDay, WEEKENDS_ONLY, type WorkingDayCalendar } from './calendar.js';
import { addMonths, addYears, daysBetween, isIsoDate, maxDate, type IsoDate } from '../dates.js';
import { rule, type Rule, type RuleCode } from './rules.js';
import { foldHistory, has, lastOf, latestOn, occurrences, scopeIndex, type PipelineState } from './state.js';
import { STAGE_CHANGE, STEP, STEP_KINDS, isStepKind, type StepKind } from './steps.js';
import type {
  ApplyResult,
  Effect,
  EngineOptions,
  LegalAction,
  MemberFacts,
  MemberFieldUpdate,
  PersonRef,
  Refusal,
  StepDetails,
  StepEvent,
  StepInput,
  StepRecord,
  StepWindow,
} from './types.js';
import { RECOMMENDERS, VIEW_SOURCES } from './types.js';
import { evaluateBranchVote, type BranchVote } from './vote.js';

export const ADULT_AGE = 18;
export const TALK_WITHIN_MONTHS = 1;
export const NOMINATION_USUALLY_AFTER_MONTHS = 6;
export const ASSESSMENT_EVERY_MONTHS = 6;
export const ACTIVIST_YEARS_BEFORE_CANDIDACY = 1;
export const TRAINING_MIN_DAYS = 3;
export const TRAINING_MIN_CLASS_HOURS = 24;
export const NOTICE_MIN_WORKING_DAYS = 5;
export const PRE_REVIEW_WITHIN_MONTHS = 1;
export const APPROVAL_WITHIN_MONTHS = 3;
export const APPROVAL_AT_MOST_MONTHS = 6;
export const PROBATION_YEARS = 1;
export const EXTENSION_MIN_MONTHS = 6;
export const EXTENSION_MAX_MONTHS = 12;
export const MENTORS_MIN = 1;
export const MENTORS_MAX = 2;
export const SPONSORS = 2;

export function refuse(code: RuleCode, facts?: Refusal['facts']): Refusal {
  const { zh, en } = rule(code);
  return facts ? { ok: false, code, rule: { zh, en }, facts } : { ok: false, code, rule: { zh, en } };
}

// ── structure: status, stage, order ─────────────────────────────────────────────────────────────

function structuralCheck(member: MemberFacts, st: PipelineState, kind: StepKind): Refusal | null {
  if (st.revoked) return refuse('MEMBERSHIP_REVOKED');
  if (member.status !== 'ACTIVE') return refuse('MEMBER_NOT_ACTIVE', { status: member.status });
  if (member.stage !== st.stage) {
    return refuse('HISTORY_DOES_NOT_JUSTIFY_STAGE', { recordedStage: member.stage, justifiedStage: st.stage });
  }
  if (st.events.length === 0 && kind !== 'APPLICATION') return refuse('PIPELINE_NOT_STARTED');
  const spec = STEP[kind];
  if (kind === 'PROBATION_EXTENDED' && st.extended) return refuse('EXTENSION_ALREADY_USED');
  if (kind === 'POLITICAL_REVIEW' && lastOf(st, 'POLITICAL_REVIEW')?.details.passed === true) {
    return refuse('POLITICAL_REVIEW_ALREADY_PASSED');
  }
  if (!spec.repeatable && has(st, kind, scopeIndex(st, kind))) return refuse('STEP_ALREADY_RECORDED', { step: kind });
  if (!spec.during.includes(st.stage)) return refuse('WRONG_STAGE', { stage: st.stage, allowed: [...spec.during] });
  if (kind === 'PROBATION_EXTENDED' && has(st, 'CONFIRMATION_MEETING')) return refuse('CONFIRMATION_ALREADY_VOTED');
  const absent = spec.requires.filter((r) => !has(st, r, scopeIndex(st, r)));
  if (absent.length > 0) return refuse('PREREQUISITE_MISSING', { missing: absent });
  if (kind === 'COMMITTEE_REVIEW' && lastOf(st, 'POLITICAL_REVIEW')?.details.passed !== true) {
    return refuse('POLITICAL_REVIEW_NOT_PASSED');
  }
  return null;
}

// ── timers ──────────────────────────────────────────────────────────────────────────────────────

/** The timer bounds of `kind` given the history (only meaningful once its structure allows it). */
export function stepWindow(st: PipelineState, kind: StepKind, cal: WorkingDayCalendar = WEEKENDS_ONLY): StepWindow {
  switch (kind) {
    case 'TALK':
      return st.appliedOn ? { dueOn: addMonths(st.appliedOn, TALK_WITHIN_MONTHS) } : {};
    case 'NOMINATION':
      return st.appliedOn ? { recommendedFrom: addMonths(st.appliedOn, NOMINATION_USUALLY_AFTER_MONTHS) } : {};
    case 'ACTIVIST_ASSESSMENT': {
      const from = maxDate(st.activistSince, latestOn(st, 'ACTIVIST_ASSESSMENT'));
      return from ? { dueOn: addMonths(from, ASSESSMENT_EVERY_MONTHS) } : {};
    }
    case 'CANDIDATE_DECISION':
      return st.activistSince ? { notBefore: addYears(st.activistSince, ACTIVIST_YEARS_BEFORE_CANDIDACY) } : {};
    case 'HIGHER_PRE_REVIEW': {
      const reviewOn = latestOn(st, 'COMMITTEE_REVIEW');
      if (!reviewOn) return {};
      // The notice starts no earlier than the committee review and must end by the pre-review.
      return { notBefore: nthWorkingDay(reviewOn, NOTICE_MIN_WORKING_DAYS, cal), dueOn: addMonths(reviewOn, PRE_REVIEW_WITHIN_MONTHS) };
    }
    case 'ADMISSION_APPROVAL':
      return st.admissionMeetingOn
        ? { dueOn: addMonths(st.admissionMeetingOn, APPROVAL_WITHIN_MONTHS), deadline: addMonths(st.admissionMeetingOn, APPROVAL_AT_MOST_MONTHS) }
        : {};
    case 'PROBATION_ASSESSMENT': {
      const from = maxDate(st.probationarySince, latestOn(st, 'PROBATION_ASSESSMENT'));
      return from ? { dueOn: addMonths(from, ASSESSMENT_EVERY_MONTHS) } : {};
    }
    case 'CONFIRMATION_MEETING':
    case 'PROBATION_EXTENDED':
      return st.probationEndsOn ? { notBefore: st.probationEndsOn } : {};
    case 'CONFIRMATION_APPROVAL': {
      const meetingOn = latestOn(st, 'CONFIRMATION_MEETING', st.extensionIndex);
      return meetingOn ? { dueOn: addMonths(meetingOn, APPROVAL_WITHIN_MONTHS) } : {};
    }
    default:
      return {};
  }
}

/** How many six-month periods since becoming an activist have been completed by `date`. */
export function assessmentsRequired(activistSince: IsoDate, date: IsoDate): number {
  let k = 0;
  while (addMonths(activistSince, ASSESSMENT_EVERY_MONTHS * (k + 1)) <= date) k++;
  return k;
}

function timingCheck(member: MemberFacts, st: PipelineState, kind: StepKind, date: IsoDate, cal: WorkingDayCalendar): Refusal | null {
  const spec = STEP[kind];
  const after = maxDate(...spec.requires.map((r) => latestOn(st, r, scopeIndex(st, r))));
  if (after && date < after) return refuse('DATE_BEFORE_PREREQUISITE', { earliestOn: after });
  const w = stepWindow(st, kind, cal);
  switch (kind) {
    case 'APPLICATION': {
      const adultOn = addYears(member.birthDate, ADULT_AGE);
      if (date < adultOn) return refuse('AGE_UNDER_18', { earliestOn: adultOn });
      break;
    }
    case 'CANDIDATE_DECISION': {
      if (w.notBefore && date < w.notBefore) return refuse('TOO_EARLY_FOR_CANDIDACY', { earliestOn: w.notBefore });
      const need = assessmentsRequired(st.activistSince!, date);
      const done = occurrences(st, 'ACTIVIST_ASSESSMENT').length;
      if (done < need) return refuse('ASSESSMENTS_INCOMPLETE', { required: need, recorded: done });
      break;
    }
    case 'HIGHER_PRE_REVIEW':
      if (w.notBefore && date < w.notBefore) return refuse('NOTICE_TOO_SHORT', { earliestOn: w.notBefore });
      break;
    case 'ADMISSION_APPROVAL':
      if (w.deadline && date > w.deadline) return refuse('APPROVAL_WINDOW_EXPIRED', { deadline: w.deadline });
      break;
    case 'CONFIRMATION_MEETING':
      if (w.notBefore && date < w.notBefore) return refuse('TOO_EARLY_FOR_CONFIRMATION', { earliestOn: w.notBefore });
      break;
    case 'PROBATION_EXTENDED':
      if (w.notBefore && date < w.notBefore) return refuse('TOO_EARLY_FOR_EXTENSION', { earliestOn: w.notBefore });
      break;
    default:
      break;
  }
  return null;
}

// ── input ───────────────────────────────────────────────────────────────────────────────────────

type Checked = { details: StepDetails; warnings: Rule[] } | Refusal;

const text = (s: unknown): s is string => typeof s === 'string' && s.trim().length > 0;
const missing = (field: string) => refuse('INPUT_MISSING', { field });
const invalid = (field: string, why: string) => refuse('INPUT_INVALID', { field, why });

function checkPeople(
  member: MemberFacts,
  people: PersonRef[] | undefined,
  min: number,
  max: number,
  countCode: RuleCode,
  qualityCode: RuleCode,
): Refusal | null {
  if (!people || people.length === 0) return refuse(countCode, { given: 0 });
  if (people.length < min || people.length > max) return refuse(countCode, { given: people.length });
  if (new Set(people.map((p) => p.id)).size !== people.length) return invalid('people', 'the same person is listed twice');
  const bad = people.filter((p) => p.id === member.id || p.stage !== 'FULL' || p.status !== 'ACTIVE');
  if (bad.length > 0) return refuse(qualityCode, { people: bad.map((p) => p.id) });
  return null;
}

function checkVote(v: BranchVote | undefined): Refusal | { vote: BranchVote } {
  if (!v) return missing('vote');
  const out = evaluateBranchVote(v);
  if (!out.ok) return refuse(out.code, { entitled: v.entitled, present: v.present, yes: v.yes });
  const vote: BranchVote = { entitled: v.entitled, present: v.present, yes: v.yes, no: v.no, abstain: v.abstain };
  if (v.written) vote.written = v.written;
  return { vote };
}

function checkApproval(input: StepInput, date: IsoDate, today: IsoDate): Refusal | null {
  if (!input.approvedOn) return missing('approvedOn');
  if (!isIsoDate(input.approvedOn)) return invalid('approvedOn', 'not a date');
  if (input.approvedOn < date) return refuse('APPROVAL_BEFORE_MEETING', { meetingOn: date });
  if (input.approvedOn > today) return refuse('DATE_IN_FUTURE', { field: 'approvedOn' });
  if (!text(input.reason)) return missing('reason');
  return null;
}

const isRefusal = (x: unknown): x is Refusal => typeof x === 'object' && x !== null && (x as Refusal).ok === false;

/** The warning rule for a step recorded after its soft deadline. */
const LATE_RULE: Partial<Record<StepKind, RuleCode>> = {
  TALK: 'TALK_LATE',
  ACTIVIST_ASSESSMENT: 'ASSESSMENT_OVERDUE',
  HIGHER_PRE_REVIEW: 'PRE_REVIEW_LATE',
  ADMISSION_APPROVAL: 'APPROVAL_LATE',
  PROBATION_ASSESSMENT: 'PROBATION_ASSESSMENT_OVERDUE',
  CONFIRMATION_APPROVAL: 'CONFIRMATION_APPROVAL_LATE',
};

function inputCheck(
  member: MemberFacts,
  st: PipelineState,
  kind: StepKind,
  date: IsoDate,
  input: StepInput,
  today: IsoDate,
  cal: WorkingDayCalendar,
): Checked {
  const d: StepDetails = {};
  const warnings: Rule[] = [];
  const w = stepWindow(st, kind, cal);
  if (input.notes !== undefined) {
    if (typeof input.notes !== 'string') return invalid('notes', 'not text');
    if (input.notes.trim()) d.notes = input.notes.trim();
  }
  switch (kind) {
    case 'NOMINATION':
      if (!input.recommendedBy || !RECOMMENDERS.includes(input.recommendedBy)) return refuse('RECOMMENDATION_MISSING');
      d.recommendedBy = input.recommendedBy;
      if (w.recommendedFrom && date < w.recommendedFrom) warnings.push(rule('NOMINATION_BEFORE_SIX_MONTHS'));
      break;
    case 'MENTORS_ASSIGNED':
    case 'SPONSORS_ASSIGNED': {
      const mentors = kind === 'MENTORS_ASSIGNED';
      const bad = mentors
        ? checkPeople(member, input.people, MENTORS_MIN, MENTORS_MAX, 'MENTOR_COUNT', 'MENTOR_NOT_FULL_MEMBER')
        : checkPeople(member, input.people, SPONSORS, SPONSORS, 'SPONSOR_COUNT', 'SPONSOR_NOT_FULL_MEMBER');
      if (bad) return bad;
      d.personIds = input.people!.map((p) => p.id);
      break;
    }
    case 'ACTIVIST_ASSESSMENT':
    case 'PROBATION_ASSESSMENT':
      if (!text(input.conclusion)) return missing('conclusion');
      d.conclusion = input.conclusion.trim();
      break;
    case 'CANDIDATE_DECISION': {
      const v = input.viewsHeard;
      if (!v || !Array.isArray(v.sources)) return refuse('VIEWS_NOT_HEARD', { missing: [...VIEW_SOURCES] });
      const absent = VIEW_SOURCES.filter((s) => !v.sources.includes(s));
      if (absent.length > 0) return refuse('VIEWS_NOT_HEARD', { missing: absent });
      if (!isIsoDate(v.on)) return invalid('viewsHeard.on', 'not a date');
      if (v.on > date || v.on < st.activistSince!) return invalid('viewsHeard.on', 'views are heard while an activist, by the decision');
      d.viewsHeard = { on: v.on, sources: VIEW_SOURCES.filter((s) => v.sources.includes(s)) };
      break;
    }
    case 'POLITICAL_REVIEW':
      if (typeof input.passed !== 'boolean') return missing('passed');
      if (!text(input.conclusion)) return missing('conclusion');
      d.passed = input.passed;
      d.conclusion = input.conclusion.trim();
      break;
    case 'INTENSIVE_TRAINING': {
      const t = input.training;
      if (!t) return missing('training');
      if (!isIsoDate(t.startedOn)) return invalid('training.startedOn', 'not a date');
      if (!Number.isFinite(t.classHours) || t.classHours < 0) return invalid('training.classHours', 'not a number of hours');
      if (t.startedOn > date) return invalid('training.startedOn', 'the training starts by the day it ends (the step date)');
      if (t.startedOn < st.candidateSince!) return refuse('DATE_BEFORE_PREREQUISITE', { field: 'training.startedOn', earliestOn: st.candidateSince! });
      const days = daysBetween(t.startedOn, date) + 1;
      if (days < TRAINING_MIN_DAYS && t.classHours < TRAINING_MIN_CLASS_HOURS) {
        return refuse('TRAINING_TOO_SHORT', { days, classHours: t.classHours });
      }
      d.training = { startedOn: t.startedOn, classHours: t.classHours, days };
      break;
    }
    case 'HIGHER_PRE_REVIEW': {
      const n = input.publicNotice;
      if (!n) return missing('publicNotice');
      if (!isIsoDate(n.from) || !isIsoDate(n.to)) return invalid('publicNotice', 'not dates');
      const reviewOn = latestOn(st, 'COMMITTEE_REVIEW')!;
      if (n.from < reviewOn || n.to > date || n.to < n.from) {
        return refuse('NOTICE_OUT_OF_ORDER', { reviewOn, preReviewOn: date });
      }
      const workingDays = countWorkingDays(n.from, n.to, cal);
      if (workingDays < NOTICE_MIN_WORKING_DAYS) return refuse('NOTICE_TOO_SHORT', { workingDays });
      d.publicNotice = { from: n.from, to: n.to, workingDays };
      break;
    }
    case 'ADMISSION_MEETING': {
      const v = checkVote(input.vote);
      if (isRefusal(v)) return v;
      d.vote = v.vote;
      break;
    }
    case 'ADMISSION_APPROVAL':
      if (w.dueOn && date > w.dueOn) {
        if (!text(input.lateReason)) return refuse('APPROVAL_NEEDS_SPECIAL_REASON', { dueOn: w.dueOn });
        d.lateReason = input.lateReason.trim();
      }
      break;
    case 'CONFIRMATION_MEETING': {
      const g = input.groupOpinion;
      if (!g || !text(g.text)) return refuse('GROUP_OPINION_MISSING');
      if (!isIsoDate(g.on)) return invalid('groupOpinion.on', 'not a date');
      const appliedOn = latestOn(st, 'FULL_MEMBERSHIP_APPLICATION', st.extensionIndex)!;
      if (g.on < appliedOn || g.on > date) return invalid('groupOpinion.on', 'the opinion follows the application and precedes the meeting');
      const v = checkVote(input.vote);
      if (isRefusal(v)) return v;
      d.groupOpinion = { on: g.on, text: g.text.trim() };
      d.vote = v.vote;
      break;
    }
    case 'PROBATION_EXTENDED': {
      const m = input.months;
      if (m === undefined) return missing('months');
      if (!Number.isInteger(m) || m < EXTENSION_MIN_MONTHS || m > EXTENSION_MAX_MONTHS) {
        return refuse('EXTENSION_LENGTH_OUT_OF_RANGE', { months: String(m) });
      }
      const v = checkVote(input.vote);
      if (isRefusal(v)) return v;
      const a = checkApproval(input, date, today);
      if (a) return a;
      Object.assign(d, { months: m, vote: v.vote, approvedOn: input.approvedOn!, reason: input.reason!.trim() });
      break;
    }
    case 'MEMBERSHIP_REVOKED': {
      const v = checkVote(input.vote);
      if (isRefusal(v)) return v;
      const a = checkApproval(input, date, today);
      if (a) return a;
      Object.assign(d, { vote: v.vote, approvedOn: input.approvedOn!, reason: input.reason!.trim() });
      break;
    }
    default:
      break;
  }
  const late = LATE_RULE[kind];
  if (late && w.dueOn && date > w.dueOn) warnings.push(rule(late));
  if (warnings.length > 0) d.warnings = warnings.map(({ code, zh, en }) => ({ code, zh, en }));
  return { details: d, warnings };
}

// ── effects ─────────────────────────────────────────────────────────────────────────────────────

function effectsOf(st: PipelineState, kind: StepKind, date: IsoDate, details: StepDetails): MemberFieldUpdate {
  const next = foldHistory([...st.events, { kind, occurredOn: date, details }]);
  const f: MemberFieldUpdate = {};
  switch (kind) {
    case 'APPLICATION':
      f.appliedOn = date;
      break;
    case 'NOMINATION':
      f.activistSince = date;
      break;
    case 'CANDIDATE_DECISION':
      f.candidateSince = date;
      break;
    case 'ADMISSION_APPROVAL':
      f.probationarySince = next.probationarySince!;
      f.probationEndsOn = next.probationEndsOn!;
      break;
    case 'PROBATION_EXTENDED':
      f.probationEndsOn = next.probationEndsOn!;
      f.probationExtended = true;
      break;
    case 'CONFIRMATION_APPROVAL':
      f.fullMemberSince = next.fullMemberSince!;
      break;
    case 'MEMBERSHIP_REVOKED':
      f.status = 'REVOKED';
      f.statusChangedOn = next.revokedOn!;
      break;
    default:
      break;
  }
  const to = STAGE_CHANGE[kind];
  if (to) f.stage = to;
  return f;
}

// ── public API ──────────────────────────────────────────────────────────────────────────────────

export interface StepToApply {
  kind: StepKind | string;
  occurredOn: IsoDate;
}

/**
 * Checks one step against the member's history and, when legal, returns the record to store, the
 * stage it moves to and the effects to apply. Refusals carry a machine code and the rule's text.
 */
export function applyStep(
  member: MemberFacts,
  history: readonly StepEvent[],
  step: StepToApply,
  input: StepInput,
  today: IsoDate,
  options: EngineOptions = {},
): ApplyResult {
  const cal = options.calendar ?? WEEKENDS_ONLY;
  if (!isStepKind(step.kind)) return invalid('step', `unknown step ${String(step.kind)}`);
  const kind = step.kind;
  const st = foldHistory(history);
  const s = structuralCheck(member, st, kind);
  if (s) return s;
  if (!isIsoDate(step.occurredOn)) return invalid('occurredOn', 'not a date');
  const date = step.occurredOn;
  if (date > today) return refuse('DATE_IN_FUTURE', { today });
  const t = timingCheck(member, st, kind, date, cal);
  if (t) return t;
  const c = inputCheck(member, st, kind, date, input ?? {}, today, cal);
  if (isRefusal(c)) return c;

  const spec = STEP[kind];
  const w = stepWindow(st, kind, cal);
  const record: StepRecord = { kind, no: spec.no, stage: spec.stage, occurredOn: date, details: c.details };
  const notBefore = w.notBefore ?? w.recommendedFrom;
  if (notBefore) record.notBefore = notBefore;
  if (w.dueOn) record.dueOn = w.dueOn;

  const fields = effectsOf(st, kind, date, c.details);
  const effects: Effect[] = [];
  if (Object.keys(fields).length > 0) effects.push({ type: 'SET_MEMBER', fields });
  if (kind === 'MENTORS_ASSIGNED' || kind === 'SPONSORS_ASSIGNED') {
    effects.push({ type: 'ASSIGN', role: kind === 'MENTORS_ASSIGNED' ? 'MENTOR' : 'SPONSOR', memberIds: c.details.personIds!, on: date });
  }
  for (const wr of c.warnings) effects.push({ type: 'WARNING', rule: wr });
  const to = STAGE_CHANGE[kind];
  return to ? { ok: true, step: record, newStage: to, effects } : { ok: true, step: record, effects };
}

/**
 * The steps whose order allows them now, each with its timer bounds and whether it could be
 * recorded dated today (with valid input); when not, `blockedBy` names the rule.
 */
export function nextLegalActions(
  member: MemberFacts,
  history: readonly StepEvent[],
  today: IsoDate,
  options: EngineOptions = {},
): LegalAction[] {
  const cal = options.calendar ?? WEEKENDS_ONLY;
  const st = foldHistory(history);
  const out: LegalAction[] = [];
  for (const kind of STEP_KINDS) {
    if (structuralCheck(member, st, kind)) continue;
    const spec = STEP[kind];
    const blocked = timingCheck(member, st, kind, today, cal);
    const a: LegalAction = { kind, no: spec.no, stage: spec.stage, zh: spec.zh, en: spec.en, ...stepWindow(st, kind, cal), legalToday: !blocked };
    if (blocked) a.blockedBy = blocked.facts ? { code: blocked.code, rule: blocked.rule, facts: blocked.facts } : { code: blocked.code, rule: blocked.rule };
    out.push(a);
  }
  return out;
}
