// A member's own part in a meeting: register while it is published, check in with the code the
// secretary shows, and rate it once after attending — each with its proof where one exists.
import { useNavigation } from 'react-router';
import { useT } from '../i18n/use-t';
import type { ProofNode } from '../lib/fragments';
import type { MeetingNode } from '../lib/meetings';
import type { FormFailure } from '../lib/meetings-form';
import { ActionForm } from './ActionForm';
import { Card } from './Card';
import { Field, FieldError, FormAlert, invalidProps } from './MeetingFields';
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
    <Card titleId="mine-title" title={m.mine} testId="meeting-mine">
      {meeting.status === 'PUBLISHED' ? (
        registered ? (
          <p>
            <span className="pill pill-pass">{m.registered}</span>
          </p>
        ) : (
          <ActionForm intent="register" label={m.register} buttonClassName="btn btn-primary" busy={busy} testId="register">
            <FormAlert result={failure} intent="register" />
          </ActionForm>
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
          <ActionForm intent="checkin" label={m.checkInSubmit} buttonClassName="btn btn-primary" busy={busy} className="form" formTestId="checkin-form">
            <FormAlert result={failure} intent="checkin" />
            <Field
              form={{ result: failure, intent: 'checkin' }}
              id="checkin-code"
              name="code"
              label={m.enterCode}
              className="code-input"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="\d{6}"
              maxLength={6}
              required
              hint={m.codeHint}
            />
          </ActionForm>
        ) : (
          <p className="muted">{m.notOpenYet}</p>
        )
      ) : null}
      {attended && meeting.myFeedback ? <p data-testid="my-feedback">{m.myFeedback(meeting.myFeedback.rating)}</p> : null}
      {/* A meeting is rated once it has ended (the API refuses earlier). */}
      {attended && ended && !meeting.myFeedback && meeting.status !== 'CANCELLED' ? (
        <ActionForm intent="feedback" label={m.submitFeedback} buttonClassName="btn btn-primary" busy={busy} className="form" formTestId="feedback-form">
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
          <Field form={{ result: failure, intent: 'feedback' }} id="feedback-comment" name="comment" label={m.comment} as="textarea" rows={2} maxLength={2000} />
        </ActionForm>
      ) : null}
    </Card>
  );
}
