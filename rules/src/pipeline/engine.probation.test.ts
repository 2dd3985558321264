// Extension (once, 6–12 months, decided when probation ends) and revocation (terminal). Standard
// plan from 2024-03-04: admission meeting 2025-11-04, approval 2025-12-04, probation to 2026-11-04.
import { describe, expect, it } from 'vitest';
import { dueAndOverdue } from './due.js';
import { applyStep, nextLegalActions } from './engine.js';
import { STEP_KINDS } from './steps.js';
import type { ApplyResult, MemberFacts, StepEvent, StepInput } from './types.js';
import { PASSING_VOTE, planUntil, runPlan, standardPlan } from './walk.js';

const applicant: MemberFacts = { id: 'm-1', birthDate: '1998-05-10', stage: 'APPLICANT', status: 'ACTIVE' };
const FAR = '2030-01-01';
const codeOf = (r: ApplyResult) => (r.ok ? 'OK' : r.code);
const ext = (months: number, approvedOn = '2026-11-20', extra: StepInput = {}): StepInput => ({
  months,
  vote: PASSING_VOTE,
  approvedOn,
  reason: '理论学习不够',
  ...extra,
});

function upTo(kind: Parameters<typeof planUntil>[1], opts: { extendMonths?: number } = {}, occurrence: 'first' | 'last' = 'first') {
  return runPlan(applicant, planUntil(standardPlan('2024-03-04', opts), kind, occurrence));
}

const record = (history: StepEvent[], r: ApplyResult): StepEvent[] => {
  if (!r.ok) throw new Error(`refused: ${r.code}`);
  return [...history, { kind: r.step.kind, occurredOn: r.step.occurredOn, details: r.step.details }];
};

describe('extending probation', () => {
  const { member, history } = upTo('FULL_MEMBERSHIP_APPLICATION');
  const extend = (on: string, input: StepInput, today = FAR) => applyStep(member, history, { kind: 'PROBATION_EXTENDED', occurredOn: on }, input, today);

  it('is decided when the probation has ended, not before', () => {
    expect(extend('2026-11-03', ext(6))).toMatchObject({ ok: false, code: 'TOO_EARLY_FOR_EXTENSION', facts: { earliestOn: '2026-11-04' } });
    expect(codeOf(extend('2026-11-04', ext(6)))).toBe('OK');
  });

  it('lasts at least six and at most twelve whole months', () => {
    expect(codeOf(extend('2026-11-04', ext(5)))).toBe('EXTENSION_LENGTH_OUT_OF_RANGE');
    expect(codeOf(extend('2026-11-04', ext(6)))).toBe('OK');
    expect(codeOf(extend('2026-11-04', ext(12)))).toBe('OK');
    expect(codeOf(extend('2026-11-04', ext(13)))).toBe('EXTENSION_LENGTH_OUT_OF_RANGE');
    expect(codeOf(extend('2026-11-04', ext(6.5)))).toBe('EXTENSION_LENGTH_OUT_OF_RANGE');
    expect(codeOf(extend('2026-11-04', { ...ext(6), months: undefined }))).toBe('INPUT_MISSING');
  });

  it('moves the end of probation by the extension, counted from the original end', () => {
    const r = extend('2026-11-04', ext(6));
    expect(r).toMatchObject({ ok: true, effects: [{ type: 'SET_MEMBER', fields: { probationEndsOn: '2027-05-04', probationExtended: true } }] });
    expect(r.ok && r.newStage).toBeUndefined();
    const twelve = extend('2026-11-04', ext(12));
    expect(twelve.ok && twelve.effects[0]).toEqual({ type: 'SET_MEMBER', fields: { probationEndsOn: '2027-11-04', probationExtended: true } });
  });

  it('needs a passing branch meeting vote, a later approval that is not in the future, and a reason', () => {
    expect(codeOf(extend('2026-11-04', ext(6, '2026-11-20', { vote: { entitled: 9, present: 8, yes: 4, no: 4, abstain: 0 } })))).toBe('VOTE_NOT_PASSED');
    expect(codeOf(extend('2026-11-04', ext(6, '2026-11-03')))).toBe('APPROVAL_BEFORE_MEETING');
    expect(codeOf(extend('2026-11-04', ext(6, '2026-11-20'), '2026-11-19'))).toBe('DATE_IN_FUTURE');
    expect(codeOf(extend('2026-11-04', ext(6, '2026-11-20', { reason: '' })))).toBe('INPUT_MISSING');
  });

  it('happens once only', () => {
    const h = record(history, extend('2026-11-04', ext(6)));
    const again = applyStep(member, h, { kind: 'PROBATION_EXTENDED', occurredOn: '2027-05-04' }, ext(6, '2027-05-10'), FAR);
    expect(again).toMatchObject({ ok: false, code: 'EXTENSION_ALREADY_USED' });
    expect(again.ok === false && again.rule.zh).toBe('预备期只能延长一次。');
    expect(nextLegalActions(member, h, '2027-06-01').map((a) => a.kind)).not.toContain('PROBATION_EXTENDED');
  });

  it('restarts the application and confirmation at the new end', () => {
    const h = record(history, extend('2026-11-04', ext(6)));
    const at = (kind: 'FULL_MEMBERSHIP_APPLICATION' | 'CONFIRMATION_MEETING', on: string, input: StepInput = {}) =>
      applyStep(member, h, { kind, occurredOn: on }, input, FAR);
    expect(codeOf(at('CONFIRMATION_MEETING', '2027-05-04', { vote: PASSING_VOTE, groupOpinion: { on: '2027-05-01', text: '同意' } }))).toBe('PREREQUISITE_MISSING');
    const h2 = record(h, at('FULL_MEMBERSHIP_APPLICATION', '2027-04-27'));
    const meet = (on: string) =>
      applyStep(member, h2, { kind: 'CONFIRMATION_MEETING', occurredOn: on }, { vote: PASSING_VOTE, groupOpinion: { on: '2027-04-30', text: '同意' } }, FAR);
    expect(meet('2027-05-03')).toMatchObject({ ok: false, code: 'TOO_EARLY_FOR_CONFIRMATION', facts: { earliestOn: '2027-05-04' } });
    expect(codeOf(meet('2027-05-04'))).toBe('OK');
  });

  it('is no longer possible once the branch meeting has voted for full membership', () => {
    const { member: m, history: h } = upTo('CONFIRMATION_MEETING');
    expect(codeOf(applyStep(m, h, { kind: 'PROBATION_EXTENDED', occurredOn: '2026-11-10' }, ext(6), FAR))).toBe('CONFIRMATION_ALREADY_VOTED');
  });

  it('applies only to a probationary member', () => {
    const { member: m, history: h } = upTo('ADMISSION_MEETING');
    expect(codeOf(applyStep(m, h, { kind: 'PROBATION_EXTENDED', occurredOn: '2026-11-10' }, ext(6), FAR))).toBe('WRONG_STAGE');
    const { member: f, history: hf } = upTo('FILES_ARCHIVED');
    expect(codeOf(applyStep(f, hf, { kind: 'PROBATION_EXTENDED', occurredOn: '2027-11-10' }, ext(6), FAR))).toBe('WRONG_STAGE');
  });
});

describe('revoking probationary membership', () => {
  const revoke = (m: MemberFacts, h: StepEvent[], on: string, approvedOn = on) =>
    applyStep(m, h, { kind: 'MEMBERSHIP_REVOKED', occurredOn: on }, { vote: PASSING_VOTE, approvedOn, reason: '不履行党员义务' }, FAR);

  it('is possible at any time during probation, including an extension', () => {
    const early = upTo('ADMISSION_APPROVAL');
    expect(codeOf(revoke(early.member, early.history, '2025-12-05'))).toBe('OK');
    const extended = upTo('FULL_MEMBERSHIP_APPLICATION', { extendMonths: 6 }, 'last');
    expect(codeOf(revoke(extended.member, extended.history, '2027-05-04'))).toBe('OK');
  });

  it('sets the status to REVOKED from the approval date and keeps the stage', () => {
    const { member, history } = upTo('OATH');
    const r = revoke(member, history, '2026-03-01', '2026-03-15');
    expect(r).toMatchObject({ ok: true, effects: [{ type: 'SET_MEMBER', fields: { status: 'REVOKED', statusChangedOn: '2026-03-15' } }] });
    expect(r.ok && r.newStage).toBeUndefined();
  });

  it('is terminal: nothing can be recorded afterwards, nothing is legal or due', () => {
    const { member, history } = upTo('OATH');
    const h = record(history, revoke(member, history, '2026-03-01'));
    for (const m of [member, { ...member, status: 'REVOKED' as const }]) {
      for (const kind of STEP_KINDS) {
        expect(codeOf(applyStep(m, h, { kind, occurredOn: '2026-12-01' }, {}, FAR)), kind).toBe('MEMBERSHIP_REVOKED');
      }
      expect(nextLegalActions(m, h, '2026-12-01')).toEqual([]);
      expect(dueAndOverdue(m, h, '2026-12-01')).toEqual([]);
    }
  });

  it('does not apply before admission or after full membership', () => {
    const c = upTo('COMMITTEE_TALK');
    expect(codeOf(revoke(c.member, c.history, '2025-11-20'))).toBe('WRONG_STAGE');
    const f = upTo('CONFIRMATION_APPROVAL');
    expect(codeOf(revoke(f.member, f.history, '2026-12-10'))).toBe('WRONG_STAGE');
  });

  it('needs the vote, the approval and a reason', () => {
    const { member, history } = upTo('OATH');
    const at = (input: StepInput) => codeOf(applyStep(member, history, { kind: 'MEMBERSHIP_REVOKED', occurredOn: '2026-03-01' }, input, FAR));
    expect(at({ approvedOn: '2026-03-01', reason: 'x' })).toBe('INPUT_MISSING');
    expect(at({ vote: PASSING_VOTE, reason: 'x' })).toBe('INPUT_MISSING');
    expect(at({ vote: PASSING_VOTE, approvedOn: '2026-03-01' })).toBe('INPUT_MISSING');
    expect(at({ vote: { entitled: 9, present: 4, yes: 4, no: 0, abstain: 0 }, approvedOn: '2026-03-01', reason: 'x' })).toBe('QUORUM_NOT_MET');
  });
});
