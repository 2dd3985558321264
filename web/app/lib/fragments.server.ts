// GraphQL fragments shared by several pages' documents. A document names one by its spread
// (`...ProofFields`); GraphQL Code Generator adds the definition to the document it sends and
// types the selection (app/graphql/). The shapes are read through lib/fragments.ts.
import { graphql } from '../graphql';

graphql(`fragment PageFields on PageInfo { hasNextPage hasPreviousPage startCursor endCursor }`);

graphql(`fragment ProofFields on Proof { status batchSeq index anchor { height chainId } bundle }`);

graphql(`fragment MemberFields on Member {
  id version name gender birthDate ethnicity education nativePlace occupation stage status statusChangedOn
  appliedOn activistSince candidateSince probationarySince probationEndsOn probationExtended fullMemberSince partyAgeYears
  orgUnitId orgUnit { id name kind }
}`);

graphql(`fragment RuleFields on PipelineRule { code zh en warning }`);

graphql(`fragment StepFields on DevelopmentStep {
  id version seq stepNo kind nameZh nameEn stage occurredOn approval notes
  warnings { code zh en warning } proof { status batchSeq index anchor { height chainId } bundle }
}`);

graphql(`fragment ActionFields on PipelineAction {
  stepNo kind nameZh nameEn stage legalToday notBefore recommendedFrom dueOn deadline blockedBy { code zh en warning }
}`);

graphql(`fragment HistoryFields on RecordVersion { version at actor data proof { status batchSeq index anchor { height chainId } bundle } }`);

graphql(`fragment MeetingFields on Meeting {
  id version orgUnitId orgUnitName kind kindZh title agenda location scheduledAt durationMinutes startsAt endsAt
  status publishedAt startedAt endedAt minutes minutesRecordedAt recordedAfterwards cancelReason checkInOpen proof { status batchSeq index anchor { height chainId } bundle }
}`);

graphql(`fragment TallyFields on VoteTally {
  id version eligibleCount ballotsCast quorumMet passed results { optionId count elected } ballotsRoot talliedAt proof { status batchSeq index anchor { height chainId } bundle }
}`);

// Members may not read OrgUnit rows: the unit's name is asked for by staff pages only.
graphql(`fragment VoteFields on Vote {
  id version orgUnitId kind title description status quorumRule majorityRule seats meetingId
  closesAt openedAt closedAt eligibleCount eligibleRollHash createdAt hasVoted
  options { id position label candidateId }
  tally { id version eligibleCount ballotsCast quorumMet passed results { optionId count elected } ballotsRoot talliedAt proof { status batchSeq index anchor { height chainId } bundle } } proof { status batchSeq index anchor { height chainId } bundle }
}`);

graphql(`fragment SnapshotFields on AnalyticsSnapshot {
  id version orgUnitId metric title params figures inputRoot inputCount publishedAt proof { status batchSeq index anchor { height chainId } bundle }
}`);

// A development step that is due: one shape for the member page, the pipeline and the overdue list.
graphql(`fragment DueFields on PipelineDueItem { stepNo kind nameZh nameEn dueOn deadline daysLeft status }`);
