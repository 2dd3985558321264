import { describe, expect, it } from 'vitest';
import {
  addMonthsYm,
  allocate,
  applyRate,
  arrearsRuns,
  checkBase,
  collectionRateBp,
  dueAfterHardship,
  entryConsistent,
  formatFen,
  ledgerTotal,
  monthlyDue,
  monthRange,
  monthsUnpaid,
  paidByMonth,
  parseYuan,
  unpaidRuns,
  type MonthState,
} from './dues.js';

const inWork = (yuan: string) => monthlyDue({ category: 'IN_WORK', baseFen: parseYuan(yuan)! });
const retired = (yuan: string) => monthlyDue({ category: 'RETIRED', baseFen: parseYuan(yuan)! });

describe('rate table (in work), every bound inclusive below', () => {
  it.each([
    ['0', 50, 0],
    ['3000.00', 50, 1500], // 0.5 % of 3,000 = 15.00
    ['3000.01', 100, 3000], // 1 % of 3,000.01 = 30.0001 → 30.00
    ['5000', 100, 5000],
    ['5000.01', 150, 7500], // 1.5 % of 5,000.01 = 75.00015 → 75.00
    ['10000', 150, 15000],
    ['10000.01', 200, 20000], // 2 % of 10,000.01 = 200.0002 → 200.00
    ['25000', 200, 50000],
  ])('base %s yuan → %i bp, %i fen', (base, rateBp, dueFen) => {
    expect(inWork(base)).toEqual({ rateBp, dueFen });
  });
  it('OTHER uses the in-work table on its declared income', () => {
    expect(monthlyDue({ category: 'OTHER', baseFen: 300_001 })).toEqual({ rateBp: 100, dueFen: 3000 });
  });
});

describe('rate table (retired)', () => {
  it.each([
    ['3000', 50, 1500],
    ['5000', 50, 2500], // the retired 5,000 bound: still 0.5 %
    ['5000.01', 100, 5000], // 50.0001 → 50.00
    ['8000', 100, 8000],
  ])('base %s yuan → %i bp, %i fen', (base, rateBp, dueFen) => {
    expect(retired(base)).toEqual({ rateBp, dueFen });
  });
});

describe('fixed amounts', () => {
  it('farmers pay 0.2–1 yuan as set; students, the unemployed and those on allowance 0.2 yuan', () => {
    expect(monthlyDue({ category: 'FARMER', fixedFen: 20 })).toEqual({ dueFen: 20, rateBp: null });
    expect(monthlyDue({ category: 'FARMER', fixedFen: 100 })).toEqual({ dueFen: 100, rateBp: null });
    expect(monthlyDue({ category: 'LOW_INCOME' })).toEqual({ dueFen: 20, rateBp: null });
  });
  it('refuses out-of-range and misplaced fields', () => {
    const fields = (b: Parameters<typeof checkBase>[0]) => checkBase(b).map((e) => e.field);
    expect(fields({ category: 'FARMER', fixedFen: 19 })).toEqual(['input.fixedFen']);
    expect(fields({ category: 'FARMER', fixedFen: 101 })).toEqual(['input.fixedFen']);
    expect(fields({ category: 'FARMER' })).toEqual(['input.fixedFen']);
    expect(fields({ category: 'LOW_INCOME', fixedFen: 10 })).toEqual(['input.fixedFen']);
    expect(fields({ category: 'LOW_INCOME', baseFen: 100 })).toEqual(['input.baseFen']);
    expect(fields({ category: 'IN_WORK' })).toEqual(['input.baseFen']);
    expect(fields({ category: 'IN_WORK', baseFen: -1 })).toEqual(['input.baseFen']);
    expect(fields({ category: 'IN_WORK', baseFen: 1.5 })).toEqual(['input.baseFen']);
    expect(fields({ category: 'IN_WORK', baseFen: 100, fixedFen: 20 })).toEqual(['input.fixedFen']);
    expect(fields({ category: 'NOBLE' as never })).toEqual(['input.category']);
    expect(() => monthlyDue({ category: 'IN_WORK', baseFen: -5 })).toThrow(RangeError);
  });
});

describe('rounding half up to the fen, in integers', () => {
  it('rounds .5 fen up and below .5 down', () => {
    expect(applyRate(100, 50)).toBe(1); // 0.5 fen → 1
    expect(applyRate(99, 50)).toBe(0); // 0.495 fen → 0
    expect(applyRate(300_100, 50)).toBe(1501); // 1500.5 → 1501
    expect(applyRate(300_099, 50)).toBe(1500); // 1500.495 → 1500
    expect(applyRate(100_030, 150)).toBe(1500); // 1500.45 → 1500
    expect(applyRate(100_034, 150)).toBe(1501); // 1500.51 → 1501
    expect(applyRate(1_234_567, 200)).toBe(24691); // 24691.34
    expect(applyRate(1_234_575, 200)).toBe(24692); // 24691.5 → 24692
  });
  it('stays exact where floating point would not ', () => {
    // 2 % of 7.25 yuan = 14.5 fen: in floating point 7.25 × 0.02 × 100 is 14.4999… and rounds down.
    expect(Math.round(7.25 * 0.02 * 100)).toBe(14);
    expect(applyRate(725, 200)).toBe(15);
  });
  it('refuses non-integers and negatives', () => {
    expect(() => applyRate(10.5, 50)).toThrow(RangeError);
    expect(() => applyRate(100, 1.5)).toThrow(RangeError);
  });
});

describe('money as text', () => {
  it('parses yuan without floating point and formats fen', () => {
    expect(parseYuan('3000')).toBe(300_000);
    expect(parseYuan('3,000.01')).toBe(300_001);
    expect(parseYuan('0.5')).toBe(50);
    expect(parseYuan('1.234')).toBeNull();
    expect(parseYuan('-1')).toBeNull();
    expect(parseYuan('abc')).toBeNull();
    expect(formatFen(150_001)).toBe('1500.01');
    expect(formatFen(20)).toBe('0.20');
    expect(formatFen(-3000)).toBe('-30.00');
  });
});

describe('hardship', () => {
  it('an exemption makes the month free; a reduction lowers it, never raises it', () => {
    expect(dueAfterHardship(3000, { kind: 'EXEMPTION', reducedFen: null })).toBe(0);
    expect(dueAfterHardship(3000, { kind: 'REDUCTION', reducedFen: 500 })).toBe(500);
    expect(dueAfterHardship(300, { kind: 'REDUCTION', reducedFen: 500 })).toBe(300);
    expect(dueAfterHardship(3000, null)).toBe(3000);
  });
});

describe('payments', () => {
  it('allocates each month its due and the rest as a voluntary extra; refuses too little', () => {
    expect(allocate([1500, 1500, 1500], 5000)).toEqual({ monthAmounts: [1500, 1500, 1500], extraFen: 500 });
    expect(allocate([1500, 1500], 2999)).toEqual({ shortFen: 1 });
  });
  it('recomputes totals and per-month amounts from entries, corrections included', () => {
    const pay = { months: ['2026-01', '2026-02'], monthAmounts: [1500, 1500], extraFen: 100, amountFen: 3100 };
    const reversal = { months: ['2026-01', '2026-02'], monthAmounts: [-1500, -1500], extraFen: -100, amountFen: -3100 };
    const again = { months: ['2026-01'], monthAmounts: [1500], extraFen: 0, amountFen: 1500 };
    expect([pay, reversal, again].every(entryConsistent)).toBe(true);
    expect(entryConsistent({ ...pay, amountFen: 3000 })).toBe(false);
    expect(entryConsistent({ ...pay, months: ['2026-01', '2026-01'] })).toBe(false);
    expect(ledgerTotal([pay, reversal, again])).toBe(1500);
    expect([...paidByMonth([pay, reversal, again])]).toEqual([
      ['2026-01', 1500],
      ['2026-02', 0],
    ]);
  });
});

describe('months and arrears', () => {
  const states = (dues: (number | null)[], paid: number[], excused: number[] = []): MonthState[] =>
    monthRange('2025-09', addMonthsYm('2025-09', dues.length - 1)).map((month, i) => ({ month, dueFen: dues[i]!, paidFen: paid[i]!, excused: excused.includes(i) }));

  it('counts months across years', () => {
    expect(monthRange('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthRange('2026-02', '2026-01')).toEqual([]);
    expect(addMonthsYm('2026-01', -1)).toBe('2025-12');
  });
  it('six consecutive unpaid months raise a case; five do not', () => {
    const five = states([1500, 1500, 1500, 1500, 1500, 1500, 1500], [1500, 0, 0, 0, 0, 0, 1500]);
    expect(unpaidRuns(five)).toEqual([{ from: '2025-10', to: '2026-02', months: 5 }]);
    expect(arrearsRuns(five)).toEqual([]);
    const six = states([1500, 1500, 1500, 1500, 1500, 1500, 1500], [0, 0, 0, 0, 0, 0, 1500]);
    expect(arrearsRuns(six)).toEqual([{ from: '2025-09', to: '2026-02', months: 6 }]);
    expect(monthsUnpaid(six)).toBe(6);
  });
  it('a partly paid month is unpaid; an exempt month or a recorded reason breaks the run', () => {
    expect(arrearsRuns(states([1500, 1500, 1500, 1500, 1500, 1500], [1499, 0, 0, 0, 0, 0]))).toHaveLength(1);
    expect(arrearsRuns(states([1500, 1500, 0, 1500, 1500, 1500, 1500], [0, 0, 0, 0, 0, 0, 0]))).toEqual([]);
    expect(arrearsRuns(states([1500, 1500, 1500, 1500, 1500, 1500], [0, 0, 0, 0, 0, 0], [2]))).toEqual([]);
  });
  it('a month without a checked base is unpaid only when nothing was paid', () => {
    expect(arrearsRuns(states([null, null, null, null, null, null], [0, 0, 0, 0, 0, 0]))).toHaveLength(1);
    expect(arrearsRuns(states([null, null, null, null, null, null], [0, 0, 20, 0, 0, 0]))).toEqual([]);
  });
  it('collection rate in basis points, capped at the due', () => {
    expect(collectionRateBp(3000, 1500)).toBe(5000);
    expect(collectionRateBp(3000, 3000)).toBe(10000);
    expect(collectionRateBp(3, 1)).toBe(3333);
    expect(collectionRateBp(0, 0)).toBeNull();
  });
});
