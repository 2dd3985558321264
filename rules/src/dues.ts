// Dues (党费), after the Party's dues rules (2008). Pure: no database, no clock.
//
// Money is in fen (分), integers only; yuan appear only as text (parseYuan, formatFen). The base is
// the member's monthly income, declared once a year. In work (and OTHER, e.g. 灵活就业, on their
// declared income): ≤ 3,000 yuan 0.5 %; > 3,000 to 5,000 1 %; > 5,000 to 10,000 1.5 %; > 10,000 2 %
// — each bound belongs to the bracket below it. Retired: ≤ 5,000 0.5 %; > 5,000 1 %. Farmers: a fixed
// 0.2–1 yuan a month, set by the branch. Students, the unemployed and those on minimum living
// allowance (LOW_INCOME): 0.2 yuan a month. The rate applied to the base is rounded half up to the fen.
// A hardship reduction or exemption (branch decision, higher approval) replaces the amount for its
// months; paying more is allowed (the surplus is a voluntary extra). Six consecutive months unpaid
// without a recorded reason raise an arrears case (constitution art. 9): the system raises it,
// people decide.

export type Fen = number;
/** A calendar month, 'YYYY-MM'. */
export type YearMonth = string;

export const DUES_CATEGORIES = ['IN_WORK', 'RETIRED', 'FARMER', 'LOW_INCOME', 'OTHER'] as const;
export type DuesCategory = (typeof DUES_CATEGORIES)[number];

export const CATEGORY_ZH: Record<DuesCategory, string> = {
  IN_WORK: '在职',
  RETIRED: '离退休',
  FARMER: '农民',
  LOW_INCOME: '学生、下岗失业、领取最低生活保障金',
  OTHER: '其他（按收入）',
};

/** Rates in basis points (1 bp = 0.01 %); `upToFen` is the bracket's inclusive upper bound. */
export interface Bracket {
  upToFen: Fen | null;
  rateBp: number;
}

export const RATE_TABLE: Readonly<Record<'IN_WORK' | 'RETIRED', readonly Bracket[]>> = {
  IN_WORK: [
    { upToFen: 300_000, rateBp: 50 },
    { upToFen: 500_000, rateBp: 100 },
    { upToFen: 1_000_000, rateBp: 150 },
    { upToFen: null, rateBp: 200 },
  ],
  RETIRED: [
    { upToFen: 500_000, rateBp: 50 },
    { upToFen: null, rateBp: 100 },
  ],
};

export const FARMER_MIN_FEN = 20;
export const FARMER_MAX_FEN = 100;
export const LOW_INCOME_FEN = 20;
/** A base above 10 million yuan a month is a typing error; every amount fits a 32-bit column. */
export const MAX_BASE_FEN = 1_000_000_000;
export const ARREARS_MONTHS = 6;

export interface FieldError {
  field: string;
  message: string;
  messageZh: string;
}

export function isFen(v: unknown): v is Fen {
  return typeof v === 'number' && Number.isSafeInteger(v);
}

/** `base × rateBp / 10 000`, rounded half up to the fen, in integers. */
export function applyRate(baseFen: Fen, rateBp: number): Fen {
  if (!isFen(baseFen) || baseFen < 0 || baseFen > MAX_BASE_FEN) throw new RangeError(`base must be 0…${MAX_BASE_FEN} fen, got ${baseFen}`);
  if (!Number.isInteger(rateBp) || rateBp < 0) throw new RangeError(`rate must be whole basis points, got ${rateBp}`);
  return Math.floor((2 * baseFen * rateBp + 10_000) / 20_000);
}

export function rateFor(category: 'IN_WORK' | 'RETIRED' | 'OTHER', baseFen: Fen): number {
  const table = RATE_TABLE[category === 'OTHER' ? 'IN_WORK' : category];
  return table.find((b) => b.upToFen === null || baseFen <= b.upToFen)!.rateBp;
}

export interface BaseInput {
  category: DuesCategory;
  /** Monthly income in fen: IN_WORK, RETIRED, OTHER. */
  baseFen?: Fen | null;
  /** The fixed monthly amount: FARMER (20–100 fen). */
  fixedFen?: Fen | null;
}

export interface MonthlyDue {
  dueFen: Fen;
  /** Basis points applied to the base; null for a fixed amount. */
  rateBp: number | null;
}

/** What is wrong with a base declaration (fields `baseFen`, `fixedFen`), or []. */
export function checkBase(b: BaseInput, prefix = 'input.'): FieldError[] {
  const errs: FieldError[] = [];
  const add = (f: string, message: string, messageZh: string) => errs.push({ field: prefix + f, message, messageZh });
  if (!(DUES_CATEGORIES as readonly string[]).includes(b.category)) {
    add('category', `must be one of ${DUES_CATEGORIES.join(', ')}.`, `类别须为 ${DUES_CATEGORIES.join('、')} 之一。`);
    return errs;
  }
  const rated = b.category === 'IN_WORK' || b.category === 'RETIRED' || b.category === 'OTHER';
  if (rated) {
    if (b.baseFen == null) add('baseFen', 'is required for this category: the monthly income in fen.', '该类别须填写月收入基数（单位：分）。');
    else if (!isFen(b.baseFen) || b.baseFen < 0 || b.baseFen > MAX_BASE_FEN) add('baseFen', `must be a whole number of fen from 0 to ${MAX_BASE_FEN}.`, `基数须为 0 至 ${MAX_BASE_FEN} 之间的整数（单位：分）。`);
    if (b.fixedFen != null) add('fixedFen', 'applies to farmers only; this category pays a rate of its base.', '固定金额只适用于农民党员，该类别按基数比例交纳。');
  } else {
    if (b.baseFen != null) add('baseFen', 'does not apply: this category pays a fixed amount.', '该类别按固定金额交纳，无需填写基数。');
    if (b.category === 'FARMER') {
      if (b.fixedFen == null || !isFen(b.fixedFen) || b.fixedFen < FARMER_MIN_FEN || b.fixedFen > FARMER_MAX_FEN) {
        add('fixedFen', `must be ${FARMER_MIN_FEN}–${FARMER_MAX_FEN} fen (0.2–1 yuan) a month for a farmer.`, '农民党员每月交纳 0.2 元至 1 元（20 至 100 分）。');
      }
    } else if (b.fixedFen != null && b.fixedFen !== LOW_INCOME_FEN) {
      add('fixedFen', `is ${LOW_INCOME_FEN} fen (0.2 yuan) for this category; a lower amount needs a hardship decision.`, '该类别每月交纳 0.2 元（20 分）；减免须经支部讨论和上级批准。');
    }
  }
  return errs;
}

/** The monthly due of a (valid) base. */
export function monthlyDue(b: BaseInput): MonthlyDue {
  const errs = checkBase(b);
  if (errs.length) throw new RangeError(errs.map((e) => `${e.field} ${e.message}`).join(' '));
  switch (b.category) {
    case 'FARMER':
      return { dueFen: b.fixedFen!, rateBp: null };
    case 'LOW_INCOME':
      return { dueFen: LOW_INCOME_FEN, rateBp: null };
    default: {
      const rateBp = rateFor(b.category, b.baseFen!);
      return { dueFen: applyRate(b.baseFen!, rateBp), rateBp };
    }
  }
}

export type HardshipKind = 'REDUCTION' | 'EXEMPTION';

/** The month's due after an approved hardship decision (a reduction never raises it). */
export function dueAfterHardship(dueFen: Fen, hardship: { kind: HardshipKind; reducedFen: Fen | null } | null): Fen {
  if (!hardship) return dueFen;
  if (hardship.kind === 'EXEMPTION') return 0;
  return Math.min(dueFen, hardship.reducedFen ?? dueFen);
}

// ── money as text ─────────────────────────────────────────────────────────────────────────────

const YUAN = /^(\d{1,9})(?:\.(\d{1,2}))?$/;

/** '3000', '3000.5', '3,000.01' → fen; null when not an amount with at most two decimals. */
export function parseYuan(text: string): Fen | null {
  const m = YUAN.exec(text.trim().replace(/[,，]/g, ''));
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** 150001 → '1500.01'; -20 → '-0.20'. */
export function formatFen(fen: Fen): string {
  const sign = fen < 0 ? '-' : '';
  const a = Math.abs(fen);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

// ── months ────────────────────────────────────────────────────────────────────────────────────

const YM = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isYearMonth(s: string): boolean {
  return YM.test(s);
}

function ymIndex(m: YearMonth): number {
  const x = YM.exec(m);
  if (!x) throw new RangeError(`not a month (YYYY-MM): ${JSON.stringify(m)}`);
  return Number(x[1]) * 12 + Number(x[2]) - 1;
}

function ymOf(i: number): YearMonth {
  return `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;
}

export function addMonthsYm(m: YearMonth, n: number): YearMonth {
  return ymOf(ymIndex(m) + n);
}

/** The month of an ISO date 'YYYY-MM-DD'. */
export function monthOf(isoDate: string): YearMonth {
  return isoDate.slice(0, 7);
}

/** Every month from `from` to `to`, both included ([] when `to` is earlier). */
export function monthRange(from: YearMonth, to: YearMonth): YearMonth[] {
  const out: YearMonth[] = [];
  for (let i = ymIndex(from); i <= ymIndex(to); i++) out.push(ymOf(i));
  return out;
}

// ── payments ──────────────────────────────────────────────────────────────────────────────────

/** A payment as its record holds it: the months it pays and the amount allocated to each. */
export interface PaymentEntry {
  months: YearMonth[];
  monthAmounts: Fen[];
  extraFen: Fen;
  amountFen: Fen;
}

export interface Allocation {
  monthAmounts: Fen[];
  extraFen: Fen;
}

/** Splits a payment over its months: each month gets its due, the rest is a voluntary extra. */
export function allocate(dues: Fen[], amountFen: Fen): Allocation | { shortFen: Fen } {
  const total = dues.reduce((a, b) => a + b, 0);
  if (amountFen < total) return { shortFen: total - amountFen };
  return { monthAmounts: [...dues], extraFen: amountFen - total };
}

/** The total of a member's entries (a correction is a negative entry): what the member recomputes. */
export function ledgerTotal(entries: Pick<PaymentEntry, 'amountFen'>[]): Fen {
  return entries.reduce((a, e) => a + e.amountFen, 0);
}

/** Whether an entry is consistent: amounts add up, one amount per month, months distinct. */
export function entryConsistent(e: PaymentEntry): boolean {
  if (e.months.length !== e.monthAmounts.length || new Set(e.months).size !== e.months.length) return false;
  if (![e.extraFen, e.amountFen, ...e.monthAmounts].every(isFen)) return false;
  return e.monthAmounts.reduce((a, b) => a + b, 0) + e.extraFen === e.amountFen;
}

/** Net amount paid per month over all entries. */
export function paidByMonth(entries: PaymentEntry[]): Map<YearMonth, Fen> {
  const out = new Map<YearMonth, Fen>();
  for (const e of entries) e.months.forEach((m, i) => out.set(m, (out.get(m) ?? 0) + e.monthAmounts[i]!));
  return out;
}

// ── arrears ───────────────────────────────────────────────────────────────────────────────────

export interface MonthState {
  month: YearMonth;
  /** null: no checked base for the month's year yet. */
  dueFen: Fen | null;
  paidFen: Fen;
  /** A recorded reason covers the month (an excused arrears case). */
  excused: boolean;
}

/** Unpaid: nothing paid when no due is set, less than the due otherwise; an exempt month (due 0) is never unpaid. */
export function isUnpaid(s: MonthState): boolean {
  if (s.dueFen === null) return s.paidFen <= 0;
  return s.dueFen > 0 && s.paidFen < s.dueFen;
}

export interface Run {
  from: YearMonth;
  to: YearMonth;
  months: number;
}

/** Runs of consecutive months unpaid without a recorded reason (input in month order, gapless). */
export function unpaidRuns(states: MonthState[]): Run[] {
  const runs: Run[] = [];
  let cur: Run | null = null;
  let prev: YearMonth | null = null;
  for (const s of states) {
    const contiguous = prev !== null && addMonthsYm(prev, 1) === s.month;
    if (cur && !contiguous) cur = null;
    if (isUnpaid(s) && !s.excused) {
      if (cur) {
        cur.to = s.month;
        cur.months++;
      } else {
        cur = { from: s.month, to: s.month, months: 1 };
        runs.push(cur);
      }
    } else cur = null;
    prev = s.month;
  }
  return runs;
}

/** Runs long enough (six months) to raise an arrears case. */
export function arrearsRuns(states: MonthState[], min = ARREARS_MONTHS): Run[] {
  return unpaidRuns(states).filter((r) => r.months >= min);
}

export function monthsUnpaid(states: MonthState[]): number {
  return states.filter((s) => isUnpaid(s) && !s.excused).length;
}

/** Collection rate in basis points of the due (10 000 = 100 %), rounded down; null when nothing was due. */
export function collectionRateBp(dueFen: Fen, paidFen: Fen): number | null {
  if (dueFen <= 0) return null;
  return Math.floor((Math.min(paidFen, dueFen) * 10_000) / dueFen);
}
