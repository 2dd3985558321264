// Remittance (党费上交): a unit passes its subtree's month of dues to the level above, which
// confirms receipt with its receipt number (asked first: a confirmed month is closed).
import { Form, useLoaderData } from 'react-router';
import type { Route } from './+types/remittances';
import { ActionForm } from '../../components/ActionForm';
import { FoldedCard } from '../../components/Card';
import { askOf, DuesConfirmStep, useDuesAction } from '../../components/DuesConfirmed';
import { DuesListPage, DuesStatusField } from '../../components/DuesListPage';
import { Field, FieldError, FormAlert } from '../../components/MeetingFields';
import { ProofCell } from '../../components/ProofBadge';
import { choicesOf, Options, unitChoices } from '../../components/SelectField';
import { RowHead } from '../../components/TableCard';
import { isolatedIn } from '../../components/UserText';
import { useT } from '../../i18n/use-t';
import { fenText } from '../../lib/dues';
import { titleFor } from '../../lib/meta';
import type { loader } from './remittances.server';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.dues.tabs.remittances ?? t.dues.title);

export { loader, action } from './remittances.server';

export default function DuesRemittances() {
  const d = useT().dues;
  const { status, remittances, units, canWrite, month } = useLoaderData<typeof loader>();
  const { result, failure, done, busy } = useDuesAction();
  const here = `/dues/remittances${status ? `?status=${status}` : ''}`;
  const money = (fen: number) => d.yuan(fenText(fen));
  return (
    <DuesListPage
      tab="remittances"
      id="dues-remit"
      intro={d.remittancesIntro}
      notice={done ? (done.intent === 'submit' ? d.submitted : d.confirmed) : null}
      before={
        canWrite ? (
          <FoldedCard summary={d.submit} open={failure?.intent === 'submit'} heading>
            <ActionForm intent="submit" label={d.submitSubmit} buttonClassName="btn btn-primary" busy={busy} className="form" formTestId="dues-submit-form" noValidate>
              <FormAlert result={failure} intent="submit" />
              <Field form={{ result: failure, intent: 'submit' }} id="r-unit" name="unitId" label={d.submitUnit} as="select">
                <Options choices={unitChoices(units)} />
              </Field>
              <Field form={{ result: failure, intent: 'submit' }} id="r-month" name="month" label={d.monthField} type="month" max={month} defaultValue={month} />
            </ActionForm>
          </FoldedCard>
        ) : null
      }
      filter={{ reset: true, query: { status }, fields: <DuesStatusField status={status} choices={choicesOf(['SUBMITTED', 'CONFIRMED'], d.remittanceStatuses)} /> }}
      page={remittances}
      empty={remittances.edges.length === 0 ? d.remittancesNone : null}
      columns={[d.unit, d.toUnit, d.month, d.amount, d.paymentCount, d.memberCount, d.baseStatus, d.proof]}
    >
      {remittances.edges.map(({ node: r }) => {
        const asked = askOf(result, 'confirm', r.id);
        const intent = `confirm:${r.id}`;
        return (
          <tr key={r.id}>
            <RowHead name={r.unitName} />
            <td>
              <bdi>{r.toUnitName}</bdi>
            </td>
            <td>{r.month}</td>
            <td>{money(r.amountFen)}</td>
            <td>{r.paymentCount}</td>
            <td>{r.memberCount}</td>
            <td>
              <span className={`badge ${r.status === 'CONFIRMED' ? 'badge-pass' : 'badge-pending'}`}>{d.remittanceStatuses[r.status]}</span>
              {r.confirmedOn ? (
                <span className="muted small">
                  {' '}
                  {r.confirmedOn} <bdi>{r.receiptNo ?? ''}</bdi>
                </span>
              ) : null}
              {r.status === 'SUBMITTED' && r.canConfirm ? (
                <Form method="post" className="dues-row-form" noValidate>
                  <input type="hidden" name="intent" value="confirm" />
                  <input type="hidden" name="id" value={r.id} />
                  <FormAlert result={failure} intent={intent} />
                  <label htmlFor={`rn-${r.id}`} className="visually-hidden">
                    {d.confirmReceipt}
                  </label>
                  <input id={`rn-${r.id}`} name="receiptNo" placeholder={d.confirmReceipt} maxLength={50} />
                  <FieldError result={failure} intent={intent} name="receiptNo" id={`rn-${r.id}`} />
                  <button type="submit" className="btn btn-small btn-primary" disabled={busy}>
                    {d.confirm}
                  </button>
                  {asked ? (
                    <DuesConfirmStep id={`remit-${r.id}`} title={d.confirmConfirmTitle} confirmLabel={d.confirmYes} here={here} asked={asked} busy={busy} what={isolatedIn((unit) => d.confirmConfirm(unit, r.month, money(r.amountFen)), r.unitName)} irreversible={d.confirmIrreversible} />
                  ) : null}
                </Form>
              ) : null}
            </td>
            <ProofCell proof={r.proof} />
          </tr>
        );
      })}
    </DuesListPage>
  );
}
