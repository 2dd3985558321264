// Server side of member.tsx: one member's dues for a year, and the branch's acts on them —
// recording a payment, reversing one, checking or declaring the base. Recording, reversing and
// checking cannot be undone: the first submission only asks (ConfirmStep), the second with
// confirm=1 acts.
import { data } from 'react-router';
import type { Route } from './+types/member';
import { isConfirmed } from '../../components/Confirm';
import type { DuesResult } from '../../components/DuesConfirmed';
import { requireAccount } from '../../lib/auth.server';
import { isYearMonth, yearParam } from '../../lib/dues';
import { declareFromForm, duesBadForm, yuanField } from '../../lib/dues.server';
import { chinaToday } from '../../lib/format';
import { formFailure, readPostedForm } from '../../lib/form-action.server';
import { unknownIntent } from '../../lib/meetings.server';
import { PAGE_ROLES, WRITER_ROLES } from '../../lib/roles';
import { pageUrl } from '../../lib/session.server';
import { graphql } from '../../graphql';

const STATEMENT = graphql(`query MemberDues($memberId: ID!, $year: Int) { duesStatement(memberId: $memberId, year: $year) { ...DuesStatementFields } }`);
const RECORD = graphql(`mutation RecordDuesPayment($input: RecordDuesPaymentInput!) { recordDuesPayment(input: $input) { id receiptNo } }`);
const CORRECT = graphql(`mutation CorrectDuesPayment($id: ID!, $reason: String!) { correctDuesPayment(paymentId: $id, reason: $reason) { id receiptNo } }`);
const CHECK = graphql(`mutation CheckDuesBase($id: ID!) { checkDuesBase(id: $id) { id status } }`);

const METHODS = ['CASH', 'TRANSFER', 'ONLINE'] as const;
const UUID = /^[0-9a-f-]{36}$/i;

export async function loader({ request, params }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.dues);
  const thisYear = Number(chinaToday().slice(0, 4));
  const year = yearParam(pageUrl(request).searchParams.get('year'), thisYear);
  if (!UUID.test(params.id)) throw data({ code: 'NOT_FOUND', message: 'No such member.', messageZh: '没有这名党员。' }, { status: 404 });
  const r = await ctx.query(STATEMENT, { memberId: params.id, year });
  return { statement: r.duesStatement, year, thisYear, today: chinaToday() };
}

export async function action({ request, params }: Route.ActionArgs) {
  const { ctx, form, intent, id, text } = await readPostedForm(request, WRITER_ROLES);
  const failed = intent === 'correct' || intent === 'check' ? `${intent}:${id}` : intent;
  try {
    if (intent === 'record') {
      const months = form.getAll('month').map(String).filter(isYearMonth);
      if (months.length === 0) return duesBadForm(intent, 'months', 'Choose at least one month.', '请至少选择一个月份。');
      const amount = yuanField(intent, 'amountFen', text('amountYuan'));
      if ('refusal' in amount) return amount.refusal;
      const method = text('method') as (typeof METHODS)[number];
      if (!(METHODS as readonly string[]).includes(method)) return duesBadForm(intent, 'method', 'Choose how it was paid.', '请选择交纳方式。');
      if (!isConfirmed(form)) return data<DuesResult>({ ok: true, intent, id: '', ask: { months, amountFen: amount.fen!, method } });
      const r = await ctx.call(RECORD, {
        input: { memberId: params.id, months, amountFen: amount.fen!, method, ...(text('reference') ? { reference: text('reference') } : {}), ...(text('paidOn') ? { paidOn: text('paidOn') } : {}) },
      });
      return data<DuesResult>({ ok: true, intent, id: r.recordDuesPayment.id, done: r.recordDuesPayment.receiptNo });
    }
    if (intent === 'correct') {
      if (!text('reason')) return duesBadForm(failed, 'reason', 'Say why the entry is corrected.', '请填写更正原因。');
      if (!isConfirmed(form)) return data<DuesResult>({ ok: true, intent, id, ask: {} });
      const r = await ctx.call(CORRECT, { id, reason: text('reason') });
      return data<DuesResult>({ ok: true, intent, id: r.correctDuesPayment.id, done: r.correctDuesPayment.receiptNo });
    }
    if (intent === 'check') {
      if (!isConfirmed(form)) return data<DuesResult>({ ok: true, intent, id, ask: {} });
      await ctx.call(CHECK, { id });
      return data<DuesResult>({ ok: true, intent, id, done: '' });
    }
    if (intent === 'declare') {
      const r = await declareFromForm(ctx, intent, params.id, text);
      if ('refusal' in r) return r.refusal;
      return data<DuesResult>({ ok: true, intent, id: r.declared.id, done: '' });
    }
    return unknownIntent();
  } catch (error) {
    return formFailure(error, request, ctx, failed);
  }
}
