// Plan a meeting (secretaries and administrators): saved as a draft; or record one that already
// took place (补录) with its minutes, saved as completed. The API's field errors are shown next to
// the fields they name.
import { Form, Link, useActionData, useLoaderData, useNavigation } from 'react-router';
import type { Route } from './+types/new';
import pageStyles from '../../components/MeetingVote.css?url';
import { FieldError, FormAlert, invalidProps } from '../../components/MeetingFields';
import { Options, unitChoices } from '../../components/SelectField';
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
  const result = useActionData<typeof action>() as FormFailure | undefined;
  const busy = useNavigation().state === 'submitting';
  const field = (name: string, id: string) => ({ ...invalidProps(result, 'plan', name, id) });
  return (
    <section className="page narrow-page" aria-labelledby="plan-title">
      <p>
        <Link to="/meetings">← {m.back}</Link>
      </p>
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
        <label htmlFor="plan-kind">{m.kind}</label>
        <select id="plan-kind" name="kind" required defaultValue="BRANCH_COMMITTEE" {...field('kind', 'plan-kind')}>
          {MEETING_KINDS.map((k) => (
            <option key={k} value={k}>
              {m.kinds[k]}
            </option>
          ))}
        </select>
        <FieldError result={result} intent="plan" name="kind" id="plan-kind" />
        <label htmlFor="plan-unit">{m.planUnit}</label>
        <select id="plan-unit" name="unitId" required aria-describedby="plan-unit-hint" {...field('unitId', 'plan-unit')}>
          <Options choices={unitChoices(units, (u) => t.unitKinds[u.kind] ?? u.kind)} />
        </select>
        <span className="muted small" id="plan-unit-hint">
          {m.planUnitHint}
        </span>
        <FieldError result={result} intent="plan" name="unitId" id="plan-unit" />
        <label htmlFor="plan-title-input">{m.meetingTitle}</label>
        <input id="plan-title-input" name="title" maxLength={200} required {...field('title', 'plan-title-input')} />
        <FieldError result={result} intent="plan" name="title" id="plan-title-input" />
        <div className="field-row">
          <div className="field">
            <label htmlFor="plan-starts">{m.startsAt}</label>
            <input id="plan-starts" name="startsAt" type="datetime-local" required defaultValue={defaults.startsAt} {...field('startsAt', 'plan-starts')} />
            <FieldError result={result} intent="plan" name="startsAt" id="plan-starts" />
          </div>
          <div className="field">
            <label htmlFor="plan-ends">{m.endsAt}</label>
            <input id="plan-ends" name="endsAt" type="datetime-local" required defaultValue={defaults.endsAt} {...field('endsAt', 'plan-ends')} />
            <FieldError result={result} intent="plan" name="endsAt" id="plan-ends" />
          </div>
        </div>
        <label htmlFor="plan-place">{m.place}</label>
        <input id="plan-place" name="place" maxLength={200} {...field('place', 'plan-place')} />
        <FieldError result={result} intent="plan" name="place" id="plan-place" />
        <label htmlFor="plan-agenda">{m.agenda}</label>
        <textarea id="plan-agenda" name="agenda" rows={4} maxLength={5000} {...field('agenda', 'plan-agenda')} />
        <FieldError result={result} intent="plan" name="agenda" id="plan-agenda" />
        {past ? (
          <>
            <label htmlFor="plan-minutes">{m.minutes}</label>
            <textarea id="plan-minutes" name="minutes" rows={5} maxLength={20000} required {...field('minutes', 'plan-minutes')} />
            <FieldError result={result} intent="plan" name="minutes" id="plan-minutes" />
          </>
        ) : null}
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {past ? m.savePast : m.save}
        </button>
      </Form>
    </section>
  );
}
