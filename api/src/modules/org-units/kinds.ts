// The set order of unit kinds: 党委 (COMMITTEE) > 党总支 (GENERAL_BRANCH) > 党支部 (BRANCH) > 党小组 (GROUP).
import type { OrgUnitKind } from '@lianjian/db';

export const KIND_ZH: Record<string, string> = { COMMITTEE: '党委', GENERAL_BRANCH: '党总支', BRANCH: '党支部', GROUP: '党小组' };

const RANK: Record<OrgUnitKind, number> = { COMMITTEE: 3, GENERAL_BRANCH: 2, BRANCH: 1, GROUP: 0 };

/**
 * Whether a unit of `kind` may sit directly under one of `parentKind`: under a higher kind, a
 * grassroots committee also under a committee (二级党委), and a group only in a branch.
 */
export function mayHold(parentKind: OrgUnitKind, kind: OrgUnitKind): boolean {
  if (kind === 'GROUP') return parentKind === 'BRANCH';
  if (kind === 'COMMITTEE') return parentKind === 'COMMITTEE';
  return RANK[parentKind] > RANK[kind];
}
