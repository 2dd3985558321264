// Server side of arrears.tsx: arrears cases by status, the system's scan that raises them, and the
// branch's decision on one (asks first: it cannot be changed).
import { data } from 'react-router';
import type { Route } from './+types/arrears';
import { isConfirmed } from '../../components/Confirm';
import type { DuesResult } from '../../components/DuesConfirmed';
import { requireAccount } from '../../lib/auth.server';
import { duesBadForm } from '../../lib/dues.server';
import { formFailure, readPostedForm } from '../../lib/form-action.server';
import { unknownIntent } from '../../lib/meetings.server';
import { isWriter, PAGE_ROLES, WRITER_ROLES } from '../../lib/roles';
import { pagingFrom } from '../../lib/portal';
import { pageUrl } from '../../lib/session.server';
import { graphql } from '../../graphql';
import { paramOneOf } from '../../lib/one-of';

const CASES = graphql(`query DuesArrearsList($status: DuesArrearsStatus, $first: Int, $after: String, $last: Int, $before: String) {
  duesArrearsCases(status: $status, first: $first, after: $after, last: $last, before: $before) {
    totalCount
    pageInfo { ...PageFields }
    edges { node { id memberId memberName fromMonth toMonth months status decisionReason decidedOn createdAt proof { status batchSeq anchor { height } } } }
  }
}`);
const RAISE = graphql(`mutation RaiseDuesArrears { raiseDuesArrearsCases { id } }`);
const DECIDE = graphql(`mutation DecideDuesArrears($id: ID!, $decision: DuesArrearsDecision!, $reason: String!) { decideDuesArrearsCase(id: $id, decision: $decision, reason: $reason) { id status } }`);

const STATUSES = ['OPEN', 'EXCUSED', 'TREAT_AS_LEFT', 'SETTLED'] as const;
export const DECISIONS = ['EXCUSED', 'SETTLED', 'TREAT_AS_LEFT'] as const;

export async function loader({ request }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.dues);
  const url = pageUrl(request);
  const s = paramOneOf(url, 'status', STATUSES);
  const r = await ctx.query(CASES, { ...(s ? { status: s } : {}), ...pagingFrom(url) });
  return { status: s ?? '', cases: r.duesArrearsCases, canWrite: isWriter(ctx.account.role) };
}

export async function action({ request }: Route.ActionArgs) {
  const { ctx, form, intent, id, text } = await readPostedForm(request, WRITER_ROLES);
  const failed = intent === 'decide' ? `decide:${id}` : intent;
  try {
    if (intent === 'raise') {
      const r = await ctx.call(RAISE);
      return data<DuesResult>({ ok: true, intent, id: '', done: String(r.raiseDuesArrearsCases.length) });
    }
    if (intent === 'decide') {
      const decision = text('decision') as (typeof DECISIONS)[number];
      if (!(DECISIONS as readonly string[]).includes(decision)) return duesBadForm(failed, 'decision', 'Choose a decision.', '请选择决定。');
      if (!text('reason')) return duesBadForm(failed, 'reason', 'Give the reason for the decision.', '请填写决定的理由。');
      if (!isConfirmed(form)) return data<DuesResult>({ ok: true, intent, id, ask: { decision } });
      await ctx.call(DECIDE, { id, decision, reason: text('reason') });
      return data<DuesResult>({ ok: true, intent, id, done: '' });
    }
    return unknownIntent();
  } catch (error) {
    return formFailure(error, request, ctx, failed);
  }
}
