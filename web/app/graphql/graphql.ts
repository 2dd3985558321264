/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AddMilestoneInput = {
  decisionId: string | number;
  dueOn: string;
  notes?: string | null | undefined;
  /** The member responsible */
  ownerId?: string | number | null | undefined;
  title: string;
};

export type AppointCommitteePositionInput = {
  committeeId: string | number;
  /** An active full member of the unit or a unit under it */
  memberId: string | number;
  /** YYYY-MM-DD; default today */
  startedOn?: string | null | undefined;
  title: CommitteeTitle;
};

/** EXCELLENT 优秀 / QUALIFIED 合格 / BASICALLY_QUALIFIED 基本合格 / UNQUALIFIED 不合格 */
export type AppraisalRating =
  | 'BASICALLY_QUALIFIED'
  | 'EXCELLENT'
  | 'QUALIFIED'
  | 'UNQUALIFIED';

export type AppraisalRatingInput = {
  memberId: string | number;
  rating: AppraisalRating;
};

/** DRAFT 草稿 → SELF_ASSESSMENT 个人自评 → PEER_ASSESSMENT 党员互评 → RATING 组织评定 → PUBLISHED 已通报 → CLOSED 已结束 */
export type AppraisalStatus =
  | 'CLOSED'
  | 'DRAFT'
  | 'PEER_ASSESSMENT'
  | 'PUBLISHED'
  | 'RATING'
  | 'SELF_ASSESSMENT';

/** 无需审批 / 待审批 / 已批准 / 未批准 */
export type ApprovalStatus =
  | 'APPROVED'
  | 'NOT_REQUIRED'
  | 'PENDING'
  | 'REJECTED';

/** A file to attach: uploaded first with POST /files, named here by the SHA-256 that answered */
export type AttachmentInput = {
  /** The name to show (default: the name it was uploaded with) */
  name?: string | null | undefined;
  /** The SHA-256 POST /files answered */
  sha256: string;
};

/** IN_PROGRESS 作答中 / SUBMITTED 已提交 / EXPIRED 已超时 */
export type AttemptStatus =
  | 'EXPIRED'
  | 'IN_PROGRESS'
  | 'SUBMITTED';

export type AttendanceEntryInput = {
  memberId: string | number;
  /** E.g. the reason for leave (请假事由) */
  note?: string | null | undefined;
  status: AttendanceStatus;
};

/** 出席 / 迟到 / 请假 / 缺席 */
export type AttendanceStatus =
  | 'ABSENT'
  | 'EXCUSED'
  | 'LATE'
  | 'PRESENT';

/** A branch general meeting vote: quorum needs more than half of those entitled present; it passes with yes votes from more than half of those entitled */
export type BranchVoteInput = {
  abstain: number;
  /** Full members entitled to vote (应到会有表决权的正式党员) */
  entitled: number;
  no: number;
  /** Of them, present */
  present: number;
  /** Written opinions of absent entitled members, included in yes/no/abstain */
  written?: number | null | undefined;
  yes: number;
};

/** 每月 / 每季度 / 每年 */
export type CadenceInterval =
  | 'MONTHLY'
  | 'QUARTERLY'
  | 'YEARLY';

/** 签到码 / 扫码 / 书记登记 */
export type CheckInMethod =
  | 'CODE'
  | 'MANUAL'
  | 'QR';

/** What a discussion thread is about: NOTICE 通知 / DECISION 决议 / MEETING 会议 (once held) */
export type CommentSubject =
  | 'DECISION'
  | 'MEETING'
  | 'NOTICE';

/** COMMITTEE 设委员会 / SECRETARY_ONLY 不设委员会，只设书记（正式党员不足 7 人的党支部） */
export type CommitteeForm =
  | 'COMMITTEE'
  | 'SECRETARY_ONLY';

/** SECRETARY 书记 / DEPUTY_SECRETARY 副书记 / ORGANISATION 组织委员 / PUBLICITY 宣传委员 / DISCIPLINE 纪检委员 / YOUTH 青年委员 / UNITED_FRONT 统战委员 / MEMBER 委员 */
export type CommitteeTitle =
  | 'DEPUTY_SECRETARY'
  | 'DISCIPLINE'
  | 'MEMBER'
  | 'ORGANISATION'
  | 'PUBLICITY'
  | 'SECRETARY'
  | 'UNITED_FRONT'
  | 'YOUTH';

/** DRAFT 草稿 / PUBLISHED 已发布 / ARCHIVED 已归档 */
export type CourseStatus =
  | 'ARCHIVED'
  | 'DRAFT'
  | 'PUBLISHED';

export type CreateAccountInput = {
  displayName: string;
  /** The person's member record (required for MEMBER) */
  memberId?: string | number | null | undefined;
  /** SECRETARY callers: MEMBER only */
  role: Role;
  /** Root of the subtree the account sees; for MEMBER accounts default (and only choice) the member's unit */
  scopeUnitId?: string | number | null | undefined;
  /** 3–32 characters: a–z, 0–9, ".", "_", "-" */
  username: string;
};

export type CreateApiKeyInput = {
  expiresAt?: string | null | undefined;
  /** Who the key is for */
  name: string;
  /** e.g. ["Member:read", "OrgUnit:read"] */
  scopes: Array<string>;
  /** The key may only see this unit's subtree */
  unitId: string | number;
};

export type CreateAppraisalCampaignInput = {
  /** Last day for self- and peer assessments */
  closesOn: string;
  opensOn: string;
  /** A branch in your subtree */
  orgUnitId: string | number;
  title: string;
  /** The year appraised (one campaign per branch and year) */
  year: number;
};

export type CreateDecisionInput = {
  /** The text of the resolution */
  content: string;
  decidedOn: string;
  /** The meeting that adopted it (defaults to the vote’s) */
  meetingId?: string | number | null | undefined;
  /** 文号, unique in the unit */
  number?: string | null | undefined;
  orgUnitId: string | number;
  title: string;
  /** The vote it rests on: closed, tallied and passed; its counts are recorded */
  voteId?: string | number | null | undefined;
};

export type CreateOrgUnitInput = {
  city?: string | null | undefined;
  /** Unique; letters, digits, ".", "_", "-" */
  code: string;
  /** YYYY-MM-DD; default today */
  establishedOn?: string | null | undefined;
  /** In the set order: COMMITTEE > GENERAL_BRANCH > BRANCH > GROUP (a GROUP only in a BRANCH) */
  kind: OrgUnitKind;
  name: string;
  parentId: string | number;
  /** Default: the parent's */
  province?: string | null | undefined;
};

export type CreateVoteInput = {
  /** Elections: the candidates, in ballot order */
  candidates?: Array<VoteCandidateInput> | null | undefined;
  /** After this no ballot is accepted */
  closesAt?: string | null | undefined;
  description?: string | null | undefined;
  kind: VoteKind;
  /** Default MORE_THAN_HALF_OF_ENTITLED for motions, PLURALITY for elections */
  majorityRule?: MajorityRule | null | undefined;
  /** The meeting (of the same unit) that holds the vote */
  meetingId?: string | number | null | undefined;
  /** The unit that votes: its full members (and its groups’) form the roll */
  orgUnitId: string | number;
  /** Default MORE_THAN_HALF */
  quorumRule?: QuorumRule | null | undefined;
  /** Elections: seats to fill (default 1) */
  seats?: number | null | undefined;
  /** Required for ADMISSION and CONFIRMATION: the candidate or probationary member voted on */
  subjectMemberId?: string | number | null | undefined;
  title: string;
};

/** ADOPTED 已通过 → IMPLEMENTING 执行中 → IMPLEMENTED 已落实; SUPERSEDED 已被取代, REVOKED 已撤销 */
export type DecisionStatus =
  | 'ADOPTED'
  | 'IMPLEMENTED'
  | 'IMPLEMENTING'
  | 'REVOKED'
  | 'SUPERSEDED';

export type DeclareDuesBaseInput = {
  /** Monthly income in fen (IN_WORK, RETIRED, OTHER) */
  baseFen?: number | null | undefined;
  category: DuesCategory;
  /** FARMER: 20–100 fen a month */
  fixedFen?: number | null | undefined;
  memberId: string | number;
  year: number;
};

/** What a step records; each step reads only its own fields (see nextActions and the rules). */
export type DevelopmentStepInput = {
  /** Extension and revocation: the higher committee’s approval */
  approvedOn?: string | null | undefined;
  /** Steps 6, 10, 21 */
  conclusion?: string | null | undefined;
  /** Step 23 */
  groupOpinion?: GroupOpinionInput | null | undefined;
  /** Step 17 after three months: the special circumstances */
  lateReason?: string | null | undefined;
  /** Extension: 6–12 */
  months?: number | null | undefined;
  notes?: string | null | undefined;
  /** Step 10: whether the political review found the candidate qualified */
  passed?: boolean | null | undefined;
  /** Step 5: one or two mentors; step 9: two sponsors (member ids) */
  people?: Array<string | number> | null | undefined;
  /** Step 13 */
  publicNotice?: PublicNoticeInput | null | undefined;
  /** Extension and revocation */
  reason?: string | null | undefined;
  /** Step 3 */
  recommendedBy?: Recommender | null | undefined;
  /** Step 11 */
  training?: TrainingInput | null | undefined;
  /** Step 7 */
  viewsHeard?: ViewsHeardInput | null | undefined;
  /** Steps 15 and 23, extension, revocation */
  vote?: BranchVoteInput | null | undefined;
};

/** The 25 steps of member development (发展党员二十五步), plus extension (延长预备期) and revocation (取消预备党员资格) */
export type DevelopmentStepKind =
  | 'ACTIVIST_ASSESSMENT'
  | 'ACTIVIST_FILING'
  | 'ADMISSION_APPROVAL'
  | 'ADMISSION_MEETING'
  | 'APPLICATION'
  | 'APPLICATION_FORM'
  | 'CANDIDATE_DECISION'
  | 'CANDIDATE_FILING'
  | 'COMMITTEE_REVIEW'
  | 'COMMITTEE_TALK'
  | 'CONFIRMATION_APPROVAL'
  | 'CONFIRMATION_MEETING'
  | 'DEPARTMENT_FILING'
  | 'FILES_ARCHIVED'
  | 'FULL_MEMBERSHIP_APPLICATION'
  | 'HIGHER_PRE_REVIEW'
  | 'INTENSIVE_TRAINING'
  | 'MEMBERSHIP_REVOKED'
  | 'MENTORS_ASSIGNED'
  | 'NOMINATION'
  | 'OATH'
  | 'PLACEMENT'
  | 'POLITICAL_REVIEW'
  | 'PROBATION_ASSESSMENT'
  | 'PROBATION_EXTENDED'
  | 'SPONSORS_ASSIGNED'
  | 'TALK';

export type DuesArrearsDecision =
  | 'EXCUSED'
  | 'SETTLED'
  | 'TREAT_AS_LEFT';

/** OPEN 待处理 / EXCUSED 有正当理由（理由已记录）/ TREAT_AS_LEFT 按自行脱党处理 / SETTLED 已补交 */
export type DuesArrearsStatus =
  | 'EXCUSED'
  | 'OPEN'
  | 'SETTLED'
  | 'TREAT_AS_LEFT';

/** DECLARED 已申报 / CHECKED 支部已核定 */
export type DuesBaseStatus =
  | 'CHECKED'
  | 'DECLARED';

/** IN_WORK 在职 / RETIRED 离退休 / FARMER 农民 / LOW_INCOME 学生、下岗失业、领取最低生活保障金 / OTHER 其他（按收入，适用在职标准） */
export type DuesCategory =
  | 'FARMER'
  | 'IN_WORK'
  | 'LOW_INCOME'
  | 'OTHER'
  | 'RETIRED';

/** REDUCTION 减交 / EXEMPTION 免交 */
export type DuesHardshipKind =
  | 'EXEMPTION'
  | 'REDUCTION';

/** PROPOSED 支部已决定、待上级批准 / APPROVED 已批准 / REJECTED 未批准 */
export type DuesHardshipStatus =
  | 'APPROVED'
  | 'PROPOSED'
  | 'REJECTED';

/** PAID 已交 / UNPAID 未交 / EXEMPT 免交 / EXCUSED 有正当理由 / NOT_YET_DUE 未到期 / NO_BASE 基数未核定 / NOT_TRACKED 尚未开始计算 */
export type DuesMonthStatus =
  | 'EXCUSED'
  | 'EXEMPT'
  | 'NOT_TRACKED'
  | 'NOT_YET_DUE'
  | 'NO_BASE'
  | 'PAID'
  | 'UNPAID';

/** CASH 现金 / TRANSFER 转账 / ONLINE 在线交纳 */
export type DuesPaymentMethod =
  | 'CASH'
  | 'ONLINE'
  | 'TRANSFER';

/** SUBMITTED 已上交 / CONFIRMED 上级已确认收到 */
export type DuesRemittanceStatus =
  | 'CONFIRMED'
  | 'SUBMITTED';

export type Education =
  | 'BACHELOR'
  | 'JUNIOR_COLLEGE'
  | 'JUNIOR_SECONDARY_OR_BELOW'
  | 'POSTGRADUATE'
  | 'SENIOR_SECONDARY';

/** E-mail for a kind of reminder: none, each at once, or one daily digest */
export type EmailMode =
  | 'DIGEST'
  | 'IMMEDIATE'
  | 'OFF';

/** SUGGESTION 建议 / OPINION 意见 / REQUEST 诉求 / COMPLAINT 投诉 / OTHER 其他 */
export type FeedbackCategory =
  | 'COMPLAINT'
  | 'OPINION'
  | 'OTHER'
  | 'REQUEST'
  | 'SUGGESTION';

/** SUBMITTED 已提交 → ACKNOWLEDGED 已受理 → IN_PROGRESS 办理中 → RESOLVED 已办结 → CLOSED 已关闭 (ACKNOWLEDGED may go straight to RESOLVED; CLOSED before RESOLVED: declined, with the reason) */
export type FeedbackStatus =
  | 'ACKNOWLEDGED'
  | 'CLOSED'
  | 'IN_PROGRESS'
  | 'RESOLVED'
  | 'SUBMITTED';

export type Gender =
  | 'FEMALE'
  | 'MALE';

export type GroupOpinionInput = {
  on: string;
  text: string;
};

/** What an inbox item asks its person to do (提醒类别) */
export type InboxKind =
  | 'APPRAISAL_PHASE'
  | 'LEVEL_REQUEST_DECIDED'
  | 'LEVEL_REQUEST_WAITING'
  | 'MEETING_SOON'
  | 'MENTION'
  | 'NOTICE_REMINDER'
  | 'QUIZ_DUE'
  | 'STEP_DUE'
  | 'TAMPER_ALERT'
  | 'TERM_ENDING'
  | 'TRANSFER_EXPIRING'
  | 'VOTE_CLOSING'
  | 'VOTE_OPEN';

export type IssueTransferLetterInput = {
  /** The letter’s number, unique */
  letterNo: string;
  /** A full or probationary member of your subtree */
  memberId: string | number;
  /** An organisation outside the system (then toProvince is required) */
  toOrganisation?: string | null | undefined;
  /** Province of an outside organisation; for a unit in the system its own province is used */
  toProvince?: string | null | undefined;
  /** A branch or group in the system (or give toOrganisation) */
  toUnitId?: string | number | null | undefined;
};

/** REVIEW 待党总支审核（转报或退回）/ DECISION 待党委审批（批准或退回） */
export type LevelQueueStage =
  | 'DECISION'
  | 'REVIEW';

/** DUE 期限内 / OVERDUE 已超过期限 / EXPIRED 已超过最长期限 / WAITING 无时限 */
export type LevelQueueStatus =
  | 'DUE'
  | 'EXPIRED'
  | 'OVERDUE'
  | 'WAITING';

/** IN_REVIEW 党总支审核中 / PENDING 待上级审批 / APPROVED 已批准（步骤已记录）/ RETURNED 已退回（附理由） */
export type LevelRequestStatus =
  | 'APPROVED'
  | 'IN_REVIEW'
  | 'PENDING'
  | 'RETURNED';

/** What an option needs: MORE_THAN_HALF_OF_ENTITLED 超过应到会有表决权人数的半数, MORE_THAN_HALF_OF_CAST 超过投票人数的半数, TWO_THIRDS_OF_ENTITLED 应到会人数的三分之二以上, PLURALITY 得票多者 (motions: more yes than no) */
export type MajorityRule =
  | 'MORE_THAN_HALF_OF_CAST'
  | 'MORE_THAN_HALF_OF_ENTITLED'
  | 'PLURALITY'
  | 'TWO_THIRDS_OF_ENTITLED';

/** 支部党员大会 / 支委会 / 党小组会 / 党课 / 主题党日 / 组织生活会 / 谈心谈话 */
export type MeetingKind =
  | 'BRANCH_COMMITTEE'
  | 'BRANCH_GENERAL'
  | 'HEART_TALK'
  | 'ORG_LIFE'
  | 'PARTY_GROUP'
  | 'PARTY_LECTURE'
  | 'THEMED_DAY';

/** 草稿 / 已发布 / 进行中（已开启签到）/ 已结束（已记录纪要）/ 已取消 */
export type MeetingStatus =
  | 'CANCELLED'
  | 'COMPLETED'
  | 'DRAFT'
  | 'IN_PROGRESS'
  | 'PUBLISHED';

/** One spreadsheet row, cells as text. Enumerations accept the code or the Chinese label (男/女, 大学本科, 预备党员…); dates are YYYY-MM-DD. */
export type MemberImportRow = {
  activistSince?: string | null | undefined;
  address?: string | null | undefined;
  appliedOn?: string | null | undefined;
  birthDate?: string | null | undefined;
  candidateSince?: string | null | undefined;
  education?: string | null | undefined;
  ethnicity?: string | null | undefined;
  fullMemberSince?: string | null | undefined;
  gender?: string | null | undefined;
  name?: string | null | undefined;
  nationalId?: string | null | undefined;
  nativePlace?: string | null | undefined;
  occupation?: string | null | undefined;
  phone?: string | null | undefined;
  probationarySince?: string | null | undefined;
  stage?: string | null | undefined;
};

/** 申请人 / 积极分子 / 发展对象 / 预备党员 / 正式党员 */
export type MemberStage =
  | 'ACTIVIST'
  | 'APPLICANT'
  | 'CANDIDATE'
  | 'FULL'
  | 'PROBATIONARY';

export type MemberStatus =
  | 'ACTIVE'
  | 'DECEASED'
  | 'EXPELLED'
  | 'REVOKED'
  | 'TRANSFERRED_OUT'
  | 'WITHDRAWN';

/** PLANNED 计划中 → IN_PROGRESS 进行中 → DONE 已完成; CANCELLED 已取消 */
export type MilestoneStatus =
  | 'CANCELLED'
  | 'DONE'
  | 'IN_PROGRESS'
  | 'PLANNED';

/** NEVER_REPORTED 从未报告 / NOT_REPORTING 已停止报告（超过时限） / CAUGHT_UP 已追平 / BEHIND 落后于中心 */
export type MirrorSyncState =
  | 'BEHIND'
  | 'CAUGHT_UP'
  | 'NEVER_REPORTED'
  | 'NOT_REPORTING';

/** SUBTREE 本组织及下级全体 / ROLES 指定角色 / MEMBERS 指定党员 */
export type NoticeAudience =
  | 'MEMBERS'
  | 'ROLES'
  | 'SUBTREE';

/** 党委 / 党总支 / 党支部 / 党小组 */
export type OrgUnitKind =
  | 'BRANCH'
  | 'COMMITTEE'
  | 'GENERAL_BRANCH'
  | 'GROUP';

/** A meeting that already took place (补录): it ended before now and started within the last 12 months */
export type PastMeetingInput = {
  agenda?: string | null | undefined;
  /** Optional: attendance can also be recorded afterwards with recordAttendance */
  attendance?: Array<AttendanceEntryInput> | null | undefined;
  endsAt: string;
  kind: MeetingKind;
  minutes: string;
  place?: string | null | undefined;
  startsAt: string;
  title: string;
  unitId: string | number;
};

export type PeerAssessmentInput = {
  /** At most 1000 characters */
  comment?: string | null | undefined;
  rating: AppraisalRating;
  /** Another member on the roster */
  subjectId: string | number;
};

/** DUE 待办 / OVERDUE 已逾期 / EXPIRED 已超过最长期限 */
export type PipelineDueStatus =
  | 'DUE'
  | 'EXPIRED'
  | 'OVERDUE';

/** A meeting to plan (saved as DRAFT). The unit must fit the kind: a party group meeting is held by a GROUP, a party lecture by a branch or a unit above, the other kinds by a BRANCH. */
export type PlanMeetingInput = {
  agenda?: string | null | undefined;
  /** After startsAt, within 24 hours */
  endsAt: string;
  kind: MeetingKind;
  place?: string | null | undefined;
  /** Must be in the future */
  startsAt: string;
  title: string;
  unitId: string | number;
};

export type PostCommentInput = {
  /** Plain text, 1–2000 characters */
  body: string;
  /** Accounts to notify (at most 20); each must be able to see the thread */
  mentions?: Array<string | number> | null | undefined;
  /** The notice, decision or meeting (held) the thread is about */
  subjectId: string | number;
  subjectType: CommentSubject;
};

/** PENDING: recorded, not yet committed on chain (待上链); ANCHORED: its batch root is on chain (已上链) */
export type ProofStatus =
  | 'ANCHORED'
  | 'PENDING';

export type ProposeDuesHardshipInput = {
  /** The branch meeting’s decision, e.g. "支部委员会 2026-03-05 决定" */
  branchDecision: string;
  /** YYYY-MM */
  fromMonth: string;
  kind: DuesHardshipKind;
  memberId: string | number;
  reason: string;
  /** REDUCTION: the reduced monthly amount in fen */
  reducedFen?: number | null | undefined;
  /** YYYY-MM, at most 24 months on */
  toMonth: string;
};

/** The public notice of a candidate (公示), first and last day */
export type PublicNoticeInput = {
  from: string;
  to: string;
};

export type PublishNoticeInput = {
  /** Files uploaded with POST /files (at most 10): their hashes go into the notice’s record */
  attachments?: Array<AttachmentInput> | null | undefined;
  audience: NoticeAudience;
  /** 1–5000 characters */
  body: string;
  /** A decision of the publishing unit that this notice makes public */
  decisionId?: string | number | null | undefined;
  /** For MEMBERS: the chosen members (active, in the unit’s subtree; at most 500) */
  memberIds?: Array<string | number> | null | undefined;
  /** For ROLES: the account roles it is for */
  roles?: Array<Role> | null | undefined;
  /** 2–100 characters on one line */
  title: string;
  /** The publishing unit (yours or one under it) */
  unitId: string | number;
};

/** SINGLE_CHOICE 单选 / MULTIPLE_CHOICE 多选 / TRUE_FALSE 判断 */
export type QuestionKind =
  | 'MULTIPLE_CHOICE'
  | 'SINGLE_CHOICE'
  | 'TRUE_FALSE';

export type QuizAnswerInput = {
  /** Indexes of the chosen options */
  choices: Array<number>;
  questionId: string | number;
};

/** DRAFT 草稿 / OPEN 开放作答 / CLOSED 已关闭 */
export type QuizStatus =
  | 'CLOSED'
  | 'DRAFT'
  | 'OPEN';

/** Share of the frozen roll that must cast a ballot: NONE (at least one), MORE_THAN_HALF 过半数, TWO_THIRDS 三分之二以上 */
export type QuorumRule =
  | 'MORE_THAN_HALF'
  | 'NONE'
  | 'TWO_THIRDS';

/** PARTY_MEMBERS 党员推荐 / MASS_ORGANISATION 群团组织推优 */
export type Recommender =
  | 'MASS_ORGANISATION'
  | 'PARTY_MEMBERS';

export type RecordDuesPaymentInput = {
  /** At least the dues of the months; the rest is a voluntary extra */
  amountFen: number;
  memberId: string | number;
  method: DuesPaymentMethod;
  /** YYYY-MM, 1–24 months not yet paid */
  months: Array<string>;
  /** YYYY-MM-DD; default today */
  paidOn?: string | null | undefined;
  /** Transaction reference; required for TRANSFER and ONLINE */
  reference?: string | null | undefined;
};

export type RegistrationStatus =
  | 'CANCELLED'
  | 'REGISTERED';

/** 文章 / 文档 / 视频 / 音频 / 链接 */
export type ResourceKind =
  | 'ARTICLE'
  | 'AUDIO'
  | 'DOCUMENT'
  | 'LINK'
  | 'VIDEO';

/** Account role (角色) */
export type Role =
  | 'ADMIN'
  | 'LEADER'
  | 'MEMBER'
  | 'SECRETARY';

export type SelfAssessmentInput = {
  rating: AppraisalRating;
  /** 10–5000 characters */
  summary: string;
};

export type SetUpCommitteeInput = {
  /** Default: SECRETARY_ONLY for a branch of fewer than 7 full members, else COMMITTEE */
  form?: CommitteeForm | null | undefined;
  /** YYYY-MM-DD: 3 years on for a branch or general branch, 3–5 for a grassroots committee */
  termEnd: string;
  /** YYYY-MM-DD, the day of the election */
  termStart: string;
  unitId: string | number;
};

export type SubmitFeedbackInput = {
  category: FeedbackCategory;
  /** Body, 10–5000 characters */
  content: string;
  /** Title, 2–100 characters on one line */
  topic: string;
};

/** Intensive training: first day (the step date is the last) and class hours */
export type TrainingInput = {
  classHours: number;
  startedOn: string;
};

/** OUTGOING: issued by units of the subtree; INCOMING: addressed to them; ANY: either */
export type TransferDirection =
  | 'ANY'
  | 'INCOMING'
  | 'OUTGOING';

/** ISSUED 已开具 / RECEIVED 已接收 / EXPIRED 已过期 / CANCELLED 已撤销 */
export type TransferStatus =
  | 'CANCELLED'
  | 'EXPIRED'
  | 'ISSUED'
  | 'RECEIVED';

/** A draft’s new fields (its unit stays); the same rules as planning */
export type UpdateMeetingInput = {
  agenda?: string | null | undefined;
  /** After startsAt, within 24 hours */
  endsAt: string;
  kind: MeetingKind;
  place?: string | null | undefined;
  /** Must be in the future */
  startsAt: string;
  title: string;
};

/** Whose views were heard before the candidate decision: 党小组 / 培养联系人 / 党员 / 群众 */
export type ViewSource =
  | 'MEMBERS'
  | 'MENTORS'
  | 'PARTY_GROUP'
  | 'PUBLIC';

export type ViewsHeardInput = {
  on: string;
  sources: Array<ViewSource>;
};

export type VoteCandidateInput = {
  /** Name as printed on the ballot */
  label: string;
  /** The member standing, when the candidate is one */
  memberId?: string | number | null | undefined;
};

/** MOTION 议题表决 / ELECTION 选举 / ADMISSION 接收预备党员 (step 15) / CONFIRMATION 预备党员转正 (step 23) */
export type VoteKind =
  | 'ADMISSION'
  | 'CONFIRMATION'
  | 'ELECTION'
  | 'MOTION';

/** 草稿 / 投票中 / 已截止 / 已计票 / 已取消 */
export type VoteStatus =
  | 'CANCELLED'
  | 'CLOSED'
  | 'DRAFT'
  | 'OPEN'
  | 'TALLIED';

export type DashboardQueryVariables = Exact<{
  unitId?: string | number | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
  unitsFirst?: number | null | undefined;
  unitsOffset?: number | null | undefined;
}>;


export type DashboardQuery = { analytics: { unitId: string, unitName: string, asOf: string, from: string, to: string, childCount: number, composition: { total: number, figures: Record<string, unknown>, byStage: Array<{ key: string, count: number }>, byGender: Array<{ key: string, count: number }>, byEducation: Array<{ key: string, count: number }>, byAgeBand: Array<{ key: string, count: number }> }, byUnit: Array<{ unitId: string, unitName: string, composition: { total: number, figures: Record<string, unknown>, byStage: Array<{ key: string, count: number }>, byGender: Array<{ key: string, count: number }>, byEducation: Array<{ key: string, count: number }>, byAgeBand: Array<{ key: string, count: number }> }, meetings: { cadence: Array<{ kind: string, required: number, held: number, meetings: number, rate: number | null }>, attendance: { present: number, late: number, excused: number, absent: number, rate: number | null }, monthly: Array<{ month: string, key: string, count: number, total: number }> } }>, funnel: { overdueSteps: number, expiredSteps: number, figures: Record<string, unknown>, stages: Array<{ stage: string, current: number, reached: number, converted: number, conversionRate: number | null, medianDays: number | null }>, monthly: Array<{ month: string, key: string, count: number, total: number }> }, meetings: { cadence: Array<{ kind: string, required: number, held: number, meetings: number, rate: number | null }>, attendance: { present: number, late: number, excused: number, absent: number, rate: number | null }, monthly: Array<{ month: string, key: string, count: number, total: number }> }, learning: { completions: number, classHours: number, scored: number, averageScore: number | null, quizSubmitted: number, quizPassed: number, quizPassRate: number | null, scoreBands: Array<{ key: string, count: number }>, quizPercentBands: Array<{ key: string, count: number }>, monthly: Array<{ month: string, key: string, count: number, total: number }> }, appraisal: { year: number, total: number, excellentShare: number | null, byRating: Array<{ key: string, count: number }> }, points: { year: number, members: number, total: number, bands: Array<{ key: string, count: number }>, top: Array<{ rank: number, memberId: string, unitId: string, points: number }>, monthly: Array<{ month: string, key: string, count: number, total: number }> }, feedback: { total: number, resolved: number, medianResolutionDays: number | null, byCategory: Array<{ key: string, count: number }>, byStatus: Array<{ key: string, count: number }>, monthly: Array<{ month: string, key: string, count: number, total: number }> }, transfers: { open: number, expired: number, received: number, cancelled: number, issuedMonthly: Array<{ month: string, key: string, count: number, total: number }> } } };

export type CompositionFieldsFragment = { total: number, figures: Record<string, unknown>, byStage: Array<{ key: string, count: number }>, byGender: Array<{ key: string, count: number }>, byEducation: Array<{ key: string, count: number }>, byAgeBand: Array<{ key: string, count: number }> };

export type MeetingFiguresFragment = { cadence: Array<{ kind: string, required: number, held: number, meetings: number, rate: number | null }>, attendance: { present: number, late: number, excused: number, absent: number, rate: number | null }, monthly: Array<{ month: string, key: string, count: number, total: number }> };

export type MonthFieldsFragment = { month: string, key: string, count: number, total: number };

export type DashboardUnitsQueryVariables = Exact<{
  unitId: string | number;
  scope: string | number;
}>;


export type DashboardUnitsQuery = { orgUnits: { edges: Array<{ node: { id: string, name: string, level: number } }> }, orgUnit: { id: string, name: string, level: number }, scopeUnit: { id: string, level: number }, analyticsSnapshots: Array<{ id: string, metric: string, title: string, publishedAt: string, inputCount: number, figures: Record<string, unknown>, proof: { status: ProofStatus, batchSeq: number | null } }> };

export type DashboardCrumbsQueryVariables = Exact<{
  unitId: string | number;
  p1: boolean;
  p2: boolean;
  p3: boolean;
  p4: boolean;
  p5: boolean;
  p6: boolean;
}>;


export type DashboardCrumbsQuery = { orgUnit: { id: string, name: string, parent?: { id: string, name: string, parent?: { id: string, name: string, parent?: { id: string, name: string, parent?: { id: string, name: string, parent?: { id: string, name: string, parent?: { id: string, name: string } | null } | null } | null } | null } | null } | null } };

export type PublishMutationVariables = Exact<{
  unitId: string | number;
  metric: string;
  title?: string | null | undefined;
}>;


export type PublishMutation = { publishAnalyticsSnapshot: { id: string } };

export type DiscussionThreadQueryVariables = Exact<{
  subjectType: CommentSubject;
  subjectId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
  search?: string | null | undefined;
}>;


export type DiscussionThreadQuery = { comments: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, version: number, body: string | null, bodySha256: string, hiddenAt: string | null, hiddenReason: string | null, canHide: boolean, mine: boolean, createdAt: string, author: { accountId: string, name: string }, mentions: Array<{ accountId: string, name: string }>, proof: { status: ProofStatus, batchSeq: number | null, index: number | null, bundle: Record<string, unknown> | null, anchor: { height: number, chainId: string } | null } } }> }, commentMentionCandidates: Array<{ accountId: string, name: string, unitName: string, role: Role }> };

export type PostCommentMutationVariables = Exact<{
  input: PostCommentInput;
}>;


export type PostCommentMutation = { postComment: { id: string } };

export type HideCommentMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type HideCommentMutation = { hideComment: { id: string } };

export type DuesReportCsvQueryVariables = Exact<{
  year?: number | null | undefined;
}>;


export type DuesReportCsvQuery = { duesReportCsv: string };

export type DuesStatementFieldsFragment = { memberId: string, memberName: string, year: number, dueFen: number, paidFen: number, extraFen: number, base: { id: string, version: number, year: number, category: DuesCategory, baseFen: number | null, fixedFen: number | null, rateBp: number | null, monthlyDueFen: number, status: DuesBaseStatus, checkedOn: string | null, proof: { status: ProofStatus, batchSeq: number | null, index: number | null, bundle: Record<string, unknown> | null, anchor: { height: number, chainId: string } | null } } | null, months: Array<{ month: string, dueFen: number | null, paidFen: number, hardship: DuesHardshipKind | null, status: DuesMonthStatus }>, payments: Array<{ id: string, version: number, months: Array<string>, monthAmounts: Array<number>, extraFen: number, amountFen: number, method: DuesPaymentMethod, reference: string | null, paidOn: string, receiptNo: string, correctsId: string | null, correctedBy: string | null, reason: string | null, proof: { status: ProofStatus, batchSeq: number | null, index: number | null, bundle: Record<string, unknown> | null, anchor: { height: number, chainId: string } | null } }> };

export type DeclareDuesBaseMutationVariables = Exact<{
  input: DeclareDuesBaseInput;
}>;


export type DeclareDuesBaseMutation = { declareDuesBase: { id: string, status: DuesBaseStatus, monthlyDueFen: number } };

export type PageFieldsFragment = { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null };

export type ProofFieldsFragment = { status: ProofStatus, batchSeq: number | null, index: number | null, bundle: Record<string, unknown> | null, anchor: { height: number, chainId: string } | null };

export type MemberFieldsFragment = { id: string, version: number, name: string, gender: Gender, birthDate: string, ethnicity: string, education: Education, nativePlace: string | null, occupation: string | null, stage: MemberStage, status: MemberStatus, statusChangedOn: string | null, appliedOn: string | null, activistSince: string | null, candidateSince: string | null, probationarySince: string | null, probationEndsOn: string | null, probationExtended: boolean, fullMemberSince: string | null, partyAgeYears: number | null, orgUnitId: string, orgUnit: { id: string, name: string, kind: OrgUnitKind } };

export type RuleFieldsFragment = { code: string, zh: string, en: string, warning: boolean };

export type StepFieldsFragment = { id: string, version: number, seq: number, stepNo: number, kind: DevelopmentStepKind, nameZh: string, nameEn: string, stage: MemberStage, occurredOn: string, approval: ApprovalStatus, notes: string | null, warnings: Array<{ code: string, zh: string, en: string, warning: boolean }>, proof: { status: ProofStatus, batchSeq: number | null, index: number | null, bundle: Record<string, unknown> | null, anchor: { height: number, chainId: string } | null } };

export type ActionFieldsFragment = { stepNo: number, kind: DevelopmentStepKind, nameZh: string, nameEn: string, stage: MemberStage, legalToday: boolean, notBefore: string | null, recommendedFrom: string | null, dueOn: string | null, deadline: string | null, blockedBy: { code: string, zh: string, en: string, warning: boolean } | null };

export type HistoryFieldsFragment = { version: number, at: string, actor: string, data: Record<string, unknown>, proof: { status: ProofStatus, batchSeq: number | null, index: number | null, bundle: Record<string, unknown> | null, anchor: { height: number, chainId: string } | null } };

export type MeetingFieldsFragment = { id: string, version: number, orgUnitId: string, orgUnitName: string, kind: MeetingKind, kindZh: string, title: string, agenda: string | null, location: string | null, scheduledAt: string, durationMinutes: number, startsAt: string, endsAt: string, status: MeetingStatus, publishedAt: string | null, startedAt: string | null, endedAt: string | null, minutes: string | null, minutesRecordedAt: string | null, recordedAfterwards: boolean, cancelReason: string | null, checkInOpen: boolean, proof: { status: ProofStatus, batchSeq: number | null, index: number | null, bundle: Record<string, unknown> | null, anchor: { height: number, chainId: string } | null } };

export type TallyFieldsFragment = { id: string, version: number, eligibleCount: number, ballotsCast: number, quorumMet: boolean, passed: boolean | null, ballotsRoot: string | null, talliedAt: string, results: Array<{ optionId: string, count: number, elected: boolean | null }>, proof: { status: ProofStatus, batchSeq: number | null, index: number | null, bundle: Record<string, unknown> | null, anchor: { height: number, chainId: string } | null } };

export type VoteFieldsFragment = { id: string, version: number, orgUnitId: string, kind: VoteKind, title: string, description: string | null, status: VoteStatus, quorumRule: QuorumRule, majorityRule: MajorityRule, seats: number, meetingId: string | null, closesAt: string | null, openedAt: string | null, closedAt: string | null, eligibleCount: number | null, eligibleRollHash: string | null, createdAt: string, hasVoted: boolean | null, options: Array<{ id: string, position: number, label: string, candidateId: string | null }>, tally: { id: string, version: number, eligibleCount: number, ballotsCast: number, quorumMet: boolean, passed: boolean | null, ballotsRoot: string | null, talliedAt: string, results: Array<{ optionId: string, count: number, elected: boolean | null }>, proof: { status: ProofStatus, batchSeq: number | null, index: number | null, bundle: Record<string, unknown> | null, anchor: { height: number, chainId: string } | null } } | null, proof: { status: ProofStatus, batchSeq: number | null, index: number | null, bundle: Record<string, unknown> | null, anchor: { height: number, chainId: string } | null } };

export type SnapshotFieldsFragment = { id: string, version: number, orgUnitId: string, metric: string, title: string, params: Record<string, unknown>, figures: Record<string, unknown>, inputRoot: string, inputCount: number, publishedAt: string, proof: { status: ProofStatus, batchSeq: number | null, index: number | null, bundle: Record<string, unknown> | null, anchor: { height: number, chainId: string } | null } };

export type DueFieldsFragment = { stepNo: number, kind: DevelopmentStepKind, nameZh: string, nameEn: string, dueOn: string, deadline: string | null, daysLeft: number, status: PipelineDueStatus };

export type NavCountsQueryVariables = Exact<{ [key: string]: never; }>;


export type NavCountsQuery = { unreadNoticeCount: number, inboxCounts: { open: number } };

export type SnapshotQueryVariables = Exact<{
  id: string | number;
}>;


export type SnapshotQuery = { analyticsSnapshot: { id: string, version: number, orgUnitId: string, metric: string, title: string, params: Record<string, unknown>, figures: Record<string, unknown>, inputRoot: string, inputCount: number, publishedAt: string, proof: { status: ProofStatus, batchSeq: number | null, index: number | null, bundle: Record<string, unknown> | null, anchor: { height: number, chainId: string } | null } } };

export type SnapshotUnitQueryVariables = Exact<{
  id: string | number;
}>;


export type SnapshotUnitQuery = { orgUnit: { name: string } };

export type SnapshotInputsQueryVariables = Exact<{
  id: string | number;
  first: number;
  after?: string | null | undefined;
}>;


export type SnapshotInputsQuery = { analyticsSnapshot: { inputs: { totalCount: number, hasNextPage: boolean, endCursor: string | null, nodes: Array<{ ordinal: number, entityType: string, entityId: string, entityVersion: number, leaf: string, proof: { status: ProofStatus, bundle: Record<string, unknown> | null } | null }> } } };

export type UnitsQueryVariables = Exact<{ [key: string]: never; }>;


export type UnitsQuery = { orgUnits: { edges: Array<{ node: { id: string, name: string, level: number, kind: OrgUnitKind } }> } };

export type ViewerLevelQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerLevelQuery = { me: { account: { id: string, member: { id: string } | null, scopeUnit: { id: string, kind: OrgUnitKind, committee: { positions: Array<{ title: CommitteeTitle, memberId: string, accountId: string | null }> } | null } } | null } };

export type AccountsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
  role?: Role | null | undefined;
  search?: string | null | undefined;
  all?: boolean | null | undefined;
}>;


export type AccountsQuery = { accounts: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ node: { id: string, username: string, displayName: string, role: Role, totpEnabled: boolean, disabledAt: string | null, lastLoginAt: string | null, scopeUnit: { id: string, name: string }, member: { id: string, name: string } | null } }> }, orgUnits: { edges: Array<{ node: { id: string, name: string, level: number } }> } };

export type PickMemberQueryVariables = Exact<{
  id: string | number;
}>;


export type PickMemberQuery = { member: { id: string, name: string, orgUnit: { name: string } } };

export type PickMembersQueryVariables = Exact<{
  search?: string | null | undefined;
}>;


export type PickMembersQuery = { members: { edges: Array<{ node: { id: string, name: string, orgUnit: { name: string } } }> } };

export type CreateAccountMutationVariables = Exact<{
  input: CreateAccountInput;
}>;


export type CreateAccountMutation = { createAccount: { password: string, account: { id: string, username: string } } };

export type ChangeAccessMutationVariables = Exact<{
  id: string | number;
  role?: Role | null | undefined;
  unit?: string | number | null | undefined;
}>;


export type ChangeAccessMutation = { changeAccountAccess: { id: string, username: string } };

export type DisableMutationVariables = Exact<{
  id: string | number;
}>;


export type DisableMutation = { disableAccount: { id: string, username: string } };

export type EnableMutationVariables = Exact<{
  id: string | number;
}>;


export type EnableMutation = { enableAccount: { id: string, username: string } };

export type ResetMutationVariables = Exact<{
  id: string | number;
  totp?: boolean | null | undefined;
}>;


export type ResetMutation = { resetPassword: { password: string, account: { id: string, username: string } } };

export type AdminMirrorsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AdminMirrorsQuery = { mirrors: { totalCount: number, staleAfterMinutes: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { keyId: string, keyName: string, keyPrefix: string, unitId: string, unitName: string, state: MirrorSyncState, reportedAt: string | null, position: number | null, centreHeadPosition: number, recordsBehind: number | null, recordsBehindCapped: boolean, openAlerts: number | null, lastAlert: { kind: string, entityType: string | null, entityId: string | null, version: number | null, batchSeq: number | null, detectedAt: string | null } | null } }> } };

export type KeysQueryVariables = Exact<{ [key: string]: never; }>;


export type KeysQuery = { partnerScopes: Array<string>, apiKeys: { totalCount: number, edges: Array<{ node: { id: string, name: string, prefix: string, scopes: Array<string>, createdAt: string, lastUsedAt: string | null, expiresAt: string | null, revokedAt: string | null, unit: { id: string, name: string } } }> }, orgUnits: { edges: Array<{ node: { id: string, name: string, level: number } }> } };

export type CreateKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type CreateKeyMutation = { createApiKey: { key: string, apiKey: { id: string, name: string, prefix: string } } };

export type RevokeKeyMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeKeyMutation = { revokeApiKey: { id: string, name: string, revokedAt: string | null } };

export type AlertsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  open?: boolean | null | undefined;
}>;


export type AlertsQuery = { tamperAlerts: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, kind: string, entityType: string | null, entityId: string | null, batchSeq: number | null, detail: Record<string, unknown>, detectedAt: string, resolvedAt: string | null } }> } };

export type StaffCampaignsQueryVariables = Exact<{ [key: string]: never; }>;


export type StaffCampaignsQuery = { appraisalCampaigns: { totalCount: number, edges: Array<{ node: { id: string, year: number, title: string, status: AppraisalStatus, opensOn: string, closesOn: string, orgUnit: { name: string } } }> } };

export type MemberCampaignsQueryVariables = Exact<{ [key: string]: never; }>;


export type MemberCampaignsQuery = { appraisalCampaigns: { totalCount: number, edges: Array<{ node: { id: string, year: number, title: string, status: AppraisalStatus, opensOn: string, closesOn: string } }> } };

export type BranchesQueryVariables = Exact<{ [key: string]: never; }>;


export type BranchesQuery = { orgUnits: { edges: Array<{ node: { id: string, name: string } }> } };

export type StaffCampaignQueryVariables = Exact<{
  id: string | number;
}>;


export type StaffCampaignQuery = { appraisalCampaign: { id: string, version: number, year: number, title: string, status: AppraisalStatus, excellentCap: number, orgUnit: { name: string }, roster: Array<{ memberId: string, name: string, stage: MemberStage, peerTally: { excellent: number, qualified: number, basicallyQualified: number, unqualified: number } }>, results: { edges: Array<{ node: { memberId: string, rating: AppraisalRating, notifiedAt: string | null } }> } } };

export type MemberCampaignQueryVariables = Exact<{
  id: string | number;
}>;


export type MemberCampaignQuery = { appraisalCampaign: { id: string, version: number, year: number, title: string, status: AppraisalStatus, roster: Array<{ memberId: string, name: string, stage: MemberStage }>, mySelfAssessment: { rating: AppraisalRating, summary: string } | null } };

export type CreateCampaignMutationVariables = Exact<{
  input: CreateAppraisalCampaignInput;
}>;


export type CreateCampaignMutation = { createAppraisalCampaign: { id: string } };

export type OpenMutationVariables = Exact<{
  id: string | number;
}>;


export type OpenMutation = { openAppraisalCampaign: { id: string } };

export type PeerMutationVariables = Exact<{
  id: string | number;
}>;


export type PeerMutation = { startPeerAssessment: { id: string } };

export type ProposeMutationVariables = Exact<{
  id: string | number;
  ratings: Array<AppraisalRatingInput> | AppraisalRatingInput;
}>;


export type ProposeMutation = { proposeAppraisalRatings: { id: string } };

export type FinaliseMutationVariables = Exact<{
  id: string | number;
  ratings?: Array<AppraisalRatingInput> | AppraisalRatingInput | null | undefined;
}>;


export type FinaliseMutation = { finaliseAppraisalCampaign: { id: string } };

export type SelfMutationVariables = Exact<{
  id: string | number;
  input: SelfAssessmentInput;
}>;


export type SelfMutation = { submitSelfAssessment: { id: string } };

export type PeerAssessMutationVariables = Exact<{
  id: string | number;
  input: PeerAssessmentInput;
}>;


export type PeerAssessMutation = { submitPeerAssessment: { id: string } };

export type ApprovalScopeQueryVariables = Exact<{ [key: string]: never; }>;


export type ApprovalScopeQuery = { me: { account: { role: Role, scopeUnit: { id: string, name: string, kind: OrgUnitKind } } | null } };

export type ApprovalQueueQueryVariables = Exact<{
  after?: string | null | undefined;
  reviewAfter?: string | null | undefined;
}>;


export type ApprovalQueueQuery = { decision: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { stage: LevelQueueStage, since: string, waitingDays: number, dueOn: string | null, deadline: string | null, status: LevelQueueStatus, daysLeft: number | null, request: { id: string, kind: DevelopmentStepKind, stepNo: number, nameZh: string, nameEn: string, status: LevelRequestStatus, notes: string | null, requestedAt: string, requestedByName: string | null, decidedAt: string | null, decidedByName: string | null, returnReason: string | null, decidingUnitName: string, reviewingUnitName: string | null, reviewedAt: string | null, reviewedByName: string | null, reviewNote: string | null, member: { id: string, name: string, orgUnit: { id: string, name: string } } } } }> }, review: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { stage: LevelQueueStage, since: string, waitingDays: number, dueOn: string | null, deadline: string | null, status: LevelQueueStatus, daysLeft: number | null, request: { id: string, kind: DevelopmentStepKind, stepNo: number, nameZh: string, nameEn: string, status: LevelRequestStatus, notes: string | null, requestedAt: string, requestedByName: string | null, decidedAt: string | null, decidedByName: string | null, returnReason: string | null, decidingUnitName: string, reviewingUnitName: string | null, reviewedAt: string | null, reviewedByName: string | null, reviewNote: string | null, member: { id: string, name: string, orgUnit: { id: string, name: string } } } } }> }, levelRequests: { totalCount: number, edges: Array<{ node: { id: string, kind: DevelopmentStepKind, stepNo: number, nameZh: string, nameEn: string, status: LevelRequestStatus, notes: string | null, requestedAt: string, requestedByName: string | null, decidedAt: string | null, decidedByName: string | null, returnReason: string | null, decidingUnitName: string, reviewingUnitName: string | null, reviewedAt: string | null, reviewedByName: string | null, reviewNote: string | null, member: { id: string, name: string, orgUnit: { id: string, name: string } } } }> } };

export type LevelRequestRowFragment = { id: string, kind: DevelopmentStepKind, stepNo: number, nameZh: string, nameEn: string, status: LevelRequestStatus, notes: string | null, requestedAt: string, requestedByName: string | null, decidedAt: string | null, decidedByName: string | null, returnReason: string | null, decidingUnitName: string, reviewingUnitName: string | null, reviewedAt: string | null, reviewedByName: string | null, reviewNote: string | null, member: { id: string, name: string, orgUnit: { id: string, name: string } } };

export type ApproveLevelRequestMutationVariables = Exact<{
  id: string | number;
  lateReason?: string | null | undefined;
}>;


export type ApproveLevelRequestMutation = { approveLevelRequest: { request: { id: string, nameZh: string, nameEn: string } } };

export type ReturnLevelRequestMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type ReturnLevelRequestMutation = { returnLevelRequest: { request: { id: string, nameZh: string, nameEn: string } } };

export type PassOnLevelRequestMutationVariables = Exact<{
  id: string | number;
  note?: string | null | undefined;
}>;


export type PassOnLevelRequestMutation = { passOnLevelRequest: { id: string, nameZh: string, nameEn: string } };

export type DecisionQueryVariables = Exact<{
  id: string | number;
}>;


export type DecisionQuery = { decision: { id: string, version: number, number: string | null, title: string, content: string, decidedOn: string, status: DecisionStatus, yesCount: number | null, noCount: number | null, abstainCount: number | null, overdueMilestones: number, orgUnitId: string, orgUnit: { id: string, name: string }, vote: { id: string, title: string, status: VoteStatus, eligibleCount: number | null, options: Array<{ id: string, label: string }>, tally: { ballotsCast: number, eligibleCount: number, quorumMet: boolean, passed: boolean | null, results: Array<{ optionId: string, count: number }> } | null } | null, milestones: Array<{ id: string, version: number, title: string, dueOn: string, completedOn: string | null, status: MilestoneStatus, notes: string | null, overdue: boolean, overdueDays: number, completedLate: boolean | null, owner: { id: string, name: string } | null, proof: { status: ProofStatus, batchSeq: number | null, index: number | null, bundle: Record<string, unknown> | null, anchor: { height: number, chainId: string } | null } }>, proof: { status: ProofStatus, batchSeq: number | null, index: number | null, bundle: Record<string, unknown> | null, anchor: { height: number, chainId: string } | null } }, history: { edges: Array<{ node: { version: number, at: string, actor: string, data: Record<string, unknown>, proof: { status: ProofStatus, batchSeq: number | null, index: number | null, bundle: Record<string, unknown> | null, anchor: { height: number, chainId: string } | null } } }> } };

export type OwnersQueryVariables = Exact<{
  under: string | number;
}>;


export type OwnersQuery = { members: { edges: Array<{ node: { id: string, name: string } }> } };

export type DecisionStatusMutationVariables = Exact<{
  id: string | number;
  status: DecisionStatus;
}>;


export type DecisionStatusMutation = { updateDecisionStatus: { id: string } };

export type AddMilestoneMutationVariables = Exact<{
  input: AddMilestoneInput;
}>;


export type AddMilestoneMutation = { addMilestone: { id: string } };

export type MilestoneStatusMutationVariables = Exact<{
  id: string | number;
  status: MilestoneStatus;
  on?: string | null | undefined;
  notes?: string | null | undefined;
}>;


export type MilestoneStatusMutation = { updateMilestoneStatus: { id: string } };

export type DecisionsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
  status?: DecisionStatus | null | undefined;
}>;


export type DecisionsQuery = { decisions: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ node: { id: string, number: string | null, title: string, decidedOn: string, status: DecisionStatus, yesCount: number | null, noCount: number | null, abstainCount: number | null, overdueMilestones: number, orgUnit: { name: string }, proof: { status: ProofStatus, batchSeq: number | null, anchor: { height: number } | null } } }> } };

export type VQueryVariables = Exact<{
  id: string | number;
}>;


export type VQuery = { vote: { id: string, title: string, orgUnitId: string, status: VoteStatus, closedAt: string | null, tally: { passed: boolean | null } | null } };

export type CreateDecisionMutationVariables = Exact<{
  input: CreateDecisionInput;
}>;


export type CreateDecisionMutation = { createDecision: { id: string } };

export type DuesArrearsListQueryVariables = Exact<{
  status?: DuesArrearsStatus | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type DuesArrearsListQuery = { duesArrearsCases: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ node: { id: string, memberId: string, memberName: string, fromMonth: string, toMonth: string, months: number, status: DuesArrearsStatus, decisionReason: string | null, decidedOn: string | null, createdAt: string, proof: { status: ProofStatus, batchSeq: number | null, anchor: { height: number } | null } } }> } };

export type RaiseDuesArrearsMutationVariables = Exact<{ [key: string]: never; }>;


export type RaiseDuesArrearsMutation = { raiseDuesArrearsCases: Array<{ id: string }> };

export type DecideDuesArrearsMutationVariables = Exact<{
  id: string | number;
  decision: DuesArrearsDecision;
  reason: string;
}>;


export type DecideDuesArrearsMutation = { decideDuesArrearsCase: { id: string, status: DuesArrearsStatus } };

export type DuesBasesListQueryVariables = Exact<{
  year?: number | null | undefined;
  status?: DuesBaseStatus | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type DuesBasesListQuery = { duesBases: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ node: { id: string, version: number, memberId: string, memberName: string, year: number, category: DuesCategory, baseFen: number | null, fixedFen: number | null, rateBp: number | null, monthlyDueFen: number, status: DuesBaseStatus, checkedOn: string | null, proof: { status: ProofStatus, batchSeq: number | null, anchor: { height: number } | null } } }> }, full: { edges: Array<{ node: { id: string, name: string } }> }, probationary: { edges: Array<{ node: { id: string, name: string } }> } };

export type CheckDuesBaseInListMutationVariables = Exact<{
  id: string | number;
}>;


export type CheckDuesBaseInListMutation = { checkDuesBase: { id: string, status: DuesBaseStatus } };

export type DuesHardshipsListQueryVariables = Exact<{
  scope: string | number;
  status?: DuesHardshipStatus | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type DuesHardshipsListQuery = { duesHardships: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ node: { id: string, memberId: string, memberName: string, kind: DuesHardshipKind, reducedFen: number | null, fromMonth: string, toMonth: string, reason: string, branchDecision: string, status: DuesHardshipStatus, decidedOn: string | null, decisionNote: string | null, proof: { status: ProofStatus, batchSeq: number | null, anchor: { height: number } | null } } }> }, scope: { kind: OrgUnitKind }, full: { edges: Array<{ node: { id: string, name: string } }> }, probationary: { edges: Array<{ node: { id: string, name: string } }> } };

export type ProposeDuesHardshipMutationVariables = Exact<{
  input: ProposeDuesHardshipInput;
}>;


export type ProposeDuesHardshipMutation = { proposeDuesHardship: { id: string } };

export type DecideDuesHardshipMutationVariables = Exact<{
  id: string | number;
  approve: boolean;
  note?: string | null | undefined;
}>;


export type DecideDuesHardshipMutation = { decideDuesHardship: { id: string, status: DuesHardshipStatus } };

export type MemberDuesQueryVariables = Exact<{
  memberId: string | number;
  year?: number | null | undefined;
}>;


export type MemberDuesQuery = { duesStatement: { memberId: string, memberName: string, year: number, dueFen: number, paidFen: number, extraFen: number, base: { id: string, version: number, year: number, category: DuesCategory, baseFen: number | null, fixedFen: number | null, rateBp: number | null, monthlyDueFen: number, status: DuesBaseStatus, checkedOn: string | null, proof: { status: ProofStatus, batchSeq: number | null, index: number | null, bundle: Record<string, unknown> | null, anchor: { height: number, chainId: string } | null } } | null, months: Array<{ month: string, dueFen: number | null, paidFen: number, hardship: DuesHardshipKind | null, status: DuesMonthStatus }>, payments: Array<{ id: string, version: number, months: Array<string>, monthAmounts: Array<number>, extraFen: number, amountFen: number, method: DuesPaymentMethod, reference: string | null, paidOn: string, receiptNo: string, correctsId: string | null, correctedBy: string | null, reason: string | null, proof: { status: ProofStatus, batchSeq: number | null, index: number | null, bundle: Record<string, unknown> | null, anchor: { height: number, chainId: string } | null } }> } };

export type RecordDuesPaymentMutationVariables = Exact<{
  input: RecordDuesPaymentInput;
}>;


export type RecordDuesPaymentMutation = { recordDuesPayment: { id: string, receiptNo: string } };

export type CorrectDuesPaymentMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type CorrectDuesPaymentMutation = { correctDuesPayment: { id: string, receiptNo: string } };

export type CheckDuesBaseMutationVariables = Exact<{
  id: string | number;
}>;


export type CheckDuesBaseMutation = { checkDuesBase: { id: string, status: DuesBaseStatus } };

export type DuesMembersListQueryVariables = Exact<{
  year?: number | null | undefined;
  onlyInArrears?: boolean | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type DuesMembersListQuery = { duesMembers: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ node: { memberId: string, memberName: string, unitName: string, category: DuesCategory, monthlyDueFen: number, baseStatus: DuesBaseStatus, dueFen: number, paidFen: number, unpaidMonths: Array<string>, consecutiveUnpaidMonths: number, openCaseId: string | null, openCaseFromMonth: string | null, openCaseMonths: number | null } }> } };

export type DuesOverviewQueryVariables = Exact<{
  month?: string | null | undefined;
}>;


export type DuesOverviewQuery = { duesSummary: { month: string, trackedMembers: number, dueFen: number, collectedFen: number, collectionRateBp: number | null, paidMembers: number, unpaidMembers: number, membersInArrears: number, openArrearsCases: number } };

export type DuesPaymentsListQueryVariables = Exact<{
  memberId?: string | number | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type DuesPaymentsListQuery = { duesPayments: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ node: { id: string, memberId: string, memberName: string, months: Array<string>, amountFen: number, extraFen: number, method: DuesPaymentMethod, reference: string | null, paidOn: string, receiptNo: string, correctsId: string | null, correctedBy: string | null, proof: { status: ProofStatus, batchSeq: number | null, anchor: { height: number } | null } } }> }, full: { edges: Array<{ node: { id: string, name: string } }> }, probationary: { edges: Array<{ node: { id: string, name: string } }> } };

export type DuesRemittancesListQueryVariables = Exact<{
  status?: DuesRemittanceStatus | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type DuesRemittancesListQuery = { duesRemittances: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ node: { id: string, orgUnitId: string, unitName: string, toUnitId: string, toUnitName: string, month: string, paymentCount: number, memberCount: number, amountFen: number, status: DuesRemittanceStatus, confirmedOn: string | null, receiptNo: string | null, proof: { status: ProofStatus, batchSeq: number | null, anchor: { height: number } | null } } }> } };

export type SubmitDuesRemittanceMutationVariables = Exact<{
  unitId: string | number;
  month: string;
}>;


export type SubmitDuesRemittanceMutation = { submitDuesRemittance: { id: string, amountFen: number } };

export type ConfirmDuesRemittanceMutationVariables = Exact<{
  id: string | number;
  receiptNo: string;
}>;


export type ConfirmDuesRemittanceMutation = { confirmDuesRemittance: { id: string, status: DuesRemittanceStatus } };

export type FeedbackQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
  status?: FeedbackStatus | null | undefined;
}>;


export type FeedbackQuery = { memberFeedback: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ node: { id: string, version: number, category: FeedbackCategory, topic: string, content: string, status: FeedbackStatus, nextStatuses: Array<FeedbackStatus>, submittedAt: string, response: string | null, respondedAt: string | null, orgUnit: { name: string } } }> } };

export type RespondMutationVariables = Exact<{
  id: string | number;
  status: FeedbackStatus;
  response?: string | null | undefined;
  v?: number | null | undefined;
}>;


export type RespondMutation = { respondToFeedback: { id: string } };

export type MyFeedbackQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
  status?: FeedbackStatus | null | undefined;
}>;


export type MyFeedbackQuery = { myFeedback: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ node: { id: string, version: number, category: FeedbackCategory, topic: string, content: string, status: FeedbackStatus, submittedAt: string, response: string | null, respondedAt: string | null, proof: { status: ProofStatus, batchSeq: number | null, index: number | null, bundle: Record<string, unknown> | null, anchor: { height: number, chainId: string } | null } } }> } };

export type SubmitFeedbackMutationVariables = Exact<{
  input: SubmitFeedbackInput;
}>;


export type SubmitFeedbackMutation = { submitFeedback: { id: string } };

export type InboxPageQueryVariables = Exact<{
  open?: boolean | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type InboxPageQuery = { inbox: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, kind: InboxKind, title: string, link: string, dueAt: string | null, createdAt: string, readAt: string | null, doneAt: string | null, occasionName: { zh: string, en: string } | null } }> }, inboxCounts: { open: number, unread: number }, emailPreferences: { email: string | null, preferences: Array<{ kind: InboxKind, mode: EmailMode }> } };

export type InboxMarkReadMutationVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type InboxMarkReadMutation = { markInboxRead: Array<{ id: string, readAt: string | null }> };

export type InboxSetEmailMutationVariables = Exact<{
  email?: string | null | undefined;
}>;


export type InboxSetEmailMutation = { setMyEmail: { email: string | null } };

export type InboxSetModeMutationVariables = Exact<{
  kind: InboxKind;
  mode: EmailMode;
}>;


export type InboxSetModeMutation = { setEmailPreference: { email: string | null } };

export type AttemptQueryVariables = Exact<{
  id: string | number;
}>;


export type AttemptQuery = { quizAttempt: { id: string, version: number, attemptNo: number, status: AttemptStatus, score: number | null, maxScore: number, passed: boolean | null, startedAt: string, finishedAt: string | null, deadlineAt: string, secondsLeft: number | null, timeLimitSeconds: number, quiz: { id: string, title: string, passScore: number, courseId: string | null }, questions: Array<{ id: string, kind: QuestionKind, prompt: string, options: Array<string>, points: number }>, results: Array<{ chosen: Array<number>, correct: Array<number> | null, earned: number | null, explanation: string | null, isCorrect: boolean | null, points: number, question: { id: string, prompt: string, options: Array<string>, kind: QuestionKind } }> | null, proof: { status: ProofStatus, batchSeq: number | null, index: number | null, bundle: Record<string, unknown> | null, anchor: { height: number, chainId: string } | null } } };

export type IdsQueryVariables = Exact<{
  id: string | number;
}>;


export type IdsQuery = { quizAttempt: { questionIds: Array<string>, secondsLeft: number | null } };

export type SubmitAttemptMutationVariables = Exact<{
  attemptId: string | number;
  answers: Array<QuizAnswerInput> | QuizAnswerInput;
}>;


export type SubmitAttemptMutation = { submitQuizAttempt: { id: string, status: AttemptStatus } };

export type CourseQueryVariables = Exact<{
  id: string | number;
}>;


export type CourseQuery = { course: { id: string, title: string, description: string | null, category: string | null, classHours: number, mandatory: boolean, orgUnitName: string, publishedAt: string | null, status: CourseStatus, myCompletion: { id: string, version: number, completedAt: string, classHours: number, score: number | null, proof: { status: ProofStatus, batchSeq: number | null, index: number | null, bundle: Record<string, unknown> | null, anchor: { height: number, chainId: string } | null } } | null, resources: { edges: Array<{ node: { id: string, title: string, kind: ResourceKind, uri: string, durationMinutes: number | null, position: number, contentHash: string | null } }> } } };

export type CourseQuizzesQueryVariables = Exact<{
  id: string | number;
}>;


export type CourseQuizzesQuery = { quizzes: { edges: Array<{ node: { id: string, title: string, status: QuizStatus, questionCount: number, timeLimitSeconds: number, passScore: number, maxAttempts: number, attemptsLeft: number | null, opensAt: string | null, closesAt: string | null, myAttempts: { edges: Array<{ node: { id: string, attemptNo: number, status: AttemptStatus, score: number | null, maxScore: number, passed: boolean | null, deadlineAt: string } }> } } }> } };

export type CompleteMutationVariables = Exact<{
  courseId: string | number;
  resourceIds?: Array<string | number> | string | number | null | undefined;
}>;


export type CompleteMutation = { completeCourse: { id: string } };

export type StartMutationVariables = Exact<{
  quizId: string | number;
}>;


export type StartMutation = { startQuizAttempt: { id: string } };

export type CoursesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
  search?: string | null | undefined;
}>;


export type CoursesQuery = { courses: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ node: { id: string, title: string, description: string | null, category: string | null, classHours: number, mandatory: boolean, orgUnitName: string, publishedAt: string | null, myCompletion: { id: string, completedAt: string } | null, resources: { totalCount: number } } }> } };

export type CourseMaterialQueryVariables = Exact<{
  id: string | number;
}>;


export type CourseMaterialQuery = { course: { id: string, title: string, resources: { edges: Array<{ node: { id: string, title: string, kind: ResourceKind, uri: string, durationMinutes: number | null, position: number, contentHash: string | null } }> } } };

export type MyAppraisalQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type MyAppraisalQuery = { myAppraisalResults: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ node: { id: string, version: number, rating: AppraisalRating, ratingZh: string, decidedAt: string, notifiedAt: string | null, peerSummary: { excellent: number, qualified: number, basicallyQualified: number, unqualified: number, total: number }, campaign: { id: string, title: string, year: number }, proof: { status: ProofStatus, batchSeq: number | null, index: number | null, bundle: Record<string, unknown> | null, anchor: { height: number, chainId: string } | null } } }> } };

export type MyBallotVotesQueryVariables = Exact<{ [key: string]: never; }>;


export type MyBallotVotesQuery = { votes: { totalCount: number, edges: Array<{ node: { id: string, title: string, status: VoteStatus, hasVoted: boolean | null, closedAt: string | null, options: Array<{ id: string, label: string, position: number }> } }> } };

export type CheckQueryVariables = Exact<{
  voteId: string | number;
  receipt: string;
}>;


export type CheckQuery = { verifyMyBallot: { verified: boolean, voteStatus: VoteStatus, choices: Array<string>, ballot: { id: string, version: number, voteId: string, choices: Array<string>, receiptHash: string, proof: { status: ProofStatus, batchSeq: number | null, index: number | null, bundle: Record<string, unknown> | null, anchor: { height: number, chainId: string } | null } } | null } };

export type BranchDecisionQueryVariables = Exact<{
  id: string | number;
}>;


export type BranchDecisionQuery = { decision: { id: string, number: string | null, title: string, content: string, decidedOn: string, status: DecisionStatus, yesCount: number | null, noCount: number | null, abstainCount: number | null, overdueMilestones: number, proof: { status: ProofStatus, batchSeq: number | null, anchor: { height: number } | null }, milestones: Array<{ id: string, title: string, dueOn: string, completedOn: string | null, status: MilestoneStatus, overdue: boolean, overdueDays: number, proof: { status: ProofStatus, batchSeq: number | null, anchor: { height: number } | null } }> } };

export type BranchDecisionsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type BranchDecisionsQuery = { decisions: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ node: { id: string, number: string | null, title: string, content: string, decidedOn: string, status: DecisionStatus, yesCount: number | null, noCount: number | null, abstainCount: number | null, overdueMilestones: number, proof: { status: ProofStatus, batchSeq: number | null, anchor: { height: number } | null }, milestones: Array<{ id: string, title: string, dueOn: string, completedOn: string | null, status: MilestoneStatus, overdue: boolean, overdueDays: number, proof: { status: ProofStatus, batchSeq: number | null, anchor: { height: number } | null } }> } }> } };

export type MyDuesQueryVariables = Exact<{
  year?: number | null | undefined;
}>;


export type MyDuesQuery = { duesStatement: { memberId: string, memberName: string, year: number, dueFen: number, paidFen: number, extraFen: number, base: { id: string, version: number, year: number, category: DuesCategory, baseFen: number | null, fixedFen: number | null, rateBp: number | null, monthlyDueFen: number, status: DuesBaseStatus, checkedOn: string | null, proof: { status: ProofStatus, batchSeq: number | null, index: number | null, bundle: Record<string, unknown> | null, anchor: { height: number, chainId: string } | null } } | null, months: Array<{ month: string, dueFen: number | null, paidFen: number, hardship: DuesHardshipKind | null, status: DuesMonthStatus }>, payments: Array<{ id: string, version: number, months: Array<string>, monthAmounts: Array<number>, extraFen: number, amountFen: number, method: DuesPaymentMethod, reference: string | null, paidOn: string, receiptNo: string, correctsId: string | null, correctedBy: string | null, reason: string | null, proof: { status: ProofStatus, batchSeq: number | null, index: number | null, bundle: Record<string, unknown> | null, anchor: { height: number, chainId: string } | null } }> } };

export type MyLearningQueryVariables = Exact<{
  c?: number | null | undefined;
  cAfter?: string | null | undefined;
  cl?: number | null | undefined;
  cBefore?: string | null | undefined;
  a?: number | null | undefined;
  aAfter?: string | null | undefined;
  al?: number | null | undefined;
  aBefore?: string | null | undefined;
}>;


export type MyLearningQuery = { courseCompletions: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ node: { id: string, version: number, completedAt: string, classHours: number, score: number | null, course: { id: string, title: string }, proof: { status: ProofStatus, batchSeq: number | null, index: number | null, bundle: Record<string, unknown> | null, anchor: { height: number, chainId: string } | null } } }> }, myQuizAttempts: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ node: { id: string, version: number, attemptNo: number, status: AttemptStatus, score: number | null, maxScore: number, passed: boolean | null, startedAt: string, finishedAt: string | null, quiz: { id: string, title: string, passScore: number, courseId: string | null }, proof: { status: ProofStatus, batchSeq: number | null, index: number | null, bundle: Record<string, unknown> | null, anchor: { height: number, chainId: string } | null } } }> } };

export type MyAttendanceQueryVariables = Exact<{
  memberId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type MyAttendanceQuery = { memberAttendance: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ node: { id: string, version: number, status: AttendanceStatus, checkedInAt: string | null, method: CheckInMethod | null, note: string | null, meeting: { id: string, title: string, kind: MeetingKind, kindZh: string, startsAt: string, orgUnitName: string }, proof: { status: ProofStatus, batchSeq: number | null, index: number | null, bundle: Record<string, unknown> | null, anchor: { height: number, chainId: string } | null } } }> } };

export type MyPointsTotalQueryVariables = Exact<{ [key: string]: never; }>;


export type MyPointsTotalQuery = { memberPointsTotal: { total: number, entryCount: number, entries: Array<{ id: string, version: number, points: number, occurredOn: string }> } };

export type LedgerQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type LedgerQuery = { pointsLedger: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, version: number, proof: { bundle: Record<string, unknown> | null } } }> } };

export type MyPointsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type MyPointsQuery = { memberPointsTotal: { total: number, entryCount: number }, pointsLedger: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ node: { id: string, version: number, points: number, netPoints: number, occurredOn: string, reason: string, correctsId: string | null, sourceType: string | null, rule: { id: string, code: string, name: string, points: number, revision: number } | null, proof: { status: ProofStatus, batchSeq: number | null, index: number | null, bundle: Record<string, unknown> | null, anchor: { height: number, chainId: string } | null } } }> } };

export type MyRecordsQueryVariables = Exact<{
  id: string | number;
}>;


export type MyRecordsQuery = { me: { account: { id: string, username: string, displayName: string, role: Role, lastLoginAt: string | null, member: { id: string, version: number, name: string, gender: Gender, birthDate: string, ethnicity: string, education: Education, nativePlace: string | null, occupation: string | null, stage: MemberStage, status: MemberStatus, statusChangedOn: string | null, appliedOn: string | null, activistSince: string | null, candidateSince: string | null, probationarySince: string | null, probationEndsOn: string | null, probationExtended: boolean, fullMemberSince: string | null, partyAgeYears: number | null, orgUnitId: string, proof: { status: ProofStatus, batchSeq: number | null, index: number | null, ref: number, anchor: { height: number, chainId: string } | null }, developmentHistory: Array<{ id: string, version: number, seq: number, stepNo: number, kind: DevelopmentStepKind, nameZh: string, nameEn: string, stage: MemberStage, occurredOn: string, approval: ApprovalStatus, notes: string | null, warnings: Array<{ code: string, zh: string, en: string, warning: boolean }>, proof: { status: ProofStatus, batchSeq: number | null, index: number | null, ref: number, anchor: { height: number, chainId: string } | null } }>, orgUnit: { id: string, name: string, kind: OrgUnitKind } } | null, scopeUnit: { id: string, name: string, kind: OrgUnitKind }, sessions: { edges: Array<{ node: { id: string, createdAt: string, lastSeenAt: string | null, expiresAt: string, userAgent: string | null, current: boolean, secondFactor: boolean } }> } } | null }, history: { edges: Array<{ node: { version: number, at: string, actor: string, data: Record<string, unknown>, proof: { status: ProofStatus, batchSeq: number | null, index: number | null, ref: number, anchor: { height: number, chainId: string } | null } } }> } };

export type ProofRefFieldsFragment = { status: ProofStatus, batchSeq: number | null, index: number | null, ref: number, anchor: { height: number, chainId: string } | null };

export type MyRecordsBundlesQueryVariables = Exact<{
  id: string | number;
}>;


export type MyRecordsBundlesQuery = { me: { account: { member: { proof: { status: ProofStatus, batchSeq: number | null, index: number | null, bundle: Record<string, unknown> | null, anchor: { height: number, chainId: string } | null }, developmentHistory: Array<{ id: string, proof: { status: ProofStatus, batchSeq: number | null, index: number | null, bundle: Record<string, unknown> | null, anchor: { height: number, chainId: string } | null } }> } | null } | null }, history: { edges: Array<{ node: { version: number, proof: { status: ProofStatus, batchSeq: number | null, index: number | null, bundle: Record<string, unknown> | null, anchor: { height: number, chainId: string } | null } } }> } };

export type MyAccountFragment = { id: string, username: string, displayName: string, role: Role, lastLoginAt: string | null, scopeUnit: { id: string, name: string, kind: OrgUnitKind }, sessions: { edges: Array<{ node: { id: string, createdAt: string, lastSeenAt: string | null, expiresAt: string, userAgent: string | null, current: boolean, secondFactor: boolean } }> } };

export type MyDueQueryVariables = Exact<{
  today: string;
}>;


export type MyDueQuery = { votes: { edges: Array<{ node: { id: string, title: string, status: VoteStatus, hasVoted: boolean | null, closesAt: string | null } }> }, meetings: { edges: Array<{ node: { id: string, title: string, status: MeetingStatus, startsAt: string, location: string | null } }> }, courses: { edges: Array<{ node: { id: string, title: string, mandatory: boolean, myCompletion: { id: string } | null } }> } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { account: { id: string, username: string, displayName: string, role: Role, lastLoginAt: string | null, scopeUnit: { id: string, name: string, kind: OrgUnitKind }, sessions: { edges: Array<{ node: { id: string, createdAt: string, lastSeenAt: string | null, expiresAt: string, userAgent: string | null, current: boolean, secondFactor: boolean } }> } } | null } };

export type RevokeMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeMutation = { revokeSession: { id: string, revokedAt: string | null } };

export type MeetingQueryVariables = Exact<{
  id: string | number;
  staff: boolean;
}>;


export type MeetingQuery = { meeting: { id: string, version: number, orgUnitId: string, orgUnitName: string, kind: MeetingKind, kindZh: string, title: string, agenda: string | null, location: string | null, scheduledAt: string, durationMinutes: number, startsAt: string, endsAt: string, status: MeetingStatus, publishedAt: string | null, startedAt: string | null, endedAt: string | null, minutes: string | null, minutesRecordedAt: string | null, recordedAfterwards: boolean, cancelReason: string | null, checkInOpen: boolean, minutesAttachments: Array<{ sha256: string, name: string, type: string, size: number }>, myRegistration: { id: string, status: RegistrationStatus, registeredAt: string } | null, myAttendance: { id: string, version: number, status: AttendanceStatus, method: CheckInMethod | null, checkedInAt: string | null, proof: { status: ProofStatus, batchSeq: number | null, index: number | null, bundle: Record<string, unknown> | null, anchor: { height: number, chainId: string } | null } } | null, myFeedback: { id: string, rating: number, comment: string | null } | null, registrations?: { totalCount: number, edges: Array<{ node: { id: string, status: RegistrationStatus, registeredAt: string, member: { id: string, name: string }, proof: { status: ProofStatus, batchSeq: number | null, anchor: { height: number } | null } } }> }, attendances?: { totalCount: number, edges: Array<{ node: { id: string, status: AttendanceStatus, method: CheckInMethod | null, checkedInAt: string | null, note: string | null, member: { id: string, name: string }, proof: { status: ProofStatus, batchSeq: number | null, anchor: { height: number } | null } } }> }, feedback?: { totalCount: number, edges: Array<{ node: { id: string, rating: number, comment: string | null, createdAt: string, member: { id: string, name: string }, proof: { status: ProofStatus, batchSeq: number | null, anchor: { height: number } | null } } }> }, proof: { status: ProofStatus, batchSeq: number | null, index: number | null, bundle: Record<string, unknown> | null, anchor: { height: number, chainId: string } | null } } };

export type RosterQueryVariables = Exact<{
  under: string | number;
}>;


export type RosterQuery = { members: { totalCount: number, edges: Array<{ node: { id: string, name: string, stage: MemberStage } }> } };

export type PublishMeetingMutationVariables = Exact<{
  id: string | number;
}>;


export type PublishMeetingMutation = { publishMeeting: { id: string } };

export type UpdateMeetingMutationVariables = Exact<{
  id: string | number;
  input: UpdateMeetingInput;
}>;


export type UpdateMeetingMutation = { updateMeeting: { id: string } };

export type EndMeetingMutationVariables = Exact<{
  id: string | number;
}>;


export type EndMeetingMutation = { endMeeting: { id: string } };

export type CancelMeetingMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type CancelMeetingMutation = { cancelMeeting: { id: string } };

export type OpenCheckInMutationVariables = Exact<{
  id: string | number;
  validMinutes?: number | null | undefined;
}>;


export type OpenCheckInMutation = { openCheckIn: { code: string, qrPayload: string, expiresAt: string } };

export type RecordAttendanceMutationVariables = Exact<{
  meetingId: string | number;
  entries: Array<AttendanceEntryInput> | AttendanceEntryInput;
}>;


export type RecordAttendanceMutation = { recordAttendance: Array<{ id: string }> };

export type RecordMinutesMutationVariables = Exact<{
  id: string | number;
  minutes: string;
  attachments?: Array<AttachmentInput> | AttachmentInput | null | undefined;
}>;


export type RecordMinutesMutation = { recordMinutes: { id: string } };

export type RegisterForMeetingMutationVariables = Exact<{
  meetingId: string | number;
}>;


export type RegisterForMeetingMutation = { registerForMeeting: { id: string } };

export type CheckInMutationVariables = Exact<{
  meetingId: string | number;
  code?: string | null | undefined;
}>;


export type CheckInMutation = { checkIn: { id: string, status: AttendanceStatus } };

export type MeetingFeedbackMutationVariables = Exact<{
  meetingId: string | number;
  rating: number;
  comment?: string | null | undefined;
}>;


export type MeetingFeedbackMutation = { submitMeetingFeedback: { id: string } };

export type MeetingsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
  kind?: MeetingKind | null | undefined;
  status?: MeetingStatus | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
}>;


export type MeetingsQuery = { meetings: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ node: { id: string, title: string, kind: MeetingKind, status: MeetingStatus, startsAt: string, location: string | null, orgUnitName: string, checkInOpen: boolean, proof: { status: ProofStatus, batchSeq: number | null, anchor: { height: number } | null } } }> } };

export type ComplianceQueryVariables = Exact<{
  unitId: string | number;
  from: string;
  to: string;
}>;


export type ComplianceQuery = { meetingCompliance: { from: string, to: string, rows: Array<{ unitId: string, kind: MeetingKind, cadence: CadenceInterval, required: number, held: number, met: number, due: number, overdue: number, nextDeadline: string | null, compliant: boolean, appraised: number | null, talkedWith: number | null, toTalkWith: number | null, unit: { name: string } }>, totals: Array<{ kind: MeetingKind, cadence: CadenceInterval, branches: number, required: number, held: number, met: number, due: number, overdue: number, nextDeadline: string | null, compliant: boolean, appraised: number | null, talkedWith: number | null, toTalkWith: number | null }> } };

export type PlanMutationVariables = Exact<{
  input: PlanMeetingInput;
}>;


export type PlanMutation = { planMeeting: { id: string } };

export type PastMutationVariables = Exact<{
  input: PastMeetingInput;
}>;


export type PastMutation = { recordPastMeeting: { id: string } };

export type MemberQueryVariables = Exact<{
  id: string | number;
}>;


export type MemberQuery = { member: { id: string, version: number, name: string, gender: Gender, birthDate: string, ethnicity: string, education: Education, nativePlace: string | null, occupation: string | null, stage: MemberStage, status: MemberStatus, statusChangedOn: string | null, appliedOn: string | null, activistSince: string | null, candidateSince: string | null, probationarySince: string | null, probationEndsOn: string | null, probationExtended: boolean, fullMemberSince: string | null, partyAgeYears: number | null, orgUnitId: string, proof: { status: ProofStatus, batchSeq: number | null, index: number | null, bundle: Record<string, unknown> | null, anchor: { height: number, chainId: string } | null }, developmentHistory: Array<{ id: string, version: number, seq: number, stepNo: number, kind: DevelopmentStepKind, nameZh: string, nameEn: string, stage: MemberStage, occurredOn: string, approval: ApprovalStatus, notes: string | null, warnings: Array<{ code: string, zh: string, en: string, warning: boolean }>, proof: { status: ProofStatus, batchSeq: number | null, index: number | null, bundle: Record<string, unknown> | null, anchor: { height: number, chainId: string } | null } }>, nextActions: Array<{ stepNo: number, kind: DevelopmentStepKind, nameZh: string, nameEn: string, stage: MemberStage, legalToday: boolean, notBefore: string | null, recommendedFrom: string | null, dueOn: string | null, deadline: string | null, blockedBy: { code: string, zh: string, en: string, warning: boolean } | null }>, pipelineDue: Array<{ stepNo: number, kind: DevelopmentStepKind, nameZh: string, nameEn: string, dueOn: string, deadline: string | null, daysLeft: number, status: PipelineDueStatus }>, levelRequests: Array<{ id: string, kind: DevelopmentStepKind, stepNo: number, nameZh: string, nameEn: string, status: LevelRequestStatus, requestedAt: string, requestedByName: string | null, decidedAt: string | null, decidedByName: string | null, returnReason: string | null, decidingUnitName: string }>, orgUnit: { id: string, name: string, kind: OrgUnitKind } }, me: { account: { scopeUnit: { kind: OrgUnitKind } } | null }, history: { edges: Array<{ node: { version: number, at: string, actor: string, data: Record<string, unknown>, proof: { status: ProofStatus, batchSeq: number | null, index: number | null, bundle: Record<string, unknown> | null, anchor: { height: number, chainId: string } | null } } }> } };

export type PeopleQueryVariables = Exact<{
  under?: string | number | null | undefined;
}>;


export type PeopleQuery = { members: { edges: Array<{ node: { id: string, name: string } }> } };

export type RecordStepMutationVariables = Exact<{
  memberId: string | number;
  step: DevelopmentStepKind;
  occurredOn: string;
  input?: DevelopmentStepInput | null | undefined;
}>;


export type RecordStepMutation = { recordDevelopmentStep: { step: { id: string, stepNo: number, nameZh: string, nameEn: string }, warnings: Array<{ code: string, zh: string, en: string }> } };

export type RequestLevelStepMutationVariables = Exact<{
  memberId: string | number;
  step: DevelopmentStepKind;
  input?: DevelopmentStepInput | null | undefined;
}>;


export type RequestLevelStepMutation = { requestLevelStep: { id: string, nameZh: string, nameEn: string } };

export type ImportMembersMutationVariables = Exact<{
  unitId: string | number;
  rows: Array<MemberImportRow> | MemberImportRow;
  dryRun: boolean;
  confirmRows?: Array<number> | number | null | undefined;
}>;


export type ImportMembersMutation = { importMembers: { dryRun: boolean, written: boolean, total: number, okCount: number, errorCount: number, skippedCount: number, rows: Array<{ row: number, ok: boolean, skipped: boolean, duplicateOfRow: number | null, duplicateOfMemberId: string | null, likelyDuplicateOfMemberId: string | null, memberId: string | null, errors: Array<{ field: string, message: string, messageZh: string }> }> } };

export type MembersQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
  search?: string | null | undefined;
  stage?: MemberStage | null | undefined;
  status?: MemberStatus | null | undefined;
  under?: string | number | null | undefined;
}>;


export type MembersQuery = { members: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ node: { id: string, name: string, gender: Gender, stage: MemberStage, status: MemberStatus, partyAgeYears: number | null, orgUnit: { id: string, name: string }, proof: { status: ProofStatus, batchSeq: number | null, anchor: { height: number } | null } } }> } };

export type NoticeDetailQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type NoticeDetailQuery = { notice: { id: string, version: number, title: string, body: string, audience: NoticeAudience, roles: Array<Role>, memberCount: number, publishedAt: string, remindedAt: string | null, withdrawnAt: string | null, addressedToMe: boolean, unitName: string, decision: { id: string, title: string } | null, attachments: Array<{ sha256: string, name: string, type: string, size: number }>, proof: { status: ProofStatus, batchSeq: number | null, index: number | null, bundle: Record<string, unknown> | null, anchor: { height: number, chainId: string } | null }, myReceipt: { id: string, version: number, readAt: string, acknowledgedAt: string | null, proof: { status: ProofStatus, batchSeq: number | null, index: number | null, bundle: Record<string, unknown> | null, anchor: { height: number, chainId: string } | null } } | null, stats: { audience: number, read: number, acknowledged: number } | null, notAcknowledged: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { accountId: string, name: string, unitName: string, readAt: string | null } }> } } };

export type MarkNoticeReadMutationVariables = Exact<{
  id: string | number;
}>;


export type MarkNoticeReadMutation = { markNoticeRead: { id: string, readAt: string } };

export type AcknowledgeNoticeMutationVariables = Exact<{
  id: string | number;
}>;


export type AcknowledgeNoticeMutation = { acknowledgeNotice: { id: string } };

export type RemindNoticeMutationVariables = Exact<{
  id: string | number;
}>;


export type RemindNoticeMutation = { remindNotice: { reminded: number } };

export type WithdrawNoticeMutationVariables = Exact<{
  id: string | number;
}>;


export type WithdrawNoticeMutation = { withdrawNotice: { id: string } };

export type MyNoticesQueryVariables = Exact<{
  unread?: boolean | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type MyNoticesQuery = { myNotices: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ node: { id: string, title: string, publishedAt: string, withdrawnAt: string | null, unitName: string, myReceipt: { readAt: string, acknowledgedAt: string | null } | null, proof: { status: ProofStatus, batchSeq: number | null, anchor: { height: number } | null } } }> } };

export type PublishedNoticesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type PublishedNoticesQuery = { notices: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ node: { id: string, title: string, audience: NoticeAudience, roles: Array<Role>, memberCount: number, publishedAt: string, withdrawnAt: string | null, unitName: string, stats: { audience: number, acknowledged: number } | null, proof: { status: ProofStatus, batchSeq: number | null, anchor: { height: number } | null } } }> } };

export type NoticeMembersQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type NoticeMembersQuery = { members: { edges: Array<{ node: { id: string, name: string, orgUnit: { name: string } } }> } };

export type PublishNoticeMutationVariables = Exact<{
  input: PublishNoticeInput;
}>;


export type PublishNoticeMutation = { publishNotice: { id: string } };

export type OversightQueryVariables = Exact<{
  unit?: string | number | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type OversightQuery = { oversight: { leaf: boolean, unit: { id: string, name: string, kind: OrgUnitKind }, trail: Array<{ id: string, name: string, kind: OrgUnitKind }>, term: { id: string, termEnd: string, daysLeft: number } | null, children: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ node: { leaf: boolean, stepsDue: number, stepsOverdue: number, requestsWaiting: number, requestsOverdue: number, meetingSlotsOverdue: number, termsEnding: number, termsOverdue: number, unit: { id: string, name: string, kind: OrgUnitKind } } }> }, steps: Array<{ stepNo: number, kind: DevelopmentStepKind, nameZh: string, nameEn: string, dueOn: string, daysLeft: number, status: PipelineDueStatus, member: { id: string, name: string } }>, requests: Array<{ status: LevelQueueStatus, dueOn: string | null, deadline: string | null, daysLeft: number | null, waitingDays: number, request: { id: string, stepNo: number, nameZh: string, nameEn: string, status: LevelRequestStatus, member: { id: string, name: string } } }>, meetings: Array<{ kind: MeetingKind, overdue: number, due: number }>, terms: Array<{ id: string, termEnd: string, daysLeft: number, unit: { id: string, name: string } }> } };

export type BoardQueryVariables = Exact<{ [key: string]: never; }>;


export type BoardQuery = { APPLICANT: { totalCount: number, edges: Array<{ node: { appliedOn: string | null, id: string, name: string, nextActions: Array<{ stepNo: number, kind: DevelopmentStepKind, nameZh: string, nameEn: string, stage: MemberStage, legalToday: boolean, notBefore: string | null, recommendedFrom: string | null, dueOn: string | null, deadline: string | null, blockedBy: { code: string, zh: string, en: string, warning: boolean } | null }>, orgUnit: { name: string } } }> }, ACTIVIST: { totalCount: number, edges: Array<{ node: { activistSince: string | null, id: string, name: string, nextActions: Array<{ stepNo: number, kind: DevelopmentStepKind, nameZh: string, nameEn: string, stage: MemberStage, legalToday: boolean, notBefore: string | null, recommendedFrom: string | null, dueOn: string | null, deadline: string | null, blockedBy: { code: string, zh: string, en: string, warning: boolean } | null }>, orgUnit: { name: string } } }> }, CANDIDATE: { totalCount: number, edges: Array<{ node: { candidateSince: string | null, id: string, name: string, nextActions: Array<{ stepNo: number, kind: DevelopmentStepKind, nameZh: string, nameEn: string, stage: MemberStage, legalToday: boolean, notBefore: string | null, recommendedFrom: string | null, dueOn: string | null, deadline: string | null, blockedBy: { code: string, zh: string, en: string, warning: boolean } | null }>, orgUnit: { name: string } } }> }, PROBATIONARY: { totalCount: number, edges: Array<{ node: { probationarySince: string | null, id: string, name: string, nextActions: Array<{ stepNo: number, kind: DevelopmentStepKind, nameZh: string, nameEn: string, stage: MemberStage, legalToday: boolean, notBefore: string | null, recommendedFrom: string | null, dueOn: string | null, deadline: string | null, blockedBy: { code: string, zh: string, en: string, warning: boolean } | null }>, orgUnit: { name: string } } }> }, FULL: { totalCount: number, edges: Array<{ node: { fullMemberSince: string | null, id: string, name: string, orgUnit: { name: string } } }> }, pipelineDue: { totalCount: number, edges: Array<{ node: { stepNo: number, kind: DevelopmentStepKind, nameZh: string, nameEn: string, dueOn: string, deadline: string | null, daysLeft: number, status: PipelineDueStatus, member: { id: string, name: string, orgUnit: { name: string } } } }> }, levelRequests: { totalCount: number, edges: Array<{ node: { id: string, stepNo: number, nameZh: string, nameEn: string, status: LevelRequestStatus, requestedAt: string, decidedAt: string | null, decidedByName: string | null, returnReason: string | null, decidingUnitName: string, member: { id: string, name: string } } }> } };

export type BoardCardFragment = { id: string, name: string, orgUnit: { name: string } };

export type OverdueInQueryVariables = Exact<{
  unit: string | number;
  asOf?: string | null | undefined;
  after?: string | null | undefined;
}>;


export type OverdueInQuery = { orgUnit: { id: string, name: string }, pipelineDue: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { stepNo: number, kind: DevelopmentStepKind, nameZh: string, nameEn: string, dueOn: string, deadline: string | null, daysLeft: number, status: PipelineDueStatus, member: { id: string, name: string, orgUnit: { id: string, name: string } } } }> } };

export type OverdueQueryVariables = Exact<{
  asOf?: string | null | undefined;
  after?: string | null | undefined;
}>;


export type OverdueQuery = { me: { account: { scopeUnit: { id: string, name: string } } | null }, pipelineDue: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { stepNo: number, kind: DevelopmentStepKind, nameZh: string, nameEn: string, dueOn: string, deadline: string | null, daysLeft: number, status: PipelineDueStatus, member: { id: string, name: string, orgUnit: { id: string, name: string } } } }> } };

export type OverdueItemsFragment = { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { stepNo: number, kind: DevelopmentStepKind, nameZh: string, nameEn: string, dueOn: string, deadline: string | null, daysLeft: number, status: PipelineDueStatus, member: { id: string, name: string, orgUnit: { id: string, name: string } } } }> };

export type ProofBundleQueryVariables = Exact<{
  type: string;
  id: string | number;
  version?: number | null | undefined;
}>;


export type ProofBundleQuery = { record: { type: string, id: string, version: number, proof: { status: ProofStatus, bundle: Record<string, unknown> | null } } };

export type SignInMutationVariables = Exact<{
  username: string;
  password: string;
}>;


export type SignInMutation = { signIn:
    | { __typename: 'SignedIn', token: string, expiresAt: string, account: { id: string, username: string, displayName: string, role: Role, scopeUnitId: string, member: { id: string } | null } }
    | { __typename: 'TotpRequired', challenge: string, expiresAt: string, enrollment: { secret: string, otpauthUri: string } | null }
   };

export type VerifyTotpMutationVariables = Exact<{
  challenge: string;
  code: string;
}>;


export type VerifyTotpMutation = { verifyTotp: { token: string, expiresAt: string, account: { id: string, username: string, displayName: string, role: Role, scopeUnitId: string, member: { id: string } | null } } };

export type SignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutMutation = { signOut: boolean };

export type TransferLetterCheckQueryVariables = Exact<{
  code: string;
}>;


export type TransferLetterCheckQuery = { transferLetterCheck: { status: TransferStatus, lastValidDay: string, lapsed: boolean, fromUnitName: string, memberNameMasked: string, proof: { status: ProofStatus, batchSeq: number | null, index: number | null, bundle: Record<string, unknown> | null, anchor: { height: number, chainId: string } | null } | null } | null };

export type TransferLetterQueryVariables = Exact<{
  id: string | number;
}>;


export type TransferLetterQuery = { transfer: { id: string, version: number, letterNo: string, memberName: string, fromUnitName: string, toUnitName: string | null, toOrganisation: string | null, toProvince: string, crossProvince: boolean, issuedOn: string, lastValidDay: string, status: TransferStatus, lapsed: boolean, viaUnitName: string | null, needsEndorsement: boolean, endorsedOn: string | null, verifyCode: string | null } };

export type TransfersQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
  status?: TransferStatus | null | undefined;
  direction?: TransferDirection | null | undefined;
  awaitingEndorsement?: boolean | null | undefined;
  dest?: string | null | undefined;
}>;


export type TransfersQuery = { transfers: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ node: { id: string, letterNo: string, memberName: string, fromUnitName: string, toUnitName: string | null, toOrganisation: string | null, crossProvince: boolean, issuedOn: string, lastValidDay: string, status: TransferStatus, lapsed: boolean, receivedOn: string | null, receiptNo: string | null, viaUnitName: string | null, needsEndorsement: boolean, endorsedOn: string | null, canCancel: boolean, verifyCode: string | null } }> }, transferDestinations: { edges: Array<{ node: { id: string, name: string, kind: string, province: string, pathNames: Array<string> } }> }, full: { edges: Array<{ node: { id: string, name: string, orgUnit: { name: string } } }> }, probationary: { edges: Array<{ node: { id: string, name: string, orgUnit: { name: string } } }> } };

export type IssueTransferMutationVariables = Exact<{
  input: IssueTransferLetterInput;
}>;


export type IssueTransferMutation = { issueTransferLetter: { id: string, letterNo: string } };

export type ReceiveTransferMutationVariables = Exact<{
  id: string | number;
  receiptNo?: string | null | undefined;
}>;


export type ReceiveTransferMutation = { receiveTransfer: { id: string } };

export type EndorseTransferMutationVariables = Exact<{
  id: string | number;
}>;


export type EndorseTransferMutation = { endorseTransfer: { id: string } };

export type CancelTransferMutationVariables = Exact<{
  id: string | number;
}>;


export type CancelTransferMutation = { cancelTransfer: { id: string } };

export type ExpireTransfersMutationVariables = Exact<{ [key: string]: never; }>;


export type ExpireTransfersMutation = { expireTransferLetters: Array<{ id: string }> };

export type UnitsTreeQueryVariables = Exact<{
  under?: string | number | null | undefined;
}>;


export type UnitsTreeQuery = { orgUnits: { totalCount: number, edges: Array<{ node: { id: string, name: string, code: string, kind: OrgUnitKind, level: number, parentId: string | null, dissolvedOn: string | null, committee: { id: string, form: CommitteeForm, termEnd: string, daysLeft: number } | null } }> }, committeeTermsDue: Array<{ id: string, termEnd: string, daysLeft: number, unit: { id: string, name: string } }> };

export type CreateUnitMutationVariables = Exact<{
  input: CreateOrgUnitInput;
}>;


export type CreateUnitMutation = { createOrgUnit: { id: string } };

export type UnitDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type UnitDetailQuery = { orgUnit: { id: string, name: string, code: string, kind: OrgUnitKind, level: number, parentId: string | null, dissolvedOn: string | null, proof: { status: ProofStatus, batchSeq: number | null, anchor: { height: number } | null }, committee: { id: string, form: CommitteeForm, termStart: string, termEnd: string, daysLeft: number, proof: { status: ProofStatus, batchSeq: number | null, anchor: { height: number } | null }, positions: Array<{ id: string, title: CommitteeTitle, memberId: string, memberName: string, startedOn: string, accountId: string | null, proof: { status: ProofStatus, batchSeq: number | null, anchor: { height: number } | null } }> } | null }, members: { edges: Array<{ node: { id: string, name: string } }> } };

export type RenameUnitMutationVariables = Exact<{
  id: string | number;
  name: string;
}>;


export type RenameUnitMutation = { renameOrgUnit: { id: string } };

export type MoveUnitMutationVariables = Exact<{
  id: string | number;
  parentId: string | number;
}>;


export type MoveUnitMutation = { moveOrgUnit: { id: string } };

export type MergeUnitMutationVariables = Exact<{
  id: string | number;
  targetId: string | number;
}>;


export type MergeUnitMutation = { mergeOrgUnit: { membersMoved: number, unitsMoved: number } };

export type DissolveUnitMutationVariables = Exact<{
  id: string | number;
}>;


export type DissolveUnitMutation = { dissolveOrgUnit: { id: string } };

export type SetUpCommitteeMutationVariables = Exact<{
  input: SetUpCommitteeInput;
}>;


export type SetUpCommitteeMutation = { setUpCommittee: { id: string } };

export type AppointPositionMutationVariables = Exact<{
  input: AppointCommitteePositionInput;
}>;


export type AppointPositionMutation = { appointCommitteePosition: { position: { id: string } } };

export type RelievePositionMutationVariables = Exact<{
  id: string | number;
}>;


export type RelievePositionMutation = { relieveCommitteePosition: { id: string } };

export type VoteQueryVariables = Exact<{
  id: string | number;
  staff: boolean;
}>;


export type VoteQuery = { vote: { eligibleNow?: number | null, id: string, version: number, orgUnitId: string, kind: VoteKind, title: string, description: string | null, status: VoteStatus, quorumRule: QuorumRule, majorityRule: MajorityRule, seats: number, meetingId: string | null, closesAt: string | null, openedAt: string | null, closedAt: string | null, eligibleCount: number | null, eligibleRollHash: string | null, createdAt: string, hasVoted: boolean | null, orgUnit?: { id: string, name: string }, rollEntries?: { totalCount: number, edges: Array<{ node: { id: string, memberId: string, votedAt: string, proof: { status: ProofStatus, batchSeq: number | null, anchor: { height: number } | null } } }> }, options: Array<{ id: string, position: number, label: string, candidateId: string | null }>, tally: { id: string, version: number, eligibleCount: number, ballotsCast: number, quorumMet: boolean, passed: boolean | null, ballotsRoot: string | null, talliedAt: string, results: Array<{ optionId: string, count: number, elected: boolean | null }>, proof: { status: ProofStatus, batchSeq: number | null, index: number | null, bundle: Record<string, unknown> | null, anchor: { height: number, chainId: string } | null } } | null, proof: { status: ProofStatus, batchSeq: number | null, index: number | null, bundle: Record<string, unknown> | null, anchor: { height: number, chainId: string } | null } } };

export type NamesQueryVariables = Exact<{
  under: string | number;
}>;


export type NamesQuery = { members: { edges: Array<{ node: { id: string, name: string } }> } };

export type OpenVoteMutationVariables = Exact<{
  id: string | number;
}>;


export type OpenVoteMutation = { openVote: { id: string } };

export type CloseVoteMutationVariables = Exact<{
  id: string | number;
}>;


export type CloseVoteMutation = { closeVote: { id: string } };

export type CastBallotMutationVariables = Exact<{
  voteId: string | number;
  choices: Array<string | number> | string | number;
}>;


export type CastBallotMutation = { castBallot: { receipt: string, receiptHash: string } };

export type CheckBallotQueryVariables = Exact<{
  voteId: string | number;
  receipt: string;
}>;


export type CheckBallotQuery = { verifyMyBallot: { verified: boolean, choices: Array<string>, voteStatus: VoteStatus, ballot: { id: string, version: number, choices: Array<string>, receiptHash: string, proof: { status: ProofStatus, batchSeq: number | null, index: number | null, bundle: Record<string, unknown> | null, anchor: { height: number, chainId: string } | null } } | null } };

export type VotesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
  status?: VoteStatus | null | undefined;
  staff: boolean;
}>;


export type VotesQuery = { votes: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ node: { id: string, title: string, kind: VoteKind, status: VoteStatus, createdAt: string, closedAt: string | null, eligibleCount: number | null, hasVoted: boolean | null, orgUnit?: { name: string }, tally: { passed: boolean | null, ballotsCast: number } | null, proof: { status: ProofStatus, batchSeq: number | null, anchor: { height: number } | null } } }> } };

export type CreateVoteMutationVariables = Exact<{
  input: CreateVoteInput;
}>;


export type CreateVoteMutation = { createVote: { id: string } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const CompositionFieldsFragmentDoc = new TypedDocumentString(`
    fragment CompositionFields on MemberComposition {
  total
  byStage {
    key
    count
  }
  byGender {
    key
    count
  }
  byEducation {
    key
    count
  }
  byAgeBand {
    key
    count
  }
  figures
}
    `, {"fragmentName":"CompositionFields"}) as unknown as TypedDocumentString<CompositionFieldsFragment, unknown>;
export const MeetingFiguresFragmentDoc = new TypedDocumentString(`
    fragment MeetingFigures on MeetingAnalytics {
  cadence {
    kind
    required
    held
    meetings
    rate
  }
  attendance {
    present
    late
    excused
    absent
    rate
  }
  monthly {
    month
    key
    count
    total
  }
}
    `, {"fragmentName":"MeetingFigures"}) as unknown as TypedDocumentString<MeetingFiguresFragment, unknown>;
export const MonthFieldsFragmentDoc = new TypedDocumentString(`
    fragment MonthFields on AnalyticsPoint {
  month
  key
  count
  total
}
    `, {"fragmentName":"MonthFields"}) as unknown as TypedDocumentString<MonthFieldsFragment, unknown>;
export const ProofFieldsFragmentDoc = new TypedDocumentString(`
    fragment ProofFields on Proof {
  status
  batchSeq
  index
  anchor {
    height
    chainId
  }
  bundle
}
    `, {"fragmentName":"ProofFields"}) as unknown as TypedDocumentString<ProofFieldsFragment, unknown>;
export const DuesStatementFieldsFragmentDoc = new TypedDocumentString(`
    fragment DuesStatementFields on DuesStatement {
  memberId
  memberName
  year
  dueFen
  paidFen
  extraFen
  base {
    id
    version
    year
    category
    baseFen
    fixedFen
    rateBp
    monthlyDueFen
    status
    checkedOn
    proof {
      ...ProofFields
    }
  }
  months {
    month
    dueFen
    paidFen
    hardship
    status
  }
  payments {
    id
    version
    months
    monthAmounts
    extraFen
    amountFen
    method
    reference
    paidOn
    receiptNo
    correctsId
    correctedBy
    reason
    proof {
      ...ProofFields
    }
  }
}
    fragment ProofFields on Proof {
  status
  batchSeq
  index
  anchor {
    height
    chainId
  }
  bundle
}`, {"fragmentName":"DuesStatementFields"}) as unknown as TypedDocumentString<DuesStatementFieldsFragment, unknown>;
export const PageFieldsFragmentDoc = new TypedDocumentString(`
    fragment PageFields on PageInfo {
  hasNextPage
  hasPreviousPage
  startCursor
  endCursor
}
    `, {"fragmentName":"PageFields"}) as unknown as TypedDocumentString<PageFieldsFragment, unknown>;
export const MemberFieldsFragmentDoc = new TypedDocumentString(`
    fragment MemberFields on Member {
  id
  version
  name
  gender
  birthDate
  ethnicity
  education
  nativePlace
  occupation
  stage
  status
  statusChangedOn
  appliedOn
  activistSince
  candidateSince
  probationarySince
  probationEndsOn
  probationExtended
  fullMemberSince
  partyAgeYears
  orgUnitId
  orgUnit {
    id
    name
    kind
  }
}
    `, {"fragmentName":"MemberFields"}) as unknown as TypedDocumentString<MemberFieldsFragment, unknown>;
export const RuleFieldsFragmentDoc = new TypedDocumentString(`
    fragment RuleFields on PipelineRule {
  code
  zh
  en
  warning
}
    `, {"fragmentName":"RuleFields"}) as unknown as TypedDocumentString<RuleFieldsFragment, unknown>;
export const StepFieldsFragmentDoc = new TypedDocumentString(`
    fragment StepFields on DevelopmentStep {
  id
  version
  seq
  stepNo
  kind
  nameZh
  nameEn
  stage
  occurredOn
  approval
  notes
  warnings {
    code
    zh
    en
    warning
  }
  proof {
    status
    batchSeq
    index
    anchor {
      height
      chainId
    }
    bundle
  }
}
    `, {"fragmentName":"StepFields"}) as unknown as TypedDocumentString<StepFieldsFragment, unknown>;
export const ActionFieldsFragmentDoc = new TypedDocumentString(`
    fragment ActionFields on PipelineAction {
  stepNo
  kind
  nameZh
  nameEn
  stage
  legalToday
  notBefore
  recommendedFrom
  dueOn
  deadline
  blockedBy {
    code
    zh
    en
    warning
  }
}
    `, {"fragmentName":"ActionFields"}) as unknown as TypedDocumentString<ActionFieldsFragment, unknown>;
export const HistoryFieldsFragmentDoc = new TypedDocumentString(`
    fragment HistoryFields on RecordVersion {
  version
  at
  actor
  data
  proof {
    status
    batchSeq
    index
    anchor {
      height
      chainId
    }
    bundle
  }
}
    `, {"fragmentName":"HistoryFields"}) as unknown as TypedDocumentString<HistoryFieldsFragment, unknown>;
export const MeetingFieldsFragmentDoc = new TypedDocumentString(`
    fragment MeetingFields on Meeting {
  id
  version
  orgUnitId
  orgUnitName
  kind
  kindZh
  title
  agenda
  location
  scheduledAt
  durationMinutes
  startsAt
  endsAt
  status
  publishedAt
  startedAt
  endedAt
  minutes
  minutesRecordedAt
  recordedAfterwards
  cancelReason
  checkInOpen
  proof {
    status
    batchSeq
    index
    anchor {
      height
      chainId
    }
    bundle
  }
}
    `, {"fragmentName":"MeetingFields"}) as unknown as TypedDocumentString<MeetingFieldsFragment, unknown>;
export const TallyFieldsFragmentDoc = new TypedDocumentString(`
    fragment TallyFields on VoteTally {
  id
  version
  eligibleCount
  ballotsCast
  quorumMet
  passed
  results {
    optionId
    count
    elected
  }
  ballotsRoot
  talliedAt
  proof {
    status
    batchSeq
    index
    anchor {
      height
      chainId
    }
    bundle
  }
}
    `, {"fragmentName":"TallyFields"}) as unknown as TypedDocumentString<TallyFieldsFragment, unknown>;
export const VoteFieldsFragmentDoc = new TypedDocumentString(`
    fragment VoteFields on Vote {
  id
  version
  orgUnitId
  kind
  title
  description
  status
  quorumRule
  majorityRule
  seats
  meetingId
  closesAt
  openedAt
  closedAt
  eligibleCount
  eligibleRollHash
  createdAt
  hasVoted
  options {
    id
    position
    label
    candidateId
  }
  tally {
    id
    version
    eligibleCount
    ballotsCast
    quorumMet
    passed
    results {
      optionId
      count
      elected
    }
    ballotsRoot
    talliedAt
    proof {
      status
      batchSeq
      index
      anchor {
        height
        chainId
      }
      bundle
    }
  }
  proof {
    status
    batchSeq
    index
    anchor {
      height
      chainId
    }
    bundle
  }
}
    `, {"fragmentName":"VoteFields"}) as unknown as TypedDocumentString<VoteFieldsFragment, unknown>;
export const SnapshotFieldsFragmentDoc = new TypedDocumentString(`
    fragment SnapshotFields on AnalyticsSnapshot {
  id
  version
  orgUnitId
  metric
  title
  params
  figures
  inputRoot
  inputCount
  publishedAt
  proof {
    status
    batchSeq
    index
    anchor {
      height
      chainId
    }
    bundle
  }
}
    `, {"fragmentName":"SnapshotFields"}) as unknown as TypedDocumentString<SnapshotFieldsFragment, unknown>;
export const DueFieldsFragmentDoc = new TypedDocumentString(`
    fragment DueFields on PipelineDueItem {
  stepNo
  kind
  nameZh
  nameEn
  dueOn
  deadline
  daysLeft
  status
}
    `, {"fragmentName":"DueFields"}) as unknown as TypedDocumentString<DueFieldsFragment, unknown>;
export const LevelRequestRowFragmentDoc = new TypedDocumentString(`
    fragment LevelRequestRow on LevelRequest {
  id
  kind
  stepNo
  nameZh
  nameEn
  status
  notes
  requestedAt
  requestedByName
  decidedAt
  decidedByName
  returnReason
  decidingUnitName
  reviewingUnitName
  reviewedAt
  reviewedByName
  reviewNote
  member {
    id
    name
    orgUnit {
      id
      name
    }
  }
}
    `, {"fragmentName":"LevelRequestRow"}) as unknown as TypedDocumentString<LevelRequestRowFragment, unknown>;
export const ProofRefFieldsFragmentDoc = new TypedDocumentString(`
    fragment ProofRefFields on Proof {
  status
  batchSeq
  index
  anchor {
    height
    chainId
  }
  ref
}
    `, {"fragmentName":"ProofRefFields"}) as unknown as TypedDocumentString<ProofRefFieldsFragment, unknown>;
export const MyAccountFragmentDoc = new TypedDocumentString(`
    fragment MyAccount on Account {
  id
  username
  displayName
  role
  lastLoginAt
  scopeUnit {
    id
    name
    kind
  }
  sessions(first: 10) {
    edges {
      node {
        id
        createdAt
        lastSeenAt
        expiresAt
        userAgent
        current
        secondFactor
      }
    }
  }
}
    `, {"fragmentName":"MyAccount"}) as unknown as TypedDocumentString<MyAccountFragment, unknown>;
export const BoardCardFragmentDoc = new TypedDocumentString(`
    fragment BoardCard on Member {
  id
  name
  orgUnit {
    name
  }
}
    `, {"fragmentName":"BoardCard"}) as unknown as TypedDocumentString<BoardCardFragment, unknown>;
export const OverdueItemsFragmentDoc = new TypedDocumentString(`
    fragment OverdueItems on PipelineDueConnection {
  totalCount
  pageInfo {
    hasNextPage
    endCursor
  }
  edges {
    node {
      stepNo
      kind
      nameZh
      nameEn
      dueOn
      deadline
      daysLeft
      status
      member {
        id
        name
        orgUnit {
          id
          name
        }
      }
    }
  }
}
    `, {"fragmentName":"OverdueItems"}) as unknown as TypedDocumentString<OverdueItemsFragment, unknown>;
export const DashboardDocument = new TypedDocumentString(`
    query Dashboard($unitId: ID, $from: Date, $to: Date, $unitsFirst: Int, $unitsOffset: Int) {
  analytics(unitId: $unitId, from: $from, to: $to) {
    unitId
    unitName
    asOf
    from
    to
    composition {
      ...CompositionFields
    }
    childCount
    byUnit(first: $unitsFirst, offset: $unitsOffset) {
      unitId
      unitName
      composition {
        ...CompositionFields
      }
      meetings {
        ...MeetingFigures
      }
    }
    funnel {
      stages {
        stage
        current
        reached
        converted
        conversionRate
        medianDays
      }
      overdueSteps
      expiredSteps
      monthly {
        ...MonthFields
      }
      figures
    }
    meetings {
      ...MeetingFigures
    }
    learning {
      completions
      classHours
      scored
      averageScore
      scoreBands {
        key
        count
      }
      quizSubmitted
      quizPassed
      quizPassRate
      quizPercentBands {
        key
        count
      }
      monthly {
        ...MonthFields
      }
    }
    appraisal {
      year
      total
      byRating {
        key
        count
      }
      excellentShare
    }
    points {
      year
      members
      total
      bands {
        key
        count
      }
      top {
        rank
        memberId
        unitId
        points
      }
      monthly {
        ...MonthFields
      }
    }
    feedback {
      total
      byCategory {
        key
        count
      }
      byStatus {
        key
        count
      }
      resolved
      medianResolutionDays
      monthly {
        ...MonthFields
      }
    }
    transfers {
      open
      expired
      received
      cancelled
      issuedMonthly {
        ...MonthFields
      }
    }
  }
}
    fragment CompositionFields on MemberComposition {
  total
  byStage {
    key
    count
  }
  byGender {
    key
    count
  }
  byEducation {
    key
    count
  }
  byAgeBand {
    key
    count
  }
  figures
}
fragment MeetingFigures on MeetingAnalytics {
  cadence {
    kind
    required
    held
    meetings
    rate
  }
  attendance {
    present
    late
    excused
    absent
    rate
  }
  monthly {
    month
    key
    count
    total
  }
}
fragment MonthFields on AnalyticsPoint {
  month
  key
  count
  total
}`) as unknown as TypedDocumentString<DashboardQuery, DashboardQueryVariables>;
export const DashboardUnitsDocument = new TypedDocumentString(`
    query DashboardUnits($unitId: ID!, $scope: ID!) {
  orgUnits(under: $scope, first: 100) {
    edges {
      node {
        id
        name
        level
      }
    }
  }
  orgUnit(id: $unitId) {
    id
    name
    level
  }
  scopeUnit: orgUnit(id: $scope) {
    id
    level
  }
  analyticsSnapshots(unitId: $unitId, first: 10) {
    id
    metric
    title
    publishedAt
    inputCount
    figures
    proof {
      status
      batchSeq
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardUnitsQuery, DashboardUnitsQueryVariables>;
export const DashboardCrumbsDocument = new TypedDocumentString(`
    query DashboardCrumbs($unitId: ID!, $p1: Boolean!, $p2: Boolean!, $p3: Boolean!, $p4: Boolean!, $p5: Boolean!, $p6: Boolean!) {
  orgUnit(id: $unitId) {
    id
    name
    parent @include(if: $p1) {
      id
      name
      parent @include(if: $p2) {
        id
        name
        parent @include(if: $p3) {
          id
          name
          parent @include(if: $p4) {
            id
            name
            parent @include(if: $p5) {
              id
              name
              parent @include(if: $p6) {
                id
                name
              }
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardCrumbsQuery, DashboardCrumbsQueryVariables>;
export const PublishDocument = new TypedDocumentString(`
    mutation Publish($unitId: ID!, $metric: String!, $title: String) {
  publishAnalyticsSnapshot(unitId: $unitId, metric: $metric, title: $title) {
    id
  }
}
    `) as unknown as TypedDocumentString<PublishMutation, PublishMutationVariables>;
export const DiscussionThreadDocument = new TypedDocumentString(`
    query DiscussionThread($subjectType: CommentSubject!, $subjectId: ID!, $first: Int, $after: String, $search: String) {
  comments(
    subjectType: $subjectType
    subjectId: $subjectId
    first: $first
    after: $after
  ) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        version
        body
        bodySha256
        hiddenAt
        hiddenReason
        canHide
        mine
        createdAt
        author {
          accountId
          name
        }
        mentions {
          accountId
          name
        }
        proof {
          ...ProofFields
        }
      }
    }
  }
  commentMentionCandidates(
    subjectType: $subjectType
    subjectId: $subjectId
    search: $search
    first: 10
  ) {
    accountId
    name
    unitName
    role
  }
}
    fragment ProofFields on Proof {
  status
  batchSeq
  index
  anchor {
    height
    chainId
  }
  bundle
}`) as unknown as TypedDocumentString<DiscussionThreadQuery, DiscussionThreadQueryVariables>;
export const PostCommentDocument = new TypedDocumentString(`
    mutation PostComment($input: PostCommentInput!) {
  postComment(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<PostCommentMutation, PostCommentMutationVariables>;
export const HideCommentDocument = new TypedDocumentString(`
    mutation HideComment($id: ID!, $reason: String!) {
  hideComment(id: $id, reason: $reason) {
    id
  }
}
    `) as unknown as TypedDocumentString<HideCommentMutation, HideCommentMutationVariables>;
export const DuesReportCsvDocument = new TypedDocumentString(`
    query DuesReportCsv($year: Int) {
  duesReportCsv(year: $year)
}
    `) as unknown as TypedDocumentString<DuesReportCsvQuery, DuesReportCsvQueryVariables>;
export const DeclareDuesBaseDocument = new TypedDocumentString(`
    mutation DeclareDuesBase($input: DeclareDuesBaseInput!) {
  declareDuesBase(input: $input) {
    id
    status
    monthlyDueFen
  }
}
    `) as unknown as TypedDocumentString<DeclareDuesBaseMutation, DeclareDuesBaseMutationVariables>;
export const NavCountsDocument = new TypedDocumentString(`
    query NavCounts {
  inboxCounts {
    open
  }
  unreadNoticeCount
}
    `) as unknown as TypedDocumentString<NavCountsQuery, NavCountsQueryVariables>;
export const SnapshotDocument = new TypedDocumentString(`
    query Snapshot($id: ID!) {
  analyticsSnapshot(id: $id) {
    ...SnapshotFields
  }
}
    fragment SnapshotFields on AnalyticsSnapshot {
  id
  version
  orgUnitId
  metric
  title
  params
  figures
  inputRoot
  inputCount
  publishedAt
  proof {
    status
    batchSeq
    index
    anchor {
      height
      chainId
    }
    bundle
  }
}`) as unknown as TypedDocumentString<SnapshotQuery, SnapshotQueryVariables>;
export const SnapshotUnitDocument = new TypedDocumentString(`
    query SnapshotUnit($id: ID!) {
  orgUnit(id: $id) {
    name
  }
}
    `) as unknown as TypedDocumentString<SnapshotUnitQuery, SnapshotUnitQueryVariables>;
export const SnapshotInputsDocument = new TypedDocumentString(`
    query SnapshotInputs($id: ID!, $first: Int!, $after: String) {
  analyticsSnapshot(id: $id) {
    inputs(first: $first, after: $after) {
      totalCount
      hasNextPage
      endCursor
      nodes {
        ordinal
        entityType
        entityId
        entityVersion
        leaf
        proof {
          status
          bundle
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SnapshotInputsQuery, SnapshotInputsQueryVariables>;
export const UnitsDocument = new TypedDocumentString(`
    query Units {
  orgUnits(first: 100, maxDepth: 3) {
    edges {
      node {
        id
        name
        level
        kind
      }
    }
  }
}
    `) as unknown as TypedDocumentString<UnitsQuery, UnitsQueryVariables>;
export const ViewerLevelDocument = new TypedDocumentString(`
    query ViewerLevel {
  me {
    account {
      id
      member {
        id
      }
      scopeUnit {
        id
        kind
        committee {
          positions(current: true) {
            title
            memberId
            accountId
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ViewerLevelQuery, ViewerLevelQueryVariables>;
export const AccountsDocument = new TypedDocumentString(`
    query Accounts($first: Int, $after: String, $last: Int, $before: String, $role: Role, $search: String, $all: Boolean) {
  accounts(
    first: $first
    after: $after
    last: $last
    before: $before
    role: $role
    search: $search
    includeDisabled: $all
  ) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
    edges {
      node {
        id
        username
        displayName
        role
        totpEnabled
        disabledAt
        lastLoginAt
        scopeUnit {
          id
          name
        }
        member {
          id
          name
        }
      }
    }
  }
  orgUnits(first: 100, maxDepth: 3) {
    edges {
      node {
        id
        name
        level
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AccountsQuery, AccountsQueryVariables>;
export const PickMemberDocument = new TypedDocumentString(`
    query PickMember($id: ID!) {
  member(id: $id) {
    id
    name
    orgUnit {
      name
    }
  }
}
    `) as unknown as TypedDocumentString<PickMemberQuery, PickMemberQueryVariables>;
export const PickMembersDocument = new TypedDocumentString(`
    query PickMembers($search: String) {
  members(first: 30, search: $search) {
    edges {
      node {
        id
        name
        orgUnit {
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PickMembersQuery, PickMembersQueryVariables>;
export const CreateAccountDocument = new TypedDocumentString(`
    mutation CreateAccount($input: CreateAccountInput!) {
  createAccount(input: $input) {
    password
    account {
      id
      username
    }
  }
}
    `) as unknown as TypedDocumentString<CreateAccountMutation, CreateAccountMutationVariables>;
export const ChangeAccessDocument = new TypedDocumentString(`
    mutation ChangeAccess($id: ID!, $role: Role, $unit: ID) {
  changeAccountAccess(id: $id, role: $role, scopeUnitId: $unit) {
    id
    username
  }
}
    `) as unknown as TypedDocumentString<ChangeAccessMutation, ChangeAccessMutationVariables>;
export const DisableDocument = new TypedDocumentString(`
    mutation Disable($id: ID!) {
  disableAccount(id: $id) {
    id
    username
  }
}
    `) as unknown as TypedDocumentString<DisableMutation, DisableMutationVariables>;
export const EnableDocument = new TypedDocumentString(`
    mutation Enable($id: ID!) {
  enableAccount(id: $id) {
    id
    username
  }
}
    `) as unknown as TypedDocumentString<EnableMutation, EnableMutationVariables>;
export const ResetDocument = new TypedDocumentString(`
    mutation Reset($id: ID!, $totp: Boolean) {
  resetPassword(id: $id, resetTotp: $totp) {
    password
    account {
      id
      username
    }
  }
}
    `) as unknown as TypedDocumentString<ResetMutation, ResetMutationVariables>;
export const AdminMirrorsDocument = new TypedDocumentString(`
    query AdminMirrors($first: Int, $after: String) {
  mirrors(first: $first, after: $after) {
    totalCount
    staleAfterMinutes
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        keyId
        keyName
        keyPrefix
        unitId
        unitName
        state
        reportedAt
        position
        centreHeadPosition
        recordsBehind
        recordsBehindCapped
        openAlerts
        lastAlert {
          kind
          entityType
          entityId
          version
          batchSeq
          detectedAt
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AdminMirrorsQuery, AdminMirrorsQueryVariables>;
export const KeysDocument = new TypedDocumentString(`
    query Keys {
  apiKeys(first: 100, includeRevoked: true) {
    totalCount
    edges {
      node {
        id
        name
        prefix
        scopes
        createdAt
        lastUsedAt
        expiresAt
        revokedAt
        unit {
          id
          name
        }
      }
    }
  }
  orgUnits(first: 100, maxDepth: 2) {
    edges {
      node {
        id
        name
        level
      }
    }
  }
  partnerScopes
}
    `) as unknown as TypedDocumentString<KeysQuery, KeysQueryVariables>;
export const CreateKeyDocument = new TypedDocumentString(`
    mutation CreateKey($input: CreateApiKeyInput!) {
  createApiKey(input: $input) {
    key
    apiKey {
      id
      name
      prefix
    }
  }
}
    `) as unknown as TypedDocumentString<CreateKeyMutation, CreateKeyMutationVariables>;
export const RevokeKeyDocument = new TypedDocumentString(`
    mutation RevokeKey($id: ID!) {
  revokeApiKey(id: $id) {
    id
    name
    revokedAt
  }
}
    `) as unknown as TypedDocumentString<RevokeKeyMutation, RevokeKeyMutationVariables>;
export const AlertsDocument = new TypedDocumentString(`
    query Alerts($first: Int, $after: String, $open: Boolean) {
  tamperAlerts(first: $first, after: $after, open: $open) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        kind
        entityType
        entityId
        batchSeq
        detail
        detectedAt
        resolvedAt
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AlertsQuery, AlertsQueryVariables>;
export const StaffCampaignsDocument = new TypedDocumentString(`
    query StaffCampaigns {
  appraisalCampaigns(first: 50) {
    totalCount
    edges {
      node {
        id
        year
        title
        status
        opensOn
        closesOn
        orgUnit {
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<StaffCampaignsQuery, StaffCampaignsQueryVariables>;
export const MemberCampaignsDocument = new TypedDocumentString(`
    query MemberCampaigns {
  appraisalCampaigns(first: 50) {
    totalCount
    edges {
      node {
        id
        year
        title
        status
        opensOn
        closesOn
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MemberCampaignsQuery, MemberCampaignsQueryVariables>;
export const BranchesDocument = new TypedDocumentString(`
    query Branches {
  orgUnits(first: 100, maxDepth: 3, kind: BRANCH) {
    edges {
      node {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<BranchesQuery, BranchesQueryVariables>;
export const StaffCampaignDocument = new TypedDocumentString(`
    query StaffCampaign($id: ID!) {
  appraisalCampaign(id: $id) {
    id
    version
    year
    title
    status
    excellentCap
    orgUnit {
      name
    }
    roster {
      memberId
      name
      stage
      peerTally {
        excellent
        qualified
        basicallyQualified
        unqualified
      }
    }
    results(first: 100) {
      edges {
        node {
          memberId
          rating
          notifiedAt
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<StaffCampaignQuery, StaffCampaignQueryVariables>;
export const MemberCampaignDocument = new TypedDocumentString(`
    query MemberCampaign($id: ID!) {
  appraisalCampaign(id: $id) {
    id
    version
    year
    title
    status
    roster {
      memberId
      name
      stage
    }
    mySelfAssessment {
      rating
      summary
    }
  }
}
    `) as unknown as TypedDocumentString<MemberCampaignQuery, MemberCampaignQueryVariables>;
export const CreateCampaignDocument = new TypedDocumentString(`
    mutation CreateCampaign($input: CreateAppraisalCampaignInput!) {
  createAppraisalCampaign(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreateCampaignMutation, CreateCampaignMutationVariables>;
export const OpenDocument = new TypedDocumentString(`
    mutation Open($id: ID!) {
  openAppraisalCampaign(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<OpenMutation, OpenMutationVariables>;
export const PeerDocument = new TypedDocumentString(`
    mutation Peer($id: ID!) {
  startPeerAssessment(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<PeerMutation, PeerMutationVariables>;
export const ProposeDocument = new TypedDocumentString(`
    mutation Propose($id: ID!, $ratings: [AppraisalRatingInput!]!) {
  proposeAppraisalRatings(campaignId: $id, ratings: $ratings) {
    id
  }
}
    `) as unknown as TypedDocumentString<ProposeMutation, ProposeMutationVariables>;
export const FinaliseDocument = new TypedDocumentString(`
    mutation Finalise($id: ID!, $ratings: [AppraisalRatingInput!]) {
  finaliseAppraisalCampaign(campaignId: $id, ratings: $ratings) {
    id
  }
}
    `) as unknown as TypedDocumentString<FinaliseMutation, FinaliseMutationVariables>;
export const SelfDocument = new TypedDocumentString(`
    mutation Self($id: ID!, $input: SelfAssessmentInput!) {
  submitSelfAssessment(campaignId: $id, input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<SelfMutation, SelfMutationVariables>;
export const PeerAssessDocument = new TypedDocumentString(`
    mutation PeerAssess($id: ID!, $input: PeerAssessmentInput!) {
  submitPeerAssessment(campaignId: $id, input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<PeerAssessMutation, PeerAssessMutationVariables>;
export const ApprovalScopeDocument = new TypedDocumentString(`
    query ApprovalScope {
  me {
    account {
      role
      scopeUnit {
        id
        name
        kind
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ApprovalScopeQuery, ApprovalScopeQueryVariables>;
export const ApprovalQueueDocument = new TypedDocumentString(`
    query ApprovalQueue($after: String, $reviewAfter: String) {
  decision: approvalQueue(first: 25, after: $after, stage: [DECISION]) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        stage
        since
        waitingDays
        dueOn
        deadline
        status
        daysLeft
        request {
          ...LevelRequestRow
        }
      }
    }
  }
  review: approvalQueue(first: 25, after: $reviewAfter, stage: [REVIEW]) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        stage
        since
        waitingDays
        dueOn
        deadline
        status
        daysLeft
        request {
          ...LevelRequestRow
        }
      }
    }
  }
  levelRequests(status: [IN_REVIEW, PENDING, RETURNED], first: 50) {
    totalCount
    edges {
      node {
        ...LevelRequestRow
      }
    }
  }
}
    fragment LevelRequestRow on LevelRequest {
  id
  kind
  stepNo
  nameZh
  nameEn
  status
  notes
  requestedAt
  requestedByName
  decidedAt
  decidedByName
  returnReason
  decidingUnitName
  reviewingUnitName
  reviewedAt
  reviewedByName
  reviewNote
  member {
    id
    name
    orgUnit {
      id
      name
    }
  }
}`) as unknown as TypedDocumentString<ApprovalQueueQuery, ApprovalQueueQueryVariables>;
export const ApproveLevelRequestDocument = new TypedDocumentString(`
    mutation ApproveLevelRequest($id: ID!, $lateReason: String) {
  approveLevelRequest(id: $id, lateReason: $lateReason) {
    request {
      id
      nameZh
      nameEn
    }
  }
}
    `) as unknown as TypedDocumentString<ApproveLevelRequestMutation, ApproveLevelRequestMutationVariables>;
export const ReturnLevelRequestDocument = new TypedDocumentString(`
    mutation ReturnLevelRequest($id: ID!, $reason: String!) {
  returnLevelRequest(id: $id, reason: $reason) {
    request {
      id
      nameZh
      nameEn
    }
  }
}
    `) as unknown as TypedDocumentString<ReturnLevelRequestMutation, ReturnLevelRequestMutationVariables>;
export const PassOnLevelRequestDocument = new TypedDocumentString(`
    mutation PassOnLevelRequest($id: ID!, $note: String) {
  passOnLevelRequest(id: $id, note: $note) {
    id
    nameZh
    nameEn
  }
}
    `) as unknown as TypedDocumentString<PassOnLevelRequestMutation, PassOnLevelRequestMutationVariables>;
export const DecisionDocument = new TypedDocumentString(`
    query Decision($id: ID!) {
  decision(id: $id) {
    id
    version
    number
    title
    content
    decidedOn
    status
    yesCount
    noCount
    abstainCount
    overdueMilestones
    orgUnitId
    orgUnit {
      id
      name
    }
    vote {
      id
      title
      status
      eligibleCount
      options {
        id
        label
      }
      tally {
        ballotsCast
        eligibleCount
        quorumMet
        passed
        results {
          optionId
          count
        }
      }
    }
    milestones {
      id
      version
      title
      dueOn
      completedOn
      status
      notes
      overdue
      overdueDays
      completedLate
      owner {
        id
        name
      }
      proof {
        ...ProofFields
      }
    }
    proof {
      ...ProofFields
    }
  }
  history(type: "Decision", id: $id, first: 100) {
    edges {
      node {
        version
        at
        actor
        data
        proof {
          ...ProofFields
        }
      }
    }
  }
}
    fragment ProofFields on Proof {
  status
  batchSeq
  index
  anchor {
    height
    chainId
  }
  bundle
}`) as unknown as TypedDocumentString<DecisionQuery, DecisionQueryVariables>;
export const OwnersDocument = new TypedDocumentString(`
    query Owners($under: ID!) {
  members(under: $under, status: ACTIVE, first: 100) {
    edges {
      node {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<OwnersQuery, OwnersQueryVariables>;
export const DecisionStatusDocument = new TypedDocumentString(`
    mutation DecisionStatus($id: ID!, $status: DecisionStatus!) {
  updateDecisionStatus(id: $id, status: $status) {
    id
  }
}
    `) as unknown as TypedDocumentString<DecisionStatusMutation, DecisionStatusMutationVariables>;
export const AddMilestoneDocument = new TypedDocumentString(`
    mutation AddMilestone($input: AddMilestoneInput!) {
  addMilestone(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<AddMilestoneMutation, AddMilestoneMutationVariables>;
export const MilestoneStatusDocument = new TypedDocumentString(`
    mutation MilestoneStatus($id: ID!, $status: MilestoneStatus!, $on: Date, $notes: String) {
  updateMilestoneStatus(id: $id, status: $status, on: $on, notes: $notes) {
    id
  }
}
    `) as unknown as TypedDocumentString<MilestoneStatusMutation, MilestoneStatusMutationVariables>;
export const DecisionsDocument = new TypedDocumentString(`
    query Decisions($first: Int, $after: String, $last: Int, $before: String, $status: DecisionStatus) {
  decisions(
    first: $first
    after: $after
    last: $last
    before: $before
    status: $status
  ) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
    edges {
      node {
        id
        number
        title
        decidedOn
        status
        yesCount
        noCount
        abstainCount
        overdueMilestones
        orgUnit {
          name
        }
        proof {
          status
          batchSeq
          anchor {
            height
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DecisionsQuery, DecisionsQueryVariables>;
export const VDocument = new TypedDocumentString(`
    query V($id: ID!) {
  vote(id: $id) {
    id
    title
    orgUnitId
    status
    closedAt
    tally {
      passed
    }
  }
}
    `) as unknown as TypedDocumentString<VQuery, VQueryVariables>;
export const CreateDecisionDocument = new TypedDocumentString(`
    mutation CreateDecision($input: CreateDecisionInput!) {
  createDecision(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreateDecisionMutation, CreateDecisionMutationVariables>;
export const DuesArrearsListDocument = new TypedDocumentString(`
    query DuesArrearsList($status: DuesArrearsStatus, $first: Int, $after: String, $last: Int, $before: String) {
  duesArrearsCases(
    status: $status
    first: $first
    after: $after
    last: $last
    before: $before
  ) {
    totalCount
    pageInfo {
      ...PageFields
    }
    edges {
      node {
        id
        memberId
        memberName
        fromMonth
        toMonth
        months
        status
        decisionReason
        decidedOn
        createdAt
        proof {
          status
          batchSeq
          anchor {
            height
          }
        }
      }
    }
  }
}
    fragment PageFields on PageInfo {
  hasNextPage
  hasPreviousPage
  startCursor
  endCursor
}`) as unknown as TypedDocumentString<DuesArrearsListQuery, DuesArrearsListQueryVariables>;
export const RaiseDuesArrearsDocument = new TypedDocumentString(`
    mutation RaiseDuesArrears {
  raiseDuesArrearsCases {
    id
  }
}
    `) as unknown as TypedDocumentString<RaiseDuesArrearsMutation, RaiseDuesArrearsMutationVariables>;
export const DecideDuesArrearsDocument = new TypedDocumentString(`
    mutation DecideDuesArrears($id: ID!, $decision: DuesArrearsDecision!, $reason: String!) {
  decideDuesArrearsCase(id: $id, decision: $decision, reason: $reason) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<DecideDuesArrearsMutation, DecideDuesArrearsMutationVariables>;
export const DuesBasesListDocument = new TypedDocumentString(`
    query DuesBasesList($year: Int, $status: DuesBaseStatus, $first: Int, $after: String, $last: Int, $before: String) {
  duesBases(
    year: $year
    status: $status
    first: $first
    after: $after
    last: $last
    before: $before
  ) {
    totalCount
    pageInfo {
      ...PageFields
    }
    edges {
      node {
        id
        version
        memberId
        memberName
        year
        category
        baseFen
        fixedFen
        rateBp
        monthlyDueFen
        status
        checkedOn
        proof {
          status
          batchSeq
          anchor {
            height
          }
        }
      }
    }
  }
  full: members(first: 100, status: ACTIVE, stage: FULL) {
    edges {
      node {
        id
        name
      }
    }
  }
  probationary: members(first: 100, status: ACTIVE, stage: PROBATIONARY) {
    edges {
      node {
        id
        name
      }
    }
  }
}
    fragment PageFields on PageInfo {
  hasNextPage
  hasPreviousPage
  startCursor
  endCursor
}`) as unknown as TypedDocumentString<DuesBasesListQuery, DuesBasesListQueryVariables>;
export const CheckDuesBaseInListDocument = new TypedDocumentString(`
    mutation CheckDuesBaseInList($id: ID!) {
  checkDuesBase(id: $id) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<CheckDuesBaseInListMutation, CheckDuesBaseInListMutationVariables>;
export const DuesHardshipsListDocument = new TypedDocumentString(`
    query DuesHardshipsList($scope: ID!, $status: DuesHardshipStatus, $first: Int, $after: String, $last: Int, $before: String) {
  duesHardships(
    status: $status
    first: $first
    after: $after
    last: $last
    before: $before
  ) {
    totalCount
    pageInfo {
      ...PageFields
    }
    edges {
      node {
        id
        memberId
        memberName
        kind
        reducedFen
        fromMonth
        toMonth
        reason
        branchDecision
        status
        decidedOn
        decisionNote
        proof {
          status
          batchSeq
          anchor {
            height
          }
        }
      }
    }
  }
  scope: orgUnit(id: $scope) {
    kind
  }
  full: members(first: 100, status: ACTIVE, stage: FULL) {
    edges {
      node {
        id
        name
      }
    }
  }
  probationary: members(first: 100, status: ACTIVE, stage: PROBATIONARY) {
    edges {
      node {
        id
        name
      }
    }
  }
}
    fragment PageFields on PageInfo {
  hasNextPage
  hasPreviousPage
  startCursor
  endCursor
}`) as unknown as TypedDocumentString<DuesHardshipsListQuery, DuesHardshipsListQueryVariables>;
export const ProposeDuesHardshipDocument = new TypedDocumentString(`
    mutation ProposeDuesHardship($input: ProposeDuesHardshipInput!) {
  proposeDuesHardship(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<ProposeDuesHardshipMutation, ProposeDuesHardshipMutationVariables>;
export const DecideDuesHardshipDocument = new TypedDocumentString(`
    mutation DecideDuesHardship($id: ID!, $approve: Boolean!, $note: String) {
  decideDuesHardship(id: $id, approve: $approve, note: $note) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<DecideDuesHardshipMutation, DecideDuesHardshipMutationVariables>;
export const MemberDuesDocument = new TypedDocumentString(`
    query MemberDues($memberId: ID!, $year: Int) {
  duesStatement(memberId: $memberId, year: $year) {
    ...DuesStatementFields
  }
}
    fragment DuesStatementFields on DuesStatement {
  memberId
  memberName
  year
  dueFen
  paidFen
  extraFen
  base {
    id
    version
    year
    category
    baseFen
    fixedFen
    rateBp
    monthlyDueFen
    status
    checkedOn
    proof {
      ...ProofFields
    }
  }
  months {
    month
    dueFen
    paidFen
    hardship
    status
  }
  payments {
    id
    version
    months
    monthAmounts
    extraFen
    amountFen
    method
    reference
    paidOn
    receiptNo
    correctsId
    correctedBy
    reason
    proof {
      ...ProofFields
    }
  }
}
fragment ProofFields on Proof {
  status
  batchSeq
  index
  anchor {
    height
    chainId
  }
  bundle
}`) as unknown as TypedDocumentString<MemberDuesQuery, MemberDuesQueryVariables>;
export const RecordDuesPaymentDocument = new TypedDocumentString(`
    mutation RecordDuesPayment($input: RecordDuesPaymentInput!) {
  recordDuesPayment(input: $input) {
    id
    receiptNo
  }
}
    `) as unknown as TypedDocumentString<RecordDuesPaymentMutation, RecordDuesPaymentMutationVariables>;
export const CorrectDuesPaymentDocument = new TypedDocumentString(`
    mutation CorrectDuesPayment($id: ID!, $reason: String!) {
  correctDuesPayment(paymentId: $id, reason: $reason) {
    id
    receiptNo
  }
}
    `) as unknown as TypedDocumentString<CorrectDuesPaymentMutation, CorrectDuesPaymentMutationVariables>;
export const CheckDuesBaseDocument = new TypedDocumentString(`
    mutation CheckDuesBase($id: ID!) {
  checkDuesBase(id: $id) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<CheckDuesBaseMutation, CheckDuesBaseMutationVariables>;
export const DuesMembersListDocument = new TypedDocumentString(`
    query DuesMembersList($year: Int, $onlyInArrears: Boolean, $first: Int, $after: String, $last: Int, $before: String) {
  duesMembers(
    year: $year
    onlyInArrears: $onlyInArrears
    first: $first
    after: $after
    last: $last
    before: $before
  ) {
    totalCount
    pageInfo {
      ...PageFields
    }
    edges {
      node {
        memberId
        memberName
        unitName
        category
        monthlyDueFen
        baseStatus
        dueFen
        paidFen
        unpaidMonths
        consecutiveUnpaidMonths
        openCaseId
        openCaseFromMonth
        openCaseMonths
      }
    }
  }
}
    fragment PageFields on PageInfo {
  hasNextPage
  hasPreviousPage
  startCursor
  endCursor
}`) as unknown as TypedDocumentString<DuesMembersListQuery, DuesMembersListQueryVariables>;
export const DuesOverviewDocument = new TypedDocumentString(`
    query DuesOverview($month: String) {
  duesSummary(month: $month) {
    month
    trackedMembers
    dueFen
    collectedFen
    collectionRateBp
    paidMembers
    unpaidMembers
    membersInArrears
    openArrearsCases
  }
}
    `) as unknown as TypedDocumentString<DuesOverviewQuery, DuesOverviewQueryVariables>;
export const DuesPaymentsListDocument = new TypedDocumentString(`
    query DuesPaymentsList($memberId: ID, $first: Int, $after: String, $last: Int, $before: String) {
  duesPayments(
    memberId: $memberId
    first: $first
    after: $after
    last: $last
    before: $before
  ) {
    totalCount
    pageInfo {
      ...PageFields
    }
    edges {
      node {
        id
        memberId
        memberName
        months
        amountFen
        extraFen
        method
        reference
        paidOn
        receiptNo
        correctsId
        correctedBy
        proof {
          status
          batchSeq
          anchor {
            height
          }
        }
      }
    }
  }
  full: members(first: 100, status: ACTIVE, stage: FULL) {
    edges {
      node {
        id
        name
      }
    }
  }
  probationary: members(first: 100, status: ACTIVE, stage: PROBATIONARY) {
    edges {
      node {
        id
        name
      }
    }
  }
}
    fragment PageFields on PageInfo {
  hasNextPage
  hasPreviousPage
  startCursor
  endCursor
}`) as unknown as TypedDocumentString<DuesPaymentsListQuery, DuesPaymentsListQueryVariables>;
export const DuesRemittancesListDocument = new TypedDocumentString(`
    query DuesRemittancesList($status: DuesRemittanceStatus, $first: Int, $after: String, $last: Int, $before: String) {
  duesRemittances(
    status: $status
    first: $first
    after: $after
    last: $last
    before: $before
  ) {
    totalCount
    pageInfo {
      ...PageFields
    }
    edges {
      node {
        id
        orgUnitId
        unitName
        toUnitId
        toUnitName
        month
        paymentCount
        memberCount
        amountFen
        status
        confirmedOn
        receiptNo
        proof {
          status
          batchSeq
          anchor {
            height
          }
        }
      }
    }
  }
}
    fragment PageFields on PageInfo {
  hasNextPage
  hasPreviousPage
  startCursor
  endCursor
}`) as unknown as TypedDocumentString<DuesRemittancesListQuery, DuesRemittancesListQueryVariables>;
export const SubmitDuesRemittanceDocument = new TypedDocumentString(`
    mutation SubmitDuesRemittance($unitId: ID!, $month: String!) {
  submitDuesRemittance(unitId: $unitId, month: $month) {
    id
    amountFen
  }
}
    `) as unknown as TypedDocumentString<SubmitDuesRemittanceMutation, SubmitDuesRemittanceMutationVariables>;
export const ConfirmDuesRemittanceDocument = new TypedDocumentString(`
    mutation ConfirmDuesRemittance($id: ID!, $receiptNo: String!) {
  confirmDuesRemittance(id: $id, receiptNo: $receiptNo) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<ConfirmDuesRemittanceMutation, ConfirmDuesRemittanceMutationVariables>;
export const FeedbackDocument = new TypedDocumentString(`
    query Feedback($first: Int, $after: String, $last: Int, $before: String, $status: FeedbackStatus) {
  memberFeedback(
    first: $first
    after: $after
    last: $last
    before: $before
    status: $status
  ) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
    edges {
      node {
        id
        version
        category
        topic
        content
        status
        nextStatuses
        submittedAt
        response
        respondedAt
        orgUnit {
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<FeedbackQuery, FeedbackQueryVariables>;
export const RespondDocument = new TypedDocumentString(`
    mutation Respond($id: ID!, $status: FeedbackStatus!, $response: String, $v: Int) {
  respondToFeedback(
    id: $id
    status: $status
    response: $response
    expectedVersion: $v
  ) {
    id
  }
}
    `) as unknown as TypedDocumentString<RespondMutation, RespondMutationVariables>;
export const MyFeedbackDocument = new TypedDocumentString(`
    query MyFeedback($first: Int, $after: String, $last: Int, $before: String, $status: FeedbackStatus) {
  myFeedback(
    first: $first
    after: $after
    last: $last
    before: $before
    status: $status
  ) {
    totalCount
    pageInfo {
      ...PageFields
    }
    edges {
      node {
        id
        version
        category
        topic
        content
        status
        submittedAt
        response
        respondedAt
        proof {
          ...ProofFields
        }
      }
    }
  }
}
    fragment PageFields on PageInfo {
  hasNextPage
  hasPreviousPage
  startCursor
  endCursor
}
fragment ProofFields on Proof {
  status
  batchSeq
  index
  anchor {
    height
    chainId
  }
  bundle
}`) as unknown as TypedDocumentString<MyFeedbackQuery, MyFeedbackQueryVariables>;
export const SubmitFeedbackDocument = new TypedDocumentString(`
    mutation SubmitFeedback($input: SubmitFeedbackInput!) {
  submitFeedback(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<SubmitFeedbackMutation, SubmitFeedbackMutationVariables>;
export const InboxPageDocument = new TypedDocumentString(`
    query InboxPage($open: Boolean, $first: Int, $after: String) {
  inbox(open: $open, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        kind
        title
        occasionName {
          zh
          en
        }
        link
        dueAt
        createdAt
        readAt
        doneAt
      }
    }
  }
  inboxCounts {
    open
    unread
  }
  emailPreferences {
    email
    preferences {
      kind
      mode
    }
  }
}
    `) as unknown as TypedDocumentString<InboxPageQuery, InboxPageQueryVariables>;
export const InboxMarkReadDocument = new TypedDocumentString(`
    mutation InboxMarkRead($ids: [ID!]!) {
  markInboxRead(ids: $ids) {
    id
    readAt
  }
}
    `) as unknown as TypedDocumentString<InboxMarkReadMutation, InboxMarkReadMutationVariables>;
export const InboxSetEmailDocument = new TypedDocumentString(`
    mutation InboxSetEmail($email: String) {
  setMyEmail(email: $email) {
    email
  }
}
    `) as unknown as TypedDocumentString<InboxSetEmailMutation, InboxSetEmailMutationVariables>;
export const InboxSetModeDocument = new TypedDocumentString(`
    mutation InboxSetMode($kind: InboxKind!, $mode: EmailMode!) {
  setEmailPreference(kind: $kind, mode: $mode) {
    email
  }
}
    `) as unknown as TypedDocumentString<InboxSetModeMutation, InboxSetModeMutationVariables>;
export const AttemptDocument = new TypedDocumentString(`
    query Attempt($id: ID!) {
  quizAttempt(id: $id) {
    id
    version
    attemptNo
    status
    score
    maxScore
    passed
    startedAt
    finishedAt
    deadlineAt
    secondsLeft
    timeLimitSeconds
    quiz {
      id
      title
      passScore
      courseId
    }
    questions {
      id
      kind
      prompt
      options
      points
    }
    results {
      chosen
      correct
      earned
      explanation
      isCorrect
      points
      question {
        id
        prompt
        options
        kind
      }
    }
    proof {
      ...ProofFields
    }
  }
}
    fragment ProofFields on Proof {
  status
  batchSeq
  index
  anchor {
    height
    chainId
  }
  bundle
}`) as unknown as TypedDocumentString<AttemptQuery, AttemptQueryVariables>;
export const IdsDocument = new TypedDocumentString(`
    query Ids($id: ID!) {
  quizAttempt(id: $id) {
    questionIds
    secondsLeft
  }
}
    `) as unknown as TypedDocumentString<IdsQuery, IdsQueryVariables>;
export const SubmitAttemptDocument = new TypedDocumentString(`
    mutation SubmitAttempt($attemptId: ID!, $answers: [QuizAnswerInput!]!) {
  submitQuizAttempt(attemptId: $attemptId, answers: $answers) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<SubmitAttemptMutation, SubmitAttemptMutationVariables>;
export const CourseDocument = new TypedDocumentString(`
    query Course($id: ID!) {
  course(id: $id) {
    id
    title
    description
    category
    classHours
    mandatory
    orgUnitName
    publishedAt
    status
    myCompletion {
      id
      version
      completedAt
      classHours
      score
      proof {
        ...ProofFields
      }
    }
    resources(first: 100) {
      edges {
        node {
          id
          title
          kind
          uri
          durationMinutes
          position
          contentHash
        }
      }
    }
  }
}
    fragment ProofFields on Proof {
  status
  batchSeq
  index
  anchor {
    height
    chainId
  }
  bundle
}`) as unknown as TypedDocumentString<CourseQuery, CourseQueryVariables>;
export const CourseQuizzesDocument = new TypedDocumentString(`
    query CourseQuizzes($id: ID!) {
  quizzes(courseId: $id, first: 10) {
    edges {
      node {
        id
        title
        status
        questionCount
        timeLimitSeconds
        passScore
        maxAttempts
        attemptsLeft
        opensAt
        closesAt
        myAttempts(first: 20) {
          edges {
            node {
              id
              attemptNo
              status
              score
              maxScore
              passed
              deadlineAt
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CourseQuizzesQuery, CourseQuizzesQueryVariables>;
export const CompleteDocument = new TypedDocumentString(`
    mutation Complete($courseId: ID!, $resourceIds: [ID!]) {
  completeCourse(courseId: $courseId, resourceIds: $resourceIds) {
    id
  }
}
    `) as unknown as TypedDocumentString<CompleteMutation, CompleteMutationVariables>;
export const StartDocument = new TypedDocumentString(`
    mutation Start($quizId: ID!) {
  startQuizAttempt(quizId: $quizId) {
    id
  }
}
    `) as unknown as TypedDocumentString<StartMutation, StartMutationVariables>;
export const CoursesDocument = new TypedDocumentString(`
    query Courses($first: Int, $after: String, $last: Int, $before: String, $search: String) {
  courses(
    status: PUBLISHED
    search: $search
    first: $first
    after: $after
    last: $last
    before: $before
  ) {
    totalCount
    pageInfo {
      ...PageFields
    }
    edges {
      node {
        id
        title
        description
        category
        classHours
        mandatory
        orgUnitName
        publishedAt
        myCompletion {
          id
          completedAt
        }
        resources(first: 1) {
          totalCount
        }
      }
    }
  }
}
    fragment PageFields on PageInfo {
  hasNextPage
  hasPreviousPage
  startCursor
  endCursor
}`) as unknown as TypedDocumentString<CoursesQuery, CoursesQueryVariables>;
export const CourseMaterialDocument = new TypedDocumentString(`
    query CourseMaterial($id: ID!) {
  course(id: $id) {
    id
    title
    resources(first: 100) {
      edges {
        node {
          id
          title
          kind
          uri
          durationMinutes
          position
          contentHash
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CourseMaterialQuery, CourseMaterialQueryVariables>;
export const MyAppraisalDocument = new TypedDocumentString(`
    query MyAppraisal($first: Int, $after: String, $last: Int, $before: String) {
  myAppraisalResults(first: $first, after: $after, last: $last, before: $before) {
    totalCount
    pageInfo {
      ...PageFields
    }
    edges {
      node {
        id
        version
        rating
        ratingZh
        decidedAt
        notifiedAt
        peerSummary {
          excellent
          qualified
          basicallyQualified
          unqualified
          total
        }
        campaign {
          id
          title
          year
        }
        proof {
          ...ProofFields
        }
      }
    }
  }
}
    fragment PageFields on PageInfo {
  hasNextPage
  hasPreviousPage
  startCursor
  endCursor
}
fragment ProofFields on Proof {
  status
  batchSeq
  index
  anchor {
    height
    chainId
  }
  bundle
}`) as unknown as TypedDocumentString<MyAppraisalQuery, MyAppraisalQueryVariables>;
export const MyBallotVotesDocument = new TypedDocumentString(`
    query MyBallotVotes {
  votes(first: 100) {
    totalCount
    edges {
      node {
        id
        title
        status
        hasVoted
        closedAt
        options {
          id
          label
          position
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MyBallotVotesQuery, MyBallotVotesQueryVariables>;
export const CheckDocument = new TypedDocumentString(`
    query Check($voteId: ID!, $receipt: String!) {
  verifyMyBallot(voteId: $voteId, receipt: $receipt) {
    verified
    voteStatus
    choices
    ballot {
      id
      version
      voteId
      choices
      receiptHash
      proof {
        ...ProofFields
      }
    }
  }
}
    fragment ProofFields on Proof {
  status
  batchSeq
  index
  anchor {
    height
    chainId
  }
  bundle
}`) as unknown as TypedDocumentString<CheckQuery, CheckQueryVariables>;
export const BranchDecisionDocument = new TypedDocumentString(`
    query BranchDecision($id: ID!) {
  decision(id: $id) {
    id
    number
    title
    content
    decidedOn
    status
    yesCount
    noCount
    abstainCount
    overdueMilestones
    proof {
      status
      batchSeq
      anchor {
        height
      }
    }
    milestones {
      id
      title
      dueOn
      completedOn
      status
      overdue
      overdueDays
      proof {
        status
        batchSeq
        anchor {
          height
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<BranchDecisionQuery, BranchDecisionQueryVariables>;
export const BranchDecisionsDocument = new TypedDocumentString(`
    query BranchDecisions($first: Int, $after: String, $last: Int, $before: String) {
  decisions(first: $first, after: $after, last: $last, before: $before) {
    totalCount
    pageInfo {
      ...PageFields
    }
    edges {
      node {
        id
        number
        title
        content
        decidedOn
        status
        yesCount
        noCount
        abstainCount
        overdueMilestones
        proof {
          status
          batchSeq
          anchor {
            height
          }
        }
        milestones {
          id
          title
          dueOn
          completedOn
          status
          overdue
          overdueDays
          proof {
            status
            batchSeq
            anchor {
              height
            }
          }
        }
      }
    }
  }
}
    fragment PageFields on PageInfo {
  hasNextPage
  hasPreviousPage
  startCursor
  endCursor
}`) as unknown as TypedDocumentString<BranchDecisionsQuery, BranchDecisionsQueryVariables>;
export const MyDuesDocument = new TypedDocumentString(`
    query MyDues($year: Int) {
  duesStatement(year: $year) {
    ...DuesStatementFields
  }
}
    fragment DuesStatementFields on DuesStatement {
  memberId
  memberName
  year
  dueFen
  paidFen
  extraFen
  base {
    id
    version
    year
    category
    baseFen
    fixedFen
    rateBp
    monthlyDueFen
    status
    checkedOn
    proof {
      ...ProofFields
    }
  }
  months {
    month
    dueFen
    paidFen
    hardship
    status
  }
  payments {
    id
    version
    months
    monthAmounts
    extraFen
    amountFen
    method
    reference
    paidOn
    receiptNo
    correctsId
    correctedBy
    reason
    proof {
      ...ProofFields
    }
  }
}
fragment ProofFields on Proof {
  status
  batchSeq
  index
  anchor {
    height
    chainId
  }
  bundle
}`) as unknown as TypedDocumentString<MyDuesQuery, MyDuesQueryVariables>;
export const MyLearningDocument = new TypedDocumentString(`
    query MyLearning($c: Int, $cAfter: String, $cl: Int, $cBefore: String, $a: Int, $aAfter: String, $al: Int, $aBefore: String) {
  courseCompletions(first: $c, after: $cAfter, last: $cl, before: $cBefore) {
    totalCount
    pageInfo {
      ...PageFields
    }
    edges {
      node {
        id
        version
        completedAt
        classHours
        score
        course {
          id
          title
        }
        proof {
          ...ProofFields
        }
      }
    }
  }
  myQuizAttempts(first: $a, after: $aAfter, last: $al, before: $aBefore) {
    totalCount
    pageInfo {
      ...PageFields
    }
    edges {
      node {
        id
        version
        attemptNo
        status
        score
        maxScore
        passed
        startedAt
        finishedAt
        quiz {
          id
          title
          passScore
          courseId
        }
        proof {
          ...ProofFields
        }
      }
    }
  }
}
    fragment PageFields on PageInfo {
  hasNextPage
  hasPreviousPage
  startCursor
  endCursor
}
fragment ProofFields on Proof {
  status
  batchSeq
  index
  anchor {
    height
    chainId
  }
  bundle
}`) as unknown as TypedDocumentString<MyLearningQuery, MyLearningQueryVariables>;
export const MyAttendanceDocument = new TypedDocumentString(`
    query MyAttendance($memberId: ID!, $first: Int, $after: String, $last: Int, $before: String) {
  memberAttendance(
    memberId: $memberId
    first: $first
    after: $after
    last: $last
    before: $before
  ) {
    totalCount
    pageInfo {
      ...PageFields
    }
    edges {
      node {
        id
        version
        status
        checkedInAt
        method
        note
        meeting {
          id
          title
          kind
          kindZh
          startsAt
          orgUnitName
        }
        proof {
          ...ProofFields
        }
      }
    }
  }
}
    fragment PageFields on PageInfo {
  hasNextPage
  hasPreviousPage
  startCursor
  endCursor
}
fragment ProofFields on Proof {
  status
  batchSeq
  index
  anchor {
    height
    chainId
  }
  bundle
}`) as unknown as TypedDocumentString<MyAttendanceQuery, MyAttendanceQueryVariables>;
export const MyPointsTotalDocument = new TypedDocumentString(`
    query MyPointsTotal {
  memberPointsTotal {
    total
    entryCount
    entries {
      id
      version
      points
      occurredOn
    }
  }
}
    `) as unknown as TypedDocumentString<MyPointsTotalQuery, MyPointsTotalQueryVariables>;
export const LedgerDocument = new TypedDocumentString(`
    query Ledger($after: String) {
  pointsLedger(first: 100, after: $after) {
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        version
        proof {
          bundle
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<LedgerQuery, LedgerQueryVariables>;
export const MyPointsDocument = new TypedDocumentString(`
    query MyPoints($first: Int, $after: String, $last: Int, $before: String) {
  memberPointsTotal {
    total
    entryCount
  }
  pointsLedger(first: $first, after: $after, last: $last, before: $before) {
    totalCount
    pageInfo {
      ...PageFields
    }
    edges {
      node {
        id
        version
        points
        netPoints
        occurredOn
        reason
        correctsId
        sourceType
        rule {
          id
          code
          name
          points
          revision
        }
        proof {
          ...ProofFields
        }
      }
    }
  }
}
    fragment PageFields on PageInfo {
  hasNextPage
  hasPreviousPage
  startCursor
  endCursor
}
fragment ProofFields on Proof {
  status
  batchSeq
  index
  anchor {
    height
    chainId
  }
  bundle
}`) as unknown as TypedDocumentString<MyPointsQuery, MyPointsQueryVariables>;
export const MyRecordsDocument = new TypedDocumentString(`
    query MyRecords($id: ID!) {
  me {
    account {
      ...MyAccount
      member {
        ...MemberFields
        proof {
          ...ProofRefFields
        }
        developmentHistory {
          id
          version
          seq
          stepNo
          kind
          nameZh
          nameEn
          stage
          occurredOn
          approval
          notes
          warnings {
            code
            zh
            en
            warning
          }
          proof {
            ...ProofRefFields
          }
        }
      }
    }
  }
  history(type: "Member", id: $id, first: 100) {
    edges {
      node {
        version
        at
        actor
        data
        proof {
          ...ProofRefFields
        }
      }
    }
  }
}
    fragment MemberFields on Member {
  id
  version
  name
  gender
  birthDate
  ethnicity
  education
  nativePlace
  occupation
  stage
  status
  statusChangedOn
  appliedOn
  activistSince
  candidateSince
  probationarySince
  probationEndsOn
  probationExtended
  fullMemberSince
  partyAgeYears
  orgUnitId
  orgUnit {
    id
    name
    kind
  }
}
fragment ProofRefFields on Proof {
  status
  batchSeq
  index
  anchor {
    height
    chainId
  }
  ref
}
fragment MyAccount on Account {
  id
  username
  displayName
  role
  lastLoginAt
  scopeUnit {
    id
    name
    kind
  }
  sessions(first: 10) {
    edges {
      node {
        id
        createdAt
        lastSeenAt
        expiresAt
        userAgent
        current
        secondFactor
      }
    }
  }
}`) as unknown as TypedDocumentString<MyRecordsQuery, MyRecordsQueryVariables>;
export const MyRecordsBundlesDocument = new TypedDocumentString(`
    query MyRecordsBundles($id: ID!) {
  me {
    account {
      member {
        proof {
          ...ProofFields
        }
        developmentHistory {
          id
          proof {
            ...ProofFields
          }
        }
      }
    }
  }
  history(type: "Member", id: $id, first: 100) {
    edges {
      node {
        version
        proof {
          ...ProofFields
        }
      }
    }
  }
}
    fragment ProofFields on Proof {
  status
  batchSeq
  index
  anchor {
    height
    chainId
  }
  bundle
}`) as unknown as TypedDocumentString<MyRecordsBundlesQuery, MyRecordsBundlesQueryVariables>;
export const MyDueDocument = new TypedDocumentString(`
    query MyDue($today: Date!) {
  votes(status: OPEN, first: 50) {
    edges {
      node {
        id
        title
        status
        hasVoted
        closesAt
      }
    }
  }
  meetings(from: $today, first: 50) {
    edges {
      node {
        id
        title
        status
        startsAt
        location
      }
    }
  }
  courses(status: PUBLISHED, first: 100) {
    edges {
      node {
        id
        title
        mandatory
        myCompletion {
          id
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MyDueQuery, MyDueQueryVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    account {
      ...MyAccount
    }
  }
}
    fragment MyAccount on Account {
  id
  username
  displayName
  role
  lastLoginAt
  scopeUnit {
    id
    name
    kind
  }
  sessions(first: 10) {
    edges {
      node {
        id
        createdAt
        lastSeenAt
        expiresAt
        userAgent
        current
        secondFactor
      }
    }
  }
}`) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const RevokeDocument = new TypedDocumentString(`
    mutation Revoke($id: ID!) {
  revokeSession(id: $id) {
    id
    revokedAt
  }
}
    `) as unknown as TypedDocumentString<RevokeMutation, RevokeMutationVariables>;
export const MeetingDocument = new TypedDocumentString(`
    query Meeting($id: ID!, $staff: Boolean!) {
  meeting(id: $id) {
    ...MeetingFields
    minutesAttachments {
      sha256
      name
      type
      size
    }
    myRegistration {
      id
      status
      registeredAt
    }
    myAttendance {
      id
      version
      status
      method
      checkedInAt
      proof {
        ...ProofFields
      }
    }
    myFeedback {
      id
      rating
      comment
    }
    registrations(first: 100) @include(if: $staff) {
      totalCount
      edges {
        node {
          id
          status
          registeredAt
          member {
            id
            name
          }
          proof {
            status
            batchSeq
            anchor {
              height
            }
          }
        }
      }
    }
    attendances(first: 100) @include(if: $staff) {
      totalCount
      edges {
        node {
          id
          status
          method
          checkedInAt
          note
          member {
            id
            name
          }
          proof {
            status
            batchSeq
            anchor {
              height
            }
          }
        }
      }
    }
    feedback(first: 100) @include(if: $staff) {
      totalCount
      edges {
        node {
          id
          rating
          comment
          createdAt
          member {
            id
            name
          }
          proof {
            status
            batchSeq
            anchor {
              height
            }
          }
        }
      }
    }
  }
}
    fragment ProofFields on Proof {
  status
  batchSeq
  index
  anchor {
    height
    chainId
  }
  bundle
}
fragment MeetingFields on Meeting {
  id
  version
  orgUnitId
  orgUnitName
  kind
  kindZh
  title
  agenda
  location
  scheduledAt
  durationMinutes
  startsAt
  endsAt
  status
  publishedAt
  startedAt
  endedAt
  minutes
  minutesRecordedAt
  recordedAfterwards
  cancelReason
  checkInOpen
  proof {
    status
    batchSeq
    index
    anchor {
      height
      chainId
    }
    bundle
  }
}`) as unknown as TypedDocumentString<MeetingQuery, MeetingQueryVariables>;
export const RosterDocument = new TypedDocumentString(`
    query Roster($under: ID!) {
  members(under: $under, status: ACTIVE, first: 100) {
    totalCount
    edges {
      node {
        id
        name
        stage
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RosterQuery, RosterQueryVariables>;
export const PublishMeetingDocument = new TypedDocumentString(`
    mutation PublishMeeting($id: ID!) {
  publishMeeting(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<PublishMeetingMutation, PublishMeetingMutationVariables>;
export const UpdateMeetingDocument = new TypedDocumentString(`
    mutation UpdateMeeting($id: ID!, $input: UpdateMeetingInput!) {
  updateMeeting(id: $id, input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<UpdateMeetingMutation, UpdateMeetingMutationVariables>;
export const EndMeetingDocument = new TypedDocumentString(`
    mutation EndMeeting($id: ID!) {
  endMeeting(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<EndMeetingMutation, EndMeetingMutationVariables>;
export const CancelMeetingDocument = new TypedDocumentString(`
    mutation CancelMeeting($id: ID!, $reason: String!) {
  cancelMeeting(id: $id, reason: $reason) {
    id
  }
}
    `) as unknown as TypedDocumentString<CancelMeetingMutation, CancelMeetingMutationVariables>;
export const OpenCheckInDocument = new TypedDocumentString(`
    mutation OpenCheckIn($id: ID!, $validMinutes: Int) {
  openCheckIn(id: $id, validMinutes: $validMinutes) {
    code
    qrPayload
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<OpenCheckInMutation, OpenCheckInMutationVariables>;
export const RecordAttendanceDocument = new TypedDocumentString(`
    mutation RecordAttendance($meetingId: ID!, $entries: [AttendanceEntryInput!]!) {
  recordAttendance(meetingId: $meetingId, entries: $entries) {
    id
  }
}
    `) as unknown as TypedDocumentString<RecordAttendanceMutation, RecordAttendanceMutationVariables>;
export const RecordMinutesDocument = new TypedDocumentString(`
    mutation RecordMinutes($id: ID!, $minutes: String!, $attachments: [AttachmentInput!]) {
  recordMinutes(id: $id, minutes: $minutes, attachments: $attachments) {
    id
  }
}
    `) as unknown as TypedDocumentString<RecordMinutesMutation, RecordMinutesMutationVariables>;
export const RegisterForMeetingDocument = new TypedDocumentString(`
    mutation RegisterForMeeting($meetingId: ID!) {
  registerForMeeting(meetingId: $meetingId) {
    id
  }
}
    `) as unknown as TypedDocumentString<RegisterForMeetingMutation, RegisterForMeetingMutationVariables>;
export const CheckInDocument = new TypedDocumentString(`
    mutation CheckIn($meetingId: ID!, $code: String) {
  checkIn(meetingId: $meetingId, code: $code) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<CheckInMutation, CheckInMutationVariables>;
export const MeetingFeedbackDocument = new TypedDocumentString(`
    mutation MeetingFeedback($meetingId: ID!, $rating: Int!, $comment: String) {
  submitMeetingFeedback(meetingId: $meetingId, rating: $rating, comment: $comment) {
    id
  }
}
    `) as unknown as TypedDocumentString<MeetingFeedbackMutation, MeetingFeedbackMutationVariables>;
export const MeetingsDocument = new TypedDocumentString(`
    query Meetings($first: Int, $after: String, $last: Int, $before: String, $kind: MeetingKind, $status: MeetingStatus, $from: Date, $to: Date) {
  meetings(
    first: $first
    after: $after
    last: $last
    before: $before
    kind: $kind
    status: $status
    from: $from
    to: $to
  ) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
    edges {
      node {
        id
        title
        kind
        status
        startsAt
        location
        orgUnitName
        checkInOpen
        proof {
          status
          batchSeq
          anchor {
            height
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MeetingsQuery, MeetingsQueryVariables>;
export const ComplianceDocument = new TypedDocumentString(`
    query Compliance($unitId: ID!, $from: Date!, $to: Date!) {
  meetingCompliance(unitId: $unitId, period: {from: $from, to: $to}) {
    from
    to
    rows {
      unitId
      unit {
        name
      }
      kind
      cadence
      required
      held
      met
      due
      overdue
      nextDeadline
      compliant
      appraised
      talkedWith
      toTalkWith
    }
    totals {
      kind
      cadence
      branches
      required
      held
      met
      due
      overdue
      nextDeadline
      compliant
      appraised
      talkedWith
      toTalkWith
    }
  }
}
    `) as unknown as TypedDocumentString<ComplianceQuery, ComplianceQueryVariables>;
export const PlanDocument = new TypedDocumentString(`
    mutation Plan($input: PlanMeetingInput!) {
  planMeeting(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<PlanMutation, PlanMutationVariables>;
export const PastDocument = new TypedDocumentString(`
    mutation Past($input: PastMeetingInput!) {
  recordPastMeeting(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<PastMutation, PastMutationVariables>;
export const MemberDocument = new TypedDocumentString(`
    query Member($id: ID!) {
  member(id: $id) {
    ...MemberFields
    proof {
      ...ProofFields
    }
    developmentHistory {
      ...StepFields
    }
    nextActions {
      ...ActionFields
    }
    pipelineDue {
      stepNo
      kind
      nameZh
      nameEn
      dueOn
      deadline
      daysLeft
      status
    }
    levelRequests {
      id
      kind
      stepNo
      nameZh
      nameEn
      status
      requestedAt
      requestedByName
      decidedAt
      decidedByName
      returnReason
      decidingUnitName
    }
  }
  me {
    account {
      scopeUnit {
        kind
      }
    }
  }
  history(type: "Member", id: $id, first: 100) {
    edges {
      node {
        version
        at
        actor
        data
        proof {
          ...ProofFields
        }
      }
    }
  }
}
    fragment ProofFields on Proof {
  status
  batchSeq
  index
  anchor {
    height
    chainId
  }
  bundle
}
fragment MemberFields on Member {
  id
  version
  name
  gender
  birthDate
  ethnicity
  education
  nativePlace
  occupation
  stage
  status
  statusChangedOn
  appliedOn
  activistSince
  candidateSince
  probationarySince
  probationEndsOn
  probationExtended
  fullMemberSince
  partyAgeYears
  orgUnitId
  orgUnit {
    id
    name
    kind
  }
}
fragment StepFields on DevelopmentStep {
  id
  version
  seq
  stepNo
  kind
  nameZh
  nameEn
  stage
  occurredOn
  approval
  notes
  warnings {
    code
    zh
    en
    warning
  }
  proof {
    status
    batchSeq
    index
    anchor {
      height
      chainId
    }
    bundle
  }
}
fragment ActionFields on PipelineAction {
  stepNo
  kind
  nameZh
  nameEn
  stage
  legalToday
  notBefore
  recommendedFrom
  dueOn
  deadline
  blockedBy {
    code
    zh
    en
    warning
  }
}`) as unknown as TypedDocumentString<MemberQuery, MemberQueryVariables>;
export const PeopleDocument = new TypedDocumentString(`
    query People($under: ID) {
  members(under: $under, stage: FULL, status: ACTIVE, first: 100) {
    edges {
      node {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PeopleQuery, PeopleQueryVariables>;
export const RecordStepDocument = new TypedDocumentString(`
    mutation RecordStep($memberId: ID!, $step: DevelopmentStepKind!, $occurredOn: Date!, $input: DevelopmentStepInput) {
  recordDevelopmentStep(
    memberId: $memberId
    step: $step
    occurredOn: $occurredOn
    input: $input
  ) {
    step {
      id
      stepNo
      nameZh
      nameEn
    }
    warnings {
      code
      zh
      en
    }
  }
}
    `) as unknown as TypedDocumentString<RecordStepMutation, RecordStepMutationVariables>;
export const RequestLevelStepDocument = new TypedDocumentString(`
    mutation RequestLevelStep($memberId: ID!, $step: DevelopmentStepKind!, $input: DevelopmentStepInput) {
  requestLevelStep(memberId: $memberId, step: $step, input: $input) {
    id
    nameZh
    nameEn
  }
}
    `) as unknown as TypedDocumentString<RequestLevelStepMutation, RequestLevelStepMutationVariables>;
export const ImportMembersDocument = new TypedDocumentString(`
    mutation ImportMembers($unitId: ID!, $rows: [MemberImportRow!]!, $dryRun: Boolean!, $confirmRows: [Int!]) {
  importMembers(
    unitId: $unitId
    rows: $rows
    dryRun: $dryRun
    confirmRows: $confirmRows
  ) {
    dryRun
    written
    total
    okCount
    errorCount
    skippedCount
    rows {
      row
      ok
      skipped
      duplicateOfRow
      duplicateOfMemberId
      likelyDuplicateOfMemberId
      memberId
      errors {
        field
        message
        messageZh
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ImportMembersMutation, ImportMembersMutationVariables>;
export const MembersDocument = new TypedDocumentString(`
    query Members($first: Int, $after: String, $last: Int, $before: String, $search: String, $stage: MemberStage, $status: MemberStatus, $under: ID) {
  members(
    first: $first
    after: $after
    last: $last
    before: $before
    search: $search
    stage: $stage
    status: $status
    under: $under
  ) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
    edges {
      node {
        id
        name
        gender
        stage
        status
        partyAgeYears
        orgUnit {
          id
          name
        }
        proof {
          status
          batchSeq
          anchor {
            height
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MembersQuery, MembersQueryVariables>;
export const NoticeDetailDocument = new TypedDocumentString(`
    query NoticeDetail($id: ID!, $first: Int, $after: String) {
  notice(id: $id) {
    id
    version
    title
    body
    audience
    roles
    memberCount
    publishedAt
    remindedAt
    withdrawnAt
    addressedToMe
    unitName
    decision {
      id
      title
    }
    attachments {
      sha256
      name
      type
      size
    }
    proof {
      ...ProofFields
    }
    myReceipt {
      id
      version
      readAt
      acknowledgedAt
      proof {
        ...ProofFields
      }
    }
    stats {
      audience
      read
      acknowledged
    }
    notAcknowledged(first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          accountId
          name
          unitName
          readAt
        }
      }
    }
  }
}
    fragment ProofFields on Proof {
  status
  batchSeq
  index
  anchor {
    height
    chainId
  }
  bundle
}`) as unknown as TypedDocumentString<NoticeDetailQuery, NoticeDetailQueryVariables>;
export const MarkNoticeReadDocument = new TypedDocumentString(`
    mutation MarkNoticeRead($id: ID!) {
  markNoticeRead(id: $id) {
    id
    readAt
  }
}
    `) as unknown as TypedDocumentString<MarkNoticeReadMutation, MarkNoticeReadMutationVariables>;
export const AcknowledgeNoticeDocument = new TypedDocumentString(`
    mutation AcknowledgeNotice($id: ID!) {
  acknowledgeNotice(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<AcknowledgeNoticeMutation, AcknowledgeNoticeMutationVariables>;
export const RemindNoticeDocument = new TypedDocumentString(`
    mutation RemindNotice($id: ID!) {
  remindNotice(id: $id) {
    reminded
  }
}
    `) as unknown as TypedDocumentString<RemindNoticeMutation, RemindNoticeMutationVariables>;
export const WithdrawNoticeDocument = new TypedDocumentString(`
    mutation WithdrawNotice($id: ID!) {
  withdrawNotice(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<WithdrawNoticeMutation, WithdrawNoticeMutationVariables>;
export const MyNoticesDocument = new TypedDocumentString(`
    query MyNotices($unread: Boolean, $first: Int, $after: String, $last: Int, $before: String) {
  myNotices(
    unread: $unread
    first: $first
    after: $after
    last: $last
    before: $before
  ) {
    totalCount
    pageInfo {
      ...PageFields
    }
    edges {
      node {
        id
        title
        publishedAt
        withdrawnAt
        unitName
        myReceipt {
          readAt
          acknowledgedAt
        }
        proof {
          status
          batchSeq
          anchor {
            height
          }
        }
      }
    }
  }
}
    fragment PageFields on PageInfo {
  hasNextPage
  hasPreviousPage
  startCursor
  endCursor
}`) as unknown as TypedDocumentString<MyNoticesQuery, MyNoticesQueryVariables>;
export const PublishedNoticesDocument = new TypedDocumentString(`
    query PublishedNotices($first: Int, $after: String, $last: Int, $before: String) {
  notices(first: $first, after: $after, last: $last, before: $before) {
    totalCount
    pageInfo {
      ...PageFields
    }
    edges {
      node {
        id
        title
        audience
        roles
        memberCount
        publishedAt
        withdrawnAt
        unitName
        stats {
          audience
          acknowledged
        }
        proof {
          status
          batchSeq
          anchor {
            height
          }
        }
      }
    }
  }
}
    fragment PageFields on PageInfo {
  hasNextPage
  hasPreviousPage
  startCursor
  endCursor
}`) as unknown as TypedDocumentString<PublishedNoticesQuery, PublishedNoticesQueryVariables>;
export const NoticeMembersDocument = new TypedDocumentString(`
    query NoticeMembers($first: Int) {
  members(first: $first, status: ACTIVE) {
    edges {
      node {
        id
        name
        orgUnit {
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<NoticeMembersQuery, NoticeMembersQueryVariables>;
export const PublishNoticeDocument = new TypedDocumentString(`
    mutation PublishNotice($input: PublishNoticeInput!) {
  publishNotice(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<PublishNoticeMutation, PublishNoticeMutationVariables>;
export const OversightDocument = new TypedDocumentString(`
    query Oversight($unit: ID, $first: Int, $after: String) {
  oversight(unitId: $unit) {
    unit {
      id
      name
      kind
    }
    leaf
    trail {
      id
      name
      kind
    }
    term {
      id
      termEnd
      daysLeft
    }
    children(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        node {
          leaf
          unit {
            id
            name
            kind
          }
          stepsDue
          stepsOverdue
          requestsWaiting
          requestsOverdue
          meetingSlotsOverdue
          termsEnding
          termsOverdue
        }
      }
    }
    steps {
      stepNo
      kind
      nameZh
      nameEn
      dueOn
      daysLeft
      status
      member {
        id
        name
      }
    }
    requests {
      status
      dueOn
      deadline
      daysLeft
      waitingDays
      request {
        id
        stepNo
        nameZh
        nameEn
        status
        member {
          id
          name
        }
      }
    }
    meetings {
      kind
      overdue
      due
    }
    terms {
      id
      termEnd
      daysLeft
      unit {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<OversightQuery, OversightQueryVariables>;
export const BoardDocument = new TypedDocumentString(`
    query Board {
  APPLICANT: members(stage: APPLICANT, status: ACTIVE, first: 12) {
    totalCount
    edges {
      node {
        ...BoardCard
        appliedOn
        nextActions {
          ...ActionFields
        }
      }
    }
  }
  ACTIVIST: members(stage: ACTIVIST, status: ACTIVE, first: 12) {
    totalCount
    edges {
      node {
        ...BoardCard
        activistSince
        nextActions {
          ...ActionFields
        }
      }
    }
  }
  CANDIDATE: members(stage: CANDIDATE, status: ACTIVE, first: 12) {
    totalCount
    edges {
      node {
        ...BoardCard
        candidateSince
        nextActions {
          ...ActionFields
        }
      }
    }
  }
  PROBATIONARY: members(stage: PROBATIONARY, status: ACTIVE, first: 12) {
    totalCount
    edges {
      node {
        ...BoardCard
        probationarySince
        nextActions {
          ...ActionFields
        }
      }
    }
  }
  FULL: members(stage: FULL, status: ACTIVE, first: 12) {
    totalCount
    edges {
      node {
        ...BoardCard
        fullMemberSince
      }
    }
  }
  pipelineDue(first: 20, withinDays: 30) {
    totalCount
    edges {
      node {
        ...DueFields
        member {
          id
          name
          orgUnit {
            name
          }
        }
      }
    }
  }
  levelRequests(status: [IN_REVIEW, PENDING, RETURNED], first: 10) {
    totalCount
    edges {
      node {
        id
        stepNo
        nameZh
        nameEn
        status
        requestedAt
        decidedAt
        decidedByName
        returnReason
        decidingUnitName
        member {
          id
          name
        }
      }
    }
  }
}
    fragment ActionFields on PipelineAction {
  stepNo
  kind
  nameZh
  nameEn
  stage
  legalToday
  notBefore
  recommendedFrom
  dueOn
  deadline
  blockedBy {
    code
    zh
    en
    warning
  }
}
fragment DueFields on PipelineDueItem {
  stepNo
  kind
  nameZh
  nameEn
  dueOn
  deadline
  daysLeft
  status
}
fragment BoardCard on Member {
  id
  name
  orgUnit {
    name
  }
}`) as unknown as TypedDocumentString<BoardQuery, BoardQueryVariables>;
export const OverdueInDocument = new TypedDocumentString(`
    query OverdueIn($unit: ID!, $asOf: Date, $after: String) {
  orgUnit(id: $unit) {
    id
    name
  }
  pipelineDue(
    unitId: $unit
    asOf: $asOf
    withinDays: 0
    status: [OVERDUE, EXPIRED]
    first: 50
    after: $after
  ) {
    ...OverdueItems
  }
}
    fragment OverdueItems on PipelineDueConnection {
  totalCount
  pageInfo {
    hasNextPage
    endCursor
  }
  edges {
    node {
      stepNo
      kind
      nameZh
      nameEn
      dueOn
      deadline
      daysLeft
      status
      member {
        id
        name
        orgUnit {
          id
          name
        }
      }
    }
  }
}`) as unknown as TypedDocumentString<OverdueInQuery, OverdueInQueryVariables>;
export const OverdueDocument = new TypedDocumentString(`
    query Overdue($asOf: Date, $after: String) {
  me {
    account {
      scopeUnit {
        id
        name
      }
    }
  }
  pipelineDue(
    asOf: $asOf
    withinDays: 0
    status: [OVERDUE, EXPIRED]
    first: 50
    after: $after
  ) {
    ...OverdueItems
  }
}
    fragment OverdueItems on PipelineDueConnection {
  totalCount
  pageInfo {
    hasNextPage
    endCursor
  }
  edges {
    node {
      stepNo
      kind
      nameZh
      nameEn
      dueOn
      deadline
      daysLeft
      status
      member {
        id
        name
        orgUnit {
          id
          name
        }
      }
    }
  }
}`) as unknown as TypedDocumentString<OverdueQuery, OverdueQueryVariables>;
export const ProofBundleDocument = new TypedDocumentString(`
    query ProofBundle($type: String!, $id: ID!, $version: Int) {
  record(type: $type, id: $id, version: $version) {
    type
    id
    version
    proof {
      status
      bundle
    }
  }
}
    `) as unknown as TypedDocumentString<ProofBundleQuery, ProofBundleQueryVariables>;
export const SignInDocument = new TypedDocumentString(`
    mutation SignIn($username: String!, $password: String!) {
  signIn(username: $username, password: $password) {
    __typename
    ... on SignedIn {
      token
      expiresAt
      account {
        id
        username
        displayName
        role
        scopeUnitId
        member {
          id
        }
      }
    }
    ... on TotpRequired {
      challenge
      expiresAt
      enrollment {
        secret
        otpauthUri
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SignInMutation, SignInMutationVariables>;
export const VerifyTotpDocument = new TypedDocumentString(`
    mutation VerifyTotp($challenge: String!, $code: String!) {
  verifyTotp(challenge: $challenge, code: $code) {
    token
    expiresAt
    account {
      id
      username
      displayName
      role
      scopeUnitId
      member {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<VerifyTotpMutation, VerifyTotpMutationVariables>;
export const SignOutDocument = new TypedDocumentString(`
    mutation SignOut {
  signOut
}
    `) as unknown as TypedDocumentString<SignOutMutation, SignOutMutationVariables>;
export const TransferLetterCheckDocument = new TypedDocumentString(`
    query TransferLetterCheck($code: String!) {
  transferLetterCheck(code: $code) {
    status
    lastValidDay
    lapsed
    fromUnitName
    memberNameMasked
    proof {
      ...ProofFields
    }
  }
}
    fragment ProofFields on Proof {
  status
  batchSeq
  index
  anchor {
    height
    chainId
  }
  bundle
}`) as unknown as TypedDocumentString<TransferLetterCheckQuery, TransferLetterCheckQueryVariables>;
export const TransferLetterDocument = new TypedDocumentString(`
    query TransferLetter($id: ID!) {
  transfer(id: $id) {
    id
    version
    letterNo
    memberName
    fromUnitName
    toUnitName
    toOrganisation
    toProvince
    crossProvince
    issuedOn
    lastValidDay
    status
    lapsed
    viaUnitName
    needsEndorsement
    endorsedOn
    verifyCode
  }
}
    `) as unknown as TypedDocumentString<TransferLetterQuery, TransferLetterQueryVariables>;
export const TransfersDocument = new TypedDocumentString(`
    query Transfers($first: Int, $after: String, $last: Int, $before: String, $status: TransferStatus, $direction: TransferDirection, $awaitingEndorsement: Boolean, $dest: String) {
  transfers(
    first: $first
    after: $after
    last: $last
    before: $before
    status: $status
    direction: $direction
    awaitingEndorsement: $awaitingEndorsement
  ) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
    edges {
      node {
        id
        letterNo
        memberName
        fromUnitName
        toUnitName
        toOrganisation
        crossProvince
        issuedOn
        lastValidDay
        status
        lapsed
        receivedOn
        receiptNo
        viaUnitName
        needsEndorsement
        endorsedOn
        canCancel
        verifyCode
      }
    }
  }
  transferDestinations(search: $dest, first: 50) {
    edges {
      node {
        id
        name
        kind
        province
        pathNames
      }
    }
  }
  full: members(first: 100, status: ACTIVE, stage: FULL) {
    edges {
      node {
        id
        name
        orgUnit {
          name
        }
      }
    }
  }
  probationary: members(first: 100, status: ACTIVE, stage: PROBATIONARY) {
    edges {
      node {
        id
        name
        orgUnit {
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TransfersQuery, TransfersQueryVariables>;
export const IssueTransferDocument = new TypedDocumentString(`
    mutation IssueTransfer($input: IssueTransferLetterInput!) {
  issueTransferLetter(input: $input) {
    id
    letterNo
  }
}
    `) as unknown as TypedDocumentString<IssueTransferMutation, IssueTransferMutationVariables>;
export const ReceiveTransferDocument = new TypedDocumentString(`
    mutation ReceiveTransfer($id: ID!, $receiptNo: String) {
  receiveTransfer(id: $id, receiptNo: $receiptNo) {
    id
  }
}
    `) as unknown as TypedDocumentString<ReceiveTransferMutation, ReceiveTransferMutationVariables>;
export const EndorseTransferDocument = new TypedDocumentString(`
    mutation EndorseTransfer($id: ID!) {
  endorseTransfer(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<EndorseTransferMutation, EndorseTransferMutationVariables>;
export const CancelTransferDocument = new TypedDocumentString(`
    mutation CancelTransfer($id: ID!) {
  cancelTransfer(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<CancelTransferMutation, CancelTransferMutationVariables>;
export const ExpireTransfersDocument = new TypedDocumentString(`
    mutation ExpireTransfers {
  expireTransferLetters {
    id
  }
}
    `) as unknown as TypedDocumentString<ExpireTransfersMutation, ExpireTransfersMutationVariables>;
export const UnitsTreeDocument = new TypedDocumentString(`
    query UnitsTree($under: ID) {
  orgUnits(under: $under, first: 100, maxDepth: 3) {
    totalCount
    edges {
      node {
        id
        name
        code
        kind
        level
        parentId
        dissolvedOn
        committee {
          id
          form
          termEnd
          daysLeft
        }
      }
    }
  }
  committeeTermsDue(under: $under, withinDays: 90) {
    id
    termEnd
    daysLeft
    unit {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<UnitsTreeQuery, UnitsTreeQueryVariables>;
export const CreateUnitDocument = new TypedDocumentString(`
    mutation CreateUnit($input: CreateOrgUnitInput!) {
  createOrgUnit(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreateUnitMutation, CreateUnitMutationVariables>;
export const UnitDetailDocument = new TypedDocumentString(`
    query UnitDetail($id: ID!) {
  orgUnit(id: $id) {
    id
    name
    code
    kind
    level
    parentId
    dissolvedOn
    proof {
      status
      batchSeq
      anchor {
        height
      }
    }
    committee {
      id
      form
      termStart
      termEnd
      daysLeft
      proof {
        status
        batchSeq
        anchor {
          height
        }
      }
      positions(current: true) {
        id
        title
        memberId
        memberName
        startedOn
        accountId
        proof {
          status
          batchSeq
          anchor {
            height
          }
        }
      }
    }
  }
  members(under: $id, stage: FULL, status: ACTIVE, first: 100) {
    edges {
      node {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<UnitDetailQuery, UnitDetailQueryVariables>;
export const RenameUnitDocument = new TypedDocumentString(`
    mutation RenameUnit($id: ID!, $name: String!) {
  renameOrgUnit(id: $id, name: $name) {
    id
  }
}
    `) as unknown as TypedDocumentString<RenameUnitMutation, RenameUnitMutationVariables>;
export const MoveUnitDocument = new TypedDocumentString(`
    mutation MoveUnit($id: ID!, $parentId: ID!) {
  moveOrgUnit(id: $id, parentId: $parentId) {
    id
  }
}
    `) as unknown as TypedDocumentString<MoveUnitMutation, MoveUnitMutationVariables>;
export const MergeUnitDocument = new TypedDocumentString(`
    mutation MergeUnit($id: ID!, $targetId: ID!) {
  mergeOrgUnit(id: $id, targetId: $targetId) {
    membersMoved
    unitsMoved
  }
}
    `) as unknown as TypedDocumentString<MergeUnitMutation, MergeUnitMutationVariables>;
export const DissolveUnitDocument = new TypedDocumentString(`
    mutation DissolveUnit($id: ID!) {
  dissolveOrgUnit(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<DissolveUnitMutation, DissolveUnitMutationVariables>;
export const SetUpCommitteeDocument = new TypedDocumentString(`
    mutation SetUpCommittee($input: SetUpCommitteeInput!) {
  setUpCommittee(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<SetUpCommitteeMutation, SetUpCommitteeMutationVariables>;
export const AppointPositionDocument = new TypedDocumentString(`
    mutation AppointPosition($input: AppointCommitteePositionInput!) {
  appointCommitteePosition(input: $input) {
    position {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<AppointPositionMutation, AppointPositionMutationVariables>;
export const RelievePositionDocument = new TypedDocumentString(`
    mutation RelievePosition($id: ID!) {
  relieveCommitteePosition(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<RelievePositionMutation, RelievePositionMutationVariables>;
export const VoteDocument = new TypedDocumentString(`
    query Vote($id: ID!, $staff: Boolean!) {
  vote(id: $id) {
    ...VoteFields
    orgUnit @include(if: $staff) {
      id
      name
    }
    eligibleNow @include(if: $staff)
    rollEntries(first: 100) @include(if: $staff) {
      totalCount
      edges {
        node {
          id
          memberId
          votedAt
          proof {
            status
            batchSeq
            anchor {
              height
            }
          }
        }
      }
    }
  }
}
    fragment VoteFields on Vote {
  id
  version
  orgUnitId
  kind
  title
  description
  status
  quorumRule
  majorityRule
  seats
  meetingId
  closesAt
  openedAt
  closedAt
  eligibleCount
  eligibleRollHash
  createdAt
  hasVoted
  options {
    id
    position
    label
    candidateId
  }
  tally {
    id
    version
    eligibleCount
    ballotsCast
    quorumMet
    passed
    results {
      optionId
      count
      elected
    }
    ballotsRoot
    talliedAt
    proof {
      status
      batchSeq
      index
      anchor {
        height
        chainId
      }
      bundle
    }
  }
  proof {
    status
    batchSeq
    index
    anchor {
      height
      chainId
    }
    bundle
  }
}`) as unknown as TypedDocumentString<VoteQuery, VoteQueryVariables>;
export const NamesDocument = new TypedDocumentString(`
    query Names($under: ID!) {
  members(under: $under, first: 100) {
    edges {
      node {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<NamesQuery, NamesQueryVariables>;
export const OpenVoteDocument = new TypedDocumentString(`
    mutation OpenVote($id: ID!) {
  openVote(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<OpenVoteMutation, OpenVoteMutationVariables>;
export const CloseVoteDocument = new TypedDocumentString(`
    mutation CloseVote($id: ID!) {
  closeVote(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<CloseVoteMutation, CloseVoteMutationVariables>;
export const CastBallotDocument = new TypedDocumentString(`
    mutation CastBallot($voteId: ID!, $choices: [ID!]!) {
  castBallot(voteId: $voteId, choices: $choices) {
    receipt
    receiptHash
  }
}
    `) as unknown as TypedDocumentString<CastBallotMutation, CastBallotMutationVariables>;
export const CheckBallotDocument = new TypedDocumentString(`
    query CheckBallot($voteId: ID!, $receipt: String!) {
  verifyMyBallot(voteId: $voteId, receipt: $receipt) {
    verified
    choices
    voteStatus
    ballot {
      id
      version
      choices
      receiptHash
      proof {
        ...ProofFields
      }
    }
  }
}
    fragment ProofFields on Proof {
  status
  batchSeq
  index
  anchor {
    height
    chainId
  }
  bundle
}`) as unknown as TypedDocumentString<CheckBallotQuery, CheckBallotQueryVariables>;
export const VotesDocument = new TypedDocumentString(`
    query Votes($first: Int, $after: String, $last: Int, $before: String, $status: VoteStatus, $staff: Boolean!) {
  votes(
    first: $first
    after: $after
    last: $last
    before: $before
    status: $status
  ) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
    edges {
      node {
        id
        title
        kind
        status
        createdAt
        closedAt
        eligibleCount
        hasVoted
        orgUnit @include(if: $staff) {
          name
        }
        tally {
          passed
          ballotsCast
        }
        proof {
          status
          batchSeq
          anchor {
            height
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<VotesQuery, VotesQueryVariables>;
export const CreateVoteDocument = new TypedDocumentString(`
    mutation CreateVote($input: CreateVoteInput!) {
  createVote(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreateVoteMutation, CreateVoteMutationVariables>;