import { describe, expect, it } from 'vitest';
import { nextLegalActions } from './engine.js';
import { runPlan, standardPlan } from './walk.js';
import type { MemberFacts } from './types.js';

const applicant: MemberFacts = { id: 'm-1', birthDate: '1998-05-10', stage: 'APPLICANT', status: 'ACTIVE' };

describe('a legal walk through all 25 steps', () => {
  it('reaches full membership with every step once (assessments twice) and nothing left to do', () => {
    const plan = standardPlan('2024-03-04');
    const { member, history } = runPlan(applicant, plan);
    expect(member.stage).toBe('FULL');
    expect(new Set(history.map((e) => e.kind)).size).toBe(25);
    expect(history.flatMap((e) => e.details.warnings ?? [])).toEqual([]);
    expect(nextLegalActions(member, history, '2026-12-31')).toEqual([]);
  });

  it('also reaches full membership through one extension', () => {
    const { member, history } = runPlan(applicant, standardPlan('2024-03-04', { extendMonths: 6 }));
    expect(member.stage).toBe('FULL');
    expect(history.filter((e) => e.kind === 'PROBATION_EXTENDED')).toHaveLength(1);
  });
});
