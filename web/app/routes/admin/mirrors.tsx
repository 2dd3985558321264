// Mirrors (ADMIN; issue #21 item 6): every level's mirror key, whether its mirror is caught up
// with the centre or how many of its subtree's records it lacks, when it last reported, and its
// last alert naming the record and batch. With none, how to start one.
import { Link, useLoaderData } from 'react-router';
import type { Route } from './+types/mirrors';
import { BackLink } from '../../components/RecordHead';
import { TableCard } from '../../components/TableCard';
import { useT } from '../../i18n/use-t';
import { formatDateTime } from '../../lib/format';
import { titleFor } from '../../lib/meta';
import type { loader } from './mirrors.server';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.mirrors.title);

export { loader } from './mirrors.server';

type Row = ReturnType<typeof useLoaderData<typeof loader>>['mirrors']['edges'][number]['node'];

function StateBadge({ m }: { m: Row }) {
  const t = useT().mirrors;
  switch (m.state) {
    case 'CAUGHT_UP':
      return <span className="badge badge-pass">{t.states.CAUGHT_UP}</span>;
    case 'BEHIND':
      return <span className="badge badge-skip">{t.states.BEHIND(m.recordsBehind ?? 0, m.recordsBehindCapped)}</span>;
    case 'NOT_REPORTING':
      return <span className="badge badge-fail">{t.states.NOT_REPORTING(formatDateTime(m.reportedAt))}</span>;
    default:
      return <span className="badge badge-waiting">{t.states.NEVER_REPORTED}</span>;
  }
}

export default function AdminMirrors() {
  const t = useT();
  const { after, mirrors } = useLoaderData<typeof loader>();
  const m = t.mirrors;
  return (
    <section className="page" aria-labelledby="mirrors-title">
      <BackLink to="/admin" label={t.nav.admin} />
      <h1 id="mirrors-title">{m.title}</h1>
      <p className="muted">{m.intro}</p>
      {mirrors.totalCount === 0 ? (
        <div className="card" data-testid="mirrors-empty">
          <h2>{m.emptyTitle}</h2>
          <p>{m.empty}</p>
          <p>{m.emptyDemo}</p>
          <pre><code translate="no">npm start -- --mirror</code></pre>
          <p>{m.emptyDeploy}</p>
          <pre><code translate="no">{`npm run mirror -- --feed ${m.feedPlaceholder} --key ${m.keyPlaceholder} --trust trust-root.json`}</code></pre>
        </div>
      ) : (
        <>
          <p className="muted" role="status" data-testid="mirrors-total">
            {m.total(mirrors.totalCount)} {m.staleNote(mirrors.staleAfterMinutes)}
          </p>
          <TableCard testId="mirrors-table" caption={m.title} columns={[m.unit, m.key, m.state, { label: m.position, num: true }, m.reportedAt, { label: m.openAlerts, num: true }, m.lastAlert]}>
            {mirrors.edges.map(({ node: r }) => (
              <tr key={r.keyId} data-testid="mirror-row">
                <th scope="row">
                  <bdi>{r.unitName}</bdi>
                </th>
                <td>
                  <bdi>{r.keyName}</bdi> <code className="small">{r.keyPrefix}</code>
                </td>
                <td>
                  <StateBadge m={r} />
                </td>
                <td className="num">{r.position === null ? m.none : m.atPosition(r.position, r.centreHeadPosition)}</td>
                <td>{r.reportedAt ? formatDateTime(r.reportedAt) : m.none}</td>
                <td className="num">{r.openAlerts ?? m.none}</td>
                <td>
                  {r.lastAlert ? (
                    <>
                      {m.alertKinds[r.lastAlert.kind] ?? m.alertKindOther}
                      {r.lastAlert.entityType && r.lastAlert.entityId ? (
                        <>
                          <br />
                          <code className="small">{m.record(r.lastAlert.entityType, r.lastAlert.entityId, r.lastAlert.version)}</code>
                        </>
                      ) : null}
                      {r.lastAlert.batchSeq != null ? <span className="muted"> · {m.batch(r.lastAlert.batchSeq)}</span> : null}
                    </>
                  ) : r.openAlerts === null ? (
                    m.none
                  ) : (
                    m.noAlert
                  )}
                </td>
              </tr>
            ))}
          </TableCard>
          <nav className="pager" aria-label={m.page}>
            {after ? <Link to="?">← {m.prev}</Link> : <span />}
            {mirrors.pageInfo.hasNextPage && mirrors.pageInfo.endCursor ? (
              <Link to={`?${new URLSearchParams({ after: mirrors.pageInfo.endCursor }).toString()}`} rel="next">
                {m.next} →
              </Link>
            ) : null}
          </nav>
        </>
      )}
    </section>
  );
}
