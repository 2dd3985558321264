// The rules of organisational life (三会一课 and 主题党日): which unit holds each kind of meeting,
// who may attend it, and how often it must be held. Everything that depends on the kind of a
// meeting reads RULES, so the table below is the whole policy.
//
// Cadence (how often):
//   支部党员大会 BRANCH_GENERAL    quarterly  held by the branch itself
//   支委会       BRANCH_COMMITTEE  monthly    held by the branch itself
//   党小组会     PARTY_GROUP       monthly    held by EACH party group of the branch
//   党课         PARTY_LECTURE     quarterly  held by the branch, or by a unit above it (a lecture
//                                             of the general branch or the committee is attended
//                                             by the branch's members and counts for it)
//   主题党日     THEMED_DAY        monthly    held by the branch itself
//
// How compliance is counted (computeCompliance):
// - Periods are calendar months or quarters in China time (UTC+8, no daylight saving): a meeting
//   at 23:30 UTC on 31 March belongs to April. A requested date range is widened to whole months
//   or quarters, so a range starting mid-quarter still asks for that quarter's meeting.
// - Each period ("slot") a unit was in existence for requires one meeting of the kind. A slot is
//   met when a COMPLETED meeting (minutes recorded) of that kind, of a unit that counts, is
//   scheduled inside it. Planned, published, in-progress or cancelled meetings do not count:
//   the minutes are the evidence that it was held.
// - required = slots; held = completed meetings in those slots (may exceed required); met =
//   slots with at least one; overdue = unmet slots whose deadline (the slot's end) has passed;
//   due = unmet slots whose deadline is still ahead (the current one and any later ones).
// - PARTY_GROUP is an obligation of each group, so a branch's figures are the sums over its
//   groups; a branch without groups has none (required 0).
import type { MeetingKind, MemberStage, OrgUnitKind } from '@lianjian/db';

export type Cadence = 'MONTHLY' | 'QUARTERLY';

/** Whose meetings satisfy a branch's obligation. */
export type Holder = 'BRANCH' | 'EACH_GROUP' | 'BRANCH_OR_ABOVE';

export interface MeetingRule {
  zh: string;
  en: string;
  cadence: Cadence;
  /** Unit kinds that may hold (plan) a meeting of this kind. */
  heldBy: readonly OrgUnitKind[];
  holder: Holder;
  /** Member stages admitted (check-in, registration, attendance). */
  stages: readonly MemberStage[];
}

const PARTY_MEMBERS: readonly MemberStage[] = ['PROBATIONARY', 'FULL'];
// A party lecture also educates those on the way to membership (积极分子、发展对象).
const EVERYONE: readonly MemberStage[] = ['APPLICANT', 'ACTIVIST', 'CANDIDATE', 'PROBATIONARY', 'FULL'];

export const RULES: Readonly<Record<MeetingKind, MeetingRule>> = {
  BRANCH_GENERAL: { zh: '支部党员大会', en: 'branch general meeting', cadence: 'QUARTERLY', heldBy: ['BRANCH'], holder: 'BRANCH', stages: PARTY_MEMBERS },
  BRANCH_COMMITTEE: { zh: '支委会', en: 'branch committee meeting', cadence: 'MONTHLY', heldBy: ['BRANCH'], holder: 'BRANCH', stages: PARTY_MEMBERS },
  PARTY_GROUP: { zh: '党小组会', en: 'party group meeting', cadence: 'MONTHLY', heldBy: ['GROUP'], holder: 'EACH_GROUP', stages: PARTY_MEMBERS },
  PARTY_LECTURE: {
    zh: '党课',
    en: 'party lecture',
    cadence: 'QUARTERLY',
    heldBy: ['BRANCH', 'GENERAL_BRANCH', 'COMMITTEE'],
    holder: 'BRANCH_OR_ABOVE',
    stages: EVERYONE,
  },
  THEMED_DAY: { zh: '主题党日', en: 'themed party day', cadence: 'MONTHLY', heldBy: ['BRANCH'], holder: 'BRANCH', stages: PARTY_MEMBERS },
};

export const MEETING_KINDS = Object.keys(RULES) as MeetingKind[];

const CHINA_OFFSET_MS = 8 * 3600_000;

/** One cadence period: [start, end) as instants (China midnight), labelled "2026-03" or "2026-Q1". */
export interface Slot {
  label: string;
  start: Date;
  end: Date;
}

/** Start of month `m` (0-based, may overflow) of `y`, at midnight China time. */
function chinaMonthStart(y: number, m: number): Date {
  return new Date(Date.UTC(y, m, 1) - CHINA_OFFSET_MS);
}

/** Year and 0-based month of an instant in China time. */
export function chinaMonth(at: Date): { y: number; m: number } {
  const d = new Date(at.getTime() + CHINA_OFFSET_MS);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() };
}

/** China midnight starting the calendar day `iso` (YYYY-MM-DD). */
export function chinaDayStart(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) - CHINA_OFFSET_MS);
}

function slotOf(cadence: Cadence, y: number, m: number): Slot {
  if (cadence === 'MONTHLY') {
    return { label: `${y}-${String(m + 1).padStart(2, '0')}`, start: chinaMonthStart(y, m), end: chinaMonthStart(y, m + 1) };
  }
  const q = Math.floor(m / 3);
  return { label: `${y}-Q${q + 1}`, start: chinaMonthStart(y, q * 3), end: chinaMonthStart(y, q * 3 + 3) };
}

/** The slots overlapping the days `from`..`to` (inclusive, YYYY-MM-DD, China calendar), in order. */
export function slotsCovering(cadence: Cadence, from: string, to: string): Slot[] {
  const first = chinaMonth(chinaDayStart(from));
  const last = chinaMonth(chinaDayStart(to));
  const out: Slot[] = [];
  let y = first.y;
  let m = cadence === 'MONTHLY' ? first.m : Math.floor(first.m / 3) * 3;
  const step = cadence === 'MONTHLY' ? 1 : 3;
  while (y < last.y || (y === last.y && m <= last.m)) {
    out.push(slotOf(cadence, y, m));
    m += step;
    if (m >= 12) {
      y += 1;
      m -= 12;
    }
  }
  return out;
}

/** A unit that owes meetings: its span of existence (null = open-ended) and its completed meetings' start times. */
export interface Obligor {
  activeFrom: Date | null;
  activeTo: Date | null;
  held: readonly Date[];
}

export interface Figures {
  required: number;
  held: number;
  met: number;
  due: number;
  overdue: number;
  /** Deadline of the earliest unmet slot still ahead, if any. */
  nextDeadline: Date | null;
}

function inSlot(s: Slot, at: Date): boolean {
  return at.getTime() >= s.start.getTime() && at.getTime() < s.end.getTime();
}

/** Figures of one obligor over `slots` at `now`. */
export function figuresFor(slots: readonly Slot[], o: Obligor, now: Date): Figures {
  const f: Figures = { required: 0, held: 0, met: 0, due: 0, overdue: 0, nextDeadline: null };
  for (const s of slots) {
    const exists = (o.activeFrom === null || o.activeFrom.getTime() < s.end.getTime()) && (o.activeTo === null || o.activeTo.getTime() >= s.start.getTime());
    if (!exists) continue;
    f.required += 1;
    const n = o.held.filter((at) => inSlot(s, at)).length;
    f.held += n;
    if (n > 0) f.met += 1;
    else if (s.end.getTime() <= now.getTime()) f.overdue += 1;
    else {
      f.due += 1;
      if (f.nextDeadline === null) f.nextDeadline = s.end;
    }
  }
  return f;
}

export function sumFigures(list: readonly Figures[]): Figures {
  const out: Figures = { required: 0, held: 0, met: 0, due: 0, overdue: 0, nextDeadline: null };
  for (const f of list) {
    out.required += f.required;
    out.held += f.held;
    out.met += f.met;
    out.due += f.due;
    out.overdue += f.overdue;
    if (f.nextDeadline && (!out.nextDeadline || f.nextDeadline < out.nextDeadline)) out.nextDeadline = f.nextDeadline;
  }
  return out;
}

/** A branch with what compliance needs: its own span, its groups, and completed meetings by unit. */
export interface BranchFacts {
  id: string;
  path: string;
  activeFrom: Date | null;
  activeTo: Date | null;
  groups: readonly { id: string; activeFrom: Date | null; activeTo: Date | null }[];
}

export interface HeldMeeting {
  kind: MeetingKind;
  unitId: string;
  unitPath: string;
  scheduledAt: Date;
}

export interface ComplianceRow extends Figures {
  unitId: string;
  kind: MeetingKind;
  cadence: Cadence;
  slots: Slot[];
}

/** One row per branch and kind, over the days `from`..`to`, as of `now`. */
export function computeCompliance(branches: readonly BranchFacts[], meetings: readonly HeldMeeting[], from: string, to: string, now: Date): ComplianceRow[] {
  const rows: ComplianceRow[] = [];
  for (const b of branches) {
    for (const kind of MEETING_KINDS) {
      const rule = RULES[kind];
      const slots = slotsCovering(rule.cadence, from, to);
      const ofKind = meetings.filter((m) => m.kind === kind);
      const heldBy = (pred: (m: HeldMeeting) => boolean) => ofKind.filter(pred).map((m) => m.scheduledAt);
      let figures: Figures;
      if (rule.holder === 'EACH_GROUP') {
        figures = sumFigures(b.groups.map((g) => figuresFor(slots, { activeFrom: g.activeFrom, activeTo: g.activeTo, held: heldBy((m) => m.unitId === g.id) }, now)));
      } else {
        const counts = rule.holder === 'BRANCH' ? (m: HeldMeeting) => m.unitId === b.id : (m: HeldMeeting) => b.path.startsWith(m.unitPath);
        figures = figuresFor(slots, { activeFrom: b.activeFrom, activeTo: b.activeTo, held: heldBy(counts) }, now);
      }
      rows.push({ unitId: b.id, kind, cadence: rule.cadence, slots, ...figures });
    }
  }
  return rows;
}
