// Accounts and roles (ADMIN): list with filters and pages; create (the one-time password is shown
// once, in the response to the create); change role or scope; disable and enable; reset password.
import { Form, Link, useLoaderData, useNavigation } from 'react-router';
import { useActionResult } from '../../lib/use-action-result';
import type { Route } from './+types/accounts';
import { ActionForm } from '../../components/ActionForm';
import { FoldedCard } from '../../components/Card';
import { ListPage } from '../../components/ListPage';
import { CheckField, Field, FieldAlert } from '../../components/MeetingFields';
import { Notice, Refusal } from '../../components/Notice';
import { BackLink } from '../../components/RecordHead';
import { choicesOf, Options, SelectField, unitChoices } from '../../components/SelectField';
import { RowHead } from '../../components/TableCard';
import { useT } from '../../i18n/use-t';
import type { ErrorPayload } from '../../lib/errors';
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
  const { filters, accounts, units, self, pick } = useLoaderData<typeof loader>();
  const picking = pick.picked !== null || pick.search !== '';
  const result = useActionResult<ActionResult>();
  const navigation = useNavigation();
  const busy = navigation.state === 'submitting';
  const failed = result && !result.ok ? result : null;
  const fieldError = (name: string) => <FieldAlert result={failed} intent="create" name={name} id={`acc-${name}-error`} />;
  const roleChoices = choicesOf(ROLES, t.roles);
  return (
    <ListPage
      id="accounts"
      head={
        <>
          <BackLink to="/admin" label={t.nav.admin} />
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
          <Notice testId="account-notice">{result && result.ok && 'notice' in result ? (result.notice === 'changed' ? t.accounts.changed(result.username) : result.notice === 'disabled' ? t.accounts.disabledNotice(result.username) : t.accounts.enabledNotice(result.username)) : null}</Notice>
          <Refusal error={failed?.error} testId="account-error" />
          <FoldedCard summary={t.accounts.create} open={failed?.intent === 'create' || (picking && !(result && result.ok))}>
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
              <input id="acc-username" name="username" required maxLength={32} autoComplete="off" aria-invalid={failed?.intent === 'create' && failed.fields.some((f) => f.field === 'input.username')} />
              {fieldError('username')}
              <label htmlFor="acc-displayName">{t.accounts.displayName}</label>
              <input id="acc-displayName" name="displayName" required maxLength={50} defaultValue={pick.picked?.name ?? ''} />
              {fieldError('displayName')}
              <label htmlFor="acc-role">{t.accounts.role}</label>
              <select id="acc-role" name="role" defaultValue="MEMBER">
                <Options choices={roleChoices} />
              </select>
              {fieldError('role')}
              <label htmlFor="acc-scopeUnitId">{t.accounts.scope}</label>
              <select id="acc-scopeUnitId" name="scopeUnitId" defaultValue="">
                <Options any={t.accounts.scopeDefault} choices={unitChoices(units)} />
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
          </FoldedCard>
        </>
      }
      text={t.accounts}
      filter={{
        query: filters,
        fields: (
          <>
            <Field boxed id="f-q" name="q" label={t.accounts.search} type="search" defaultValue={filters.q} />
            <SelectField id="f-role" name="role" label={t.accounts.role} defaultValue={filters.role} any={t.accounts.any} choices={roleChoices} />
            <CheckField name="all" label={t.accounts.includeDisabled} defaultChecked={filters.all === '1'} />
          </>
        ),
      }}
      total={t.accounts.total(accounts.totalCount)}
      table={{ caption: t.accounts.title, empty: accounts.edges.length === 0 ? t.accounts.none : null, columns: [t.accounts.username, t.accounts.displayName, t.accounts.role, t.accounts.scope, t.accounts.totp, t.accounts.lastLogin, t.accounts.state, { label: t.accounts.change, hidden: true }] }}
      pageInfo={accounts.pageInfo}
    >
      {accounts.edges.map(({ node: a }) => (
        <tr key={a.id} data-username={a.username}>
          <RowHead name={a.username} className="mono" />
          <td>{a.member ? <Link to={`/members/${a.member.id}`}><bdi>{a.displayName}</bdi></Link> : <bdi>{a.displayName}</bdi>}</td>
          <td>{t.roles[a.role] ?? a.role}</td>
          <td><bdi>{a.scopeUnit.name}</bdi></td>
          <td>{a.role === 'MEMBER' ? '—' : a.totpEnabled ? t.accounts.totpOn : t.accounts.totpOff}</td>
          <td>{formatDateTime(a.lastLoginAt)}</td>
          <td>{a.disabledAt ? <span className="badge badge-fail">{t.accounts.disabled}</span> : <span className="badge badge-pass">{t.accounts.enabled}</span>}</td>
          <td>
            {a.username === self ? null : (
              <div className="wf-actions">
                <ActionForm intent={a.disabledAt ? 'enable' : 'disable'} id={a.id} label={a.disabledAt ? t.accounts.enable : t.accounts.disable} of={a.username} buttonClassName={`btn btn-small ${a.disabledAt ? '' : 'btn-danger'}`} busy={busy} confirm={a.disabledAt ? undefined : t.accounts.disableConfirm(a.username)} />
                <details>
                  <summary>{t.accounts.reset}</summary>
                  <ActionForm intent="reset" id={a.id} label={t.accounts.reset} of={a.username} busy={busy} confirm={t.accounts.resetConfirm(a.username)} className="form">
                    {a.role !== 'MEMBER' ? (
                      <label>
                        <input type="checkbox" name="resetTotp" /> {t.accounts.resetTotp}
                      </label>
                    ) : null}
                  </ActionForm>
                </details>
                <details>
                  <summary>{t.accounts.change}</summary>
                  <ActionForm intent="change" id={a.id} label={t.accounts.changeSubmit} buttonClassName="btn btn-small btn-primary" busy={busy} className="form">
                    <label htmlFor={`role-${a.id}`}>{t.accounts.role}</label>
                    <select id={`role-${a.id}`} name="role" defaultValue={a.role}>
                      <Options choices={roleChoices} />
                    </select>
                    <label htmlFor={`unit-${a.id}`}>{t.accounts.scope}</label>
                    <select id={`unit-${a.id}`} name="scopeUnitId" defaultValue={a.scopeUnit.id}>
                      <Options choices={unitChoices(units)} />
                    </select>
                  </ActionForm>
                </details>
              </div>
            )}
            <Refusal error={failed?.id === a.id ? failed.error : null} className="field-error" />
          </td>
        </tr>
      ))}
    </ListPage>
  );
}
