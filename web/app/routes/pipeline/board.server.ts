// Server side of board.tsx: its loader and actions and the GraphQL documents they send.
import type { Route } from './+types/board';
import { requireAccount } from '../../lib/auth.server';
import { PAGE_ROLES } from '../../lib/roles';
import { STAGES, type Stage } from '../../lib/stages';
import { graphql } from '../../graphql';

const SINCE: Record<Stage, string> = {
  APPLICANT: 'appliedOn',
  ACTIVIST: 'activistSince',
  CANDIDATE: 'candidateSince',
  PROBATIONARY: 'probationarySince',
  FULL: 'fullMemberSince',
};

// Full members have no next step in the procedure; their column only counts and lists them.
// Each column asks for the date its stage began (SINCE).
const BOARD = graphql(`query Board {
  APPLICANT: members(stage: APPLICANT, status: ACTIVE, first: 12) { totalCount edges { node { ...BoardCard appliedOn nextActions { ...ActionFields } } } }
  ACTIVIST: members(stage: ACTIVIST, status: ACTIVE, first: 12) { totalCount edges { node { ...BoardCard activistSince nextActions { ...ActionFields } } } }
  CANDIDATE: members(stage: CANDIDATE, status: ACTIVE, first: 12) { totalCount edges { node { ...BoardCard candidateSince nextActions { ...ActionFields } } } }
  PROBATIONARY: members(stage: PROBATIONARY, status: ACTIVE, first: 12) { totalCount edges { node { ...BoardCard probationarySince nextActions { ...ActionFields } } } }
  FULL: members(stage: FULL, status: ACTIVE, first: 12) { totalCount edges { node { ...BoardCard fullMemberSince } } }
  pipelineDue(first: 20, withinDays: 30) { totalCount edges { node { ...DueFields member { id name orgUnit { name } } } } }
  levelRequests(status: [IN_REVIEW, PENDING, RETURNED], first: 10) {
    totalCount edges { node { id stepNo nameZh nameEn status requestedAt decidedAt decidedByName returnReason decidingUnitName member { id name } } }
  }
}`);

graphql(`fragment BoardCard on Member { id name orgUnit { name } }`);

export async function loader({ request }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.pipeline);
  const r = await ctx.query(BOARD);
  return {
    columns: STAGES.map((stage) => ({
      stage,
      total: r[stage].totalCount,
      cards: r[stage].edges.map(({ node }) => ({
        id: node.id,
        name: node.name,
        unit: node.orgUnit.name,
        since: ((node as Record<string, unknown>)[SINCE[stage]] as string | null) ?? null,
        // What can be done now, then what comes next: the board shows a few.
        next: ('nextActions' in node ? node.nextActions : []).slice().sort((a, b) => Number(b.legalToday) - Number(a.legalToday)).slice(0, 2),
      })),
    })),
    due: { total: r.pipelineDue.totalCount, items: r.pipelineDue.edges.map((e) => e.node) },
    // The level above's steps the subtree asked for: waiting on it, or returned with a reason.
    requests: { total: r.levelRequests.totalCount, items: r.levelRequests.edges.map((e) => e.node) },
  };
}
