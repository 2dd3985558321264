// My ballots: votes are secret, so the portal only knows which votes I voted in; the receipt I
// kept finds my ballot (verifyMyBallot), whose proof is then verified in the browser. The ballot
// names no voter, so its proof is handed over from this page rather than /proof/… (which
// serves only records about the signed-in member).
import { Form, useLoaderData, useNavigation } from 'react-router';
import { useActionResult } from '../../lib/use-action-result';
import type { Route } from './+types/ballots';
import { PortalPage } from '../../components/Portal';
import { ProofStatus } from '../../components/ProofStatus';
import { useLocale } from '../../i18n/use-t';
import { localMessage, type ErrorPayload } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { type ProofNode } from '../../lib/fragments';
import { bundleDataHref } from '../../lib/portal';
import { portalTitle, usePortalT } from '../../lib/portal-text';
import type { loader, action } from './ballots.server';

export const meta: Route.MetaFunction = ({ matches }) => portalTitle(matches, (p) => p.ballots.title);

export { loader, action } from './ballots.server';

export interface CheckResult {
  voteId: string;
  verified?: boolean;
  voteStatus?: string;
  choices?: string[];
  ballot?: { id: string; version: number; voteId: string; choices: string[]; receiptHash: string; proof: ProofNode } | null;
  error?: ErrorPayload;
}

export default function MyBallots() {
  const p = usePortalT();
  const locale = useLocale();
  const { votes } = useLoaderData<typeof loader>();
  const check = useActionResult<CheckResult>();
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
                  <bdi>{v.title}</bdi> <span className="pill">{p.ballots.status[v.status] ?? v.status}</span>
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
