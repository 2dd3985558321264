// Dues (党费) in the browser and on the web server: money in fen (integers) written as yuan, yuan
// typed by a person read back into fen, months, and the member's recomputation of what they paid
// from their own proven payment entries. Written here, not imported from the API's rules: the
// point of the recomputation is that it does not take the API's word (or its code) for the sums.
import { proveEach } from './prove-each';

/** 150001 → '1,500.01'; -20 → '-0.20'. Integer arithmetic only. */
export function fenText(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const a = Math.abs(Math.trunc(fen));
  const yuan = String(Math.floor(a / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${yuan}.${String(a % 100).padStart(2, '0')}`;
}

/** 150001 → '1500.01' (no grouping): the value an amount field starts with. */
export function fenInput(fen: number): string {
  return fenText(fen).replace(/,/g, '');
}

const YUAN = /^(\d{1,8})(?:\.(\d{1,2}))?$/;

/** '30', '30.5', '3,000.01', '３０' → fen; null when not an amount with at most two decimals. */
export function parseYuan(text: string): number | null {
  // Full-width digits and separators from a Chinese input method read as their ASCII forms.
  const plain = text.trim().replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[,，\s]/g, '').replace(/^[¥￥]/, '');
  const m = YUAN.exec(plain);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

const YM = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isYearMonth(s: string): boolean {
  return YM.test(s);
}

/** The twelve months of a year. */
export function monthsOf(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

/** A year from the address (?year=), else the given default; only 2000–2100. */
export function yearParam(value: string | null, fallback: number): number {
  const y = Number(value);
  return value && /^\d{4}$/.test(value) && y >= 2000 && y <= 2100 ? y : fallback;
}

/** Months as a person reads a list of them: '2026-01–2026-03' when consecutive, else joined. */
export function monthsText(months: readonly string[], sep = '、'): string {
  if (months.length === 0) return '';
  const sorted = [...months].sort();
  const idx = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7));
  const consecutive = sorted.every((m, i) => i === 0 || idx(m) === idx(sorted[i - 1]!) + 1);
  if (sorted.length > 2 && consecutive) return `${sorted[0]}–${sorted.at(-1)}`;
  return sorted.join(sep);
}

// ── the member's recomputation ──────────────────────────────────────────────────────────────

export interface DuesEntry {
  id: string;
  version: number;
  bundle: unknown;
}

export interface DuesClaim {
  memberId: string;
  year: number;
  /** What the API says was paid for the year's months, net of corrections. */
  paidFen: number;
  /** What the API says was paid for each month. */
  months: Array<{ month: string; paidFen: number }>;
  entries: DuesEntry[];
}

export interface DuesRecomputed {
  /** The year's months paid, summed from proven entries only. */
  sumFen: number;
  proven: number;
  all: number;
  /** Entries left out: no bundle, a proof that fails, or a document not about this member. */
  unproven: string[];
  /** Months whose proven payments differ from what the API says. */
  monthsDiffering: string[];
  claimedFen: number;
  matches: boolean;
}

interface PaymentData {
  memberId?: unknown;
  months?: unknown;
  monthAmounts?: unknown;
  extraFen?: unknown;
  amountFen?: unknown;
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);

/**
 * The proven document's month amounts, when the document is a payment of this member whose
 * amounts add up (months distinct, one amount each, amounts + extra = total); else null.
 */
export function provenMonthAmounts(doc: { type: string; id: string; version: number; data: PaymentData }, entry: Pick<DuesEntry, 'id' | 'version'>, memberId: string): Map<string, number> | null {
  if (doc.type !== 'DuesPayment' || doc.id !== entry.id || doc.version !== entry.version || doc.data.memberId !== memberId) return null;
  const { months, monthAmounts, extraFen, amountFen } = doc.data;
  if (!Array.isArray(months) || !Array.isArray(monthAmounts) || months.length !== monthAmounts.length || months.length === 0) return null;
  if (!months.every((m) => typeof m === 'string' && isYearMonth(m)) || new Set(months).size !== months.length) return null;
  if (!monthAmounts.every(isInt) || !isInt(extraFen) || !isInt(amountFen)) return null;
  if (monthAmounts.reduce((a, b) => a + b, 0) + extraFen !== amountFen) return null;
  return new Map(months.map((m, i) => [m as string, monthAmounts[i] as number]));
}

/** Adds proven entries' month amounts per month of the year, and compares with the API's claim. */
export function sumProven(claim: DuesClaim, proven: Array<Map<string, number> | null>): DuesRecomputed {
  const byMonth = new Map<string, number>();
  proven.forEach((amounts) => {
    if (!amounts) return;
    for (const [m, fen] of amounts) if (m.startsWith(`${claim.year}-`)) byMonth.set(m, (byMonth.get(m) ?? 0) + fen);
  });
  const sumFen = [...byMonth.values()].reduce((a, b) => a + b, 0);
  const monthsDiffering = claim.months.filter((l) => (byMonth.get(l.month) ?? 0) !== l.paidFen).map((l) => l.month);
  const unproven = claim.entries.filter((_, i) => proven[i] === null).map((e) => e.id);
  return {
    sumFen,
    proven: proven.filter((p) => p !== null).length,
    all: claim.entries.length,
    unproven,
    monthsDiffering,
    claimedFen: claim.paidFen,
    matches: unproven.length === 0 && monthsDiffering.length === 0 && sumFen === claim.paidFen,
  };
}

/** Verifies every entry against the chain in the browser, then sums the proven ones. */
export async function recomputeDues(claim: DuesClaim, rpcUrl: string | null, onProgress?: (done: number) => void): Promise<DuesRecomputed> {
  const proven = await proveEach(claim.entries, rpcUrl, (bundle, e) => provenMonthAmounts(bundle.document as never, e, claim.memberId), onProgress);
  return sumProven(claim, proven);
}
