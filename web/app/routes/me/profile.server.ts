// Server side of profile.tsx: its loader and actions and the GraphQL documents they send.
import type { Route } from './+types/profile';
import { assertSameOrigin, requireAccount } from '../../lib/auth.server';
import { type Due } from '../../components/WhatsDue';
import { chinaToday } from '../../lib/format';
import { PAGE_ROLES } from '../../lib/roles';
import { graphql } from '../../graphql';
import type { MeQuery } from '../../graphql/graphql';
import { fromBundles, parseBundle, type ProofBundle, type ProofSet } from '@lianjian/verify';

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
  const member = 'member' in account ? account.member : null;
  const history = r.history?.edges.map((e) => e.node) ?? [];
  const proofs = member ? [member.proof, ...member.developmentHistory.map((s) => s.proof), ...history.map((h) => h.proof)] : [];
  const { proofSet, refs } = pageProofSet(proofs.map((p) => p.bundle));
  // Each proof refers into the set; its bundle is expanded from the set in the browser (profile.tsx).
  let k = 0;
  const slim = <P extends { bundle: unknown }>(p: P): P & { ref: number | null } => {
    const ref = refs[k++] ?? null;
    return { ...p, bundle: ref === null ? p.bundle : null, ref };
  };
  return {
    account,
    member: member ? { ...member, proof: slim(member.proof), developmentHistory: member.developmentHistory.map((s) => ({ ...s, proof: slim(s.proof) })) } : null,
    due,
    history: history.map((h) => ({ ...h, proof: slim(h.proof) })),
    proofSet,
  };
}

/**
 * The page's proofs as one proof set v2 (verify/PROOF-FORMAT.md §5): each batch's header and shared
 * nodes once, so the browser verifies the member and their whole history with one chain query per
 * batch (lib/verification.ts, verifySetInBrowser) and the page carries each node once. `refs[k]` is
 * proof k's record in the set (null: no bundle yet, or no set). Bundles that do not agree with each
 * other (fromBundles refuses them) are left as they are, so each fails on its own in the browser.
 */
function pageProofSet(bundles: readonly unknown[]): { proofSet: ProofSet | null; refs: (number | null)[] } {
  const keys = new Map<string, number>();
  const unique: ProofBundle[] = [];
  const refs: (number | null)[] = [];
  try {
    for (const raw of bundles) {
      if (!raw) {
        refs.push(null);
        continue;
      }
      const bundle = parseBundle(raw);
      // The member's current version is also the last of its history: one record in the set.
      const key = `${bundle.batch.seq}:${bundle.index}:${bundle.leaf}`;
      let ref = keys.get(key);
      if (ref === undefined) {
        ref = unique.length;
        keys.set(key, ref);
        unique.push(bundle);
      }
      refs.push(ref);
    }
    if (unique.length === 0) return { proofSet: null, refs: bundles.map(() => null) };
    return { proofSet: fromBundles(unique), refs };
  } catch {
    return { proofSet: null, refs: bundles.map(() => null) };
  }
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
