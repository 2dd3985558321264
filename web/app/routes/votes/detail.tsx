// One vote. Secretaries and administrators open it (freezing the roll) and close it (the tally);
// staff see who voted, never how. Members on the roll cast their secret ballot (the receipt is
// shown once) and check it later with the receipt, with the ballot record's proof once tallied.
// Opening, closing and casting cannot be undone: each asks first (ConfirmStep).
import { Form, Link, useActionData, useLoaderData, useNavigation } from 'react-router';
import type { Route } from './+types/detail';
import pageStyles from '../../components/MeetingVote.css?url';
import { ConfirmStep } from '../../components/Confirm';
import { FieldError, FormAlert, invalidProps } from '../../components/MeetingFields';
import { ProofStatus } from '../../components/ProofStatus';
import { RecordHead } from '../../components/RecordHead';
import { VoteReceipt } from '../../components/VoteReceipt';
import { VoteTally } from '../../components/VoteTally';
import { useT } from '../../i18n/use-t';
import { formatDateTime } from '../../lib/format';
import { type ProofNode } from '../../lib/fragments';
import type { FormFailure, FormResult } from '../../lib/meetings-form';
import { titleFor } from '../../lib/meta';
import { voteProvenFields, type VoteNode } from '../../lib/votes';
import type { loader, action } from './detail.server';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: pageStyles }];

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.votes.details);

export { loader, action } from './detail.server';

export interface BallotCheck {
  verified: boolean;
  choices: string[];
  voteStatus: string;
  ballot: { id: string; version: number; choices: string[]; receiptHash: string; proof: ProofNode } | null;
}

export type VoteActionResult = FormResult<{
  receipt?: { receipt: string; receiptHash: string };
  check?: BallotCheck & { hashMatches: boolean | null };
  /** Not done yet: the page asks for confirmation (with the choices, to keep them ticked without JavaScript). */
  confirm?: { choices: string[] };
}>;

export default function VotePage() {
  const t = useT();
  const v = t.votes;
  const { vote, names, canWrite, hasMember } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as VoteActionResult | undefined;
  const failure = result && !result.ok ? result : null;
  const done = result?.ok ? result : null;
  const busy = useNavigation().state === 'submitting';
  const label = (id: string) => vote.options.find((o) => o.id === id)?.label ?? id;
  return (
    <section className="page" aria-labelledby="vote-title">
      <RecordHead id="vote-title" back={{ to: '/votes', label: v.back }} title={vote.title} status={{ value: vote.status, label: v.statuses[vote.status] ?? vote.status, testId: 'vote-status' }} />
      {done && !done.confirm && (done.intent === 'open' || done.intent === 'close') ? (
        <p className="notice" role="status" data-testid="vote-notice">
          {done.intent === 'open' ? v.opened : v.closed}
        </p>
      ) : null}
      {done?.intent === 'cast' && done.receipt ? <VoteReceipt receipt={done.receipt.receipt} receiptHash={done.receipt.receiptHash} /> : null}
      <div className="grid-2">
        <article className="card" aria-labelledby="vote-facts">
          <h2 id="vote-facts">{v.details}</h2>
          <ProofStatus proof={vote.proof} fields={voteProvenFields(vote)} what={`${vote.title} ${t.me.versionN(vote.version)}`} downloadHref={`/proof/Vote/${vote.id}/${vote.version}`} />
          <dl className="facts">
            <div className="fact">
              <dt>{v.kind}</dt>
              <dd>{v.kinds[vote.kind] ?? vote.kind}</dd>
            </div>
            {vote.orgUnit ? (
              <div className="fact">
                <dt>{v.unit}</dt>
                <dd><bdi>{vote.orgUnit.name}</bdi></dd>
              </div>
            ) : null}
            <div className="fact">
              <dt>{v.quorumRule}</dt>
              <dd>{v.quorum[vote.quorumRule] ?? vote.quorumRule}</dd>
            </div>
            <div className="fact">
              <dt>{v.majorityRule}</dt>
              <dd>{v.majority[vote.majorityRule] ?? vote.majorityRule}</dd>
            </div>
            {vote.kind === 'ELECTION' ? (
              <div className="fact">
                <dt>{v.seats}</dt>
                <dd>{vote.seats}</dd>
              </div>
            ) : null}
            {vote.eligibleCount !== null ? (
              <div className="fact">
                <dt>{v.eligibleCount}</dt>
                <dd>{v.eligible(vote.eligibleCount)}</dd>
              </div>
            ) : null}
            {vote.closesAt ? (
              <div className="fact">
                <dt>{v.closesAt}</dt>
                <dd>{formatDateTime(vote.closesAt)}</dd>
              </div>
            ) : null}
            {vote.eligibleRollHash ? (
              <div className="fact">
                <dt>{v.rollHash}</dt>
                <dd>
                  <code className="break">{vote.eligibleRollHash}</code>
                </dd>
              </div>
            ) : null}
          </dl>
          {vote.description ? (
            <p className="prewrap">
              <bdi>{vote.description}</bdi>
            </p>
          ) : null}
          <h3>{v.options}</h3>
          <ol data-testid="vote-options">
            {vote.options.map((o) => (
              <li key={o.id}><bdi>{o.label}</bdi></li>
            ))}
          </ol>
        </article>
        <div>
          {canWrite && (vote.status === 'DRAFT' || vote.status === 'OPEN') ? (
            <article className="card" aria-labelledby="vote-action-title">
              <h2 id="vote-action-title">{vote.status === 'DRAFT' ? v.open : v.close}</h2>
              <p className="muted small">{vote.status === 'DRAFT' ? v.openIntro : v.closeIntro}</p>
              <FormAlert result={failure} intent={vote.status === 'DRAFT' ? 'open' : 'close'} />
              <Form method="post">
                <input type="hidden" name="intent" value={vote.status === 'DRAFT' ? 'open' : 'close'} />
                <button type="submit" className={vote.status === 'DRAFT' ? 'btn btn-primary' : 'btn btn-danger'} disabled={busy} data-testid={vote.status === 'DRAFT' ? 'open-vote' : 'close-vote'}>
                  {vote.status === 'DRAFT' ? v.open : v.close}
                </button>
                {done?.confirm && done.intent === (vote.status === 'DRAFT' ? 'open' : 'close') ? (
                  vote.status === 'DRAFT' ? (
                    <ConfirmStep id="open-confirm" title={v.openConfirmTitle} confirmLabel={v.openConfirmYes} cancel={{ to: `/votes/${vote.id}`, label: v.cancel }} asked={done} busy={busy}>
                      <p>{v.openConfirm(vote.eligibleNow ?? 0)}</p>
                    </ConfirmStep>
                  ) : (
                    <ConfirmStep id="close-confirm" title={v.closeConfirmTitle} confirmLabel={v.closeConfirmYes} cancel={{ to: `/votes/${vote.id}`, label: v.cancel }} asked={done} busy={busy}>
                      <p>
                        <strong>{v.closeConfirm(vote.rollEntries?.totalCount ?? 0, vote.eligibleCount ?? 0)}</strong>
                      </p>
                      <p>{v.closeConfirmTally}</p>
                    </ConfirmStep>
                  )
                ) : null}
              </Form>
            </article>
          ) : null}
          {hasMember && vote.hasVoted !== null && vote.status !== 'DRAFT' ? (
            <VoterPanel vote={vote} failure={failure} busy={busy} asked={done?.intent === 'cast' ? done : null} />
          ) : null}
          {hasMember && vote.hasVoted ? (
            <article className="card" aria-labelledby="check-title" data-testid="check-card">
              <h2 id="check-title">{v.check}</h2>
              <p className="muted small">{v.checkIntro}</p>
              <Form method="post" className="form">
                <input type="hidden" name="intent" value="check" />
                <FormAlert result={failure} intent="check" />
                <label htmlFor="check-receipt">{v.receipt}</label>
                <input id="check-receipt" name="receipt" autoComplete="off" spellCheck={false} required maxLength={64} className="mono" {...invalidProps(failure, 'check', 'receipt', 'check-receipt')} />
                <FieldError result={failure} intent="check" name="receipt" id="check-receipt" />
                <button type="submit" className="btn btn-primary" disabled={busy} data-testid="check-ballot">
                  {v.checkSubmit}
                </button>
              </Form>
              {done?.intent === 'check' && done.check ? (
                <div className="ballot-check" data-testid="ballot-check" data-verified={String(done.check.verified)}>
                  {done.check.verified ? (
                    <>
                      <p>
                        <span className="badge badge-pass">{v.found}</span>
                      </p>
                      <p>
                        {v.yourChoice}: <strong data-testid="ballot-choice">{done.check.choices.length ? done.check.choices.map(label).join('、') : v.blank}</strong>
                      </p>
                      {done.check.ballot ? (
                        <>
                          <p className={done.check.hashMatches ? 'small' : 'form-error'}>{done.check.hashMatches ? v.hashMatches : v.hashDiffers}</p>
                          <h3>{v.ballotProof}</h3>
                          <ProofStatus
                            proof={done.check.ballot.proof}
                            fields={{ choices: done.check.ballot.choices, receiptHash: done.check.ballot.receiptHash }}
                            what={v.ballotProof}
                            downloadHref={`/proof/Ballot/${done.check.ballot.id}/${done.check.ballot.version}`}
                          />
                        </>
                      ) : (
                        <p className="muted small" data-testid="ballot-sealed">
                          {v.sealed}
                        </p>
                      )}
                    </>
                  ) : (
                    <p>
                      <span className="badge badge-fail">{v.notFound}</span>
                    </p>
                  )}
                </div>
              ) : null}
            </article>
          ) : null}
        </div>
      </div>
      {vote.tally ? <VoteTally vote={vote} tally={vote.tally} /> : null}
      {canWrite && vote.tally?.passed && vote.kind !== 'ELECTION' ? (
        <p>
          <Link to={`/decisions?vote=${vote.id}#new-decision`} className="btn" data-testid="record-decision">
            {v.createDecision}
          </Link>
        </p>
      ) : null}
      {vote.rollEntries ? (
        <article className="card" aria-labelledby="roll-title">
          <h2 id="roll-title">
            {v.roll} {vote.eligibleCount !== null ? <span className="muted small">{v.rollOf(vote.rollEntries.totalCount, vote.eligibleCount)}</span> : null}
          </h2>
          {vote.rollEntries.edges.length === 0 ? (
            <p className="muted">{v.rollNone}</p>
          ) : (
            <ul className="plain roll" data-testid="roll">
              {vote.rollEntries.edges.map(({ node: r }) => (
                <li key={r.id}>
                  <bdi>{names[r.memberId] ?? r.memberId}</bdi> <span className="muted small">{formatDateTime(r.votedAt)}</span>
                </li>
              ))}
            </ul>
          )}
        </article>
      ) : null}
    </section>
  );
}

function VoterPanel({ vote, failure, busy, asked }: { vote: VoteNode; failure: FormFailure | null; busy: boolean; asked: VoteActionResult | null }) {
  const v = useT().votes;
  const motion = vote.kind !== 'ELECTION';
  const confirm = asked?.ok ? asked.confirm : undefined;
  const chosen = confirm?.choices.map((id) => vote.options.find((o) => o.id === id)?.label ?? '').filter(Boolean) ?? [];
  return (
    <article className="card" aria-labelledby="ballot-title" data-testid="ballot-card">
      <h2 id="ballot-title">{v.myBallot}</h2>
      {vote.hasVoted ? (
        <p>
          <span className="pill pill-pass" data-testid="has-voted">
            {v.alreadyVoted}
          </span>
        </p>
      ) : vote.status !== 'OPEN' ? (
        <p className="muted">{v.notOpen}</p>
      ) : (
        <Form method="post" className="form" data-testid="cast-form">
          <input type="hidden" name="intent" value="cast" />
          <p className="muted small">{v.castIntro}</p>
          <FormAlert result={failure} intent="cast" />
          <fieldset className="ballot-options" {...invalidProps(failure, 'cast', 'choices', 'ballot-choices')}>
            <legend>{motion ? v.chooseOne : v.chooseUpTo(vote.seats)}</legend>
            {vote.options.map((o) => (
              <label key={o.id} className="checkbox ballot-option">
                <input type={motion ? 'radio' : 'checkbox'} name="choice" value={o.id} required={motion} defaultChecked={confirm?.choices.includes(o.id)} /> <bdi>{o.label}</bdi>
              </label>
            ))}
          </fieldset>
          <FieldError result={failure} intent="cast" name="choices" id="ballot-choices" />
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="cast">
            {v.cast}
          </button>
          {confirm ? (
            <ConfirmStep id="cast-confirm" title={v.castConfirmTitle} confirmLabel={v.castConfirmYes} cancel={{ to: `/votes/${vote.id}`, label: v.cancel }} asked={asked} busy={busy}>
              <p>
                <strong>{v.castConfirmChoice(chosen.length ? chosen.join('、') : v.blank)}</strong>
              </p>
              <p>{v.castConfirm}</p>
            </ConfirmStep>
          ) : null}
        </Form>
      )}
    </article>
  );
}
