import { describe, expect, it } from 'vitest';
import { chinaMonth, computeCompliance, figuresFor, RULES, slotsCovering, sumRows, type BranchFacts, type HeldMeeting } from './cadence.js';

const at = (iso: string) => new Date(iso);

describe('RULES', () => {
  it('holds the seven cadences of organisational life', () => {
    expect(Object.fromEntries(Object.entries(RULES).map(([k, r]) => [k, r.cadence]))).toEqual({
      BRANCH_GENERAL: 'QUARTERLY',
      BRANCH_COMMITTEE: 'MONTHLY',
      PARTY_GROUP: 'MONTHLY',
      PARTY_LECTURE: 'QUARTERLY',
      THEMED_DAY: 'MONTHLY',
      ORG_LIFE: 'YEARLY',
      HEART_TALK: 'YEARLY',
    });
    expect(RULES.PARTY_GROUP.heldBy).toEqual(['GROUP']);
    // The branch holds its 组织生活会 and 谈心谈话, for its party members.
    expect(RULES.ORG_LIFE).toMatchObject({ heldBy: ['BRANCH'], holder: 'BRANCH', stages: ['PROBATIONARY', 'FULL'] });
    expect(RULES.HEART_TALK).toMatchObject({ heldBy: ['BRANCH'], holder: 'BRANCH', stages: ['PROBATIONARY', 'FULL'] });
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

  it('yearly slots are calendar years in China time', () => {
    expect(slotsCovering('YEARLY', '2025-11-01', '2027-02-01').map((s) => s.label)).toEqual(['2025', '2026', '2027']);
    expect(slotsCovering('YEARLY', '2026-06-15', '2026-06-15').map((s) => s.label)).toEqual(['2026']);
    const [y] = slotsCovering('YEARLY', '2026-03-01', '2026-04-01');
    expect(y!.start.toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(y!.end.toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });

  it('a meeting at 16:30 UTC on 31 December is in the next year', () => {
    const slots = slotsCovering('YEARLY', '2026-01-01', '2027-12-31');
    const now = at('2027-06-01T04:00:00Z');
    const late = figuresFor(slots, { activeFrom: null, activeTo: null, held: [at('2026-12-31T16:30:00Z')] }, now);
    expect(late).toMatchObject({ required: 2, held: 1, met: 1, overdue: 1, due: 0 }); // 2027 met, 2026 overdue
    expect(late.nextDeadline).toBeNull();
    const early = figuresFor(slots, { activeFrom: null, activeTo: null, held: [at('2026-12-31T15:59:00Z')] }, now);
    expect(early).toMatchObject({ met: 1, overdue: 0, due: 1 }); // 2026 met, 2027 still running
    expect(early.nextDeadline!.toISOString()).toBe('2027-12-31T16:00:00.000Z');
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
    expect(rows.map((r) => r.kind).sort()).toEqual(['BRANCH_COMMITTEE', 'BRANCH_GENERAL', 'HEART_TALK', 'ORG_LIFE', 'PARTY_GROUP', 'PARTY_LECTURE', 'THEMED_DAY']);
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

describe('yearly kinds and the subtree', () => {
  // g1 (/1/2/) has branches b1 and b2; b3 (/1/3/) is under the root only.
  const b = (id: string, path: string): BranchFacts => ({ id, path, activeFrom: null, activeTo: null, groups: [] });
  const branches = [b('b1', '/1/2/4/'), b('b2', '/1/2/5/'), b('b3', '/1/3/6/')];
  const m = (kind: HeldMeeting['kind'], unitId: string, unitPath: string, iso: string): HeldMeeting => ({ kind, unitId, unitPath, scheduledAt: at(iso) });
  const meetings = [
    m('ORG_LIFE', 'b1', '/1/2/4/', '2025-12-20T02:00:00Z'),
    m('ORG_LIFE', 'b1', '/1/2/4/', '2026-01-15T02:00:00Z'),
    m('HEART_TALK', 'b1', '/1/2/4/', '2025-06-01T02:00:00Z'),
    m('HEART_TALK', 'b1', '/1/2/4/', '2025-07-01T02:00:00Z'),
    m('ORG_LIFE', 'b3', '/1/3/6/', '2025-03-01T02:00:00Z'),
    m('ORG_LIFE', 'g1', '/1/2/', '2025-03-01T02:00:00Z'), // not the branch's own: does not count
  ];
  const now = at('2026-03-10T04:00:00Z');
  const rows = computeCompliance(branches, meetings, '2025-01-01', '2026-03-31', now, [
    { unitId: 'b1', publishedAt: at('2025-12-31T15:00:00Z') }, // 23:00 on 31 December 2025 in China
    { unitId: 'b2', publishedAt: at('2026-01-20T02:00:00Z') },
    { unitId: 'b3', publishedAt: at('2024-12-31T16:30:00Z') }, // 2025 in China: counts for 2025
    { unitId: 'b3', publishedAt: at('2024-12-31T15:30:00Z') }, // 2024: outside the period
  ], [
    { unitId: 'b1', toTalkWith: 5, talkedWith: 3 },
    { unitId: 'b2', toTalkWith: 2, talkedWith: 2 },
  ]);
  const row = (unit: string, kind: HeldMeeting['kind']) => rows.find((r) => r.unitId === unit && r.kind === kind)!;

  it('counts one meeting a year per branch, its own only', () => {
    expect(row('b1', 'ORG_LIFE')).toMatchObject({ cadence: 'YEARLY', required: 2, held: 2, met: 2, overdue: 0, due: 0 });
    expect(row('b1', 'HEART_TALK')).toMatchObject({ required: 2, held: 2, met: 1, overdue: 0, due: 1 });
    expect(row('b2', 'ORG_LIFE')).toMatchObject({ required: 2, held: 0, met: 0, overdue: 1, due: 1 });
    expect(row('b1', 'ORG_LIFE').slots.map((s) => s.label)).toEqual(['2025', '2026']);
  });

  it('notes the published 民主评议 beside the 组织生活会 only', () => {
    expect(row('b1', 'ORG_LIFE').appraised).toBe(1);
    expect(row('b2', 'ORG_LIFE').appraised).toBe(1); // appraised although the meeting is not recorded: told apart
    expect(row('b3', 'ORG_LIFE').appraised).toBe(1);
    expect(row('b1', 'HEART_TALK').appraised).toBeNull();
    expect(row('b1', 'THEMED_DAY').appraised).toBeNull();
  });

  it('says how many members the 谈心谈话 reached, on its rows only', () => {
    expect(row('b1', 'HEART_TALK')).toMatchObject({ talkedWith: 3, toTalkWith: 5 });
    expect(row('b3', 'HEART_TALK')).toMatchObject({ talkedWith: 0, toTalkWith: 0 }); // nothing known: none
    expect(row('b1', 'ORG_LIFE')).toMatchObject({ talkedWith: null, toTalkWith: null });
    expect(sumRows(rows).find((t) => t.kind === 'HEART_TALK')).toMatchObject({ talkedWith: 5, toTalkWith: 7 });
    expect(sumRows(rows).find((t) => t.kind === 'THEMED_DAY')).toMatchObject({ talkedWith: null, toTalkWith: null });
  });

  it('a level above sums its subtree’s branches; a branch’s figures are its own', () => {
    const g1 = sumRows(rows.filter((r) => r.unitId !== 'b3'));
    expect(g1.find((t) => t.kind === 'ORG_LIFE')).toMatchObject({ branches: 2, required: 4, held: 2, met: 2, overdue: 1, due: 1, appraised: 2 });
    expect(g1.find((t) => t.kind === 'HEART_TALK')).toMatchObject({ branches: 2, required: 4, held: 2, met: 1, overdue: 1, due: 2, appraised: null });
    const root = sumRows(rows);
    expect(root.find((t) => t.kind === 'ORG_LIFE')).toMatchObject({ branches: 3, required: 6, held: 3, met: 3, overdue: 1, due: 2, appraised: 3 });
    expect(root.map((t) => t.kind)).toHaveLength(7);
    const own = sumRows(rows.filter((r) => r.unitId === 'b1'));
    expect(own.find((t) => t.kind === 'ORG_LIFE')).toMatchObject({ branches: 1, ...pick(row('b1', 'ORG_LIFE')) });
  });
});

function pick(r: { required: number; held: number; met: number; due: number; overdue: number }) {
  return { required: r.required, held: r.held, met: r.met, due: r.due, overdue: r.overdue };
}
