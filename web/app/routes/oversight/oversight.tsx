// Oversight (下级工作督查, issue 19 deliverable 5): for leaders, administrators and secretaries of a
// level, what waits across the units below — steps due and overdue, requests to the level above
// waiting and late, meeting periods overdue, terms ending — one child unit a row. A unit's name
// opens the same table for its own units, down to a branch, whose rows are its items with each
// person linked to their record. Read-only: nothing here changes anything; the breadcrumb leads
// back up to the viewer's scope unit.
import { Link, useLoaderData, useNavigation } from 'react-router';
import type { Route } from './+types/oversight';
import { Card } from '../../components/Card';
import { Fact } from '../../components/Facts';
import { RowHead, TableCard } from '../../components/TableCard';
import { useLocale, useT } from '../../i18n/use-t';
import { titleFor } from '../../lib/meta';
import type { loader } from './oversight.server';
import '../../components/Dashboard.css';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.oversight.title);

export { loader } from './oversight.server';

const BADGE: Record<string, string> = { DUE: 'badge badge-skip', OVERDUE: 'badge badge-fail', EXPIRED: 'badge badge-fail', WAITING: 'badge' };

/** A figure cell: zero is plain, anything else stands out (late ones as failures). */
function Figure({ n, late = false, name }: { n: number; late?: boolean; name: string }) {
  return (
    <td className="num" data-figure={name} data-value={n}>
      {n === 0 ? <span className="muted">0</span> : late ? <span className="badge badge-fail">{n}</span> : <strong>{n}</strong>}
    </td>
  );
}

export default function Oversight() {
  const t = useT();
  const o = t.oversight;
  const locale = useLocale();
  const { view: v, paged } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === 'loading';
  const stepName = (s: { nameZh: string; nameEn: string }) => (locale === 'zh-CN' ? s.nameZh : s.nameEn);
  return (
    <section className="page" aria-labelledby="oversight-title" data-unit={v.unit.id}>
      <h1 id="oversight-title">{o.title}</h1>
      <nav aria-label={o.trail}>
        <ol className="crumbs" data-testid="oversight-trail">
          {v.trail.map((u, i) =>
            i === v.trail.length - 1 ? (
              <li key={u.id} aria-current="page">
                <strong data-testid="oversight-unit">
                  <bdi>{u.name}</bdi>
                </strong>{' '}
                <span className="muted small">{t.unitKinds[u.kind] ?? u.kind}</span>
              </li>
            ) : (
              <li key={u.id}>
                <Link to={`/oversight/${u.id}`}>
                  <bdi>{u.name}</bdi>
                </Link>
              </li>
            ),
          )}
        </ol>
      </nav>
      <p className="muted small">{v.leaf ? o.branchIntro : o.intro}</p>
      <dl className="facts">
        <Fact label={o.ownTerm} valueTestId="oversight-term">
          {v.term ? o.termEnds(v.term.termEnd, v.term.daysLeft) : o.noTerm}
        </Fact>
      </dl>
      {v.leaf ? (
        <>
          <Card titleId="oversight-steps-title" title={o.stepsTitle} testId="oversight-steps">
            <TableCard caption={o.stepsTitle} frame="table-wrap" columns={[o.member, o.step, o.dueOn, o.state]} empty={v.steps.length === 0 ? o.stepsNone : null}>
              {v.steps.map((s) => (
                <tr key={`${s.member.id}-${s.kind}`} data-member={s.member.id} data-status={s.status}>
                  <RowHead to={`/members/${s.member.id}`} name={s.member.name} />
                  <td>
                    {t.steps.stepN(s.stepNo)} {stepName(s)}
                  </td>
                  <td>{s.dueOn}</td>
                  <td>
                    <span className={BADGE[s.status] ?? 'badge'}>{t.steps.dueStatus[s.status] ?? s.status}</span>
                  </td>
                </tr>
              ))}
            </TableCard>
          </Card>
          <Card titleId="oversight-requests-title" title={o.requestsTitle} testId="oversight-requests">
            <TableCard caption={o.requestsTitle} frame="table-wrap" columns={[o.member, o.step, o.dueOn, o.state]} empty={v.requests.length === 0 ? o.requestsNone : null}>
              {v.requests.map((q) => (
                <tr key={q.request.id} data-member={q.request.member.id} data-status={q.status}>
                  <RowHead to={`/members/${q.request.member.id}`} name={q.request.member.name} />
                  <td>
                    {t.steps.stepN(q.request.stepNo)} {stepName(q.request)}
                    <span className="muted small"> {o.requestStatus[q.request.status] ?? q.request.status}</span>
                  </td>
                  <td>
                    {q.dueOn ?? '—'}
                    <span className="muted small"> {o.waiting(q.waitingDays)}</span>
                  </td>
                  <td>
                    <span className={BADGE[q.status] ?? 'badge'}>{o.queueStatus[q.status] ?? q.status}</span>
                  </td>
                </tr>
              ))}
            </TableCard>
          </Card>
          <Card titleId="oversight-meetings-title" title={o.meetingsTitle} testId="oversight-meetings">
            <TableCard
              caption={o.meetingsTitle}
              frame="table-wrap"
              columns={[o.kind, { label: o.overdueSlots, num: true }, { label: o.dueSlots, num: true }]}
              empty={v.meetings.length === 0 ? o.meetingsNone : null}
            >
              {v.meetings.map((m) => (
                <tr key={m.kind} data-kind={m.kind}>
                  <th scope="row">{t.meetings.kinds[m.kind] ?? m.kind}</th>
                  <Figure n={m.overdue} late name="overdue" />
                  <Figure n={m.due} name="due" />
                </tr>
              ))}
            </TableCard>
          </Card>
          <Card titleId="oversight-terms-title" title={o.termsTitle} testId="oversight-terms">
            <TableCard caption={o.termsTitle} frame="table-wrap" columns={[o.unit, o.termEnd, { label: o.daysLeft, num: true }]} empty={v.terms.length === 0 ? o.termsNone : null}>
              {v.terms.map((c) => (
                <tr key={c.id}>
                  <RowHead name={c.unit.name} />
                  <td>{c.termEnd}</td>
                  <Figure n={c.daysLeft} late={c.daysLeft < 0} name="daysLeft" />
                </tr>
              ))}
            </TableCard>
          </Card>
        </>
      ) : (
        <>
          <h2 id="oversight-children-title">{o.children}</h2>
          <p className="muted" role="status" data-testid="oversight-total">
            {o.childrenTotal(v.children.totalCount)}
          </p>
          <TableCard
            testId="oversight-table"
            caption={o.children}
            busy={busy}
            columns={[
              o.unit,
              { label: o.stepsDue, num: true },
              { label: o.stepsOverdue, num: true },
              { label: o.requestsWaiting, num: true },
              { label: o.requestsOverdue, num: true },
              { label: o.meetingsOverdue, num: true },
              { label: o.termsEnding, num: true },
              { label: o.termsOverdue, num: true },
            ]}
            empty={v.children.edges.length === 0 ? o.none : null}
          >
            {v.children.edges.map(({ node: c }) => (
              <tr key={c.unit.id} data-unit={c.unit.id} data-leaf={c.leaf ? 'true' : 'false'} data-items={c.stepsDue + c.stepsOverdue + c.requestsWaiting}>
                <RowHead to={`/oversight/${c.unit.id}`} name={c.unit.name}>
                  <span className="muted small"> {t.unitKinds[c.unit.kind] ?? c.unit.kind}</span>
                </RowHead>
                <Figure n={c.stepsDue} name="stepsDue" />
                <Figure n={c.stepsOverdue} late name="stepsOverdue" />
                <Figure n={c.requestsWaiting} name="requestsWaiting" />
                <Figure n={c.requestsOverdue} late name="requestsOverdue" />
                <Figure n={c.meetingSlotsOverdue} late name="meetingSlotsOverdue" />
                <Figure n={c.termsEnding} name="termsEnding" />
                <Figure n={c.termsOverdue} late name="termsOverdue" />
              </tr>
            ))}
          </TableCard>
          {v.children.pageInfo.hasNextPage || paged ? (
            <nav className="pager" aria-label={o.page}>
              {paged ? <Link to={`/oversight/${v.unit.id}`}>{o.first}</Link> : <span />}
              {v.children.pageInfo.hasNextPage && v.children.pageInfo.endCursor ? (
                <Link to={`/oversight/${v.unit.id}?after=${encodeURIComponent(v.children.pageInfo.endCursor)}`} rel="next">
                  {o.next} →
                </Link>
              ) : null}
            </nav>
          ) : null}
        </>
      )}
    </section>
  );
}
