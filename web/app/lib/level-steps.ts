// The steps of the level above (decision 013): a branch requests them, the deciding committee
// decides. The API enforces it; the member page uses the list to offer "request" instead of "record".
// A copy of @lianjian/rules' LEVEL_ABOVE_STEPS: the browser bundle does not take the rules package.
export const LEVEL_ABOVE_STEPS: readonly string[] = [
  'ACTIVIST_FILING',
  'CANDIDATE_FILING',
  'HIGHER_PRE_REVIEW',
  'COMMITTEE_TALK',
  'ADMISSION_APPROVAL',
  'DEPARTMENT_FILING',
  'CONFIRMATION_APPROVAL',
  'FILES_ARCHIVED',
];

/** The level-above steps this account requests rather than records: a SECRETARY below a committee's scope. */
export function requestedBy(role: string, scopeKind: string | null | undefined): readonly string[] {
  return role === 'SECRETARY' && scopeKind !== 'COMMITTEE' ? LEVEL_ABOVE_STEPS : [];
}
