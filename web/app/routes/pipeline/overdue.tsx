// Overdue development steps (逾期发展步骤), read-only: the list behind the dashboard's overdue tile —
// which branch, which member, which step, due since when — for leaders, who may not work the
// pipeline's forms, as well as for secretaries and administrators. Each member links to their page.
import { Link, useLoaderData } from 'react-router';
import type { Route } from './+types/overdue';
import { TableCard } from '../../components/TableCard';
import { useLocale, useT } from '../../i18n/use-t';
import { titleFor } from '../../lib/meta';
import type { loader } from './overdue.server';
import { isolatedIn } from '../../components/UserText';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.analytics.overdue.title);

export { loader } from './overdue.server';

function href(params: Record<string, string | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

export default function Overdue() {
  const t = useT();
  const o = t.analytics.overdue;
  const locale = useLocale();
  const { unit, asOf, paged, items, keep } = useLoaderData<typeof loader>();
  return (
    <section className="page" aria-labelledby="overdue-title">
      <p>
        <Link to={`/dashboard${href({ unit: keep.unit })}`}>← {o.back}</Link>
      </p>
      <h1 id="overdue-title">{o.title}</h1>
      <p className="muted" data-testid="overdue-scope">
        {asOf ? isolatedIn((u) => o.scope(u, asOf), unit.name) : <bdi>{unit.name}</bdi>}
      </p>
      <p className="muted small">{o.intro}</p>
      <p className="muted" role="status">
        {o.total(items.totalCount)}
      </p>
      <TableCard testId="overdue-table" caption={o.title} empty={items.edges.length === 0 ? o.none : null}>
        <thead>
          <tr>
            <th scope="col">{o.branch}</th>
            <th scope="col">{o.member}</th>
            <th scope="col">{o.step}</th>
            <th scope="col">{o.since}</th>
            <th scope="col" className="num">
              {o.late}
            </th>
            <th scope="col">{o.state}</th>
          </tr>
        </thead>
        <tbody>
          {items.edges.map(({ node: d }) => (
            <tr key={`${d.member.id}-${d.kind}-${d.dueOn}`} data-member={d.member.id}>
              <td><bdi>{d.member.orgUnit.name}</bdi></td>
              <th scope="row">
                <Link to={`/members/${d.member.id}`}><bdi>{d.member.name}</bdi></Link>
              </th>
              <td>
                {t.steps.stepN(d.stepNo)} {locale === 'zh-CN' ? d.nameZh : d.nameEn}
              </td>
              <td>{d.dueOn}</td>
              <td className="num">{o.days(Math.max(0, -d.daysLeft))}</td>
              <td>
                <span className={d.status === 'EXPIRED' ? 'badge badge-fail' : 'badge badge-skip'}>{t.steps.dueStatus[d.status] ?? d.status}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </TableCard>
      {items.pageInfo.hasNextPage || paged ? (
        <nav className="pager" aria-label={t.accounts.page}>
          {paged ? <Link to={href({ unit: keep.unit, asOf: keep.asOf })}>{o.first}</Link> : null}
          {items.pageInfo.hasNextPage && items.pageInfo.endCursor ? (
            <Link to={href({ unit: keep.unit, asOf: keep.asOf, after: items.pageInfo.endCursor })} rel="next">
              {o.more} →
            </Link>
          ) : null}
        </nav>
      ) : null}
    </section>
  );
}
