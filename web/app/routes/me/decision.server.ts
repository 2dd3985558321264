// Server side of decision.tsx: one decision of the member's own branch and its discussion. Staff
// open decisions on /decisions/:id; a member sent there (a mention's link) is sent here instead.
import { data } from 'react-router';
import type { Route } from './+types/decision';
import { requireAccount } from '../../lib/auth.server';
import { discussionAction, loadDiscussion } from '../../lib/discussion.server';
import { graphql } from '../../graphql';

const DECISION = graphql(`query BranchDecision($id: ID!) {
  decision(id: $id) {
    id number title content decidedOn status yesCount noCount abstainCount overdueMilestones proof { status batchSeq anchor { height } }
    milestones { id title dueOn completedOn status overdue overdueDays proof { status batchSeq anchor { height } } }
  }
}`);

export async function loader({ request, params }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, ['MEMBER']);
  const r = await ctx.query(DECISION, { id: params.id });
  return { decision: r.decision, discussion: await loadDiscussion(ctx, 'DECISION', r.decision.id, new URL(request.url)) };
}

export async function action({ request, params }: Route.ActionArgs) {
  if (!params.id) throw data({ code: 'NOT_FOUND' }, { status: 404 });
  return discussionAction(request, 'DECISION', params.id);
}
