// A draft's fields, changed before it is published (the unit stays); the API's field errors are
// shown next to the fields they name, as on the plan form.
import { Form, useNavigation } from 'react-router';
import { useT } from '../i18n/use-t';
import { isoToChinaLocal, MEETING_KINDS, type MeetingNode } from '../lib/meetings';
import type { FormFailure } from '../lib/meetings-form';
import { Field, FormAlert } from './MeetingFields';
import { choicesOf, Options } from './SelectField';

export function MeetingEdit({ meeting, failure }: { meeting: MeetingNode; failure: FormFailure | null }) {
  const m = useT().meetings;
  const busy = useNavigation().state === 'submitting';
  const form = { result: failure, intent: 'update' };
  return (
    <details className="card" open={failure?.intent === 'update'} data-testid="meeting-edit">
      <summary>
        <strong>{m.edit}</strong>
      </summary>
      <Form method="post" className="form" noValidate>
        <input type="hidden" name="intent" value="update" />
        <FormAlert result={failure} intent="update" />
        <Field form={form} id="edit-kind" name="kind" label={m.kind} as="select" defaultValue={meeting.kind}>
          <Options choices={choicesOf(MEETING_KINDS, m.kinds)} />
        </Field>
        <Field form={form} id="edit-title" name="title" label={m.meetingTitle} maxLength={200} required defaultValue={meeting.title} />
        <div className="field-row">
          <Field boxed form={form} id="edit-starts" name="startsAt" label={m.startsAt} type="datetime-local" required defaultValue={isoToChinaLocal(meeting.startsAt)} />
          <Field boxed form={form} id="edit-ends" name="endsAt" label={m.endsAt} type="datetime-local" required defaultValue={isoToChinaLocal(meeting.endsAt)} />
        </div>
        <Field form={form} id="edit-place" name="place" label={m.place} maxLength={200} defaultValue={meeting.location ?? ''} />
        <Field form={form} id="edit-agenda" name="agenda" label={m.agenda} as="textarea" rows={4} maxLength={5000} defaultValue={meeting.agenda ?? ''} />
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="save-edit">
          {m.saveEdit}
        </button>
      </Form>
    </details>
  );
}
