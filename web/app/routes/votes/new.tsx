// Create a motion or an election (secretaries and administrators), saved as a draft, with its
// rules and, for an election, its candidates; the API's field errors are shown by field.
import { useState } from 'react';
import { Form, useLoaderData, useNavigation } from 'react-router';
import { useActionResult } from '../../lib/use-action-result';
import type { Route } from './+types/new';
import pageStyles from '../../components/MeetingVote.css?url';
import { Field, FieldError, FormAlert } from '../../components/MeetingFields';
import { BackLink } from '../../components/RecordHead';
import { choicesOf, Options, unitChoices } from '../../components/SelectField';
import { useT } from '../../i18n/use-t';
import type { FormFailure } from '../../lib/meetings-form';
import { titleFor } from '../../lib/meta';
import { useHydrated } from '../../lib/use-hydrated';
import { MAJORITY_RULES, QUORUM_RULES, VOTE_KINDS } from '../../lib/votes';
import type { loader, action } from './new.server';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: pageStyles }];

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.votes.createTitle);

export { loader, action } from './new.server';

export default function NewVote() {
  const t = useT();
  const v = t.votes;
  const { units } = useLoaderData<typeof loader>();
  const result = useActionResult<FormFailure>();
  const busy = useNavigation().state === 'submitting';
  const [kind, setKind] = useState<string>('MOTION');
  // Without scripts the election fields are always there (the action ignores them for motions).
  const hydrated = useHydrated();
  const form = { result, intent: 'create' };
  return (
    <section className="page narrow-page" aria-labelledby="new-vote-title">
      <BackLink to="/votes" label={v.back} />
      <h1 id="new-vote-title">{v.createTitle}</h1>
      <p className="lead">{v.createIntro}</p>
      <Form method="post" className="form card" data-testid="vote-form" noValidate>
        <FormAlert result={result} intent="create" />
        <fieldset className="checks-inline">
          <legend>{v.kind}</legend>
          {VOTE_KINDS.map((k) => (
            <label key={k} className="checkbox">
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} /> {v.kinds[k]}
            </label>
          ))}
        </fieldset>
        <FieldError result={result} intent="create" name="kind" id="vote-kind" />
        <Field form={form} id="vote-unit" name="orgUnitId" label={v.orgUnit} as="select" required>
          <Options choices={unitChoices(units, (u) => t.unitKinds[u.kind] ?? u.kind)} />
        </Field>
        <Field form={form} id="vote-title" name="title" label={v.voteTitle} maxLength={200} required />
        <Field form={form} id="vote-description" name="description" label={v.description} as="textarea" rows={3} />
        <Field form={form} id="vote-quorum" name="quorumRule" label={v.quorumRule} as="select" defaultValue="MORE_THAN_HALF">
          <Options choices={choicesOf(QUORUM_RULES, v.quorum)} />
        </Field>
        {/* Keyed by the kind: a motion and an election start from different rules. */}
        <Field form={form} id="vote-majority" name="majorityRule" label={v.majorityRule} as="select" key={kind} defaultValue={kind === 'ELECTION' ? 'PLURALITY' : 'MORE_THAN_HALF_OF_ENTITLED'}>
          <Options choices={choicesOf(MAJORITY_RULES, v.majority)} />
        </Field>
        {kind === 'ELECTION' || !hydrated ? (
          <>
            <Field form={form} id="vote-seats" name="seats" label={v.seats} type="number" min={1} max={50} defaultValue={1} inputMode="numeric" />
            <Field form={form} id="vote-candidates" name="candidates" label={v.candidates} as="textarea" rows={5} hint={v.candidatesHint} />
          </>
        ) : null}
        <Field form={form} id="vote-closes" name="closesAt" label={v.closesAt} type="datetime-local" />
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {v.save}
        </button>
      </Form>
    </section>
  );
}
