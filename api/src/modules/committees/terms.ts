// The rules a unit's leadership follows (《中国共产党支部工作条例（试行）》, 《中国共产党党和国家机关
// 基层组织工作条例》…): a branch committee and a general branch serve 3 years, a grassroots
// committee 3 to 5; a branch of fewer than 7 full members has a secretary (and at most one
// deputy) and no committee; committees have at most 7 (branch), 9 (general branch) or 11
// (grassroots committee) members.
import type { CommitteeForm, CommitteeTitle, OrgUnitKind } from '@lianjian/db';
import { addYears, daysBetween } from '@lianjian/rules/dates';

export const MIN_FULL_MEMBERS_FOR_COMMITTEE = 7;

/** Term lengths in whole years a unit of this kind may have (empty: it has no committee). */
export function termYears(kind: OrgUnitKind): readonly number[] {
  if (kind === 'COMMITTEE') return [3, 4, 5];
  if (kind === 'GENERAL_BRANCH' || kind === 'BRANCH') return [3];
  return [];
}

/** The whole number of years from start to end, or null when end is not an anniversary of start. */
export function yearsBetween(start: string, end: string): number | null {
  for (let n = 1; n <= 10; n++) if (addYears(start, n) === end) return n;
  return null;
}

export const MAX_COMMITTEE_SIZE: Record<OrgUnitKind, number> = { BRANCH: 7, GENERAL_BRANCH: 9, COMMITTEE: 11, GROUP: 0 };

/** Positions one person holds at a time in a committee; the others (副书记, 委员) may have several. */
export const SINGLE_TITLES: readonly CommitteeTitle[] = ['SECRETARY', 'ORGANISATION', 'PUBLICITY', 'DISCIPLINE', 'YOUTH', 'UNITED_FRONT'];

/** What a secretary-only branch may appoint. */
export const SECRETARY_ONLY_TITLES: readonly CommitteeTitle[] = ['SECRETARY', 'DEPUTY_SECRETARY'];

export function maxHolders(form: CommitteeForm, title: CommitteeTitle): number {
  if (SINGLE_TITLES.includes(title)) return 1;
  if (title === 'DEPUTY_SECRETARY') return form === 'SECRETARY_ONLY' ? 1 : 2;
  return Infinity;
}

export const TITLE_ZH: Record<CommitteeTitle, string> = {
  SECRETARY: '书记',
  DEPUTY_SECRETARY: '副书记',
  ORGANISATION: '组织委员',
  PUBLICITY: '宣传委员',
  DISCIPLINE: '纪检委员',
  YOUTH: '青年委员',
  UNITED_FRONT: '统战委员',
  MEMBER: '委员',
};

/** Days from `today` to the term's end (negative once it has passed). */
export function daysLeft(today: string, termEnd: string): number {
  return daysBetween(today, termEnd);
}
