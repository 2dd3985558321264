// Server side of profile.tsx: its loader and actions and the GraphQL documents they send.
import type { Route } from './+types/profile';
import { assertSameOrigin, requireAccount } from '../../lib/auth.server';
import { type Due } from '../../components/WhatsDue';
import { chinaToday } from '../../lib/format';
import { PAGE_ROLES } from '../../lib/roles';
import { graphql } from '../../graphql';
import type { MeQuery } from '../../graphql/graphql';

const ME_WITH_MEMBER = graphql(`query MyRecords($id: ID!) {
  me { account { ...MyAccount member { ...MemberFields proof { ...ProofFields } developmentHistory { ...StepFields } } } }
  history(type: "Member", id: $id, first: 100) { edges { node { ...HistoryFields } } }
}`);

graphql(`fragment MyAccount on Account {
  id username displayName role lastLoginAt scopeUnit { id name kind }
  sessions(first: 10) { edges { node { id createdAt lastSeenAt expiresAt userAgent current secondFactor } } }
}`);

// What is due for me: open votes (I see those I am entitled to), meetings from today on of my
// unit and those above it, and the published courses with whether I completed them — the same
// queries /votes, /meetings and /learning use.
const DUE = graphql(`query MyDue($today: Date!) {
  votes(status: OPEN, first: 50) { edges { node { id title status hasVoted closesAt } } }
  meetings(from: $today, first: 50) { edges { node { id title status startsAt location } } }
  courses(status: PUBLISHED, first: 100) { edges { node { id title mandatory myCompletion { id } } } }
}`);

interface DueResult {
  votes: { edges: Array<{ node: { id: string; title: string; status: string; hasVoted: boolean | null; closesAt: string | null } }> };
  meetings: { edges: Array<{ node: { id: string; title: string; status: string; startsAt: string; location: string | null } }> };
  courses: { edges: Array<{ node: { id: string; title: string; mandatory: boolean; myCompletion: { id: string } | null } }> };
}

const DUE_MEETINGS = 3;

const DUE_COURSES = 5;

function dueFrom(r: DueResult): Due {
  const votes = r.votes.edges
    .map((e) => e.node)
    .filter((v) => v.status === 'OPEN' && v.hasVoted === false)
    .map(({ id, title, closesAt }) => ({ id, title, closesAt }));
  const meetings = r.meetings.edges
    .map((e) => e.node)
    .filter((m) => m.status === 'PUBLISHED' || m.status === 'IN_PROGRESS')
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
    .slice(0, DUE_MEETINGS)
    .map(({ id, title, startsAt, location }) => ({ id, title, startsAt, location }));
  const open = r.courses.edges.map((e) => e.node).filter((c) => c.mandatory && !c.myCompletion);
  return { votes, meetings, courses: open.slice(0, DUE_COURSES).map(({ id, title }) => ({ id, title })), moreCourses: Math.max(0, open.length - DUE_COURSES) };
}

const ME = graphql(`query Me { me { account { ...MyAccount } } }`);

export async function loader({ request }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.me);
  const memberId = ctx.account.memberId;
  const [r, due] = await Promise.all([
    memberId ? ctx.query(ME_WITH_MEMBER, { id: memberId }) : ctx.query(ME).then((x): MeQuery & { history?: undefined } => x),
    // The to-do list is a convenience: if one of its lists is refused, the page still shows.
    memberId ? ctx.query(DUE, { today: chinaToday() }).then(dueFrom, () => null) : Promise.resolve(null),
  ]);
  const account = r.me.account;
  if (!account) throw new Error('the API did not return the signed-in account');
  return {
    account,
    member: 'member' in account ? account.member : null,
    due,
    history: r.history?.edges.map((e) => e.node) ?? [],
  };
}

export async function action({ request }: Route.ActionArgs) {
  assertSameOrigin(request);
  const ctx = await requireAccount(request, PAGE_ROLES.me);
  const form = await request.formData();
  const id = String(form.get('sessionId') ?? '');
  if (form.get('intent') === 'revoke-session' && id) {
    await ctx.query(graphql(`mutation Revoke($id: ID!) { revokeSession(id: $id) { id revokedAt } }`), { id });
  }
  return null;
}
