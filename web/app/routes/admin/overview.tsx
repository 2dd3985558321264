// Administration: anchoring status (the indexer's /health, refreshed live) and partner API keys
// (create — the secret is shown once — and revoke); accounts and tamper alerts have sub-pages.
import { useEffect, useRef, useState } from 'react';
import { Form, Link, useFetcher, useLoaderData, useNavigation } from 'react-router';
import { useActionResult } from '../../lib/use-action-result';
import type { Route } from './+types/overview';
import { ActionForm } from '../../components/ActionForm';
import { Card } from '../../components/Card';
import { Stat } from '../../components/Facts';
import { Notice } from '../../components/Notice';
import { RowHead, TableCard } from '../../components/TableCard';
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
  const result = useActionResult<ActionResult>();
  const navigation = useNavigation();
  const busy = navigation.state === 'submitting';
  return (
    <section className="page" aria-labelledby="admin-title">
      <h1 id="admin-title">{t.admin.title}</h1>
      <Anchoring initial={health} />

      <Card titleId="keys-title" title={t.admin.keys}>
        {result && 'created' in result ? (
          <div className="banner banner-pass" role="status" data-testid="key-created">
            <p className="banner-title"><bdi>{result.created.name}</bdi></p>
            <p>{t.admin.secretOnce}</p>
            <CopySecret secret={result.created.key} />
          </div>
        ) : null}
        <Notice>{result && 'revoked' in result ? t.admin.revokedNotice(result.revoked) : null}</Notice>
        {result && !result.ok ? (
          <div className="form-error" role="alert">
            <p>{localMessage(result.error, locale)}</p>
          </div>
        ) : null}
        <TableCard testId="keys-table" frame="table-wrap" empty={keys.length === 0 ? t.admin.noKeys : null} columns={[t.admin.keyName, t.admin.keyPrefix, t.admin.keyScopes, t.admin.keyUnit, t.admin.keyCreated, t.admin.keyLastUsed, t.admin.keyState, { label: t.admin.revoke, hidden: true }]}>
          {keys.map((k) => (
            <tr key={k.id}>
              <RowHead name={k.name} />
              <td><code>{k.prefix}</code></td>
              <td><code>{k.scopes.join(', ')}</code></td>
              <td><bdi>{k.unit.name}</bdi></td>
              <td>{formatDateTime(k.createdAt)}</td>
              <td>{formatDateTime(k.lastUsedAt)}</td>
              <td>{k.revokedAt ? <span className="badge badge-fail">{t.admin.revoked}</span> : <span className="badge badge-pass">{t.admin.active}</span>}</td>
              <td>
                {!k.revokedAt ? <ActionForm intent="revoke" id={k.id} label={t.admin.revoke} of={k.name} buttonClassName="btn btn-danger btn-small" busy={busy} confirm={t.admin.revokeConfirm(k.name)} /> : null}
              </td>
            </tr>
          ))}
        </TableCard>
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
      </Card>
      <nav className="card" aria-label={t.accounts.title}>
        <Link to="/admin/accounts">{t.accounts.links.accounts}</Link> · <Link to="/admin/tamper">{t.accounts.links.tamper}</Link> · <Link to="/admin/mirrors">{t.mirrors.link}</Link>
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
    <Card titleId="anchoring-title" title={t.admin.anchoring} testId="anchoring">
      {reading.reachable ? (
        <>
          <p>
            {t.admin.status}:{' '}
            <span className={`badge badge-${reading.health.status === 'ok' ? 'pass' : reading.health.status === 'degraded' ? 'skip' : 'fail'}`} data-testid="indexer-status" data-status={reading.health.status}>
              {t.admin.health[reading.health.status] ?? reading.health.status}
            </span>
          </p>
          <div className="stats">
            <Count label={t.admin.lastAnchored} value={reading.health.lastAnchoredSeq} />
            <Count label={t.admin.lastBatch} value={reading.health.lastBatchSeq} />
            <Count label={t.admin.chainSeq} value={reading.health.chain?.latestSeq ?? null} />
            <Count label={t.admin.anchored} value={reading.health.recordsAnchored} />
            <Count label={t.admin.unanchored} value={reading.health.unanchoredRecords} />
            <Count label={t.admin.backlog} value={reading.health.backlog} atLeast={reading.health.backlogCapped === true} />
            <Stat label={t.admin.lag}>{reading.health.anchoringLagSeconds === null ? '—' : t.admin.seconds(reading.health.anchoringLagSeconds)}</Stat>
            <Count label={t.admin.tamper} value={reading.health.tamperAlerts} />
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
    </Card>
  );
}

/** A count of the indexer's, or a dash when it has none; `atLeast`: the count was capped. */
function Count({ label, value, atLeast = false }: { label: string; value: number | null; atLeast?: boolean }) {
  return <Stat label={label}>{value === null ? '—' : `${formatNumber(value)}${atLeast ? '+' : ''}`}</Stat>;
}
