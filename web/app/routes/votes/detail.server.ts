// Server side of detail.tsx: its loader and actions and the GraphQL documents they send.
import { data } from 'react-router';
import type { Route } from './+types/detail';
import { isConfirmed } from '../../components/Confirm';
import { assertSameOrigin, requireAccount } from '../../lib/auth.server';
import { badForm, formFailure, unknownIntent } from '../../lib/meetings.server';
import { PAGE_ROLES, WRITER_ROLES, isWriter } from '../../lib/roles';
import { receiptHashOf } from '../../lib/votes.server';
import { graphql } from '../../graphql';
import type { VoteActionResult } from './detail';

// The unit, the roll and its size now are asked for by staff only ($staff).
const VOTE = graphql(`query Vote($id: ID!, $staff: Boolean!) {
  vote(id: $id) {
    ...VoteFields
    orgUnit @include(if: $staff) { id name }
    eligibleNow @include(if: $staff)
    rollEntries(first: 100) @include(if: $staff) { totalCount edges { node { id memberId votedAt proof { status batchSeq anchor { height } } } } }
  }
}`);

const NAMES = graphql(`query Names($under: ID!) { members(under: $under, first: 100) { edges { node { id name } } } }`);

const OPEN = graphql(`mutation OpenVote($id: ID!) { openVote(id: $id) { id } }`);

const CLOSE = graphql(`mutation CloseVote($id: ID!) { closeVote(id: $id) { id } }`);

const CAST = graphql(`mutation CastBallot($voteId: ID!, $choices: [ID!]!) { castBallot(voteId: $voteId, choices: $choices) { receipt receiptHash } }`);

const CHECK = graphql(`query CheckBallot($voteId: ID!, $receipt: String!) {
  verifyMyBallot(voteId: $voteId, receipt: $receipt) { verified choices voteStatus ballot { id version choices receiptHash proof { ...ProofFields } } }
}`);

export async function loader({ request, params }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.votes);
  const staff = ctx.account.role !== 'MEMBER';
  const { vote } = await ctx.query(VOTE, { id: params.id, staff });
  let names: Record<string, string> = {};
  if (staff && (vote.rollEntries?.totalCount ?? 0) > 0) {
    const r = await ctx.query(NAMES, { under: vote.orgUnitId });
    names = Object.fromEntries(r.members.edges.map((e) => [e.node.id, e.node.name]));
    // A roster reads by pinyin, not in the order ballots came in.
    const byName = new Intl.Collator('zh-CN');
    vote.rollEntries?.edges.sort((a, b) => byName.compare(names[a.node.memberId] ?? '', names[b.node.memberId] ?? ''));
  }
  return {
    vote,
    names,
    canWrite: isWriter(ctx.account.role),
    hasMember: ctx.account.memberId !== null,
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  assertSameOrigin(request);
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  if (!['open', 'close', 'cast', 'check'].includes(intent)) return unknownIntent();
  const ctx = await requireAccount(request, intent === 'open' || intent === 'close' ? WRITER_ROLES : PAGE_ROLES.votes);
  try {
    if (intent === 'open' || intent === 'close') {
      if (!isConfirmed(form)) return data<VoteActionResult>({ ok: true, intent, confirm: { choices: [] } });
      await (intent === 'open' ? ctx.call(OPEN, { id: params.id }) : ctx.call(CLOSE, { id: params.id }));
      return data<VoteActionResult>({ ok: true, intent });
    }
    if (intent === 'cast') {
      const choices = form.getAll('choice').map(String);
      if (!isConfirmed(form)) return data<VoteActionResult>({ ok: true, intent, confirm: { choices } });
      const r = await ctx.call(CAST, { voteId: params.id, choices });
      return data<VoteActionResult>({ ok: true, intent, receipt: r.castBallot });
    }
    const receipt = String(form.get('receipt') ?? '').trim();
    if (!receipt) return badForm(intent, 'Enter your receipt.', '请输入回执。', [{ field: 'receipt', message: 'is required.', messageZh: '必须填写。' }]);
    const r = await ctx.call(CHECK, { voteId: params.id, receipt });
    const check = r.verifyMyBallot;
    // The receipt's own hash, computed here rather than taken from the API's word.
    const hash = receiptHashOf(receipt);
    return data<VoteActionResult>({ ok: true, intent, check: { ...check, hashMatches: check.ballot ? check.ballot.receiptHash === hash : null } });
  } catch (error) {
    return formFailure(error, request, ctx, intent);
  }
}
