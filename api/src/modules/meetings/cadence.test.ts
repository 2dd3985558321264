import { describe, expect, it } from 'vitest';
import { chinaMonth, computeCompliance, figuresFor, RULES, slotsCovering, type BranchFacts, type HeldMeeting } from './cadence.js';

const at = (iso: string) => new Date(iso);

describe('RULES', () => {
  it('holds the five cadences of organisational life', () => {
    expect(Object.fromEntries(Object.entries(RULES).map(([k, r]) => [k, r.cadence]))).toEqual({
      BRANCH_GENERAL: 'QUARTERLY',
      BRANCH_COMMITTEE: 'MONTHLY',
      PARTY_GROUP: 'MONTHLY',
      PARTY_LECTURE: 'QUARTERLY',
      THEMED_DAY: 'MONTHLY',
    });
    expect(RULES.PARTY_GROUP.heldBy).toEqual(['GROUP']);
    expect(RULES.BRANCH_GENERAL.heldBy).toEqual(['BRANCH']);
  });
});

describe('slots', () => {
  it('widens a range to whole months and quarters', () => {
    expect(slotsCovering('MONTHLY', '2026-01-15', '2026-03-02').map((s) => s.label)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(slotsCovering('QUARTERLY', '2026-02-15', '2026-07-01').map((s) => s.label)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3']);
    expect(slotsCovering('QUARTERLY', '2025-11-01', '2026-01-31').map((s) => s.label)).toEqual(['2025-Q4', '2026-Q1']);
    expect(slotsCovering('MONTHLY', '2025-12-31', '2026-01-01').map((s) => s.label)).toEqual(['2025-12', '2026-01']);
  });

  it('starts and ends at midnight China time', () => {
    const [jan] = slotsCovering('MONTHLY', '2026-01-01', '2026-01-01');
    expect(jan!.start.toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(jan!.end.toISOString()).toBe('2026-01-31T16:00:00.000Z');
    // 23:30 UTC on 31 March is 07:30 on 1 April in China.
    expect(chinaMonth(at('2026-03-31T23:30:00Z'))).toEqual({ y: 2026, m: 3 });
  });
});

describe('figures', () => {
  const slots = slotsCovering('MONTHLY', '2026-01-01', '2026-06-30');
  const now = at('2026-03-10T04:00:00Z'); // March is running

  it('counts met, overdue (deadline passed) and due (deadline ahead) slots', () => {
    const f = figuresFor(slots, { activeFrom: null, activeTo: null, held: [at('2026-01-05T02:00:00Z'), at('2026-01-20T02:00:00Z')] }, now);
    expect(f).toMatchObject({ required: 6, held: 2, met: 1, overdue: 1, due: 4 });
    expect(f.nextDeadline!.toISOString()).toBe('2026-03-31T16:00:00.000Z');
  });

  it('asks nothing of slots before the unit existed or after it was dissolved', () => {
    const f = figuresFor(slots, { activeFrom: at('2026-02-14T16:00:00Z'), activeTo: at('2026-04-09T16:00:00Z'), held: [] }, now);
    expect(f).toMatchObject({ required: 3, met: 0, overdue: 1, due: 2 });
  });

  it('a meeting just after a slot ends counts for the next one', () => {
    const f = figuresFor(slots, { activeFrom: null, activeTo: null, held: [at('2026-01-31T16:00:00Z')] }, now);
    expect(f).toMatchObject({ met: 1, overdue: 1 }); // met February, January overdue
  });
});

describe('computeCompliance', () => {
  const branch: BranchFacts = {
    id: 'b1',
    path: '/1/2/4/',
    activeFrom: null,
    activeTo: null,
    groups: [
      { id: 'g-a', activeFrom: null, activeTo: null },
      { id: 'g-b', activeFrom: null, activeTo: null },
    ],
  };
  const m = (kind: HeldMeeting['kind'], unitId: string, unitPath: string, iso: string): HeldMeeting => ({ kind, unitId, unitPath, scheduledAt: at(iso) });
  const meetings = [
    m('BRANCH_GENERAL', 'b1', '/1/2/4/', '2026-02-10T02:00:00Z'),
    m('PARTY_GROUP', 'g-a', '/1/2/4/7/', '2026-01-10T02:00:00Z'),
    m('PARTY_GROUP', 'g-a', '/1/2/4/7/', '2026-02-10T02:00:00Z'),
    m('PARTY_GROUP', 'g-b', '/1/2/4/8/', '2026-02-10T02:00:00Z'),
    m('PARTY_LECTURE', 'g1', '/1/2/', '2026-03-01T02:00:00Z'), // the general branch's lecture counts
    m('PARTY_LECTURE', 'other', '/1/3/', '2026-01-01T02:00:00Z'), // a sibling's does not
    m('BRANCH_GENERAL', 'b2', '/1/2/5/', '2026-01-10T02:00:00Z'), // another branch's
  ];
  const rows = computeCompliance([branch], meetings, '2026-01-01', '2026-03-31', at('2026-03-10T04:00:00Z'));
  const row = (k: HeldMeeting['kind']) => rows.find((r) => r.kind === k)!;

  it('gives one row per kind', () => {
    expect(rows.map((r) => r.kind).sort()).toEqual(['BRANCH_COMMITTEE', 'BRANCH_GENERAL', 'PARTY_GROUP', 'PARTY_LECTURE', 'THEMED_DAY']);
  });
  it('quarterly branch general meeting met by the branch’s own', () => {
    expect(row('BRANCH_GENERAL')).toMatchObject({ required: 1, held: 1, met: 1, due: 0, overdue: 0 });
  });
  it('party group meetings are owed by each group', () => {
    expect(row('PARTY_GROUP')).toMatchObject({ required: 6, held: 3, met: 3, overdue: 1, due: 2 });
  });
  it('a lecture of a unit above the branch counts, a sibling’s does not', () => {
    expect(row('PARTY_LECTURE')).toMatchObject({ required: 1, held: 1, met: 1 });
  });
  it('monthly kinds with no meetings: two overdue, the running month due', () => {
    expect(row('THEMED_DAY')).toMatchObject({ required: 3, held: 0, met: 0, overdue: 2, due: 1 });
    expect(row('BRANCH_COMMITTEE')).toMatchObject({ required: 3, overdue: 2, due: 1 });
  });
  it('a branch without groups owes no group meetings', () => {
    const [r] = computeCompliance([{ ...branch, groups: [] }], [], '2026-01-01', '2026-03-31', at('2026-03-10T04:00:00Z')).filter((x) => x.kind === 'PARTY_GROUP');
    expect(r).toMatchObject({ required: 0, due: 0, overdue: 0 });
  });
});
