// Server side of ballots.tsx: its loader and actions and the GraphQL documents they send.
import { data } from 'react-router';
import type { Route } from './+types/ballots';
import { requireAccount, rethrowForPage } from '../../lib/auth.server';
import { readPostedForm } from '../../lib/form-action.server';
import { isRefusal } from '../../lib/learning.server';
import { PAGE_ROLES } from '../../lib/roles';
import { graphql } from '../../graphql';
import type { CheckResult } from './ballots';

// Members see the votes they are entitled to; a member takes part in few, so one page of 100
// holds them (the list says so if there were more).
const VOTES = graphql(`query MyBallotVotes { votes(first: 100) { totalCount edges { node { id title status hasVoted closedAt options { id label position } } } } }`);

const CHECK = graphql(`query Check($voteId: ID!, $receipt: String!) {
  verifyMyBallot(voteId: $voteId, receipt: $receipt) { verified voteStatus choices ballot { id version voteId choices receiptHash proof { ...ProofFields } } }
}`);

export async function loader({ request }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.me);
  if (!ctx.account.memberId) return { votes: null, more: false };
  const r = await ctx.query(VOTES);
  return { votes: r.votes.edges.map((e) => e.node).filter((v) => v.hasVoted === true), more: r.votes.totalCount > r.votes.edges.length };
}

export async function action({ request }: Route.ActionArgs) {
  const { ctx, text } = await readPostedForm(request, PAGE_ROLES.me);
  const voteId = text('voteId');
  const receipt = text('receipt');
  try {
    const r = await ctx.call(CHECK, { voteId, receipt });
    return data<CheckResult>({ voteId, ...r.verifyMyBallot });
  } catch (error) {
    if (isRefusal(error)) return data<CheckResult>({ voteId, error: error.payload() }, { status: error.status >= 500 ? 409 : error.status });
    return rethrowForPage(error, request, ctx.session);
  }
}
