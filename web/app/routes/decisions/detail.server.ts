// Server side of detail.tsx: its loader and actions and the GraphQL documents they send.
import { data, redirect } from 'react-router';
import type { Route } from './+types/detail';
import { requireAccount } from '../../lib/auth.server';
import { readPostedForm } from '../../lib/form-action.server';
import { discussionAction, isDiscussionPost, loadDiscussion } from '../../lib/discussion.server';
import { chinaToday } from '../../lib/format';
import { formFailure, unknownIntent } from '../../lib/meetings.server';
import { PAGE_ROLES, WRITER_ROLES, isWriter } from '../../lib/roles';
import { isDecisionStatus, isMilestoneStatus } from '../../lib/votes';
import { graphql } from '../../graphql';
import type { DecisionActionResult } from './detail';

const DECISION = graphql(`query Decision($id: ID!) {
  decision(id: $id) {
    id version number title content decidedOn status yesCount noCount abstainCount overdueMilestones orgUnitId orgUnit { id name }
    vote { id title status eligibleCount options { id label } tally { ballotsCast eligibleCount quorumMet passed results { optionId count } } }
    milestones { id version title dueOn completedOn status notes overdue overdueDays completedLate owner { id name } proof { ...ProofFields } }
    proof { ...ProofFields }
  }
  history(type: "Decision", id: $id, first: 100) { edges { node { version at actor data proof { ...ProofFields } } } }
}`);

const OWNERS = graphql(`query Owners($under: ID!) { members(under: $under, status: ACTIVE, first: 100) { edges { node { id name } } } }`);

const DECISION_STATUS = graphql(`mutation DecisionStatus($id: ID!, $status: DecisionStatus!) { updateDecisionStatus(id: $id, status: $status) { id } }`);

const ADD_MILESTONE = graphql(`mutation AddMilestone($input: AddMilestoneInput!) { addMilestone(input: $input) { id } }`);

const MILESTONE_STATUS = graphql(`mutation MilestoneStatus($id: ID!, $status: MilestoneStatus!, $on: Date, $notes: String) {
  updateMilestoneStatus(id: $id, status: $status, on: $on, notes: $notes) { id }
}`);

export async function loader({ request, params }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, [...PAGE_ROLES.decisions, 'MEMBER']);
  // A member reads their branch's decisions on their own page (a mention's link lands here).
  if (ctx.account.role === 'MEMBER') throw redirect(`/me/decisions/${encodeURIComponent(params.id)}`);
  const r = await ctx.query(DECISION, { id: params.id });
  const canWrite = isWriter(ctx.account.role);
  const owners = canWrite ? (await ctx.query(OWNERS, { under: r.decision.orgUnitId })).members.edges.map((e) => e.node) : [];
  return { decision: r.decision, history: r.history.edges.map((e) => e.node), canWrite, owners, today: chinaToday(), discussion: await loadDiscussion(ctx, 'DECISION', r.decision.id, new URL(request.url)) };
}

export async function action({ request, params }: Route.ActionArgs) {
  if (await isDiscussionPost(request)) return discussionAction(request, 'DECISION', params.id);
  const { ctx, intent, text } = await readPostedForm(request, WRITER_ROLES);
  const status = text('status');
  let send: () => Promise<unknown>;
  if (intent === 'status' && isDecisionStatus(status)) {
    send = () => ctx.call(DECISION_STATUS, { id: params.id, status });
  } else if (intent === 'add-milestone') {
    const input = { decisionId: params.id, title: text('title'), dueOn: text('dueOn'), ownerId: text('ownerId') || null, notes: text('notes') || null };
    send = () => ctx.call(ADD_MILESTONE, { input });
  } else if (intent === 'milestone-status' && isMilestoneStatus(status)) {
    const vars = { id: text('milestoneId'), status, on: status === 'DONE' && text('on') ? text('on') : null, notes: text('notes') || null };
    send = () => ctx.call(MILESTONE_STATUS, vars);
  } else {
    return unknownIntent();
  }
  try {
    await send();
    return data<DecisionActionResult>({ ok: true, intent });
  } catch (error) {
    // The failing milestone's form is the one to show the message next to.
    return formFailure(error, request, ctx, intent === 'milestone-status' ? `milestone-status:${text('milestoneId')}` : intent);
  }
}
