// Server side of hardships.tsx: hardship decisions by status, recording the branch's decision,
// and the level above approving or refusing one (asks first: it cannot be changed afterwards).
import { data } from 'react-router';
import type { Route } from './+types/hardships';
import { isConfirmed } from '../../components/Confirm';
import type { DuesResult } from '../../components/DuesConfirmed';
import { requireAccount } from '../../lib/auth.server';
import { isYearMonth } from '../../lib/dues';
import { duesBadForm, yuanField } from '../../lib/dues.server';
import { formFailure, readPostedForm } from '../../lib/form-action.server';
import { unknownIntent } from '../../lib/meetings.server';
import { isWriter, PAGE_ROLES, WRITER_ROLES } from '../../lib/roles';
import { pagingFrom } from '../../lib/portal';
import { pageUrl } from '../../lib/session.server';
import { graphql } from '../../graphql';
import { paramOneOf } from '../../lib/one-of';

const LIST = graphql(`query DuesHardshipsList($scope: ID!, $status: DuesHardshipStatus, $first: Int, $after: String, $last: Int, $before: String) {
  duesHardships(status: $status, first: $first, after: $after, last: $last, before: $before) {
    totalCount
    pageInfo { ...PageFields }
    edges { node { id memberId memberName kind reducedFen fromMonth toMonth reason branchDecision status decidedOn decisionNote proof { status batchSeq anchor { height } } } }
  }
  scope: orgUnit(id: $scope) { kind }
  full: members(first: 100, status: ACTIVE, stage: FULL) { edges { node { id name } } }
  probationary: members(first: 100, status: ACTIVE, stage: PROBATIONARY) { edges { node { id name } } }
}`);
const PROPOSE = graphql(`mutation ProposeDuesHardship($input: ProposeDuesHardshipInput!) { proposeDuesHardship(input: $input) { id } }`);
const DECIDE = graphql(`mutation DecideDuesHardship($id: ID!, $approve: Boolean!, $note: String) { decideDuesHardship(id: $id, approve: $approve, note: $note) { id status } }`);

const STATUSES = ['PROPOSED', 'APPROVED', 'REJECTED'] as const;

export async function loader({ request }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.dues);
  const url = pageUrl(request);
  const s = paramOneOf(url, 'status', STATUSES);
  const r = await ctx.query(LIST, { scope: ctx.account.scopeUnitId, ...(s ? { status: s } : {}), ...pagingFrom(url) });
  const canWrite = isWriter(ctx.account.role);
  return {
    status: s ?? '',
    hardships: r.duesHardships,
    members: [...r.full.edges, ...r.probationary.edges].map((e) => e.node).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
    canWrite,
    // The level above the branch approves: a branch's (or group's) own secretary never can, so
    // they are not offered the buttons (the API also refuses the proposer; it says so).
    canApprove: canWrite && r.scope.kind !== 'BRANCH' && r.scope.kind !== 'GROUP',
  };
}

export async function action({ request }: Route.ActionArgs) {
  const { ctx, form, intent, id, text } = await readPostedForm(request, WRITER_ROLES);
  const failed = intent === 'decide' ? `decide:${id}` : intent;
  try {
    if (intent === 'propose') {
      const kind = text('kind');
      if (kind !== 'REDUCTION' && kind !== 'EXEMPTION') return duesBadForm(intent, 'kind', 'Choose reduction or exemption.', '请选择减交或免交。');
      if (!text('memberId')) return duesBadForm(intent, 'memberId', 'Choose a member.', '请选择党员。');
      const reduced = kind === 'REDUCTION' ? yuanField(intent, 'reducedFen', text('reducedYuan')) : { fen: null };
      if ('refusal' in reduced) return reduced.refusal;
      for (const f of ['fromMonth', 'toMonth'] as const) {
        if (!isYearMonth(text(f))) return duesBadForm(intent, f, 'must be a month.', '请选择月份。');
      }
      await ctx.call(PROPOSE, {
        input: {
          memberId: text('memberId'),
          kind,
          ...(reduced.fen !== null ? { reducedFen: reduced.fen } : {}),
          fromMonth: text('fromMonth'),
          toMonth: text('toMonth'),
          reason: text('reason'),
          branchDecision: text('branchDecision'),
        },
      });
      return data<DuesResult>({ ok: true, intent, id: '', done: '' });
    }
    if (intent === 'decide') {
      const approve = text('approve') === '1';
      if (!isConfirmed(form)) return data<DuesResult>({ ok: true, intent, id, ask: { approve: approve ? 1 : 0 } });
      await ctx.call(DECIDE, { id, approve, ...(text('note') ? { note: text('note') } : {}) });
      return data<DuesResult>({ ok: true, intent, id, done: '' });
    }
    return unknownIntent();
  } catch (error) {
    return formFailure(error, request, ctx, failed);
  }
}
