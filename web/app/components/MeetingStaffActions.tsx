// The secretary's actions on one meeting, offered by its status and times: edit, publish or
// cancel a draft (with the reason), open check-in or a new code, end it early, and record the
// minutes once it has ended.
import type { ReactNode } from 'react';
import { Form, useNavigation } from 'react-router';
import { useT } from '../i18n/use-t';
import type { MeetingNode } from '../lib/meetings';
import type { FormFailure } from '../lib/meetings-form';
import { MeetingEdit } from './MeetingEdit';
import { FieldError, FormAlert, invalidProps } from './MeetingFields';

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
        <article className="card" aria-labelledby="publish-title">
          <h2 id="publish-title">{s === 'DRAFT' ? m.publish : m.cancel}</h2>
          <FormAlert result={failure} intent="publish" />
          {s === 'DRAFT' ? (
            <Form method="post" className="inline-form">
              <input type="hidden" name="intent" value="publish" />
              <button type="submit" className="btn btn-primary" disabled={busy} data-testid="publish">
                {m.publish}
              </button>
            </Form>
          ) : null}
          {canCancel ? (
            <details className="cancel-meeting" open={failure?.intent === 'cancel'}>
              <summary>{m.cancel}</summary>
              <Form method="post" className="form">
                <input type="hidden" name="intent" value="cancel" />
                <FormAlert result={failure} intent="cancel" />
                <label htmlFor="cancel-reason">{m.cancelReason}</label>
                <textarea id="cancel-reason" name="reason" rows={2} maxLength={500} required {...invalidProps(failure, 'cancel', 'reason', 'cancel-reason')} />
                <FieldError result={failure} intent="cancel" name="reason" id="cancel-reason" />
                <button type="submit" className="btn btn-danger" disabled={busy}>
                  {m.cancel}
                </button>
              </Form>
            </details>
          ) : null}
        </article>
      ) : null}
      {canCheckIn ? (
        <article className="card" aria-labelledby="checkin-title">
          <h2 id="checkin-title">
            {m.checkIn} {meeting.checkInOpen ? <span className="pill pill-pass">{m.checkInOpenNow}</span> : null}
          </h2>
          <p className="muted small">{m.checkInIntro}</p>
          {children}
          <FormAlert result={failure} intent="open-checkin" />
          <Form method="post" className="form form-inline">
            <input type="hidden" name="intent" value="open-checkin" />
            <div className="field">
              <label htmlFor="valid-minutes">{m.validMinutes}</label>
              <input id="valid-minutes" name="validMinutes" type="number" min={1} max={240} defaultValue={15} inputMode="numeric" {...invalidProps(failure, 'open-checkin', 'validMinutes', 'valid-minutes')} />
              <FieldError result={failure} intent="open-checkin" name="validMinutes" id="valid-minutes" />
            </div>
            <button type="submit" className="btn btn-primary" disabled={busy} data-testid="open-checkin">
              {s === 'IN_PROGRESS' ? m.newCode : m.openCheckIn}
            </button>
          </Form>
        </article>
      ) : null}
      {canEnd ? (
        <article className="card" aria-labelledby="end-title">
          <h2 id="end-title">{m.endMeeting}</h2>
          <p className="muted small">{m.endMeetingIntro}</p>
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="end" />
            <FormAlert result={failure} intent="end" />
            <button type="submit" className="btn" disabled={busy} data-testid="end-meeting">
              {m.endMeeting}
            </button>
          </Form>
        </article>
      ) : null}
      {canMinutes ? (
        <article className="card" aria-labelledby="minutes-title">
          <h2 id="minutes-title">{m.recordMinutes}</h2>
          <p className="muted small">{m.minutesIntro}</p>
          <Form method="post" className="form">
            <input type="hidden" name="intent" value="minutes" />
            <FormAlert result={failure} intent="minutes" />
            <label htmlFor="minutes">{m.minutes}</label>
            <textarea
              id="minutes"
              name="minutes"
              rows={5}
              maxLength={20000}
              required
              defaultValue={meeting.minutes ?? ''}
              {...invalidProps(failure, 'minutes', 'minutes', 'minutes')}
            />
            <FieldError result={failure} intent="minutes" name="minutes" id="minutes" />
            <button type="submit" className="btn btn-primary" disabled={busy} data-testid="save-minutes">
              {m.saveMinutes}
            </button>
          </Form>
        </article>
      ) : null}
    </>
  );
}
