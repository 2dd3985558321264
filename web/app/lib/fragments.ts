// The shapes of the GraphQL fragments shared by several pages (lib/fragments.server.ts), as GraphQL
// Code Generator types them from the API's schema, and the fields of each that its record proves.
import type {
  ActionFieldsFragment,
  HistoryFieldsFragment,
  MemberFieldsFragment,
  ProofFieldsFragment,
  RuleFieldsFragment,
  StepFieldsFragment,
} from '../graphql/graphql';

export type MemberNode = MemberFieldsFragment;
export type ProofNode = ProofFieldsFragment;
export type HistoryNode = HistoryFieldsFragment;
export type StepNode = StepFieldsFragment;
export type RuleNode = RuleFieldsFragment;
export type ActionNode = ActionFieldsFragment;

/** Member fields that the record document's data holds under the same names (what the page shows). */
/** Member fields that the record document's data holds under the same names (what the page shows). */
export const MEMBER_PROVEN_FIELDS = [
  'name',
  'gender',
  'birthDate',
  'ethnicity',
  'education',
  'nativePlace',
  'occupation',
  'stage',
  'status',
  'appliedOn',
  'activistSince',
  'candidateSince',
  'probationarySince',
  'probationEndsOn',
  'fullMemberSince',
] as const;

export function provenFields(member: MemberNode): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of MEMBER_PROVEN_FIELDS) out[key] = member[key];
  return out;
}

export const DEVELOPMENT_DATES = ['appliedOn', 'activistSince', 'candidateSince', 'probationarySince', 'probationEndsOn', 'fullMemberSince'] as const;

/** The step fields the page shows, all of which the step's record document holds. */
export function stepProvenFields(step: StepNode): Record<string, unknown> {
  return { stepNo: step.stepNo, kind: step.kind, stage: step.stage, occurredOn: step.occurredOn, approval: step.approval };
}
