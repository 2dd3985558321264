// The dues helpers the pages and the member's recomputation rest on: fen written as yuan and read
// back, and the sum of proven payment documents compared with what the API claims.
import { describe, expect, it } from 'vitest';
import { fenInput, fenText, monthsText, parseYuan, provenMonthAmounts, sumProven, yearParam, type DuesClaim } from '../app/lib/dues';

describe('money in fen', () => {
  it('writes fen as yuan with integers only', () => {
    expect(fenText(150001)).toBe('1,500.01');
    expect(fenText(-20)).toBe('-0.20');
    expect(fenText(0)).toBe('0.00');
    expect(fenInput(300001)).toBe('3000.01');
  });

  it('reads yuan typed by a person, refusing anything else', () => {
    expect(parseYuan('30')).toBe(3000);
    expect(parseYuan('30.5')).toBe(3050);
    expect(parseYuan(' 3,000.01 ')).toBe(300001);
    expect(parseYuan('３０．５０')).toBe(3050);
    expect(parseYuan('¥0.2')).toBe(20);
    // 0.1 + 0.2 in floating point is not 0.3: the parse never goes through a float.
    expect(parseYuan('0.29')).toBe(29);
    for (const bad of ['', '30.501', '-5', '3e2', 'abc', '1.', '.5']) expect(parseYuan(bad), bad).toBeNull();
  });

  it('reads the year from the address within bounds', () => {
    expect(yearParam('2025', 2026)).toBe(2025);
    expect(yearParam('1999', 2026)).toBe(2026);
    expect(yearParam('20x5', 2026)).toBe(2026);
    expect(yearParam(null, 2026)).toBe(2026);
  });

  it('writes a run of months as a range', () => {
    expect(monthsText(['2026-03', '2026-01', '2026-02'])).toBe('2026-01–2026-03');
    expect(monthsText(['2026-01', '2026-03'])).toBe('2026-01、2026-03');
  });
});

describe('the member’s recomputation from proven entries', () => {
  const member = 'm-1';
  const doc = (id: string, data: Record<string, unknown>) => ({ type: 'DuesPayment', id, version: 1, data: { memberId: member, ...data } });
  const pay = doc('p1', { months: ['2026-01', '2026-02'], monthAmounts: [3000, 3000], extraFen: 500, amountFen: 6500 });
  const reversal = doc('p2', { months: ['2026-01', '2026-02'], monthAmounts: [-3000, -3000], extraFen: -500, amountFen: -6500 });
  const again = doc('p3', { months: ['2025-12', '2026-01'], monthAmounts: [3000, 3000], extraFen: 0, amountFen: 6000 });

  it('takes month amounts only from a consistent payment document of this member', () => {
    expect(provenMonthAmounts(pay, { id: 'p1', version: 1 }, member)).toEqual(new Map([['2026-01', 3000], ['2026-02', 3000]]));
    expect(provenMonthAmounts(pay, { id: 'p1', version: 1 }, 'someone else')).toBeNull();
    expect(provenMonthAmounts(pay, { id: 'p9', version: 1 }, member)).toBeNull();
    expect(provenMonthAmounts({ ...pay, type: 'PointsEntry' }, { id: 'p1', version: 1 }, member)).toBeNull();
    // Amounts that do not add up to the total are not a payment to count.
    expect(provenMonthAmounts(doc('p1', { months: ['2026-01'], monthAmounts: [3000], extraFen: 0, amountFen: 2000 }), { id: 'p1', version: 1 }, member)).toBeNull();
    expect(provenMonthAmounts(doc('p1', { months: ['2026-01', '2026-01'], monthAmounts: [1, 1], extraFen: 0, amountFen: 2 }), { id: 'p1', version: 1 }, member)).toBeNull();
  });

  const entries = [pay, reversal, again].map((d) => ({ id: d.id, version: 1, bundle: {} }));
  const amounts = [pay, reversal, again].map((d) => provenMonthAmounts(d, { id: d.id, version: 1 }, member));
  const claim = (paidFen: number, jan = 3000): DuesClaim => ({
    memberId: member,
    year: 2026,
    paidFen,
    months: [{ month: '2026-01', paidFen: jan }, { month: '2026-02', paidFen: 0 }],
    entries,
  });

  it('adds the year’s months of proven entries, a correction netting out its original', () => {
    const r = sumProven(claim(3000), amounts);
    // 2025-12 belongs to another year; the reversal cancels p1 (extras are not dues paid).
    expect(r).toMatchObject({ sumFen: 3000, proven: 3, all: 3, unproven: [], monthsDiffering: [], matches: true });
  });

  it('refutes a claim the proofs do not bear out, and names the months', () => {
    expect(sumProven(claim(6000, 6000), amounts)).toMatchObject({ sumFen: 3000, matches: false, monthsDiffering: ['2026-01'] });
  });

  it('does not match while an entry is unproven, even when the sum happens to agree', () => {
    const r = sumProven(claim(3000), [amounts[0]!, amounts[1]!, null]);
    expect(r.unproven).toEqual(['p3']);
    expect(r.matches).toBe(false);
  });
});
