// Tamper alerts (ADMIN): the auditor's findings, newest first, with forward pages.
import { Link, useLoaderData } from 'react-router';
import type { Route } from './+types/tamper';
import { FilterForm } from '../../components/FilterForm';
import { CheckField } from '../../components/MeetingFields';
import { BackLink } from '../../components/RecordHead';
import { TableCard } from '../../components/TableCard';
import { useT } from '../../i18n/use-t';
import { formatDateTime } from '../../lib/format';
import { titleFor } from '../../lib/meta';
import type { loader } from './tamper.server';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.accounts.tamperTitle);

export { loader } from './tamper.server';

export default function AdminTamper() {
  const t = useT();
  const { open, after, alerts } = useLoaderData<typeof loader>();
  return (
    <section className="page" aria-labelledby="tamper-title">
      <BackLink to="/admin" label={t.nav.admin} />
      <h1 id="tamper-title">{t.accounts.tamperTitle}</h1>
      <p className="muted">{t.accounts.tamperIntro}</p>
      <FilterForm submit={t.accounts.filter}>
        <CheckField name="open" label={t.accounts.onlyOpen} defaultChecked={open} />
      </FilterForm>
      <p className="muted" role="status" data-testid="tamper-total">
        {t.accounts.alertsTotal(alerts.totalCount)}
      </p>
      <TableCard testId="tamper-table" caption={t.accounts.tamperTitle} empty={alerts.edges.length === 0 ? t.accounts.noAlerts : null} columns={[t.accounts.detected, t.accounts.kind, t.accounts.entity, t.accounts.batch, t.accounts.state, t.accounts.detail]}>
        {alerts.edges.map(({ node: a }) => (
          <tr key={a.id}>
            <td>{formatDateTime(a.detectedAt)}</td>
            <th scope="row">
              {t.accounts.alertKinds[a.kind] ?? t.accounts.alertKindOther}
            </th>
            <td className="mono">{a.entityType ? `${a.entityType} ${a.entityId ?? ''}` : '—'}</td>
            <td className="num">{a.batchSeq ?? '—'}</td>
            <td>{a.resolvedAt ? <span className="badge badge-pass">{t.accounts.resolved}</span> : <span className="badge badge-fail">{t.accounts.open}</span>}</td>
            <td>
              <code className="small">{JSON.stringify(a.detail)}</code>
            </td>
          </tr>
        ))}
      </TableCard>
      <nav className="pager" aria-label={t.accounts.page}>
        {after ? <Link to={open ? '?open=1' : '?'}>← {t.accounts.prev}</Link> : <span />}
        {alerts.pageInfo.hasNextPage && alerts.pageInfo.endCursor ? (
          <Link to={`?${new URLSearchParams({ ...(open ? { open: '1' } : {}), after: alerts.pageInfo.endCursor }).toString()}`} rel="next">
            {t.accounts.next} →
          </Link>
        ) : null}
      </nav>
    </section>
  );
}
