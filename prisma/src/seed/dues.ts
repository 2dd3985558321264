// Demo dues (党费) of one branch for the seed's year (the year of the day before BASE_DATE): a
// checked base per member, payments of one to three months at a time, a few members falling
// behind (six months or more raise an OPEN arrears case), an approved exemption in every fourth
// branch, and the branch's monthly remittances to its general branch (confirmed but the last).
// Its own random stream, so the other tables' rows stay as they were.
import { addMonthsYm, monthlyDue, monthRange, type DuesCategory } from '@lianjian/rules/dues';
import { addDays, atOfficeHours, BASE_DATE } from './dates.js';
import type { BranchPlan } from './org.js';
import { Prng } from './prng.js';
import type { Sink } from './sink.js';

export interface DuesMember {
  id: string;
  unitId: string;
  status: string;
  probationarySince: Date | null;
}

const LAST_DAY = addDays(BASE_DATE, -1);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const day = (s: string) => new Date(`${s}T00:00:00.000Z`);

function category(rng: Prng): { category: DuesCategory; baseFen: number | null; fixedFen: number | null } {
  const r = rng.float();
  if (r < 0.7) return { category: 'IN_WORK', baseFen: rng.int(200_000, 2_000_000), fixedFen: null };
  if (r < 0.9) return { category: 'RETIRED', baseFen: rng.int(150_000, 800_000), fixedFen: null };
  if (r < 0.95) return { category: 'FARMER', baseFen: null, fixedFen: rng.int(20, 100) };
  return { category: 'LOW_INCOME', baseFen: null, fixedFen: 20 };
}

export function seedDues(seed: string | number, sink: Sink, b: BranchPlan, members: DuesMember[]): void {
  const rng = new Prng(seed, `dues:${b.index}`);
  const year = LAST_DAY.getUTCFullYear();
  const lastDue = addMonthsYm(iso(LAST_DAY).slice(0, 7), -1);
  const eligible = members.filter((m) => m.status === 'ACTIVE' && m.probationarySince && m.probationarySince.getTime() <= LAST_DAY.getTime());
  const byMonth = new Map<string, { amount: number; payments: number; members: Set<string> }>();
  eligible.forEach((m, i) => {
    const c = category(rng);
    const due = monthlyDue(c);
    sink.record(
      'DuesBase',
      { id: rng.uuid(), orgUnitId: m.unitId, memberId: m.id, year, ...c, rateBp: due.rateBp, monthlyDueFen: due.dueFen, status: 'CHECKED', declaredById: null, checkedById: null, checkedOn: day(`${year}-01-15`) },
      atOfficeHours(day(`${year}-01-15`), rng.int(0, 480), rng.int(0, 999)),
    );
    const joined = iso(m.probationarySince!).slice(0, 7);
    const start = joined > `${year}-01` ? joined : `${year}-01`;
    if (b.index % 4 === 0 && i === 0) {
      sink.record(
        'DuesHardship',
        { id: rng.uuid(), orgUnitId: m.unitId, memberId: m.id, kind: 'EXEMPTION', reducedFen: null, fromMonth: `${year}-01`, toMonth: `${year}-12`, reason: '因病长期住院，家庭生活困难', branchDecision: `支部委员会 ${year}-01-10 决定`, status: 'APPROVED', proposedById: null, approvedById: null, decidedOn: day(`${year}-01-20`), decisionNote: '同意免交' },
        atOfficeHours(day(`${year}-01-20`), rng.int(0, 480), rng.int(0, 999)),
      );
      return;
    }
    // Most pay up to last month; some stop early (every tenth branch's last member pays nothing).
    const behind = (b.index % 10 === 0 && i === eligible.length - 1) || rng.chance(0.05);
    const paidUntil = behind ? addMonthsYm(start, rng.int(-1, 3)) : lastDue;
    let month = start;
    while (month <= paidUntil) {
      const months = monthRange(month, [addMonthsYm(month, rng.int(0, 2)), paidUntil].sort()[0]!);
      const extra = rng.chance(0.05) ? rng.int(1, 50) * 100 : 0;
      const paidOn = [addDays(day(`${addMonthsYm(months.at(-1)!, 1)}-01`), rng.int(0, 20)), LAST_DAY].sort((x, y) => x.getTime() - y.getTime())[0]!;
      const amount = due.dueFen * months.length + extra;
      sink.record(
        'DuesPayment',
        { id: rng.uuid(), orgUnitId: m.unitId, memberId: m.id, months, monthAmounts: months.map(() => due.dueFen), extraFen: extra, amountFen: amount, method: rng.chance(0.5) ? 'ONLINE' : 'CASH', reference: null, paidOn, receiptNo: `DF${iso(paidOn).replace(/-/g, '')}-${rng.bytes(6).toString('hex').toUpperCase()}`, correctsId: null, reason: null, recordedById: null },
        atOfficeHours(paidOn, rng.int(0, 480), rng.int(0, 999)),
      );
      const key = iso(paidOn).slice(0, 7);
      const t = byMonth.get(key) ?? { amount: 0, payments: 0, members: new Set<string>() };
      t.amount += amount;
      t.payments++;
      t.members.add(m.id);
      byMonth.set(key, t);
      month = addMonthsYm(months.at(-1)!, 1);
    }
    const unpaid = monthRange(month, lastDue);
    if (unpaid.length >= 6) {
      sink.record(
        'DuesArrearsCase',
        { id: rng.uuid(), orgUnitId: m.unitId, memberId: m.id, fromMonth: unpaid[0]!, toMonth: unpaid.at(-1)!, months: unpaid.length, status: 'OPEN', decisionReason: null, decidedById: null, decidedOn: null },
        atOfficeHours(LAST_DAY, rng.int(0, 480), rng.int(0, 999)),
      );
    }
  });
  const months = [...byMonth.keys()].sort();
  for (const [k, t] of [...byMonth.entries()].sort()) {
    const last = k === months.at(-1);
    const on = [day(`${addMonthsYm(k, 1)}-05`), LAST_DAY].sort((x, y) => x.getTime() - y.getTime())[0]!;
    sink.record(
      'DuesRemittance',
      { id: rng.uuid(), orgUnitId: b.id, toUnitId: b.parentId!, month: k, paymentCount: t.payments, memberCount: t.members.size, amountFen: t.amount, status: last ? 'SUBMITTED' : 'CONFIRMED', submittedById: null, confirmedById: null, confirmedOn: last ? null : on, receiptNo: last ? null : `SJ-${k}-${b.no}` },
      atOfficeHours(on, rng.int(0, 480), rng.int(0, 999)),
    );
  }
}
