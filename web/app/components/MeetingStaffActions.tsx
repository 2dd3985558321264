// The secretary's actions on one meeting, offered by its status and times: edit, publish or
// cancel a draft (with the reason), open check-in or a new code, end it early, and record the
// minutes once it has ended.
import type { ReactNode } from 'react';
import { useNavigation } from 'react-router';
import { useT } from '../i18n/use-t';
import type { MeetingNode } from '../lib/meetings';
import type { FormFailure } from '../lib/meetings-form';
import { ActionForm } from './ActionForm';
import { AttachmentsField } from './Attachments';
import { MAX_FILES } from '../lib/attachments';
import { Card } from './Card';
import { MeetingEdit } from './MeetingEdit';
import { Field, FormAlert } from './MeetingFields';

export function MeetingStaffActions({
  meeting,
  times,
  failure,
  children,
}: {
  meeting: MeetingNode;
  times: { started: boolean; ended: boolean };
  failure: FormFailure | null;
  children?: ReactNode;
}) {
  const m = useT().meetings;
  const busy = useNavigation().state === 'submitting';
  const s = meeting.status;
  const canCancel = s === 'DRAFT' || s === 'PUBLISHED';
  const under = s === 'PUBLISHED' || s === 'IN_PROGRESS';
  const canCheckIn = under && !times.ended;
  const canEnd = under && times.started && !times.ended;
  const canMinutes = s === 'COMPLETED' || (under && times.ended);
  return (
    <>
      {s === 'DRAFT' ? <MeetingEdit meeting={meeting} failure={failure} /> : null}
      {s === 'DRAFT' || canCancel ? (
        <Card titleId="publish-title" title={s === 'DRAFT' ? m.publish : m.cancel}>
          <FormAlert result={failure} intent="publish" />
          {s === 'DRAFT' ? (
            <ActionForm intent="publish" label={m.publish} buttonClassName="btn btn-primary" busy={busy} testId="publish" />
          ) : null}
          {canCancel ? (
            <details className="cancel-meeting" open={failure?.intent === 'cancel'}>
              <summary>{m.cancel}</summary>
              <ActionForm intent="cancel" label={m.cancel} buttonClassName="btn btn-danger" busy={busy} className="form">
                <FormAlert result={failure} intent="cancel" />
                <Field form={{ result: failure, intent: 'cancel' }} id="cancel-reason" name="reason" label={m.cancelReason} as="textarea" rows={2} maxLength={500} required />
              </ActionForm>
            </details>
          ) : null}
        </Card>
      ) : null}
      {canCheckIn ? (
        <article className="card" aria-labelledby="checkin-title">
          <h2 id="checkin-title">
            {m.checkIn} {meeting.checkInOpen ? <span className="pill pill-pass">{m.checkInOpenNow}</span> : null}
          </h2>
          <p className="muted small">{m.checkInIntro}</p>
          {children}
          <FormAlert result={failure} intent="open-checkin" />
          <ActionForm intent="open-checkin" label={s === 'IN_PROGRESS' ? m.newCode : m.openCheckIn} buttonClassName="btn btn-primary" busy={busy} testId="open-checkin" className="form form-inline">
            <Field boxed form={{ result: failure, intent: 'open-checkin' }} id="valid-minutes" name="validMinutes" label={m.validMinutes} type="number" min={1} max={240} defaultValue={15} inputMode="numeric" />
          </ActionForm>
        </article>
      ) : null}
      {canEnd ? (
        <Card titleId="end-title" title={m.endMeeting} intro={m.endMeetingIntro}>
          <ActionForm intent="end" label={m.endMeeting} buttonClassName="btn" busy={busy} testId="end-meeting">
            <FormAlert result={failure} intent="end" />
          </ActionForm>
        </Card>
      ) : null}
      {canMinutes ? (
        <Card titleId="minutes-title" title={m.recordMinutes} intro={m.minutesIntro}>
          <ActionForm intent="minutes" label={m.saveMinutes} buttonClassName="btn btn-primary" busy={busy} testId="save-minutes" className="form" encType="multipart/form-data">
            <FormAlert result={failure} intent="minutes" />
            <Field form={{ result: failure, intent: 'minutes' }} id="minutes" name="minutes" label={m.minutes} as="textarea" rows={5} maxLength={20000} required defaultValue={meeting.minutes ?? ''} />
            <AttachmentsField form={{ result: failure, intent: 'minutes' }} id="minutes-files" max={MAX_FILES} />
          </ActionForm>
        </Card>
      ) : null}
    </>
  );
}
