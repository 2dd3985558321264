// The rules of organisational life (三会一课, 主题党日, 组织生活会 and 谈心谈话): which unit holds each kind of meeting,
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
//   组织生活会   ORG_LIFE          yearly     held by the branch itself, all its party members
//                                             attend; the branch's 民主评议 of its members is held
//                                             there (see appraisal below)
//   谈心谈话     HEART_TALK        yearly     held by the branch: its committee members or
//                                             secretary talk with each member; the members talked
//                                             with are the meeting's attendance
//
// How compliance is counted (computeCompliance):
// - Periods are calendar months, quarters or years in China time (UTC+8, no daylight saving): a
//   meeting at 23:30 UTC on 31 March belongs to April, one at 16:30 UTC on 31 December to the next
//   year. A requested date range is widened to whole periods, so a range starting mid-quarter
//   still asks for that quarter's meeting, and any range in 2026 asks for 2026's 组织生活会.
// - Each period ("slot") a unit was in existence for requires one meeting of the kind. A slot is
//   met when a COMPLETED meeting (minutes recorded) of that kind, of a unit that counts, is
//   scheduled inside it. Planned, published, in-progress or cancelled meetings do not count:
//   the minutes are the evidence that it was held.
// - required = slots; held = completed meetings in those slots (may exceed required); met =
//   slots with at least one; overdue = unmet slots whose deadline (the slot's end) has passed;
//   due = unmet slots whose deadline is still ahead (the current one and any later ones).
// - PARTY_GROUP is an obligation of each group, so a branch's figures are the sums over its
//   groups; a branch without groups has none (required 0).
// - ORG_LIFE and 民主评议: the appraisal is its own workflow (api/src/modules/appraisal, one
//   campaign per branch and year appraised), carried out at a 组织生活会. The smallest honest link
//   is to report, beside the meeting figures, in how many of the branch's required years it also
//   published an appraisal to its members (`appraised`). Years are matched by when the results
//   were published (China time), like the meeting by when it was held: the appraisal of 2025 is
//   often done at the 组织生活会 of January 2026, and both then belong to 2026. The meeting's
//   minutes prove the meeting, the published campaign proves the appraisal, and neither is made
//   to stand in for the other (a year with the meeting but no appraisal is met, appraised short).
// - HEART_TALK: a year is met by a completed 谈心谈话 with its minutes, like the other kinds; as the
//   rule is that every member is talked with, the row also says how many of the branch's current
//   party members (预备、正式, active) were talked with (present at a completed talk of the branch)
//   in the last year of the period, out of how many (`talkedWith` / `toTalkWith`).
// - A level above the branch (general branch, committee) owes no meetings of its own here: its
//   figures are the sums over the branches of its subtree (sumRows), each branch counted once.
import type { MeetingKind, MemberStage, OrgUnitKind } from '@lianjian/db';

export type Cadence = 'MONTHLY' | 'QUARTERLY' | 'YEARLY';

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
  ORG_LIFE: { zh: '组织生活会', en: 'organisational life meeting', cadence: 'YEARLY', heldBy: ['BRANCH'], holder: 'BRANCH', stages: PARTY_MEMBERS },
  HEART_TALK: { zh: '谈心谈话', en: 'heart-to-heart talk', cadence: 'YEARLY', heldBy: ['BRANCH'], holder: 'BRANCH', stages: PARTY_MEMBERS },
};

export const MEETING_KINDS = Object.keys(RULES) as MeetingKind[];

const CHINA_OFFSET_MS = 8 * 3600_000;

/** One cadence period: [start, end) as instants (China midnight), labelled "2026-03", "2026-Q1" or "2026". */
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
  if (cadence === 'YEARLY') return { label: String(y), start: chinaMonthStart(y, 0), end: chinaMonthStart(y + 1, 0) };
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
  let m = cadence === 'MONTHLY' ? first.m : cadence === 'QUARTERLY' ? Math.floor(first.m / 3) * 3 : 0;
  const step = cadence === 'MONTHLY' ? 1 : cadence === 'QUARTERLY' ? 3 : 12;
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

/** Whether a unit active from `activeFrom` to `activeTo` (null = open) existed during slot `s`. */
function existsIn(o: Pick<Obligor, 'activeFrom' | 'activeTo'>, s: Slot): boolean {
  return (o.activeFrom === null || o.activeFrom.getTime() < s.end.getTime()) && (o.activeTo === null || o.activeTo.getTime() >= s.start.getTime());
}

/** Figures of one obligor over `slots` at `now`. */
export function figuresFor(slots: readonly Slot[], o: Obligor, now: Date): Figures {
  const f: Figures = { required: 0, held: 0, met: 0, due: 0, overdue: 0, nextDeadline: null };
  for (const s of slots) {
    if (!existsIn(o, s)) continue;
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

/** A branch's current party members, and how many of them its 谈心谈话 reached in the period's last year. */
export interface TalkCoverage {
  unitId: string;
  toTalkWith: number;
  talkedWith: number;
}

/** A branch's 民主评议 whose results were published to its members, and when. */
export interface PublishedAppraisal {
  unitId: string;
  publishedAt: Date;
}

export interface ComplianceRow extends Figures {
  unitId: string;
  kind: MeetingKind;
  cadence: Cadence;
  slots: Slot[];
  /** ORG_LIFE only: required years whose 民主评议 was published (see the header); null for the other kinds. */
  appraised: number | null;
  /** HEART_TALK only: current party members talked with in the period's last year, of toTalkWith; null for the other kinds. */
  talkedWith: number | null;
  toTalkWith: number | null;
}

/** One row per branch and kind, over the days `from`..`to`, as of `now`. */
export function computeCompliance(
  branches: readonly BranchFacts[],
  meetings: readonly HeldMeeting[],
  from: string,
  to: string,
  now: Date,
  appraisals: readonly PublishedAppraisal[] = [],
  talks: readonly TalkCoverage[] = [],
): ComplianceRow[] {
  const rows: ComplianceRow[] = [];
  const publishedBy = new Map<string, Date[]>();
  for (const a of appraisals) publishedBy.set(a.unitId, [...(publishedBy.get(a.unitId) ?? []), a.publishedAt]);
  const talkBy = new Map(talks.map((t) => [t.unitId, t]));
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
      const published = publishedBy.get(b.id) ?? [];
      const appraised = kind === 'ORG_LIFE' ? slots.filter((s) => existsIn(b, s) && published.some((at) => inSlot(s, at))).length : null;
      const talk = kind === 'HEART_TALK' ? (talkBy.get(b.id) ?? { talkedWith: 0, toTalkWith: 0 }) : null;
      rows.push({ unitId: b.id, kind, cadence: rule.cadence, slots, ...figures, appraised, talkedWith: talk?.talkedWith ?? null, toTalkWith: talk?.toTalkWith ?? null });
    }
  }
  return rows;
}

/** A kind's figures over several branches: the sum of their rows, with how many branches they cover. */
export interface ComplianceTotal extends Figures {
  kind: MeetingKind;
  cadence: Cadence;
  branches: number;
  appraised: number | null;
  talkedWith: number | null;
  toTalkWith: number | null;
}

/**
 * The figures of a level above the branch: per kind, the sum over its subtree's branch rows. Each
 * branch owes its own meetings, so sums are of branch obligations (a general branch's lecture that
 * meets two branches' quarters counts once for each, as it does in their own rows).
 */
export function sumRows(rows: readonly ComplianceRow[]): ComplianceTotal[] {
  return MEETING_KINDS.map((kind) => {
    const ofKind = rows.filter((r) => r.kind === kind);
    return {
      kind,
      cadence: RULES[kind].cadence,
      branches: new Set(ofKind.map((r) => r.unitId)).size,
      ...sumFigures(ofKind),
      appraised: kind === 'ORG_LIFE' ? ofKind.reduce((n, r) => n + (r.appraised ?? 0), 0) : null,
      talkedWith: kind === 'HEART_TALK' ? ofKind.reduce((n, r) => n + (r.talkedWith ?? 0), 0) : null,
      toTalkWith: kind === 'HEART_TALK' ? ofKind.reduce((n, r) => n + (r.toTalkWith ?? 0), 0) : null,
    };
  });
}
