// Create a motion or an election (secretaries and administrators), saved as a draft, with its
// rules and, for an election, its candidates; the API's field errors are shown by field.
import { useState } from 'react';
import { Form, Link, useActionData, useLoaderData, useNavigation } from 'react-router';
import type { Route } from './+types/new';
import pageStyles from '../../components/MeetingVote.css?url';
import { FieldError, FormAlert, invalidProps } from '../../components/MeetingFields';
import { Options, unitChoices } from '../../components/SelectField';
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
  const result = useActionData<typeof action>() as FormFailure | undefined;
  const busy = useNavigation().state === 'submitting';
  const [kind, setKind] = useState<string>('MOTION');
  // Without scripts the election fields are always there (the action ignores them for motions).
  const hydrated = useHydrated();
  const inv = (name: string, id: string) => invalidProps(result, 'create', name, id);
  return (
    <section className="page narrow-page" aria-labelledby="new-vote-title">
      <p>
        <Link to="/votes">← {v.back}</Link>
      </p>
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
        <label htmlFor="vote-unit">{v.orgUnit}</label>
        <select id="vote-unit" name="orgUnitId" required {...inv('orgUnitId', 'vote-unit')}>
          <Options choices={unitChoices(units, (u) => t.unitKinds[u.kind] ?? u.kind)} />
        </select>
        <FieldError result={result} intent="create" name="orgUnitId" id="vote-unit" />
        <label htmlFor="vote-title">{v.voteTitle}</label>
        <input id="vote-title" name="title" maxLength={200} required {...inv('title', 'vote-title')} />
        <FieldError result={result} intent="create" name="title" id="vote-title" />
        <label htmlFor="vote-description">{v.description}</label>
        <textarea id="vote-description" name="description" rows={3} {...inv('description', 'vote-description')} />
        <FieldError result={result} intent="create" name="description" id="vote-description" />
        <label htmlFor="vote-quorum">{v.quorumRule}</label>
        <select id="vote-quorum" name="quorumRule" defaultValue="MORE_THAN_HALF" {...inv('quorumRule', 'vote-quorum')}>
          {QUORUM_RULES.map((q) => (
            <option key={q} value={q}>
              {v.quorum[q]}
            </option>
          ))}
        </select>
        <FieldError result={result} intent="create" name="quorumRule" id="vote-quorum" />
        <label htmlFor="vote-majority">{v.majorityRule}</label>
        <select id="vote-majority" name="majorityRule" key={kind} defaultValue={kind === 'ELECTION' ? 'PLURALITY' : 'MORE_THAN_HALF_OF_ENTITLED'} {...inv('majorityRule', 'vote-majority')}>
          {MAJORITY_RULES.map((q) => (
            <option key={q} value={q}>
              {v.majority[q]}
            </option>
          ))}
        </select>
        <FieldError result={result} intent="create" name="majorityRule" id="vote-majority" />
        {kind === 'ELECTION' || !hydrated ? (
          <>
            <label htmlFor="vote-seats">{v.seats}</label>
            <input id="vote-seats" name="seats" type="number" min={1} max={50} defaultValue={1} inputMode="numeric" {...inv('seats', 'vote-seats')} />
            <FieldError result={result} intent="create" name="seats" id="vote-seats" />
            <label htmlFor="vote-candidates">{v.candidates}</label>
            <textarea id="vote-candidates" name="candidates" rows={5} aria-describedby="vote-candidates-hint" {...inv('candidates', 'vote-candidates')} />
            <span id="vote-candidates-hint" className="muted small">
              {v.candidatesHint}
            </span>
            <FieldError result={result} intent="create" name="candidates" id="vote-candidates" />
          </>
        ) : null}
        <label htmlFor="vote-closes">{v.closesAt}</label>
        <input id="vote-closes" name="closesAt" type="datetime-local" {...inv('closesAt', 'vote-closes')} />
        <FieldError result={result} intent="create" name="closesAt" id="vote-closes" />
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {v.save}
        </button>
      </Form>
    </section>
  );
}
