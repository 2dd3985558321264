// Dues (党费) figures of a month over a subtree, as a pure function of record documents: the
// subtree's Member records and the DuesBase, DuesHardship, DuesPayment and DuesArrearsCase records
// of those members. The API's dues summary (the leadership dashboard) and a published `dues`
// snapshot are both computed here, and a verifier recomputes the snapshot with the same code, so
// the three cannot disagree. The month-by-month rules follow @lianjian/rules/dues (rates are not
// needed: a base record carries its monthly due); they are restated here because this library is
// used on its own by partners and in the browser. Amounts are integer fen.

/** A record as a figure function reads it: type and id from the document's envelope, and its data. */
export interface SnapshotRecord {
  type: string;
  id: string;
  data: Record<string, unknown>;
}

export const DUES_INPUT_TYPES = ['DuesArrearsCase', 'DuesBase', 'DuesHardship', 'DuesPayment', 'Member'] as const;

export interface DuesFigures {
  /** The month, YYYY-MM. */
  month: string;
  /** Probationary and full members with a declared base. */
  trackedMembers: number;
  dueFen: number;
  /** Paid against the month's dues, each member at most their due. */
  collectedFen: number;
  /** Basis points (10 000 = 100 %), rounded down; null when nothing was due. */
  collectionRateBp: number | null;
  /** Paid the month in full; exempt and excused members count in neither. */
  paidMembers: number;
  unpaidMembers: number;
  /** Members with any unpaid month of the month's year, up to `dueUntil`. */
  membersInArrears: number;
  openArrearsCases: number;
}

/** What decides a month's figures besides the records. */
export interface DuesParams {
  /** The month, YYYY-MM. */
  month: string;
  /** The last month whose dues were due when the figures were taken (the month before "now"). */
  dueUntil: string;
}

const YM = /^(\d{4})-(0[1-9]|1[0-2])$/;

function ymIndex(m: string): number {
  const x = YM.exec(m);
  if (!x) throw new RangeError(`not a month (YYYY-MM): ${JSON.stringify(m)}`);
  return Number(x[1]) * 12 + Number(x[2]) - 1;
}

const ymOf = (i: number) => `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;

function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let i = ymIndex(from); i <= ymIndex(to); i++) out.push(ymOf(i));
  return out;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const int = (v: unknown): number | null => (typeof v === 'number' && Number.isSafeInteger(v) ? v : null);

interface Base {
  year: number;
  checked: boolean;
  monthlyDueFen: number;
}
interface Hardship {
  kind: string;
  reducedFen: number | null;
  fromMonth: string;
  toMonth: string;
}
interface Case {
  status: string;
  fromMonth: string;
  toMonth: string;
}
interface MemberDues {
  stage: string;
  probationarySince: string | null;
  fullMemberSince: string | null;
  bases: Base[];
  hardships: Hardship[];
  paid: Map<string, number>;
  cases: Case[];
}

/**
 * The month's figures, folded chunk by chunk: each `add` takes some members' Member records with
 * all of their dues records (a member's records never split across calls), so a caller can
 * stream a subtree of any size in bounded memory. Records of other types, and dues records of
 * members not in the same call, are not counted (a dues record belongs to the subtree through its
 * member).
 */
export class DuesTally {
  private readonly month: string;
  private readonly dueUntil: string;
  private readonly months: string[];
  private f = { trackedMembers: 0, dueFen: 0, collectedFen: 0, paidMembers: 0, unpaidMembers: 0, membersInArrears: 0, openArrearsCases: 0 };

  constructor(params: DuesParams) {
    ymIndex(params.month);
    ymIndex(params.dueUntil);
    this.month = params.month;
    this.dueUntil = params.dueUntil;
    this.months = monthRange(`${params.month.slice(0, 4)}-01`, params.month);
  }

  add(records: readonly SnapshotRecord[]): this {
    const members = new Map<string, MemberDues>();
    for (const r of records) {
      if (r.type !== 'Member') continue;
      const d = r.data;
      members.set(r.id, {
        stage: String(d.stage),
        probationarySince: str(d.probationarySince),
        fullMemberSince: str(d.fullMemberSince),
        bases: [],
        hardships: [],
        paid: new Map(),
        cases: [],
      });
    }
    for (const r of records) {
      const d = r.data;
      const m = members.get(String(d.memberId));
      if (!m) continue;
      switch (r.type) {
        case 'DuesBase':
          m.bases.push({ year: int(d.year) ?? 0, checked: d.status === 'CHECKED', monthlyDueFen: int(d.monthlyDueFen) ?? 0 });
          break;
        case 'DuesHardship':
          // Only an approved decision changes what is due.
          if (d.status === 'APPROVED') m.hardships.push({ kind: String(d.kind), reducedFen: int(d.reducedFen), fromMonth: String(d.fromMonth), toMonth: String(d.toMonth) });
          break;
        case 'DuesPayment': {
          // A correction is a negative entry: the net per month is what counts.
          const months = Array.isArray(d.months) ? d.months : [];
          const amounts = Array.isArray(d.monthAmounts) ? d.monthAmounts : [];
          months.forEach((mo, i) => m.paid.set(String(mo), (m.paid.get(String(mo)) ?? 0) + (int(amounts[i]) ?? 0)));
          break;
        }
        case 'DuesArrearsCase':
          m.cases.push({ status: String(d.status), fromMonth: String(d.fromMonth), toMonth: String(d.toMonth) });
          if (d.status === 'OPEN') this.f.openArrearsCases++;
          break;
      }
    }
    for (const m of members.values()) this.member(m);
    return this;
  }

  private member(m: MemberDues): void {
    const f = this.f;
    if ((m.stage !== 'PROBATIONARY' && m.stage !== 'FULL') || m.bases.length === 0) return;
    f.trackedMembers++;
    // Tracked from January of the first declared base, or from joining if later.
    const firstYear = Math.min(...m.bases.map((b) => b.year));
    const joined = (m.probationarySince ?? m.fullMemberSince)?.slice(0, 7) ?? null;
    const firstMonth = `${String(firstYear).padStart(4, '0')}-01`;
    const start = joined && joined > firstMonth ? joined : firstMonth;
    let unpaidMonths = 0;
    for (const mo of this.months) {
      if (mo < start) continue;
      const base = m.bases.find((b) => b.checked && b.year === Number(mo.slice(0, 4)));
      const h = m.hardships.find((x) => x.fromMonth <= mo && mo <= x.toMonth);
      let due: number | null = base ? base.monthlyDueFen : null;
      if (h) {
        const before = due ?? h.reducedFen ?? 0;
        due = h.kind === 'EXEMPTION' ? 0 : Math.min(before, h.reducedFen ?? before);
      }
      const paid = m.paid.get(mo) ?? 0;
      const excused = m.cases.some((c) => c.status === 'EXCUSED' && c.fromMonth <= mo && mo <= c.toMonth);
      // No checked base: unpaid while nothing is paid; an exempt month (due 0) is never unpaid.
      const unpaid = !excused && (due === null ? paid <= 0 : due > 0 && paid < due);
      if (unpaid && mo <= this.dueUntil) unpaidMonths++;
      if (mo !== this.month) continue;
      if (due !== null) {
        f.dueFen += due;
        f.collectedFen += Math.min(Math.max(paid, 0), due);
      }
      if (unpaid) f.unpaidMembers++;
      else if (due !== null && due > 0 && paid >= due) f.paidMembers++;
    }
    if (unpaidMonths > 0) f.membersInArrears++;
  }

  result(): DuesFigures {
    const { dueFen, collectedFen } = this.f;
    return {
      month: this.month,
      trackedMembers: this.f.trackedMembers,
      dueFen,
      collectedFen,
      collectionRateBp: dueFen <= 0 ? null : Math.floor((Math.min(collectedFen, dueFen) * 10_000) / dueFen),
      paidMembers: this.f.paidMembers,
      unpaidMembers: this.f.unpaidMembers,
      membersInArrears: this.f.membersInArrears,
      openArrearsCases: this.f.openArrearsCases,
    };
  }
}

/** The month's figures over all the records at once (a snapshot's inputs). */
export function duesFigures(records: readonly SnapshotRecord[], params: DuesParams): DuesFigures {
  return new DuesTally(params).add(records).result();
}
