// The inbox (待办提醒): the signed-in person's own reminders — what is due for them to act on —
// each with a link to its subject, marked done by the API once the thing is done; and how
// reminders reach them by e-mail, kind by kind.
import { Form, Link, useLoaderData, useNavigation } from 'react-router';
import type { Route } from './+types/inbox';
import { useLocale, useT } from '../../i18n/use-t';
import { localMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { titleFor } from '../../lib/meta';
import { useActionResult } from '../../lib/use-action-result';
import type { action, InboxResult, loader } from './inbox.server';

export { loader, action } from './inbox.server';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.inbox.title);

export default function Inbox() {
  const t = useT();
  const a = t.inbox;
  const locale = useLocale();
  const { all, items, next, counts, email } = useLoaderData<typeof loader>();
  const result = useActionResult<InboxResult>();
  const busy = useNavigation().state === 'submitting';
  const failed = result && !result.ok ? result : null;
  const unreadHere = items.filter((i) => !i.readAt).map((i) => i.id);
  return (
    <div className="page">
      <h1 id="inbox-title">{a.title}</h1>
      <p className="lead">{a.intro}</p>
      <p data-testid="inbox-counts">{a.counts(counts.open, counts.unread)}</p>
      <p>
        {all ? <Link to="/inbox">{a.showOpen}</Link> : <Link to="/inbox?all=1">{a.showAll}</Link>}
      </p>
      {failed ? (
        <p className="form-error" role="alert">
          {localMessage(failed.error, locale)}
        </p>
      ) : result?.ok && result.intent === 'read' ? (
        <p className="notice" role="status">
          {a.marked}
        </p>
      ) : null}
      {items.length === 0 ? (
        <p className="empty">{all ? a.none : a.noneOpen}</p>
      ) : (
        <>
          <ul className="plain" data-testid="inbox-items" aria-labelledby="inbox-title">
            {items.map((i) => (
              <li key={i.id} className="card" data-kind={i.kind} data-read={String(i.readAt !== null)} data-done={String(i.doneAt !== null)}>
                <p>
                  <span className="pill">{a.kinds[i.kind] ?? i.kind}</span> {!i.readAt ? <span className="badge badge-pending">{a.unread}</span> : null}{' '}
                  {i.doneAt ? <span className="badge badge-pass">{a.done}</span> : null}
                </p>
                <p>
                  <Link to={i.link}>
                    <bdi>{i.title}</bdi>
                  </Link>
                  {i.occasionName ? <> · {locale === 'zh-CN' ? i.occasionName.zh : i.occasionName.en}</> : null}
                </p>
                <p className="muted small">
                  {i.dueAt ? <>{a.due(formatDateTime(i.dueAt).slice(0, 10))} · </> : null}
                  {a.created} {formatDateTime(i.createdAt)}
                </p>
                {!i.readAt ? (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="read" />
                    <input type="hidden" name="item" value={i.id} />
                    <button type="submit" className="btn btn-quiet btn-small" disabled={busy}>
                      {a.markRead}
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
          {unreadHere.length > 1 ? (
            <Form method="post">
              <input type="hidden" name="intent" value="read" />
              {unreadHere.map((id) => (
                <input key={id} type="hidden" name="item" value={id} />
              ))}
              <button type="submit" className="btn" disabled={busy}>
                {a.markAllRead}
              </button>
            </Form>
          ) : null}
          {next ? (
            <p>
              <Link to={`/inbox?${all ? 'all=1&' : ''}after=${encodeURIComponent(next)}`}>{a.more}</Link>
            </p>
          ) : null}
        </>
      )}

      <section aria-labelledby="email-title" className="card">
        <h2 id="email-title">{a.email.title}</h2>
        <p>{a.email.intro}</p>
        <Form method="post" className="filters">
          <input type="hidden" name="intent" value="email" />
          <div className="field">
            <label htmlFor="inbox-email">{a.email.address}</label>
            <input id="inbox-email" name="email" type="email" autoComplete="email" maxLength={254} defaultValue={email.email ?? ''} aria-describedby="inbox-email-hint" />
            <p id="inbox-email-hint" className="muted small">
              {a.email.addressHint}
            </p>
          </div>
          <div className="field field-actions">
            <button type="submit" className="btn" disabled={busy}>
              {a.email.save}
            </button>
          </div>
        </Form>
        {result?.ok && result.intent === 'email' ? (
          <p className="notice" role="status">
            {a.email.saved}
          </p>
        ) : null}
        <Form method="post">
          <input type="hidden" name="intent" value="prefs" />
          {!email.email ? <p className="muted">{a.email.needAddress}</p> : null}
          <table>
            <thead>
              <tr>
                <th scope="col">{a.email.kind}</th>
                <th scope="col">{a.email.mode}</th>
              </tr>
            </thead>
            <tbody>
              {email.preferences.map((p) => (
                <tr key={p.kind}>
                  <th scope="row">
                    <label htmlFor={`mode-${p.kind}`}>{a.kinds[p.kind] ?? p.kind}</label>
                  </th>
                  <td>
                    <input type="hidden" name={`was:${p.kind}`} value={p.mode} />
                    <select id={`mode-${p.kind}`} name={`mode:${p.kind}`} defaultValue={p.mode} disabled={!email.email}>
                      {(['OFF', 'IMMEDIATE', 'DIGEST'] as const).map((m) => (
                        <option key={m} value={m}>
                          {a.email.modes[m]}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="submit" className="btn" disabled={busy || !email.email}>
            {a.email.savePrefs}
          </button>
        </Form>
        {result?.ok && result.intent === 'prefs' ? (
          <p className="notice" role="status">
            {a.email.prefsSaved}
          </p>
        ) : null}
      </section>
    </div>
  );
}
