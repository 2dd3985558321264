// The development-step form: which dates the rules allow, and where a refusal is shown.
import { describe, expect, it } from 'vitest';
import { stepDateBounds, stepFormField, stepRuleField, stepValues } from '../app/lib/step-inputs';

const history = [
  { kind: 'APPLICATION', occurredOn: '2026-01-05' },
  { kind: 'TALK', occurredOn: '2026-01-20' },
];

describe('step date bounds', () => {
  it('not before the steps it follows nor its window, not after today or its deadline', () => {
    expect(stepDateBounds({ kind: 'NOMINATION', notBefore: null, deadline: null }, history, '2026-12-06')).toEqual({ min: '2026-01-20', max: '2026-12-06' });
    expect(stepDateBounds({ kind: 'NOMINATION', notBefore: '2026-03-01', deadline: null }, history, '2026-12-06')).toEqual({ min: '2026-03-01', max: '2026-12-06' });
    expect(stepDateBounds({ kind: 'ADMISSION_APPROVAL', notBefore: null, deadline: '2026-06-30' }, [], '2026-12-06')).toEqual({ max: '2026-06-30' });
    expect(stepDateBounds(undefined, history, '2026-12-06')).toEqual({ max: '2026-12-06' });
  });

  it('counts steps 22 and 23 only from after an extension', () => {
    const extended = [
      { kind: 'FULL_MEMBERSHIP_APPLICATION', occurredOn: '2026-02-01' },
      { kind: 'PROBATION_EXTENDED', occurredOn: '2026-03-01' },
      { kind: 'OATH', occurredOn: '2025-01-01' },
    ];
    expect(stepDateBounds({ kind: 'CONFIRMATION_MEETING', notBefore: null, deadline: null }, extended, '2026-12-06')).toEqual({ max: '2026-12-06' });
  });
});

describe('where a refusal is shown', () => {
  it('a date rule beside the step date, or beside the date it names', () => {
    expect(stepRuleField('DATE_BEFORE_PREREQUISITE')).toBe('occurredOn');
    expect(stepRuleField('DATE_BEFORE_PREREQUISITE', { field: 'training.startedOn', earliestOn: '2026-01-01' })).toBe('trainingStart');
    expect(stepRuleField('DATE_IN_FUTURE', { field: 'approvedOn' })).toBe('approvedOn');
    expect(stepRuleField('SPONSOR_COUNT')).toBe('people');
    expect(stepRuleField('STEP_ALREADY_RECORDED')).toBeUndefined();
    expect(stepFormField('input.vote.yes')).toBe('yes');
    expect(stepFormField('input.viewsHeard.on')).toBe('viewsOn');
    expect(stepFormField('occurredOn')).toBe('occurredOn');
  });

  it('keeps what was typed', () => {
    const form = new FormData();
    form.append('intent', 'record-step');
    form.append('kind', 'SPONSORS_ASSIGNED');
    form.append('people', 'a');
    form.append('people', 'b');
    form.append('notes', '备注');
    expect(stepValues(form)).toEqual({ kind: 'SPONSORS_ASSIGNED', people: ['a', 'b'], notes: '备注' });
  });
});
