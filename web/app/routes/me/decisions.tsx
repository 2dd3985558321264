// My branch's decisions (党务公开): the decisions of the party branch I belong to, newest first,
// each with its milestones and proof badges. The API lists exactly those for a member; milestone
// owners are left out, since a member reads no other member's record.
import { Link, useLoaderData } from 'react-router';
import { BranchDecision } from '../../components/BranchDecision';
import type { Route } from './+types/decisions';
import { Pager, PortalPage } from '../../components/Portal';
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
                <BranchDecision d={d} action={<p><Link to={`/me/decisions/${d.id}`}>{v.discussDecision}</Link></p>} />
              </li>
            ))}
          </ul>
          <Pager pageInfo={list.pageInfo} />
        </>
      )}
    </PortalPage>
  );
}
