// One member's dues as the branch sees them, and where the branch acts on them: record a payment
// of one or more months (cash, transfer, online reference), reverse a wrong entry with a new one,
// check or declare the year's base. Each act that cannot be undone asks first (ConfirmStep).
import { useState } from 'react';
import { Form, Link, useActionData, useLoaderData, useNavigation } from 'react-router';
import type { Route } from './+types/member';
import { ConfirmStep } from '../../components/Confirm';
import { askOf, doneOf, failureOf, type DuesResult } from '../../components/DuesConfirmed';
import { DuesBaseForm } from '../../components/DuesBaseForm';
import { DuesStatementView, type DuesPaymentNode } from '../../components/DuesStatement';
import { DuesTabs } from '../../components/DuesTabs';
import { FieldError, FormAlert, invalidProps } from '../../components/MeetingFields';
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
  const result = useActionData<typeof action>() as DuesResult | undefined;
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
      <p>
        <Link to={`/dues/members?year=${year}`}>← {d.backToMembers}</Link>
      </p>
      <Form method="get" className="filters card inline-form dues-year" aria-label={d.year}>
        <div className="field">
          <label htmlFor="dues-year">{d.year}</label>
          <select id="dues-year" name="year" defaultValue={String(year)}>
            {[thisYear, thisYear - 1, thisYear - 2, thisYear - 3].map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-actions">
          <button type="submit" className="btn">
            {d.show}
          </button>
        </div>
      </Form>
      {done ? (
        <p className="notice" role="status" data-testid="dues-notice">
          {done.intent === 'record' ? d.recorded(done.done) : done.intent === 'correct' ? d.corrected : done.intent === 'check' ? d.checked : d.done}
        </p>
      ) : null}
      <div className="grid-2">
        <div>
          <DuesStatementView
            s={s}
            baseExtra={
              <>
                {b && b.status === 'DECLARED' ? (
                  <Form method="post" className="form">
                    <input type="hidden" name="intent" value="check" />
                    <input type="hidden" name="id" value={b.id} />
                    <FormAlert result={failure} intent={`check:${b.id}`} />
                    <button type="submit" className="btn btn-primary" disabled={busy} data-testid="dues-check">
                      {d.checkBase}
                    </button>
                    {askOf(result, 'check', b.id) ? (
                      <ConfirmStep id="check-confirm" title={d.checkConfirmTitle} confirmLabel={d.checkConfirmYes} cancel={{ to: here, label: d.cancel }} asked={result} busy={busy}>
                        <p>
                          <strong>{isolatedIn((name) => d.checkConfirm(name, b.year, money(b.monthlyDueFen)), s.memberName)}</strong>
                        </p>
                        <p>{d.checkIrreversible}</p>
                      </ConfirmStep>
                    ) : null}
                  </Form>
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
  const inv = (name: string, id: string) => invalidProps(failure, 'record', name, id);
  return (
    <article className="card" aria-labelledby="dues-record-title">
      <h2 id="dues-record-title">{d.recordPayment}</h2>
      <p className="muted small">{d.recordIntro}</p>
      {payable.length === 0 ? (
        <p className="empty">{d.none}</p>
      ) : (
        <Form method="post" className="form" data-testid="dues-record-form" noValidate>
          <input type="hidden" name="intent" value="record" />
          <FormAlert result={failure} intent="record" />
          <fieldset className="dues-months" {...inv('months', 'dues-months')}>
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
          <label htmlFor="dues-amount">{d.amountYuan}</label>
          <input id="dues-amount" name="amountYuan" inputMode="decimal" autoComplete="off" maxLength={14} defaultValue={chosen.length ? fenInput(dueOf(chosen)) : ''} aria-describedby="dues-amount-hint" {...inv('amountFen', 'dues-amount')} />
          <span className="muted small" id="dues-amount-hint" data-testid="dues-amount-hint">
            {d.amountHint(money(dueOf(chosen)))}
          </span>
          <FieldError result={failure} intent="record" name="amountFen" id="dues-amount" />
          <label htmlFor="dues-method">{d.method}</label>
          <select id="dues-method" name="method" defaultValue="CASH">
            {METHODS.map((m) => (
              <option key={m} value={m}>
                {d.methods[m]}
              </option>
            ))}
          </select>
          <label htmlFor="dues-reference">{d.reference}</label>
          <input id="dues-reference" name="reference" maxLength={100} autoComplete="off" aria-describedby="dues-reference-hint" {...inv('reference', 'dues-reference')} />
          <span className="muted small" id="dues-reference-hint">
            {d.referenceHint}
          </span>
          <FieldError result={failure} intent="record" name="reference" id="dues-reference" />
          <label htmlFor="dues-paid-on">{d.paidOn}</label>
          <input id="dues-paid-on" name="paidOn" type="date" max={today} defaultValue={today} {...inv('paidOn', 'dues-paid-on')} />
          <FieldError result={failure} intent="record" name="paidOn" id="dues-paid-on" />
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
    </article>
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
        <label htmlFor={`reason-${p.id}`}>{d.correctReason}</label>
        <textarea id={`reason-${p.id}`} name="reason" rows={2} maxLength={500} {...invalidProps(failure, intent, 'reason', `reason-${p.id}`)} />
        <FieldError result={failure} intent={intent} name="reason" id={`reason-${p.id}`} />
        <button type="submit" className="btn btn-danger" disabled={busy}>
          {d.correctSubmit}
        </button>
        {asked ? (
          <ConfirmStep id={`correct-confirm-${p.id}`} title={d.correctConfirmTitle} confirmLabel={d.correctConfirmYes} cancel={{ to: here, label: d.cancel }} asked={asked} busy={busy}>
            <p>
              <strong>{isolatedIn((receipt) => d.correctConfirm(receipt, d.yuan(fenText(p.amountFen))), p.receiptNo)}</strong>
            </p>
            <p>{d.correctIrreversible}</p>
          </ConfirmStep>
        ) : null}
      </Form>
    </details>
  );
}
