// Server side of profile.tsx: its loader and actions and the GraphQL documents they send.
import type { Route } from './+types/profile';
import { assertSameOrigin, requireAccount, rethrowForPage } from '../../lib/auth.server';
import { apiRequestWithProofSet } from '../../lib/graphql.server';
import { type Due } from '../../components/WhatsDue';
import { chinaToday } from '../../lib/format';
import { PAGE_ROLES } from '../../lib/roles';
import { graphql } from '../../graphql';
import type { MeQuery } from '../../graphql/graphql';

// The first view asks each proof for its `ref` into the response's one proof set v2
// (extensions.proofSet; decision 022), not for its v1 bundle: the set carries every batch header and
// shared node once, and the browser verifies it with one chain query per batch. A record's v1 bundle
// is still what its download link gives (/proof/:type/:id/:version).
const ME_WITH_MEMBER = graphql(`query MyRecords($id: ID!) {
  me { account { ...MyAccount member {
    ...MemberFields proof { ...ProofRefFields }
    developmentHistory { id version seq stepNo kind nameZh nameEn stage occurredOn approval notes warnings { code zh en warning } proof { ...ProofRefFields } }
  } } }
  history(type: "Member", id: $id, first: 100) { edges { node { version at actor data proof { ...ProofRefFields } } } }
}`);

graphql(`fragment ProofRefFields on Proof { status batchSeq index anchor { height chainId } ref }`);

// Only when the API could not build the set although some record is in a batch (decision 022: the
// set is then null and each record's v1 `bundle` says why): the records with their own v1 bundles,
// each verified — and failing — on its own, rather than shown as not yet anchored.
const ME_WITH_BUNDLES = graphql(`query MyRecordsBundles($id: ID!) {
  me { account { member { proof { ...ProofFields } developmentHistory { id proof { ...ProofFields } } } } }
  history(type: "Member", id: $id, first: 100) { edges { node { version proof { ...ProofFields } } } }
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
    memberId
      ? apiRequestWithProofSet(ME_WITH_MEMBER, { id: memberId }, { token: ctx.token, request }).catch((error: unknown) => rethrowForPage(error, request, ctx.session))
      : ctx.query(ME).then((data): { data: MeQuery & { history?: undefined }; proofSet: null } => ({ data, proofSet: null })),
    // The to-do list is a convenience: if one of its lists is refused, the page still shows.
    memberId ? ctx.query(DUE, { today: chinaToday() }).then(dueFrom, () => null) : Promise.resolve(null),
  ]);
  const account = r.data.me.account;
  if (!account) throw new Error('the API did not return the signed-in account');
  const member = 'member' in account ? account.member : null;
  const history = r.data.history?.edges.map((e) => e.node) ?? [];
  const inBatch = member ? [member.proof, ...member.developmentHistory.map((s) => s.proof), ...history.map((h) => h.proof)].some((p) => p.batchSeq !== null) : false;
  if (memberId && member && r.proofSet === null && inBatch) {
    const v1 = await ctx.query(ME_WITH_BUNDLES, { id: memberId });
    const v1Member = v1.me.account && 'member' in v1.me.account ? v1.me.account.member : null;
    const steps = new Map(v1Member?.developmentHistory.map((s) => [s.id, s.proof.bundle]) ?? []);
    const versions = new Map(v1.history.edges.map((e) => [e.node.version, e.node.proof.bundle]));
    return {
      account,
      member: {
        ...member,
        proof: { ...member.proof, bundle: v1Member?.proof.bundle ?? null },
        developmentHistory: member.developmentHistory.map((s) => ({ ...s, proof: { ...s.proof, bundle: steps.get(s.id) ?? null } })),
      },
      due,
      history: history.map((h) => ({ ...h, proof: { ...h.proof, bundle: versions.get(h.version) ?? null } })),
      proofSet: null,
    };
  }
  return {
    account,
    member,
    due,
    history,
    // Sent once; each proof's `ref` is its record's index in it, and profile.tsx expands the
    // records' bundles from it in the browser. Null (no record, or the API could not build the
    // set): the page's proofs show no bundle rather than one the set does not back.
    proofSet: r.proofSet,
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
