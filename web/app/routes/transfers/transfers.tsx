// Transfer letters: issue (validity 3 months, 6 across provinces), list with validity and
// EXPIRED / past-validity flags, receive as the receiving unit, cancel, and the expiry sweep. A
// letter past its validity (the API's `lapsed`) is never offered for receipt or cancelling.
// Across levels (docs/decisions/015): the receiving unit is found in a directory of the whole
// organisation; each letter says which common level it goes through, and one between committees
// waits for that level's countersignature; every letter has a print page (with its verification
// code and QR code when it goes outside the system).
import { Form, Link, useLoaderData, useNavigation } from 'react-router';
import { useActionResult } from '../../lib/use-action-result';
import type { Route } from './+types/transfers';
import { ActionForm } from '../../components/ActionForm';
import { FoldedCard } from '../../components/Card';
import { ListPage } from '../../components/ListPage';
import { FieldAlert } from '../../components/MeetingFields';
import { Notice, Refusal } from '../../components/Notice';
import { choicesOf, Options, SelectField } from '../../components/SelectField';
import { RowHead } from '../../components/TableCard';
import { isolatedIn } from '../../components/UserText';
import { useT } from '../../i18n/use-t';
import type { ErrorPayload } from '../../lib/errors';
import type { FieldError } from '../../lib/graphql.server';
import { titleFor } from '../../lib/meta';
import { STATUSES, VIEWS } from './filters';
import type { action, loader } from './transfers.server';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.transfers.title);

export { loader, action } from './transfers.server';

export type ActionResult = { ok: true; intent: string; letterNo?: string; swept?: number } | { ok: false; intent: string; id: string; error: ErrorPayload; fields: FieldError[] };

export default function Transfers() {
  const t = useT();
  const { filters, dest, transfers, members, units } = useLoaderData<typeof loader>();
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
          <FoldedCard summary={t.transfers.issue} open={failed?.intent === 'issue' || dest !== ''}>
            {/* The directory is searched by name (GET), keeping the list's filters. */}
            <Form method="get" className="inline-form" role="search" aria-label={t.transfers.findUnit}>
              {filters.direction ? <input type="hidden" name="direction" value={filters.direction} /> : null}
              {filters.status ? <input type="hidden" name="status" value={filters.status} /> : null}
              <label htmlFor="tr-dest">{t.transfers.findUnit}</label>
              <input id="tr-dest" name="dest" defaultValue={dest} maxLength={50} aria-describedby="tr-dest-hint" />
              <button type="submit" className="btn btn-small" data-testid="transfer-find-unit">
                {t.transfers.findUnitSubmit}
              </button>
              <p id="tr-dest-hint" className="muted small">
                {t.transfers.findUnitHint}
              </p>
            </Form>
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
                <Options any={t.transfers.none} choices={units.map((u) => ({ value: u.id, label: t.transfers.destination(u.pathNames, u.name, u.province), userText: true }))} />
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
            <SelectField id="f-dir" name="direction" label={t.transfers.direction} defaultValue={filters.direction} choices={VIEWS.map((d) => ({ value: d === 'ANY' ? '' : d, label: t.transfers.directions[d] ?? d }))} />
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
            {l.viaUnitName ? (
              <span className="muted small" data-testid="transfer-via">
                {' '}
                {isolatedIn(t.transfers.via, l.viaUnitName)}
              </span>
            ) : null}
            {l.needsEndorsement ? (
              <span className={`badge ${l.endorsedOn ? 'badge-pass' : 'badge-pending'}`} data-endorsed={l.endorsedOn ? 'true' : 'false'}>
                {l.endorsedOn ? t.transfers.endorsedOn(l.endorsedOn) : isolatedIn(t.transfers.needsEndorsement, l.viaUnitName ?? '')}
              </span>
            ) : null}
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
                {l.needsEndorsement && !l.endorsedOn ? (
                  <ActionForm intent="endorse" id={l.id} label={t.transfers.endorse} of={l.letterNo} buttonClassName="btn btn-small" busy={busy} confirm={t.transfers.endorseConfirm(l.letterNo)} />
                ) : null}
                {l.canCancel ? <ActionForm intent="cancel" id={l.id} label={t.transfers.cancel} of={l.letterNo} buttonClassName="btn btn-small btn-danger" busy={busy} confirm={t.transfers.cancelConfirm(l.letterNo)} /> : null}
              </div>
            ) : l.receivedOn ? (
              <span className="muted small">
                {l.receivedOn} {l.receiptNo ? <bdi>{l.receiptNo}</bdi> : ''}
              </span>
            ) : null}
            <Link to={`/transfers/${l.id}/letter`} className="small" data-testid="transfer-print">
              {t.transfers.printLetter}
              <span className="visually-hidden">
                {' '}
                <bdi>{l.letterNo}</bdi>
              </span>
            </Link>
            <Refusal error={failed?.id === l.id ? failed.error : null} className="field-error" />
          </td>
        </tr>
      ))}
    </ListPage>
  );
}
