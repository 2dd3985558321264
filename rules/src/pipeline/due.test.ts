// What is due or overdue, on the boundary days. Standard plan from 2024-03-04 (see engine.timers.test.ts).
import { describe, expect, it } from 'vitest';
import { dueAndOverdue } from './due.js';
import type { StepKind } from './steps.js';
import type { MemberFacts } from './types.js';
import { planUntil, runPlan, standardPlan } from './walk.js';

const applicant: MemberFacts = { id: 'm-1', birthDate: '1998-05-10', stage: 'APPLICANT', status: 'ACTIVE' };

function dueAfter(kind: StepKind, today: string, opts: { extendMonths?: number } = {}, occurrence: 'first' | 'last' = 'first') {
  const { member, history } = runPlan(applicant, planUntil(standardPlan('2024-03-04', opts), kind, occurrence));
  return dueAndOverdue(member, history, today).map((d) => ({ kind: d.kind, dueOn: d.dueOn, status: d.status, daysLeft: d.daysLeft, code: d.rule.code }));
}

describe('dueAndOverdue', () => {
  it('is empty before any application', () => {
    expect(dueAndOverdue(applicant, [], '2024-03-04')).toEqual([]);
  });

  it('shows the talk due one month after the application, overdue the day after', () => {
    expect(dueAfter('APPLICATION', '2024-04-04')).toEqual([{ kind: 'TALK', dueOn: '2024-04-04', status: 'DUE', daysLeft: 0, code: 'TALK_LATE' }]);
    expect(dueAfter('APPLICATION', '2024-04-05')).toEqual([{ kind: 'TALK', dueOn: '2024-04-04', status: 'OVERDUE', daysLeft: -1, code: 'TALK_LATE' }]);
    expect(dueAfter('TALK', '2024-04-05')).toEqual([]);
  });

  it('shows the half-yearly activist assessment, counted from the last one', () => {
    expect(dueAfter('NOMINATION', '2025-03-04')).toEqual([{ kind: 'ACTIVIST_ASSESSMENT', dueOn: '2025-03-04', status: 'DUE', daysLeft: 0, code: 'ASSESSMENT_OVERDUE' }]);
    expect(dueAfter('NOMINATION', '2025-03-05')[0]?.status).toBe('OVERDUE');
    expect(dueAfter('ACTIVIST_ASSESSMENT', '2025-03-05')[0]).toMatchObject({ dueOn: '2025-09-04', status: 'DUE' });
    expect(dueAfter('CANDIDATE_DECISION', '2025-09-30')).toEqual([]);
  });

  it('shows the pre-review due one month after the committee review', () => {
    expect(dueAfter('COMMITTEE_REVIEW', '2025-11-14')).toEqual([{ kind: 'HIGHER_PRE_REVIEW', dueOn: '2025-11-14', status: 'DUE', daysLeft: 0, code: 'PRE_REVIEW_LATE' }]);
    expect(dueAfter('COMMITTEE_REVIEW', '2025-11-15')[0]?.status).toBe('OVERDUE');
  });

  it('shows the admission approval due in three months and expired after six', () => {
    const at = (d: string) => dueAfter('ADMISSION_MEETING', d)[0];
    expect(at('2026-02-04')).toMatchObject({ kind: 'ADMISSION_APPROVAL', status: 'DUE', dueOn: '2026-02-04' });
    expect(at('2026-02-05')).toMatchObject({ status: 'OVERDUE', code: 'APPROVAL_NEEDS_SPECIAL_REASON' });
    expect(at('2026-05-04')).toMatchObject({ status: 'OVERDUE' });
    expect(at('2026-05-05')).toMatchObject({ status: 'EXPIRED', code: 'APPROVAL_WINDOW_EXPIRED' });
  });

  it('during probation shows the next assessment and the end of probation, then the pending approval', () => {
    expect(dueAfter('OATH', '2026-05-04')).toEqual([
      { kind: 'PROBATION_ASSESSMENT', dueOn: '2026-05-04', status: 'DUE', daysLeft: 0, code: 'PROBATION_ASSESSMENT_OVERDUE' },
      { kind: 'CONFIRMATION_MEETING', dueOn: '2026-11-04', status: 'DUE', daysLeft: 184, code: 'PROBATION_ENDED_NOT_DISCUSSED' },
    ]);
    expect(dueAfter('FULL_MEMBERSHIP_APPLICATION', '2026-11-05').find((d) => d.kind === 'CONFIRMATION_MEETING')?.status).toBe('OVERDUE');
    expect(dueAfter('CONFIRMATION_MEETING', '2027-02-05').find((d) => d.kind === 'CONFIRMATION_APPROVAL')).toMatchObject({
      dueOn: '2027-02-04',
      status: 'OVERDUE',
      code: 'CONFIRMATION_APPROVAL_LATE',
    });
    expect(dueAfter('CONFIRMATION_APPROVAL', '2027-12-01')).toEqual([]);
  });

  it('moves the end of probation after an extension', () => {
    const due = dueAfter('PROBATION_EXTENDED', '2026-12-01', { extendMonths: 6 });
    expect(due.find((d) => d.kind === 'CONFIRMATION_MEETING')).toMatchObject({ dueOn: '2027-05-04', status: 'DUE' });
  });
});
