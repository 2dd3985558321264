import { pageUrl } from '../../lib/session.server';
// Server side of list.tsx: its loader and actions and the GraphQL documents they send.
import { redirect } from 'react-router';
import type { Route } from './+types/list';
import { requireAccount } from '../../lib/auth.server';
import { readPostedForm } from '../../lib/form-action.server';
import { chinaToday } from '../../lib/format';
import { formFailure } from '../../lib/meetings.server';
import { PAGE_ROLES, WRITER_ROLES, isWriter } from '../../lib/roles';
import { unitOptions } from '../../lib/units.server';
import { DECISION_STATUSES } from '../../lib/votes';
import { paramOneOf } from '../../lib/one-of';
import { pagingFrom } from '../../lib/portal';
import { graphql } from '../../graphql';

const PAGE_SIZE = 20;

const UUID = /^[0-9a-f-]{36}$/i;

const DECISIONS = graphql(`query Decisions($first: Int, $after: String, $last: Int, $before: String, $status: DecisionStatus) {
  decisions(first: $first, after: $after, last: $last, before: $before, status: $status) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { node { id number title decidedOn status yesCount noCount abstainCount overdueMilestones orgUnit { name } proof { status batchSeq anchor { height } } } }
  }
}`);

const VOTE = graphql(`query V($id: ID!) { vote(id: $id) { id title orgUnitId status closedAt tally { passed } } }`);

const CREATE = graphql(`mutation CreateDecision($input: CreateDecisionInput!) { createDecision(input: $input) { id } }`);

export async function loader({ request }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.decisions);
  const url = pageUrl(request);
  const status = paramOneOf(url, 'status', DECISION_STATUSES);
  const voteId = url.searchParams.get('vote');
  const canCreate = isWriter(ctx.account.role);
  const [list, units, vote] = await Promise.all([
    ctx.query(DECISIONS, { ...(status ? { status } : {}), ...pagingFrom(url, '', PAGE_SIZE) }),
    canCreate ? unitOptions(ctx) : [],
    canCreate && voteId && UUID.test(voteId) ? ctx.query(VOTE, { id: voteId }) : null,
  ]);
  return {
    filters: { status: status ?? '' },
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
    const r = await ctx.call(CREATE, {
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
