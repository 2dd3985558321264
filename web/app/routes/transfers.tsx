// Transfer letters: issue (validity 3 months, 6 across provinces), list with validity and
// EXPIRED / past-validity flags, receive as the receiving unit, cancel, and the expiry sweep.
import { data, Form, Link, useActionData, useLoaderData, useNavigation } from 'react-router';
import type { Route } from './+types/transfers';
import { useLocale, useT } from '../i18n/use-t';
import { assertSameOrigin, requireAccount, rethrowForPage } from '../lib/auth.server';
import { localMessage, type ErrorPayload } from '../lib/errors';
import { ApiError, type FieldError } from '../lib/graphql.server';
import { titleFor } from '../lib/meta';
import { PAGE_ROLES } from '../lib/roles';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.transfers.title);

const PAGE_SIZE = 25;
const STATUSES = ['ISSUED', 'RECEIVED', 'EXPIRED', 'CANCELLED'] as const;
const DIRECTIONS = ['ANY', 'OUTGOING', 'INCOMING'] as const;
const LIST = `query Transfers($first: Int, $after: String, $last: Int, $before: String, $status: TransferStatus, $direction: TransferDirection) {
  transfers(first: $first, after: $after, last: $last, before: $before, status: $status, direction: $direction) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { node { id letterNo memberName fromUnitName toUnitName toOrganisation crossProvince issuedOn validUntil status lapsed receivedOn receiptNo } }
  }
  full: members(first: 100, status: ACTIVE, stage: FULL) { edges { node { id name orgUnit { name } } } }
  probationary: members(first: 100, status: ACTIVE, stage: PROBATIONARY) { edges { node { id name orgUnit { name } } } }
  orgUnits(first: 100, maxDepth: 4) { edges { node { id name kind } } }
}`;
const ISSUE = `mutation Issue($input: IssueTransferLetterInput!) { issueTransferLetter(input: $input) { id letterNo } }`;
const RECEIVE = `mutation Receive($id: ID!, $receiptNo: String) { receiveTransfer(id: $id, receiptNo: $receiptNo) { id } }`;
const CANCEL = `mutation Cancel($id: ID!) { cancelTransfer(id: $id) { id } }`;
const SWEEP = `mutation Sweep { expireTransferLetters { id } }`;

interface Letter {
  id: string;
  letterNo: string;
  memberName: string;
  fromUnitName: string;
  toUnitName: string | null;
  toOrganisation: string | null;
  crossProvince: boolean;
  issuedOn: string;
  validUntil: string;
  status: string;
  lapsed: boolean;
  receivedOn: string | null;
  receiptNo: string | null;
}

type ActionResult = { ok: true; intent: string; letterNo?: string; swept?: number } | { ok: false; intent: string; id: string; error: ErrorPayload; fields: FieldError[] };

export async function loader({ request }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.transfers);
  const p = new URL(request.url).searchParams;
  const status = p.get('status');
  const direction = p.get('direction');
  const before = p.get('before');
  const after = p.get('after');
  const filters = {
    ...((STATUSES as readonly string[]).includes(status ?? '') ? { status } : {}),
    ...((DIRECTIONS as readonly string[]).includes(direction ?? '') ? { direction } : {}),
  };
  const paging = before ? { last: PAGE_SIZE, before } : { first: PAGE_SIZE, ...(after ? { after } : {}) };
  const r = await ctx.query<{
    transfers: { totalCount: number; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null }; edges: Array<{ node: Letter }> };
    full: { edges: Array<{ node: { id: string; name: string; orgUnit: { name: string } } }> };
    probationary: { edges: Array<{ node: { id: string; name: string; orgUnit: { name: string } } }> };
    orgUnits: { edges: Array<{ node: { id: string; name: string; kind: string } }> };
  }>(LIST, { ...filters, ...paging });
  return {
    filters: { status: filters.status ?? '', direction: filters.direction ?? '' },
    transfers: r.transfers,
    // Only full and probationary members carry a membership to transfer.
    members: [...r.full.edges, ...r.probationary.edges].map((e) => e.node),
    units: r.orgUnits.edges.map((e) => e.node).filter((u) => u.kind === 'BRANCH' || u.kind === 'GROUP'),
  };
}

export async function action({ request }: Route.ActionArgs) {
  assertSameOrigin(request);
  const ctx = await requireAccount(request, PAGE_ROLES.transfers);
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  const id = String(form.get('id') ?? '');
  const text = (k: string) => String(form.get(k) ?? '').trim();
  try {
    if (intent === 'issue') {
      const input = {
        memberId: text('memberId'),
        letterNo: text('letterNo'),
        ...(text('toUnitId') ? { toUnitId: text('toUnitId') } : {}),
        ...(text('toOrganisation') ? { toOrganisation: text('toOrganisation') } : {}),
        ...(text('toProvince') ? { toProvince: text('toProvince') } : {}),
      };
      const r = await ctx.call<{ issueTransferLetter: { letterNo: string } }>(ISSUE, { input });
      return data<ActionResult>({ ok: true, intent, letterNo: r.issueTransferLetter.letterNo });
    }
    if (intent === 'receive') await ctx.call(RECEIVE, { id, ...(text('receiptNo') ? { receiptNo: text('receiptNo') } : {}) });
    else if (intent === 'cancel') await ctx.call(CANCEL, { id });
    else if (intent === 'sweep') {
      const r = await ctx.call<{ expireTransferLetters: unknown[] }>(SWEEP);
      return data<ActionResult>({ ok: true, intent, swept: r.expireTransferLetters.length });
    } else throw data({ code: 'BAD_USER_INPUT', message: `Unknown action "${intent}".`, messageZh: `未知操作“${intent}”。` }, { status: 400 });
    return data<ActionResult>({ ok: true, intent });
  } catch (error) {
    if (error instanceof ApiError && [400, 403, 404, 409].includes(error.status)) {
      return data<ActionResult>({ ok: false, intent, id, error: error.payload(), fields: error.fields }, { status: error.status });
    }
    return rethrowForPage(error, request, ctx.session);
  }
}

export default function Transfers() {
  const t = useT();
  const locale = useLocale();
  const { filters, transfers, members, units } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const busy = useNavigation().state === 'submitting';
  const failed = result && !result.ok ? result : null;
  const fieldError = (name: string) => {
    const list = failed?.intent === 'issue' ? failed.fields.filter((f) => f.field === `input.${name}`) : [];
    return list.length ? (
      <p className="field-error" role="alert">
        {list.map((f) => (locale === 'zh-CN' ? f.messageZh : f.message)).join(' ')}
      </p>
    ) : null;
  };
  const keep = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== ''));
  const pageLink = (key: 'after' | 'before', cursor: string | null) => {
    const q = new URLSearchParams(keep);
    if (cursor) q.set(key, cursor);
    return `?${q.toString()}`;
  };
  return (
    <section className="page" aria-labelledby="transfers-title">
      <h1 id="transfers-title">{t.transfers.title}</h1>
      <p className="muted">{t.transfers.intro}</p>
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
              <option key={m.id} value={m.id}>
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
              <option key={u.id} value={u.id}>
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

      <Form method="get" className="filters card" role="search" aria-label={t.transfers.filter}>
        <div className="field">
          <label htmlFor="f-dir">{t.transfers.direction}</label>
          <select id="f-dir" name="direction" defaultValue={filters.direction}>
            {DIRECTIONS.map((d) => (
              <option key={d} value={d === 'ANY' ? '' : d}>
                {t.transfers.directions[d]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-status">{t.transfers.status}</label>
          <select id="f-status" name="status" defaultValue={filters.status}>
            <option value="">{t.transfers.any}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t.transfers.statuses[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-actions">
          <button type="submit" className="btn btn-primary">
            {t.transfers.filter}
          </button>
        </div>
      </Form>
      <Form method="post" className="inline-form">
        <input type="hidden" name="intent" value="sweep" />
        <button type="submit" className="btn" disabled={busy} data-testid="transfer-sweep">
          {t.transfers.sweep}
        </button>
      </Form>
      <p className="muted" role="status">
        {t.transfers.total(transfers.totalCount)}
      </p>
      <div className="table-wrap card">
        <table className="table" data-testid="transfers-table">
          <caption className="visually-hidden">{t.transfers.list}</caption>
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
                  {l.letterNo}
                </th>
                <td>{l.memberName}</td>
                <td>{l.fromUnitName}</td>
                <td>
                  {l.toUnitName ?? l.toOrganisation}
                  {l.crossProvince ? <span className="badge badge-skip">{t.transfers.crossProvince}</span> : null}
                </td>
                <td>{l.issuedOn}</td>
                <td>{l.validUntil}</td>
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
                          <button type="submit" className="btn btn-small btn-primary" disabled={busy} aria-label={`${t.transfers.receive} ${l.letterNo}`}>
                            {t.transfers.receive}
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
                        <button type="submit" className="btn btn-small btn-danger" disabled={busy} aria-label={`${t.transfers.cancel} ${l.letterNo}`}>
                          {t.transfers.cancel}
                        </button>
                      </Form>
                    </div>
                  ) : l.receivedOn ? (
                    <span className="muted small">
                      {l.receivedOn} {l.receiptNo ?? ''}
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
        </table>
        {transfers.edges.length === 0 ? <p className="empty">{t.transfers.empty}</p> : null}
      </div>
      <nav className="pager" aria-label={t.transfers.page}>
        {transfers.pageInfo.hasPreviousPage ? <Link to={pageLink('before', transfers.pageInfo.startCursor)}>← {t.transfers.prev}</Link> : <span />}
        {transfers.pageInfo.hasNextPage ? <Link to={pageLink('after', transfers.pageInfo.endCursor)}>{t.transfers.next} →</Link> : null}
      </nav>
    </section>
  );
}
