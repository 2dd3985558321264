// The five stages and the 25 steps of member development (《中国共产党发展党员工作细则》), plus the
// two other outcomes of probation: extension and revocation. Names match the database enums
// (member_stage, development_step_kind), so rows map to the engine without translation.

export const STAGES = ['APPLICANT', 'ACTIVIST', 'CANDIDATE', 'PROBATIONARY', 'FULL'] as const;
export type Stage = (typeof STAGES)[number];

export const STEP_KINDS = [
  'APPLICATION',
  'TALK',
  'NOMINATION',
  'ACTIVIST_FILING',
  'MENTORS_ASSIGNED',
  'ACTIVIST_ASSESSMENT',
  'CANDIDATE_DECISION',
  'CANDIDATE_FILING',
  'SPONSORS_ASSIGNED',
  'POLITICAL_REVIEW',
  'INTENSIVE_TRAINING',
  'COMMITTEE_REVIEW',
  'HIGHER_PRE_REVIEW',
  'APPLICATION_FORM',
  'ADMISSION_MEETING',
  'COMMITTEE_TALK',
  'ADMISSION_APPROVAL',
  'DEPARTMENT_FILING',
  'PLACEMENT',
  'OATH',
  'PROBATION_ASSESSMENT',
  'FULL_MEMBERSHIP_APPLICATION',
  'CONFIRMATION_MEETING',
  'CONFIRMATION_APPROVAL',
  'FILES_ARCHIVED',
  'PROBATION_EXTENDED',
  'MEMBERSHIP_REVOKED',
] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export interface StepSpec {
  kind: StepKind;
  /** 1–25. Extension and revocation are outcomes of step 23's discussion, so they carry 23. */
  no: number;
  /** The stage whose entry or timers the step serves (RULES.md, the table); stored on the record. */
  stage: Stage;
  /** The official grouping of the 25 steps into five phases (细则 chapters 2–6). */
  phase: 1 | 2 | 3 | 4 | 5;
  zh: string;
  en: string;
  /** The member's stage must be one of these when the step is recorded. */
  during: readonly Stage[];
  /** Steps that must already be on record (their latest occurrence bounds this step's date). */
  requires: readonly StepKind[];
  /** Recurs (assessments; reassigned mentors or sponsors; a review repeated after a failure). */
  repeatable: boolean;
}

const s = (
  kind: StepKind,
  no: number,
  stage: Stage,
  phase: StepSpec['phase'],
  zh: string,
  en: string,
  during: readonly Stage[],
  requires: readonly StepKind[],
  repeatable = false,
): StepSpec => ({ kind, no, stage, phase, zh, en, during, requires, repeatable });

export const STEPS: readonly StepSpec[] = [
  s('APPLICATION', 1, 'APPLICANT', 1, '递交入党申请书', 'written application received', ['APPLICANT'], []),
  s('TALK', 2, 'APPLICANT', 1, '党组织派人谈话', 'talk with the applicant', ['APPLICANT'], ['APPLICATION']),
  s('NOMINATION', 3, 'ACTIVIST', 2, '推荐和确定入党积极分子', 'nominated; branch committee decides activist', ['APPLICANT'], ['TALK']),
  s('ACTIVIST_FILING', 4, 'ACTIVIST', 2, '报上级党委备案', 'activist filed with the higher committee', ['ACTIVIST'], ['NOMINATION']),
  s('MENTORS_ASSIGNED', 5, 'ACTIVIST', 2, '指定培养联系人', 'mentors assigned', ['ACTIVIST'], ['NOMINATION'], true),
  s('ACTIVIST_ASSESSMENT', 6, 'ACTIVIST', 2, '培养教育考察', 'training and assessment', ['ACTIVIST'], ['MENTORS_ASSIGNED'], true),
  s('CANDIDATE_DECISION', 7, 'CANDIDATE', 3, '确定发展对象', 'views heard; committee decides candidate', ['ACTIVIST'], ['ACTIVIST_FILING', 'MENTORS_ASSIGNED', 'ACTIVIST_ASSESSMENT']),
  s('CANDIDATE_FILING', 8, 'CANDIDATE', 3, '报上级党委备案', 'candidate filed with the higher committee', ['CANDIDATE'], ['CANDIDATE_DECISION']),
  s('SPONSORS_ASSIGNED', 9, 'CANDIDATE', 3, '确定入党介绍人', 'sponsors assigned', ['CANDIDATE'], ['CANDIDATE_DECISION'], true),
  s('POLITICAL_REVIEW', 10, 'CANDIDATE', 3, '进行政治审查', 'political review', ['CANDIDATE'], ['CANDIDATE_DECISION'], true),
  s('INTENSIVE_TRAINING', 11, 'CANDIDATE', 3, '开展集中培训', 'intensive training', ['CANDIDATE'], ['CANDIDATE_DECISION']),
  s('COMMITTEE_REVIEW', 12, 'CANDIDATE', 4, '支部委员会审查', 'branch committee review', ['CANDIDATE'], ['CANDIDATE_FILING', 'SPONSORS_ASSIGNED', 'POLITICAL_REVIEW', 'INTENSIVE_TRAINING']),
  s('HIGHER_PRE_REVIEW', 13, 'CANDIDATE', 4, '上级党委预审', 'public notice; higher committee pre-review', ['CANDIDATE'], ['COMMITTEE_REVIEW']),
  s('APPLICATION_FORM', 14, 'CANDIDATE', 4, '填写入党志愿书', 'membership application form completed', ['CANDIDATE'], ['HIGHER_PRE_REVIEW']),
  s('ADMISSION_MEETING', 15, 'PROBATIONARY', 4, '支部大会讨论', 'branch general meeting votes on admission', ['CANDIDATE'], ['APPLICATION_FORM']),
  s('COMMITTEE_TALK', 16, 'PROBATIONARY', 4, '上级党委派人谈话', 'talk by the higher committee', ['CANDIDATE'], ['ADMISSION_MEETING']),
  s('ADMISSION_APPROVAL', 17, 'PROBATIONARY', 4, '上级党委审批', 'higher committee approves admission', ['CANDIDATE'], ['COMMITTEE_TALK']),
  s('DEPARTMENT_FILING', 18, 'PROBATIONARY', 4, '再上级党委组织部门备案', 'filed with the organisation department', ['PROBATIONARY', 'FULL'], ['ADMISSION_APPROVAL']),
  s('PLACEMENT', 19, 'PROBATIONARY', 5, '编入党支部和党小组', 'placed in a branch and a group', ['PROBATIONARY'], ['ADMISSION_APPROVAL']),
  s('OATH', 20, 'PROBATIONARY', 5, '入党宣誓', 'oath taken', ['PROBATIONARY'], ['ADMISSION_APPROVAL']),
  s('PROBATION_ASSESSMENT', 21, 'PROBATIONARY', 5, '继续教育考察', 'continued education and assessment', ['PROBATIONARY'], ['PLACEMENT'], true),
  s('FULL_MEMBERSHIP_APPLICATION', 22, 'FULL', 5, '提出转正申请', 'written application for full membership', ['PROBATIONARY'], ['OATH', 'PLACEMENT']),
  s('CONFIRMATION_MEETING', 23, 'FULL', 5, '支部大会讨论转正', 'group opinion; branch meeting votes on full membership', ['PROBATIONARY'], ['FULL_MEMBERSHIP_APPLICATION', 'PROBATION_ASSESSMENT']),
  s('CONFIRMATION_APPROVAL', 24, 'FULL', 5, '上级党委审批转正', 'higher committee approves full membership', ['PROBATIONARY'], ['CONFIRMATION_MEETING']),
  s('FILES_ARCHIVED', 25, 'FULL', 5, '材料归档', 'files archived', ['FULL'], ['CONFIRMATION_APPROVAL', 'DEPARTMENT_FILING']),
  s('PROBATION_EXTENDED', 23, 'PROBATIONARY', 5, '延长预备期', 'probation extended', ['PROBATIONARY'], ['ADMISSION_APPROVAL']),
  s('MEMBERSHIP_REVOKED', 23, 'PROBATIONARY', 5, '取消预备党员资格', 'probationary membership revoked', ['PROBATIONARY'], ['ADMISSION_APPROVAL']),
];

export const STEP: Readonly<Record<StepKind, StepSpec>> = Object.fromEntries(STEPS.map((x) => [x.kind, x])) as Record<
  StepKind,
  StepSpec
>;

/** The stage a step moves the member into, for the four steps that change it. */
export const STAGE_CHANGE: Partial<Record<StepKind, Stage>> = {
  NOMINATION: 'ACTIVIST',
  CANDIDATE_DECISION: 'CANDIDATE',
  ADMISSION_APPROVAL: 'PROBATIONARY',
  CONFIRMATION_APPROVAL: 'FULL',
};

/**
 * Steps 4, 8, 13, 16, 17, 18, 24, 25: the level above's (filings, pre-review, the committee's talk,
 * the approvals, files archived) — requested by the branch, decided by the nearest committee.
 */
export const LEVEL_ABOVE_STEPS: readonly StepKind[] = [
  'ACTIVIST_FILING',
  'CANDIDATE_FILING',
  'HIGHER_PRE_REVIEW',
  'COMMITTEE_TALK',
  'ADMISSION_APPROVAL',
  'DEPARTMENT_FILING',
  'CONFIRMATION_APPROVAL',
  'FILES_ARCHIVED',
];

export function isStepKind(x: string): x is StepKind {
  return (STEP_KINDS as readonly string[]).includes(x);
}
