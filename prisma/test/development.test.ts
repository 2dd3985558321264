// The development timelines, checked over many random draws without a database.
import { describe, expect, it } from 'vitest';
import { addMonths, addYears, BASE_DATE } from '../src/seed/dates.js';
import { planTimeline, STAGE_ORDER, stageOf, type Stage } from '../src/seed/development.js';
import { Prng } from '../src/seed/prng.js';

const t = (d: Date | null) => d!.getTime();

describe('development timelines', () => {
  const rng = new Prng('unit', 'timelines');
  const cases = STAGE_ORDER.flatMap((stage) =>
    Array.from({ length: 300 }, (_, i) => ({
      stage,
      probation: stage === 'PROBATIONARY' ? (['NORMAL', 'EXTENDED', 'REVOKED'] as const)[i % 3] : ('NORMAL' as const),
    })),
  );

  it('ends in the requested stage, before the base date, with every timer kept', () => {
    for (const c of cases) {
      const tl = planTimeline(rng, c);
      const ctx = JSON.stringify({ ...c, steps: tl.steps.map((s) => [s.stepNo, s.kind, s.occurredOn.toISOString().slice(0, 10)]) });
      expect(tl.stage, ctx).toBe(c.stage);
      const steps = tl.steps;
      for (let i = 1; i < steps.length; i++) {
        expect(t(steps[i]!.occurredOn), ctx).toBeGreaterThanOrEqual(t(steps[i - 1]!.occurredOn));
        // A member reaches each stage at most once: the stage never goes back along the history.
        const before = STAGE_ORDER.indexOf(stageOf(steps.slice(0, i)));
        expect(STAGE_ORDER.indexOf(stageOf(steps.slice(0, i + 1))), ctx).toBeGreaterThanOrEqual(before);
      }
      expect(t(steps[steps.length - 1]!.occurredOn), ctx).toBeLessThan(t(BASE_DATE));
      expect(stageOf(steps)).toBe(c.stage);
      expect(t(addYears(tl.birthDate, 18)), ctx).toBeLessThanOrEqual(t(tl.appliedOn));
      const at = (n: number) => steps.find((s) => s.stepNo === n)?.occurredOn ?? null;
      if (at(2)) expect(t(at(2)), ctx).toBeLessThanOrEqual(t(addMonths(tl.appliedOn, 1)));
      if (tl.activistSince) expect(t(tl.activistSince)).toBeGreaterThanOrEqual(t(addMonths(tl.appliedOn, 6)));
      if (tl.candidateSince) expect(t(tl.candidateSince)).toBeGreaterThanOrEqual(t(addYears(tl.activistSince!, 1)));
      if (at(13) && at(12)) expect(t(at(13))).toBeLessThanOrEqual(t(addMonths(at(12)!, 1)));
      const approval = steps.find((s) => s.stepNo === 17 && s.approval === 'APPROVED');
      if (approval) expect(t(approval.occurredOn)).toBeLessThanOrEqual(t(addMonths(tl.probationarySince!, 3)));
      if (c.stage === 'FULL') expect(tl.fullMemberSince).toEqual(addYears(tl.probationarySince!, 1));
      if (c.probation === 'REVOKED') {
        expect(tl.status).toBe('REVOKED');
        expect(steps[steps.length - 1]!.kind).toBe('MEMBERSHIP_REVOKED');
      }
      if (c.probation === 'EXTENDED') {
        expect(tl.probationExtended).toBe(true);
        const months = (t(tl.probationEndsOn) - t(addYears(tl.probationarySince!, 1))) / (30.4 * 86_400_000);
        expect(months).toBeGreaterThanOrEqual(5.9);
        expect(months).toBeLessThanOrEqual(12.1);
      }
    }
  });

  it('records 25 distinct steps for a full member, assessments recurring', () => {
    const tl = planTimeline(new Prng('unit', 'full'), { stage: 'FULL' as Stage });
    const numbers = new Set(tl.steps.map((s) => s.stepNo));
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  });
});
