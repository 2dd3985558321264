// Remittance (党费上交): a unit passes its subtree's month of dues to the level above, which
// confirms receipt with its receipt number (asked first: a confirmed month is closed).
import { Form, useActionData, useLoaderData, useNavigation } from 'react-router';
import type { Route } from './+types/remittances';
import { ConfirmStep } from '../../components/Confirm';
import { askOf, doneOf, failureOf, type DuesResult } from '../../components/DuesConfirmed';
import { DuesHead } from '../../components/DuesTabs';
import { ListPage } from '../../components/ListPage';
import { FieldError, FormAlert, invalidProps } from '../../components/MeetingFields';
import { filterPageHref } from '../../components/PageLinks';
import { ProofBadge } from '../../components/ProofBadge';
import { Options, SelectField, unitChoices } from '../../components/SelectField';
import { isolatedIn } from '../../components/UserText';
import { useT } from '../../i18n/use-t';
import { fenText } from '../../lib/dues';
import { titleFor } from '../../lib/meta';
import type { action, loader } from './remittances.server';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.dues.tabs.remittances ?? t.dues.title);

export { loader, action } from './remittances.server';

export default function DuesRemittances() {
  const d = useT().dues;
  const { status, remittances, units, canWrite, month } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as DuesResult | undefined;
  const nav = useNavigation();
  const busy = nav.state === 'submitting';
  const failure = failureOf(result);
  const done = doneOf(result);
  const here = `/dues/remittances${status ? `?status=${status}` : ''}`;
  const money = (fen: number) => d.yuan(fenText(fen));
  return (
    <ListPage
      titleId="dues-remit-title"
      head={<DuesHead id="dues-remit-title" title={d.tabs.remittances ?? ''} intro={d.remittancesIntro} />}
      before={
        <>
          {done ? (
            <p className="notice" role="status" data-testid="dues-notice">
              {done.intent === 'submit' ? d.submitted : d.confirmed}
            </p>
          ) : null}
          {canWrite ? (
            <details className="card" open={failure?.intent === 'submit'}>
              <summary className="h3">{d.submit}</summary>
              <Form method="post" className="form" noValidate data-testid="dues-submit-form">
                <input type="hidden" name="intent" value="submit" />
                <FormAlert result={failure} intent="submit" />
                <label htmlFor="r-unit">{d.submitUnit}</label>
                <select id="r-unit" name="unitId" {...invalidProps(failure, 'submit', 'unitId', 'r-unit')}>
                  <Options choices={unitChoices(units)} />
                </select>
                <FieldError result={failure} intent="submit" name="unitId" id="r-unit" />
                <label htmlFor="r-month">{d.monthField}</label>
                <input id="r-month" name="month" type="month" max={month} defaultValue={month} {...invalidProps(failure, 'submit', 'month', 'r-month')} />
                <FieldError result={failure} intent="submit" name="month" id="r-month" />
                <button type="submit" className="btn btn-primary" disabled={busy}>
                  {d.submitSubmit}
                </button>
              </Form>
            </details>
          ) : null}
        </>
      }
      filter={{
        label: d.filter,
        submit: d.filter,
        reset: { to: '/dues/remittances', label: d.reset },
        fields: <SelectField id="dues-status" name="status" label={d.baseStatus} defaultValue={status} any={d.statusAny} choices={['SUBMITTED', 'CONFIRMED'].map((s) => ({ value: s, label: d.remittanceStatuses[s] }))} />,
      }}
      total={{ testId: 'dues-remit-total', text: d.total(remittances.totalCount) }}
      table={{ testId: 'dues-remit-table', caption: d.tabs.remittances ?? '', busy: nav.state === 'loading', empty: remittances.edges.length === 0 ? d.remittancesNone : null }}
      pager={{ pageInfo: remittances.pageInfo, href: filterPageHref({ status }), text: d }}
    >
      <thead>
        <tr>
          <th scope="col">{d.unit}</th>
          <th scope="col">{d.toUnit}</th>
          <th scope="col">{d.month}</th>
          <th scope="col">{d.amount}</th>
          <th scope="col">{d.paymentCount}</th>
          <th scope="col">{d.memberCount}</th>
          <th scope="col">{d.baseStatus}</th>
          <th scope="col">{d.proof}</th>
        </tr>
      </thead>
      <tbody>
        {remittances.edges.map(({ node: r }) => {
          const asked = askOf(result, 'confirm', r.id);
          const intent = `confirm:${r.id}`;
          return (
            <tr key={r.id}>
              <th scope="row">
                <bdi>{r.unitName}</bdi>
              </th>
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
                      <ConfirmStep id={`remit-${r.id}`} title={d.confirmConfirmTitle} confirmLabel={d.confirmYes} cancel={{ to: here, label: d.cancel }} asked={asked} busy={busy}>
                        <p>
                          <strong>{isolatedIn((unit) => d.confirmConfirm(unit, r.month, money(r.amountFen)), r.unitName)}</strong>
                        </p>
                        <p>{d.confirmIrreversible}</p>
                      </ConfirmStep>
                    ) : null}
                  </Form>
                ) : null}
              </td>
              <td>
                <ProofBadge proof={r.proof} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </ListPage>
  );
}
