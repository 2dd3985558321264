// One decision of my branch (党务公开) with its discussion: the members of the branch comment
// before and after the vote, as on the staff page.
import { Link, useLoaderData } from 'react-router';
import type { Route } from './+types/decision';
import { BranchDecision } from '../../components/BranchDecision';
import { Discussion } from '../../components/Discussion';
import { PortalPage } from '../../components/Portal';
import { useT } from '../../i18n/use-t';
import { titleFor } from '../../lib/meta';
import type { loader } from './decision.server';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.votes.branchDecisions);

export { loader, action } from './decision.server';

export default function BranchDecisionPage() {
  const v = useT().votes;
  const { decision, discussion } = useLoaderData<typeof loader>();
  return (
    <PortalPage id="branch-decision-title" title={v.branchDecisions} intro={<p><Link to="/me/decisions">{v.allBranchDecisions}</Link></p>}>
      <div className="card" data-decision={decision.id}>
        <BranchDecision d={decision} open />
      </div>
      <Discussion data={discussion} />
    </PortalPage>
  );
}
