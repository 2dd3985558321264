// A member's own part in a meeting: register while it is published, check in with the code the
// secretary shows, and rate it once after attending — each with its proof where one exists.
import { Form, useNavigation } from 'react-router';
import { useT } from '../i18n/use-t';
import type { ProofNode } from '../lib/fragments';
import type { MeetingNode } from '../lib/meetings';
import type { FormFailure } from '../lib/meetings-form';
import { FieldError, FormAlert, invalidProps } from './MeetingFields';
import { ProofStatus } from './ProofStatus';

interface Mine {
  myRegistration: { id: string; status: string; registeredAt: string } | null;
  myAttendance: { id: string; version: number; status: string; method: string | null; checkedInAt: string | null; proof: ProofNode } | null;
  myFeedback: { id: string; rating: number; comment: string | null } | null;
}

export function MeetingMemberActions({ meeting, ended, failure }: { meeting: MeetingNode & Mine; ended: boolean; failure: FormFailure | null }) {
  const t = useT();
  const m = t.meetings;
  const busy = useNavigation().state === 'submitting';
  const att = meeting.myAttendance;
  const attended = att?.status === 'PRESENT' || att?.status === 'LATE';
  const registered = meeting.myRegistration?.status === 'REGISTERED';
  return (
    <article className="card" aria-labelledby="mine-title" data-testid="meeting-mine">
      <h2 id="mine-title">{m.mine}</h2>
      {meeting.status === 'PUBLISHED' ? (
        registered ? (
          <p>
            <span className="pill pill-pass">{m.registered}</span>
          </p>
        ) : (
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="register" />
            <FormAlert result={failure} intent="register" />
            <button type="submit" className="btn btn-primary" disabled={busy} data-testid="register">
              {m.register}
            </button>
          </Form>
        )
      ) : registered ? (
        <p>
          <span className="pill">{m.registered}</span>
        </p>
      ) : null}
      {att ? (
        <>
          <p data-testid="my-attendance">{m.myAttendance(m.attendance[att.status] ?? att.status)}</p>
          <ProofStatus proof={att.proof} fields={{ status: att.status }} what={`${m.attendanceList} ${t.me.versionN(att.version)}`} downloadHref={`/proof/Attendance/${att.id}/${att.version}`} />
        </>
      ) : null}
      {meeting.status === 'IN_PROGRESS' && !attended ? (
        meeting.checkInOpen ? (
          <Form method="post" className="form" data-testid="checkin-form">
            <input type="hidden" name="intent" value="checkin" />
            <FormAlert result={failure} intent="checkin" />
            <label htmlFor="checkin-code">{m.enterCode}</label>
            <input
              id="checkin-code"
              name="code"
              className="code-input"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="\d{6}"
              maxLength={6}
              required
              aria-describedby="checkin-code-hint"
              {...invalidProps(failure, 'checkin', 'code', 'checkin-code')}
            />
            <span id="checkin-code-hint" className="muted small">
              {m.codeHint}
            </span>
            <FieldError result={failure} intent="checkin" name="code" id="checkin-code" />
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {m.checkInSubmit}
            </button>
          </Form>
        ) : (
          <p className="muted">{m.notOpenYet}</p>
        )
      ) : null}
      {attended && meeting.myFeedback ? <p data-testid="my-feedback">{m.myFeedback(meeting.myFeedback.rating)}</p> : null}
      {/* A meeting is rated once it has ended (the API refuses earlier). */}
      {attended && ended && !meeting.myFeedback && meeting.status !== 'CANCELLED' ? (
        <Form method="post" className="form" data-testid="feedback-form">
          <input type="hidden" name="intent" value="feedback" />
          <FormAlert result={failure} intent="feedback" />
          <fieldset className="checks-inline rating" {...invalidProps(failure, 'feedback', 'rating', 'rating')}>
            <legend>{m.giveFeedback}</legend>
            {[1, 2, 3, 4, 5].map((n) => (
              <label key={n} className="checkbox">
                <input type="radio" name="rating" value={n} required defaultChecked={n === 5} /> {m.ratingN(n)}
              </label>
            ))}
          </fieldset>
          <FieldError result={failure} intent="feedback" name="rating" id="rating" />
          <label htmlFor="feedback-comment">{m.comment}</label>
          <textarea id="feedback-comment" name="comment" rows={2} maxLength={2000} {...invalidProps(failure, 'feedback', 'comment', 'feedback-comment')} />
          <FieldError result={failure} intent="feedback" name="comment" id="feedback-comment" />
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {m.submitFeedback}
          </button>
        </Form>
      ) : null}
    </article>
  );
}
