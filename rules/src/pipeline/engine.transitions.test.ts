// Every illegal transition: after each step of the standard walk (and of the walk with an extension)
// the set of steps the order allows is written out by hand from the rules; every other step kind
// must be refused with a structural code, whatever its date and input.
import { describe, expect, it } from 'vitest';
import { applyStep, nextLegalActions } from './engine.js';
import { STEP_KINDS, type StepKind } from './steps.js';
import type { MemberFacts } from './types.js';
import { runPlan, standardPlan } from './walk.js';

const applicant: MemberFacts = { id: 'm-1', birthDate: '1998-05-10', stage: 'APPLICANT', status: 'ACTIVE' };
const FAR = '2030-01-01';

const EXT = 'PROBATION_EXTENDED';
const REV = 'MEMBERSHIP_REVOKED';
const SPONSORS = 'SPONSORS_ASSIGNED';

/** After the step named on the left, exactly these steps are allowed by order and stage. */
const STANDARD: [StepKind | 'START', StepKind[]][] = [
  ['START', ['APPLICATION']],
  ['APPLICATION', ['TALK']],
  ['TALK', ['NOMINATION']],
  ['NOMINATION', ['ACTIVIST_FILING', 'MENTORS_ASSIGNED']],
  ['ACTIVIST_FILING', ['MENTORS_ASSIGNED']],
  ['MENTORS_ASSIGNED', ['MENTORS_ASSIGNED', 'ACTIVIST_ASSESSMENT']],
  ['ACTIVIST_ASSESSMENT', ['MENTORS_ASSIGNED', 'ACTIVIST_ASSESSMENT', 'CANDIDATE_DECISION']],
  ['ACTIVIST_ASSESSMENT', ['MENTORS_ASSIGNED', 'ACTIVIST_ASSESSMENT', 'CANDIDATE_DECISION']],
  ['CANDIDATE_DECISION', ['CANDIDATE_FILING', SPONSORS, 'POLITICAL_REVIEW', 'INTENSIVE_TRAINING']],
  ['CANDIDATE_FILING', [SPONSORS, 'POLITICAL_REVIEW', 'INTENSIVE_TRAINING']],
  [SPONSORS, [SPONSORS, 'POLITICAL_REVIEW', 'INTENSIVE_TRAINING']],
  ['POLITICAL_REVIEW', [SPONSORS, 'INTENSIVE_TRAINING']],
  ['INTENSIVE_TRAINING', [SPONSORS, 'COMMITTEE_REVIEW']],
  ['COMMITTEE_REVIEW', [SPONSORS, 'HIGHER_PRE_REVIEW']],
  ['HIGHER_PRE_REVIEW', [SPONSORS, 'APPLICATION_FORM']],
  ['APPLICATION_FORM', [SPONSORS, 'ADMISSION_MEETING']],
  ['ADMISSION_MEETING', [SPONSORS, 'COMMITTEE_TALK']],
  ['COMMITTEE_TALK', [SPONSORS, 'ADMISSION_APPROVAL']],
  ['ADMISSION_APPROVAL', ['DEPARTMENT_FILING', 'PLACEMENT', 'OATH', EXT, REV]],
  ['DEPARTMENT_FILING', ['PLACEMENT', 'OATH', EXT, REV]],
  ['PLACEMENT', ['OATH', 'PROBATION_ASSESSMENT', EXT, REV]],
  ['OATH', ['PROBATION_ASSESSMENT', 'FULL_MEMBERSHIP_APPLICATION', EXT, REV]],
  ['PROBATION_ASSESSMENT', ['PROBATION_ASSESSMENT', 'FULL_MEMBERSHIP_APPLICATION', EXT, REV]],
  ['FULL_MEMBERSHIP_APPLICATION', ['PROBATION_ASSESSMENT', 'CONFIRMATION_MEETING', EXT, REV]],
  ['CONFIRMATION_MEETING', ['PROBATION_ASSESSMENT', 'CONFIRMATION_APPROVAL', REV]],
  ['CONFIRMATION_APPROVAL', ['FILES_ARCHIVED']],
  ['FILES_ARCHIVED', []],
];

/** The walk with a six-month extension, from the step after the first application for full membership. */
const EXTENDED_TAIL: [StepKind, StepKind[]][] = [
  [EXT, ['PROBATION_ASSESSMENT', 'FULL_MEMBERSHIP_APPLICATION', REV]],
  ['PROBATION_ASSESSMENT', ['PROBATION_ASSESSMENT', 'FULL_MEMBERSHIP_APPLICATION', REV]],
  ['FULL_MEMBERSHIP_APPLICATION', ['PROBATION_ASSESSMENT', 'CONFIRMATION_MEETING', REV]],
  ['CONFIRMATION_MEETING', ['PROBATION_ASSESSMENT', 'CONFIRMATION_APPROVAL', REV]],
  ['CONFIRMATION_APPROVAL', ['FILES_ARCHIVED']],
  ['FILES_ARCHIVED', []],
];

const STRUCTURAL = new Set([
  'PIPELINE_NOT_STARTED',
  'STEP_ALREADY_RECORDED',
  'WRONG_STAGE',
  'PREREQUISITE_MISSING',
  'EXTENSION_ALREADY_USED',
  'POLITICAL_REVIEW_ALREADY_PASSED',
  'CONFIRMATION_ALREADY_VOTED',
]);

function checkWalk(extendMonths: number | undefined, table: [StepKind | 'START', StepKind[]][], from: number) {
  const plan = standardPlan('2024-03-04', extendMonths ? { extendMonths } : {});
  table.forEach(([after, allowed], j) => {
    const n = from + j;
    it(`after ${n} steps (${after}) allows exactly ${allowed.join(', ') || 'nothing'}`, () => {
      if (after !== 'START') expect(plan[n - 1]?.kind).toBe(after);
      const { member, history } = runPlan(applicant, plan.slice(0, n));
      expect(nextLegalActions(member, history, FAR).map((a) => a.kind).sort()).toEqual([...allowed].sort());
      for (const kind of STEP_KINDS) {
        if (allowed.includes(kind)) continue;
        // Both a date far ahead (no timer can block) and the walk's next date: the order decides alone.
        for (const on of [FAR, plan[n]?.occurredOn ?? FAR]) {
          const r = applyStep(member, history, { kind, occurredOn: on }, plan.find((p) => p.kind === kind)?.input ?? {}, FAR);
          expect(r.ok, `${kind} after ${after}`).toBe(false);
          if (!r.ok) expect(STRUCTURAL.has(r.code), `${kind} after ${after}: ${r.code}`).toBe(true);
        }
      }
    });
  });
}

describe('legal and illegal transitions along the standard walk', () => {
  checkWalk(undefined, STANDARD, 0);
});

describe('legal and illegal transitions after an extension', () => {
  const firstApplication = standardPlan('2024-03-04', { extendMonths: 6 }).findIndex((p) => p.kind === 'FULL_MEMBERSHIP_APPLICATION');
  checkWalk(6, EXTENDED_TAIL, firstApplication + 2);
});

describe('structure refusals', () => {
  it('starts with the application only', () => {
    expect(applyStep(applicant, [], { kind: 'TALK', occurredOn: '2024-03-05' }, {}, FAR)).toMatchObject({ ok: false, code: 'PIPELINE_NOT_STARTED' });
  });

  it('refuses a repeated one-off step with STEP_ALREADY_RECORDED, not a stage error', () => {
    const plan = standardPlan('2024-03-04');
    const { member, history } = runPlan(applicant, plan.slice(0, 3));
    expect(applyStep(member, history, { kind: 'NOMINATION', occurredOn: FAR }, { recommendedBy: 'PARTY_MEMBERS' }, FAR)).toMatchObject({
      ok: false,
      code: 'STEP_ALREADY_RECORDED',
    });
  });

  it('names the missing prerequisites', () => {
    const { member, history } = runPlan(applicant, standardPlan('2024-03-04').slice(0, 3));
    expect(applyStep(member, history, { kind: 'ACTIVIST_ASSESSMENT', occurredOn: FAR }, { conclusion: 'x' }, FAR)).toMatchObject({
      ok: false,
      code: 'PREREQUISITE_MISSING',
      facts: { missing: ['MENTORS_ASSIGNED'] },
    });
  });

  it('refuses a member whose stage the history does not justify (e.g. imported without history)', () => {
    const imported: MemberFacts = { ...applicant, stage: 'FULL' };
    const r = applyStep(imported, [], { kind: 'APPLICATION', occurredOn: '2024-03-04' }, {}, FAR);
    expect(r).toMatchObject({ ok: false, code: 'HISTORY_DOES_NOT_JUSTIFY_STAGE', facts: { recordedStage: 'FULL', justifiedStage: 'APPLICANT' } });
    expect(nextLegalActions(imported, [], FAR)).toEqual([]);
  });

  it('refuses every step for a member who is not active', () => {
    const gone: MemberFacts = { ...applicant, status: 'TRANSFERRED_OUT' };
    for (const kind of STEP_KINDS) {
      expect(applyStep(gone, [], { kind, occurredOn: '2024-03-04' }, {}, FAR)).toMatchObject({ ok: false, code: 'MEMBER_NOT_ACTIVE' });
    }
  });
});

describe('steps awaiting approval', () => {
  it('do not count until approved: a pending admission approval leaves the member a candidate', () => {
    const plan = standardPlan('2024-03-04');
    const i = plan.findIndex((p) => p.kind === 'ADMISSION_APPROVAL');
    const { member, history } = runPlan(applicant, plan.slice(0, i + 1));
    const pending = history.map((e, j) => (j === i ? { ...e, approval: 'PENDING' as const } : e));
    const asCandidate = { ...member, stage: 'CANDIDATE' as const };
    expect(nextLegalActions(asCandidate, pending, FAR).map((a) => a.kind)).toContain('ADMISSION_APPROVAL');
    expect(applyStep(member, pending, { kind: 'OATH', occurredOn: FAR }, {}, FAR)).toMatchObject({
      ok: false,
      code: 'HISTORY_DOES_NOT_JUSTIFY_STAGE',
      facts: { recordedStage: 'PROBATIONARY', justifiedStage: 'CANDIDATE' },
    });
    const rejected = history.map((e, j) => (j === i ? { ...e, approval: 'REJECTED' as const } : e));
    expect(nextLegalActions(asCandidate, rejected, FAR).map((a) => a.kind)).toContain('ADMISSION_APPROVAL');
  });
});

describe('nextLegalActions timing', () => {
  it('lists a step that is allowed by order but not yet by date, with the rule and the date it opens', () => {
    const plan = standardPlan('2024-03-04');
    const { member, history } = runPlan(applicant, plan.slice(0, 7)); // two assessments, activist since 2024-09-04
    const decision = nextLegalActions(member, history, '2025-09-03').find((a) => a.kind === 'CANDIDATE_DECISION');
    expect(decision).toMatchObject({ legalToday: false, notBefore: '2025-09-04', blockedBy: { code: 'TOO_EARLY_FOR_CANDIDACY' } });
    expect(nextLegalActions(member, history, '2025-09-04').find((a) => a.kind === 'CANDIDATE_DECISION')).toMatchObject({ legalToday: true });
    expect(decision?.blockedBy?.rule.zh).toContain('一年以上');
  });

  it('shows the soft and hard deadlines of a pending approval', () => {
    const plan = standardPlan('2024-03-04');
    const i = plan.findIndex((p) => p.kind === 'ADMISSION_APPROVAL');
    const { member, history } = runPlan(applicant, plan.slice(0, i));
    const approval = nextLegalActions(member, history, '2026-05-05').find((a) => a.kind === 'ADMISSION_APPROVAL');
    expect(approval).toMatchObject({ dueOn: '2026-02-04', deadline: '2026-05-04', legalToday: false, blockedBy: { code: 'APPROVAL_WINDOW_EXPIRED' } });
  });
});
