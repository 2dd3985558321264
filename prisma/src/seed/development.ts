// A member's development history (rules/RULES.md: 5 stages, 25 steps, timers), generated so that
// the member is in the requested stage on BASE_DATE and the rules engine (@lianjian/rules/pipeline,
// RULES.md) would have accepted every step: application at 18 or older, talk within a month,
// nomination at least 6 months after application, a year as activist with an assessment per
// completed half-year, a public notice of at least 5 working days from the committee review ending
// by the pre-review, approval within 3 months of the branch meeting and after the committee talk,
// probation of one year from the meeting (or extended once by 6–12 months). Step numbers, stages
// and details are those the engine records, so seeded and API-written rows read the same.
import { STAGES, STEPS as RULE_STEPS, type Stage, type StepKind } from '@lianjian/rules/pipeline';
import { addDays, addMonths, addYears, BASE_DATE, daysBetween, maxDate, ymd } from './dates.js';
import type { Prng } from './prng.js';

export type { Stage, StepKind };

export const STAGE_ORDER: readonly Stage[] = STAGES;

/**
 * Step number → kind and the stage it serves, as the engine stores it (@lianjian/rules/pipeline):
 * 15–17 serve PROBATIONARY, 22–24 FULL, although the member changes stage only with the approvals
 * 17 and 24. Extension and revocation are the other outcomes of step 23's discussion.
 */
export const STEPS: Readonly<Record<number, { kind: StepKind; stage: Stage; title: string }>> = Object.fromEntries(
  RULE_STEPS.filter((x) => x.kind !== 'PROBATION_EXTENDED' && x.kind !== 'MEMBERSHIP_REVOKED').map((x) => [x.no, { kind: x.kind, stage: x.stage, title: x.zh }]),
);

export interface PlannedStep {
  stepNo: number;
  kind: StepKind;
  stage: Stage;
  occurredOn: Date;
  notBefore: Date | null;
  dueOn: Date | null;
  approval: 'NOT_REQUIRED' | 'PENDING' | 'APPROVED';
  /** The higher committee's approval date of an extension or revocation (the step is recorded then). */
  approvedOn: Date | null;
  /** Which unit approves: the branch's general branch, or the committee. */
  approver: 'GENERAL_BRANCH' | 'COMMITTEE' | null;
  notes: string;
  details: Record<string, unknown> | null;
}

/** The stage each step moves the member into (the engine's STAGE_CHANGE); pending steps do not count. */
const STAGE_CHANGE: Partial<Record<StepKind, Stage>> = {
  NOMINATION: 'ACTIVIST',
  CANDIDATE_DECISION: 'CANDIDATE',
  ADMISSION_APPROVAL: 'PROBATIONARY',
  CONFIRMATION_APPROVAL: 'FULL',
};

export function stageOf(steps: readonly PlannedStep[]): Stage {
  let stage: Stage = 'APPLICANT';
  for (const s of steps) if (s.approval !== 'PENDING') stage = STAGE_CHANGE[s.kind] ?? stage;
  return stage;
}

export interface Timeline {
  stage: Stage;
  status: 'ACTIVE' | 'REVOKED';
  birthDate: Date;
  appliedOn: Date;
  activistSince: Date | null;
  candidateSince: Date | null;
  probationarySince: Date | null;
  probationEndsOn: Date | null;
  probationExtended: boolean;
  fullMemberSince: Date | null;
  statusChangedOn: Date | null;
  /** Dates mentors (step 5) and sponsors (step 9) were assigned, and when their duty ended. */
  mentorsOn: Date | null;
  mentorsEnd: Date | null;
  sponsorsOn: Date | null;
  sponsorsEnd: Date | null;
  /** Placement in a group (step 19). */
  placedOn: Date | null;
  steps: PlannedStep[];
}

/** Random gaps drawn once; dates follow from an application date. */
interface Draws {
  talk: number;
  nomination: number;
  activistFiling: number;
  mentors: number;
  candidate: number;
  candidateFiling: number;
  sponsors: number;
  review: number;
  training: number;
  trainingDays: number;
  classHours: number;
  committeeReview: number;
  preReview: number;
  form: number;
  meeting: number;
  committeeTalk: number;
  approval: number;
  deptFiling: number;
  placement: number;
  oath: number;
  fullApplication: number;
  confirmation: number;
  fullApproval: number;
  archive: number;
  extensionMonths: number;
  entitled: number;
  present: number;
  yesShare: number;
}

function draw(rng: Prng): Draws {
  const entitled = rng.int(8, 60);
  return {
    talk: rng.int(3, 27),
    nomination: rng.int(183, 400),
    activistFiling: rng.int(3, 14),
    mentors: rng.int(0, 14),
    candidate: rng.int(366, 560),
    candidateFiling: rng.int(3, 14),
    sponsors: rng.int(1, 14),
    review: rng.int(15, 45),
    training: rng.int(20, 60),
    trainingDays: rng.int(3, 5),
    classHours: rng.int(24, 40),
    committeeReview: rng.int(5, 20),
    preReview: rng.int(5, 27),
    form: rng.int(0, 15),
    meeting: rng.int(3, 20),
    committeeTalk: rng.int(5, 25),
    approval: rng.int(20, 85),
    deptFiling: rng.int(3, 15),
    placement: rng.int(2, 12),
    oath: rng.int(7, 60),
    fullApplication: rng.int(5, 30),
    confirmation: rng.int(0, 25),
    fullApproval: rng.int(15, 80),
    archive: rng.int(10, 60),
    extensionMonths: rng.int(6, 12),
    entitled,
    present: Math.max(Math.floor(entitled / 2) + 1, entitled - rng.int(0, Math.max(1, Math.floor(entitled / 4)))),
    yesShare: 0.8 + rng.float() * 0.2,
  };
}

type Outcome = 'CONFIRMED' | 'EXTENDED' | 'REVOKED';

/** Working days Monday–Friday: the engine's default calendar when no holiday file is configured. */
const isWorkingDay = (d: Date) => d.getUTCDay() !== 0 && d.getUTCDay() !== 6;

/** The day a period starting on `from` (counted if it is a working day) reaches `n` working days. */
function nthWorkingDay(from: Date, n: number): Date {
  let d = from;
  let seen = isWorkingDay(d) ? 1 : 0;
  while (seen < n) {
    d = addDays(d, 1);
    if (isWorkingDay(d)) seen++;
  }
  return d;
}

function countWorkingDays(from: Date, to: Date): number {
  let n = 0;
  for (let d = from; d.getTime() <= to.getTime(); d = addDays(d, 1)) if (isWorkingDay(d)) n++;
  return n;
}

/** A branch general meeting's vote that meets the quorum and passes (yes > half of those entitled). */
function passingVote(d: Draws) {
  const yes = Math.max(Math.floor(d.entitled / 2) + 1, Math.min(d.present, Math.round(d.present * d.yesShare)));
  const rest = d.present - yes;
  const no = Math.floor(rest / 2);
  return { entitled: d.entitled, present: d.present, yes, no, abstain: rest - no };
}

/** All 25 steps (or the extension/revocation path) from an application date, ignoring BASE_DATE. */
function materialize(rng: Prng, d: Draws, applied: Date, outcome: Outcome): Omit<Timeline, 'stage' | 'status' | 'birthDate'> {
  const steps: PlannedStep[] = [];
  const add = (
    stepNo: number,
    occurredOn: Date,
    opts: Partial<Pick<PlannedStep, 'notBefore' | 'dueOn' | 'approval' | 'approver' | 'approvedOn' | 'details' | 'kind' | 'notes'>> = {},
  ) => {
    const def = STEPS[stepNo]!;
    const kind = opts.kind ?? def.kind;
    const stage = kind === 'PROBATION_EXTENDED' || kind === 'MEMBERSHIP_REVOKED' ? 'PROBATIONARY' : def.stage;
    steps.push({
      stepNo,
      kind,
      stage,
      occurredOn,
      notBefore: opts.notBefore ?? null,
      dueOn: opts.dueOn ?? null,
      approval: opts.approval ?? 'NOT_REQUIRED',
      approvedOn: opts.approvedOn ?? null,
      approver: opts.approver ?? null,
      notes: opts.notes ?? def.title,
      details: opts.details ?? null,
    });
  };

  add(1, applied);
  const talk = addDays(applied, d.talk);
  add(2, talk, { dueOn: addMonths(applied, 1), notes: '谈话：了解入党动机' });
  // 183 days can fall short of six calendar months (e.g. 07-31 → 01-31 is 184 days).
  const activist = maxDate(addDays(applied, d.nomination), addMonths(applied, 6));
  add(3, activist, {
    notBefore: addMonths(applied, 6),
    details: { recommendedBy: rng.chance(0.6) ? 'PARTY_MEMBERS' : 'MASS_ORGANISATION' },
  });
  // Filing is with the grassroots committee (decision 013): the general branch passes it on.
  add(4, addDays(activist, d.activistFiling), { approval: 'APPROVED', approver: 'COMMITTEE' });
  const mentorsOn = addDays(activist, d.mentors);
  // The mentors' ids are filled in by the branch generator, which knows who was a full member then.
  add(5, mentorsOn, { details: { personIds: [] } });
  const candidate = addDays(activist, d.candidate);
  // One assessment per completed half-year as activist, by the candidate decision (step 6 recurs).
  for (let k = 1; addMonths(activist, 6 * k).getTime() <= candidate.getTime(); k++) {
    const due = addMonths(activist, 6 * k);
    add(6, addDays(due, -rng.int(0, 10)), { dueOn: due, details: { conclusion: `第${k}次培养考察：表现良好` } });
  }
  add(7, candidate, {
    notBefore: addYears(activist, 1),
    details: { viewsHeard: { on: ymd(addDays(candidate, -rng.int(0, 20))), sources: ['PARTY_GROUP', 'MENTORS', 'MEMBERS', 'PUBLIC'] } },
  });
  add(8, addDays(candidate, d.candidateFiling), { approval: 'APPROVED', approver: 'COMMITTEE' });
  const sponsorsOn = addDays(candidate, d.sponsors);
  add(9, sponsorsOn, { details: { personIds: [] } });
  add(10, addDays(candidate, d.review), { details: { passed: true, conclusion: '政治审查合格' } });
  const training = addDays(candidate, Math.max(d.review, d.training));
  add(11, training, {
    details: { training: { startedOn: ymd(addDays(training, 1 - d.trainingDays)), classHours: d.classHours, days: d.trainingDays } },
  });
  const review = addDays(training, d.committeeReview);
  add(12, review);
  // The public notice runs from the committee review for at least 5 working days and ends by the pre-review.
  const noticeTo = nthWorkingDay(review, 5);
  const preReview = addDays(review, Math.max(d.preReview, daysBetween(review, noticeTo) + 1));
  add(13, preReview, {
    notBefore: noticeTo,
    dueOn: addMonths(review, 1),
    approval: 'APPROVED',
    approver: 'COMMITTEE',
    details: { publicNotice: { from: ymd(review), to: ymd(noticeTo), workingDays: countWorkingDays(review, noticeTo) } },
  });
  const form = addDays(preReview, 1 + d.form);
  add(14, form);
  const meeting = addDays(form, d.meeting);
  const vote = passingVote(d);
  add(15, meeting, { details: { vote } });
  const committeeTalk = addDays(meeting, d.committeeTalk);
  add(16, committeeTalk);
  // The approval follows the committee talk (its prerequisite) and comes within three months.
  const approval = addDays(meeting, Math.max(d.approval, d.committeeTalk));
  add(17, approval, { dueOn: addMonths(meeting, 3), approval: 'APPROVED', approver: 'COMMITTEE' });
  add(18, addDays(approval, d.deptFiling));
  const placedOn = addDays(approval, d.placement);
  add(19, placedOn);
  add(20, addDays(approval, d.oath), { notes: '入党宣誓仪式' });
  const probationEnd = addYears(meeting, 1);
  // Assessments every six months during probation (step 21 recurs).
  const assess = (from: Date, until: Date) => {
    for (let k = 1; addMonths(from, 6 * k).getTime() < until.getTime(); k++) {
      const due = addMonths(from, 6 * k);
      add(21, addDays(due, -rng.int(0, 10)), { dueOn: due, details: { conclusion: `预备期第${k}次考察：表现良好` } });
    }
  };
  assess(meeting, probationEnd);
  const fullApplication = addDays(probationEnd, -d.fullApplication);
  add(22, fullApplication, { notes: '本人向党组织提出书面转正申请' });
  // The branch meeting at the end of probation: it confirms, extends or revokes.
  const confirmMeeting = addDays(probationEnd, d.confirmation);

  let fullMemberSince: Date | null = null;
  let probationEndsOn = probationEnd;
  let statusChangedOn: Date | null = null;
  let sponsorsEnd: Date | null = null;
  if (outcome === 'CONFIRMED') {
    const opinionOn = addDays(confirmMeeting, -Math.min(rng.int(1, 5), daysBetween(fullApplication, confirmMeeting)));
    add(23, confirmMeeting, { details: { vote, groupOpinion: { on: ymd(opinionOn), text: '党小组同意按期转正' } } });
    const fullApproval = addDays(confirmMeeting, d.fullApproval);
    add(24, fullApproval, { dueOn: addMonths(confirmMeeting, 3), approval: 'APPROVED', approver: 'COMMITTEE' });
    add(25, addDays(fullApproval, d.archive));
    // Party age counts from the end of probation, not from the approval.
    fullMemberSince = probationEnd;
    sponsorsEnd = fullApproval;
  } else {
    // Extension and revocation carry step number 23 and no confirmation vote precedes them; the
    // step is dated on the branch meeting and holds the higher committee's approval date.
    const approvedOn = addDays(confirmMeeting, Math.min(d.fullApproval, 60));
    if (outcome === 'EXTENDED') {
      probationEndsOn = addMonths(probationEnd, d.extensionMonths);
      add(23, confirmMeeting, {
        kind: 'PROBATION_EXTENDED',
        notBefore: probationEnd,
        approval: 'APPROVED',
        approver: 'COMMITTEE',
        approvedOn,
        notes: '延长预备期',
        details: { months: d.extensionMonths, vote, approvedOn: ymd(approvedOn), reason: '需要继续考察和教育' },
      });
      assess(probationEnd, probationEndsOn);
    } else {
      add(23, confirmMeeting, {
        kind: 'MEMBERSHIP_REVOKED',
        approval: 'APPROVED',
        approver: 'COMMITTEE',
        approvedOn,
        notes: '取消预备党员资格',
        details: { vote, approvedOn: ymd(approvedOn), reason: '不具备党员条件' },
      });
      statusChangedOn = approvedOn;
      sponsorsEnd = approvedOn;
    }
  }
  steps.sort((a, b) => a.occurredOn.getTime() - b.occurredOn.getTime() || a.stepNo - b.stepNo);
  return {
    appliedOn: applied,
    activistSince: activist,
    candidateSince: candidate,
    probationarySince: meeting,
    probationEndsOn,
    probationExtended: outcome === 'EXTENDED',
    fullMemberSince,
    statusChangedOn,
    mentorsOn,
    mentorsEnd: candidate,
    sponsorsOn,
    sponsorsEnd,
    placedOn,
    steps,
  };
}

/** The step that moves a member into each stage: a candidate becomes probationary on the approval. */
const ENTRY_STEP: Record<Stage, number> = { APPLICANT: 1, ACTIVIST: 3, CANDIDATE: 7, PROBATIONARY: 17, FULL: 24 };

/** The day a step is on record: an extension or revocation once the higher committee approved it. */
const recordedOn = (s: PlannedStep): Date => s.approvedOn ?? s.occurredOn;

function entryDate(t: ReturnType<typeof materialize>, stage: Stage): Date {
  const s = t.steps.find((x) => x.stepNo === ENTRY_STEP[stage] && (stage !== 'FULL' || x.kind === 'CONFIRMATION_APPROVAL'));
  if (!s) throw new Error(`no entry step for ${stage}`);
  return s.occurredOn;
}

export interface PlanOptions {
  stage: Stage;
  /** Probation outcome for PROBATIONARY members: still in probation, extended, or revoked. */
  probation?: 'NORMAL' | 'EXTENDED' | 'REVOKED';
}

/**
 * Plans a member's history ending in `stage` on BASE_DATE. Steps later than BASE_DATE are cut,
 * and the application date is chosen so the next stage's entry has not happened yet.
 */
export function planTimeline(rng: Prng, opts: PlanOptions): Timeline {
  const d = draw(rng);
  const outcome: Outcome = opts.probation === 'EXTENDED' ? 'EXTENDED' : opts.probation === 'REVOKED' ? 'REVOKED' : 'CONFIRMED';
  const probe = materialize(rng, d, BASE_DATE, outcome);
  const stage = opts.stage;
  const lastDay = addDays(BASE_DATE, -1);
  let applied: Date;
  let birth: Date;

  if (stage === 'FULL') {
    const age = rng.weighted<[number, number]>([
      [[22, 35], 30],
      [[36, 50], 30],
      [[51, 65], 22],
      [[66, 88], 18],
    ]);
    birth = addDays(BASE_DATE, -Math.round((age[0] + rng.float() * (age[1] - age[0] + 1)) * 365.25));
    // A margin of a few days absorbs leap-day differences between the probe and the real dates.
    const span = daysBetween(BASE_DATE, entryDate(probe, 'FULL')) + 3;
    const latest = addDays(lastDay, -span);
    let earliest = addYears(birth, 18 + rng.int(0, 6));
    if (earliest.getTime() > latest.getTime()) {
      // Too young to have completed the pipeline: make the member older instead.
      birth = addDays(addYears(latest, -18), -rng.int(0, 2000));
      earliest = addYears(birth, 18);
    }
    applied = addDays(earliest, rng.int(0, daysBetween(earliest, latest)));
  } else {
    const idx = STAGE_ORDER.indexOf(stage);
    const next = STAGE_ORDER[idx + 1]!;
    let entryOffset = daysBetween(BASE_DATE, entryDate(probe, stage));
    let nextOffset = daysBetween(BASE_DATE, entryDate(probe, next === 'FULL' ? 'PROBATIONARY' : next));
    if (stage === 'PROBATIONARY') {
      // In probation means: admitted, and the probation outcome not yet decided.
      const decision = probe.steps.find((s) => ['CONFIRMATION_APPROVAL', 'PROBATION_EXTENDED', 'MEMBERSHIP_REVOKED'].includes(s.kind));
      nextOffset = daysBetween(BASE_DATE, recordedOn(decision!));
      if (outcome !== 'CONFIRMED') {
        // Extended or revoked: the decision has happened; the member is past it (extended: still in
        // the extension; revoked: any time since).
        entryOffset = nextOffset;
        nextOffset =
          outcome === 'EXTENDED' ? daysBetween(BASE_DATE, probe.probationEndsOn!) : entryOffset + rng.int(30, 900);
      }
    }
    const stay = Math.max(1, nextOffset - entryOffset - 3);
    const entry = addDays(lastDay, -rng.int(0, stay - 1));
    applied = addDays(entry, -entryOffset);
    const ageAtApplication = rng.weighted<[number, number]>([
      [[18, 22], 45],
      [[23, 30], 35],
      [[31, 45], 20],
    ]);
    birth = addDays(applied, -Math.round((ageAtApplication[0] + rng.float() * (ageAtApplication[1] - ageAtApplication[0])) * 365.25) - 1);
  }

  const full = materialize(rng, d, applied, outcome);
  const steps = full.steps.filter((s) => recordedOn(s).getTime() <= lastDay.getTime());
  const reached = (n: number) => steps.some((s) => s.stepNo === n && s.approval !== 'PENDING');
  // After the committee talk the approval may be awaited from the higher committee: pending. The
  // member stays a candidate (拟接收的预备党员) until it is approved.
  if (reached(16) && !reached(17)) {
    const talk = steps.find((s) => s.stepNo === 16)!;
    steps.push({
      ...full.steps.find((s) => s.stepNo === 17)!,
      occurredOn: addDays(talk.occurredOn, Math.min(7, daysBetween(talk.occurredOn, lastDay))),
      approval: 'PENDING',
      notes: '报上级党委审批',
    });
    steps.sort((a, b) => a.occurredOn.getTime() - b.occurredOn.getTime() || a.stepNo - b.stepNo);
  }
  // A filing not yet done (4 after the nomination, 8 after the candidate decision) waits on the
  // committee as the branch's request (branch.ts writes pending steps as requests).
  for (const [filing, after] of [
    [4, 3],
    [8, 7],
  ] as const) {
    if (!reached(after) || steps.some((s) => s.stepNo === filing)) continue;
    const prior = steps.find((s) => s.stepNo === after)!;
    steps.push({ ...full.steps.find((s) => s.stepNo === filing)!, occurredOn: addDays(prior.occurredOn, Math.min(3, daysBetween(prior.occurredOn, lastDay))), approval: 'PENDING', notes: '报上级党委备案' });
    steps.sort((a, b) => a.occurredOn.getTime() - b.occurredOn.getTime() || a.stepNo - b.stepNo);
  }
  const revoked = outcome === 'REVOKED' && steps.some((s) => s.kind === 'MEMBERSHIP_REVOKED');
  return {
    // The stage is whatever the history justifies (the requested one, barring calendar edge cases).
    stage: stageOf(steps),
    status: revoked ? 'REVOKED' : 'ACTIVE',
    birthDate: birth,
    appliedOn: full.appliedOn,
    activistSince: reached(3) ? full.activistSince : null,
    candidateSince: reached(7) ? full.candidateSince : null,
    // Probation counts from the branch meeting, but only once the higher committee approved.
    probationarySince: reached(17) ? full.probationarySince : null,
    probationEndsOn: reached(17) ? (steps.some((s) => s.kind === 'PROBATION_EXTENDED') ? full.probationEndsOn : addYears(full.probationarySince!, 1)) : null,
    probationExtended: full.probationExtended && steps.some((s) => s.kind === 'PROBATION_EXTENDED'),
    fullMemberSince: steps.some((s) => s.kind === 'CONFIRMATION_APPROVAL') ? full.fullMemberSince : null,
    statusChangedOn: revoked ? full.statusChangedOn : null,
    mentorsOn: reached(5) ? full.mentorsOn : null,
    mentorsEnd: reached(7) ? full.mentorsEnd : null,
    sponsorsOn: reached(9) ? full.sponsorsOn : null,
    sponsorsEnd: full.sponsorsEnd && full.sponsorsEnd.getTime() <= lastDay.getTime() ? full.sponsorsEnd : null,
    placedOn: reached(19) ? full.placedOn : null,
    steps,
  };
}
