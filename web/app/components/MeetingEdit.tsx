// A draft's fields, changed before it is published (the unit stays); the API's field errors are
// shown next to the fields they name, as on the plan form.
import { Form, useNavigation } from 'react-router';
import { useT } from '../i18n/use-t';
import { isoToChinaLocal, MEETING_KINDS, type MeetingNode } from '../lib/meetings';
import type { FormFailure } from '../lib/meetings-form';
import { FieldError, FormAlert, invalidProps } from './MeetingFields';

export function MeetingEdit({ meeting, failure }: { meeting: MeetingNode; failure: FormFailure | null }) {
  const m = useT().meetings;
  const busy = useNavigation().state === 'submitting';
  const field = (name: string, id: string) => invalidProps(failure, 'update', name, id);
  return (
    <details className="card" open={failure?.intent === 'update'} data-testid="meeting-edit">
      <summary>
        <strong>{m.edit}</strong>
      </summary>
      <Form method="post" className="form" noValidate>
        <input type="hidden" name="intent" value="update" />
        <FormAlert result={failure} intent="update" />
        <label htmlFor="edit-kind">{m.kind}</label>
        <select id="edit-kind" name="kind" defaultValue={meeting.kind} {...field('kind', 'edit-kind')}>
          {MEETING_KINDS.map((k) => (
            <option key={k} value={k}>
              {m.kinds[k]}
            </option>
          ))}
        </select>
        <FieldError result={failure} intent="update" name="kind" id="edit-kind" />
        <label htmlFor="edit-title">{m.meetingTitle}</label>
        <input id="edit-title" name="title" maxLength={200} required defaultValue={meeting.title} {...field('title', 'edit-title')} />
        <FieldError result={failure} intent="update" name="title" id="edit-title" />
        <div className="field-row">
          <div className="field">
            <label htmlFor="edit-starts">{m.startsAt}</label>
            <input id="edit-starts" name="startsAt" type="datetime-local" required defaultValue={isoToChinaLocal(meeting.startsAt)} {...field('startsAt', 'edit-starts')} />
            <FieldError result={failure} intent="update" name="startsAt" id="edit-starts" />
          </div>
          <div className="field">
            <label htmlFor="edit-ends">{m.endsAt}</label>
            <input id="edit-ends" name="endsAt" type="datetime-local" required defaultValue={isoToChinaLocal(meeting.endsAt)} {...field('endsAt', 'edit-ends')} />
            <FieldError result={failure} intent="update" name="endsAt" id="edit-ends" />
          </div>
        </div>
        <label htmlFor="edit-place">{m.place}</label>
        <input id="edit-place" name="place" maxLength={200} defaultValue={meeting.location ?? ''} {...field('place', 'edit-place')} />
        <FieldError result={failure} intent="update" name="place" id="edit-place" />
        <label htmlFor="edit-agenda">{m.agenda}</label>
        <textarea id="edit-agenda" name="agenda" rows={4} maxLength={5000} defaultValue={meeting.agenda ?? ''} {...field('agenda', 'edit-agenda')} />
        <FieldError result={failure} intent="update" name="agenda" id="edit-agenda" />
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="save-edit">
          {m.saveEdit}
        </button>
      </Form>
    </details>
  );
}
