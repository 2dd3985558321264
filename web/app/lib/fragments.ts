// GraphQL selections shared by several pages.
export const PROOF_FIELDS = 'proof { status batchSeq index anchor { height chainId } bundle }';

export const MEMBER_FIELDS = `id version name gender birthDate ethnicity education nativePlace occupation stage status statusChangedOn
  appliedOn activistSince candidateSince probationarySince probationEndsOn probationExtended fullMemberSince partyAgeYears
  orgUnitId orgUnit { id name kind }`;

export interface MemberNode {
  id: string;
  version: number;
  name: string;
  gender: string;
  birthDate: string;
  ethnicity: string;
  education: string;
  nativePlace: string | null;
  occupation: string | null;
  stage: string;
  status: string;
  statusChangedOn: string | null;
  appliedOn: string | null;
  activistSince: string | null;
  candidateSince: string | null;
  probationarySince: string | null;
  probationEndsOn: string | null;
  probationExtended: boolean;
  fullMemberSince: string | null;
  partyAgeYears: number | null;
  orgUnitId: string;
  orgUnit: { id: string; name: string; kind: string };
}

export interface ProofNode {
  status: 'PENDING' | 'ANCHORED';
  batchSeq: number | null;
  index: number | null;
  anchor: { height: number; chainId: string } | null;
  bundle: unknown;
}

export interface HistoryNode {
  version: number;
  at: string;
  actor: string;
  data: Record<string, unknown>;
  proof: ProofNode;
}

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

export const STEP_FIELDS = `id version seq stepNo kind nameZh nameEn stage occurredOn approval notes
  warnings { code zh en warning } ${PROOF_FIELDS}`;

export interface StepNode {
  id: string;
  version: number;
  seq: number;
  stepNo: number;
  kind: string;
  nameZh: string;
  nameEn: string;
  stage: string;
  occurredOn: string;
  approval: string;
  notes: string | null;
  warnings: RuleNode[];
  proof: ProofNode;
}

export interface RuleNode {
  code: string;
  zh: string;
  en: string;
  warning: boolean;
}

export const ACTION_FIELDS = 'stepNo kind nameZh nameEn stage legalToday notBefore recommendedFrom dueOn deadline blockedBy { code zh en warning }';

export interface ActionNode {
  stepNo: number;
  kind: string;
  nameZh: string;
  nameEn: string;
  stage: string;
  legalToday: boolean;
  notBefore: string | null;
  recommendedFrom: string | null;
  dueOn: string | null;
  deadline: string | null;
  blockedBy: RuleNode | null;
}

/** The step fields the page shows, all of which the step's record document holds. */
export function stepProvenFields(step: StepNode): Record<string, unknown> {
  return { stepNo: step.stepNo, kind: step.kind, stage: step.stage, occurredOn: step.occurredOn, approval: step.approval };
}
