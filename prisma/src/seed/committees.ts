// Demo leaderships (班子): every branch's current term — a committee from 7 full members, else a
// secretary alone — with its positions; every general branch's and committee's from their
// first branch (their holders must be members, and a chunk writes only its own branches'
// members). Terms are 3 years (5 for committees); some end within weeks of BASE_DATE, so the
// 换届 due list has items, and every sixth branch also has the term before, ended. Its own random
// stream, so the other tables' rows stay as they were.
import { addDays, addYears, atOfficeHours, BASE_DATE, daysBetween } from './dates.js';
import type { BranchPlan, OrgPlan, UnitPlan } from './org.js';
import { Prng } from './prng.js';
import type { Sink } from './sink.js';

export interface LeaderCandidate {
  id: string;
  /** Active full member on BASE_DATE, and since when. */
  fullMemberSince: Date | null;
  active: boolean;
}

type Title = 'SECRETARY' | 'DEPUTY_SECRETARY' | 'ORGANISATION' | 'PUBLICITY' | 'DISCIPLINE' | 'YOUTH' | 'MEMBER';
const COMMITTEE_TITLES: readonly Title[] = ['SECRETARY', 'ORGANISATION', 'PUBLICITY', 'DISCIPLINE', 'DEPUTY_SECRETARY'];

/** A term start: most well inside their term, some ending within the next 90 days. */
function termStart(rng: Prng, years: number, soon: boolean): Date {
  const end = soon ? addDays(BASE_DATE, rng.int(10, 80)) : addDays(BASE_DATE, rng.int(120, years * 365 - 30));
  return addYears(end, -years);
}

function leadership(rng: Prng, sink: Sink, unit: UnitPlan, form: 'COMMITTEE' | 'SECRETARY_ONLY', start: Date, years: number, holders: string[], ended: Date | null): void {
  const committeeId = rng.uuid();
  const at = atOfficeHours(start, rng.int(0, 480), rng.int(0, 999));
  sink.record(
    'Committee',
    { id: committeeId, orgUnitId: unit.id, form, termStart: start, termEnd: addYears(start, years), endedOn: ended, createdById: null },
    ended ? atOfficeHours(ended, rng.int(0, 480), rng.int(0, 999)) : at,
  );
  const titles = form === 'COMMITTEE' ? COMMITTEE_TITLES : (['SECRETARY', 'DEPUTY_SECRETARY'] as const);
  holders.slice(0, titles.length).forEach((memberId, i) =>
    sink.record(
      'CommitteePosition',
      { id: rng.uuid(), orgUnitId: unit.id, committeeId, title: titles[i]!, memberId, startedOn: start, endedOn: ended, accountId: null },
      ended ? atOfficeHours(ended, rng.int(0, 480), rng.int(0, 999)) : at,
    ),
  );
}

/** Distinct full members who were full members by `on`, drawn in order. */
function draw(rng: Prng, pool: LeaderCandidate[], on: Date, n: number, exclude: ReadonlySet<string>): string[] {
  const eligible = pool.filter((m) => m.active && m.fullMemberSince && m.fullMemberSince.getTime() <= on.getTime() && !exclude.has(m.id));
  const out: string[] = [];
  while (out.length < n && eligible.length > 0) out.push(eligible.splice(rng.int(0, eligible.length - 1), 1)[0]!.id);
  return out;
}

/**
 * The branch's leaderships, and those of the units above it whose first branch it is (`b.leads`:
 * its general branch and the committees above). `demoMemberId` holds no position: the demo member
 * account is theirs, and the seed gives the demo secretaries' accounts to the 书记s.
 */
export function seedCommittees(seed: string | number, sink: Sink, plan: OrgPlan, b: BranchPlan, pool: LeaderCandidate[], demoMemberId: string | null): void {
  const rng = new Prng(seed, `committees:${b.index}`);
  const full = pool.filter((m) => m.active && m.fullMemberSince).length;
  const form = full >= 7 ? 'COMMITTEE' : 'SECRETARY_ONLY';
  const taken = new Set(demoMemberId ? [demoMemberId] : []);
  const start = termStart(rng, 3, b.index % 7 === 2 || b.index === 0);
  if (b.index % 6 === 0 && daysBetween(addYears(start, -3), BASE_DATE) > 0) {
    const before = addYears(start, -3);
    leadership(rng, sink, b, form, before, 3, draw(rng, pool, before, 1, taken), start);
  }
  const branchHolders = draw(rng, pool, start, form === 'COMMITTEE' ? 4 : 1, taken);
  if (branchHolders.length) leadership(rng, sink, b, form, start, 3, branchHolders, null);
  branchHolders.forEach((id) => taken.add(id));

  for (const unit of b.leads) {
    // Led from their first branch: general branches serve 3 years, committees 5. The demo general
    // branch's term ends soon (its secretary sees the 换届 among their due items); the root's not.
    const years = unit.kind === 'COMMITTEE' ? 5 : 3;
    const soon = unit.parentId !== null && ((b.index === 0 && unit.kind === 'GENERAL_BRANCH') || rng.chance(0.2));
    const uStart = termStart(rng, years, soon);
    const holders = draw(rng, pool, uStart, 3, taken);
    // A small first branch has too few full members for every level above it: its own office
    // holders also sit on the committees above (as branch secretaries often do).
    if (holders.length < 3) holders.push(...draw(rng, pool, uStart, 3 - holders.length, new Set([...holders, ...(demoMemberId ? [demoMemberId] : [])])));
    if (holders.length) leadership(rng, sink, unit, 'COMMITTEE', uStart, years, holders, null);
    holders.forEach((id) => taken.add(id));
  }
}
