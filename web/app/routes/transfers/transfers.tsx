// Transfer letters: issue (validity 3 months, 6 across provinces), list with validity and
// EXPIRED / past-validity flags, receive as the receiving unit, cancel, and the expiry sweep. A
// letter past its validity (the API's `lapsed`) is never offered for receipt or cancelling.
import { Form, useLoaderData, useNavigation } from 'react-router';
import { useActionResult } from '../../lib/use-action-result';
import type { Route } from './+types/transfers';
import { ActionForm } from '../../components/ActionForm';
import { FoldedCard } from '../../components/Card';
import { ListPage } from '../../components/ListPage';
import { FieldAlert } from '../../components/MeetingFields';
import { Notice, Refusal } from '../../components/Notice';
import { choicesOf, nameChoices, Options, SelectField } from '../../components/SelectField';
import { RowHead } from '../../components/TableCard';
import { useT } from '../../i18n/use-t';
import type { ErrorPayload } from '../../lib/errors';
import type { FieldError } from '../../lib/graphql.server';
import { titleFor } from '../../lib/meta';
import { DIRECTIONS, STATUSES } from './filters';
import type { action, loader } from './transfers.server';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.transfers.title);

export { loader, action } from './transfers.server';

export type ActionResult = { ok: true; intent: string; letterNo?: string; swept?: number } | { ok: false; intent: string; id: string; error: ErrorPayload; fields: FieldError[] };

export default function Transfers() {
  const t = useT();
  const { filters, transfers, members, units } = useLoaderData<typeof loader>();
  const result = useActionResult<ActionResult>();
  const navigation = useNavigation();
  const busy = navigation.state === 'submitting';
  const failed = result && !result.ok ? result : null;
  const fieldError = (name: string) => <FieldAlert result={failed} intent="issue" name={name} />;
  return (
    <ListPage
      id="transfers"
      head={
        <>
          <h1 id="transfers-title">{t.transfers.title}</h1>
          <p className="muted">{t.transfers.intro}</p>
        </>
      }
      before={
        <>
          <Refusal error={failed?.error} testId="transfer-error" />
          <Notice testId="transfer-notice">{result?.ok ? (result.letterNo ? t.transfers.issued(result.letterNo) : result.swept !== undefined ? t.transfers.swept(result.swept) : t.transfers.done) : null}</Notice>
          <FoldedCard summary={t.transfers.issue} open={failed?.intent === 'issue'}>
            <Form method="post" className="form">
              <input type="hidden" name="intent" value="issue" />
              <label htmlFor="tr-member">{t.transfers.member}</label>
              <select id="tr-member" name="memberId" required>
                <Options choices={members.map((m) => ({ value: m.id, label: `${m.name}（${m.orgUnit.name}）`, userText: true }))} />
              </select>
              {fieldError('memberId')}
              <label htmlFor="tr-no">{t.transfers.letterNo}</label>
              <input id="tr-no" name="letterNo" required maxLength={50} />
              {fieldError('letterNo')}
              <label htmlFor="tr-unit">{t.transfers.toUnit}</label>
              <select id="tr-unit" name="toUnitId" defaultValue="">
                <Options any={t.transfers.none} choices={nameChoices(units)} />
              </select>
              {fieldError('toUnitId')}
              <label htmlFor="tr-org">{t.transfers.toOrganisation}</label>
              <input id="tr-org" name="toOrganisation" maxLength={200} />
              {fieldError('toOrganisation')}
              <label htmlFor="tr-prov">{t.transfers.toProvince}</label>
              <input id="tr-prov" name="toProvince" maxLength={20} />
              {fieldError('toProvince')}
              <button type="submit" className="btn btn-primary" disabled={busy} data-testid="transfer-issue">
                {t.transfers.issueSubmit}
              </button>
            </Form>
          </FoldedCard>
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="sweep" />
            <button type="submit" className="btn" disabled={busy} data-testid="transfer-sweep">
              {t.transfers.sweep}
            </button>
          </Form>
        </>
      }
      text={t.transfers}
      filter={{
        query: filters,
        fields: (
          <>
            <SelectField id="f-dir" name="direction" label={t.transfers.direction} defaultValue={filters.direction} choices={DIRECTIONS.map((d) => ({ value: d === 'ANY' ? '' : d, label: t.transfers.directions[d] }))} />
            <SelectField id="f-status" name="status" label={t.transfers.status} defaultValue={filters.status} any={t.transfers.any} choices={choicesOf(STATUSES, t.transfers.statuses)} />
          </>
        ),
      }}
      total={t.transfers.total(transfers.totalCount)}
      table={{ caption: t.transfers.list, empty: transfers.edges.length === 0 ? t.transfers.empty : null, columns: [t.transfers.letterNo, t.transfers.member, t.transfers.from, t.transfers.to, t.transfers.issuedOn, t.transfers.validUntil, t.transfers.status, { label: t.transfers.receive, hidden: true }] }}
      pageInfo={transfers.pageInfo}
    >
      {transfers.edges.map(({ node: l }) => (
        <tr key={l.id} data-letter={l.letterNo}>
          <RowHead name={l.letterNo} className="mono" />
          <td><bdi>{l.memberName}</bdi></td>
          <td><bdi>{l.fromUnitName}</bdi></td>
          <td>
            <bdi>{l.toUnitName ?? l.toOrganisation}</bdi>
            {l.crossProvince ? <span className="badge badge-skip">{t.transfers.crossProvince}</span> : null}
          </td>
          <td>{l.issuedOn}</td>
          <td>{l.lastValidDay}</td>
          <td>
            <span className={`badge ${l.status === 'RECEIVED' ? 'badge-pass' : l.status === 'ISSUED' && !l.lapsed ? 'badge-pending' : 'badge-fail'}`} data-status={l.status}>
              {t.transfers.statuses[l.status] ?? l.status}
            </span>
            {l.lapsed ? <span className="badge badge-fail">{t.transfers.lapsed}</span> : null}
          </td>
          <td>
            {l.status === 'ISSUED' && !l.lapsed ? (
              <div className="wf-actions">
                {/* A letter to a unit outside the system is received with that organisation's receipt number. */}
                <ActionForm intent="receive" id={l.id} label={t.transfers.receive} of={l.toUnitName ? l.letterNo : undefined} buttonClassName="btn btn-small btn-primary" busy={busy}>
                  {l.toUnitName ? null : (
                    <>
                      <label htmlFor={`rn-${l.id}`} className="visually-hidden">
                        {t.transfers.receiptNo}
                      </label>
                      <input id={`rn-${l.id}`} name="receiptNo" placeholder={t.transfers.receiptNo} maxLength={50} required />
                    </>
                  )}
                </ActionForm>
                <ActionForm intent="cancel" id={l.id} label={t.transfers.cancel} of={l.letterNo} buttonClassName="btn btn-small btn-danger" busy={busy} confirm={t.transfers.cancelConfirm(l.letterNo)} />
              </div>
            ) : l.receivedOn ? (
              <span className="muted small">
                {l.receivedOn} {l.receiptNo ? <bdi>{l.receiptNo}</bdi> : ''}
              </span>
            ) : null}
            <Refusal error={failed?.id === l.id ? failed.error : null} className="field-error" />
          </td>
        </tr>
      ))}
    </ListPage>
  );
}
