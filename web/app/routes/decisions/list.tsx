// Decisions (决议) of the viewer's subtree with their vote counts and overdue milestones; a
// secretary or administrator records a new one here (from a passed vote when one is named).
import { Form, Link, useActionData, useLoaderData, useNavigation } from 'react-router';
import type { Route } from './+types/list';
import pageStyles from '../../components/MeetingVote.css?url';
import { FieldError, FormAlert, invalidProps } from '../../components/MeetingFields';
import { ListPage } from '../../components/ListPage';
import { filterPageHref } from '../../components/PageLinks';
import { ProofBadge } from '../../components/ProofBadge';
import { Options, SelectField, unitChoices } from '../../components/SelectField';
import { useT } from '../../i18n/use-t';
import type { FormFailure } from '../../lib/meetings-form';
import { titleFor } from '../../lib/meta';
import { DECISION_STATUSES } from '../../lib/votes';
import type { loader, action } from './list.server';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: pageStyles }];

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.votes.decisions);

export { loader, action } from './list.server';

export default function Decisions() {
  const t = useT();
  const v = t.votes;
  const { filters, decisions, canCreate, units, fromVote, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as FormFailure | undefined;
  const navigation = useNavigation();
  const inv = (name: string, id: string) => invalidProps(result, 'create-decision', name, id);
  return (
    <ListPage
      titleId="decisions-title"
      head={<h1 id="decisions-title">{v.decisions}</h1>}
      before={
        <>
          <p className="lead">{v.decisionsIntro}</p>
        </>
      }
      filter={{
        label: v.filter,
        submit: v.filter,
        reset: { to: '/decisions', label: v.reset },
        fields: (
          <>
            <SelectField id="status" name="status" label={v.status} defaultValue={filters.status} any={v.any} choices={DECISION_STATUSES.map((s) => ({ value: s, label: v.decisionStatuses[s] }))} />
          </>
        ),
      }}
      total={{ testId: 'decisions-total', text: v.decisionsTotal(decisions.totalCount) }}
      table={{ testId: 'decisions-table', caption: v.decisions, busy: navigation.state === 'loading', empty: decisions.edges.length === 0 ? v.decisionsNone : null }}
      pager={{ pageInfo: decisions.pageInfo, href: filterPageHref(filters), text: v }}
      after={
        <>
          {canCreate ? (
            <details className="card" id="new-decision" open={Boolean(fromVote) || Boolean(result)}>
              <summary className="h3">{v.recordDecision}</summary>
              <Form method="post" className="form" data-testid="decision-form" noValidate>
                <FormAlert result={result} intent="create-decision" />
                {fromVote ? (
                  <p>
                    {v.fromVote}: <Link to={`/votes/${fromVote.id}`}><bdi>{fromVote.title}</bdi></Link>
                    <input type="hidden" name="voteId" value={fromVote.id} />
                  </p>
                ) : null}
                <FieldError result={result} intent="create-decision" name="voteId" id="decision-vote" />
                <label htmlFor="decision-unit">{v.unit}</label>
                <select id="decision-unit" name="orgUnitId" defaultValue={fromVote?.orgUnitId} {...inv('orgUnitId', 'decision-unit')}>
                  <Options choices={unitChoices(units)} />
                </select>
                <FieldError result={result} intent="create-decision" name="orgUnitId" id="decision-unit" />
                <label htmlFor="decision-title">{v.voteTitle}</label>
                <input id="decision-title" name="title" maxLength={200} defaultValue={fromVote?.title} {...inv('title', 'decision-title')} />
                <FieldError result={result} intent="create-decision" name="title" id="decision-title" />
                <label htmlFor="decision-number">{v.number}</label>
                <input id="decision-number" name="number" maxLength={50} {...inv('number', 'decision-number')} />
                <FieldError result={result} intent="create-decision" name="number" id="decision-number" />
                <label htmlFor="decision-date">{v.decidedOn}</label>
                <input id="decision-date" name="decidedOn" type="date" max={today} defaultValue={today} {...inv('decidedOn', 'decision-date')} />
                <FieldError result={result} intent="create-decision" name="decidedOn" id="decision-date" />
                <label htmlFor="decision-content">{v.content}</label>
                <textarea id="decision-content" name="content" rows={5} maxLength={20000} {...inv('content', 'decision-content')} />
                <FieldError result={result} intent="create-decision" name="content" id="decision-content" />
                <button type="submit" className="btn btn-primary" disabled={navigation.state === 'submitting'}>
                  {v.recordDecision}
                </button>
              </Form>
            </details>
          ) : null}
        </>
      }
    >
      <thead>
        <tr>
          <th scope="col">{v.decisionTitle}</th>
          <th scope="col">{v.unit}</th>
          <th scope="col">{v.decidedOn}</th>
          <th scope="col">{v.counts}</th>
          <th scope="col">{v.status}</th>
          <th scope="col">{v.proof}</th>
        </tr>
      </thead>
      <tbody>
        {decisions.edges.map(({ node: d }) => (
          <tr key={d.id}>
            <th scope="row">
              <Link to={`/decisions/${d.id}`}><bdi>{d.title}</bdi></Link>
              {d.number ? <span className="muted small"> <bdi>{d.number}</bdi></span> : null}
            </th>
            <td><bdi>{d.orgUnit.name}</bdi></td>
            <td>{d.decidedOn}</td>
            <td className="small">{d.yesCount !== null ? `${v.yesCount} ${d.yesCount} · ${v.noCount} ${d.noCount ?? 0} · ${v.abstainCount} ${d.abstainCount ?? 0}` : '—'}</td>
            <td>
              <span className="pill">{v.decisionStatuses[d.status] ?? d.status}</span>
              {d.overdueMilestones > 0 ? <span className="badge badge-fail">{v.overdueMilestones(d.overdueMilestones)}</span> : null}
            </td>
            <td>
              <ProofBadge proof={d.proof} />
            </td>
          </tr>
        ))}
      </tbody>
    </ListPage>
  );
}
