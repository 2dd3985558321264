// Server side of queue.tsx: what waits on this level — a general branch's requests to review (pass
// on or return), a committee's to decide (approve or return) — and the requests its units sent.
// A decision or a pass-on cannot be undone: the first submission only asks (ConfirmStep), the
// second with confirm=1 acts. A branch has no queue: it follows its requests where it makes them
// (the member page, the pipeline board), and this page tells it so instead of an empty queue.
import { data } from 'react-router';
import type { Route } from './+types/queue';
import { isConfirmed } from '../../components/Confirm';
import { requireAccount } from '../../lib/auth.server';
import { formFailure, readPostedForm } from '../../lib/form-action.server';
import type { FormFailure } from '../../lib/meetings-form';
import { handlesApprovals, PAGE_ROLES, WRITER_ROLES, type UnitKind } from '../../lib/roles';
import { pageUrl } from '../../lib/session.server';
import { graphql } from '../../graphql';

const SCOPE = graphql(`query ApprovalScope { me { account { role scopeUnit { id name kind } } } }`);

// 25 a page in each queue: the two queues and the sent list together stay within the API's query
// cost limit (one queue of 50 and the list did).
const QUEUE = graphql(`query ApprovalQueue($after: String, $reviewAfter: String) {
  decision: approvalQueue(first: 25, after: $after, stage: [DECISION]) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { stage since waitingDays dueOn deadline status daysLeft request { ...LevelRequestRow } } }
  }
  review: approvalQueue(first: 25, after: $reviewAfter, stage: [REVIEW]) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { stage since waitingDays dueOn deadline status daysLeft request { ...LevelRequestRow } } }
  }
  levelRequests(status: [IN_REVIEW, PENDING, RETURNED], first: 50) { totalCount edges { node { ...LevelRequestRow } } }
}`);

graphql(`fragment LevelRequestRow on LevelRequest {
  id kind stepNo nameZh nameEn status notes requestedAt requestedByName decidedAt decidedByName returnReason
  decidingUnitName reviewingUnitName reviewedAt reviewedByName reviewNote
  member { id name orgUnit { id name } }
}`);

const APPROVE = graphql(`mutation ApproveLevelRequest($id: ID!, $lateReason: String) { approveLevelRequest(id: $id, lateReason: $lateReason) { request { id nameZh nameEn } } }`);
const RETURN = graphql(`mutation ReturnLevelRequest($id: ID!, $reason: String!) { returnLevelRequest(id: $id, reason: $reason) { request { id nameZh nameEn } } }`);
const PASS_ON = graphql(`mutation PassOnLevelRequest($id: ID!, $note: String) { passOnLevelRequest(id: $id, note: $note) { id nameZh nameEn } }`);

const DECISIONS = ['approve', 'return', 'passOn'] as const;
type Decision = (typeof DECISIONS)[number];

export type ApprovalResult =
  | { ok: true; intent: string; id: string; decision: Decision; ask: true }
  | { ok: true; intent: string; id: string; decision: Decision; done: { nameZh: string; nameEn: string } }
  | FormFailure;

/** A branch (or group) secretary opening the page: a refusal that says where their requests are. */
function branchHasNoQueue(unit: string) {
  return data(
    {
      code: 'FORBIDDEN',
      message: `Approvals is for the levels that review or decide requests (general branches and committees). ${unit} is a branch: its requests to the level above, waiting, in review or returned with the reason, are on each member’s page and on the development board.`,
      messageZh: `“上级审批”供审核或审批申请的上级组织（党总支、党委）使用。${unit}是党支部：本支部向上级提出的申请（待审核、待审批或已退回及理由）见各人员页面和发展党员看板。`,
    },
    { status: 403 },
  );
}

export async function loader({ request }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.approvals);
  const scope = (await ctx.query(SCOPE)).me.account?.scopeUnit ?? null;
  if (!handlesApprovals(ctx.account.role, scope?.kind as UnitKind | undefined)) throw branchHasNoQueue(scope?.name ?? ctx.account.scopeUnitId);
  const url = pageUrl(request);
  const after = url.searchParams.get('after')?.slice(0, 200) || null;
  const reviewAfter = url.searchParams.get('rafter')?.slice(0, 200) || null;
  const r = await ctx.query(QUEUE, { after, reviewAfter });
  // The queue's own rule (decisions 013, 016): ADMIN, or a SECRETARY scoped to a committee, decides;
  // a general branch's secretary reviews and passes on.
  const decides = ctx.account.role === 'ADMIN' || scope?.kind === 'COMMITTEE';
  const queued = new Set([...r.decision.edges, ...r.review.edges].map((e) => e.node.request.id));
  return {
    scope,
    decides,
    paged: after !== null,
    reviewPaged: reviewAfter !== null,
    queue: r.decision,
    review: r.review,
    sent: r.levelRequests.edges.map((e) => e.node).filter((x) => !queued.has(x.id)),
  };
}

export async function action({ request }: Route.ActionArgs) {
  const { ctx, form, intent, id, text } = await readPostedForm(request, WRITER_ROLES);
  const failed = `decide:${id}`;
  const decision = text('decision') as Decision;
  const bad = (field: string, message: string, messageZh: string) =>
    data<ApprovalResult>({ ok: false, intent: failed, error: { code: 'BAD_USER_INPUT', message, messageZh }, fields: [{ field, message, messageZh }] }, { status: 400 });
  if (intent !== 'decide' || !(DECISIONS as readonly string[]).includes(decision)) return bad('decision', 'Choose approve, pass on or return.', '请选择批准、转报或退回。');
  if (decision === 'return' && !text('reason')) return bad('reason', 'Give the reason for returning: the branch reads it.', '请填写退回理由，支部将看到该理由。');
  if (!isConfirmed(form)) return data<ApprovalResult>({ ok: true, intent: 'decide', id, decision, ask: true });
  try {
    let done: { nameZh: string; nameEn: string };
    if (decision === 'approve') done = (await ctx.call(APPROVE, { id, lateReason: text('lateReason') || null })).approveLevelRequest.request;
    else if (decision === 'passOn') done = (await ctx.call(PASS_ON, { id, note: text('note') || null })).passOnLevelRequest;
    else done = (await ctx.call(RETURN, { id, reason: text('reason') })).returnLevelRequest.request;
    return data<ApprovalResult>({ ok: true, intent: 'decide', id, decision, done: { nameZh: done.nameZh, nameEn: done.nameEn } });
  } catch (error) {
    return formFailure(error, request, ctx, failed);
  }
}
