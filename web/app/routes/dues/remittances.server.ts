// Server side of remittances.tsx: remittances sent from or received in the viewer's subtree,
// submitting a unit's month, and the level above confirming receipt (asks first: final).
import { data } from 'react-router';
import type { Route } from './+types/remittances';
import { isConfirmed } from '../../components/Confirm';
import type { DuesResult } from '../../components/DuesConfirmed';
import { requireAccount } from '../../lib/auth.server';
import { isYearMonth } from '../../lib/dues';
import { duesBadForm } from '../../lib/dues.server';
import { chinaToday } from '../../lib/format';
import { formFailure, readPostedForm } from '../../lib/form-action.server';
import { unknownIntent } from '../../lib/meetings.server';
import { isWriter, PAGE_ROLES, WRITER_ROLES } from '../../lib/roles';
import { pagingFrom } from '../../lib/portal';
import { pageUrl } from '../../lib/session.server';
import { unitOptions } from '../../lib/units.server';
import { graphql } from '../../graphql';
import { paramOneOf } from '../../lib/one-of';

const LIST = graphql(`query DuesRemittancesList($status: DuesRemittanceStatus, $first: Int, $after: String, $last: Int, $before: String) {
  duesRemittances(status: $status, first: $first, after: $after, last: $last, before: $before) {
    totalCount
    pageInfo { ...PageFields }
    edges { node { id orgUnitId unitName toUnitId toUnitName month paymentCount memberCount amountFen status confirmedOn receiptNo proof { status batchSeq anchor { height } } } }
  }
}`);
const SUBMIT = graphql(`mutation SubmitDuesRemittance($unitId: ID!, $month: String!) { submitDuesRemittance(unitId: $unitId, month: $month) { id amountFen } }`);
const CONFIRM = graphql(`mutation ConfirmDuesRemittance($id: ID!, $receiptNo: String!) { confirmDuesRemittance(id: $id, receiptNo: $receiptNo) { id status } }`);

const STATUSES = ['SUBMITTED', 'CONFIRMED'] as const;

export async function loader({ request }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.dues);
  const url = pageUrl(request);
  const s = paramOneOf(url, 'status', STATUSES);
  const [r, units] = await Promise.all([ctx.query(LIST, { ...(s ? { status: s } : {}), ...pagingFrom(url) }), unitOptions(ctx)]);
  const canWrite = isWriter(ctx.account.role);
  // Receipt is confirmed by the receiving unit: offered where that unit is in the viewer's subtree.
  const mine = new Set(units.map((u) => u.id));
  return {
    status: s ?? '',
    remittances: { ...r.duesRemittances, edges: r.duesRemittances.edges.map((e) => ({ node: { ...e.node, canConfirm: canWrite && mine.has(e.node.toUnitId) } })) },
    units,
    canWrite,
    month: chinaToday().slice(0, 7),
  };
}

export async function action({ request }: Route.ActionArgs) {
  const { ctx, form, intent, id, text } = await readPostedForm(request, WRITER_ROLES);
  const failed = intent === 'confirm' ? `confirm:${id}` : intent;
  try {
    if (intent === 'submit') {
      if (!text('unitId')) return duesBadForm(intent, 'unitId', 'Choose the remitting unit.', '请选择上交组织。');
      if (!isYearMonth(text('month'))) return duesBadForm(intent, 'month', 'must be a month.', '请选择月份。');
      await ctx.call(SUBMIT, { unitId: text('unitId'), month: text('month') });
      return data<DuesResult>({ ok: true, intent, id: '', done: '' });
    }
    if (intent === 'confirm') {
      if (!text('receiptNo')) return duesBadForm(failed, 'receiptNo', 'Enter the receipt number.', '请填写收据编号。');
      if (!isConfirmed(form)) return data<DuesResult>({ ok: true, intent, id, ask: {} });
      await ctx.call(CONFIRM, { id, receiptNo: text('receiptNo') });
      return data<DuesResult>({ ok: true, intent, id, done: '' });
    }
    return unknownIntent();
  } catch (error) {
    return formFailure(error, request, ctx, failed);
  }
}
