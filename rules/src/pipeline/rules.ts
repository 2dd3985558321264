// Every rule the engine enforces or warns about, with a stable machine code and the rule's text in
// Chinese and English. Codes are part of the API (GraphQLError extensions.code): never rename one.

export interface RuleText {
  zh: string;
  en: string;
}

/** `refuse`: the step is not recorded. `warn`: recorded, with the breach kept on the record. */
export type RuleSeverity = 'refuse' | 'warn';

export interface Rule extends RuleText {
  code: RuleCode;
  severity: RuleSeverity;
}

const r = (severity: RuleSeverity, zh: string, en: string) => ({ severity, zh, en });

const CATALOGUE = {
  // ── structure ──
  MEMBER_NOT_ACTIVE: r('refuse', '该人员状态不是正常（已取消资格、转出或其他），不能继续发展程序。', 'The person is not active (revoked, transferred out or otherwise), so no development step can be recorded.'),
  MEMBERSHIP_REVOKED: r('refuse', '已取消预备党员资格，发展程序终止，不能再记录任何步骤。', 'Probationary membership was revoked: the procedure has ended and no further step can be recorded.'),
  HISTORY_DOES_NOT_JUSTIFY_STAGE: r('refuse', '人员的阶段与已记录的发展步骤不符，须先补录完整的发展记录。', "The person's stage is not justified by the recorded development steps; record the missing history first."),
  WRONG_STAGE: r('refuse', '该步骤不属于人员当前所处的阶段。', "This step does not belong to the person's current stage."),
  PREREQUISITE_MISSING: r('refuse', '该步骤的前置步骤尚未完成。', 'A step that must come first has not been recorded.'),
  STEP_ALREADY_RECORDED: r('refuse', '该步骤已经记录，不能重复记录。', 'This step is already on record and cannot be recorded again.'),
  PIPELINE_NOT_STARTED: r('refuse', '尚未收到入党申请书，只能先记录递交入党申请书。', 'No application is on record: the written application must be recorded first.'),
  DATE_IN_FUTURE: r('refuse', '步骤日期不能晚于今天。', 'A step cannot be dated after today.'),
  DATE_BEFORE_PREREQUISITE: r('refuse', '步骤日期不能早于其前置步骤的日期。', 'A step cannot be dated before the steps it depends on.'),
  INPUT_MISSING: r('refuse', '缺少该步骤必需的信息。', 'Information this step requires is missing.'),
  INPUT_INVALID: r('refuse', '提交的信息不合法。', 'The information given is not valid.'),

  // ── stage 1: applicant ──
  AGE_UNDER_18: r('refuse', '年满十八岁方可申请入党（以收到申请书之日计）。', 'An applicant must be at least 18 years old on the day the application is received.'),
  TALK_LATE: r('warn', '党组织应当在收到入党申请书后一个月内派人同入党申请人谈话。', 'The organisation must talk with the applicant within one month of receiving the application.'),

  // ── stage 2: activist ──
  NOMINATION_BEFORE_SIX_MONTHS: r('warn', '一般在递交入党申请书半年以上的申请人中确定入党积极分子。', 'Activists are usually chosen from applicants whose application is at least six months old.'),
  RECOMMENDATION_MISSING: r('refuse', '确定入党积极分子须经党员推荐或群团组织推优，并由支部委员会研究决定。', 'An activist must be recommended by party members or a mass organisation and decided by the branch committee.'),
  MENTOR_COUNT: r('refuse', '应为入党积极分子指定一至两名培养联系人。', 'An activist must have one or two mentors.'),
  MENTOR_NOT_FULL_MEMBER: r('refuse', '培养联系人须为正常状态的正式党员，且不能是本人。', 'A mentor must be an active full member other than the person.'),
  ASSESSMENT_OVERDUE: r('warn', '党支部每半年对入党积极分子进行一次考察。', 'The branch must assess an activist every six months.'),

  // ── stage 3: candidate ──
  TOO_EARLY_FOR_CANDIDACY: r('refuse', '入党积极分子须经过一年以上的培养教育和考察，方可确定为发展对象。', 'An activist must have been trained and assessed for at least one year before becoming a candidate.'),
  ASSESSMENTS_INCOMPLETE: r('refuse', '培养期间每半年须有一次考察记录，考察次数不足不能确定为发展对象。', 'Every six months of training needs an assessment on record; with fewer, no candidate decision can be made.'),
  VIEWS_NOT_HEARD: r('refuse', '确定发展对象前，须听取党小组、培养联系人、党员和群众的意见。', 'Before the candidate decision the views of the party group, the mentors, members and the public must be heard.'),
  SPONSOR_COUNT: r('refuse', '发展对象应有两名入党介绍人。', 'A candidate must have exactly two sponsors.'),
  SPONSOR_NOT_FULL_MEMBER: r('refuse', '入党介绍人须为正常状态的正式党员，且不能是本人。', 'A sponsor must be an active full member other than the person.'),
  POLITICAL_REVIEW_ALREADY_PASSED: r('refuse', '政治审查已经合格，无须重复。', 'The political review has already been passed.'),
  POLITICAL_REVIEW_NOT_PASSED: r('refuse', '政治审查合格后方可提交支部委员会审查。', 'The branch committee review requires a passed political review.'),
  TRAINING_TOO_SHORT: r('refuse', '发展对象集中培训时间一般不少于三天（或不少于二十四个学时）。', 'Intensive training must last at least 3 days or at least 24 class hours.'),

  // ── stage 4: admission ──
  NOTICE_TOO_SHORT: r('refuse', '发展对象公示期不少于五个工作日。', 'The public notice must run for at least 5 working days.'),
  NOTICE_OUT_OF_ORDER: r('refuse', '公示须在支部委员会审查之后、上级党委预审之前进行。', 'The public notice runs after the branch committee review and before the higher pre-review.'),
  PRE_REVIEW_LATE: r('warn', '上级党委应当在一个月内完成预审。', 'The higher committee must complete its pre-review within one month.'),
  VOTE_COUNTS_INVALID: r('refuse', '表决人数不合逻辑：到会人数不能超过应到会人数，票数不能超过到会人数加书面意见数。', 'The vote counts are inconsistent: present ≤ entitled, and votes ≤ present plus written opinions.'),
  QUORUM_NOT_MET: r('refuse', '有表决权的到会人数必须超过应到会有表决权人数的半数，支部大会方可进行表决。', 'More than half of the members entitled to vote must be present for the branch general meeting to vote.'),
  VOTE_NOT_PASSED: r('refuse', '赞成人数须超过应到会有表决权的正式党员的半数，方能通过。', 'A resolution passes only with yes votes from more than half of the full members entitled to vote.'),
  APPROVAL_NEEDS_SPECIAL_REASON: r('refuse', '上级党委应在三个月内审批；超过三个月须说明特殊情况。', 'The higher committee approves within three months; a later approval must state the special circumstances.'),
  APPROVAL_WINDOW_EXPIRED: r('refuse', '审批时间最长不得超过六个月，已超期。', 'Approval may take at most six months, and that time has passed.'),
  APPROVAL_LATE: r('warn', '上级党委审批超过三个月（特殊情况，已说明理由）。', 'The approval took more than three months (special circumstances stated).'),

  // ── stage 5: probation and full membership ──
  PROBATION_ASSESSMENT_OVERDUE: r('warn', '党支部每半年对预备党员进行一次考察。', 'The branch must assess a probationary member every six months.'),
  PROBATION_ENDED_NOT_DISCUSSED: r('warn', '预备党员预备期满，党支部应当及时讨论其能否转为正式党员。', 'When the probation ends, the branch must promptly discuss whether the member becomes a full member.'),
  TOO_EARLY_FOR_CONFIRMATION: r('refuse', '预备期满（自支部大会通过之日起一年，延长的加上延长期）后，支部大会方可讨论转正。', 'The branch meeting may discuss full membership only when the probation (one year from the admission meeting, plus any extension) has ended.'),
  GROUP_OPINION_MISSING: r('refuse', '支部大会讨论转正前，须有党小组意见。', "The party group's opinion is required before the branch meeting discusses full membership."),
  CONFIRMATION_APPROVAL_LATE: r('warn', '上级党委应当在三个月内审批预备党员转正。', 'The higher committee must approve full membership within three months.'),
  EXTENSION_ALREADY_USED: r('refuse', '预备期只能延长一次。', 'Probation can be extended only once.'),
  EXTENSION_LENGTH_OUT_OF_RANGE: r('refuse', '延长预备期不能少于半年，最长不超过一年。', 'An extension is at least six and at most twelve months.'),
  TOO_EARLY_FOR_EXTENSION: r('refuse', '预备期满时方可决定延长预备期。', 'An extension is decided when the probation has ended.'),
  CONFIRMATION_ALREADY_VOTED: r('refuse', '支部大会已通过转正决议，不能再延长预备期。', 'The branch meeting has already voted for full membership; the probation can no longer be extended.'),
  APPROVAL_BEFORE_MEETING: r('refuse', '上级党委批准日期不能早于支部大会日期。', 'The higher committee cannot approve before the branch meeting.'),
} as const satisfies Record<string, { severity: RuleSeverity; zh: string; en: string }>;

export type RuleCode = keyof typeof CATALOGUE;

export const RULES: Readonly<Record<RuleCode, Rule>> = Object.fromEntries(
  Object.entries(CATALOGUE).map(([code, v]) => [code, { code, ...v }]),
) as unknown as Record<RuleCode, Rule>;

export function rule(code: RuleCode): Rule {
  return RULES[code];
}
