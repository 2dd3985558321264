// One member's dues as the branch sees them, and where the branch acts on them: record a payment
// of one or more months (cash, transfer, online reference), reverse a wrong entry with a new one,
// check or declare the year's base. Each act that cannot be undone asks first (ConfirmStep).
import { useState } from 'react';
import { Form, useLoaderData, useNavigation } from 'react-router';
import { useActionResult } from '../../lib/use-action-result';
import type { Route } from './+types/member';
import { ActionForm } from '../../components/ActionForm';
import { Card } from '../../components/Card';
import { ConfirmStep } from '../../components/Confirm';
import { DuesBaseForm } from '../../components/DuesBaseForm';
import { askOf, DuesConfirmStep, doneOf, failureOf, type DuesResult } from '../../components/DuesConfirmed';
import { DuesStatementView, type DuesPaymentNode } from '../../components/DuesStatement';
import { DuesTabs, DuesYearFilter } from '../../components/DuesTabs';
import { Field, FieldError, FormAlert, invalidProps } from '../../components/MeetingFields';
import { Notice } from '../../components/Notice';
import { BackLink } from '../../components/RecordHead';
import { choicesOf, Options } from '../../components/SelectField';
import { isolatedIn } from '../../components/UserText';
import { useT } from '../../i18n/use-t';
import { fenInput, fenText, monthsText } from '../../lib/dues';
import { titleFor } from '../../lib/meta';
import type { action, loader } from './member.server';
import '../../components/Dues.css';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.dues.title);

export { loader, action } from './member.server';

const METHODS = ['CASH', 'TRANSFER', 'ONLINE'] as const;

export default function MemberDues() {
  const t = useT();
  const d = t.dues;
  const { statement: s, year, thisYear, today } = useLoaderData<typeof loader>();
  const result = useActionResult<DuesResult>();
  const busy = useNavigation().state === 'submitting';
  const failure = failureOf(result);
  const done = doneOf(result);
  const money = (fen: number) => d.yuan(fenText(fen));
  const here = `/dues/members/${s.memberId}?year=${year}`;
  const b = s.base;
  return (
    <section className="page" aria-labelledby="dues-member-title">
      <h1 id="dues-member-title">{isolatedIn((name) => d.memberTitle(name), s.memberName)}</h1>
      <DuesTabs />
      <BackLink to={`/dues/members?year=${year}`} label={d.backToMembers} />
      <DuesYearFilter year={year} newest={thisYear} oldest={thisYear - 3} />
      <Notice testId="dues-notice">{done ? (done.intent === 'record' ? d.recorded(done.done) : done.intent === 'correct' ? d.corrected : done.intent === 'check' ? d.checked : d.done) : null}</Notice>
      <div className="grid-2">
        <div>
          <DuesStatementView
            s={s}
            baseExtra={
              <>
                {b && b.status === 'DECLARED' ? (
                  <ActionForm
                    intent="check"
                    id={b.id}
                    label={d.checkBase}
                    buttonClassName="btn btn-primary"
                    busy={busy}
                    className="form"
                    testId="dues-check"
                    after={askOf(result, 'check', b.id) ? <DuesConfirmStep id="check-confirm" title={d.checkConfirmTitle} confirmLabel={d.checkConfirmYes} here={here} asked={result} busy={busy} what={isolatedIn((name) => d.checkConfirm(name, b.year, money(b.monthlyDueFen)), s.memberName)} irreversible={d.checkIrreversible} /> : null}
                  >
                    <FormAlert result={failure} intent={`check:${b.id}`} />
                  </ActionForm>
                ) : null}
                {!b || b.status === 'DECLARED' ? (
                  <details className="dues-declare" open={failure?.intent === 'declare'}>
                    <summary>{d.declareFor}</summary>
                    <DuesBaseForm year={year} result={failure} busy={busy} />
                  </details>
                ) : null}
              </>
            }
            paymentExtra={(p) => <CorrectForm p={p} result={result} busy={busy} here={here} />}
          />
        </div>
        <div>
          <RecordForm key={done?.intent === 'record' ? done.id : 'record'} s={s} result={result} busy={busy} today={today} here={here} />
        </div>
      </div>
    </section>
  );
}

function RecordForm({ s, result, busy, today, here }: { s: ReturnType<typeof useLoaderData<typeof loader>>['statement']; result: DuesResult | undefined; busy: boolean; today: string; here: string }) {
  const d = useT().dues;
  const money = (fen: number) => d.yuan(fenText(fen));
  // Months with something due and nothing paid yet (a month already paid is corrected, not paid twice).
  const payable = s.months.filter((m) => m.dueFen !== null && m.dueFen > 0 && m.paidFen <= 0);
  const [chosen, setChosen] = useState<string[]>(() => payable.filter((m) => m.status === 'UNPAID').map((m) => m.month));
  const dueOf = (months: string[]) => payable.filter((m) => months.includes(m.month)).reduce((a, m) => a + (m.dueFen ?? 0), 0);
  const failure = failureOf(result);
  const asked = askOf(result, 'record');
  const form = { result: failure, intent: 'record' };
  return (
    <Card titleId="dues-record-title" title={d.recordPayment} intro={d.recordIntro}>
      {payable.length === 0 ? (
        <p className="empty">{d.none}</p>
      ) : (
        <Form method="post" className="form" data-testid="dues-record-form" noValidate>
          <input type="hidden" name="intent" value="record" />
          <FormAlert result={failure} intent="record" />
          <fieldset className="dues-months" {...invalidProps(failure, 'record', 'months', 'dues-months')}>
            <legend>{d.chooseMonths}</legend>
            {payable.map((m) => (
              <label key={m.month} className="dues-month-choice">
                <input
                  type="checkbox"
                  name="month"
                  value={m.month}
                  defaultChecked={chosen.includes(m.month)}
                  onChange={(e) => setChosen((c) => (e.target.checked ? [...c, m.month] : c.filter((x) => x !== m.month)))}
                />{' '}
                {d.monthDue(m.month, money(m.dueFen ?? 0))}
              </label>
            ))}
          </fieldset>
          <FieldError result={failure} intent="record" name="months" id="dues-months" />
          <Field
            form={form}
            id="dues-amount"
            name="amountYuan"
            error="amountFen"
            label={d.amountYuan}
            inputMode="decimal"
            autoComplete="off"
            maxLength={14}
            defaultValue={chosen.length ? fenInput(dueOf(chosen)) : ''}
            hint={d.amountHint(money(dueOf(chosen)))}
            hintTestId="dues-amount-hint"
          />
          <Field id="dues-method" name="method" label={d.method} as="select" defaultValue="CASH">
            <Options choices={choicesOf(METHODS, d.methods)} />
          </Field>
          <Field form={form} id="dues-reference" name="reference" label={d.reference} maxLength={100} autoComplete="off" hint={d.referenceHint} />
          <Field form={form} id="dues-paid-on" name="paidOn" label={d.paidOn} type="date" max={today} defaultValue={today} />
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="dues-record">
            {d.recordSubmit}
          </button>
          {asked ? (
            <ConfirmStep id="record-confirm" title={d.recordConfirmTitle} confirmLabel={d.recordConfirmYes} cancel={{ to: here, label: d.cancel }} asked={asked} busy={busy}>
              <p>
                <strong>{isolatedIn((name) => d.recordConfirm(name, monthsText(asked.ask.months as string[]), money(asked.ask.amountFen as number), d.methods[asked.ask.method as string] ?? ''), s.memberName)}</strong>
              </p>
              {(asked.ask.amountFen as number) > dueOf(asked.ask.months as string[]) ? <p>{d.extra}: {money((asked.ask.amountFen as number) - dueOf(asked.ask.months as string[]))}</p> : null}
              <p>{d.irreversible}</p>
            </ConfirmStep>
          ) : null}
        </Form>
      )}
    </Card>
  );
}

function CorrectForm({ p, result, busy, here }: { p: DuesPaymentNode; result: DuesResult | undefined; busy: boolean; here: string }) {
  const d = useT().dues;
  if (p.correctsId || p.correctedBy) return null;
  const failure = failureOf(result);
  const intent = `correct:${p.id}`;
  const asked = askOf(result, 'correct', p.id);
  return (
    <details className="dues-correct" open={Boolean(asked) || failure?.intent === intent}>
      <summary>{d.correct}</summary>
      <p className="muted small">{d.correctIntro}</p>
      <Form method="post" className="form" noValidate>
        <input type="hidden" name="intent" value="correct" />
        <input type="hidden" name="id" value={p.id} />
        <FormAlert result={failure} intent={intent} />
        <Field form={{ result: failure, intent }} id={`reason-${p.id}`} name="reason" label={d.correctReason} as="textarea" rows={2} maxLength={500} />
        <button type="submit" className="btn btn-danger" disabled={busy}>
          {d.correctSubmit}
        </button>
        {asked ? (
          <DuesConfirmStep id={`correct-confirm-${p.id}`} title={d.correctConfirmTitle} confirmLabel={d.correctConfirmYes} here={here} asked={asked} busy={busy} what={isolatedIn((receipt) => d.correctConfirm(receipt, d.yuan(fenText(p.amountFen))), p.receiptNo)} irreversible={d.correctIrreversible} />
        ) : null}
      </Form>
    </details>
  );
}
