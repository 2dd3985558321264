// The member portal: first what is due (open votes I can still cast, my next meetings, required
// courses I have not completed), then my account, my profile and development history from my member record, and
// every version of that record with its proof, verified in the browser and downloadable. Tabs
// lead to the other records about me (meetings, learning, points, appraisal, ballots, feedback);
// a member also finds their branch's published decisions (/me/decisions) from here.
import { Form, Link, useLoaderData } from 'react-router';
import type { Route } from './+types/me';
import { DevelopmentTimeline, MemberProfile, RecordVersions } from '../components/MemberProfile';
import { useT } from '../i18n/use-t';
import { assertSameOrigin, requireAccount } from '../lib/auth.server';
import { MEMBER_FIELDS, PROOF_FIELDS, STEP_FIELDS, type HistoryNode, type MemberNode, type ProofNode, type StepNode } from '../lib/fragments';
import { DevelopmentSteps } from '../components/DevelopmentSteps';
import { PortalTabs } from '../components/Portal';
import { WhatsDue, type Due } from '../components/WhatsDue';
import { chinaToday, formatDateTime } from '../lib/format';
import { titleFor } from '../lib/meta';
import { PAGE_ROLES } from '../lib/roles';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.me.title);

function accountSelection(withMember: boolean): string {
  return `account {
    id username displayName role lastLoginAt scopeUnit { id name kind }
    sessions(first: 10) { edges { node { id createdAt lastSeenAt expiresAt userAgent current secondFactor } } }
    ${withMember ? `member { ${MEMBER_FIELDS} ${PROOF_FIELDS} developmentHistory { ${STEP_FIELDS} } }` : ''}
  }`;
}

const ME_WITH_MEMBER = `query MyRecords($id: ID!) {
  me { ${accountSelection(true)} }
  history(type: "Member", id: $id, first: 100) { edges { node { version at actor data ${PROOF_FIELDS} } } }
}`;

// What is due for me: open votes (I see those I am entitled to), meetings from today on of my
// unit and those above it, and the published courses with whether I completed them — the same
// queries /votes, /meetings and /learning use.
const DUE = `query MyDue($today: Date!) {
  votes(status: OPEN, first: 50) { edges { node { id title status hasVoted closesAt } } }
  meetings(from: $today, first: 50) { edges { node { id title status startsAt location } } }
  courses(status: PUBLISHED, first: 100) { edges { node { id title mandatory myCompletion { id } } } }
}`;

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

const ME = `query Me { me { ${accountSelection(false)} } }`;

interface SessionNode {
  id: string;
  createdAt: string;
  lastSeenAt: string | null;
  expiresAt: string;
  userAgent: string | null;
  current: boolean;
  secondFactor: boolean;
}

interface MeResult {
  me: {
    account: {
      id: string;
      username: string;
      displayName: string;
      role: string;
      lastLoginAt: string | null;
      scopeUnit: { id: string; name: string; kind: string };
      sessions: { edges: Array<{ node: SessionNode }> };
      member?: (MemberNode & { proof: ProofNode; developmentHistory: StepNode[] }) | null;
    } | null;
  };
  history?: { edges: Array<{ node: HistoryNode }> };
}

export async function loader({ request }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.me);
  const memberId = ctx.account.memberId;
  const [r, due] = await Promise.all([
    memberId ? ctx.query<MeResult>(ME_WITH_MEMBER, { id: memberId }) : ctx.query<MeResult>(ME),
    // The to-do list is a convenience: if one of its lists is refused, the page still shows.
    memberId ? ctx.query<DueResult>(DUE, { today: chinaToday() }).then(dueFrom, () => null) : Promise.resolve(null),
  ]);
  const account = r.me.account;
  if (!account) throw new Error('the API did not return the signed-in account');
  return {
    account,
    member: account.member ?? null,
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
    await ctx.query('mutation Revoke($id: ID!) { revokeSession(id: $id) { id revokedAt } }', { id });
  }
  return null;
}

export default function Me() {
  const t = useT();
  const { account, member, history, due } = useLoaderData<typeof loader>();
  return (
    <section className="page" aria-labelledby="me-title">
      <h1 id="me-title">{t.me.title}</h1>
      <PortalTabs />
      {due ? <WhatsDue due={due} /> : null}
      {member && account.role === 'MEMBER' ? (
        <p className="notice">
          <Link to="/me/decisions" data-testid="branch-decisions-link">
            {t.votes.branchDecisionsLink}
          </Link>
        </p>
      ) : null}
      <div className="grid-2">
        <article className="card" aria-labelledby="account-title">
          <h2 id="account-title">{t.me.account}</h2>
          <dl className="facts">
            <div className="fact">
              <dt>{t.me.username}</dt>
              <dd>{account.username}</dd>
            </div>
            <div className="fact">
              <dt>{t.me.role}</dt>
              <dd>{t.roles[account.role] ?? account.role}</dd>
            </div>
            <div className="fact">
              <dt>{t.me.scope}</dt>
              <dd>{account.scopeUnit.name}</dd>
            </div>
            <div className="fact">
              <dt>{t.me.lastLogin}</dt>
              <dd>{formatDateTime(account.lastLoginAt)}</dd>
            </div>
          </dl>
          <details>
            <summary>{t.me.sessions}</summary>
            <ul className="plain">
              {account.sessions.edges.map(({ node: s }) => (
                <li key={s.id} className="session-row">
                  <span>
                    {formatDateTime(s.createdAt)} · {s.userAgent?.slice(0, 60) ?? '—'}
                    {s.current ? ' ✓' : ''}
                  </span>
                  {!s.current ? (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="revoke-session" />
                      <input type="hidden" name="sessionId" value={s.id} />
                      <button type="submit" className="btn btn-quiet btn-small">
                        {t.admin.revoke}
                      </button>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
          </details>
        </article>
        {member ? <DevelopmentTimeline member={member} /> : null}
      </div>
      {member ? (
        <>
          <MemberProfile member={member} proof={member.proof} titleId="profile-title" />
          <DevelopmentSteps steps={member.developmentHistory} />
          <RecordVersions type="Member" id={member.id} history={history} title={t.me.records} note={t.me.recordsNote} />
        </>
      ) : (
        <p className="notice">{t.me.noMember}</p>
      )}
    </section>
  );
}
