// The member portal: first what is due (open votes I can still cast, my next meetings, required
// courses I have not completed), then my account, my profile and development history from my member record, and
// every version of that record with its proof, verified in the browser and downloadable. Tabs
// lead to the other records about me (meetings, learning, points, appraisal, ballots, feedback);
// a member also finds their branch's published decisions (/me/decisions) from here.
import { useMemo } from 'react';
import { Form, Link, useLoaderData } from 'react-router';
import type { Route } from './+types/profile';
import { Card } from '../../components/Card';
import { DevelopmentSteps } from '../../components/DevelopmentSteps';
import { Fact } from '../../components/Facts';
import { DevelopmentTimeline, MemberProfile, RecordVersions } from '../../components/MemberProfile';
import { PortalTabs } from '../../components/Portal';
import { WhatsDue } from '../../components/WhatsDue';
import { useT } from '../../i18n/use-t';
import { formatDateTime } from '../../lib/format';
import type { ProofBundle } from '@lianjian/verify';
import { expandProofSet } from '../../lib/verification';
import { titleFor } from '../../lib/meta';
import type { loader } from './profile.server';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.me.title);

export { loader, action } from './profile.server';

export default function Me() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const { account, due } = data;
  // Every proof on the page comes from the one proof set the loader passed on from the API: its
  // bundles are expanded here, and verifying any of them verifies the whole set once, one chain
  // query per batch (lib/verification.ts). A proof that came with its own v1 bundle (the loader's
  // fallback when the API gave no set) keeps it.
  const { member, history, setBroken } = useMemo(() => {
    let bundles: (ProofBundle | null)[] = [];
    let setBroken = false;
    try {
      bundles = data.proofSet ? expandProofSet(data.proofSet) : [];
    } catch {
      // A set that does not parse or whose nodes do not add up: its records show no bundle rather
      // than a made-up one, and the page says plainly that they cannot be verified (not "waiting").
      setBroken = true;
    }
    const withBundle = <P extends { ref: number } | { bundle: unknown }>(p: P): Omit<P, 'ref'> & { bundle: Record<string, unknown> | null } =>
      'bundle' in p ? (p as P & { bundle: Record<string, unknown> | null }) : { ...p, bundle: (bundles[p.ref] ?? null) as Record<string, unknown> | null };
    const m = data.member;
    return {
      member: m ? { ...m, proof: withBundle(m.proof), developmentHistory: m.developmentHistory.map((s) => ({ ...s, proof: withBundle(s.proof) })) } : null,
      history: data.history.map((h) => ({ ...h, proof: withBundle(h.proof) })),
      setBroken,
    };
  }, [data.proofSet, data.member, data.history]);
  return (
    <section className="page" aria-labelledby="me-title">
      <h1 id="me-title">{t.me.title}</h1>
      <PortalTabs />
      {setBroken ? (
        <p className="form-error" role="alert" data-testid="proof-set-broken">
          {t.me.proofSetBroken}
        </p>
      ) : null}
      {due ? <WhatsDue due={due} /> : null}
      {member && account.role === 'MEMBER' ? (
        <p className="notice">
          <Link to="/me/decisions" data-testid="branch-decisions-link">
            {t.votes.branchDecisionsLink}
          </Link>
        </p>
      ) : null}
      <div className="grid-2">
        <Card titleId="account-title" title={t.me.account}>
          <dl className="facts">
            <Fact label={t.me.username}><bdi>{account.username}</bdi></Fact>
            <Fact label={t.me.role}>{t.roles[account.role] ?? account.role}</Fact>
            <Fact label={t.me.scope}><bdi>{account.scopeUnit.name}</bdi></Fact>
            <Fact label={t.me.lastLogin}>{formatDateTime(account.lastLoginAt)}</Fact>
          </dl>
          <details>
            <summary>{t.me.sessions}</summary>
            <ul className="plain">
              {account.sessions.edges.map(({ node: s }) => (
                <li key={s.id} className="session-row">
                  <span>
                    {formatDateTime(s.createdAt)} · {s.userAgent ? <bdi>{s.userAgent.slice(0, 60)}</bdi> : '—'}
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
        </Card>
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
