// The dues figures a snapshot publishes and a verifier recomputes, on hand-computed cases: the
// rules of @lianjian/rules/dues (an approved reduction, a correction, an excused case, a month
// without a checked base, tracking from joining) seen through record data alone.
import { describe, expect, it } from 'vitest';
import { duesFigures, type SnapshotRecord } from './snapshot-dues.js';
import { computeSnapshotFiguresFromRecords, SNAPSHOT_METRICS } from './snapshot-figures.js';

const member = (id: string, extra: Record<string, unknown> = {}): SnapshotRecord => ({
  type: 'Member',
  id,
  data: { stage: 'FULL', status: 'ACTIVE', probationarySince: null, fullMemberSince: '2015-07-01', ...extra },
});
const base = (memberId: string, monthlyDueFen: number, status = 'CHECKED', year = 2026): SnapshotRecord => ({ type: 'DuesBase', id: `b-${memberId}-${year}`, data: { memberId, year, status, monthlyDueFen } });
const pay = (memberId: string, months: string[], monthAmounts: number[]): SnapshotRecord => ({ type: 'DuesPayment', id: `p-${memberId}-${months.join()}-${monthAmounts.join()}`, data: { memberId, months, monthAmounts } });

describe('duesFigures', () => {
  it('counts due, collected (at most the due), paid and unpaid members of the month', () => {
    const f = duesFigures(
      [
        member('a'),
        base('a', 3000),
        pay('a', ['2026-03'], [3000]),
        member('b'),
        base('b', 2500),
        // A reduction approved by the level above: 10.00 instead of 25.00.
        { type: 'DuesHardship', id: 'h', data: { memberId: 'b', status: 'APPROVED', kind: 'REDUCTION', reducedFen: 1000, fromMonth: '2026-03', toMonth: '2026-03' } },
        // A proposed (not approved) exemption changes nothing.
        { type: 'DuesHardship', id: 'h2', data: { memberId: 'a', status: 'PROPOSED', kind: 'EXEMPTION', reducedFen: null, fromMonth: '2026-01', toMonth: '2026-12' } },
        pay('b', ['2026-03'], [1500]),
        // An applicant with a base is not tracked.
        member('c', { stage: 'APPLICANT' }),
        base('c', 100),
      ],
      { month: '2026-03', dueUntil: '2026-03' },
    );
    expect(f).toEqual({ month: '2026-03', trackedMembers: 2, dueFen: 4000, collectedFen: 4000, collectionRateBp: 10000, paidMembers: 2, unpaidMembers: 0, membersInArrears: 2, openArrearsCases: 0 });
  });

  it('nets a correction, excuses the months of an excused case, and stops arrears at dueUntil', () => {
    const records = [
      member('a'),
      base('a', 3000),
      pay('a', ['2026-02'], [3000]),
      pay('a', ['2026-02'], [-3000]),
      member('b'),
      base('b', 2500),
      { type: 'DuesArrearsCase', id: 'c1', data: { memberId: 'b', status: 'EXCUSED', fromMonth: '2026-01', toMonth: '2026-02' } },
      { type: 'DuesArrearsCase', id: 'c2', data: { memberId: 'a', status: 'OPEN', fromMonth: '2025-07', toMonth: '2025-12' } },
    ];
    expect(duesFigures(records, { month: '2026-02', dueUntil: '2026-02' })).toMatchObject({ dueFen: 5500, collectedFen: 0, collectionRateBp: 0, unpaidMembers: 1, membersInArrears: 1, openArrearsCases: 1 });
    // Nothing was due yet when the figures were taken: no one is in arrears.
    expect(duesFigures(records, { month: '2026-02', dueUntil: '2025-12' })).toMatchObject({ unpaidMembers: 1, membersInArrears: 0 });
  });

  it('a month with no checked base is unpaid until something is paid; tracking starts at joining', () => {
    const f = duesFigures(
      [member('a'), base('a', 3000, 'DECLARED'), member('b', { stage: 'PROBATIONARY', probationarySince: '2026-05-10', fullMemberSince: null }), base('b', 500)],
      { month: '2026-04', dueUntil: '2026-04' },
    );
    // a: no checked base, unpaid, nothing due counted; b joined in May: not tracked in April yet.
    expect(f).toEqual({ month: '2026-04', trackedMembers: 2, dueFen: 0, collectedFen: 0, collectionRateBp: null, paidMembers: 0, unpaidMembers: 1, membersInArrears: 1, openArrearsCases: 0 });
  });

  it('ignores dues records of members outside the inputs, and is the dues snapshot metric', () => {
    const records = [member('a'), base('a', 3000), base('z', 9000), pay('z', ['2026-01'], [9000])];
    expect(duesFigures(records, { month: '2026-01', dueUntil: '2026-01' })).toMatchObject({ trackedMembers: 1, dueFen: 3000, collectedFen: 0 });
    expect(computeSnapshotFiguresFromRecords('dues', { asOf: '2026-01-31', dueUntil: '2026-01' }, records)).toMatchObject({ month: '2026-01', dueFen: 3000 });
    expect(() => SNAPSHOT_METRICS.dues!.compute([], { asOf: '2026-01-31' })).toThrow(/several types/);
  });
});
