// Transfer letters: issue (validity 3 months, 6 across provinces), list with validity and
// EXPIRED / past-validity flags, receive as the receiving unit, cancel, and the expiry sweep. A
// letter past its validity (the API's `lapsed`) is never offered for receipt or cancelling.
import { Form, useActionData, useLoaderData, useNavigation } from 'react-router';
import type { Route } from './+types/transfers';
import { ListPage } from '../../components/ListPage';
import { filterPageHref } from '../../components/PageLinks';
import { SelectField } from '../../components/SelectField';
import { useLocale, useT } from '../../i18n/use-t';
import { localMessage, type ErrorPayload } from '../../lib/errors';
import type { FieldError } from '../../lib/graphql.server';
import { titleFor } from '../../lib/meta';
import { DIRECTIONS, STATUSES } from './filters';
import type { action, loader } from './transfers.server';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.transfers.title);

export { loader, action } from './transfers.server';

export type ActionResult = { ok: true; intent: string; letterNo?: string; swept?: number } | { ok: false; intent: string; id: string; error: ErrorPayload; fields: FieldError[] };

export default function Transfers() {
  const t = useT();
  const locale = useLocale();
  const { filters, transfers, members, units } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const navigation = useNavigation();
  const busy = navigation.state === 'submitting';
  const failed = result && !result.ok ? result : null;
  const fieldError = (name: string) => {
    const list = failed?.intent === 'issue' ? failed.fields.filter((f) => f.field === `input.${name}`) : [];
    return list.length ? (
      <p className="field-error" role="alert">
        {list.map((f) => (locale === 'zh-CN' ? f.messageZh : f.message)).join(' ')}
      </p>
    ) : null;
  };
  return (
    <ListPage
      titleId="transfers-title"
      head={
        <>
          <h1 id="transfers-title">{t.transfers.title}</h1>
          <p className="muted">{t.transfers.intro}</p>
        </>
      }
      before={
        <>
          {failed ? (
            <p className="form-error" role="alert" data-testid="transfer-error">
              {localMessage(failed.error, locale)}
            </p>
          ) : null}
          {result?.ok ? (
            <p className="notice" role="status" data-testid="transfer-notice">
              {result.letterNo ? t.transfers.issued(result.letterNo) : result.swept !== undefined ? t.transfers.swept(result.swept) : t.transfers.done}
            </p>
          ) : null}
          <details className="card" open={failed?.intent === 'issue'}>
            <summary>{t.transfers.issue}</summary>
            <Form method="post" className="form">
              <input type="hidden" name="intent" value="issue" />
              <label htmlFor="tr-member">{t.transfers.member}</label>
              <select id="tr-member" name="memberId" required>
                {members.map((m) => (
                  <option key={m.id} value={m.id} translate="no">
                    {m.name}（{m.orgUnit.name}）
                  </option>
                ))}
              </select>
              {fieldError('memberId')}
              <label htmlFor="tr-no">{t.transfers.letterNo}</label>
              <input id="tr-no" name="letterNo" required maxLength={50} />
              {fieldError('letterNo')}
              <label htmlFor="tr-unit">{t.transfers.toUnit}</label>
              <select id="tr-unit" name="toUnitId" defaultValue="">
                <option value="">{t.transfers.none}</option>
                {units.map((u) => (
                  <option key={u.id} value={u.id} translate="no">
                    {u.name}
                  </option>
                ))}
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
          </details>
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="sweep" />
            <button type="submit" className="btn" disabled={busy} data-testid="transfer-sweep">
              {t.transfers.sweep}
            </button>
          </Form>
        </>
      }
      filter={{
        label: t.transfers.filter,
        submit: t.transfers.filter,
        fields: (
          <>
            <SelectField id="f-dir" name="direction" label={t.transfers.direction} defaultValue={filters.direction} choices={DIRECTIONS.map((d) => ({ value: d === 'ANY' ? '' : d, label: t.transfers.directions[d] }))} />
            <SelectField id="f-status" name="status" label={t.transfers.status} defaultValue={filters.status} any={t.transfers.any} choices={STATUSES.map((s) => ({ value: s, label: t.transfers.statuses[s] }))} />
          </>
        ),
      }}
      total={{ testId: 'transfers-total', text: t.transfers.total(transfers.totalCount) }}
      table={{ testId: 'transfers-table', caption: t.transfers.list, busy: navigation.state === 'loading', empty: transfers.edges.length === 0 ? t.transfers.empty : null }}
      pager={{ pageInfo: transfers.pageInfo, href: filterPageHref(filters), text: t.transfers }}
    >
      <thead>
        <tr>
          <th scope="col">{t.transfers.letterNo}</th>
          <th scope="col">{t.transfers.member}</th>
          <th scope="col">{t.transfers.from}</th>
          <th scope="col">{t.transfers.to}</th>
          <th scope="col">{t.transfers.issuedOn}</th>
          <th scope="col">{t.transfers.validUntil}</th>
          <th scope="col">{t.transfers.status}</th>
          <th scope="col">
            <span className="visually-hidden">{t.transfers.receive}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {transfers.edges.map(({ node: l }) => (
          <tr key={l.id} data-letter={l.letterNo}>
            <th scope="row" className="mono">
              <bdi>{l.letterNo}</bdi>
            </th>
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
                  {l.toUnitName ? (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="receive" />
                      <input type="hidden" name="id" value={l.id} />
                      <button type="submit" className="btn btn-small btn-primary" disabled={busy}>
                        {t.transfers.receive}
                        <span className="visually-hidden">
                          {' '}
                          <bdi>{l.letterNo}</bdi>
                        </span>
                      </button>
                    </Form>
                  ) : (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="receive" />
                      <input type="hidden" name="id" value={l.id} />
                      <label htmlFor={`rn-${l.id}`} className="visually-hidden">
                        {t.transfers.receiptNo}
                      </label>
                      <input id={`rn-${l.id}`} name="receiptNo" placeholder={t.transfers.receiptNo} maxLength={50} required />
                      <button type="submit" className="btn btn-small btn-primary" disabled={busy}>
                        {t.transfers.receive}
                      </button>
                    </Form>
                  )}
                  <Form method="post" className="inline-form" onSubmit={(e) => { if (!window.confirm(t.transfers.cancelConfirm(l.letterNo))) e.preventDefault(); }}>
                    <input type="hidden" name="intent" value="cancel" />
                    <input type="hidden" name="id" value={l.id} />
                    <button type="submit" className="btn btn-small btn-danger" disabled={busy}>
                      {t.transfers.cancel}
                      <span className="visually-hidden">
                        {' '}
                        <bdi>{l.letterNo}</bdi>
                      </span>
                    </button>
                  </Form>
                </div>
              ) : l.receivedOn ? (
                <span className="muted small">
                  {l.receivedOn} {l.receiptNo ? <bdi>{l.receiptNo}</bdi> : ''}
                </span>
              ) : null}
              {failed && failed.id === l.id ? (
                <p className="field-error" role="alert">
                  {localMessage(failed.error, locale)}
                </p>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </ListPage>
  );
}
