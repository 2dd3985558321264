/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query Dashboard($unitId: ID, $from: Date, $to: Date, $unitsFirst: Int, $unitsOffset: Int) {\n  analytics(unitId: $unitId, from: $from, to: $to) {\n    unitId unitName asOf from to\n    composition { ...CompositionFields }\n    childCount byUnit(first: $unitsFirst, offset: $unitsOffset) { unitId unitName composition { ...CompositionFields } meetings { ...MeetingFigures } }\n    funnel { stages { stage current reached converted conversionRate medianDays } overdueSteps expiredSteps monthly { ...MonthFields } figures }\n    meetings { ...MeetingFigures }\n    learning { completions classHours scored averageScore scoreBands { key count } quizSubmitted quizPassed quizPassRate quizPercentBands { key count } monthly { ...MonthFields } }\n    appraisal { year total byRating { key count } excellentShare }\n    points { year members total bands { key count } top { rank memberId unitId points } monthly { ...MonthFields } }\n    feedback { total byCategory { key count } byStatus { key count } resolved medianResolutionDays monthly { ...MonthFields } }\n    transfers { open expired received cancelled issuedMonthly { ...MonthFields } }\n  }\n}": typeof types.DashboardDocument,
    "fragment CompositionFields on MemberComposition { total byStage { key count } byGender { key count } byEducation { key count } byAgeBand { key count } figures }": typeof types.CompositionFieldsFragmentDoc,
    "fragment MeetingFigures on MeetingAnalytics { cadence { kind required held meetings rate } attendance { present late excused absent rate } monthly { month key count total } }": typeof types.MeetingFiguresFragmentDoc,
    "fragment MonthFields on AnalyticsPoint { month key count total }": typeof types.MonthFieldsFragmentDoc,
    "query DashboardUnits($unitId: ID!, $scope: ID!) {\n  orgUnits(under: $scope, first: 100) { edges { node { id name level } } }\n  orgUnit(id: $unitId) { id name level }\n  scopeUnit: orgUnit(id: $scope) { id level }\n  analyticsSnapshots(unitId: $unitId, first: 10) { id metric title publishedAt inputCount figures proof { status batchSeq } }\n}": typeof types.DashboardUnitsDocument,
    "query DashboardCrumbs($unitId: ID!, $p1: Boolean!, $p2: Boolean!, $p3: Boolean!, $p4: Boolean!, $p5: Boolean!, $p6: Boolean!) {\n  orgUnit(id: $unitId) { id name parent @include(if: $p1) { id name parent @include(if: $p2) { id name parent @include(if: $p3) {\n    id name parent @include(if: $p4) { id name parent @include(if: $p5) { id name parent @include(if: $p6) { id name } } } } } }\n  }\n}": typeof types.DashboardCrumbsDocument,
    "mutation Publish($unitId: ID!, $metric: String!, $title: String) { publishAnalyticsSnapshot(unitId: $unitId, metric: $metric, title: $title) { id } }": typeof types.PublishDocument,
    "query DiscussionThread($subjectType: CommentSubject!, $subjectId: ID!, $first: Int, $after: String, $search: String) {\n  comments(subjectType: $subjectType, subjectId: $subjectId, first: $first, after: $after) {\n    totalCount\n    pageInfo { hasNextPage endCursor }\n    edges { node { id version body bodySha256 hiddenAt hiddenReason canHide mine createdAt author { accountId name } mentions { accountId name } proof { ...ProofFields } } }\n  }\n  commentMentionCandidates(subjectType: $subjectType, subjectId: $subjectId, search: $search, first: 10) { accountId name unitName role }\n}": typeof types.DiscussionThreadDocument,
    "mutation PostComment($input: PostCommentInput!) { postComment(input: $input) { id } }": typeof types.PostCommentDocument,
    "mutation HideComment($id: ID!, $reason: String!) { hideComment(id: $id, reason: $reason) { id } }": typeof types.HideCommentDocument,
    "query DuesReportCsv($year: Int) { duesReportCsv(year: $year) }": typeof types.DuesReportCsvDocument,
    "fragment DuesStatementFields on DuesStatement {\n  memberId memberName year dueFen paidFen extraFen\n  base { id version year category baseFen fixedFen rateBp monthlyDueFen status checkedOn proof { ...ProofFields } }\n  months { month dueFen paidFen hardship status }\n  payments { id version months monthAmounts extraFen amountFen method reference paidOn receiptNo correctsId correctedBy reason proof { ...ProofFields } }\n}": typeof types.DuesStatementFieldsFragmentDoc,
    "mutation DeclareDuesBase($input: DeclareDuesBaseInput!) { declareDuesBase(input: $input) { id status monthlyDueFen } }": typeof types.DeclareDuesBaseDocument,
    "fragment PageFields on PageInfo { hasNextPage hasPreviousPage startCursor endCursor }": typeof types.PageFieldsFragmentDoc,
    "fragment ProofFields on Proof { status batchSeq index anchor { height chainId } bundle }": typeof types.ProofFieldsFragmentDoc,
    "fragment MemberFields on Member {\n  id version name gender birthDate ethnicity education nativePlace occupation stage status statusChangedOn\n  appliedOn activistSince candidateSince probationarySince probationEndsOn probationExtended fullMemberSince partyAgeYears\n  orgUnitId orgUnit { id name kind }\n}": typeof types.MemberFieldsFragmentDoc,
    "fragment RuleFields on PipelineRule { code zh en warning }": typeof types.RuleFieldsFragmentDoc,
    "fragment StepFields on DevelopmentStep {\n  id version seq stepNo kind nameZh nameEn stage occurredOn approval notes\n  warnings { code zh en warning } proof { status batchSeq index anchor { height chainId } bundle }\n}": typeof types.StepFieldsFragmentDoc,
    "fragment ActionFields on PipelineAction {\n  stepNo kind nameZh nameEn stage legalToday notBefore recommendedFrom dueOn deadline blockedBy { code zh en warning }\n}": typeof types.ActionFieldsFragmentDoc,
    "fragment HistoryFields on RecordVersion { version at actor data proof { status batchSeq index anchor { height chainId } bundle } }": typeof types.HistoryFieldsFragmentDoc,
    "fragment MeetingFields on Meeting {\n  id version orgUnitId orgUnitName kind kindZh title agenda location scheduledAt durationMinutes startsAt endsAt\n  status publishedAt startedAt endedAt minutes minutesRecordedAt recordedAfterwards cancelReason checkInOpen proof { status batchSeq index anchor { height chainId } bundle }\n}": typeof types.MeetingFieldsFragmentDoc,
    "fragment TallyFields on VoteTally {\n  id version eligibleCount ballotsCast quorumMet passed results { optionId count elected } ballotsRoot talliedAt proof { status batchSeq index anchor { height chainId } bundle }\n}": typeof types.TallyFieldsFragmentDoc,
    "fragment VoteFields on Vote {\n  id version orgUnitId kind title description status quorumRule majorityRule seats meetingId\n  closesAt openedAt closedAt eligibleCount eligibleRollHash createdAt hasVoted\n  options { id position label candidateId }\n  tally { id version eligibleCount ballotsCast quorumMet passed results { optionId count elected } ballotsRoot talliedAt proof { status batchSeq index anchor { height chainId } bundle } } proof { status batchSeq index anchor { height chainId } bundle }\n}": typeof types.VoteFieldsFragmentDoc,
    "fragment SnapshotFields on AnalyticsSnapshot {\n  id version orgUnitId metric title params figures inputRoot inputCount publishedAt proof { status batchSeq index anchor { height chainId } bundle }\n}": typeof types.SnapshotFieldsFragmentDoc,
    "fragment DueFields on PipelineDueItem { stepNo kind nameZh nameEn dueOn deadline daysLeft status }": typeof types.DueFieldsFragmentDoc,
    "query NavCounts { inboxCounts { open } unreadNoticeCount }": typeof types.NavCountsDocument,
    "query Snapshot($id: ID!) { analyticsSnapshot(id: $id) { ...SnapshotFields } }": typeof types.SnapshotDocument,
    "query SnapshotUnit($id: ID!) { orgUnit(id: $id) { name } }": typeof types.SnapshotUnitDocument,
    "query SnapshotInputs($id: ID!, $first: Int!, $after: String) {\n  analyticsSnapshot(id: $id) { inputs(first: $first, after: $after) { totalCount hasNextPage endCursor nodes { ordinal entityType entityId entityVersion leaf proof { status bundle } } } }\n}": typeof types.SnapshotInputsDocument,
    "query Units { orgUnits(first: 100, maxDepth: 3) { edges { node { id name level kind } } } }": typeof types.UnitsDocument,
    "query ViewerLevel {\n  me { account { id member { id } scopeUnit { id kind committee { positions(current: true) { title memberId accountId } } } } }\n}": typeof types.ViewerLevelDocument,
    "query Accounts($first: Int, $after: String, $last: Int, $before: String, $role: Role, $search: String, $all: Boolean) {\n  accounts(first: $first, after: $after, last: $last, before: $before, role: $role, search: $search, includeDisabled: $all) {\n    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { node { id username displayName role totpEnabled disabledAt lastLoginAt scopeUnit { id name } member { id name } } }\n  }\n  orgUnits(first: 100, maxDepth: 3) { edges { node { id name level } } }\n}": typeof types.AccountsDocument,
    "query PickMember($id: ID!) { member(id: $id) { id name orgUnit { name } } }": typeof types.PickMemberDocument,
    "query PickMembers($search: String) { members(first: 30, search: $search) { edges { node { id name orgUnit { name } } } } }": typeof types.PickMembersDocument,
    "mutation CreateAccount($input: CreateAccountInput!) { createAccount(input: $input) { password account { id username } } }": typeof types.CreateAccountDocument,
    "mutation ChangeAccess($id: ID!, $role: Role, $unit: ID) { changeAccountAccess(id: $id, role: $role, scopeUnitId: $unit) { id username } }": typeof types.ChangeAccessDocument,
    "mutation Disable($id: ID!) { disableAccount(id: $id) { id username } }": typeof types.DisableDocument,
    "mutation Enable($id: ID!) { enableAccount(id: $id) { id username } }": typeof types.EnableDocument,
    "mutation Reset($id: ID!, $totp: Boolean) { resetPassword(id: $id, resetTotp: $totp) { password account { id username } } }": typeof types.ResetDocument,
    "query AdminMirrors($first: Int, $after: String) {\n  mirrors(first: $first, after: $after) {\n    totalCount staleAfterMinutes pageInfo { hasNextPage endCursor }\n    edges { node {\n      keyId keyName keyPrefix unitId unitName state reportedAt position centreHeadPosition recordsBehind recordsBehindCapped openAlerts\n      lastAlert { kind entityType entityId version batchSeq detectedAt }\n    } }\n  }\n}": typeof types.AdminMirrorsDocument,
    "query Keys {\n  apiKeys(first: 100, includeRevoked: true) { totalCount edges { node { id name prefix scopes createdAt lastUsedAt expiresAt revokedAt unit { id name } } } }\n  orgUnits(first: 100, maxDepth: 2) { edges { node { id name level } } }\n  partnerScopes\n}": typeof types.KeysDocument,
    "mutation CreateKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { id name prefix } } }": typeof types.CreateKeyDocument,
    "mutation RevokeKey($id: ID!) { revokeApiKey(id: $id) { id name revokedAt } }": typeof types.RevokeKeyDocument,
    "query Alerts($first: Int, $after: String, $open: Boolean) {\n  tamperAlerts(first: $first, after: $after, open: $open) {\n    totalCount pageInfo { hasNextPage endCursor }\n    edges { node { id kind entityType entityId batchSeq detail detectedAt resolvedAt } }\n  }\n}": typeof types.AlertsDocument,
    "query StaffCampaigns { appraisalCampaigns(first: 50) { totalCount edges { node { id year title status opensOn closesOn orgUnit { name } } } } }": typeof types.StaffCampaignsDocument,
    "query MemberCampaigns { appraisalCampaigns(first: 50) { totalCount edges { node { id year title status opensOn closesOn } } } }": typeof types.MemberCampaignsDocument,
    "query Branches { orgUnits(first: 100, maxDepth: 3, kind: BRANCH) { edges { node { id name } } } }": typeof types.BranchesDocument,
    "query StaffCampaign($id: ID!) { appraisalCampaign(id: $id) {\n  id version year title status excellentCap orgUnit { name }\n  roster { memberId name stage peerTally { excellent qualified basicallyQualified unqualified } }\n  results(first: 100) { edges { node { memberId rating notifiedAt } } }\n} }": typeof types.StaffCampaignDocument,
    "query MemberCampaign($id: ID!) { appraisalCampaign(id: $id) {\n  id version year title status roster { memberId name stage }\n  mySelfAssessment { rating summary }\n} }": typeof types.MemberCampaignDocument,
    "mutation CreateCampaign($input: CreateAppraisalCampaignInput!) { createAppraisalCampaign(input: $input) { id } }": typeof types.CreateCampaignDocument,
    "mutation Open($id: ID!) { openAppraisalCampaign(id: $id) { id } }": typeof types.OpenDocument,
    "mutation Peer($id: ID!) { startPeerAssessment(id: $id) { id } }": typeof types.PeerDocument,
    "mutation Propose($id: ID!, $ratings: [AppraisalRatingInput!]!) { proposeAppraisalRatings(campaignId: $id, ratings: $ratings) { id } }": typeof types.ProposeDocument,
    "mutation Finalise($id: ID!, $ratings: [AppraisalRatingInput!]) { finaliseAppraisalCampaign(campaignId: $id, ratings: $ratings) { id } }": typeof types.FinaliseDocument,
    "mutation Self($id: ID!, $input: SelfAssessmentInput!) { submitSelfAssessment(campaignId: $id, input: $input) { id } }": typeof types.SelfDocument,
    "mutation PeerAssess($id: ID!, $input: PeerAssessmentInput!) { submitPeerAssessment(campaignId: $id, input: $input) { id } }": typeof types.PeerAssessDocument,
    "query ApprovalScope { me { account { role scopeUnit { id name kind } } } }": typeof types.ApprovalScopeDocument,
    "query ApprovalQueue($after: String, $reviewAfter: String) {\n  decision: approvalQueue(first: 25, after: $after, stage: [DECISION]) {\n    totalCount pageInfo { hasNextPage endCursor }\n    edges { node { stage since waitingDays dueOn deadline status daysLeft request { ...LevelRequestRow } } }\n  }\n  review: approvalQueue(first: 25, after: $reviewAfter, stage: [REVIEW]) {\n    totalCount pageInfo { hasNextPage endCursor }\n    edges { node { stage since waitingDays dueOn deadline status daysLeft request { ...LevelRequestRow } } }\n  }\n  levelRequests(status: [IN_REVIEW, PENDING, RETURNED], first: 50) { totalCount edges { node { ...LevelRequestRow } } }\n}": typeof types.ApprovalQueueDocument,
    "fragment LevelRequestRow on LevelRequest {\n  id kind stepNo nameZh nameEn status notes requestedAt requestedByName decidedAt decidedByName returnReason\n  decidingUnitName reviewingUnitName reviewedAt reviewedByName reviewNote\n  member { id name orgUnit { id name } }\n}": typeof types.LevelRequestRowFragmentDoc,
    "mutation ApproveLevelRequest($id: ID!, $lateReason: String) { approveLevelRequest(id: $id, lateReason: $lateReason) { request { id nameZh nameEn } } }": typeof types.ApproveLevelRequestDocument,
    "mutation ReturnLevelRequest($id: ID!, $reason: String!) { returnLevelRequest(id: $id, reason: $reason) { request { id nameZh nameEn } } }": typeof types.ReturnLevelRequestDocument,
    "mutation PassOnLevelRequest($id: ID!, $note: String) { passOnLevelRequest(id: $id, note: $note) { id nameZh nameEn } }": typeof types.PassOnLevelRequestDocument,
    "query Decision($id: ID!) {\n  decision(id: $id) {\n    id version number title content decidedOn status yesCount noCount abstainCount overdueMilestones orgUnitId orgUnit { id name }\n    vote { id title status eligibleCount options { id label } tally { ballotsCast eligibleCount quorumMet passed results { optionId count } } }\n    milestones { id version title dueOn completedOn status notes overdue overdueDays completedLate owner { id name } proof { ...ProofFields } }\n    proof { ...ProofFields }\n  }\n  history(type: \"Decision\", id: $id, first: 100) { edges { node { version at actor data proof { ...ProofFields } } } }\n}": typeof types.DecisionDocument,
    "query Owners($under: ID!) { members(under: $under, status: ACTIVE, first: 100) { edges { node { id name } } } }": typeof types.OwnersDocument,
    "mutation DecisionStatus($id: ID!, $status: DecisionStatus!) { updateDecisionStatus(id: $id, status: $status) { id } }": typeof types.DecisionStatusDocument,
    "mutation AddMilestone($input: AddMilestoneInput!) { addMilestone(input: $input) { id } }": typeof types.AddMilestoneDocument,
    "mutation MilestoneStatus($id: ID!, $status: MilestoneStatus!, $on: Date, $notes: String) {\n  updateMilestoneStatus(id: $id, status: $status, on: $on, notes: $notes) { id }\n}": typeof types.MilestoneStatusDocument,
    "query Decisions($first: Int, $after: String, $last: Int, $before: String, $status: DecisionStatus) {\n  decisions(first: $first, after: $after, last: $last, before: $before, status: $status) {\n    totalCount\n    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    edges { node { id number title decidedOn status yesCount noCount abstainCount overdueMilestones orgUnit { name } proof { status batchSeq anchor { height } } } }\n  }\n}": typeof types.DecisionsDocument,
    "query V($id: ID!) { vote(id: $id) { id title orgUnitId status closedAt tally { passed } } }": typeof types.VDocument,
    "mutation CreateDecision($input: CreateDecisionInput!) { createDecision(input: $input) { id } }": typeof types.CreateDecisionDocument,
    "query DuesArrearsList($status: DuesArrearsStatus, $first: Int, $after: String, $last: Int, $before: String) {\n  duesArrearsCases(status: $status, first: $first, after: $after, last: $last, before: $before) {\n    totalCount\n    pageInfo { ...PageFields }\n    edges { node { id memberId memberName fromMonth toMonth months status decisionReason decidedOn createdAt proof { status batchSeq anchor { height } } } }\n  }\n}": typeof types.DuesArrearsListDocument,
    "mutation RaiseDuesArrears { raiseDuesArrearsCases { id } }": typeof types.RaiseDuesArrearsDocument,
    "mutation DecideDuesArrears($id: ID!, $decision: DuesArrearsDecision!, $reason: String!) { decideDuesArrearsCase(id: $id, decision: $decision, reason: $reason) { id status } }": typeof types.DecideDuesArrearsDocument,
    "query DuesBasesList($year: Int, $status: DuesBaseStatus, $first: Int, $after: String, $last: Int, $before: String) {\n  duesBases(year: $year, status: $status, first: $first, after: $after, last: $last, before: $before) {\n    totalCount\n    pageInfo { ...PageFields }\n    edges { node { id version memberId memberName year category baseFen fixedFen rateBp monthlyDueFen status checkedOn proof { status batchSeq anchor { height } } } }\n  }\n  full: members(first: 100, status: ACTIVE, stage: FULL) { edges { node { id name } } }\n  probationary: members(first: 100, status: ACTIVE, stage: PROBATIONARY) { edges { node { id name } } }\n}": typeof types.DuesBasesListDocument,
    "mutation CheckDuesBaseInList($id: ID!) { checkDuesBase(id: $id) { id status } }": typeof types.CheckDuesBaseInListDocument,
    "query DuesHardshipsList($scope: ID!, $status: DuesHardshipStatus, $first: Int, $after: String, $last: Int, $before: String) {\n  duesHardships(status: $status, first: $first, after: $after, last: $last, before: $before) {\n    totalCount\n    pageInfo { ...PageFields }\n    edges { node { id memberId memberName kind reducedFen fromMonth toMonth reason branchDecision status decidedOn decisionNote proof { status batchSeq anchor { height } } } }\n  }\n  scope: orgUnit(id: $scope) { kind }\n  full: members(first: 100, status: ACTIVE, stage: FULL) { edges { node { id name } } }\n  probationary: members(first: 100, status: ACTIVE, stage: PROBATIONARY) { edges { node { id name } } }\n}": typeof types.DuesHardshipsListDocument,
    "mutation ProposeDuesHardship($input: ProposeDuesHardshipInput!) { proposeDuesHardship(input: $input) { id } }": typeof types.ProposeDuesHardshipDocument,
    "mutation DecideDuesHardship($id: ID!, $approve: Boolean!, $note: String) { decideDuesHardship(id: $id, approve: $approve, note: $note) { id status } }": typeof types.DecideDuesHardshipDocument,
    "query MemberDues($memberId: ID!, $year: Int) { duesStatement(memberId: $memberId, year: $year) { ...DuesStatementFields } }": typeof types.MemberDuesDocument,
    "mutation RecordDuesPayment($input: RecordDuesPaymentInput!) { recordDuesPayment(input: $input) { id receiptNo } }": typeof types.RecordDuesPaymentDocument,
    "mutation CorrectDuesPayment($id: ID!, $reason: String!) { correctDuesPayment(paymentId: $id, reason: $reason) { id receiptNo } }": typeof types.CorrectDuesPaymentDocument,
    "mutation CheckDuesBase($id: ID!) { checkDuesBase(id: $id) { id status } }": typeof types.CheckDuesBaseDocument,
    "query DuesMembersList($year: Int, $onlyInArrears: Boolean, $first: Int, $after: String, $last: Int, $before: String) {\n  duesMembers(year: $year, onlyInArrears: $onlyInArrears, first: $first, after: $after, last: $last, before: $before) {\n    totalCount\n    pageInfo { ...PageFields }\n    edges { node { memberId memberName unitName category monthlyDueFen baseStatus dueFen paidFen unpaidMonths consecutiveUnpaidMonths openCaseId openCaseFromMonth openCaseMonths } }\n  }\n}": typeof types.DuesMembersListDocument,
    "query DuesOverview($month: String) {\n  duesSummary(month: $month) { month trackedMembers dueFen collectedFen collectionRateBp paidMembers unpaidMembers membersInArrears openArrearsCases }\n}": typeof types.DuesOverviewDocument,
    "query DuesPaymentsList($memberId: ID, $first: Int, $after: String, $last: Int, $before: String) {\n  duesPayments(memberId: $memberId, first: $first, after: $after, last: $last, before: $before) {\n    totalCount pageInfo { ...PageFields }\n    edges { node { id memberId memberName months amountFen extraFen method reference paidOn receiptNo correctsId correctedBy proof { status batchSeq anchor { height } } } }\n  }\n  full: members(first: 100, status: ACTIVE, stage: FULL) { edges { node { id name } } }\n  probationary: members(first: 100, status: ACTIVE, stage: PROBATIONARY) { edges { node { id name } } }\n}": typeof types.DuesPaymentsListDocument,
    "query DuesRemittancesList($status: DuesRemittanceStatus, $first: Int, $after: String, $last: Int, $before: String) {\n  duesRemittances(status: $status, first: $first, after: $after, last: $last, before: $before) {\n    totalCount\n    pageInfo { ...PageFields }\n    edges { node { id orgUnitId unitName toUnitId toUnitName month paymentCount memberCount amountFen status confirmedOn receiptNo proof { status batchSeq anchor { height } } } }\n  }\n}": typeof types.DuesRemittancesListDocument,
    "mutation SubmitDuesRemittance($unitId: ID!, $month: String!) { submitDuesRemittance(unitId: $unitId, month: $month) { id amountFen } }": typeof types.SubmitDuesRemittanceDocument,
    "mutation ConfirmDuesRemittance($id: ID!, $receiptNo: String!) { confirmDuesRemittance(id: $id, receiptNo: $receiptNo) { id status } }": typeof types.ConfirmDuesRemittanceDocument,
    "query Feedback($first: Int, $after: String, $last: Int, $before: String, $status: FeedbackStatus) {\n  memberFeedback(first: $first, after: $after, last: $last, before: $before, status: $status) {\n    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    edges { node { id version category topic content status nextStatuses submittedAt response respondedAt orgUnit { name } } }\n  }\n}": typeof types.FeedbackDocument,
    "mutation Respond($id: ID!, $status: FeedbackStatus!, $response: String, $v: Int) { respondToFeedback(id: $id, status: $status, response: $response, expectedVersion: $v) { id } }": typeof types.RespondDocument,
    "query MyFeedback($first: Int, $after: String, $last: Int, $before: String, $status: FeedbackStatus) {\n  myFeedback(first: $first, after: $after, last: $last, before: $before, status: $status) {\n    totalCount pageInfo { ...PageFields }\n    edges { node { id version category topic content status submittedAt response respondedAt proof { ...ProofFields } } }\n  }\n}": typeof types.MyFeedbackDocument,
    "mutation SubmitFeedback($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { id } }": typeof types.SubmitFeedbackDocument,
    "query InboxPage($open: Boolean, $first: Int, $after: String) {\n  inbox(open: $open, first: $first, after: $after) {\n    totalCount\n    pageInfo { hasNextPage endCursor }\n    edges { node { id kind title occasionName { zh en } link dueAt createdAt readAt doneAt } }\n  }\n  inboxCounts { open unread }\n  emailPreferences { email preferences { kind mode } }\n}": typeof types.InboxPageDocument,
    "mutation InboxMarkRead($ids: [ID!]!) { markInboxRead(ids: $ids) { id readAt } }": typeof types.InboxMarkReadDocument,
    "mutation InboxSetEmail($email: String) { setMyEmail(email: $email) { email } }": typeof types.InboxSetEmailDocument,
    "mutation InboxSetMode($kind: InboxKind!, $mode: EmailMode!) { setEmailPreference(kind: $kind, mode: $mode) { email } }": typeof types.InboxSetModeDocument,
    "query Attempt($id: ID!) {\n  quizAttempt(id: $id) {\n    id version attemptNo status score maxScore passed startedAt finishedAt deadlineAt secondsLeft timeLimitSeconds\n    quiz { id title passScore courseId }\n    questions { id kind prompt options points }\n    results { chosen correct earned explanation isCorrect points question { id prompt options kind } }\n    proof { ...ProofFields }\n  }\n}": typeof types.AttemptDocument,
    "query Ids($id: ID!) { quizAttempt(id: $id) { questionIds secondsLeft } }": typeof types.IdsDocument,
    "mutation SubmitAttempt($attemptId: ID!, $answers: [QuizAnswerInput!]!) { submitQuizAttempt(attemptId: $attemptId, answers: $answers) { id status } }": typeof types.SubmitAttemptDocument,
    "query Course($id: ID!) {\n  course(id: $id) {\n    id title description category classHours mandatory orgUnitName publishedAt status\n    myCompletion { id version completedAt classHours score proof { ...ProofFields } }\n    resources(first: 100) { edges { node { id title kind uri durationMinutes position contentHash } } }\n  }\n}": typeof types.CourseDocument,
    "query CourseQuizzes($id: ID!) {\n  quizzes(courseId: $id, first: 10) {\n    edges { node { id title status questionCount timeLimitSeconds passScore maxAttempts attemptsLeft opensAt closesAt\n      myAttempts(first: 20) { edges { node { id attemptNo status score maxScore passed deadlineAt } } } } }\n  }\n}": typeof types.CourseQuizzesDocument,
    "mutation Complete($courseId: ID!, $resourceIds: [ID!]) { completeCourse(courseId: $courseId, resourceIds: $resourceIds) { id } }": typeof types.CompleteDocument,
    "mutation Start($quizId: ID!) { startQuizAttempt(quizId: $quizId) { id } }": typeof types.StartDocument,
    "query Courses($first: Int, $after: String, $last: Int, $before: String, $search: String) {\n  courses(status: PUBLISHED, search: $search, first: $first, after: $after, last: $last, before: $before) {\n    totalCount pageInfo { ...PageFields }\n    edges { node { id title description category classHours mandatory orgUnitName publishedAt\n      myCompletion { id completedAt } resources(first: 1) { totalCount } } }\n  }\n}": typeof types.CoursesDocument,
    "query CourseMaterial($id: ID!) {\n  course(id: $id) { id title resources(first: 100) { edges { node { id title kind uri durationMinutes position contentHash } } } }\n}": typeof types.CourseMaterialDocument,
    "query MyAppraisal($first: Int, $after: String, $last: Int, $before: String) {\n  myAppraisalResults(first: $first, after: $after, last: $last, before: $before) {\n    totalCount pageInfo { ...PageFields }\n    edges { node { id version rating ratingZh decidedAt notifiedAt\n      peerSummary { excellent qualified basicallyQualified unqualified total }\n      campaign { id title year } proof { ...ProofFields } } }\n  }\n}": typeof types.MyAppraisalDocument,
    "query MyBallotVotes { votes(first: 100) { totalCount edges { node { id title status hasVoted closedAt options { id label position } } } } }": typeof types.MyBallotVotesDocument,
    "query Check($voteId: ID!, $receipt: String!) {\n  verifyMyBallot(voteId: $voteId, receipt: $receipt) { verified voteStatus choices ballot { id version voteId choices receiptHash proof { ...ProofFields } } }\n}": typeof types.CheckDocument,
    "query BranchDecision($id: ID!) {\n  decision(id: $id) {\n    id number title content decidedOn status yesCount noCount abstainCount overdueMilestones proof { status batchSeq anchor { height } }\n    milestones { id title dueOn completedOn status overdue overdueDays proof { status batchSeq anchor { height } } }\n  }\n}": typeof types.BranchDecisionDocument,
    "query BranchDecisions($first: Int, $after: String, $last: Int, $before: String) {\n  decisions(first: $first, after: $after, last: $last, before: $before) {\n    totalCount pageInfo { ...PageFields }\n    edges { node { id number title content decidedOn status yesCount noCount abstainCount overdueMilestones proof { status batchSeq anchor { height } }\n      milestones { id title dueOn completedOn status overdue overdueDays proof { status batchSeq anchor { height } } } } }\n  }\n}": typeof types.BranchDecisionsDocument,
    "query MyDues($year: Int) { duesStatement(year: $year) { ...DuesStatementFields } }": typeof types.MyDuesDocument,
    "query MyLearning($c: Int, $cAfter: String, $cl: Int, $cBefore: String, $a: Int, $aAfter: String, $al: Int, $aBefore: String) {\n  courseCompletions(first: $c, after: $cAfter, last: $cl, before: $cBefore) {\n    totalCount pageInfo { ...PageFields }\n    edges { node { id version completedAt classHours score course { id title } proof { ...ProofFields } } }\n  }\n  myQuizAttempts(first: $a, after: $aAfter, last: $al, before: $aBefore) {\n    totalCount pageInfo { ...PageFields }\n    edges { node { id version attemptNo status score maxScore passed startedAt finishedAt quiz { id title passScore courseId } proof { ...ProofFields } } }\n  }\n}": typeof types.MyLearningDocument,
    "query MyAttendance($memberId: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n  memberAttendance(memberId: $memberId, first: $first, after: $after, last: $last, before: $before) {\n    totalCount pageInfo { ...PageFields }\n    edges { node { id version status checkedInAt method note\n      meeting { id title kind kindZh startsAt orgUnitName } proof { ...ProofFields } } }\n  }\n}": typeof types.MyAttendanceDocument,
    "query MyPointsTotal { memberPointsTotal { total entryCount entries { id version points occurredOn } } }": typeof types.MyPointsTotalDocument,
    "query Ledger($after: String) {\n  pointsLedger(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id version proof { bundle } } } }\n}": typeof types.LedgerDocument,
    "query MyPoints($first: Int, $after: String, $last: Int, $before: String) {\n  memberPointsTotal { total entryCount }\n  pointsLedger(first: $first, after: $after, last: $last, before: $before) {\n    totalCount pageInfo { ...PageFields }\n    edges { node { id version points netPoints occurredOn reason correctsId sourceType\n      rule { id code name points revision } proof { ...ProofFields } } }\n  }\n}": typeof types.MyPointsDocument,
    "query MyRecords($id: ID!) {\n  me { account { ...MyAccount member {\n    ...MemberFields proof { ...ProofRefFields }\n    developmentHistory { id version seq stepNo kind nameZh nameEn stage occurredOn approval notes warnings { code zh en warning } proof { ...ProofRefFields } }\n  } } }\n  history(type: \"Member\", id: $id, first: 100) { edges { node { version at actor data proof { ...ProofRefFields } } } }\n}": typeof types.MyRecordsDocument,
    "fragment ProofRefFields on Proof { status batchSeq index anchor { height chainId } ref }": typeof types.ProofRefFieldsFragmentDoc,
    "query MyRecordsBundles($id: ID!) {\n  me { account { member { proof { ...ProofFields } developmentHistory { id proof { ...ProofFields } } } } }\n  history(type: \"Member\", id: $id, first: 100) { edges { node { version proof { ...ProofFields } } } }\n}": typeof types.MyRecordsBundlesDocument,
    "fragment MyAccount on Account {\n  id username displayName role lastLoginAt scopeUnit { id name kind }\n  sessions(first: 10) { edges { node { id createdAt lastSeenAt expiresAt userAgent current secondFactor } } }\n}": typeof types.MyAccountFragmentDoc,
    "query MyDue($today: Date!) {\n  votes(status: OPEN, first: 50) { edges { node { id title status hasVoted closesAt } } }\n  meetings(from: $today, first: 50) { edges { node { id title status startsAt location } } }\n  courses(status: PUBLISHED, first: 100) { edges { node { id title mandatory myCompletion { id } } } }\n}": typeof types.MyDueDocument,
    "query Me { me { account { ...MyAccount } } }": typeof types.MeDocument,
    "mutation Revoke($id: ID!) { revokeSession(id: $id) { id revokedAt } }": typeof types.RevokeDocument,
    "query Meeting($id: ID!, $staff: Boolean!) {\n  meeting(id: $id) {\n    ...MeetingFields\n    minutesAttachments { sha256 name type size }\n    myRegistration { id status registeredAt }\n    myAttendance { id version status method checkedInAt proof { ...ProofFields } }\n    myFeedback { id rating comment }\n    registrations(first: 100) @include(if: $staff) { totalCount edges { node { id status registeredAt member { id name } proof { status batchSeq anchor { height } } } } }\n    attendances(first: 100) @include(if: $staff) { totalCount edges { node { id status method checkedInAt note member { id name } proof { status batchSeq anchor { height } } } } }\n    feedback(first: 100) @include(if: $staff) { totalCount edges { node { id rating comment createdAt member { id name } proof { status batchSeq anchor { height } } } } }\n  }\n}": typeof types.MeetingDocument,
    "query Roster($under: ID!) { members(under: $under, status: ACTIVE, first: 100) { totalCount edges { node { id name stage } } } }": typeof types.RosterDocument,
    "mutation PublishMeeting($id: ID!) { publishMeeting(id: $id) { id } }": typeof types.PublishMeetingDocument,
    "mutation UpdateMeeting($id: ID!, $input: UpdateMeetingInput!) { updateMeeting(id: $id, input: $input) { id } }": typeof types.UpdateMeetingDocument,
    "mutation EndMeeting($id: ID!) { endMeeting(id: $id) { id } }": typeof types.EndMeetingDocument,
    "mutation CancelMeeting($id: ID!, $reason: String!) { cancelMeeting(id: $id, reason: $reason) { id } }": typeof types.CancelMeetingDocument,
    "mutation OpenCheckIn($id: ID!, $validMinutes: Int) { openCheckIn(id: $id, validMinutes: $validMinutes) { code qrPayload expiresAt } }": typeof types.OpenCheckInDocument,
    "mutation RecordAttendance($meetingId: ID!, $entries: [AttendanceEntryInput!]!) { recordAttendance(meetingId: $meetingId, entries: $entries) { id } }": typeof types.RecordAttendanceDocument,
    "mutation RecordMinutes($id: ID!, $minutes: String!, $attachments: [AttachmentInput!]) { recordMinutes(id: $id, minutes: $minutes, attachments: $attachments) { id } }": typeof types.RecordMinutesDocument,
    "mutation RegisterForMeeting($meetingId: ID!) { registerForMeeting(meetingId: $meetingId) { id } }": typeof types.RegisterForMeetingDocument,
    "mutation CheckIn($meetingId: ID!, $code: String) { checkIn(meetingId: $meetingId, code: $code) { id status } }": typeof types.CheckInDocument,
    "mutation MeetingFeedback($meetingId: ID!, $rating: Int!, $comment: String) { submitMeetingFeedback(meetingId: $meetingId, rating: $rating, comment: $comment) { id } }": typeof types.MeetingFeedbackDocument,
    "query Meetings($first: Int, $after: String, $last: Int, $before: String, $kind: MeetingKind, $status: MeetingStatus, $from: Date, $to: Date) {\n  meetings(first: $first, after: $after, last: $last, before: $before, kind: $kind, status: $status, from: $from, to: $to) {\n    totalCount\n    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    edges { node { id title kind status startsAt location orgUnitName checkInOpen proof { status batchSeq anchor { height } } } }\n  }\n}": typeof types.MeetingsDocument,
    "query Compliance($unitId: ID!, $from: Date!, $to: Date!) {\n  meetingCompliance(unitId: $unitId, period: { from: $from, to: $to }) {\n    from to\n    rows { unitId unit { name } kind cadence required held met due overdue nextDeadline compliant appraised talkedWith toTalkWith }\n    totals { kind cadence branches required held met due overdue nextDeadline compliant appraised talkedWith toTalkWith }\n  }\n}": typeof types.ComplianceDocument,
    "mutation Plan($input: PlanMeetingInput!) { planMeeting(input: $input) { id } }": typeof types.PlanDocument,
    "mutation Past($input: PastMeetingInput!) { recordPastMeeting(input: $input) { id } }": typeof types.PastDocument,
    "query Member($id: ID!) {\n  member(id: $id) {\n    ...MemberFields proof { ...ProofFields }\n    developmentHistory { ...StepFields }\n    nextActions { ...ActionFields }\n    pipelineDue { stepNo kind nameZh nameEn dueOn deadline daysLeft status }\n    levelRequests { id kind stepNo nameZh nameEn status requestedAt requestedByName decidedAt decidedByName returnReason decidingUnitName }\n  }\n  me { account { scopeUnit { kind } } }\n  history(type: \"Member\", id: $id, first: 100) { edges { node { version at actor data proof { ...ProofFields } } } }\n}": typeof types.MemberDocument,
    "query People($under: ID) { members(under: $under, stage: FULL, status: ACTIVE, first: 100) { edges { node { id name } } } }": typeof types.PeopleDocument,
    "mutation RecordStep($memberId: ID!, $step: DevelopmentStepKind!, $occurredOn: Date!, $input: DevelopmentStepInput) {\n  recordDevelopmentStep(memberId: $memberId, step: $step, occurredOn: $occurredOn, input: $input) {\n    step { id stepNo nameZh nameEn }\n    warnings { code zh en }\n  }\n}": typeof types.RecordStepDocument,
    "mutation RequestLevelStep($memberId: ID!, $step: DevelopmentStepKind!, $input: DevelopmentStepInput) {\n  requestLevelStep(memberId: $memberId, step: $step, input: $input) { id nameZh nameEn }\n}": typeof types.RequestLevelStepDocument,
    "mutation ImportMembers($unitId: ID!, $rows: [MemberImportRow!]!, $dryRun: Boolean!, $confirmRows: [Int!]) {\n  importMembers(unitId: $unitId, rows: $rows, dryRun: $dryRun, confirmRows: $confirmRows) {\n    dryRun written total okCount errorCount skippedCount\n    rows { row ok skipped duplicateOfRow duplicateOfMemberId likelyDuplicateOfMemberId memberId errors { field message messageZh } }\n  }\n}": typeof types.ImportMembersDocument,
    "query Members($first: Int, $after: String, $last: Int, $before: String, $search: String, $stage: MemberStage, $status: MemberStatus, $under: ID) {\n  members(first: $first, after: $after, last: $last, before: $before, search: $search, stage: $stage, status: $status, under: $under) {\n    totalCount\n    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    edges { node { id name gender stage status partyAgeYears orgUnit { id name } proof { status batchSeq anchor { height } } } }\n  }\n}": typeof types.MembersDocument,
    "query NoticeDetail($id: ID!, $first: Int, $after: String) {\n  notice(id: $id) {\n    id version title body audience roles memberCount publishedAt remindedAt withdrawnAt addressedToMe\n    unitName\n    decision { id title }\n    attachments { sha256 name type size }\n    proof { ...ProofFields }\n    myReceipt { id version readAt acknowledgedAt proof { ...ProofFields } }\n    stats { audience read acknowledged }\n    notAcknowledged(first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { node { accountId name unitName readAt } } }\n  }\n}": typeof types.NoticeDetailDocument,
    "mutation MarkNoticeRead($id: ID!) { markNoticeRead(id: $id) { id readAt } }": typeof types.MarkNoticeReadDocument,
    "mutation AcknowledgeNotice($id: ID!) { acknowledgeNotice(id: $id) { id } }": typeof types.AcknowledgeNoticeDocument,
    "mutation RemindNotice($id: ID!) { remindNotice(id: $id) { reminded } }": typeof types.RemindNoticeDocument,
    "mutation WithdrawNotice($id: ID!) { withdrawNotice(id: $id) { id } }": typeof types.WithdrawNoticeDocument,
    "query MyNotices($unread: Boolean, $first: Int, $after: String, $last: Int, $before: String) {\n  myNotices(unread: $unread, first: $first, after: $after, last: $last, before: $before) {\n    totalCount pageInfo { ...PageFields }\n    edges { node { id title publishedAt withdrawnAt unitName myReceipt { readAt acknowledgedAt } proof { status batchSeq anchor { height } } } }\n  }\n}": typeof types.MyNoticesDocument,
    "query PublishedNotices($first: Int, $after: String, $last: Int, $before: String) {\n  notices(first: $first, after: $after, last: $last, before: $before) {\n    totalCount pageInfo { ...PageFields }\n    edges { node { id title audience roles memberCount publishedAt withdrawnAt unitName stats { audience acknowledged } proof { status batchSeq anchor { height } } } }\n  }\n}": typeof types.PublishedNoticesDocument,
    "query NoticeMembers($first: Int) { members(first: $first, status: ACTIVE) { edges { node { id name orgUnit { name } } } } }": typeof types.NoticeMembersDocument,
    "mutation PublishNotice($input: PublishNoticeInput!) { publishNotice(input: $input) { id } }": typeof types.PublishNoticeDocument,
    "query Oversight($unit: ID, $first: Int, $after: String) {\n  oversight(unitId: $unit) {\n    unit { id name kind }\n    leaf\n    trail { id name kind }\n    term { id termEnd daysLeft }\n    children(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { node {\n        leaf unit { id name kind }\n        stepsDue stepsOverdue requestsWaiting requestsOverdue meetingSlotsOverdue termsEnding termsOverdue\n      } }\n    }\n    steps { stepNo kind nameZh nameEn dueOn daysLeft status member { id name } }\n    requests { status dueOn deadline daysLeft waitingDays request { id stepNo nameZh nameEn status member { id name } } }\n    meetings { kind overdue due }\n    terms { id termEnd daysLeft unit { id name } }\n  }\n}": typeof types.OversightDocument,
    "query Board {\n  APPLICANT: members(stage: APPLICANT, status: ACTIVE, first: 12) { totalCount edges { node { ...BoardCard appliedOn nextActions { ...ActionFields } } } }\n  ACTIVIST: members(stage: ACTIVIST, status: ACTIVE, first: 12) { totalCount edges { node { ...BoardCard activistSince nextActions { ...ActionFields } } } }\n  CANDIDATE: members(stage: CANDIDATE, status: ACTIVE, first: 12) { totalCount edges { node { ...BoardCard candidateSince nextActions { ...ActionFields } } } }\n  PROBATIONARY: members(stage: PROBATIONARY, status: ACTIVE, first: 12) { totalCount edges { node { ...BoardCard probationarySince nextActions { ...ActionFields } } } }\n  FULL: members(stage: FULL, status: ACTIVE, first: 12) { totalCount edges { node { ...BoardCard fullMemberSince } } }\n  pipelineDue(first: 20, withinDays: 30) { totalCount edges { node { ...DueFields member { id name orgUnit { name } } } } }\n  levelRequests(status: [IN_REVIEW, PENDING, RETURNED], first: 10) {\n    totalCount edges { node { id stepNo nameZh nameEn status requestedAt decidedAt decidedByName returnReason decidingUnitName member { id name } } }\n  }\n}": typeof types.BoardDocument,
    "fragment BoardCard on Member { id name orgUnit { name } }": typeof types.BoardCardFragmentDoc,
    "query OverdueIn($unit: ID!, $asOf: Date, $after: String) {\n  orgUnit(id: $unit) { id name }\n  pipelineDue(unitId: $unit, asOf: $asOf, withinDays: 0, status: [OVERDUE, EXPIRED], first: 50, after: $after) { ...OverdueItems }\n}": typeof types.OverdueInDocument,
    "query Overdue($asOf: Date, $after: String) {\n  me { account { scopeUnit { id name } } }\n  pipelineDue(asOf: $asOf, withinDays: 0, status: [OVERDUE, EXPIRED], first: 50, after: $after) { ...OverdueItems }\n}": typeof types.OverdueDocument,
    "fragment OverdueItems on PipelineDueConnection {\n  totalCount pageInfo { hasNextPage endCursor }\n  edges { node { stepNo kind nameZh nameEn dueOn deadline daysLeft status member { id name orgUnit { id name } } } }\n}": typeof types.OverdueItemsFragmentDoc,
    "query ProofBundle($type: String!, $id: ID!, $version: Int) {\n  record(type: $type, id: $id, version: $version) { type id version proof { status bundle } }\n}": typeof types.ProofBundleDocument,
    "mutation SignIn($username: String!, $password: String!) {\n  signIn(username: $username, password: $password) {\n    __typename\n    ... on SignedIn { token expiresAt account { id username displayName role scopeUnitId member { id } } }\n    ... on TotpRequired { challenge expiresAt enrollment { secret otpauthUri } }\n  }\n}": typeof types.SignInDocument,
    "mutation VerifyTotp($challenge: String!, $code: String!) {\n  verifyTotp(challenge: $challenge, code: $code) { token expiresAt account { id username displayName role scopeUnitId member { id } } }\n}": typeof types.VerifyTotpDocument,
    "mutation SignOut { signOut }": typeof types.SignOutDocument,
    "query TransferLetterCheck($code: String!) {\n  transferLetterCheck(code: $code) { status lastValidDay lapsed fromUnitName memberNameMasked proof { ...ProofFields } }\n}": typeof types.TransferLetterCheckDocument,
    "query TransferLetter($id: ID!) {\n  transfer(id: $id) {\n    id version letterNo memberName fromUnitName toUnitName toOrganisation toProvince crossProvince issuedOn lastValidDay status lapsed viaUnitName needsEndorsement endorsedOn verifyCode\n  }\n}": typeof types.TransferLetterDocument,
    "query Transfers($first: Int, $after: String, $last: Int, $before: String, $status: TransferStatus, $direction: TransferDirection, $awaitingEndorsement: Boolean, $dest: String) {\n  transfers(first: $first, after: $after, last: $last, before: $before, status: $status, direction: $direction, awaitingEndorsement: $awaitingEndorsement) {\n    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    edges { node { id letterNo memberName fromUnitName toUnitName toOrganisation crossProvince issuedOn lastValidDay status lapsed receivedOn receiptNo viaUnitName needsEndorsement endorsedOn canCancel verifyCode } }\n  }\n  transferDestinations(search: $dest, first: 50) { edges { node { id name kind province pathNames } } }\n  full: members(first: 100, status: ACTIVE, stage: FULL) { edges { node { id name orgUnit { name } } } }\n  probationary: members(first: 100, status: ACTIVE, stage: PROBATIONARY) { edges { node { id name orgUnit { name } } } }\n}": typeof types.TransfersDocument,
    "mutation IssueTransfer($input: IssueTransferLetterInput!) { issueTransferLetter(input: $input) { id letterNo } }": typeof types.IssueTransferDocument,
    "mutation ReceiveTransfer($id: ID!, $receiptNo: String) { receiveTransfer(id: $id, receiptNo: $receiptNo) { id } }": typeof types.ReceiveTransferDocument,
    "mutation EndorseTransfer($id: ID!) { endorseTransfer(id: $id) { id } }": typeof types.EndorseTransferDocument,
    "mutation CancelTransfer($id: ID!) { cancelTransfer(id: $id) { id } }": typeof types.CancelTransferDocument,
    "mutation ExpireTransfers { expireTransferLetters { id } }": typeof types.ExpireTransfersDocument,
    "query UnitsTree($under: ID) {\n  orgUnits(under: $under, first: 100, maxDepth: 3) {\n    totalCount\n    edges { node { id name code kind level parentId dissolvedOn committee { id form termEnd daysLeft } } }\n  }\n  committeeTermsDue(under: $under, withinDays: 90) { id termEnd daysLeft unit { id name } }\n}": typeof types.UnitsTreeDocument,
    "mutation CreateUnit($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { id } }": typeof types.CreateUnitDocument,
    "query UnitDetail($id: ID!) {\n  orgUnit(id: $id) {\n    id name code kind level parentId dissolvedOn\n    proof { status batchSeq anchor { height } }\n    committee {\n      id form termStart termEnd daysLeft\n      proof { status batchSeq anchor { height } }\n      positions(current: true) { id title memberId memberName startedOn accountId proof { status batchSeq anchor { height } } }\n    }\n  }\n  members(under: $id, stage: FULL, status: ACTIVE, first: 100) { edges { node { id name } } }\n}": typeof types.UnitDetailDocument,
    "mutation RenameUnit($id: ID!, $name: String!) { renameOrgUnit(id: $id, name: $name) { id } }": typeof types.RenameUnitDocument,
    "mutation MoveUnit($id: ID!, $parentId: ID!) { moveOrgUnit(id: $id, parentId: $parentId) { id } }": typeof types.MoveUnitDocument,
    "mutation MergeUnit($id: ID!, $targetId: ID!) { mergeOrgUnit(id: $id, targetId: $targetId) { membersMoved unitsMoved } }": typeof types.MergeUnitDocument,
    "mutation DissolveUnit($id: ID!) { dissolveOrgUnit(id: $id) { id } }": typeof types.DissolveUnitDocument,
    "mutation SetUpCommittee($input: SetUpCommitteeInput!) { setUpCommittee(input: $input) { id } }": typeof types.SetUpCommitteeDocument,
    "mutation AppointPosition($input: AppointCommitteePositionInput!) { appointCommitteePosition(input: $input) { position { id } } }": typeof types.AppointPositionDocument,
    "mutation RelievePosition($id: ID!) { relieveCommitteePosition(id: $id) { id } }": typeof types.RelievePositionDocument,
    "query Vote($id: ID!, $staff: Boolean!) {\n  vote(id: $id) {\n    ...VoteFields\n    orgUnit @include(if: $staff) { id name }\n    eligibleNow @include(if: $staff)\n    rollEntries(first: 100) @include(if: $staff) { totalCount edges { node { id memberId votedAt proof { status batchSeq anchor { height } } } } }\n  }\n}": typeof types.VoteDocument,
    "query Names($under: ID!) { members(under: $under, first: 100) { edges { node { id name } } } }": typeof types.NamesDocument,
    "mutation OpenVote($id: ID!) { openVote(id: $id) { id } }": typeof types.OpenVoteDocument,
    "mutation CloseVote($id: ID!) { closeVote(id: $id) { id } }": typeof types.CloseVoteDocument,
    "mutation CastBallot($voteId: ID!, $choices: [ID!]!) { castBallot(voteId: $voteId, choices: $choices) { receipt receiptHash } }": typeof types.CastBallotDocument,
    "query CheckBallot($voteId: ID!, $receipt: String!) {\n  verifyMyBallot(voteId: $voteId, receipt: $receipt) { verified choices voteStatus ballot { id version choices receiptHash proof { ...ProofFields } } }\n}": typeof types.CheckBallotDocument,
    "query Votes($first: Int, $after: String, $last: Int, $before: String, $status: VoteStatus, $staff: Boolean!) {\n  votes(first: $first, after: $after, last: $last, before: $before, status: $status) {\n    totalCount\n    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    edges { node { id title kind status createdAt closedAt eligibleCount hasVoted orgUnit @include(if: $staff) { name } tally { passed ballotsCast } proof { status batchSeq anchor { height } } } }\n  }\n}": typeof types.VotesDocument,
    "mutation CreateVote($input: CreateVoteInput!) { createVote(input: $input) { id } }": typeof types.CreateVoteDocument,
};
const documents: Documents = {
    "query Dashboard($unitId: ID, $from: Date, $to: Date, $unitsFirst: Int, $unitsOffset: Int) {\n  analytics(unitId: $unitId, from: $from, to: $to) {\n    unitId unitName asOf from to\n    composition { ...CompositionFields }\n    childCount byUnit(first: $unitsFirst, offset: $unitsOffset) { unitId unitName composition { ...CompositionFields } meetings { ...MeetingFigures } }\n    funnel { stages { stage current reached converted conversionRate medianDays } overdueSteps expiredSteps monthly { ...MonthFields } figures }\n    meetings { ...MeetingFigures }\n    learning { completions classHours scored averageScore scoreBands { key count } quizSubmitted quizPassed quizPassRate quizPercentBands { key count } monthly { ...MonthFields } }\n    appraisal { year total byRating { key count } excellentShare }\n    points { year members total bands { key count } top { rank memberId unitId points } monthly { ...MonthFields } }\n    feedback { total byCategory { key count } byStatus { key count } resolved medianResolutionDays monthly { ...MonthFields } }\n    transfers { open expired received cancelled issuedMonthly { ...MonthFields } }\n  }\n}": types.DashboardDocument,
    "fragment CompositionFields on MemberComposition { total byStage { key count } byGender { key count } byEducation { key count } byAgeBand { key count } figures }": types.CompositionFieldsFragmentDoc,
    "fragment MeetingFigures on MeetingAnalytics { cadence { kind required held meetings rate } attendance { present late excused absent rate } monthly { month key count total } }": types.MeetingFiguresFragmentDoc,
    "fragment MonthFields on AnalyticsPoint { month key count total }": types.MonthFieldsFragmentDoc,
    "query DashboardUnits($unitId: ID!, $scope: ID!) {\n  orgUnits(under: $scope, first: 100) { edges { node { id name level } } }\n  orgUnit(id: $unitId) { id name level }\n  scopeUnit: orgUnit(id: $scope) { id level }\n  analyticsSnapshots(unitId: $unitId, first: 10) { id metric title publishedAt inputCount figures proof { status batchSeq } }\n}": types.DashboardUnitsDocument,
    "query DashboardCrumbs($unitId: ID!, $p1: Boolean!, $p2: Boolean!, $p3: Boolean!, $p4: Boolean!, $p5: Boolean!, $p6: Boolean!) {\n  orgUnit(id: $unitId) { id name parent @include(if: $p1) { id name parent @include(if: $p2) { id name parent @include(if: $p3) {\n    id name parent @include(if: $p4) { id name parent @include(if: $p5) { id name parent @include(if: $p6) { id name } } } } } }\n  }\n}": types.DashboardCrumbsDocument,
    "mutation Publish($unitId: ID!, $metric: String!, $title: String) { publishAnalyticsSnapshot(unitId: $unitId, metric: $metric, title: $title) { id } }": types.PublishDocument,
    "query DiscussionThread($subjectType: CommentSubject!, $subjectId: ID!, $first: Int, $after: String, $search: String) {\n  comments(subjectType: $subjectType, subjectId: $subjectId, first: $first, after: $after) {\n    totalCount\n    pageInfo { hasNextPage endCursor }\n    edges { node { id version body bodySha256 hiddenAt hiddenReason canHide mine createdAt author { accountId name } mentions { accountId name } proof { ...ProofFields } } }\n  }\n  commentMentionCandidates(subjectType: $subjectType, subjectId: $subjectId, search: $search, first: 10) { accountId name unitName role }\n}": types.DiscussionThreadDocument,
    "mutation PostComment($input: PostCommentInput!) { postComment(input: $input) { id } }": types.PostCommentDocument,
    "mutation HideComment($id: ID!, $reason: String!) { hideComment(id: $id, reason: $reason) { id } }": types.HideCommentDocument,
    "query DuesReportCsv($year: Int) { duesReportCsv(year: $year) }": types.DuesReportCsvDocument,
    "fragment DuesStatementFields on DuesStatement {\n  memberId memberName year dueFen paidFen extraFen\n  base { id version year category baseFen fixedFen rateBp monthlyDueFen status checkedOn proof { ...ProofFields } }\n  months { month dueFen paidFen hardship status }\n  payments { id version months monthAmounts extraFen amountFen method reference paidOn receiptNo correctsId correctedBy reason proof { ...ProofFields } }\n}": types.DuesStatementFieldsFragmentDoc,
    "mutation DeclareDuesBase($input: DeclareDuesBaseInput!) { declareDuesBase(input: $input) { id status monthlyDueFen } }": types.DeclareDuesBaseDocument,
    "fragment PageFields on PageInfo { hasNextPage hasPreviousPage startCursor endCursor }": types.PageFieldsFragmentDoc,
    "fragment ProofFields on Proof { status batchSeq index anchor { height chainId } bundle }": types.ProofFieldsFragmentDoc,
    "fragment MemberFields on Member {\n  id version name gender birthDate ethnicity education nativePlace occupation stage status statusChangedOn\n  appliedOn activistSince candidateSince probationarySince probationEndsOn probationExtended fullMemberSince partyAgeYears\n  orgUnitId orgUnit { id name kind }\n}": types.MemberFieldsFragmentDoc,
    "fragment RuleFields on PipelineRule { code zh en warning }": types.RuleFieldsFragmentDoc,
    "fragment StepFields on DevelopmentStep {\n  id version seq stepNo kind nameZh nameEn stage occurredOn approval notes\n  warnings { code zh en warning } proof { status batchSeq index anchor { height chainId } bundle }\n}": types.StepFieldsFragmentDoc,
    "fragment ActionFields on PipelineAction {\n  stepNo kind nameZh nameEn stage legalToday notBefore recommendedFrom dueOn deadline blockedBy { code zh en warning }\n}": types.ActionFieldsFragmentDoc,
    "fragment HistoryFields on RecordVersion { version at actor data proof { status batchSeq index anchor { height chainId } bundle } }": types.HistoryFieldsFragmentDoc,
    "fragment MeetingFields on Meeting {\n  id version orgUnitId orgUnitName kind kindZh title agenda location scheduledAt durationMinutes startsAt endsAt\n  status publishedAt startedAt endedAt minutes minutesRecordedAt recordedAfterwards cancelReason checkInOpen proof { status batchSeq index anchor { height chainId } bundle }\n}": types.MeetingFieldsFragmentDoc,
    "fragment TallyFields on VoteTally {\n  id version eligibleCount ballotsCast quorumMet passed results { optionId count elected } ballotsRoot talliedAt proof { status batchSeq index anchor { height chainId } bundle }\n}": types.TallyFieldsFragmentDoc,
    "fragment VoteFields on Vote {\n  id version orgUnitId kind title description status quorumRule majorityRule seats meetingId\n  closesAt openedAt closedAt eligibleCount eligibleRollHash createdAt hasVoted\n  options { id position label candidateId }\n  tally { id version eligibleCount ballotsCast quorumMet passed results { optionId count elected } ballotsRoot talliedAt proof { status batchSeq index anchor { height chainId } bundle } } proof { status batchSeq index anchor { height chainId } bundle }\n}": types.VoteFieldsFragmentDoc,
    "fragment SnapshotFields on AnalyticsSnapshot {\n  id version orgUnitId metric title params figures inputRoot inputCount publishedAt proof { status batchSeq index anchor { height chainId } bundle }\n}": types.SnapshotFieldsFragmentDoc,
    "fragment DueFields on PipelineDueItem { stepNo kind nameZh nameEn dueOn deadline daysLeft status }": types.DueFieldsFragmentDoc,
    "query NavCounts { inboxCounts { open } unreadNoticeCount }": types.NavCountsDocument,
    "query Snapshot($id: ID!) { analyticsSnapshot(id: $id) { ...SnapshotFields } }": types.SnapshotDocument,
    "query SnapshotUnit($id: ID!) { orgUnit(id: $id) { name } }": types.SnapshotUnitDocument,
    "query SnapshotInputs($id: ID!, $first: Int!, $after: String) {\n  analyticsSnapshot(id: $id) { inputs(first: $first, after: $after) { totalCount hasNextPage endCursor nodes { ordinal entityType entityId entityVersion leaf proof { status bundle } } } }\n}": types.SnapshotInputsDocument,
    "query Units { orgUnits(first: 100, maxDepth: 3) { edges { node { id name level kind } } } }": types.UnitsDocument,
    "query ViewerLevel {\n  me { account { id member { id } scopeUnit { id kind committee { positions(current: true) { title memberId accountId } } } } }\n}": types.ViewerLevelDocument,
    "query Accounts($first: Int, $after: String, $last: Int, $before: String, $role: Role, $search: String, $all: Boolean) {\n  accounts(first: $first, after: $after, last: $last, before: $before, role: $role, search: $search, includeDisabled: $all) {\n    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { node { id username displayName role totpEnabled disabledAt lastLoginAt scopeUnit { id name } member { id name } } }\n  }\n  orgUnits(first: 100, maxDepth: 3) { edges { node { id name level } } }\n}": types.AccountsDocument,
    "query PickMember($id: ID!) { member(id: $id) { id name orgUnit { name } } }": types.PickMemberDocument,
    "query PickMembers($search: String) { members(first: 30, search: $search) { edges { node { id name orgUnit { name } } } } }": types.PickMembersDocument,
    "mutation CreateAccount($input: CreateAccountInput!) { createAccount(input: $input) { password account { id username } } }": types.CreateAccountDocument,
    "mutation ChangeAccess($id: ID!, $role: Role, $unit: ID) { changeAccountAccess(id: $id, role: $role, scopeUnitId: $unit) { id username } }": types.ChangeAccessDocument,
    "mutation Disable($id: ID!) { disableAccount(id: $id) { id username } }": types.DisableDocument,
    "mutation Enable($id: ID!) { enableAccount(id: $id) { id username } }": types.EnableDocument,
    "mutation Reset($id: ID!, $totp: Boolean) { resetPassword(id: $id, resetTotp: $totp) { password account { id username } } }": types.ResetDocument,
    "query AdminMirrors($first: Int, $after: String) {\n  mirrors(first: $first, after: $after) {\n    totalCount staleAfterMinutes pageInfo { hasNextPage endCursor }\n    edges { node {\n      keyId keyName keyPrefix unitId unitName state reportedAt position centreHeadPosition recordsBehind recordsBehindCapped openAlerts\n      lastAlert { kind entityType entityId version batchSeq detectedAt }\n    } }\n  }\n}": types.AdminMirrorsDocument,
    "query Keys {\n  apiKeys(first: 100, includeRevoked: true) { totalCount edges { node { id name prefix scopes createdAt lastUsedAt expiresAt revokedAt unit { id name } } } }\n  orgUnits(first: 100, maxDepth: 2) { edges { node { id name level } } }\n  partnerScopes\n}": types.KeysDocument,
    "mutation CreateKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { id name prefix } } }": types.CreateKeyDocument,
    "mutation RevokeKey($id: ID!) { revokeApiKey(id: $id) { id name revokedAt } }": types.RevokeKeyDocument,
    "query Alerts($first: Int, $after: String, $open: Boolean) {\n  tamperAlerts(first: $first, after: $after, open: $open) {\n    totalCount pageInfo { hasNextPage endCursor }\n    edges { node { id kind entityType entityId batchSeq detail detectedAt resolvedAt } }\n  }\n}": types.AlertsDocument,
    "query StaffCampaigns { appraisalCampaigns(first: 50) { totalCount edges { node { id year title status opensOn closesOn orgUnit { name } } } } }": types.StaffCampaignsDocument,
    "query MemberCampaigns { appraisalCampaigns(first: 50) { totalCount edges { node { id year title status opensOn closesOn } } } }": types.MemberCampaignsDocument,
    "query Branches { orgUnits(first: 100, maxDepth: 3, kind: BRANCH) { edges { node { id name } } } }": types.BranchesDocument,
    "query StaffCampaign($id: ID!) { appraisalCampaign(id: $id) {\n  id version year title status excellentCap orgUnit { name }\n  roster { memberId name stage peerTally { excellent qualified basicallyQualified unqualified } }\n  results(first: 100) { edges { node { memberId rating notifiedAt } } }\n} }": types.StaffCampaignDocument,
    "query MemberCampaign($id: ID!) { appraisalCampaign(id: $id) {\n  id version year title status roster { memberId name stage }\n  mySelfAssessment { rating summary }\n} }": types.MemberCampaignDocument,
    "mutation CreateCampaign($input: CreateAppraisalCampaignInput!) { createAppraisalCampaign(input: $input) { id } }": types.CreateCampaignDocument,
    "mutation Open($id: ID!) { openAppraisalCampaign(id: $id) { id } }": types.OpenDocument,
    "mutation Peer($id: ID!) { startPeerAssessment(id: $id) { id } }": types.PeerDocument,
    "mutation Propose($id: ID!, $ratings: [AppraisalRatingInput!]!) { proposeAppraisalRatings(campaignId: $id, ratings: $ratings) { id } }": types.ProposeDocument,
    "mutation Finalise($id: ID!, $ratings: [AppraisalRatingInput!]) { finaliseAppraisalCampaign(campaignId: $id, ratings: $ratings) { id } }": types.FinaliseDocument,
    "mutation Self($id: ID!, $input: SelfAssessmentInput!) { submitSelfAssessment(campaignId: $id, input: $input) { id } }": types.SelfDocument,
    "mutation PeerAssess($id: ID!, $input: PeerAssessmentInput!) { submitPeerAssessment(campaignId: $id, input: $input) { id } }": types.PeerAssessDocument,
    "query ApprovalScope { me { account { role scopeUnit { id name kind } } } }": types.ApprovalScopeDocument,
    "query ApprovalQueue($after: String, $reviewAfter: String) {\n  decision: approvalQueue(first: 25, after: $after, stage: [DECISION]) {\n    totalCount pageInfo { hasNextPage endCursor }\n    edges { node { stage since waitingDays dueOn deadline status daysLeft request { ...LevelRequestRow } } }\n  }\n  review: approvalQueue(first: 25, after: $reviewAfter, stage: [REVIEW]) {\n    totalCount pageInfo { hasNextPage endCursor }\n    edges { node { stage since waitingDays dueOn deadline status daysLeft request { ...LevelRequestRow } } }\n  }\n  levelRequests(status: [IN_REVIEW, PENDING, RETURNED], first: 50) { totalCount edges { node { ...LevelRequestRow } } }\n}": types.ApprovalQueueDocument,
    "fragment LevelRequestRow on LevelRequest {\n  id kind stepNo nameZh nameEn status notes requestedAt requestedByName decidedAt decidedByName returnReason\n  decidingUnitName reviewingUnitName reviewedAt reviewedByName reviewNote\n  member { id name orgUnit { id name } }\n}": types.LevelRequestRowFragmentDoc,
    "mutation ApproveLevelRequest($id: ID!, $lateReason: String) { approveLevelRequest(id: $id, lateReason: $lateReason) { request { id nameZh nameEn } } }": types.ApproveLevelRequestDocument,
    "mutation ReturnLevelRequest($id: ID!, $reason: String!) { returnLevelRequest(id: $id, reason: $reason) { request { id nameZh nameEn } } }": types.ReturnLevelRequestDocument,
    "mutation PassOnLevelRequest($id: ID!, $note: String) { passOnLevelRequest(id: $id, note: $note) { id nameZh nameEn } }": types.PassOnLevelRequestDocument,
    "query Decision($id: ID!) {\n  decision(id: $id) {\n    id version number title content decidedOn status yesCount noCount abstainCount overdueMilestones orgUnitId orgUnit { id name }\n    vote { id title status eligibleCount options { id label } tally { ballotsCast eligibleCount quorumMet passed results { optionId count } } }\n    milestones { id version title dueOn completedOn status notes overdue overdueDays completedLate owner { id name } proof { ...ProofFields } }\n    proof { ...ProofFields }\n  }\n  history(type: \"Decision\", id: $id, first: 100) { edges { node { version at actor data proof { ...ProofFields } } } }\n}": types.DecisionDocument,
    "query Owners($under: ID!) { members(under: $under, status: ACTIVE, first: 100) { edges { node { id name } } } }": types.OwnersDocument,
    "mutation DecisionStatus($id: ID!, $status: DecisionStatus!) { updateDecisionStatus(id: $id, status: $status) { id } }": types.DecisionStatusDocument,
    "mutation AddMilestone($input: AddMilestoneInput!) { addMilestone(input: $input) { id } }": types.AddMilestoneDocument,
    "mutation MilestoneStatus($id: ID!, $status: MilestoneStatus!, $on: Date, $notes: String) {\n  updateMilestoneStatus(id: $id, status: $status, on: $on, notes: $notes) { id }\n}": types.MilestoneStatusDocument,
    "query Decisions($first: Int, $after: String, $last: Int, $before: String, $status: DecisionStatus) {\n  decisions(first: $first, after: $after, last: $last, before: $before, status: $status) {\n    totalCount\n    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    edges { node { id number title decidedOn status yesCount noCount abstainCount overdueMilestones orgUnit { name } proof { status batchSeq anchor { height } } } }\n  }\n}": types.DecisionsDocument,
    "query V($id: ID!) { vote(id: $id) { id title orgUnitId status closedAt tally { passed } } }": types.VDocument,
    "mutation CreateDecision($input: CreateDecisionInput!) { createDecision(input: $input) { id } }": types.CreateDecisionDocument,
    "query DuesArrearsList($status: DuesArrearsStatus, $first: Int, $after: String, $last: Int, $before: String) {\n  duesArrearsCases(status: $status, first: $first, after: $after, last: $last, before: $before) {\n    totalCount\n    pageInfo { ...PageFields }\n    edges { node { id memberId memberName fromMonth toMonth months status decisionReason decidedOn createdAt proof { status batchSeq anchor { height } } } }\n  }\n}": types.DuesArrearsListDocument,
    "mutation RaiseDuesArrears { raiseDuesArrearsCases { id } }": types.RaiseDuesArrearsDocument,
    "mutation DecideDuesArrears($id: ID!, $decision: DuesArrearsDecision!, $reason: String!) { decideDuesArrearsCase(id: $id, decision: $decision, reason: $reason) { id status } }": types.DecideDuesArrearsDocument,
    "query DuesBasesList($year: Int, $status: DuesBaseStatus, $first: Int, $after: String, $last: Int, $before: String) {\n  duesBases(year: $year, status: $status, first: $first, after: $after, last: $last, before: $before) {\n    totalCount\n    pageInfo { ...PageFields }\n    edges { node { id version memberId memberName year category baseFen fixedFen rateBp monthlyDueFen status checkedOn proof { status batchSeq anchor { height } } } }\n  }\n  full: members(first: 100, status: ACTIVE, stage: FULL) { edges { node { id name } } }\n  probationary: members(first: 100, status: ACTIVE, stage: PROBATIONARY) { edges { node { id name } } }\n}": types.DuesBasesListDocument,
    "mutation CheckDuesBaseInList($id: ID!) { checkDuesBase(id: $id) { id status } }": types.CheckDuesBaseInListDocument,
    "query DuesHardshipsList($scope: ID!, $status: DuesHardshipStatus, $first: Int, $after: String, $last: Int, $before: String) {\n  duesHardships(status: $status, first: $first, after: $after, last: $last, before: $before) {\n    totalCount\n    pageInfo { ...PageFields }\n    edges { node { id memberId memberName kind reducedFen fromMonth toMonth reason branchDecision status decidedOn decisionNote proof { status batchSeq anchor { height } } } }\n  }\n  scope: orgUnit(id: $scope) { kind }\n  full: members(first: 100, status: ACTIVE, stage: FULL) { edges { node { id name } } }\n  probationary: members(first: 100, status: ACTIVE, stage: PROBATIONARY) { edges { node { id name } } }\n}": types.DuesHardshipsListDocument,
    "mutation ProposeDuesHardship($input: ProposeDuesHardshipInput!) { proposeDuesHardship(input: $input) { id } }": types.ProposeDuesHardshipDocument,
    "mutation DecideDuesHardship($id: ID!, $approve: Boolean!, $note: String) { decideDuesHardship(id: $id, approve: $approve, note: $note) { id status } }": types.DecideDuesHardshipDocument,
    "query MemberDues($memberId: ID!, $year: Int) { duesStatement(memberId: $memberId, year: $year) { ...DuesStatementFields } }": types.MemberDuesDocument,
    "mutation RecordDuesPayment($input: RecordDuesPaymentInput!) { recordDuesPayment(input: $input) { id receiptNo } }": types.RecordDuesPaymentDocument,
    "mutation CorrectDuesPayment($id: ID!, $reason: String!) { correctDuesPayment(paymentId: $id, reason: $reason) { id receiptNo } }": types.CorrectDuesPaymentDocument,
    "mutation CheckDuesBase($id: ID!) { checkDuesBase(id: $id) { id status } }": types.CheckDuesBaseDocument,
    "query DuesMembersList($year: Int, $onlyInArrears: Boolean, $first: Int, $after: String, $last: Int, $before: String) {\n  duesMembers(year: $year, onlyInArrears: $onlyInArrears, first: $first, after: $after, last: $last, before: $before) {\n    totalCount\n    pageInfo { ...PageFields }\n    edges { node { memberId memberName unitName category monthlyDueFen baseStatus dueFen paidFen unpaidMonths consecutiveUnpaidMonths openCaseId openCaseFromMonth openCaseMonths } }\n  }\n}": types.DuesMembersListDocument,
    "query DuesOverview($month: String) {\n  duesSummary(month: $month) { month trackedMembers dueFen collectedFen collectionRateBp paidMembers unpaidMembers membersInArrears openArrearsCases }\n}": types.DuesOverviewDocument,
    "query DuesPaymentsList($memberId: ID, $first: Int, $after: String, $last: Int, $before: String) {\n  duesPayments(memberId: $memberId, first: $first, after: $after, last: $last, before: $before) {\n    totalCount pageInfo { ...PageFields }\n    edges { node { id memberId memberName months amountFen extraFen method reference paidOn receiptNo correctsId correctedBy proof { status batchSeq anchor { height } } } }\n  }\n  full: members(first: 100, status: ACTIVE, stage: FULL) { edges { node { id name } } }\n  probationary: members(first: 100, status: ACTIVE, stage: PROBATIONARY) { edges { node { id name } } }\n}": types.DuesPaymentsListDocument,
    "query DuesRemittancesList($status: DuesRemittanceStatus, $first: Int, $after: String, $last: Int, $before: String) {\n  duesRemittances(status: $status, first: $first, after: $after, last: $last, before: $before) {\n    totalCount\n    pageInfo { ...PageFields }\n    edges { node { id orgUnitId unitName toUnitId toUnitName month paymentCount memberCount amountFen status confirmedOn receiptNo proof { status batchSeq anchor { height } } } }\n  }\n}": types.DuesRemittancesListDocument,
    "mutation SubmitDuesRemittance($unitId: ID!, $month: String!) { submitDuesRemittance(unitId: $unitId, month: $month) { id amountFen } }": types.SubmitDuesRemittanceDocument,
    "mutation ConfirmDuesRemittance($id: ID!, $receiptNo: String!) { confirmDuesRemittance(id: $id, receiptNo: $receiptNo) { id status } }": types.ConfirmDuesRemittanceDocument,
    "query Feedback($first: Int, $after: String, $last: Int, $before: String, $status: FeedbackStatus) {\n  memberFeedback(first: $first, after: $after, last: $last, before: $before, status: $status) {\n    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    edges { node { id version category topic content status nextStatuses submittedAt response respondedAt orgUnit { name } } }\n  }\n}": types.FeedbackDocument,
    "mutation Respond($id: ID!, $status: FeedbackStatus!, $response: String, $v: Int) { respondToFeedback(id: $id, status: $status, response: $response, expectedVersion: $v) { id } }": types.RespondDocument,
    "query MyFeedback($first: Int, $after: String, $last: Int, $before: String, $status: FeedbackStatus) {\n  myFeedback(first: $first, after: $after, last: $last, before: $before, status: $status) {\n    totalCount pageInfo { ...PageFields }\n    edges { node { id version category topic content status submittedAt response respondedAt proof { ...ProofFields } } }\n  }\n}": types.MyFeedbackDocument,
    "mutation SubmitFeedback($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { id } }": types.SubmitFeedbackDocument,
    "query InboxPage($open: Boolean, $first: Int, $after: String) {\n  inbox(open: $open, first: $first, after: $after) {\n    totalCount\n    pageInfo { hasNextPage endCursor }\n    edges { node { id kind title occasionName { zh en } link dueAt createdAt readAt doneAt } }\n  }\n  inboxCounts { open unread }\n  emailPreferences { email preferences { kind mode } }\n}": types.InboxPageDocument,
    "mutation InboxMarkRead($ids: [ID!]!) { markInboxRead(ids: $ids) { id readAt } }": types.InboxMarkReadDocument,
    "mutation InboxSetEmail($email: String) { setMyEmail(email: $email) { email } }": types.InboxSetEmailDocument,
    "mutation InboxSetMode($kind: InboxKind!, $mode: EmailMode!) { setEmailPreference(kind: $kind, mode: $mode) { email } }": types.InboxSetModeDocument,
    "query Attempt($id: ID!) {\n  quizAttempt(id: $id) {\n    id version attemptNo status score maxScore passed startedAt finishedAt deadlineAt secondsLeft timeLimitSeconds\n    quiz { id title passScore courseId }\n    questions { id kind prompt options points }\n    results { chosen correct earned explanation isCorrect points question { id prompt options kind } }\n    proof { ...ProofFields }\n  }\n}": types.AttemptDocument,
    "query Ids($id: ID!) { quizAttempt(id: $id) { questionIds secondsLeft } }": types.IdsDocument,
    "mutation SubmitAttempt($attemptId: ID!, $answers: [QuizAnswerInput!]!) { submitQuizAttempt(attemptId: $attemptId, answers: $answers) { id status } }": types.SubmitAttemptDocument,
    "query Course($id: ID!) {\n  course(id: $id) {\n    id title description category classHours mandatory orgUnitName publishedAt status\n    myCompletion { id version completedAt classHours score proof { ...ProofFields } }\n    resources(first: 100) { edges { node { id title kind uri durationMinutes position contentHash } } }\n  }\n}": types.CourseDocument,
    "query CourseQuizzes($id: ID!) {\n  quizzes(courseId: $id, first: 10) {\n    edges { node { id title status questionCount timeLimitSeconds passScore maxAttempts attemptsLeft opensAt closesAt\n      myAttempts(first: 20) { edges { node { id attemptNo status score maxScore passed deadlineAt } } } } }\n  }\n}": types.CourseQuizzesDocument,
    "mutation Complete($courseId: ID!, $resourceIds: [ID!]) { completeCourse(courseId: $courseId, resourceIds: $resourceIds) { id } }": types.CompleteDocument,
    "mutation Start($quizId: ID!) { startQuizAttempt(quizId: $quizId) { id } }": types.StartDocument,
    "query Courses($first: Int, $after: String, $last: Int, $before: String, $search: String) {\n  courses(status: PUBLISHED, search: $search, first: $first, after: $after, last: $last, before: $before) {\n    totalCount pageInfo { ...PageFields }\n    edges { node { id title description category classHours mandatory orgUnitName publishedAt\n      myCompletion { id completedAt } resources(first: 1) { totalCount } } }\n  }\n}": types.CoursesDocument,
    "query CourseMaterial($id: ID!) {\n  course(id: $id) { id title resources(first: 100) { edges { node { id title kind uri durationMinutes position contentHash } } } }\n}": types.CourseMaterialDocument,
    "query MyAppraisal($first: Int, $after: String, $last: Int, $before: String) {\n  myAppraisalResults(first: $first, after: $after, last: $last, before: $before) {\n    totalCount pageInfo { ...PageFields }\n    edges { node { id version rating ratingZh decidedAt notifiedAt\n      peerSummary { excellent qualified basicallyQualified unqualified total }\n      campaign { id title year } proof { ...ProofFields } } }\n  }\n}": types.MyAppraisalDocument,
    "query MyBallotVotes { votes(first: 100) { totalCount edges { node { id title status hasVoted closedAt options { id label position } } } } }": types.MyBallotVotesDocument,
    "query Check($voteId: ID!, $receipt: String!) {\n  verifyMyBallot(voteId: $voteId, receipt: $receipt) { verified voteStatus choices ballot { id version voteId choices receiptHash proof { ...ProofFields } } }\n}": types.CheckDocument,
    "query BranchDecision($id: ID!) {\n  decision(id: $id) {\n    id number title content decidedOn status yesCount noCount abstainCount overdueMilestones proof { status batchSeq anchor { height } }\n    milestones { id title dueOn completedOn status overdue overdueDays proof { status batchSeq anchor { height } } }\n  }\n}": types.BranchDecisionDocument,
    "query BranchDecisions($first: Int, $after: String, $last: Int, $before: String) {\n  decisions(first: $first, after: $after, last: $last, before: $before) {\n    totalCount pageInfo { ...PageFields }\n    edges { node { id number title content decidedOn status yesCount noCount abstainCount overdueMilestones proof { status batchSeq anchor { height } }\n      milestones { id title dueOn completedOn status overdue overdueDays proof { status batchSeq anchor { height } } } } }\n  }\n}": types.BranchDecisionsDocument,
    "query MyDues($year: Int) { duesStatement(year: $year) { ...DuesStatementFields } }": types.MyDuesDocument,
    "query MyLearning($c: Int, $cAfter: String, $cl: Int, $cBefore: String, $a: Int, $aAfter: String, $al: Int, $aBefore: String) {\n  courseCompletions(first: $c, after: $cAfter, last: $cl, before: $cBefore) {\n    totalCount pageInfo { ...PageFields }\n    edges { node { id version completedAt classHours score course { id title } proof { ...ProofFields } } }\n  }\n  myQuizAttempts(first: $a, after: $aAfter, last: $al, before: $aBefore) {\n    totalCount pageInfo { ...PageFields }\n    edges { node { id version attemptNo status score maxScore passed startedAt finishedAt quiz { id title passScore courseId } proof { ...ProofFields } } }\n  }\n}": types.MyLearningDocument,
    "query MyAttendance($memberId: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n  memberAttendance(memberId: $memberId, first: $first, after: $after, last: $last, before: $before) {\n    totalCount pageInfo { ...PageFields }\n    edges { node { id version status checkedInAt method note\n      meeting { id title kind kindZh startsAt orgUnitName } proof { ...ProofFields } } }\n  }\n}": types.MyAttendanceDocument,
    "query MyPointsTotal { memberPointsTotal { total entryCount entries { id version points occurredOn } } }": types.MyPointsTotalDocument,
    "query Ledger($after: String) {\n  pointsLedger(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id version proof { bundle } } } }\n}": types.LedgerDocument,
    "query MyPoints($first: Int, $after: String, $last: Int, $before: String) {\n  memberPointsTotal { total entryCount }\n  pointsLedger(first: $first, after: $after, last: $last, before: $before) {\n    totalCount pageInfo { ...PageFields }\n    edges { node { id version points netPoints occurredOn reason correctsId sourceType\n      rule { id code name points revision } proof { ...ProofFields } } }\n  }\n}": types.MyPointsDocument,
    "query MyRecords($id: ID!) {\n  me { account { ...MyAccount member {\n    ...MemberFields proof { ...ProofRefFields }\n    developmentHistory { id version seq stepNo kind nameZh nameEn stage occurredOn approval notes warnings { code zh en warning } proof { ...ProofRefFields } }\n  } } }\n  history(type: \"Member\", id: $id, first: 100) { edges { node { version at actor data proof { ...ProofRefFields } } } }\n}": types.MyRecordsDocument,
    "fragment ProofRefFields on Proof { status batchSeq index anchor { height chainId } ref }": types.ProofRefFieldsFragmentDoc,
    "query MyRecordsBundles($id: ID!) {\n  me { account { member { proof { ...ProofFields } developmentHistory { id proof { ...ProofFields } } } } }\n  history(type: \"Member\", id: $id, first: 100) { edges { node { version proof { ...ProofFields } } } }\n}": types.MyRecordsBundlesDocument,
    "fragment MyAccount on Account {\n  id username displayName role lastLoginAt scopeUnit { id name kind }\n  sessions(first: 10) { edges { node { id createdAt lastSeenAt expiresAt userAgent current secondFactor } } }\n}": types.MyAccountFragmentDoc,
    "query MyDue($today: Date!) {\n  votes(status: OPEN, first: 50) { edges { node { id title status hasVoted closesAt } } }\n  meetings(from: $today, first: 50) { edges { node { id title status startsAt location } } }\n  courses(status: PUBLISHED, first: 100) { edges { node { id title mandatory myCompletion { id } } } }\n}": types.MyDueDocument,
    "query Me { me { account { ...MyAccount } } }": types.MeDocument,
    "mutation Revoke($id: ID!) { revokeSession(id: $id) { id revokedAt } }": types.RevokeDocument,
    "query Meeting($id: ID!, $staff: Boolean!) {\n  meeting(id: $id) {\n    ...MeetingFields\n    minutesAttachments { sha256 name type size }\n    myRegistration { id status registeredAt }\n    myAttendance { id version status method checkedInAt proof { ...ProofFields } }\n    myFeedback { id rating comment }\n    registrations(first: 100) @include(if: $staff) { totalCount edges { node { id status registeredAt member { id name } proof { status batchSeq anchor { height } } } } }\n    attendances(first: 100) @include(if: $staff) { totalCount edges { node { id status method checkedInAt note member { id name } proof { status batchSeq anchor { height } } } } }\n    feedback(first: 100) @include(if: $staff) { totalCount edges { node { id rating comment createdAt member { id name } proof { status batchSeq anchor { height } } } } }\n  }\n}": types.MeetingDocument,
    "query Roster($under: ID!) { members(under: $under, status: ACTIVE, first: 100) { totalCount edges { node { id name stage } } } }": types.RosterDocument,
    "mutation PublishMeeting($id: ID!) { publishMeeting(id: $id) { id } }": types.PublishMeetingDocument,
    "mutation UpdateMeeting($id: ID!, $input: UpdateMeetingInput!) { updateMeeting(id: $id, input: $input) { id } }": types.UpdateMeetingDocument,
    "mutation EndMeeting($id: ID!) { endMeeting(id: $id) { id } }": types.EndMeetingDocument,
    "mutation CancelMeeting($id: ID!, $reason: String!) { cancelMeeting(id: $id, reason: $reason) { id } }": types.CancelMeetingDocument,
    "mutation OpenCheckIn($id: ID!, $validMinutes: Int) { openCheckIn(id: $id, validMinutes: $validMinutes) { code qrPayload expiresAt } }": types.OpenCheckInDocument,
    "mutation RecordAttendance($meetingId: ID!, $entries: [AttendanceEntryInput!]!) { recordAttendance(meetingId: $meetingId, entries: $entries) { id } }": types.RecordAttendanceDocument,
    "mutation RecordMinutes($id: ID!, $minutes: String!, $attachments: [AttachmentInput!]) { recordMinutes(id: $id, minutes: $minutes, attachments: $attachments) { id } }": types.RecordMinutesDocument,
    "mutation RegisterForMeeting($meetingId: ID!) { registerForMeeting(meetingId: $meetingId) { id } }": types.RegisterForMeetingDocument,
    "mutation CheckIn($meetingId: ID!, $code: String) { checkIn(meetingId: $meetingId, code: $code) { id status } }": types.CheckInDocument,
    "mutation MeetingFeedback($meetingId: ID!, $rating: Int!, $comment: String) { submitMeetingFeedback(meetingId: $meetingId, rating: $rating, comment: $comment) { id } }": types.MeetingFeedbackDocument,
    "query Meetings($first: Int, $after: String, $last: Int, $before: String, $kind: MeetingKind, $status: MeetingStatus, $from: Date, $to: Date) {\n  meetings(first: $first, after: $after, last: $last, before: $before, kind: $kind, status: $status, from: $from, to: $to) {\n    totalCount\n    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    edges { node { id title kind status startsAt location orgUnitName checkInOpen proof { status batchSeq anchor { height } } } }\n  }\n}": types.MeetingsDocument,
    "query Compliance($unitId: ID!, $from: Date!, $to: Date!) {\n  meetingCompliance(unitId: $unitId, period: { from: $from, to: $to }) {\n    from to\n    rows { unitId unit { name } kind cadence required held met due overdue nextDeadline compliant appraised talkedWith toTalkWith }\n    totals { kind cadence branches required held met due overdue nextDeadline compliant appraised talkedWith toTalkWith }\n  }\n}": types.ComplianceDocument,
    "mutation Plan($input: PlanMeetingInput!) { planMeeting(input: $input) { id } }": types.PlanDocument,
    "mutation Past($input: PastMeetingInput!) { recordPastMeeting(input: $input) { id } }": types.PastDocument,
    "query Member($id: ID!) {\n  member(id: $id) {\n    ...MemberFields proof { ...ProofFields }\n    developmentHistory { ...StepFields }\n    nextActions { ...ActionFields }\n    pipelineDue { stepNo kind nameZh nameEn dueOn deadline daysLeft status }\n    levelRequests { id kind stepNo nameZh nameEn status requestedAt requestedByName decidedAt decidedByName returnReason decidingUnitName }\n  }\n  me { account { scopeUnit { kind } } }\n  history(type: \"Member\", id: $id, first: 100) { edges { node { version at actor data proof { ...ProofFields } } } }\n}": types.MemberDocument,
    "query People($under: ID) { members(under: $under, stage: FULL, status: ACTIVE, first: 100) { edges { node { id name } } } }": types.PeopleDocument,
    "mutation RecordStep($memberId: ID!, $step: DevelopmentStepKind!, $occurredOn: Date!, $input: DevelopmentStepInput) {\n  recordDevelopmentStep(memberId: $memberId, step: $step, occurredOn: $occurredOn, input: $input) {\n    step { id stepNo nameZh nameEn }\n    warnings { code zh en }\n  }\n}": types.RecordStepDocument,
    "mutation RequestLevelStep($memberId: ID!, $step: DevelopmentStepKind!, $input: DevelopmentStepInput) {\n  requestLevelStep(memberId: $memberId, step: $step, input: $input) { id nameZh nameEn }\n}": types.RequestLevelStepDocument,
    "mutation ImportMembers($unitId: ID!, $rows: [MemberImportRow!]!, $dryRun: Boolean!, $confirmRows: [Int!]) {\n  importMembers(unitId: $unitId, rows: $rows, dryRun: $dryRun, confirmRows: $confirmRows) {\n    dryRun written total okCount errorCount skippedCount\n    rows { row ok skipped duplicateOfRow duplicateOfMemberId likelyDuplicateOfMemberId memberId errors { field message messageZh } }\n  }\n}": types.ImportMembersDocument,
    "query Members($first: Int, $after: String, $last: Int, $before: String, $search: String, $stage: MemberStage, $status: MemberStatus, $under: ID) {\n  members(first: $first, after: $after, last: $last, before: $before, search: $search, stage: $stage, status: $status, under: $under) {\n    totalCount\n    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    edges { node { id name gender stage status partyAgeYears orgUnit { id name } proof { status batchSeq anchor { height } } } }\n  }\n}": types.MembersDocument,
    "query NoticeDetail($id: ID!, $first: Int, $after: String) {\n  notice(id: $id) {\n    id version title body audience roles memberCount publishedAt remindedAt withdrawnAt addressedToMe\n    unitName\n    decision { id title }\n    attachments { sha256 name type size }\n    proof { ...ProofFields }\n    myReceipt { id version readAt acknowledgedAt proof { ...ProofFields } }\n    stats { audience read acknowledged }\n    notAcknowledged(first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { node { accountId name unitName readAt } } }\n  }\n}": types.NoticeDetailDocument,
    "mutation MarkNoticeRead($id: ID!) { markNoticeRead(id: $id) { id readAt } }": types.MarkNoticeReadDocument,
    "mutation AcknowledgeNotice($id: ID!) { acknowledgeNotice(id: $id) { id } }": types.AcknowledgeNoticeDocument,
    "mutation RemindNotice($id: ID!) { remindNotice(id: $id) { reminded } }": types.RemindNoticeDocument,
    "mutation WithdrawNotice($id: ID!) { withdrawNotice(id: $id) { id } }": types.WithdrawNoticeDocument,
    "query MyNotices($unread: Boolean, $first: Int, $after: String, $last: Int, $before: String) {\n  myNotices(unread: $unread, first: $first, after: $after, last: $last, before: $before) {\n    totalCount pageInfo { ...PageFields }\n    edges { node { id title publishedAt withdrawnAt unitName myReceipt { readAt acknowledgedAt } proof { status batchSeq anchor { height } } } }\n  }\n}": types.MyNoticesDocument,
    "query PublishedNotices($first: Int, $after: String, $last: Int, $before: String) {\n  notices(first: $first, after: $after, last: $last, before: $before) {\n    totalCount pageInfo { ...PageFields }\n    edges { node { id title audience roles memberCount publishedAt withdrawnAt unitName stats { audience acknowledged } proof { status batchSeq anchor { height } } } }\n  }\n}": types.PublishedNoticesDocument,
    "query NoticeMembers($first: Int) { members(first: $first, status: ACTIVE) { edges { node { id name orgUnit { name } } } } }": types.NoticeMembersDocument,
    "mutation PublishNotice($input: PublishNoticeInput!) { publishNotice(input: $input) { id } }": types.PublishNoticeDocument,
    "query Oversight($unit: ID, $first: Int, $after: String) {\n  oversight(unitId: $unit) {\n    unit { id name kind }\n    leaf\n    trail { id name kind }\n    term { id termEnd daysLeft }\n    children(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { node {\n        leaf unit { id name kind }\n        stepsDue stepsOverdue requestsWaiting requestsOverdue meetingSlotsOverdue termsEnding termsOverdue\n      } }\n    }\n    steps { stepNo kind nameZh nameEn dueOn daysLeft status member { id name } }\n    requests { status dueOn deadline daysLeft waitingDays request { id stepNo nameZh nameEn status member { id name } } }\n    meetings { kind overdue due }\n    terms { id termEnd daysLeft unit { id name } }\n  }\n}": types.OversightDocument,
    "query Board {\n  APPLICANT: members(stage: APPLICANT, status: ACTIVE, first: 12) { totalCount edges { node { ...BoardCard appliedOn nextActions { ...ActionFields } } } }\n  ACTIVIST: members(stage: ACTIVIST, status: ACTIVE, first: 12) { totalCount edges { node { ...BoardCard activistSince nextActions { ...ActionFields } } } }\n  CANDIDATE: members(stage: CANDIDATE, status: ACTIVE, first: 12) { totalCount edges { node { ...BoardCard candidateSince nextActions { ...ActionFields } } } }\n  PROBATIONARY: members(stage: PROBATIONARY, status: ACTIVE, first: 12) { totalCount edges { node { ...BoardCard probationarySince nextActions { ...ActionFields } } } }\n  FULL: members(stage: FULL, status: ACTIVE, first: 12) { totalCount edges { node { ...BoardCard fullMemberSince } } }\n  pipelineDue(first: 20, withinDays: 30) { totalCount edges { node { ...DueFields member { id name orgUnit { name } } } } }\n  levelRequests(status: [IN_REVIEW, PENDING, RETURNED], first: 10) {\n    totalCount edges { node { id stepNo nameZh nameEn status requestedAt decidedAt decidedByName returnReason decidingUnitName member { id name } } }\n  }\n}": types.BoardDocument,
    "fragment BoardCard on Member { id name orgUnit { name } }": types.BoardCardFragmentDoc,
    "query OverdueIn($unit: ID!, $asOf: Date, $after: String) {\n  orgUnit(id: $unit) { id name }\n  pipelineDue(unitId: $unit, asOf: $asOf, withinDays: 0, status: [OVERDUE, EXPIRED], first: 50, after: $after) { ...OverdueItems }\n}": types.OverdueInDocument,
    "query Overdue($asOf: Date, $after: String) {\n  me { account { scopeUnit { id name } } }\n  pipelineDue(asOf: $asOf, withinDays: 0, status: [OVERDUE, EXPIRED], first: 50, after: $after) { ...OverdueItems }\n}": types.OverdueDocument,
    "fragment OverdueItems on PipelineDueConnection {\n  totalCount pageInfo { hasNextPage endCursor }\n  edges { node { stepNo kind nameZh nameEn dueOn deadline daysLeft status member { id name orgUnit { id name } } } }\n}": types.OverdueItemsFragmentDoc,
    "query ProofBundle($type: String!, $id: ID!, $version: Int) {\n  record(type: $type, id: $id, version: $version) { type id version proof { status bundle } }\n}": types.ProofBundleDocument,
    "mutation SignIn($username: String!, $password: String!) {\n  signIn(username: $username, password: $password) {\n    __typename\n    ... on SignedIn { token expiresAt account { id username displayName role scopeUnitId member { id } } }\n    ... on TotpRequired { challenge expiresAt enrollment { secret otpauthUri } }\n  }\n}": types.SignInDocument,
    "mutation VerifyTotp($challenge: String!, $code: String!) {\n  verifyTotp(challenge: $challenge, code: $code) { token expiresAt account { id username displayName role scopeUnitId member { id } } }\n}": types.VerifyTotpDocument,
    "mutation SignOut { signOut }": types.SignOutDocument,
    "query TransferLetterCheck($code: String!) {\n  transferLetterCheck(code: $code) { status lastValidDay lapsed fromUnitName memberNameMasked proof { ...ProofFields } }\n}": types.TransferLetterCheckDocument,
    "query TransferLetter($id: ID!) {\n  transfer(id: $id) {\n    id version letterNo memberName fromUnitName toUnitName toOrganisation toProvince crossProvince issuedOn lastValidDay status lapsed viaUnitName needsEndorsement endorsedOn verifyCode\n  }\n}": types.TransferLetterDocument,
    "query Transfers($first: Int, $after: String, $last: Int, $before: String, $status: TransferStatus, $direction: TransferDirection, $awaitingEndorsement: Boolean, $dest: String) {\n  transfers(first: $first, after: $after, last: $last, before: $before, status: $status, direction: $direction, awaitingEndorsement: $awaitingEndorsement) {\n    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    edges { node { id letterNo memberName fromUnitName toUnitName toOrganisation crossProvince issuedOn lastValidDay status lapsed receivedOn receiptNo viaUnitName needsEndorsement endorsedOn canCancel verifyCode } }\n  }\n  transferDestinations(search: $dest, first: 50) { edges { node { id name kind province pathNames } } }\n  full: members(first: 100, status: ACTIVE, stage: FULL) { edges { node { id name orgUnit { name } } } }\n  probationary: members(first: 100, status: ACTIVE, stage: PROBATIONARY) { edges { node { id name orgUnit { name } } } }\n}": types.TransfersDocument,
    "mutation IssueTransfer($input: IssueTransferLetterInput!) { issueTransferLetter(input: $input) { id letterNo } }": types.IssueTransferDocument,
    "mutation ReceiveTransfer($id: ID!, $receiptNo: String) { receiveTransfer(id: $id, receiptNo: $receiptNo) { id } }": types.ReceiveTransferDocument,
    "mutation EndorseTransfer($id: ID!) { endorseTransfer(id: $id) { id } }": types.EndorseTransferDocument,
    "mutation CancelTransfer($id: ID!) { cancelTransfer(id: $id) { id } }": types.CancelTransferDocument,
    "mutation ExpireTransfers { expireTransferLetters { id } }": types.ExpireTransfersDocument,
    "query UnitsTree($under: ID) {\n  orgUnits(under: $under, first: 100, maxDepth: 3) {\n    totalCount\n    edges { node { id name code kind level parentId dissolvedOn committee { id form termEnd daysLeft } } }\n  }\n  committeeTermsDue(under: $under, withinDays: 90) { id termEnd daysLeft unit { id name } }\n}": types.UnitsTreeDocument,
    "mutation CreateUnit($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { id } }": types.CreateUnitDocument,
    "query UnitDetail($id: ID!) {\n  orgUnit(id: $id) {\n    id name code kind level parentId dissolvedOn\n    proof { status batchSeq anchor { height } }\n    committee {\n      id form termStart termEnd daysLeft\n      proof { status batchSeq anchor { height } }\n      positions(current: true) { id title memberId memberName startedOn accountId proof { status batchSeq anchor { height } } }\n    }\n  }\n  members(under: $id, stage: FULL, status: ACTIVE, first: 100) { edges { node { id name } } }\n}": types.UnitDetailDocument,
    "mutation RenameUnit($id: ID!, $name: String!) { renameOrgUnit(id: $id, name: $name) { id } }": types.RenameUnitDocument,
    "mutation MoveUnit($id: ID!, $parentId: ID!) { moveOrgUnit(id: $id, parentId: $parentId) { id } }": types.MoveUnitDocument,
    "mutation MergeUnit($id: ID!, $targetId: ID!) { mergeOrgUnit(id: $id, targetId: $targetId) { membersMoved unitsMoved } }": types.MergeUnitDocument,
    "mutation DissolveUnit($id: ID!) { dissolveOrgUnit(id: $id) { id } }": types.DissolveUnitDocument,
    "mutation SetUpCommittee($input: SetUpCommitteeInput!) { setUpCommittee(input: $input) { id } }": types.SetUpCommitteeDocument,
    "mutation AppointPosition($input: AppointCommitteePositionInput!) { appointCommitteePosition(input: $input) { position { id } } }": types.AppointPositionDocument,
    "mutation RelievePosition($id: ID!) { relieveCommitteePosition(id: $id) { id } }": types.RelievePositionDocument,
    "query Vote($id: ID!, $staff: Boolean!) {\n  vote(id: $id) {\n    ...VoteFields\n    orgUnit @include(if: $staff) { id name }\n    eligibleNow @include(if: $staff)\n    rollEntries(first: 100) @include(if: $staff) { totalCount edges { node { id memberId votedAt proof { status batchSeq anchor { height } } } } }\n  }\n}": types.VoteDocument,
    "query Names($under: ID!) { members(under: $under, first: 100) { edges { node { id name } } } }": types.NamesDocument,
    "mutation OpenVote($id: ID!) { openVote(id: $id) { id } }": types.OpenVoteDocument,
    "mutation CloseVote($id: ID!) { closeVote(id: $id) { id } }": types.CloseVoteDocument,
    "mutation CastBallot($voteId: ID!, $choices: [ID!]!) { castBallot(voteId: $voteId, choices: $choices) { receipt receiptHash } }": types.CastBallotDocument,
    "query CheckBallot($voteId: ID!, $receipt: String!) {\n  verifyMyBallot(voteId: $voteId, receipt: $receipt) { verified choices voteStatus ballot { id version choices receiptHash proof { ...ProofFields } } }\n}": types.CheckBallotDocument,
    "query Votes($first: Int, $after: String, $last: Int, $before: String, $status: VoteStatus, $staff: Boolean!) {\n  votes(first: $first, after: $after, last: $last, before: $before, status: $status) {\n    totalCount\n    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    edges { node { id title kind status createdAt closedAt eligibleCount hasVoted orgUnit @include(if: $staff) { name } tally { passed ballotsCast } proof { status batchSeq anchor { height } } } }\n  }\n}": types.VotesDocument,
    "mutation CreateVote($input: CreateVoteInput!) { createVote(input: $input) { id } }": types.CreateVoteDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Dashboard($unitId: ID, $from: Date, $to: Date, $unitsFirst: Int, $unitsOffset: Int) {\n  analytics(unitId: $unitId, from: $from, to: $to) {\n    unitId unitName asOf from to\n    composition { ...CompositionFields }\n    childCount byUnit(first: $unitsFirst, offset: $unitsOffset) { unitId unitName composition { ...CompositionFields } meetings { ...MeetingFigures } }\n    funnel { stages { stage current reached converted conversionRate medianDays } overdueSteps expiredSteps monthly { ...MonthFields } figures }\n    meetings { ...MeetingFigures }\n    learning { completions classHours scored averageScore scoreBands { key count } quizSubmitted quizPassed quizPassRate quizPercentBands { key count } monthly { ...MonthFields } }\n    appraisal { year total byRating { key count } excellentShare }\n    points { year members total bands { key count } top { rank memberId unitId points } monthly { ...MonthFields } }\n    feedback { total byCategory { key count } byStatus { key count } resolved medianResolutionDays monthly { ...MonthFields } }\n    transfers { open expired received cancelled issuedMonthly { ...MonthFields } }\n  }\n}"): typeof import('./graphql').DashboardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment CompositionFields on MemberComposition { total byStage { key count } byGender { key count } byEducation { key count } byAgeBand { key count } figures }"): typeof import('./graphql').CompositionFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment MeetingFigures on MeetingAnalytics { cadence { kind required held meetings rate } attendance { present late excused absent rate } monthly { month key count total } }"): typeof import('./graphql').MeetingFiguresFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment MonthFields on AnalyticsPoint { month key count total }"): typeof import('./graphql').MonthFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DashboardUnits($unitId: ID!, $scope: ID!) {\n  orgUnits(under: $scope, first: 100) { edges { node { id name level } } }\n  orgUnit(id: $unitId) { id name level }\n  scopeUnit: orgUnit(id: $scope) { id level }\n  analyticsSnapshots(unitId: $unitId, first: 10) { id metric title publishedAt inputCount figures proof { status batchSeq } }\n}"): typeof import('./graphql').DashboardUnitsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DashboardCrumbs($unitId: ID!, $p1: Boolean!, $p2: Boolean!, $p3: Boolean!, $p4: Boolean!, $p5: Boolean!, $p6: Boolean!) {\n  orgUnit(id: $unitId) { id name parent @include(if: $p1) { id name parent @include(if: $p2) { id name parent @include(if: $p3) {\n    id name parent @include(if: $p4) { id name parent @include(if: $p5) { id name parent @include(if: $p6) { id name } } } } } }\n  }\n}"): typeof import('./graphql').DashboardCrumbsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Publish($unitId: ID!, $metric: String!, $title: String) { publishAnalyticsSnapshot(unitId: $unitId, metric: $metric, title: $title) { id } }"): typeof import('./graphql').PublishDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DiscussionThread($subjectType: CommentSubject!, $subjectId: ID!, $first: Int, $after: String, $search: String) {\n  comments(subjectType: $subjectType, subjectId: $subjectId, first: $first, after: $after) {\n    totalCount\n    pageInfo { hasNextPage endCursor }\n    edges { node { id version body bodySha256 hiddenAt hiddenReason canHide mine createdAt author { accountId name } mentions { accountId name } proof { ...ProofFields } } }\n  }\n  commentMentionCandidates(subjectType: $subjectType, subjectId: $subjectId, search: $search, first: 10) { accountId name unitName role }\n}"): typeof import('./graphql').DiscussionThreadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PostComment($input: PostCommentInput!) { postComment(input: $input) { id } }"): typeof import('./graphql').PostCommentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation HideComment($id: ID!, $reason: String!) { hideComment(id: $id, reason: $reason) { id } }"): typeof import('./graphql').HideCommentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DuesReportCsv($year: Int) { duesReportCsv(year: $year) }"): typeof import('./graphql').DuesReportCsvDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment DuesStatementFields on DuesStatement {\n  memberId memberName year dueFen paidFen extraFen\n  base { id version year category baseFen fixedFen rateBp monthlyDueFen status checkedOn proof { ...ProofFields } }\n  months { month dueFen paidFen hardship status }\n  payments { id version months monthAmounts extraFen amountFen method reference paidOn receiptNo correctsId correctedBy reason proof { ...ProofFields } }\n}"): typeof import('./graphql').DuesStatementFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DeclareDuesBase($input: DeclareDuesBaseInput!) { declareDuesBase(input: $input) { id status monthlyDueFen } }"): typeof import('./graphql').DeclareDuesBaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment PageFields on PageInfo { hasNextPage hasPreviousPage startCursor endCursor }"): typeof import('./graphql').PageFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment ProofFields on Proof { status batchSeq index anchor { height chainId } bundle }"): typeof import('./graphql').ProofFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment MemberFields on Member {\n  id version name gender birthDate ethnicity education nativePlace occupation stage status statusChangedOn\n  appliedOn activistSince candidateSince probationarySince probationEndsOn probationExtended fullMemberSince partyAgeYears\n  orgUnitId orgUnit { id name kind }\n}"): typeof import('./graphql').MemberFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment RuleFields on PipelineRule { code zh en warning }"): typeof import('./graphql').RuleFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment StepFields on DevelopmentStep {\n  id version seq stepNo kind nameZh nameEn stage occurredOn approval notes\n  warnings { code zh en warning } proof { status batchSeq index anchor { height chainId } bundle }\n}"): typeof import('./graphql').StepFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment ActionFields on PipelineAction {\n  stepNo kind nameZh nameEn stage legalToday notBefore recommendedFrom dueOn deadline blockedBy { code zh en warning }\n}"): typeof import('./graphql').ActionFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment HistoryFields on RecordVersion { version at actor data proof { status batchSeq index anchor { height chainId } bundle } }"): typeof import('./graphql').HistoryFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment MeetingFields on Meeting {\n  id version orgUnitId orgUnitName kind kindZh title agenda location scheduledAt durationMinutes startsAt endsAt\n  status publishedAt startedAt endedAt minutes minutesRecordedAt recordedAfterwards cancelReason checkInOpen proof { status batchSeq index anchor { height chainId } bundle }\n}"): typeof import('./graphql').MeetingFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment TallyFields on VoteTally {\n  id version eligibleCount ballotsCast quorumMet passed results { optionId count elected } ballotsRoot talliedAt proof { status batchSeq index anchor { height chainId } bundle }\n}"): typeof import('./graphql').TallyFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment VoteFields on Vote {\n  id version orgUnitId kind title description status quorumRule majorityRule seats meetingId\n  closesAt openedAt closedAt eligibleCount eligibleRollHash createdAt hasVoted\n  options { id position label candidateId }\n  tally { id version eligibleCount ballotsCast quorumMet passed results { optionId count elected } ballotsRoot talliedAt proof { status batchSeq index anchor { height chainId } bundle } } proof { status batchSeq index anchor { height chainId } bundle }\n}"): typeof import('./graphql').VoteFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment SnapshotFields on AnalyticsSnapshot {\n  id version orgUnitId metric title params figures inputRoot inputCount publishedAt proof { status batchSeq index anchor { height chainId } bundle }\n}"): typeof import('./graphql').SnapshotFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment DueFields on PipelineDueItem { stepNo kind nameZh nameEn dueOn deadline daysLeft status }"): typeof import('./graphql').DueFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NavCounts { inboxCounts { open } unreadNoticeCount }"): typeof import('./graphql').NavCountsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Snapshot($id: ID!) { analyticsSnapshot(id: $id) { ...SnapshotFields } }"): typeof import('./graphql').SnapshotDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SnapshotUnit($id: ID!) { orgUnit(id: $id) { name } }"): typeof import('./graphql').SnapshotUnitDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SnapshotInputs($id: ID!, $first: Int!, $after: String) {\n  analyticsSnapshot(id: $id) { inputs(first: $first, after: $after) { totalCount hasNextPage endCursor nodes { ordinal entityType entityId entityVersion leaf proof { status bundle } } } }\n}"): typeof import('./graphql').SnapshotInputsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Units { orgUnits(first: 100, maxDepth: 3) { edges { node { id name level kind } } } }"): typeof import('./graphql').UnitsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ViewerLevel {\n  me { account { id member { id } scopeUnit { id kind committee { positions(current: true) { title memberId accountId } } } } }\n}"): typeof import('./graphql').ViewerLevelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Accounts($first: Int, $after: String, $last: Int, $before: String, $role: Role, $search: String, $all: Boolean) {\n  accounts(first: $first, after: $after, last: $last, before: $before, role: $role, search: $search, includeDisabled: $all) {\n    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { node { id username displayName role totpEnabled disabledAt lastLoginAt scopeUnit { id name } member { id name } } }\n  }\n  orgUnits(first: 100, maxDepth: 3) { edges { node { id name level } } }\n}"): typeof import('./graphql').AccountsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PickMember($id: ID!) { member(id: $id) { id name orgUnit { name } } }"): typeof import('./graphql').PickMemberDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PickMembers($search: String) { members(first: 30, search: $search) { edges { node { id name orgUnit { name } } } } }"): typeof import('./graphql').PickMembersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateAccount($input: CreateAccountInput!) { createAccount(input: $input) { password account { id username } } }"): typeof import('./graphql').CreateAccountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ChangeAccess($id: ID!, $role: Role, $unit: ID) { changeAccountAccess(id: $id, role: $role, scopeUnitId: $unit) { id username } }"): typeof import('./graphql').ChangeAccessDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Disable($id: ID!) { disableAccount(id: $id) { id username } }"): typeof import('./graphql').DisableDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Enable($id: ID!) { enableAccount(id: $id) { id username } }"): typeof import('./graphql').EnableDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Reset($id: ID!, $totp: Boolean) { resetPassword(id: $id, resetTotp: $totp) { password account { id username } } }"): typeof import('./graphql').ResetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AdminMirrors($first: Int, $after: String) {\n  mirrors(first: $first, after: $after) {\n    totalCount staleAfterMinutes pageInfo { hasNextPage endCursor }\n    edges { node {\n      keyId keyName keyPrefix unitId unitName state reportedAt position centreHeadPosition recordsBehind recordsBehindCapped openAlerts\n      lastAlert { kind entityType entityId version batchSeq detectedAt }\n    } }\n  }\n}"): typeof import('./graphql').AdminMirrorsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Keys {\n  apiKeys(first: 100, includeRevoked: true) { totalCount edges { node { id name prefix scopes createdAt lastUsedAt expiresAt revokedAt unit { id name } } } }\n  orgUnits(first: 100, maxDepth: 2) { edges { node { id name level } } }\n  partnerScopes\n}"): typeof import('./graphql').KeysDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { id name prefix } } }"): typeof import('./graphql').CreateKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RevokeKey($id: ID!) { revokeApiKey(id: $id) { id name revokedAt } }"): typeof import('./graphql').RevokeKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Alerts($first: Int, $after: String, $open: Boolean) {\n  tamperAlerts(first: $first, after: $after, open: $open) {\n    totalCount pageInfo { hasNextPage endCursor }\n    edges { node { id kind entityType entityId batchSeq detail detectedAt resolvedAt } }\n  }\n}"): typeof import('./graphql').AlertsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StaffCampaigns { appraisalCampaigns(first: 50) { totalCount edges { node { id year title status opensOn closesOn orgUnit { name } } } } }"): typeof import('./graphql').StaffCampaignsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MemberCampaigns { appraisalCampaigns(first: 50) { totalCount edges { node { id year title status opensOn closesOn } } } }"): typeof import('./graphql').MemberCampaignsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Branches { orgUnits(first: 100, maxDepth: 3, kind: BRANCH) { edges { node { id name } } } }"): typeof import('./graphql').BranchesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StaffCampaign($id: ID!) { appraisalCampaign(id: $id) {\n  id version year title status excellentCap orgUnit { name }\n  roster { memberId name stage peerTally { excellent qualified basicallyQualified unqualified } }\n  results(first: 100) { edges { node { memberId rating notifiedAt } } }\n} }"): typeof import('./graphql').StaffCampaignDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MemberCampaign($id: ID!) { appraisalCampaign(id: $id) {\n  id version year title status roster { memberId name stage }\n  mySelfAssessment { rating summary }\n} }"): typeof import('./graphql').MemberCampaignDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateCampaign($input: CreateAppraisalCampaignInput!) { createAppraisalCampaign(input: $input) { id } }"): typeof import('./graphql').CreateCampaignDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Open($id: ID!) { openAppraisalCampaign(id: $id) { id } }"): typeof import('./graphql').OpenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Peer($id: ID!) { startPeerAssessment(id: $id) { id } }"): typeof import('./graphql').PeerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Propose($id: ID!, $ratings: [AppraisalRatingInput!]!) { proposeAppraisalRatings(campaignId: $id, ratings: $ratings) { id } }"): typeof import('./graphql').ProposeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Finalise($id: ID!, $ratings: [AppraisalRatingInput!]) { finaliseAppraisalCampaign(campaignId: $id, ratings: $ratings) { id } }"): typeof import('./graphql').FinaliseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Self($id: ID!, $input: SelfAssessmentInput!) { submitSelfAssessment(campaignId: $id, input: $input) { id } }"): typeof import('./graphql').SelfDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PeerAssess($id: ID!, $input: PeerAssessmentInput!) { submitPeerAssessment(campaignId: $id, input: $input) { id } }"): typeof import('./graphql').PeerAssessDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ApprovalScope { me { account { role scopeUnit { id name kind } } } }"): typeof import('./graphql').ApprovalScopeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ApprovalQueue($after: String, $reviewAfter: String) {\n  decision: approvalQueue(first: 25, after: $after, stage: [DECISION]) {\n    totalCount pageInfo { hasNextPage endCursor }\n    edges { node { stage since waitingDays dueOn deadline status daysLeft request { ...LevelRequestRow } } }\n  }\n  review: approvalQueue(first: 25, after: $reviewAfter, stage: [REVIEW]) {\n    totalCount pageInfo { hasNextPage endCursor }\n    edges { node { stage since waitingDays dueOn deadline status daysLeft request { ...LevelRequestRow } } }\n  }\n  levelRequests(status: [IN_REVIEW, PENDING, RETURNED], first: 50) { totalCount edges { node { ...LevelRequestRow } } }\n}"): typeof import('./graphql').ApprovalQueueDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment LevelRequestRow on LevelRequest {\n  id kind stepNo nameZh nameEn status notes requestedAt requestedByName decidedAt decidedByName returnReason\n  decidingUnitName reviewingUnitName reviewedAt reviewedByName reviewNote\n  member { id name orgUnit { id name } }\n}"): typeof import('./graphql').LevelRequestRowFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ApproveLevelRequest($id: ID!, $lateReason: String) { approveLevelRequest(id: $id, lateReason: $lateReason) { request { id nameZh nameEn } } }"): typeof import('./graphql').ApproveLevelRequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ReturnLevelRequest($id: ID!, $reason: String!) { returnLevelRequest(id: $id, reason: $reason) { request { id nameZh nameEn } } }"): typeof import('./graphql').ReturnLevelRequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PassOnLevelRequest($id: ID!, $note: String) { passOnLevelRequest(id: $id, note: $note) { id nameZh nameEn } }"): typeof import('./graphql').PassOnLevelRequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Decision($id: ID!) {\n  decision(id: $id) {\n    id version number title content decidedOn status yesCount noCount abstainCount overdueMilestones orgUnitId orgUnit { id name }\n    vote { id title status eligibleCount options { id label } tally { ballotsCast eligibleCount quorumMet passed results { optionId count } } }\n    milestones { id version title dueOn completedOn status notes overdue overdueDays completedLate owner { id name } proof { ...ProofFields } }\n    proof { ...ProofFields }\n  }\n  history(type: \"Decision\", id: $id, first: 100) { edges { node { version at actor data proof { ...ProofFields } } } }\n}"): typeof import('./graphql').DecisionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Owners($under: ID!) { members(under: $under, status: ACTIVE, first: 100) { edges { node { id name } } } }"): typeof import('./graphql').OwnersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DecisionStatus($id: ID!, $status: DecisionStatus!) { updateDecisionStatus(id: $id, status: $status) { id } }"): typeof import('./graphql').DecisionStatusDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AddMilestone($input: AddMilestoneInput!) { addMilestone(input: $input) { id } }"): typeof import('./graphql').AddMilestoneDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MilestoneStatus($id: ID!, $status: MilestoneStatus!, $on: Date, $notes: String) {\n  updateMilestoneStatus(id: $id, status: $status, on: $on, notes: $notes) { id }\n}"): typeof import('./graphql').MilestoneStatusDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Decisions($first: Int, $after: String, $last: Int, $before: String, $status: DecisionStatus) {\n  decisions(first: $first, after: $after, last: $last, before: $before, status: $status) {\n    totalCount\n    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    edges { node { id number title decidedOn status yesCount noCount abstainCount overdueMilestones orgUnit { name } proof { status batchSeq anchor { height } } } }\n  }\n}"): typeof import('./graphql').DecisionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query V($id: ID!) { vote(id: $id) { id title orgUnitId status closedAt tally { passed } } }"): typeof import('./graphql').VDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateDecision($input: CreateDecisionInput!) { createDecision(input: $input) { id } }"): typeof import('./graphql').CreateDecisionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DuesArrearsList($status: DuesArrearsStatus, $first: Int, $after: String, $last: Int, $before: String) {\n  duesArrearsCases(status: $status, first: $first, after: $after, last: $last, before: $before) {\n    totalCount\n    pageInfo { ...PageFields }\n    edges { node { id memberId memberName fromMonth toMonth months status decisionReason decidedOn createdAt proof { status batchSeq anchor { height } } } }\n  }\n}"): typeof import('./graphql').DuesArrearsListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RaiseDuesArrears { raiseDuesArrearsCases { id } }"): typeof import('./graphql').RaiseDuesArrearsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DecideDuesArrears($id: ID!, $decision: DuesArrearsDecision!, $reason: String!) { decideDuesArrearsCase(id: $id, decision: $decision, reason: $reason) { id status } }"): typeof import('./graphql').DecideDuesArrearsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DuesBasesList($year: Int, $status: DuesBaseStatus, $first: Int, $after: String, $last: Int, $before: String) {\n  duesBases(year: $year, status: $status, first: $first, after: $after, last: $last, before: $before) {\n    totalCount\n    pageInfo { ...PageFields }\n    edges { node { id version memberId memberName year category baseFen fixedFen rateBp monthlyDueFen status checkedOn proof { status batchSeq anchor { height } } } }\n  }\n  full: members(first: 100, status: ACTIVE, stage: FULL) { edges { node { id name } } }\n  probationary: members(first: 100, status: ACTIVE, stage: PROBATIONARY) { edges { node { id name } } }\n}"): typeof import('./graphql').DuesBasesListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CheckDuesBaseInList($id: ID!) { checkDuesBase(id: $id) { id status } }"): typeof import('./graphql').CheckDuesBaseInListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DuesHardshipsList($scope: ID!, $status: DuesHardshipStatus, $first: Int, $after: String, $last: Int, $before: String) {\n  duesHardships(status: $status, first: $first, after: $after, last: $last, before: $before) {\n    totalCount\n    pageInfo { ...PageFields }\n    edges { node { id memberId memberName kind reducedFen fromMonth toMonth reason branchDecision status decidedOn decisionNote proof { status batchSeq anchor { height } } } }\n  }\n  scope: orgUnit(id: $scope) { kind }\n  full: members(first: 100, status: ACTIVE, stage: FULL) { edges { node { id name } } }\n  probationary: members(first: 100, status: ACTIVE, stage: PROBATIONARY) { edges { node { id name } } }\n}"): typeof import('./graphql').DuesHardshipsListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ProposeDuesHardship($input: ProposeDuesHardshipInput!) { proposeDuesHardship(input: $input) { id } }"): typeof import('./graphql').ProposeDuesHardshipDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DecideDuesHardship($id: ID!, $approve: Boolean!, $note: String) { decideDuesHardship(id: $id, approve: $approve, note: $note) { id status } }"): typeof import('./graphql').DecideDuesHardshipDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MemberDues($memberId: ID!, $year: Int) { duesStatement(memberId: $memberId, year: $year) { ...DuesStatementFields } }"): typeof import('./graphql').MemberDuesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RecordDuesPayment($input: RecordDuesPaymentInput!) { recordDuesPayment(input: $input) { id receiptNo } }"): typeof import('./graphql').RecordDuesPaymentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CorrectDuesPayment($id: ID!, $reason: String!) { correctDuesPayment(paymentId: $id, reason: $reason) { id receiptNo } }"): typeof import('./graphql').CorrectDuesPaymentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CheckDuesBase($id: ID!) { checkDuesBase(id: $id) { id status } }"): typeof import('./graphql').CheckDuesBaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DuesMembersList($year: Int, $onlyInArrears: Boolean, $first: Int, $after: String, $last: Int, $before: String) {\n  duesMembers(year: $year, onlyInArrears: $onlyInArrears, first: $first, after: $after, last: $last, before: $before) {\n    totalCount\n    pageInfo { ...PageFields }\n    edges { node { memberId memberName unitName category monthlyDueFen baseStatus dueFen paidFen unpaidMonths consecutiveUnpaidMonths openCaseId openCaseFromMonth openCaseMonths } }\n  }\n}"): typeof import('./graphql').DuesMembersListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DuesOverview($month: String) {\n  duesSummary(month: $month) { month trackedMembers dueFen collectedFen collectionRateBp paidMembers unpaidMembers membersInArrears openArrearsCases }\n}"): typeof import('./graphql').DuesOverviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DuesPaymentsList($memberId: ID, $first: Int, $after: String, $last: Int, $before: String) {\n  duesPayments(memberId: $memberId, first: $first, after: $after, last: $last, before: $before) {\n    totalCount pageInfo { ...PageFields }\n    edges { node { id memberId memberName months amountFen extraFen method reference paidOn receiptNo correctsId correctedBy proof { status batchSeq anchor { height } } } }\n  }\n  full: members(first: 100, status: ACTIVE, stage: FULL) { edges { node { id name } } }\n  probationary: members(first: 100, status: ACTIVE, stage: PROBATIONARY) { edges { node { id name } } }\n}"): typeof import('./graphql').DuesPaymentsListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DuesRemittancesList($status: DuesRemittanceStatus, $first: Int, $after: String, $last: Int, $before: String) {\n  duesRemittances(status: $status, first: $first, after: $after, last: $last, before: $before) {\n    totalCount\n    pageInfo { ...PageFields }\n    edges { node { id orgUnitId unitName toUnitId toUnitName month paymentCount memberCount amountFen status confirmedOn receiptNo proof { status batchSeq anchor { height } } } }\n  }\n}"): typeof import('./graphql').DuesRemittancesListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SubmitDuesRemittance($unitId: ID!, $month: String!) { submitDuesRemittance(unitId: $unitId, month: $month) { id amountFen } }"): typeof import('./graphql').SubmitDuesRemittanceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConfirmDuesRemittance($id: ID!, $receiptNo: String!) { confirmDuesRemittance(id: $id, receiptNo: $receiptNo) { id status } }"): typeof import('./graphql').ConfirmDuesRemittanceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Feedback($first: Int, $after: String, $last: Int, $before: String, $status: FeedbackStatus) {\n  memberFeedback(first: $first, after: $after, last: $last, before: $before, status: $status) {\n    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    edges { node { id version category topic content status nextStatuses submittedAt response respondedAt orgUnit { name } } }\n  }\n}"): typeof import('./graphql').FeedbackDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Respond($id: ID!, $status: FeedbackStatus!, $response: String, $v: Int) { respondToFeedback(id: $id, status: $status, response: $response, expectedVersion: $v) { id } }"): typeof import('./graphql').RespondDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyFeedback($first: Int, $after: String, $last: Int, $before: String, $status: FeedbackStatus) {\n  myFeedback(first: $first, after: $after, last: $last, before: $before, status: $status) {\n    totalCount pageInfo { ...PageFields }\n    edges { node { id version category topic content status submittedAt response respondedAt proof { ...ProofFields } } }\n  }\n}"): typeof import('./graphql').MyFeedbackDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SubmitFeedback($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { id } }"): typeof import('./graphql').SubmitFeedbackDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query InboxPage($open: Boolean, $first: Int, $after: String) {\n  inbox(open: $open, first: $first, after: $after) {\n    totalCount\n    pageInfo { hasNextPage endCursor }\n    edges { node { id kind title occasionName { zh en } link dueAt createdAt readAt doneAt } }\n  }\n  inboxCounts { open unread }\n  emailPreferences { email preferences { kind mode } }\n}"): typeof import('./graphql').InboxPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation InboxMarkRead($ids: [ID!]!) { markInboxRead(ids: $ids) { id readAt } }"): typeof import('./graphql').InboxMarkReadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation InboxSetEmail($email: String) { setMyEmail(email: $email) { email } }"): typeof import('./graphql').InboxSetEmailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation InboxSetMode($kind: InboxKind!, $mode: EmailMode!) { setEmailPreference(kind: $kind, mode: $mode) { email } }"): typeof import('./graphql').InboxSetModeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Attempt($id: ID!) {\n  quizAttempt(id: $id) {\n    id version attemptNo status score maxScore passed startedAt finishedAt deadlineAt secondsLeft timeLimitSeconds\n    quiz { id title passScore courseId }\n    questions { id kind prompt options points }\n    results { chosen correct earned explanation isCorrect points question { id prompt options kind } }\n    proof { ...ProofFields }\n  }\n}"): typeof import('./graphql').AttemptDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Ids($id: ID!) { quizAttempt(id: $id) { questionIds secondsLeft } }"): typeof import('./graphql').IdsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SubmitAttempt($attemptId: ID!, $answers: [QuizAnswerInput!]!) { submitQuizAttempt(attemptId: $attemptId, answers: $answers) { id status } }"): typeof import('./graphql').SubmitAttemptDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Course($id: ID!) {\n  course(id: $id) {\n    id title description category classHours mandatory orgUnitName publishedAt status\n    myCompletion { id version completedAt classHours score proof { ...ProofFields } }\n    resources(first: 100) { edges { node { id title kind uri durationMinutes position contentHash } } }\n  }\n}"): typeof import('./graphql').CourseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CourseQuizzes($id: ID!) {\n  quizzes(courseId: $id, first: 10) {\n    edges { node { id title status questionCount timeLimitSeconds passScore maxAttempts attemptsLeft opensAt closesAt\n      myAttempts(first: 20) { edges { node { id attemptNo status score maxScore passed deadlineAt } } } } }\n  }\n}"): typeof import('./graphql').CourseQuizzesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Complete($courseId: ID!, $resourceIds: [ID!]) { completeCourse(courseId: $courseId, resourceIds: $resourceIds) { id } }"): typeof import('./graphql').CompleteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Start($quizId: ID!) { startQuizAttempt(quizId: $quizId) { id } }"): typeof import('./graphql').StartDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Courses($first: Int, $after: String, $last: Int, $before: String, $search: String) {\n  courses(status: PUBLISHED, search: $search, first: $first, after: $after, last: $last, before: $before) {\n    totalCount pageInfo { ...PageFields }\n    edges { node { id title description category classHours mandatory orgUnitName publishedAt\n      myCompletion { id completedAt } resources(first: 1) { totalCount } } }\n  }\n}"): typeof import('./graphql').CoursesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CourseMaterial($id: ID!) {\n  course(id: $id) { id title resources(first: 100) { edges { node { id title kind uri durationMinutes position contentHash } } } }\n}"): typeof import('./graphql').CourseMaterialDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyAppraisal($first: Int, $after: String, $last: Int, $before: String) {\n  myAppraisalResults(first: $first, after: $after, last: $last, before: $before) {\n    totalCount pageInfo { ...PageFields }\n    edges { node { id version rating ratingZh decidedAt notifiedAt\n      peerSummary { excellent qualified basicallyQualified unqualified total }\n      campaign { id title year } proof { ...ProofFields } } }\n  }\n}"): typeof import('./graphql').MyAppraisalDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyBallotVotes { votes(first: 100) { totalCount edges { node { id title status hasVoted closedAt options { id label position } } } } }"): typeof import('./graphql').MyBallotVotesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Check($voteId: ID!, $receipt: String!) {\n  verifyMyBallot(voteId: $voteId, receipt: $receipt) { verified voteStatus choices ballot { id version voteId choices receiptHash proof { ...ProofFields } } }\n}"): typeof import('./graphql').CheckDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query BranchDecision($id: ID!) {\n  decision(id: $id) {\n    id number title content decidedOn status yesCount noCount abstainCount overdueMilestones proof { status batchSeq anchor { height } }\n    milestones { id title dueOn completedOn status overdue overdueDays proof { status batchSeq anchor { height } } }\n  }\n}"): typeof import('./graphql').BranchDecisionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query BranchDecisions($first: Int, $after: String, $last: Int, $before: String) {\n  decisions(first: $first, after: $after, last: $last, before: $before) {\n    totalCount pageInfo { ...PageFields }\n    edges { node { id number title content decidedOn status yesCount noCount abstainCount overdueMilestones proof { status batchSeq anchor { height } }\n      milestones { id title dueOn completedOn status overdue overdueDays proof { status batchSeq anchor { height } } } } }\n  }\n}"): typeof import('./graphql').BranchDecisionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyDues($year: Int) { duesStatement(year: $year) { ...DuesStatementFields } }"): typeof import('./graphql').MyDuesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyLearning($c: Int, $cAfter: String, $cl: Int, $cBefore: String, $a: Int, $aAfter: String, $al: Int, $aBefore: String) {\n  courseCompletions(first: $c, after: $cAfter, last: $cl, before: $cBefore) {\n    totalCount pageInfo { ...PageFields }\n    edges { node { id version completedAt classHours score course { id title } proof { ...ProofFields } } }\n  }\n  myQuizAttempts(first: $a, after: $aAfter, last: $al, before: $aBefore) {\n    totalCount pageInfo { ...PageFields }\n    edges { node { id version attemptNo status score maxScore passed startedAt finishedAt quiz { id title passScore courseId } proof { ...ProofFields } } }\n  }\n}"): typeof import('./graphql').MyLearningDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyAttendance($memberId: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n  memberAttendance(memberId: $memberId, first: $first, after: $after, last: $last, before: $before) {\n    totalCount pageInfo { ...PageFields }\n    edges { node { id version status checkedInAt method note\n      meeting { id title kind kindZh startsAt orgUnitName } proof { ...ProofFields } } }\n  }\n}"): typeof import('./graphql').MyAttendanceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyPointsTotal { memberPointsTotal { total entryCount entries { id version points occurredOn } } }"): typeof import('./graphql').MyPointsTotalDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Ledger($after: String) {\n  pointsLedger(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id version proof { bundle } } } }\n}"): typeof import('./graphql').LedgerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyPoints($first: Int, $after: String, $last: Int, $before: String) {\n  memberPointsTotal { total entryCount }\n  pointsLedger(first: $first, after: $after, last: $last, before: $before) {\n    totalCount pageInfo { ...PageFields }\n    edges { node { id version points netPoints occurredOn reason correctsId sourceType\n      rule { id code name points revision } proof { ...ProofFields } } }\n  }\n}"): typeof import('./graphql').MyPointsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyRecords($id: ID!) {\n  me { account { ...MyAccount member {\n    ...MemberFields proof { ...ProofRefFields }\n    developmentHistory { id version seq stepNo kind nameZh nameEn stage occurredOn approval notes warnings { code zh en warning } proof { ...ProofRefFields } }\n  } } }\n  history(type: \"Member\", id: $id, first: 100) { edges { node { version at actor data proof { ...ProofRefFields } } } }\n}"): typeof import('./graphql').MyRecordsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment ProofRefFields on Proof { status batchSeq index anchor { height chainId } ref }"): typeof import('./graphql').ProofRefFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyRecordsBundles($id: ID!) {\n  me { account { member { proof { ...ProofFields } developmentHistory { id proof { ...ProofFields } } } } }\n  history(type: \"Member\", id: $id, first: 100) { edges { node { version proof { ...ProofFields } } } }\n}"): typeof import('./graphql').MyRecordsBundlesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment MyAccount on Account {\n  id username displayName role lastLoginAt scopeUnit { id name kind }\n  sessions(first: 10) { edges { node { id createdAt lastSeenAt expiresAt userAgent current secondFactor } } }\n}"): typeof import('./graphql').MyAccountFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyDue($today: Date!) {\n  votes(status: OPEN, first: 50) { edges { node { id title status hasVoted closesAt } } }\n  meetings(from: $today, first: 50) { edges { node { id title status startsAt location } } }\n  courses(status: PUBLISHED, first: 100) { edges { node { id title mandatory myCompletion { id } } } }\n}"): typeof import('./graphql').MyDueDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Me { me { account { ...MyAccount } } }"): typeof import('./graphql').MeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Revoke($id: ID!) { revokeSession(id: $id) { id revokedAt } }"): typeof import('./graphql').RevokeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Meeting($id: ID!, $staff: Boolean!) {\n  meeting(id: $id) {\n    ...MeetingFields\n    minutesAttachments { sha256 name type size }\n    myRegistration { id status registeredAt }\n    myAttendance { id version status method checkedInAt proof { ...ProofFields } }\n    myFeedback { id rating comment }\n    registrations(first: 100) @include(if: $staff) { totalCount edges { node { id status registeredAt member { id name } proof { status batchSeq anchor { height } } } } }\n    attendances(first: 100) @include(if: $staff) { totalCount edges { node { id status method checkedInAt note member { id name } proof { status batchSeq anchor { height } } } } }\n    feedback(first: 100) @include(if: $staff) { totalCount edges { node { id rating comment createdAt member { id name } proof { status batchSeq anchor { height } } } } }\n  }\n}"): typeof import('./graphql').MeetingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Roster($under: ID!) { members(under: $under, status: ACTIVE, first: 100) { totalCount edges { node { id name stage } } } }"): typeof import('./graphql').RosterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PublishMeeting($id: ID!) { publishMeeting(id: $id) { id } }"): typeof import('./graphql').PublishMeetingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateMeeting($id: ID!, $input: UpdateMeetingInput!) { updateMeeting(id: $id, input: $input) { id } }"): typeof import('./graphql').UpdateMeetingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation EndMeeting($id: ID!) { endMeeting(id: $id) { id } }"): typeof import('./graphql').EndMeetingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CancelMeeting($id: ID!, $reason: String!) { cancelMeeting(id: $id, reason: $reason) { id } }"): typeof import('./graphql').CancelMeetingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OpenCheckIn($id: ID!, $validMinutes: Int) { openCheckIn(id: $id, validMinutes: $validMinutes) { code qrPayload expiresAt } }"): typeof import('./graphql').OpenCheckInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RecordAttendance($meetingId: ID!, $entries: [AttendanceEntryInput!]!) { recordAttendance(meetingId: $meetingId, entries: $entries) { id } }"): typeof import('./graphql').RecordAttendanceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RecordMinutes($id: ID!, $minutes: String!, $attachments: [AttachmentInput!]) { recordMinutes(id: $id, minutes: $minutes, attachments: $attachments) { id } }"): typeof import('./graphql').RecordMinutesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RegisterForMeeting($meetingId: ID!) { registerForMeeting(meetingId: $meetingId) { id } }"): typeof import('./graphql').RegisterForMeetingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CheckIn($meetingId: ID!, $code: String) { checkIn(meetingId: $meetingId, code: $code) { id status } }"): typeof import('./graphql').CheckInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MeetingFeedback($meetingId: ID!, $rating: Int!, $comment: String) { submitMeetingFeedback(meetingId: $meetingId, rating: $rating, comment: $comment) { id } }"): typeof import('./graphql').MeetingFeedbackDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Meetings($first: Int, $after: String, $last: Int, $before: String, $kind: MeetingKind, $status: MeetingStatus, $from: Date, $to: Date) {\n  meetings(first: $first, after: $after, last: $last, before: $before, kind: $kind, status: $status, from: $from, to: $to) {\n    totalCount\n    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    edges { node { id title kind status startsAt location orgUnitName checkInOpen proof { status batchSeq anchor { height } } } }\n  }\n}"): typeof import('./graphql').MeetingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Compliance($unitId: ID!, $from: Date!, $to: Date!) {\n  meetingCompliance(unitId: $unitId, period: { from: $from, to: $to }) {\n    from to\n    rows { unitId unit { name } kind cadence required held met due overdue nextDeadline compliant appraised talkedWith toTalkWith }\n    totals { kind cadence branches required held met due overdue nextDeadline compliant appraised talkedWith toTalkWith }\n  }\n}"): typeof import('./graphql').ComplianceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Plan($input: PlanMeetingInput!) { planMeeting(input: $input) { id } }"): typeof import('./graphql').PlanDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Past($input: PastMeetingInput!) { recordPastMeeting(input: $input) { id } }"): typeof import('./graphql').PastDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Member($id: ID!) {\n  member(id: $id) {\n    ...MemberFields proof { ...ProofFields }\n    developmentHistory { ...StepFields }\n    nextActions { ...ActionFields }\n    pipelineDue { stepNo kind nameZh nameEn dueOn deadline daysLeft status }\n    levelRequests { id kind stepNo nameZh nameEn status requestedAt requestedByName decidedAt decidedByName returnReason decidingUnitName }\n  }\n  me { account { scopeUnit { kind } } }\n  history(type: \"Member\", id: $id, first: 100) { edges { node { version at actor data proof { ...ProofFields } } } }\n}"): typeof import('./graphql').MemberDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query People($under: ID) { members(under: $under, stage: FULL, status: ACTIVE, first: 100) { edges { node { id name } } } }"): typeof import('./graphql').PeopleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RecordStep($memberId: ID!, $step: DevelopmentStepKind!, $occurredOn: Date!, $input: DevelopmentStepInput) {\n  recordDevelopmentStep(memberId: $memberId, step: $step, occurredOn: $occurredOn, input: $input) {\n    step { id stepNo nameZh nameEn }\n    warnings { code zh en }\n  }\n}"): typeof import('./graphql').RecordStepDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RequestLevelStep($memberId: ID!, $step: DevelopmentStepKind!, $input: DevelopmentStepInput) {\n  requestLevelStep(memberId: $memberId, step: $step, input: $input) { id nameZh nameEn }\n}"): typeof import('./graphql').RequestLevelStepDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ImportMembers($unitId: ID!, $rows: [MemberImportRow!]!, $dryRun: Boolean!, $confirmRows: [Int!]) {\n  importMembers(unitId: $unitId, rows: $rows, dryRun: $dryRun, confirmRows: $confirmRows) {\n    dryRun written total okCount errorCount skippedCount\n    rows { row ok skipped duplicateOfRow duplicateOfMemberId likelyDuplicateOfMemberId memberId errors { field message messageZh } }\n  }\n}"): typeof import('./graphql').ImportMembersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Members($first: Int, $after: String, $last: Int, $before: String, $search: String, $stage: MemberStage, $status: MemberStatus, $under: ID) {\n  members(first: $first, after: $after, last: $last, before: $before, search: $search, stage: $stage, status: $status, under: $under) {\n    totalCount\n    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    edges { node { id name gender stage status partyAgeYears orgUnit { id name } proof { status batchSeq anchor { height } } } }\n  }\n}"): typeof import('./graphql').MembersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NoticeDetail($id: ID!, $first: Int, $after: String) {\n  notice(id: $id) {\n    id version title body audience roles memberCount publishedAt remindedAt withdrawnAt addressedToMe\n    unitName\n    decision { id title }\n    attachments { sha256 name type size }\n    proof { ...ProofFields }\n    myReceipt { id version readAt acknowledgedAt proof { ...ProofFields } }\n    stats { audience read acknowledged }\n    notAcknowledged(first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { node { accountId name unitName readAt } } }\n  }\n}"): typeof import('./graphql').NoticeDetailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MarkNoticeRead($id: ID!) { markNoticeRead(id: $id) { id readAt } }"): typeof import('./graphql').MarkNoticeReadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AcknowledgeNotice($id: ID!) { acknowledgeNotice(id: $id) { id } }"): typeof import('./graphql').AcknowledgeNoticeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RemindNotice($id: ID!) { remindNotice(id: $id) { reminded } }"): typeof import('./graphql').RemindNoticeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation WithdrawNotice($id: ID!) { withdrawNotice(id: $id) { id } }"): typeof import('./graphql').WithdrawNoticeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyNotices($unread: Boolean, $first: Int, $after: String, $last: Int, $before: String) {\n  myNotices(unread: $unread, first: $first, after: $after, last: $last, before: $before) {\n    totalCount pageInfo { ...PageFields }\n    edges { node { id title publishedAt withdrawnAt unitName myReceipt { readAt acknowledgedAt } proof { status batchSeq anchor { height } } } }\n  }\n}"): typeof import('./graphql').MyNoticesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PublishedNotices($first: Int, $after: String, $last: Int, $before: String) {\n  notices(first: $first, after: $after, last: $last, before: $before) {\n    totalCount pageInfo { ...PageFields }\n    edges { node { id title audience roles memberCount publishedAt withdrawnAt unitName stats { audience acknowledged } proof { status batchSeq anchor { height } } } }\n  }\n}"): typeof import('./graphql').PublishedNoticesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NoticeMembers($first: Int) { members(first: $first, status: ACTIVE) { edges { node { id name orgUnit { name } } } } }"): typeof import('./graphql').NoticeMembersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PublishNotice($input: PublishNoticeInput!) { publishNotice(input: $input) { id } }"): typeof import('./graphql').PublishNoticeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Oversight($unit: ID, $first: Int, $after: String) {\n  oversight(unitId: $unit) {\n    unit { id name kind }\n    leaf\n    trail { id name kind }\n    term { id termEnd daysLeft }\n    children(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { node {\n        leaf unit { id name kind }\n        stepsDue stepsOverdue requestsWaiting requestsOverdue meetingSlotsOverdue termsEnding termsOverdue\n      } }\n    }\n    steps { stepNo kind nameZh nameEn dueOn daysLeft status member { id name } }\n    requests { status dueOn deadline daysLeft waitingDays request { id stepNo nameZh nameEn status member { id name } } }\n    meetings { kind overdue due }\n    terms { id termEnd daysLeft unit { id name } }\n  }\n}"): typeof import('./graphql').OversightDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Board {\n  APPLICANT: members(stage: APPLICANT, status: ACTIVE, first: 12) { totalCount edges { node { ...BoardCard appliedOn nextActions { ...ActionFields } } } }\n  ACTIVIST: members(stage: ACTIVIST, status: ACTIVE, first: 12) { totalCount edges { node { ...BoardCard activistSince nextActions { ...ActionFields } } } }\n  CANDIDATE: members(stage: CANDIDATE, status: ACTIVE, first: 12) { totalCount edges { node { ...BoardCard candidateSince nextActions { ...ActionFields } } } }\n  PROBATIONARY: members(stage: PROBATIONARY, status: ACTIVE, first: 12) { totalCount edges { node { ...BoardCard probationarySince nextActions { ...ActionFields } } } }\n  FULL: members(stage: FULL, status: ACTIVE, first: 12) { totalCount edges { node { ...BoardCard fullMemberSince } } }\n  pipelineDue(first: 20, withinDays: 30) { totalCount edges { node { ...DueFields member { id name orgUnit { name } } } } }\n  levelRequests(status: [IN_REVIEW, PENDING, RETURNED], first: 10) {\n    totalCount edges { node { id stepNo nameZh nameEn status requestedAt decidedAt decidedByName returnReason decidingUnitName member { id name } } }\n  }\n}"): typeof import('./graphql').BoardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment BoardCard on Member { id name orgUnit { name } }"): typeof import('./graphql').BoardCardFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OverdueIn($unit: ID!, $asOf: Date, $after: String) {\n  orgUnit(id: $unit) { id name }\n  pipelineDue(unitId: $unit, asOf: $asOf, withinDays: 0, status: [OVERDUE, EXPIRED], first: 50, after: $after) { ...OverdueItems }\n}"): typeof import('./graphql').OverdueInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Overdue($asOf: Date, $after: String) {\n  me { account { scopeUnit { id name } } }\n  pipelineDue(asOf: $asOf, withinDays: 0, status: [OVERDUE, EXPIRED], first: 50, after: $after) { ...OverdueItems }\n}"): typeof import('./graphql').OverdueDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment OverdueItems on PipelineDueConnection {\n  totalCount pageInfo { hasNextPage endCursor }\n  edges { node { stepNo kind nameZh nameEn dueOn deadline daysLeft status member { id name orgUnit { id name } } } }\n}"): typeof import('./graphql').OverdueItemsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ProofBundle($type: String!, $id: ID!, $version: Int) {\n  record(type: $type, id: $id, version: $version) { type id version proof { status bundle } }\n}"): typeof import('./graphql').ProofBundleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SignIn($username: String!, $password: String!) {\n  signIn(username: $username, password: $password) {\n    __typename\n    ... on SignedIn { token expiresAt account { id username displayName role scopeUnitId member { id } } }\n    ... on TotpRequired { challenge expiresAt enrollment { secret otpauthUri } }\n  }\n}"): typeof import('./graphql').SignInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation VerifyTotp($challenge: String!, $code: String!) {\n  verifyTotp(challenge: $challenge, code: $code) { token expiresAt account { id username displayName role scopeUnitId member { id } } }\n}"): typeof import('./graphql').VerifyTotpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SignOut { signOut }"): typeof import('./graphql').SignOutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TransferLetterCheck($code: String!) {\n  transferLetterCheck(code: $code) { status lastValidDay lapsed fromUnitName memberNameMasked proof { ...ProofFields } }\n}"): typeof import('./graphql').TransferLetterCheckDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TransferLetter($id: ID!) {\n  transfer(id: $id) {\n    id version letterNo memberName fromUnitName toUnitName toOrganisation toProvince crossProvince issuedOn lastValidDay status lapsed viaUnitName needsEndorsement endorsedOn verifyCode\n  }\n}"): typeof import('./graphql').TransferLetterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Transfers($first: Int, $after: String, $last: Int, $before: String, $status: TransferStatus, $direction: TransferDirection, $awaitingEndorsement: Boolean, $dest: String) {\n  transfers(first: $first, after: $after, last: $last, before: $before, status: $status, direction: $direction, awaitingEndorsement: $awaitingEndorsement) {\n    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    edges { node { id letterNo memberName fromUnitName toUnitName toOrganisation crossProvince issuedOn lastValidDay status lapsed receivedOn receiptNo viaUnitName needsEndorsement endorsedOn canCancel verifyCode } }\n  }\n  transferDestinations(search: $dest, first: 50) { edges { node { id name kind province pathNames } } }\n  full: members(first: 100, status: ACTIVE, stage: FULL) { edges { node { id name orgUnit { name } } } }\n  probationary: members(first: 100, status: ACTIVE, stage: PROBATIONARY) { edges { node { id name orgUnit { name } } } }\n}"): typeof import('./graphql').TransfersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation IssueTransfer($input: IssueTransferLetterInput!) { issueTransferLetter(input: $input) { id letterNo } }"): typeof import('./graphql').IssueTransferDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ReceiveTransfer($id: ID!, $receiptNo: String) { receiveTransfer(id: $id, receiptNo: $receiptNo) { id } }"): typeof import('./graphql').ReceiveTransferDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation EndorseTransfer($id: ID!) { endorseTransfer(id: $id) { id } }"): typeof import('./graphql').EndorseTransferDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CancelTransfer($id: ID!) { cancelTransfer(id: $id) { id } }"): typeof import('./graphql').CancelTransferDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ExpireTransfers { expireTransferLetters { id } }"): typeof import('./graphql').ExpireTransfersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UnitsTree($under: ID) {\n  orgUnits(under: $under, first: 100, maxDepth: 3) {\n    totalCount\n    edges { node { id name code kind level parentId dissolvedOn committee { id form termEnd daysLeft } } }\n  }\n  committeeTermsDue(under: $under, withinDays: 90) { id termEnd daysLeft unit { id name } }\n}"): typeof import('./graphql').UnitsTreeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateUnit($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { id } }"): typeof import('./graphql').CreateUnitDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UnitDetail($id: ID!) {\n  orgUnit(id: $id) {\n    id name code kind level parentId dissolvedOn\n    proof { status batchSeq anchor { height } }\n    committee {\n      id form termStart termEnd daysLeft\n      proof { status batchSeq anchor { height } }\n      positions(current: true) { id title memberId memberName startedOn accountId proof { status batchSeq anchor { height } } }\n    }\n  }\n  members(under: $id, stage: FULL, status: ACTIVE, first: 100) { edges { node { id name } } }\n}"): typeof import('./graphql').UnitDetailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RenameUnit($id: ID!, $name: String!) { renameOrgUnit(id: $id, name: $name) { id } }"): typeof import('./graphql').RenameUnitDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MoveUnit($id: ID!, $parentId: ID!) { moveOrgUnit(id: $id, parentId: $parentId) { id } }"): typeof import('./graphql').MoveUnitDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MergeUnit($id: ID!, $targetId: ID!) { mergeOrgUnit(id: $id, targetId: $targetId) { membersMoved unitsMoved } }"): typeof import('./graphql').MergeUnitDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DissolveUnit($id: ID!) { dissolveOrgUnit(id: $id) { id } }"): typeof import('./graphql').DissolveUnitDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SetUpCommittee($input: SetUpCommitteeInput!) { setUpCommittee(input: $input) { id } }"): typeof import('./graphql').SetUpCommitteeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AppointPosition($input: AppointCommitteePositionInput!) { appointCommitteePosition(input: $input) { position { id } } }"): typeof import('./graphql').AppointPositionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RelievePosition($id: ID!) { relieveCommitteePosition(id: $id) { id } }"): typeof import('./graphql').RelievePositionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Vote($id: ID!, $staff: Boolean!) {\n  vote(id: $id) {\n    ...VoteFields\n    orgUnit @include(if: $staff) { id name }\n    eligibleNow @include(if: $staff)\n    rollEntries(first: 100) @include(if: $staff) { totalCount edges { node { id memberId votedAt proof { status batchSeq anchor { height } } } } }\n  }\n}"): typeof import('./graphql').VoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Names($under: ID!) { members(under: $under, first: 100) { edges { node { id name } } } }"): typeof import('./graphql').NamesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OpenVote($id: ID!) { openVote(id: $id) { id } }"): typeof import('./graphql').OpenVoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CloseVote($id: ID!) { closeVote(id: $id) { id } }"): typeof import('./graphql').CloseVoteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CastBallot($voteId: ID!, $choices: [ID!]!) { castBallot(voteId: $voteId, choices: $choices) { receipt receiptHash } }"): typeof import('./graphql').CastBallotDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CheckBallot($voteId: ID!, $receipt: String!) {\n  verifyMyBallot(voteId: $voteId, receipt: $receipt) { verified choices voteStatus ballot { id version choices receiptHash proof { ...ProofFields } } }\n}"): typeof import('./graphql').CheckBallotDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Votes($first: Int, $after: String, $last: Int, $before: String, $status: VoteStatus, $staff: Boolean!) {\n  votes(first: $first, after: $after, last: $last, before: $before, status: $status) {\n    totalCount\n    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n    edges { node { id title kind status createdAt closedAt eligibleCount hasVoted orgUnit @include(if: $staff) { name } tally { passed ballotsCast } proof { status batchSeq anchor { height } } } }\n  }\n}"): typeof import('./graphql').VotesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateVote($input: CreateVoteInput!) { createVote(input: $input) { id } }"): typeof import('./graphql').CreateVoteDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
