// A member's dues month by month, from their bases, approved hardship decisions, payments and
// decided arrears cases (the rules are @lianjian/rules/dues). Used by the statement, the payment
// checks, the arrears scan and the reports alike, so they can never disagree.
import type { DuesArrearsCase, DuesBase, DuesHardship, DuesPayment, Member, PrismaClient } from '@lianjian/db';
import { addMonthsYm, dueAfterHardship, isUnpaid, monthOf, monthRange, paidByMonth, type Fen, type YearMonth } from '@lianjian/rules/dues';
import { todayInChina } from '@lianjian/rules/dates';
import type { Context } from '../../shared/context.js';
import type { Tx } from '../../shared/records/write.js';

export interface MemberDuesData {
  bases: DuesBase[];
  hardships: DuesHardship[];
  payments: DuesPayment[];
  cases: DuesArrearsCase[];
}

export interface MonthLine {
  month: YearMonth;
  /** null: no base checked by the branch for the month's year. */
  dueFen: Fen | null;
  paidFen: Fen;
  excused: boolean;
  unpaid: boolean;
  hardship: 'REDUCTION' | 'EXEMPTION' | null;
}

type Db = PrismaClient | Tx;

/** Everything that decides the members' dues, one query per table. */
export async function loadDuesData(db: Db, memberIds: string[]): Promise<Map<string, MemberDuesData>> {
  const where = { memberId: { in: memberIds } };
  const [bases, hardships, payments, cases] = await Promise.all([
    db.duesBase.findMany({ where, orderBy: { year: 'asc' } }),
    db.duesHardship.findMany({ where: { ...where, status: 'APPROVED' } }),
    db.duesPayment.findMany({ where, orderBy: [{ paidOn: 'asc' }, { createdAt: 'asc' }] }),
    db.duesArrearsCase.findMany({ where, orderBy: { fromMonth: 'asc' } }),
  ]);
  const out = new Map<string, MemberDuesData>(memberIds.map((id) => [id, { bases: [], hardships: [], payments: [], cases: [] }]));
  for (const b of bases) out.get(b.memberId)!.bases.push(b);
  for (const h of hardships) out.get(h.memberId)!.hardships.push(h);
  for (const p of payments) out.get(p.memberId)!.payments.push(p);
  for (const c of cases) out.get(c.memberId)!.cases.push(c);
  return out;
}

export const thisMonth = (ctx: Context): YearMonth => monthOf(todayInChina(ctx.config.now()));
/** The last month whose dues are due: the one before this month. */
export const lastDueMonth = (ctx: Context): YearMonth => addMonthsYm(thisMonth(ctx), -1);

const isoMonth = (d: Date | null) => (d ? d.toISOString().slice(0, 7) : null);

/**
 * The first month a member's dues are tracked: January of their first declared base, or the month
 * they became a (probationary) member if later. Null: no base declared yet.
 */
export function trackingStart(member: Pick<Member, 'probationarySince' | 'fullMemberSince'>, data: MemberDuesData): YearMonth | null {
  const first = data.bases[0];
  if (!first) return null;
  const joined = isoMonth(member.probationarySince) ?? isoMonth(member.fullMemberSince);
  const start = `${first.year}-01`;
  return joined && joined > start ? joined : start;
}

export function dueFor(data: MemberDuesData, month: YearMonth): { dueFen: Fen | null; hardship: MonthLine['hardship'] } {
  const base = data.bases.find((b) => b.year === Number(month.slice(0, 4)) && b.status === 'CHECKED');
  const h = data.hardships.find((x) => x.fromMonth <= month && month <= x.toMonth) ?? null;
  const due = base ? base.monthlyDueFen : null;
  if (!h) return { dueFen: due, hardship: null };
  return { dueFen: dueAfterHardship(due ?? h.reducedFen ?? 0, h), hardship: h.kind };
}

export function monthLines(data: MemberDuesData, from: YearMonth, to: YearMonth): MonthLine[] {
  const paid = paidByMonth(data.payments);
  const excused = data.cases.filter((c) => c.status === 'EXCUSED');
  return monthRange(from, to).map((month) => {
    const { dueFen, hardship } = dueFor(data, month);
    const line = { month, dueFen, paidFen: paid.get(month) ?? 0, excused: excused.some((c) => c.fromMonth <= month && month <= c.toMonth), hardship };
    return { ...line, unpaid: isUnpaid(line) && !line.excused };
  });
}
