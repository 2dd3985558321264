// Decisions (决议) of the viewer's subtree with their vote counts and overdue milestones; a
// secretary or administrator records a new one here (from a passed vote when one is named).
import { Form, Link, redirect, useActionData, useLoaderData, useNavigation } from 'react-router';
import type { Route } from './+types/decisions';
import pageStyles from '../components/MeetingVote.css?url';
import { FieldError, FormAlert, invalidProps } from '../components/MeetingFields';
import { FilterForm } from '../components/FilterForm';
import { filterPageHref, PageLinks } from '../components/PageLinks';
import { ProofBadge } from '../components/ProofBadge';
import { Options, SelectField, unitChoices } from '../components/SelectField';
import { TableCard } from '../components/TableCard';
import { useT } from '../i18n/use-t';
import { requireAccount } from '../lib/auth.server';
import { readPostedForm } from '../lib/form-action.server';
import { chinaToday } from '../lib/format';
import { WRITER_ROLES } from '../lib/meetings';
import type { FormFailure } from '../lib/meetings-form';
import { formFailure } from '../lib/meetings.server';
import { titleFor } from '../lib/meta';
import type { Connection } from '../lib/portal';
import { PAGE_ROLES } from '../lib/roles';
import { unitOptions } from '../lib/units.server';
import { DECISION_STATUSES, isDecisionStatus } from '../lib/votes';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: pageStyles }];

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.votes.decisions);

const PAGE_SIZE = 20;
const UUID = /^[0-9a-f-]{36}$/i;

const DECISIONS = `query Decisions($first: Int, $after: String, $last: Int, $before: String, $status: DecisionStatus) {
  decisions(first: $first, after: $after, last: $last, before: $before, status: $status) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { node { id number title decidedOn status yesCount noCount abstainCount overdueMilestones orgUnit { name } proof { status batchSeq anchor { height } } } }
  }
}`;
const VOTE = `query V($id: ID!) { vote(id: $id) { id title orgUnitId status closedAt tally { passed } } }`;
const CREATE = `mutation Create($input: CreateDecisionInput!) { createDecision(input: $input) { id } }`;

interface Row {
  id: string;
  number: string | null;
  title: string;
  decidedOn: string;
  status: string;
  yesCount: number | null;
  noCount: number | null;
  abstainCount: number | null;
  overdueMilestones: number;
  orgUnit: { name: string };
  proof: { status: string; batchSeq: number | null; anchor: { height: number } | null };
}

export async function loader({ request }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.decisions);
  const p = new URL(request.url).searchParams;
  const status = p.get('status');
  const after = p.get('after');
  const before = p.get('before');
  const voteId = p.get('vote');
  const filters = { status: isDecisionStatus(status) ? status : '' };
  const paging = before ? { last: PAGE_SIZE, before } : { first: PAGE_SIZE, ...(after ? { after } : {}) };
  const canCreate = (WRITER_ROLES as readonly string[]).includes(ctx.account.role);
  const [list, units, vote] = await Promise.all([
    ctx.query<{
      decisions: Connection<Row>;
    }>(DECISIONS, { ...(filters.status ? { status: filters.status } : {}), ...paging }),
    canCreate ? unitOptions(ctx) : [],
    canCreate && voteId && UUID.test(voteId) ? ctx.query<{ vote: { id: string; title: string; orgUnitId: string; status: string; closedAt: string | null } }>(VOTE, { id: voteId }) : null,
  ]);
  return {
    filters,
    decisions: list.decisions,
    canCreate,
    units,
    fromVote: vote?.vote ?? null,
    today: chinaToday(),
  };
}

export async function action({ request }: Route.ActionArgs) {
  const { ctx, text } = await readPostedForm(request, WRITER_ROLES);
  try {
    const r = await ctx.call<{ createDecision: { id: string } }>(CREATE, {
      input: {
        orgUnitId: text('orgUnitId'),
        title: text('title'),
        content: text('content'),
        number: text('number') || null,
        decidedOn: text('decidedOn'),
        voteId: text('voteId') || null,
      },
    });
    return redirect(`/decisions/${r.createDecision.id}`);
  } catch (error) {
    return formFailure(error, request, ctx, 'create-decision');
  }
}

export default function Decisions() {
  const t = useT();
  const v = t.votes;
  const { filters, decisions, canCreate, units, fromVote, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as FormFailure | undefined;
  const navigation = useNavigation();
  const inv = (name: string, id: string) => invalidProps(result, 'create-decision', name, id);
  return (
    <section className="page" aria-labelledby="decisions-title">
      <h1 id="decisions-title">{v.decisions}</h1>
      <p className="lead">{v.decisionsIntro}</p>
      <FilterForm label={v.filter} submit={v.filter} reset={{ to: '/decisions', label: v.reset }}>
        <SelectField id="status" name="status" label={v.status} defaultValue={filters.status} any={v.any} choices={DECISION_STATUSES.map((s) => ({ value: s, label: v.decisionStatuses[s] }))} />
      </FilterForm>
      <p className="muted" role="status" data-testid="decisions-total">
        {v.decisionsTotal(decisions.totalCount)}
      </p>
      <TableCard testId="decisions-table" caption={v.decisions} busy={navigation.state === 'loading'} empty={decisions.edges.length === 0 ? v.decisionsNone : null}>
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
                <Link to={`/decisions/${d.id}`}>{d.title}</Link>
                {d.number ? <span className="muted small"> {d.number}</span> : null}
              </th>
              <td>{d.orgUnit.name}</td>
              <td>{d.decidedOn}</td>
              <td className="small">
                {d.yesCount !== null ? `${v.yesCount} ${d.yesCount} · ${v.noCount} ${d.noCount ?? 0} · ${v.abstainCount} ${d.abstainCount ?? 0}` : '—'}
              </td>
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
      </TableCard>
      <PageLinks pageInfo={decisions.pageInfo} href={filterPageHref(filters)} text={v} />
      {canCreate ? (
        <details className="card" id="new-decision" open={Boolean(fromVote) || Boolean(result)}>
          <summary className="h3">{v.recordDecision}</summary>
          <Form method="post" className="form" data-testid="decision-form" noValidate>
            <FormAlert result={result} intent="create-decision" />
            {fromVote ? (
              <p>
                {v.fromVote}: <Link to={`/votes/${fromVote.id}`}>{fromVote.title}</Link>
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
    </section>
  );
}
