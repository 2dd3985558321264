// Accounts and roles (ADMIN): list with filters and pages; create (the one-time password is shown
// once, in the response to the create); change role or scope; disable and enable; reset password.
import { Form, Link, useActionData, useLoaderData, useNavigation } from 'react-router';
import type { Route } from './+types/accounts';
import { ListPage } from '../../components/ListPage';
import { filterPageHref } from '../../components/PageLinks';
import { Options, SelectField, unitChoices } from '../../components/SelectField';
import { useLocale, useT } from '../../i18n/use-t';
import { localMessage, type ErrorPayload } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import type { FieldError } from '../../lib/graphql.server';
import { titleFor } from '../../lib/meta';
import { ROLES } from '../../lib/roles';
import type { loader, action } from './accounts.server';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.accounts.title);

export { loader, action } from './accounts.server';

export type ActionResult =
  | { ok: true; password: { username: string; password: string } }
  | { ok: true; notice: 'changed' | 'disabled' | 'enabled'; username: string }
  | { ok: false; intent: string; id: string; error: ErrorPayload; fields: FieldError[] };

export default function AdminAccounts() {
  const t = useT();
  const locale = useLocale();
  const { filters, accounts, units, self, pick } = useLoaderData<typeof loader>();
  const picking = pick.picked !== null || pick.search !== '';
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const navigation = useNavigation();
  const busy = navigation.state === 'submitting';
  const failed = result && !result.ok ? result : null;
  const fieldError = (name: string) => {
    const list = failed?.intent === 'create' ? failed.fields.filter((f) => f.field === `input.${name}`) : [];
    return list.length ? (
      <p className="field-error" id={`acc-${name}-error`} role="alert">
        {list.map((f) => (locale === 'zh-CN' ? f.messageZh : f.message)).join(' ')}
      </p>
    ) : null;
  };
  const unitOptions = <Options choices={unitChoices(units)} />;
  return (
    <ListPage
      titleId="accounts-title"
      head={
        <>
          <p>
            <Link to="/admin">← {t.nav.admin}</Link>
          </p>
          <h1 id="accounts-title">{t.accounts.title}</h1>
          <p className="muted">{t.accounts.intro}</p>
        </>
      }
      before={
        <>
          {result && result.ok && 'password' in result ? (
            <div className="banner banner-pass" role="status" data-testid="account-password">
              <p>{t.accounts.passwordOnce(result.password.username)}</p>
              <p>
                <code className="secret secret-once" data-testid="account-password-value">
                  {result.password.password}
                </code>
              </p>
            </div>
          ) : null}
          {result && result.ok && 'notice' in result ? (
            <p className="notice" role="status" data-testid="account-notice">
              {result.notice === 'changed' ? t.accounts.changed(result.username) : result.notice === 'disabled' ? t.accounts.disabledNotice(result.username) : t.accounts.enabledNotice(result.username)}
            </p>
          ) : null}
          {failed ? (
            <p className="form-error" role="alert" data-testid="account-error">
              {localMessage(failed.error, locale)}
            </p>
          ) : null}
          <details className="card" open={failed?.intent === 'create' || (picking && !(result && result.ok))}>
            <summary>{t.accounts.create}</summary>
            {/* Finding the member to link: a search by name within your scope (a GET, so it works without scripts). */}
            <Form method="get" className="form inline-search">
              {pick.picked ? <input type="hidden" name="member" value={pick.picked.id} /> : null}
              <label htmlFor="acc-member-search">{t.accounts.memberFind}</label>
              <div className="wf-actions">
                <input id="acc-member-search" name="mq" type="search" defaultValue={pick.search} maxLength={50} autoComplete="off" />
                <button type="submit" className="btn btn-small">
                  {t.accounts.memberFindSubmit}
                </button>
              </div>
              {pick.search && pick.found.length === 0 ? <p className="muted small">{t.accounts.memberFindNone}</p> : null}
            </Form>
            <Form method="post" className="form" key={result && result.ok && 'password' in result ? result.password.username : `create-${pick.picked?.id ?? ''}`}>
              <input type="hidden" name="intent" value="create" />
              <label htmlFor="acc-username">{t.accounts.username}</label>
              <input id="acc-username" name="username" required maxLength={32} autoComplete="off" aria-invalid={!!fieldError('username')} />
              {fieldError('username')}
              <label htmlFor="acc-displayName">{t.accounts.displayName}</label>
              <input id="acc-displayName" name="displayName" required maxLength={50} defaultValue={pick.picked?.name ?? ''} />
              {fieldError('displayName')}
              <label htmlFor="acc-role">{t.accounts.role}</label>
              <select id="acc-role" name="role" defaultValue="MEMBER">
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t.roles[r] ?? r}
                  </option>
                ))}
              </select>
              {fieldError('role')}
              <label htmlFor="acc-scopeUnitId">{t.accounts.scope}</label>
              <select id="acc-scopeUnitId" name="scopeUnitId" defaultValue="">
                <option value="">{t.accounts.scopeDefault}</option>
                {unitOptions}
              </select>
              {fieldError('scopeUnitId')}
              <label htmlFor="acc-memberId">{t.accounts.memberPick}</label>
              <select id="acc-memberId" name="memberId" defaultValue={pick.picked?.id ?? (pick.found.length === 1 ? pick.found[0]!.id : '')} aria-describedby="acc-memberId-hint">
                <option value="">{t.accounts.memberNone}</option>
                {[...(pick.picked ? [pick.picked] : []), ...pick.found].map((m) => (
                  <option key={m.id} value={m.id} translate="no">
                    {m.name} · {m.orgUnit.name}
                  </option>
                ))}
              </select>
              <p id="acc-memberId-hint" className="muted small">
                {t.accounts.memberPickHint}
              </p>
              {fieldError('memberId')}
              <button type="submit" className="btn btn-primary" disabled={busy} data-testid="account-create">
                {t.accounts.createSubmit}
              </button>
            </Form>
          </details>
        </>
      }
      filter={{
        label: t.accounts.filter,
        submit: t.accounts.filter,
        fields: (
          <>
            <div className="field">
              <label htmlFor="f-q">{t.accounts.search}</label>
              <input id="f-q" name="q" type="search" defaultValue={filters.q} />
            </div>
            <SelectField id="f-role" name="role" label={t.accounts.role} defaultValue={filters.role} any={t.accounts.any} choices={ROLES.map((r) => ({ value: r, label: t.roles[r] ?? r }))} />
            <div className="field">
              <label>
                <input type="checkbox" name="all" value="1" defaultChecked={filters.all === '1'} /> {t.accounts.includeDisabled}
              </label>
            </div>
          </>
        ),
      }}
      total={{ testId: 'accounts-total', text: t.accounts.total(accounts.totalCount) }}
      table={{ testId: 'accounts-table', caption: t.accounts.title, busy: navigation.state === 'loading', empty: accounts.edges.length === 0 ? t.accounts.none : null }}
      pager={{ pageInfo: accounts.pageInfo, href: filterPageHref(filters), text: t.accounts }}
    >
      <thead>
        <tr>
          <th scope="col">{t.accounts.username}</th>
          <th scope="col">{t.accounts.displayName}</th>
          <th scope="col">{t.accounts.role}</th>
          <th scope="col">{t.accounts.scope}</th>
          <th scope="col">{t.accounts.totp}</th>
          <th scope="col">{t.accounts.lastLogin}</th>
          <th scope="col">{t.accounts.state}</th>
          <th scope="col">
            <span className="visually-hidden">{t.accounts.change}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {accounts.edges.map(({ node: a }) => (
          <tr key={a.id} data-username={a.username}>
            <th scope="row" className="mono">
              <bdi>{a.username}</bdi>
            </th>
            <td>{a.member ? <Link to={`/members/${a.member.id}`}><bdi>{a.displayName}</bdi></Link> : <bdi>{a.displayName}</bdi>}</td>
            <td>{t.roles[a.role] ?? a.role}</td>
            <td><bdi>{a.scopeUnit.name}</bdi></td>
            <td>{a.role === 'MEMBER' ? '—' : a.totpEnabled ? t.accounts.totpOn : t.accounts.totpOff}</td>
            <td>{formatDateTime(a.lastLoginAt)}</td>
            <td>{a.disabledAt ? <span className="badge badge-fail">{t.accounts.disabled}</span> : <span className="badge badge-pass">{t.accounts.enabled}</span>}</td>
            <td>
              {a.username === self ? null : (
                <div className="wf-actions">
                  <Form method="post" className="inline-form" onSubmit={(e) => { if (!a.disabledAt && !window.confirm(t.accounts.disableConfirm(a.username))) e.preventDefault(); }}>
                    <input type="hidden" name="intent" value={a.disabledAt ? 'enable' : 'disable'} />
                    <input type="hidden" name="id" value={a.id} />
                    <button type="submit" className={`btn btn-small ${a.disabledAt ? '' : 'btn-danger'}`} disabled={busy}>
                      {a.disabledAt ? t.accounts.enable : t.accounts.disable}
                      <span className="visually-hidden"> <bdi>{a.username}</bdi></span>
                    </button>
                  </Form>
                  <details>
                    <summary>{t.accounts.reset}</summary>
                    <Form method="post" className="form" onSubmit={(e) => { if (!window.confirm(t.accounts.resetConfirm(a.username))) e.preventDefault(); }}>
                      <input type="hidden" name="intent" value="reset" />
                      <input type="hidden" name="id" value={a.id} />
                      {a.role !== 'MEMBER' ? (
                        <label>
                          <input type="checkbox" name="resetTotp" /> {t.accounts.resetTotp}
                        </label>
                      ) : null}
                      <button type="submit" className="btn btn-small" disabled={busy}>
                        {t.accounts.reset}
                        <span className="visually-hidden"> <bdi>{a.username}</bdi></span>
                      </button>
                    </Form>
                  </details>
                  <details>
                    <summary>{t.accounts.change}</summary>
                    <Form method="post" className="form">
                      <input type="hidden" name="intent" value="change" />
                      <input type="hidden" name="id" value={a.id} />
                      <label htmlFor={`role-${a.id}`}>{t.accounts.role}</label>
                      <select id={`role-${a.id}`} name="role" defaultValue={a.role}>
                        {ROLES.map((r) => (
                          <option key={r} value={r}>
                            {t.roles[r] ?? r}
                          </option>
                        ))}
                      </select>
                      <label htmlFor={`unit-${a.id}`}>{t.accounts.scope}</label>
                      <select id={`unit-${a.id}`} name="scopeUnitId" defaultValue={a.scopeUnit.id}>
                        {unitOptions}
                      </select>
                      <button type="submit" className="btn btn-small btn-primary" disabled={busy}>
                        {t.accounts.changeSubmit}
                      </button>
                    </Form>
                  </details>
                </div>
              )}
              {failed && failed.id === a.id ? (
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
