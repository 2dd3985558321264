// Decisions (决议) of the viewer's subtree with their vote counts and overdue milestones; a
// secretary or administrator records a new one here (from a passed vote when one is named).
import { Form, Link, useLoaderData, useNavigation } from 'react-router';
import { useActionResult } from '../../lib/use-action-result';
import type { Route } from './+types/list';
import pageStyles from '../../components/MeetingVote.css?url';
import { FoldedCard } from '../../components/Card';
import { ListPage } from '../../components/ListPage';
import { Field, FieldError, FormAlert } from '../../components/MeetingFields';
import { ProofCell } from '../../components/ProofBadge';
import { choicesOf, Options, SelectField, unitChoices } from '../../components/SelectField';
import { RowHead } from '../../components/TableCard';
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
  const result = useActionResult<FormFailure>();
  const navigation = useNavigation();
  const form = { result, intent: 'create-decision' };
  return (
    <ListPage
      id="decisions"
      head={<h1 id="decisions-title">{v.decisions}</h1>}
      before={
        <>
          <p className="lead">{v.decisionsIntro}</p>
        </>
      }
      text={v}
      filter={{ reset: '/decisions', query: filters, fields: <SelectField id="status" name="status" label={v.status} defaultValue={filters.status} any={v.any} choices={choicesOf(DECISION_STATUSES, v.decisionStatuses)} /> }}
      total={v.decisionsTotal(decisions.totalCount)}
      table={{ caption: v.decisions, empty: decisions.edges.length === 0 ? v.decisionsNone : null, columns: [v.decisionTitle, v.unit, v.decidedOn, v.counts, v.status, v.proof] }}
      pageInfo={decisions.pageInfo}
      after={
        <>
          {canCreate ? (
            <FoldedCard summary={v.recordDecision} open={Boolean(fromVote) || Boolean(result)} heading id="new-decision">
              <Form method="post" className="form" data-testid="decision-form" noValidate>
                <FormAlert result={result} intent="create-decision" />
                {fromVote ? (
                  <p>
                    {v.fromVote}: <Link to={`/votes/${fromVote.id}`}><bdi>{fromVote.title}</bdi></Link>
                    <input type="hidden" name="voteId" value={fromVote.id} />
                  </p>
                ) : null}
                <FieldError result={result} intent="create-decision" name="voteId" id="decision-vote" />
                <Field form={form} id="decision-unit" name="orgUnitId" label={v.unit} as="select" defaultValue={fromVote?.orgUnitId}>
                  <Options choices={unitChoices(units)} />
                </Field>
                <Field form={form} id="decision-title" name="title" label={v.voteTitle} maxLength={200} defaultValue={fromVote?.title} />
                <Field form={form} id="decision-number" name="number" label={v.number} maxLength={50} />
                <Field form={form} id="decision-date" name="decidedOn" label={v.decidedOn} type="date" max={today} defaultValue={today} />
                <Field form={form} id="decision-content" name="content" label={v.content} as="textarea" rows={5} maxLength={20000} />
                <button type="submit" className="btn btn-primary" disabled={navigation.state === 'submitting'}>
                  {v.recordDecision}
                </button>
              </Form>
            </FoldedCard>
          ) : null}
        </>
      }
    >
      {decisions.edges.map(({ node: d }) => (
        <tr key={d.id}>
          <RowHead to={`/decisions/${d.id}`} name={d.title}>{d.number ? <span className="muted small"> <bdi>{d.number}</bdi></span> : null}</RowHead>
          <td><bdi>{d.orgUnit.name}</bdi></td>
          <td>{d.decidedOn}</td>
          <td className="small">{d.yesCount !== null ? `${v.yesCount} ${d.yesCount} · ${v.noCount} ${d.noCount ?? 0} · ${v.abstainCount} ${d.abstainCount ?? 0}` : '—'}</td>
          <td>
            <span className="pill">{v.decisionStatuses[d.status] ?? d.status}</span>
            {d.overdueMilestones > 0 ? <span className="badge badge-fail">{v.overdueMilestones(d.overdueMilestones)}</span> : null}
          </td>
          <ProofCell proof={d.proof} />
        </tr>
      ))}
    </ListPage>
  );
}
