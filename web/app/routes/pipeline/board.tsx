// The development pipeline as a board: one column per stage with the people in it (active only),
// each with the steps the procedure allows next (from the API's rules), and the deadlines due
// or overdue in the viewer's subtree, and its requests to the level above (waiting or returned).
import { Link, useLoaderData } from 'react-router';
import type { Route } from './+types/board';
import { LevelRequestState } from '../../components/LevelRequests';
import { NextActions } from '../../components/NextActions';
import { useLocale, useT } from '../../i18n/use-t';
import { titleFor } from '../../lib/meta';
import { useRootData } from '../../lib/root-data';
import { handlesApprovals } from '../../lib/roles';
import { STAGE_COLOURS } from '../../lib/stages';
import type { loader } from './board.server';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.pipeline.title);

export { loader } from './board.server';

export default function Pipeline() {
  const t = useT();
  const locale = useLocale();
  const { columns, due, requests } = useLoaderData<typeof loader>();
  const viewer = useRootData()?.viewer;
  return (
    <section className="page" aria-labelledby="pipeline-title">
      <h1 id="pipeline-title">{t.pipeline.title}</h1>
      <p className="lead">{t.pipeline.intro}</p>
      <article className="card" aria-labelledby="due-title">
        <h2 id="due-title">
          {t.steps.due} <span className="muted small">{t.pipeline.count(due.total)}</span>
        </h2>
        {due.items.length === 0 ? (
          <p className="muted">{t.steps.dueNone}</p>
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="due-table">
              <thead>
                <tr>
                  <th scope="col">{t.members.name}</th>
                  <th scope="col">{t.steps.step}</th>
                  <th scope="col">{t.members.status}</th>
                  <th scope="col">{t.steps.occurredOn}</th>
                </tr>
              </thead>
              <tbody>
                {due.items.map((d) => (
                  <tr key={`${d.member.id}-${d.kind}-${d.dueOn}`}>
                    <th scope="row">
                      <Link to={`/members/${d.member.id}`}><bdi>{d.member.name}</bdi></Link> <span className="muted small"><bdi>{d.member.orgUnit.name}</bdi></span>
                    </th>
                    <td>
                      {t.steps.stepN(d.stepNo)} {locale === 'zh-CN' ? d.nameZh : d.nameEn}
                    </td>
                    <td>
                      <span className={d.status === 'DUE' ? 'badge badge-skip' : 'badge badge-fail'}>{t.steps.dueStatus[d.status] ?? d.status}</span>{' '}
                      <span className="small">{t.steps.daysLeft(d.daysLeft)}</span>
                    </td>
                    <td>{t.steps.dueOn(d.dueOn)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </article>
      {requests.total > 0 ? (
        <article className="card" aria-labelledby="requests-title">
          <h2 id="requests-title">
            {t.approvals.requestsTitle} <span className="muted small">{t.pipeline.count(requests.total)}</span>
          </h2>
          <ul className="plain" data-testid="board-requests">
            {requests.items.map((r) => (
              <li key={r.id} data-request={r.id}>
                <Link to={`/members/${r.member.id}`}>
                  <bdi>{r.member.name}</bdi>
                </Link>{' '}
                {t.steps.stepN(r.stepNo)} {locale === 'zh-CN' ? r.nameZh : r.nameEn} <LevelRequestState request={r} />
              </li>
            ))}
          </ul>
          {viewer && handlesApprovals(viewer.role, viewer.scopeKind) ? (
            <p>
              <Link to="/approvals">{t.approvals.title} →</Link>
            </p>
          ) : null}
        </article>
      ) : null}
      <div className="board" data-testid="board">
        {columns.map((col) => (
          <section key={col.stage} className="board-column" aria-labelledby={`col-${col.stage}`} style={{ borderTopColor: STAGE_COLOURS[col.stage] }}>
            <h2 id={`col-${col.stage}`} className="h3">
              {t.stages[col.stage]} <span className="muted small">{t.pipeline.count(col.total)}</span>
            </h2>
            <ul className="plain">
              {col.cards.map((c) => (
                <li key={c.id} className="board-card" data-testid="board-card">
                  <Link to={`/members/${c.id}`}><bdi>{c.name}</bdi></Link>
                  <span className="muted small">
                    <bdi>{c.unit}</bdi>
                    {c.since ? ` · ${c.since}` : ''}
                  </span>
                  {col.stage !== 'FULL' ? <NextActions actions={c.next} compact /> : null}
                </li>
              ))}
            </ul>
            {col.total > col.cards.length ? (
              <p className="small">
                <Link to={`/members?stage=${col.stage}&status=ACTIVE`}>
                  {t.pipeline.more(col.total - col.cards.length)} · {t.pipeline.showAll}
                </Link>
              </p>
            ) : null}
          </section>
        ))}
      </div>
    </section>
  );
}
