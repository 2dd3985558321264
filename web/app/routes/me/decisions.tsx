// My branch's decisions (党务公开): the decisions of the party branch I belong to, newest first,
// each with its milestones and proof badges. The API lists exactly those for a member; milestone
// owners are left out, since a member reads no other member's record.
import { useLoaderData } from 'react-router';
import type { Route } from './+types/decisions';
import { Pager, PortalPage } from '../../components/Portal';
import { ProofBadge, ProofCell } from '../../components/ProofBadge';
import { TableCard } from '../../components/TableCard';
import { UserText } from '../../components/UserText';
import { useT } from '../../i18n/use-t';
import { titleFor } from '../../lib/meta';
import type { loader } from './decisions.server';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.votes.branchDecisions);

export { loader } from './decisions.server';

export default function BranchDecisions() {
  const v = useT().votes;
  const { list } = useLoaderData<typeof loader>();
  return (
    <PortalPage id="branch-decisions-title" title={v.branchDecisions} intro={<p className="lead">{v.branchDecisionsIntro}</p>}>
      {!list ? (
        <p className="notice">{v.noMemberDecisions}</p>
      ) : (
        <>
          <p className="muted" role="status" data-testid="branch-decisions-total">
            {v.decisionsTotal(list.totalCount)}
          </p>
          {list.edges.length === 0 ? <p className="empty">{v.branchDecisionsNone}</p> : null}
          <ul className="plain" data-testid="branch-decisions">
            {list.edges.map(({ node: d }) => (
              <li key={d.id} className="card" data-decision={d.id}>
                <h2 className="h3">
                  <UserText>{d.title}</UserText> <span className="pill">{v.decisionStatuses[d.status] ?? d.status}</span> <ProofBadge proof={d.proof} />
                </h2>
                <p className="muted small">
                  {d.number ? <>{v.number} <bdi>{d.number}</bdi> · </> : ''}
                  {v.decidedOn} {d.decidedOn}
                  {d.yesCount !== null ? ` · ${v.yesCount} ${d.yesCount} · ${v.noCount} ${d.noCount ?? 0} · ${v.abstainCount} ${d.abstainCount ?? 0}` : ''}
                  {d.overdueMilestones > 0 ? <> <span className="badge badge-fail">{v.overdueMilestones(d.overdueMilestones)}</span></> : null}
                </p>
                <details>
                  <summary>{v.showContent}</summary>
                  <p className="prewrap">
                    <UserText>{d.content}</UserText>
                  </p>
                </details>
                {d.milestones.length === 0 ? (
                  <p className="muted">{v.milestonesNone}</p>
                ) : (
                  <TableCard caption={<><UserText>{d.title}</UserText> · {v.milestones}</>} testId={`milestones-${d.id}`} empty={null} columns={[v.milestone, v.dueOn, v.status, v.proof]}>
                    {d.milestones.map((m) => (
                      <tr key={m.id} className={m.overdue ? 'row-overdue' : undefined} data-status={m.status}>
                        <th scope="row">
                          <UserText>{m.title}</UserText>
                        </th>
                        <td>
                          {m.dueOn}
                          {m.overdue ? <> <span className="badge badge-fail">{v.overdueDays(m.overdueDays)}</span></> : null}
                        </td>
                        <td>
                          <span className="pill">{v.milestoneStatuses[m.status] ?? m.status}</span>
                          {m.completedOn ? <span className="muted small"> {m.completedOn}</span> : null}
                        </td>
                        <ProofCell proof={m.proof} />
                      </tr>
                    ))}
                  </TableCard>
                )}
              </li>
            ))}
          </ul>
          <Pager pageInfo={list.pageInfo} />
        </>
      )}
    </PortalPage>
  );
}
