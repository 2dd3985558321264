// Server side of queue.tsx: the deciding level's queue and the requests a branch sent, and the
// approve / return actions. A decision cannot be undone: the first submission only asks
// (ConfirmStep), the second with confirm=1 decides.
import { data } from 'react-router';
import type { Route } from './+types/queue';
import { isConfirmed } from '../../components/Confirm';
import { requireAccount } from '../../lib/auth.server';
import { formFailure, readPostedForm } from '../../lib/form-action.server';
import type { FormFailure } from '../../lib/meetings-form';
import { PAGE_ROLES, WRITER_ROLES } from '../../lib/roles';
import { pageUrl } from '../../lib/session.server';
import { graphql } from '../../graphql';

const QUEUE = graphql(`query ApprovalQueue($after: String) {
  me { account { role scopeUnit { id name kind } } }
  approvalQueue(first: 50, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { since waitingDays dueOn deadline status daysLeft request { ...LevelRequestRow } } }
  }
  levelRequests(status: [PENDING, RETURNED], first: 50) { totalCount edges { node { ...LevelRequestRow } } }
}`);

graphql(`fragment LevelRequestRow on LevelRequest {
  id kind stepNo nameZh nameEn status notes requestedAt requestedByName decidedAt decidedByName returnReason
  decidingUnitName
  member { id name orgUnit { id name } }
}`);

const APPROVE = graphql(`mutation ApproveLevelRequest($id: ID!, $lateReason: String) { approveLevelRequest(id: $id, lateReason: $lateReason) { request { id nameZh nameEn } } }`);
const RETURN = graphql(`mutation ReturnLevelRequest($id: ID!, $reason: String!) { returnLevelRequest(id: $id, reason: $reason) { request { id nameZh nameEn } } }`);

const DECISIONS = ['approve', 'return'] as const;
type Decision = (typeof DECISIONS)[number];

export type ApprovalResult =
  | { ok: true; intent: string; id: string; decision: Decision; ask: true }
  | { ok: true; intent: string; id: string; decision: Decision; done: { nameZh: string; nameEn: string } }
  | FormFailure;

export async function loader({ request }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.approvals);
  const after = pageUrl(request).searchParams.get('after')?.slice(0, 200) || null;
  const r = await ctx.query(QUEUE, { after });
  const scope = r.me.account?.scopeUnit ?? null;
  // The queue's own rule (decision 013): ADMIN, or a SECRETARY scoped to a committee, decides.
  const decides = ctx.account.role === 'ADMIN' || scope?.kind === 'COMMITTEE';
  const queued = new Set(r.approvalQueue.edges.map((e) => e.node.request.id));
  return {
    scope,
    decides,
    paged: after !== null,
    queue: r.approvalQueue,
    sent: r.levelRequests.edges.map((e) => e.node).filter((x) => !queued.has(x.id)),
  };
}

export async function action({ request }: Route.ActionArgs) {
  const { ctx, form, intent, id, text } = await readPostedForm(request, WRITER_ROLES);
  const failed = `decide:${id}`;
  const decision = text('decision') as Decision;
  const bad = (field: string, message: string, messageZh: string) =>
    data<ApprovalResult>({ ok: false, intent: failed, error: { code: 'BAD_USER_INPUT', message, messageZh }, fields: [{ field, message, messageZh }] }, { status: 400 });
  if (intent !== 'decide' || !(DECISIONS as readonly string[]).includes(decision)) return bad('decision', 'Choose approve or return.', '请选择批准或退回。');
  if (decision === 'return' && !text('reason')) return bad('reason', 'Give the reason for returning: the branch reads it.', '请填写退回理由，支部将看到该理由。');
  if (!isConfirmed(form)) return data<ApprovalResult>({ ok: true, intent: 'decide', id, decision, ask: true });
  try {
    const done =
      decision === 'approve'
        ? (await ctx.call(APPROVE, { id, lateReason: text('lateReason') || null })).approveLevelRequest.request
        : (await ctx.call(RETURN, { id, reason: text('reason') })).returnLevelRequest.request;
    return data<ApprovalResult>({ ok: true, intent: 'decide', id, decision, done: { nameZh: done.nameZh, nameEn: done.nameEn } });
  } catch (error) {
    return formFailure(error, request, ctx, failed);
  }
}
