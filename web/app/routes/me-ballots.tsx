// My ballots: votes are secret, so the portal only knows which votes I voted in; the receipt I
// kept finds my ballot (verifyMyBallot), whose proof is then verified in the browser. The ballot
// names no voter, so its proof is handed over from this page rather than /proof/… (which
// serves only records about the signed-in member).
import { data, Form, useActionData, useLoaderData, useNavigation } from 'react-router';
import type { Route } from './+types/me-ballots';
import { PortalPage } from '../components/Portal';
import { ProofStatus } from '../components/ProofStatus';
import { useLocale } from '../i18n/use-t';
import { assertSameOrigin, requireAccount, rethrowForPage } from '../lib/auth.server';
import { localMessage, type ErrorPayload } from '../lib/errors';
import { formatDateTime } from '../lib/format';
import { PROOF_FIELDS, type ProofNode } from '../lib/fragments';
import { isRefusal } from '../lib/learning.server';
import { bundleDataHref } from '../lib/portal';
import { portalTitle, usePortalT } from '../lib/portal-text';
import { PAGE_ROLES } from '../lib/roles';

export const meta: Route.MetaFunction = ({ matches }) => portalTitle(matches, (p) => p.ballots.title);

// Members see the votes they are entitled to; a member takes part in few, so one page of 100
// holds them (the list says so if there were more).
const VOTES = `{ votes(first: 100) { totalCount edges { node { id title status hasVoted closedAt options { id label position } } } } }`;

const CHECK = `query Check($voteId: ID!, $receipt: String!) {
  verifyMyBallot(voteId: $voteId, receipt: $receipt) { verified voteStatus choices ballot { id version voteId choices receiptHash ${PROOF_FIELDS} } }
}`;

interface VoteNode {
  id: string;
  title: string;
  status: string;
  hasVoted: boolean | null;
  closedAt: string | null;
  options: Array<{ id: string; label: string; position: number }>;
}

interface CheckResult {
  voteId: string;
  verified?: boolean;
  voteStatus?: string;
  choices?: string[];
  ballot?: { id: string; version: number; voteId: string; choices: string[]; receiptHash: string; proof: ProofNode } | null;
  error?: ErrorPayload;
}

export async function loader({ request }: Route.LoaderArgs) {
  const ctx = await requireAccount(request, PAGE_ROLES.me);
  if (!ctx.account.memberId) return { votes: null, more: false };
  const r = await ctx.query<{ votes: { totalCount: number; edges: Array<{ node: VoteNode }> } }>(VOTES);
  return { votes: r.votes.edges.map((e) => e.node).filter((v) => v.hasVoted === true), more: r.votes.totalCount > r.votes.edges.length };
}

export async function action({ request }: Route.ActionArgs) {
  assertSameOrigin(request);
  const ctx = await requireAccount(request, PAGE_ROLES.me);
  const form = await request.formData();
  const voteId = String(form.get('voteId') ?? '');
  const receipt = String(form.get('receipt') ?? '').trim();
  try {
    const r = await ctx.call<{ verifyMyBallot: Omit<CheckResult, 'voteId'> }>(CHECK, { voteId, receipt });
    return data<CheckResult>({ voteId, ...r.verifyMyBallot });
  } catch (error) {
    if (isRefusal(error)) return data<CheckResult>({ voteId, error: error.payload() }, { status: error.status >= 500 ? 409 : error.status });
    return rethrowForPage(error, request, ctx.session);
  }
}

export default function MyBallots() {
  const p = usePortalT();
  const locale = useLocale();
  const { votes } = useLoaderData<typeof loader>();
  const check = useActionData<typeof action>() as CheckResult | undefined;
  const busy = useNavigation().state === 'submitting';
  return (
    <PortalPage id="ballots-title" title={p.ballots.title} intro={<p className="lead">{votes && votes.length > 0 ? p.ballots.intro : p.ballots.introNone}</p>}>
      {!votes ? (
        <p className="notice">{p.noMember}</p>
      ) : votes.length === 0 ? (
        <p className="empty">{p.ballots.none}</p>
      ) : (
        <ul className="plain" data-testid="ballots">
          {votes.map((v) => {
            const mine = check?.voteId === v.id ? check : undefined;
            const label = (id: string) => v.options.find((o) => o.id === id)?.label ?? id;
            return (
              <li key={v.id} className="card" data-vote={v.id}>
                <h2 className="h3">
                  {v.title} <span className="pill">{p.ballots.status[v.status] ?? v.status}</span>
                </h2>
                {v.closedAt ? <p className="muted small">{formatDateTime(v.closedAt)}</p> : null}
                <Form method="post" className="filters">
                  <input type="hidden" name="voteId" value={v.id} />
                  <div className="field">
                    <label htmlFor={`receipt-${v.id}`}>{p.ballots.receipt}</label>
                    <input id={`receipt-${v.id}`} name="receipt" required autoComplete="off" spellCheck={false} maxLength={200} className="mono" />
                  </div>
                  <div className="field field-actions">
                    <button type="submit" className="btn" disabled={busy}>
                      {p.ballots.check}
                    </button>
                  </div>
                </Form>
                {mine ? (
                  <div role="status" aria-live="polite" data-testid="ballot-check" data-verified={String(mine.verified ?? false)}>
                    {mine.error ? (
                      <p className="form-error">{localMessage(mine.error, locale)}</p>
                    ) : mine.verified ? (
                      <>
                        <p className="notice">{mine.ballot ? p.ballots.found : p.ballots.notYet}</p>
                        <p>
                          <strong>{p.ballots.choices}：</strong>
                          {(mine.choices ?? []).map(label).join('、') || '—'}
                        </p>
                        {mine.ballot ? (
                          <ProofStatus
                            proof={mine.ballot.proof}
                            fields={{ voteId: mine.ballot.voteId, choices: mine.ballot.choices }}
                            what={p.ballots.what(v.title)}
                            {...(bundleDataHref(mine.ballot.proof.bundle) ? { downloadHref: bundleDataHref(mine.ballot.proof.bundle)! } : {})}
                          />
                        ) : null}
                      </>
                    ) : (
                      <p className="form-error">{p.ballots.notFound}</p>
                    )}
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </PortalPage>
  );
}
