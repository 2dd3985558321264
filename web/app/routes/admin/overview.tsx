// Administration: anchoring status (the indexer's /health, refreshed live) and partner API keys
// (create — the secret is shown once — and revoke); accounts and tamper alerts have sub-pages.
import { useEffect, useRef, useState } from 'react';
import { Form, Link, useActionData, useFetcher, useLoaderData, useNavigation } from 'react-router';
import type { Route } from './+types/overview';
import { codeIn } from '../../components/UserText';
import { useLocale, useT } from '../../i18n/use-t';
import { localMessage, type ErrorPayload } from '../../lib/errors';
import { formatDateTime, formatNumber } from '../../lib/format';
import type { HealthReading } from '../../lib/indexer.server';
import { titleFor } from '../../lib/meta';
import '../../components/Admin.css';
import type { loader, action } from './overview.server';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.admin.title);

export { loader, action } from './overview.server';

export type ActionResult =
  | { ok: true; created: { name: string; key: string; prefix: string } }
  | { ok: true; revoked: string }
  | { ok: false; error: ErrorPayload; fields?: Array<{ field: string; message: string; messageZh: string }> };

export default function Admin() {
  const t = useT();
  const locale = useLocale();
  const { keys, units, scopes, health } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const navigation = useNavigation();
  const busy = navigation.state === 'submitting';
  return (
    <section className="page" aria-labelledby="admin-title">
      <h1 id="admin-title">{t.admin.title}</h1>
      <Anchoring initial={health} />

      <article className="card" aria-labelledby="keys-title">
        <h2 id="keys-title">{t.admin.keys}</h2>
        {result && 'created' in result ? (
          <div className="banner banner-pass" role="status" data-testid="key-created">
            <p className="banner-title"><bdi>{result.created.name}</bdi></p>
            <p>{t.admin.secretOnce}</p>
            <CopySecret secret={result.created.key} />
          </div>
        ) : null}
        {result && 'revoked' in result ? (
          <p className="notice" role="status">
            {t.admin.revokedNotice(result.revoked)}
          </p>
        ) : null}
        {result && !result.ok ? (
          <div className="form-error" role="alert">
            <p>{localMessage(result.error, locale)}</p>
          </div>
        ) : null}
        <div className="table-wrap">
          <table className="table" data-testid="keys-table">
            <thead>
              <tr>
                <th scope="col">{t.admin.keyName}</th>
                <th scope="col">{t.admin.keyPrefix}</th>
                <th scope="col">{t.admin.keyScopes}</th>
                <th scope="col">{t.admin.keyUnit}</th>
                <th scope="col">{t.admin.keyCreated}</th>
                <th scope="col">{t.admin.keyLastUsed}</th>
                <th scope="col">{t.admin.keyState}</th>
                <th scope="col">
                  <span className="visually-hidden">{t.admin.revoke}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <tr key={k.id}>
                  <th scope="row"><bdi>{k.name}</bdi></th>
                  <td><code>{k.prefix}</code></td>
                  <td><code>{k.scopes.join(', ')}</code></td>
                  <td><bdi>{k.unit.name}</bdi></td>
                  <td>{formatDateTime(k.createdAt)}</td>
                  <td>{formatDateTime(k.lastUsedAt)}</td>
                  <td>{k.revokedAt ? <span className="badge badge-fail">{t.admin.revoked}</span> : <span className="badge badge-pass">{t.admin.active}</span>}</td>
                  <td>
                    {!k.revokedAt ? (
                      <Form
                        method="post"
                        className="inline-form"
                        onSubmit={(e) => {
                          if (!window.confirm(t.admin.revokeConfirm(k.name))) e.preventDefault();
                        }}
                      >
                        <input type="hidden" name="intent" value="revoke" />
                        <input type="hidden" name="id" value={k.id} />
                        <button type="submit" className="btn btn-danger btn-small" disabled={busy}>
                          {t.admin.revoke}
                          <span className="visually-hidden"> <bdi>{k.name}</bdi></span>
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {keys.length === 0 ? <p className="empty">{t.admin.noKeys}</p> : null}
        </div>
        {/* Remounted after each action: a created key closes and empties the form. */}
        <details className="create-key" open={result !== undefined && !result.ok} key={result && 'created' in result ? result.created.prefix : 'form'}>
          <summary>{t.admin.createKey}</summary>
          <Form method="post" className="form">
            <input type="hidden" name="intent" value="create" />
            <label htmlFor="key-name">{t.admin.keyName}</label>
            <input id="key-name" name="name" required maxLength={100} />
            <label htmlFor="key-unit">{t.admin.keyUnit}</label>
            <select id="key-unit" name="unitId" required>
              {units.map((u) => (
                <option key={u.id} value={u.id} translate="no">
                  {'\u3000'.repeat(Math.max(0, u.level - (units[0]?.level ?? 0)))}
                  {u.name}
                </option>
              ))}
            </select>
            <fieldset className="scope-picks" aria-describedby="key-scopes-hint" data-testid="key-scopes">
              <legend>{t.admin.keyScopes}</legend>
              <p id="key-scopes-hint" className="muted small">
                {t.admin.scopesPick}
              </p>
              <ul>
                {scopes.map((s) => (
                  <li key={s}>
                    <label>
                      <input type="checkbox" name="scopes" value={s} defaultChecked={s === 'Member:read' || s === 'OrgUnit:read'} /> {t.admin.scopeLabels[s] ?? s} <code className="mono small">{s}</code>
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
            <label htmlFor="key-expires">{t.admin.expiresOptional}</label>
            <input id="key-expires" name="expiresAt" type="date" />
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {t.admin.create}
            </button>
          </Form>
        </details>
      </article>
      <nav className="card" aria-label={t.accounts.title}>
        <Link to="/admin/accounts">{t.accounts.links.accounts}</Link> · <Link to="/admin/tamper">{t.accounts.links.tamper}</Link>
      </nav>
    </section>
  );
}

/**
 * The new key and a button that copies it: the Clipboard API where the page may use it, otherwise
 * the key is selected for Ctrl+C (and on the server, before hydration, it is plain selectable text).
 */
function CopySecret({ secret }: { secret: string }) {
  const t = useT();
  const ref = useRef<HTMLElement>(null);
  const [state, setState] = useState<'' | 'copied' | 'selected'>('');
  const selectAll = () => {
    const el = ref.current;
    const selection = window.getSelection();
    if (!el || !selection) return;
    const range = document.createRange();
    range.selectNodeContents(el);
    selection.removeAllRanges();
    selection.addRange(range);
  };
  const copy = async () => {
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(secret);
      setState('copied');
    } catch {
      selectAll();
      setState('selected');
    }
  };
  return (
    <>
      <p className="key-secret-line">
        <code className="secret" data-testid="key-secret" ref={ref}>
          {secret}
        </code>
        <button type="button" className="btn btn-small" onClick={() => void copy()}>
          {t.admin.copy}
        </button>
      </p>
      <p className="muted small" role="status" aria-live="polite" data-testid="key-copy-state">
        {state === 'copied' ? t.admin.copied : state === 'selected' ? t.admin.copySelected : ''}
      </p>
    </>
  );
}

function Anchoring({ initial }: { initial: HealthReading }) {
  const t = useT();
  const fetcher = useFetcher<HealthReading>();
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible' && fetcher.state === 'idle') void fetcher.load('/admin/anchoring.json');
    }, 5000);
    return () => clearInterval(timer);
  }, [fetcher]);
  const reading = fetcher.data ?? initial;
  return (
    <article className="card" aria-labelledby="anchoring-title" data-testid="anchoring">
      <h2 id="anchoring-title">{t.admin.anchoring}</h2>
      {reading.reachable ? (
        <>
          <p>
            {t.admin.status}:{' '}
            <span className={`badge badge-${reading.health.status === 'ok' ? 'pass' : reading.health.status === 'degraded' ? 'skip' : 'fail'}`} data-testid="indexer-status" data-status={reading.health.status}>
              {t.admin.health[reading.health.status] ?? reading.health.status}
            </span>
          </p>
          <div className="stats">
            <Stat label={t.admin.lastAnchored} value={reading.health.lastAnchoredSeq} />
            <Stat label={t.admin.lastBatch} value={reading.health.lastBatchSeq} />
            <Stat label={t.admin.chainSeq} value={reading.health.chain?.latestSeq ?? null} />
            <Stat label={t.admin.anchored} value={reading.health.recordsAnchored} />
            <Stat label={t.admin.unanchored} value={reading.health.unanchoredRecords} />
            <Stat label={t.admin.backlog} value={reading.health.backlog} atLeast={reading.health.backlogCapped === true} />
            <div className="stat">
              <span className="stat-label">{t.admin.lag}</span>
              <span className="stat-value">{reading.health.anchoringLagSeconds === null ? '—' : t.admin.seconds(reading.health.anchoringLagSeconds)}</span>
            </div>
            <Stat label={t.admin.tamper} value={reading.health.tamperAlerts} />
          </div>
          {reading.health.chain?.lastError || reading.health.lastBuildError ? (
            <p className="form-error">
              {t.admin.lastError}: <span lang="en">{reading.health.chain?.lastError ?? reading.health.lastBuildError}</span>
            </p>
          ) : null}
        </>
      ) : (
        <p className="form-error" role="alert">
          {t.admin.indexerDown(reading.url)} <span lang="en">{reading.error}</span>
        </p>
      )}
      <p className="muted small">
        {codeIn(t.admin.anchoringSource, `${reading.url}/health`)} · {formatDateTime(reading.at)}
      </p>
    </article>
  );
}

function Stat({ label, value, atLeast = false }: { label: string; value: number | null; atLeast?: boolean }) {
  return (
    <div className="stat">
      <span className="stat-label">{label}</span>
      <span className="stat-value">{value === null ? '—' : `${formatNumber(value)}${atLeast ? '+' : ''}`}</span>
    </div>
  );
}
