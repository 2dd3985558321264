// Every timer at its boundary: the day before and the day itself (or the last day and the day after).
// The standard plan from 2024-03-04 (a Monday) fixes the dates: activist 2024-09-04, candidate
// 2025-09-04 (assessments 2025-03-04 and 2025-08-28), committee review 2025-10-14 (Tue), admission meeting 2025-11-04, probation to 2026-11-04.
import { describe, expect, it } from 'vitest';
import { makeCalendar } from './calendar.js';
import { applyStep } from './engine.js';
import type { StepKind } from './steps.js';
import type { ApplyResult, EngineOptions, MemberFacts, StepInput } from './types.js';
import { runPlan, standardPlan, type PlanOptions, type PlannedStep } from './walk.js';

const applicant: MemberFacts = { id: 'm-1', birthDate: '1998-05-10', stage: 'APPLICANT', status: 'ACTIVE' };

/** The state just before the n-th occurrence of `kind` in the standard plan, and that planned step. */
function before(kind: StepKind, opts: PlanOptions & { nth?: number } = {}, options: EngineOptions = {}) {
  const plan = standardPlan('2024-03-04', opts, options);
  let seen = 0;
  const i = plan.findIndex((s) => s.kind === kind && ++seen === (opts.nth ?? 1));
  if (i < 0) throw new Error(`no ${kind} in the plan`);
  const { member, history } = runPlan(applicant, plan.slice(0, i), options);
  const planned = plan[i] as PlannedStep;
  const attempt = (occurredOn: string, input: StepInput = planned.input, today = '2030-01-01'): ApplyResult =>
    applyStep(member, history, { kind, occurredOn }, input, today, options);
  return { member, history, planned, attempt };
}

const codeOf = (r: ApplyResult) => (r.ok ? 'OK' : r.code);
const warningsOf = (r: ApplyResult) => (r.ok ? r.effects.flatMap((e) => (e.type === 'WARNING' ? [e.rule.code] : [])) : ['REFUSED']);

describe('stage 1 — applicant', () => {
  it('accepts an application only from the 18th birthday', () => {
    const young: MemberFacts = { ...applicant, birthDate: '2006-03-15' };
    const at = (d: string) => applyStep(young, [], { kind: 'APPLICATION', occurredOn: d }, {}, '2030-01-01');
    const early = at('2024-03-14');
    expect(early).toMatchObject({ ok: false, code: 'AGE_UNDER_18', facts: { earliestOn: '2024-03-15' } });
    expect(early.ok === false && early.rule.zh).toContain('十八岁');
    expect(codeOf(at('2024-03-15'))).toBe('OK');
  });

  it('takes a 29 February birthday to fall on 28 February in common years', () => {
    const leap: MemberFacts = { ...applicant, birthDate: '2004-02-29' };
    const at = (d: string) => codeOf(applyStep(leap, [], { kind: 'APPLICATION', occurredOn: d }, {}, '2030-01-01'));
    expect(at('2022-02-27')).toBe('AGE_UNDER_18');
    expect(at('2022-02-28')).toBe('OK');
  });

  it('expects the talk within one month of receiving the application; a late talk is recorded with a warning', () => {
    const { attempt } = before('TALK');
    expect(warningsOf(attempt('2024-04-04'))).toEqual([]);
    expect(warningsOf(attempt('2024-04-05'))).toEqual(['TALK_LATE']);
    const r = attempt('2024-04-05');
    expect(r.ok && r.step.dueOn).toBe('2024-04-04');
    expect(r.ok && r.step.details.warnings?.[0]?.code).toBe('TALK_LATE');
  });
});

describe('stage 2 — activist', () => {
  it('warns (does not refuse) a nomination less than six months after the application', () => {
    const { attempt } = before('NOMINATION');
    expect(warningsOf(attempt('2024-09-03'))).toEqual(['NOMINATION_BEFORE_SIX_MONTHS']);
    expect(warningsOf(attempt('2024-09-04'))).toEqual([]);
  });

  it('needs a recommendation (党员推荐 or 群团组织推优) for the branch committee decision', () => {
    const { attempt } = before('NOMINATION');
    expect(codeOf(attempt('2024-09-04', {}))).toBe('RECOMMENDATION_MISSING');
    expect(codeOf(attempt('2024-09-04', { recommendedBy: 'MASS_ORGANISATION' }))).toBe('OK');
  });

  it('moves the member to ACTIVIST from the decision date', () => {
    const r = before('NOMINATION').attempt('2024-09-04');
    expect(r).toMatchObject({ ok: true, newStage: 'ACTIVIST', effects: [{ type: 'SET_MEMBER', fields: { stage: 'ACTIVIST', activistSince: '2024-09-04' } }] });
  });

  it('takes one or two mentors who are active full members other than the person', () => {
    const { attempt } = before('MENTORS_ASSIGNED');
    const full = (id: string) => ({ id, stage: 'FULL' as const, status: 'ACTIVE' as const });
    const d = '2024-09-11';
    expect(codeOf(attempt(d, {}))).toBe('MENTOR_COUNT');
    expect(codeOf(attempt(d, { people: [] }))).toBe('MENTOR_COUNT');
    expect(codeOf(attempt(d, { people: [full('a')] }))).toBe('OK');
    expect(codeOf(attempt(d, { people: [full('a'), full('b')] }))).toBe('OK');
    expect(codeOf(attempt(d, { people: [full('a'), full('b'), full('c')] }))).toBe('MENTOR_COUNT');
    expect(codeOf(attempt(d, { people: [full('a'), full('a')] }))).toBe('INPUT_INVALID');
    expect(codeOf(attempt(d, { people: [{ id: 'p', stage: 'PROBATIONARY', status: 'ACTIVE' }] }))).toBe('MENTOR_NOT_FULL_MEMBER');
    expect(codeOf(attempt(d, { people: [{ id: 't', stage: 'FULL', status: 'TRANSFERRED_OUT' }] }))).toBe('MENTOR_NOT_FULL_MEMBER');
    expect(codeOf(attempt(d, { people: [full('m-1')] }))).toBe('MENTOR_NOT_FULL_MEMBER');
    const ok = attempt(d, { people: [full('a'), full('b')] });
    expect(ok.ok && ok.effects).toContainEqual({ type: 'ASSIGN', role: 'MENTOR', memberIds: ['a', 'b'], on: d });
  });

  it('expects an assessment every six months; a late one is recorded with a warning', () => {
    const first = before('ACTIVIST_ASSESSMENT'); // activist since 2024-09-04
    expect(warningsOf(first.attempt('2025-03-04'))).toEqual([]);
    expect(warningsOf(first.attempt('2025-03-05'))).toEqual(['ASSESSMENT_OVERDUE']);
    const second = before('ACTIVIST_ASSESSMENT', { nth: 2 }); // the first was on 2025-03-04
    expect(warningsOf(second.attempt('2025-09-04'))).toEqual([]);
    expect(warningsOf(second.attempt('2025-09-05'))).toEqual(['ASSESSMENT_OVERDUE']);
    expect(codeOf(first.attempt('2025-03-04', {}))).toBe('INPUT_MISSING');
  });
});

describe('stage 3 — candidate', () => {
  it('refuses the candidate decision before a full year as an activist (TOO_EARLY_FOR_CANDIDACY)', () => {
    const { attempt } = before('CANDIDATE_DECISION');
    const early = attempt('2025-09-03');
    expect(early).toMatchObject({ ok: false, code: 'TOO_EARLY_FOR_CANDIDACY', facts: { earliestOn: '2025-09-04' } });
    expect(early.ok === false && early.rule.en).toMatch(/at least one year/);
    expect(attempt('2025-09-04')).toMatchObject({ ok: true, newStage: 'CANDIDATE' });
  });

  it('needs an assessment for every completed half-year as an activist', () => {
    const { member, history, planned } = before('CANDIDATE_DECISION');
    const oneAssessment = history.filter((e, i) => !(e.kind === 'ACTIVIST_ASSESSMENT' && i === history.length - 1));
    const r = applyStep(member, oneAssessment, { kind: 'CANDIDATE_DECISION', occurredOn: '2025-09-04' }, planned.input, '2030-01-01');
    expect(r).toMatchObject({ ok: false, code: 'ASSESSMENTS_INCOMPLETE', facts: { required: 2, recorded: 1 } });
    // Two assessments suffice up to the day before the third half-year ends (2026-03-04), not on it.
    const { attempt } = before('CANDIDATE_DECISION');
    const views = (on: string): StepInput => ({ viewsHeard: { on, sources: ['PARTY_GROUP', 'MENTORS', 'MEMBERS', 'PUBLIC'] } });
    expect(codeOf(attempt('2026-03-03', views('2026-03-03')))).toBe('OK');
    expect(codeOf(attempt('2026-03-04', views('2026-03-04')))).toBe('ASSESSMENTS_INCOMPLETE');
  });

  it('needs the views of the party group, the mentors, members and the public', () => {
    const { attempt } = before('CANDIDATE_DECISION');
    expect(codeOf(attempt('2025-09-04', {}))).toBe('VIEWS_NOT_HEARD');
    const r = attempt('2025-09-04', { viewsHeard: { on: '2025-09-01', sources: ['PARTY_GROUP', 'MENTORS', 'MEMBERS'] } });
    expect(r).toMatchObject({ ok: false, code: 'VIEWS_NOT_HEARD', facts: { missing: ['PUBLIC'] } });
    expect(codeOf(attempt('2025-09-04', { viewsHeard: { on: '2025-09-05', sources: ['PARTY_GROUP', 'MENTORS', 'MEMBERS', 'PUBLIC'] } }))).toBe('INPUT_INVALID');
  });

  it('takes exactly two sponsors who are active full members', () => {
    const { attempt } = before('SPONSORS_ASSIGNED');
    const full = (id: string) => ({ id, stage: 'FULL' as const, status: 'ACTIVE' as const });
    const d = '2025-09-11';
    expect(codeOf(attempt(d, { people: [full('a')] }))).toBe('SPONSOR_COUNT');
    expect(codeOf(attempt(d, { people: [full('a'), full('b'), full('c')] }))).toBe('SPONSOR_COUNT');
    expect(codeOf(attempt(d, { people: [full('a'), { id: 'b', stage: 'CANDIDATE', status: 'ACTIVE' }] }))).toBe('SPONSOR_NOT_FULL_MEMBER');
    const ok = attempt(d, { people: [full('a'), full('b')] });
    expect(ok.ok && ok.effects).toContainEqual({ type: 'ASSIGN', role: 'SPONSOR', memberIds: ['a', 'b'], on: d });
  });

  it('needs a passed political review before the committee review; a failed review may be repeated', () => {
    const { member, history } = before('POLITICAL_REVIEW');
    const failed = applyStep(member, history, { kind: 'POLITICAL_REVIEW', occurredOn: '2025-09-18' }, { passed: false, conclusion: '材料不全' }, '2030-01-01');
    expect(failed.ok).toBe(true);
    const h1 = [...history, { kind: 'POLITICAL_REVIEW' as const, occurredOn: '2025-09-18', details: { passed: false, conclusion: '材料不全' } }];
    const h2 = [...h1, { kind: 'INTENSIVE_TRAINING' as const, occurredOn: '2025-09-26', details: {} }];
    expect(codeOf(applyStep(member, h2, { kind: 'COMMITTEE_REVIEW', occurredOn: '2025-10-14' }, {}, '2030-01-01'))).toBe('POLITICAL_REVIEW_NOT_PASSED');
    const again = applyStep(member, h2, { kind: 'POLITICAL_REVIEW', occurredOn: '2025-10-01' }, { passed: true, conclusion: '合格' }, '2030-01-01');
    expect(again.ok).toBe(true);
    const h3 = [...h2, { kind: 'POLITICAL_REVIEW' as const, occurredOn: '2025-10-01', details: { passed: true, conclusion: '合格' } }];
    expect(codeOf(applyStep(member, h3, { kind: 'COMMITTEE_REVIEW', occurredOn: '2025-10-14' }, {}, '2030-01-01'))).toBe('OK');
    expect(codeOf(applyStep(member, h3, { kind: 'POLITICAL_REVIEW', occurredOn: '2025-10-02' }, { passed: true, conclusion: '合格' }, '2030-01-01'))).toBe(
      'POLITICAL_REVIEW_ALREADY_PASSED',
    );
  });

  it('needs intensive training of at least 3 days or at least 24 class hours', () => {
    const { attempt } = before('INTENSIVE_TRAINING'); // candidate since 2025-09-04
    const t = (startedOn: string, classHours: number) => ({ training: { startedOn, classHours } });
    expect(codeOf(attempt('2025-09-26', t('2025-09-24', 0)))).toBe('OK'); // 3 days
    expect(codeOf(attempt('2025-09-26', t('2025-09-25', 23)))).toBe('TRAINING_TOO_SHORT'); // 2 days, 23 hours
    expect(codeOf(attempt('2025-09-26', t('2025-09-25', 24)))).toBe('OK'); // 2 days, 24 hours
    expect(codeOf(attempt('2025-09-26', t('2025-09-26', 24)))).toBe('OK');
    expect(codeOf(attempt('2025-09-26', t('2025-09-27', 24)))).toBe('INPUT_INVALID');
    expect(codeOf(attempt('2025-09-26', t('2025-09-03', 24)))).toBe('DATE_BEFORE_PREREQUISITE');
    const r = attempt('2025-09-26', t('2025-09-24', 10));
    expect(r.ok && r.step.details.training).toEqual({ startedOn: '2025-09-24', classHours: 10, days: 3 });
  });
});

describe('stage 4 — admission', () => {
  // Committee review on Tue 2025-10-14: five working days end on Mon 2025-10-20.
  const notice = (from: string, to: string) => ({ publicNotice: { from, to } });

  it('needs a public notice of at least 5 working days between the committee review and the pre-review', () => {
    const { attempt } = before('HIGHER_PRE_REVIEW');
    expect(codeOf(attempt('2025-10-21', notice('2025-10-14', '2025-10-20')))).toBe('OK'); // Tue–Mon: 5
    expect(codeOf(attempt('2025-10-21', notice('2025-10-15', '2025-10-20')))).toBe('NOTICE_TOO_SHORT'); // Wed–Mon: 4
    expect(codeOf(attempt('2025-10-21', notice('2025-10-15', '2025-10-21')))).toBe('OK'); // Wed–Tue: 5
    expect(codeOf(attempt('2025-10-21', notice('2025-10-13', '2025-10-20')))).toBe('NOTICE_OUT_OF_ORDER'); // starts before the review
    expect(codeOf(attempt('2025-10-21', notice('2025-10-14', '2025-10-22')))).toBe('NOTICE_OUT_OF_ORDER'); // ends after the pre-review
    expect(codeOf(attempt('2025-10-21', {}))).toBe('INPUT_MISSING');
    const r = attempt('2025-10-21', notice('2025-10-14', '2025-10-20'));
    expect(r.ok && r.step.details.publicNotice?.workingDays).toBe(5);
  });

  it('refuses a pre-review before five working days can have passed since the committee review', () => {
    const { attempt } = before('HIGHER_PRE_REVIEW');
    expect(attempt('2025-10-19', notice('2025-10-14', '2025-10-19'))).toMatchObject({ ok: false, code: 'NOTICE_TOO_SHORT', facts: { earliestOn: '2025-10-20' } });
    expect(codeOf(attempt('2025-10-20', notice('2025-10-14', '2025-10-20')))).toBe('OK');
  });

  it('counts holidays out of the notice when the calendar lists them', () => {
    const cal = makeCalendar({ holidays: ['2025-10-16'] });
    const { attempt } = before('HIGHER_PRE_REVIEW', {}, { calendar: cal });
    expect(codeOf(attempt('2025-10-21', notice('2025-10-14', '2025-10-20')))).toBe('NOTICE_TOO_SHORT');
    expect(codeOf(attempt('2025-10-21', notice('2025-10-14', '2025-10-21')))).toBe('OK');
  });

  it('expects the pre-review within one month of the committee review; later is recorded with a warning', () => {
    const { attempt } = before('HIGHER_PRE_REVIEW');
    expect(warningsOf(attempt('2025-11-14', notice('2025-10-14', '2025-10-20')))).toEqual([]);
    expect(warningsOf(attempt('2025-11-15', notice('2025-10-14', '2025-10-20')))).toEqual(['PRE_REVIEW_LATE']);
  });

  it('applies the vote rule to the admission meeting', () => {
    const { attempt } = before('ADMISSION_MEETING');
    const vote = (entitled: number, present: number, yes: number, no = 0) => ({ vote: { entitled, present, yes, no, abstain: 0 } });
    expect(codeOf(attempt('2025-11-04', vote(10, 5, 5)))).toBe('QUORUM_NOT_MET');
    expect(codeOf(attempt('2025-11-04', vote(10, 6, 5, 1)))).toBe('VOTE_NOT_PASSED');
    expect(codeOf(attempt('2025-11-04', vote(10, 6, 6)))).toBe('OK');
    expect(codeOf(attempt('2025-11-04', vote(10, 6, 7)))).toBe('VOTE_COUNTS_INVALID');
    expect(codeOf(attempt('2025-11-04', {}))).toBe('INPUT_MISSING');
    const r = attempt('2025-11-04', vote(10, 6, 6));
    expect(r.ok && r.newStage).toBeUndefined(); // still a candidate until the higher committee approves
  });

  it('expects approval within three months of the meeting, allows up to six with a stated reason, and never later', () => {
    const { attempt } = before('ADMISSION_APPROVAL'); // meeting 2025-11-04
    expect(warningsOf(attempt('2026-02-04', {}))).toEqual([]);
    expect(codeOf(attempt('2026-02-05', {}))).toBe('APPROVAL_NEEDS_SPECIAL_REASON');
    expect(warningsOf(attempt('2026-02-05', { lateReason: '党委换届' }))).toEqual(['APPROVAL_LATE']);
    expect(codeOf(attempt('2026-05-04', { lateReason: '党委换届' }))).toBe('OK');
    expect(attempt('2026-05-05', { lateReason: '党委换届' })).toMatchObject({ ok: false, code: 'APPROVAL_WINDOW_EXPIRED', facts: { deadline: '2026-05-04' } });
  });

  it('makes the member probationary on approval, with probation counted one year from the meeting date', () => {
    const r = before('ADMISSION_APPROVAL').attempt('2025-12-04', {});
    expect(r).toMatchObject({
      ok: true,
      newStage: 'PROBATIONARY',
      effects: [{ type: 'SET_MEMBER', fields: { stage: 'PROBATIONARY', probationarySince: '2025-11-04', probationEndsOn: '2026-11-04' } }],
    });
  });
});

describe('stage 5 — probation and full membership', () => {
  it('expects a probation assessment every six months from the meeting date', () => {
    const { attempt } = before('PROBATION_ASSESSMENT');
    expect(warningsOf(attempt('2026-05-04'))).toEqual([]);
    expect(warningsOf(attempt('2026-05-05'))).toEqual(['PROBATION_ASSESSMENT_OVERDUE']);
  });

  it('refuses the confirmation meeting before the probation has ended', () => {
    const { attempt } = before('CONFIRMATION_MEETING');
    const opinion = (on: string) => ({ vote: { entitled: 9, present: 8, yes: 7, no: 1, abstain: 0 }, groupOpinion: { on, text: '同意' } });
    expect(attempt('2026-11-03', opinion('2026-11-01'))).toMatchObject({ ok: false, code: 'TOO_EARLY_FOR_CONFIRMATION', facts: { earliestOn: '2026-11-04' } });
    expect(codeOf(attempt('2026-11-04', opinion('2026-11-01')))).toBe('OK');
  });

  it("needs the party group's opinion, given after the application and by the meeting", () => {
    const { attempt } = before('CONFIRMATION_MEETING'); // application 2026-10-28
    const vote = { entitled: 9, present: 8, yes: 7, no: 1, abstain: 0 };
    expect(codeOf(attempt('2026-11-04', { vote }))).toBe('GROUP_OPINION_MISSING');
    expect(codeOf(attempt('2026-11-04', { vote, groupOpinion: { on: '2026-11-01', text: ' ' } }))).toBe('GROUP_OPINION_MISSING');
    expect(codeOf(attempt('2026-11-04', { vote, groupOpinion: { on: '2026-10-27', text: '同意' } }))).toBe('INPUT_INVALID');
    expect(codeOf(attempt('2026-11-04', { vote, groupOpinion: { on: '2026-11-05', text: '同意' } }))).toBe('INPUT_INVALID');
    expect(codeOf(attempt('2026-11-04', { vote: { entitled: 9, present: 4, yes: 4, no: 0, abstain: 0 }, groupOpinion: { on: '2026-11-01', text: '同意' } }))).toBe('QUORUM_NOT_MET');
  });

  it('expects the confirmation approval within three months; later is recorded with a warning', () => {
    const { attempt } = before('CONFIRMATION_APPROVAL'); // meeting 2026-11-04
    expect(warningsOf(attempt('2027-02-04', {}))).toEqual([]);
    expect(warningsOf(attempt('2027-02-05', {}))).toEqual(['CONFIRMATION_APPROVAL_LATE']);
  });

  it('counts party age from the end of probation, not from the approval', () => {
    const r = before('CONFIRMATION_APPROVAL').attempt('2026-12-04', {});
    expect(r).toMatchObject({ ok: true, newStage: 'FULL', effects: [{ type: 'SET_MEMBER', fields: { stage: 'FULL', fullMemberSince: '2026-11-04' } }] });
  });

  it('counts party age from the end of an extended probation', () => {
    const r = before('CONFIRMATION_APPROVAL', { extendMonths: 6 }).attempt('2027-06-04', {});
    expect(r).toMatchObject({ ok: true, effects: [{ type: 'SET_MEMBER', fields: { fullMemberSince: '2027-05-04' } }] });
  });
});

describe('dates in general', () => {
  it('refuses a step dated after today', () => {
    const { attempt } = before('TALK');
    expect(attempt('2024-03-20', {}, '2024-03-19')).toMatchObject({ ok: false, code: 'DATE_IN_FUTURE' });
    expect(codeOf(attempt('2024-03-19', {}, '2024-03-19'))).toBe('OK');
  });

  it('refuses a step dated before a step it depends on', () => {
    const { attempt } = before('TALK');
    expect(attempt('2024-03-03')).toMatchObject({ ok: false, code: 'DATE_BEFORE_PREREQUISITE', facts: { earliestOn: '2024-03-04' } });
    expect(codeOf(attempt('2024-03-04'))).toBe('OK');
  });

  it('refuses an impossible date', () => {
    expect(codeOf(before('TALK').attempt('2024-02-30'))).toBe('INPUT_INVALID');
    expect(codeOf(applyStep(applicant, [], { kind: 'NOT_A_STEP', occurredOn: '2024-03-04' }, {}, '2030-01-01'))).toBe('INPUT_INVALID');
  });

  it('records the timer bounds the step had to meet', () => {
    const r = before('CANDIDATE_DECISION').attempt('2025-09-04');
    expect(r.ok && r.step).toMatchObject({ no: 7, stage: 'CANDIDATE', notBefore: '2025-09-04' });
    const a = before('ADMISSION_APPROVAL').attempt('2025-12-04', {});
    expect(a.ok && a.step).toMatchObject({ no: 17, stage: 'PROBATIONARY', dueOn: '2026-02-04' });
  });
});
