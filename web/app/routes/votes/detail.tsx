// One vote. Secretaries and administrators open it (freezing the roll) and close it (the tally);
// staff see who voted, never how. Members on the roll cast their secret ballot (the receipt is
// shown once) and check it later with the receipt, with the ballot record's proof once tallied.
// Opening, closing and casting cannot be undone: each asks first (ConfirmStep).
import { Form, Link, useLoaderData, useNavigation } from 'react-router';
import { useActionResult } from '../../lib/use-action-result';
import type { Route } from './+types/detail';
import pageStyles from '../../components/MeetingVote.css?url';
import { Card } from '../../components/Card';
import { ConfirmStep } from '../../components/Confirm';
import { Fact } from '../../components/Facts';
import { FieldError, FormAlert, invalidProps } from '../../components/MeetingFields';
import { Notice } from '../../components/Notice';
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
  const result = useActionResult<VoteActionResult>();
  const failure = result && !result.ok ? result : null;
  const done = result?.ok ? result : null;
  const busy = useNavigation().state === 'submitting';
  const label = (id: string) => vote.options.find((o) => o.id === id)?.label ?? id;
  return (
    <section className="page" aria-labelledby="vote-title">
      <RecordHead id="vote-title" back={{ to: '/votes', label: v.back }} title={vote.title} status={{ value: vote.status, label: v.statuses[vote.status] ?? vote.status, testId: 'vote-status' }} />
      <Notice testId="vote-notice">{done && !done.confirm && (done.intent === 'open' || done.intent === 'close') ? (done.intent === 'open' ? v.opened : v.closed) : null}</Notice>
      {done?.intent === 'cast' && done.receipt ? <VoteReceipt receipt={done.receipt.receipt} receiptHash={done.receipt.receiptHash} /> : null}
      <div className="grid-2">
        <Card titleId="vote-facts" title={v.details}>
          <ProofStatus proof={vote.proof} fields={voteProvenFields(vote)} what={`${vote.title} ${t.me.versionN(vote.version)}`} downloadHref={`/proof/Vote/${vote.id}/${vote.version}`} />
          <dl className="facts">
            <Fact label={v.kind}>{v.kinds[vote.kind] ?? vote.kind}</Fact>
            {vote.orgUnit ? (
              <Fact label={v.unit}><bdi>{vote.orgUnit.name}</bdi></Fact>
            ) : null}
            <Fact label={v.quorumRule}>{v.quorum[vote.quorumRule] ?? vote.quorumRule}</Fact>
            <Fact label={v.majorityRule}>{v.majority[vote.majorityRule] ?? vote.majorityRule}</Fact>
            {vote.kind === 'ELECTION' ? (
              <Fact label={v.seats}>{vote.seats}</Fact>
            ) : null}
            {vote.eligibleCount !== null ? (
              <Fact label={v.eligibleCount}>{v.eligible(vote.eligibleCount)}</Fact>
            ) : null}
            {vote.closesAt ? (
              <Fact label={v.closesAt}>{formatDateTime(vote.closesAt)}</Fact>
            ) : null}
            {vote.eligibleRollHash ? (
              <Fact label={v.rollHash}>
                <code className="break">{vote.eligibleRollHash}</code>
              </Fact>
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
        </Card>
        <div>
          {canWrite && (vote.status === 'DRAFT' || vote.status === 'OPEN') ? (
            <Card titleId="vote-action-title" title={vote.status === 'DRAFT' ? v.open : v.close} intro={vote.status === 'DRAFT' ? v.openIntro : v.closeIntro}>
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
            </Card>
          ) : null}
          {hasMember && vote.hasVoted !== null && vote.status !== 'DRAFT' ? (
            <VoterPanel vote={vote} failure={failure} busy={busy} asked={done?.intent === 'cast' ? done : null} />
          ) : null}
          {hasMember && vote.hasVoted ? (
            <Card titleId="check-title" title={v.check} intro={v.checkIntro} testId="check-card">
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
            </Card>
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
    <Card titleId="ballot-title" title={v.myBallot} testId="ballot-card">
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
    </Card>
  );
}
