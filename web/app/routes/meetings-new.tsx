// Plan a meeting (secretaries and administrators): saved as a draft; or record one that already
// took place (补录) with its minutes, saved as completed. The API's field errors are shown next to
// the fields they name.
import { Form, Link, redirect, useActionData, useLoaderData, useNavigation } from 'react-router';
import type { Route } from './+types/meetings-new';
import pageStyles from '../components/MeetingVote.css?url';
import { FieldError, FormAlert, invalidProps } from '../components/MeetingFields';
import { Options, unitChoices } from '../components/SelectField';
import { useT } from '../i18n/use-t';
import { requireAccount } from '../lib/auth.server';
import { readPostedForm } from '../lib/form-action.server';
import { isoToChinaLocal, MEETING_KINDS, postedMeetingFields, WRITER_ROLES } from '../lib/meetings';
import type { FormFailure } from '../lib/meetings-form';
import { badForm, formFailure } from '../lib/meetings.server';
import { titleFor } from '../lib/meta';
import { unitOptions } from '../lib/units.server';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: pageStyles }];

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.meetings.planTitle);

const PLAN = `mutation Plan($input: PlanMeetingInput!) { planMeeting(input: $input) { id } }`;
const PAST = `mutation Past($input: PastMeetingInput!) { recordPastMeeting(input: $input) { id } }`;

export async function loader({ request }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, WRITER_ROLES);
  const past = new URL(request.url).searchParams.get('past') === '1';
  // A sensible default: next week (a week ago, when recording afterwards), 14:00–16:00 China time.
  const start = new Date(Date.now() + (past ? -7 : 7) * 86_400_000);
  const day = isoToChinaLocal(start.getTime()).slice(0, 10);
  return {
    // A link, not a client-side switch: the form works the same before (or without) scripts.
    past,
    units: await unitOptions(ctx),
    defaults: { startsAt: `${day}T14:00`, endsAt: `${day}T16:00` },
  };
}

export async function action({ request }: Route.ActionArgs) {
  const { ctx, text } = await readPostedForm(request, WRITER_ROLES);
  const { fields, bad } = postedMeetingFields(text);
  if (bad.length > 0) return badForm('plan', 'Please correct the marked fields.', '请修改标出的内容。', bad);
  const input = { unitId: text('unitId'), ...fields };
  try {
    if (text('past') === 'on') {
      const r = await ctx.call<{ recordPastMeeting: { id: string } }>(PAST, { input: { ...input, minutes: text('minutes') } });
      return redirect(`/meetings/${r.recordPastMeeting.id}`);
    }
    const r = await ctx.call<{ planMeeting: { id: string } }>(PLAN, { input });
    return redirect(`/meetings/${r.planMeeting.id}`);
  } catch (error) {
    return formFailure(error, request, ctx, 'plan');
  }
}

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
