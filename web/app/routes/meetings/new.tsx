// Plan a meeting (secretaries and administrators): saved as a draft; or record one that already
// took place (补录) with its minutes, saved as completed. The API's field errors are shown next to
// the fields they name.
import { Form, Link, useLoaderData, useNavigation } from 'react-router';
import { useActionResult } from '../../lib/use-action-result';
import type { Route } from './+types/new';
import pageStyles from '../../components/MeetingVote.css?url';
import { Field, FormAlert } from '../../components/MeetingFields';
import { BackLink } from '../../components/RecordHead';
import { choicesOf, Options, unitChoices } from '../../components/SelectField';
import { useT } from '../../i18n/use-t';
import { MEETING_KINDS } from '../../lib/meetings';
import type { FormFailure } from '../../lib/meetings-form';
import { titleFor } from '../../lib/meta';
import type { loader, action } from './new.server';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: pageStyles }];

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.meetings.planTitle);

export { loader, action } from './new.server';

export default function PlanMeeting() {
  const t = useT();
  const m = t.meetings;
  const { units, defaults, past } = useLoaderData<typeof loader>();
  const result = useActionResult<FormFailure>();
  const busy = useNavigation().state === 'submitting';
  const form = { result, intent: 'plan' };
  return (
    <section className="page narrow-page" aria-labelledby="plan-title">
      <BackLink to="/meetings" label={m.back} />
      <h1 id="plan-title">{past ? m.pastMode : m.planTitle}</h1>
      <p className="lead">{past ? m.pastHint : m.planIntro}</p>
      <p>
        {past ? (
          <Link to="/meetings/new">{m.planTitle}</Link>
        ) : (
          <Link to="/meetings/new?past=1" data-testid="record-past">
            {m.pastMode}
          </Link>
        )}
      </p>
      <Form method="post" className="form card" data-testid="plan-form" noValidate key={String(past)}>
        <FormAlert result={result} intent="plan" />
        {past ? <input type="hidden" name="past" value="on" /> : null}
        <Field form={form} id="plan-kind" name="kind" label={m.kind} as="select" required defaultValue="BRANCH_COMMITTEE">
          <Options choices={choicesOf(MEETING_KINDS, m.kinds)} />
        </Field>
        <Field form={form} id="plan-unit" name="unitId" label={m.planUnit} as="select" required hint={m.planUnitHint}>
          <Options choices={unitChoices(units, (u) => t.unitKinds[u.kind] ?? u.kind)} />
        </Field>
        <Field form={form} id="plan-title-input" name="title" label={m.meetingTitle} maxLength={200} required />
        <div className="field-row">
          <Field boxed form={form} id="plan-starts" name="startsAt" label={m.startsAt} type="datetime-local" required defaultValue={defaults.startsAt} />
          <Field boxed form={form} id="plan-ends" name="endsAt" label={m.endsAt} type="datetime-local" required defaultValue={defaults.endsAt} />
        </div>
        <Field form={form} id="plan-place" name="place" label={m.place} maxLength={200} />
        <Field form={form} id="plan-agenda" name="agenda" label={m.agenda} as="textarea" rows={4} maxLength={5000} />
        {past ? <Field form={form} id="plan-minutes" name="minutes" label={m.minutes} as="textarea" rows={5} maxLength={20000} required /> : null}
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {past ? m.savePast : m.save}
        </button>
      </Form>
    </section>
  );
}
