// My branch's decisions (党务公开): the decisions of the party branch I belong to, newest first,
// each with its milestones and proof badges. The API lists exactly those for a member; milestone
// owners are left out, since a member reads no other member's record.
import { useLoaderData } from 'react-router';
import type { Route } from './+types/me-decisions';
import { Pager, PortalPage } from '../components/Portal';
import { ProofBadge } from '../components/ProofBadge';
import { TableCard } from '../components/TableCard';
import { UserText } from '../components/UserText';
import { useT } from '../i18n/use-t';
import { requireAccount } from '../lib/auth.server';
import { titleFor } from '../lib/meta';
import { PAGE_INFO, pagingFrom, type Connection } from '../lib/portal';
import { PAGE_ROLES } from '../lib/roles';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.votes.branchDecisions);

const BADGE = 'proof { status batchSeq anchor { height } }';
const DECISIONS = `query BranchDecisions($first: Int, $after: String, $last: Int, $before: String) {
  decisions(first: $first, after: $after, last: $last, before: $before) {
    totalCount ${PAGE_INFO}
    edges { node { id number title content decidedOn status yesCount noCount abstainCount overdueMilestones ${BADGE}
      milestones { id title dueOn completedOn status overdue overdueDays ${BADGE} } } }
  }
}`;

type Badge = { status: string; batchSeq: number | null; anchor: { height: number } | null };

interface DecisionNode {
  id: string;
  number: string | null;
  title: string;
  content: string;
  decidedOn: string;
  status: string;
  yesCount: number | null;
  noCount: number | null;
  abstainCount: number | null;
  overdueMilestones: number;
  proof: Badge;
  milestones: Array<{ id: string; title: string; dueOn: string; completedOn: string | null; status: string; overdue: boolean; overdueDays: number; proof: Badge }>;
}

export async function loader({ request }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.me);
  // Staff accounts read decisions on /decisions; here only the member's own branch is meant.
  if (!ctx.account.memberId || ctx.account.role !== 'MEMBER') return { list: null };
  const r = await ctx.query<{ decisions: Connection<DecisionNode> }>(DECISIONS, pagingFrom(new URL(request.url)));
  return { list: r.decisions };
}

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
                  {d.number ? `${v.number} ${d.number} · ` : ''}
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
                  <TableCard caption={`${d.title} · ${v.milestones}`} testId={`milestones-${d.id}`} empty={null}>
                    <thead>
                      <tr>
                        <th scope="col">{v.milestone}</th>
                        <th scope="col">{v.dueOn}</th>
                        <th scope="col">{v.status}</th>
                        <th scope="col">{v.proof}</th>
                      </tr>
                    </thead>
                    <tbody>
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
                          <td>
                            <ProofBadge proof={m.proof} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
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
