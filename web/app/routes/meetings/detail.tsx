// One meeting. Secretaries and administrators edit a draft, publish or cancel it, open check-in
// (the code and its QR code shown at once, full-screen for a projector), end it early, record
// everyone's attendance in one form once it has started and the minutes once it has ended, and see
// registrations and feedback; members register, check in with the code and rate it after its end.
import type { ReactNode } from 'react';
import { useLoaderData } from 'react-router';
import { useActionResult } from '../../lib/use-action-result';
import type { Route } from './+types/detail';
import pageStyles from '../../components/MeetingVote.css?url';
import { Card } from '../../components/Card';
import { Discussion } from '../../components/Discussion';
import { Fact } from '../../components/Facts';
import { MeetingAttendanceForm } from '../../components/MeetingAttendance';
import { MeetingCheckIn } from '../../components/MeetingCheckIn';
import { MeetingMemberActions } from '../../components/MeetingMember';
import { MeetingParticipation } from '../../components/MeetingParticipation';
import { MeetingStaffActions } from '../../components/MeetingStaffActions';
import { ProofStatus } from '../../components/ProofStatus';
import { RecordHead } from '../../components/RecordHead';
import { useT } from '../../i18n/use-t';
import { formatDateTime } from '../../lib/format';
import { meetingProvenFields, type CheckInShown } from '../../lib/meetings';
import type { FormResult } from '../../lib/meetings-form';
import { titleFor } from '../../lib/meta';
import type { loader, action } from './detail.server';
import { Attachments } from '../../components/Attachments';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: pageStyles }];

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.meetings.details);

export { loader, action } from './detail.server';

export type MeetingActionResult = FormResult<{ session?: CheckInShown; count?: number; status?: string }>;

export default function MeetingPage() {
  const t = useT();
  const m = t.meetings;
  const { meeting, canWrite, hasMember, roster, times, discussion } = useLoaderData<typeof loader>();
  const result = useActionResult<MeetingActionResult>();
  const failure = result && !result.ok ? result : null;
  const done = result?.ok ? result : null;
  const facts: Array<[string, ReactNode]> = [
    [m.kind, m.kinds[meeting.kind] ?? meeting.kindZh],
    [m.unit, <bdi>{meeting.orgUnitName}</bdi>],
    [m.when, `${formatDateTime(meeting.startsAt)} – ${formatDateTime(meeting.endsAt).slice(11)} (${m.duration(meeting.durationMinutes)})`],
    [m.place, meeting.location ? <bdi>{meeting.location}</bdi> : m.noPlace],
    [m.status, m.statuses[meeting.status] ?? meeting.status],
    ...(meeting.endedAt && meeting.status !== 'CANCELLED' ? ([[m.endedAt, formatDateTime(meeting.endedAt)]] as Array<[string, ReactNode]>) : []),
  ];
  return (
    <section className="page" aria-labelledby="meeting-title">
      <RecordHead
        id="meeting-title"
        back={{ to: '/meetings', label: m.back }}
        title={meeting.title}
        status={{ value: meeting.status, label: m.statuses[meeting.status] ?? meeting.status, testId: 'meeting-status', className: `pill meeting-${meeting.status.toLowerCase()}` }}
      />
      {done ? <Notice intent={done.intent} result={done} /> : null}
      <div className="grid-2">
        <Card titleId="meeting-facts" title={m.details}>
          <ProofStatus
            proof={meeting.proof}
            fields={meetingProvenFields(meeting)}
            what={`${meeting.title} ${t.me.versionN(meeting.version)}`}
            downloadHref={`/proof/Meeting/${meeting.id}/${meeting.version}`}
          />
          {meeting.recordedAfterwards ? (
            <p className="notice" data-testid="recorded-afterwards">
              <span className="pill">{m.recordedAfterwards}</span> {m.recordedAfterwardsNote}
            </p>
          ) : null}
          <dl className="facts">
            {facts.map(([k, v]) => (
              <Fact key={k} label={k}>{v}</Fact>
            ))}
          </dl>
          {meeting.agenda ? (
            <>
              <h3>{m.agenda}</h3>
              <p className="prewrap">
                <bdi>{meeting.agenda}</bdi>
              </p>
            </>
          ) : null}
          {meeting.cancelReason ? (
            <p className="notice" data-testid="cancel-reason">
              {m.cancelledBecause}
              {meeting.cancelReason}
            </p>
          ) : meeting.minutes ? (
            <>
              <h3>{m.minutes}</h3>
              <p className="prewrap" data-testid="minutes-text">
                <bdi>{meeting.minutes}</bdi>
              </p>
              <Attachments list={meeting.minutesAttachments} bundle={meeting.proof.bundle} field="minutesAttachments" />
            </>
          ) : null}
        </Card>
        <div>
          {canWrite ? (
            <MeetingStaffActions meeting={meeting} times={times} failure={failure}>
              {done?.intent === 'open-checkin' && done.session ? <MeetingCheckIn session={done.session} /> : null}
            </MeetingStaffActions>
          ) : null}
          {hasMember ? <MeetingMemberActions meeting={meeting} ended={times.ended} failure={failure} /> : null}
        </div>
      </div>
      {canWrite && roster ? (
        <MeetingAttendanceForm
          roster={roster}
          started={times.started}
          recorded={meeting.attendances?.edges.map((e) => e.node) ?? []}
          failure={failure}
          // Recorded marks are the form's defaults: a new set of marks remounts it with them.
          key={(meeting.attendances?.edges ?? []).map((e) => `${e.node.member.id}:${e.node.status}`).join(',')}
        />
      ) : null}
      {meeting.registrations && meeting.attendances && meeting.feedback ? (
        <MeetingParticipation registrations={meeting.registrations} attendances={meeting.attendances} feedback={meeting.feedback} />
      ) : null}
      <Discussion data={discussion} open={meeting.status === 'COMPLETED'} />
    </section>
  );
}

function Notice({ intent, result }: { intent: string; result: Extract<MeetingActionResult, { ok: true }> }) {
  const m = useT().meetings;
  const text: Record<string, string | undefined> = {
    publish: m.published,
    update: m.edited,
    end: m.meetingEnded,
    cancel: m.cancelled,
    attendance: result.count !== undefined ? m.attendanceSaved(result.count) : undefined,
    minutes: m.minutesSaved,
    register: m.registeredOk,
    checkin: result.status ? m.checkedIn(m.attendance[result.status] ?? result.status) : undefined,
    feedback: m.feedbackSaved,
  };
  const shown = text[intent];
  return shown ? (
    <p className="notice" role="status" data-testid="meeting-notice">
      {shown}
    </p>
  ) : null;
}
