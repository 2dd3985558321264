// Requests between levels (上级审批, decisions 013 and 016): for the deciding committee, the queue
// of what waits on it — since when, its time limit, due or overdue — with approve and
// return-with-reason; for a general branch, the requests in its review, with pass-on (an optional
// note for the committee) and return-with-reason; each asked first (none can be undone). Below,
// the requests its units sent that wait on a level above or came back with a reason.
import { Form, Link, useLoaderData, useNavigation } from 'react-router';
import { useActionResult } from '../../lib/use-action-result';
import type { Route } from './+types/queue';
import { ConfirmStep } from '../../components/Confirm';
import { LevelRequestState } from '../../components/LevelRequests';
import { FieldError, FormAlert } from '../../components/MeetingFields';
import { TableCard } from '../../components/TableCard';
import { isolatedIn } from '../../components/UserText';
import { useLocale, useT } from '../../i18n/use-t';
import { titleFor } from '../../lib/meta';
import type { ApprovalResult, action, loader } from './queue.server';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.approvals.title);

export { loader, action } from './queue.server';

const BADGE: Record<string, string> = { DUE: 'badge badge-skip', OVERDUE: 'badge badge-fail', EXPIRED: 'badge badge-fail', WAITING: 'badge' };

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>;
type QueueConnection = Loaded['queue'];

/** One queue (review or decision): what waits, since when, its limit, and the acts of this stage. */
function QueueTable({ stage, queue, testId, title, pagerKey, paged }: { stage: 'REVIEW' | 'DECISION'; queue: QueueConnection; testId: string; title: string; pagerKey: string; paged: boolean }) {
  const t = useT();
  const a = t.approvals;
  const locale = useLocale();
  const result = useActionResult<ApprovalResult>();
  const busy = useNavigation().state === 'submitting';
  const failure = result && !result.ok ? result : null;
  const asked = result?.ok && 'ask' in result ? result : null;
  const stepName = (r: { nameZh: string; nameEn: string }) => (locale === 'zh-CN' ? r.nameZh : r.nameEn);
  const confirmTitle = { approve: a.approveConfirmTitle, return: a.returnConfirmTitle, passOn: a.passOnConfirmTitle };
  const confirmText = { approve: a.approveConfirm, return: a.returnConfirm, passOn: a.passOnConfirm };
  return (
    <>
      <TableCard testId={testId} caption={title} empty={queue.edges.length === 0 ? (stage === 'REVIEW' ? a.reviewNone : a.queueNone) : null}>
        <thead>
          <tr>
            <th scope="col">{a.member}</th>
            <th scope="col">{a.step}</th>
            <th scope="col">{a.since}</th>
            <th scope="col">{a.limit}</th>
            <th scope="col">{a.actions}</th>
          </tr>
        </thead>
        <tbody>
          {queue.edges.map(({ node: q }) => {
            const r = q.request;
            const mine = result && (('id' in result && result.id === r.id) || result.intent === `decide:${r.id}`);
            return (
              <tr key={r.id} data-request={r.id} data-step={r.stepNo} data-status={q.status} data-stage={q.stage}>
                <th scope="row">
                  <Link to={`/members/${r.member.id}`}>
                    <bdi>{r.member.name}</bdi>
                  </Link>
                  <span className="muted small">
                    {' '}
                    <bdi>{r.member.orgUnit.name}</bdi>
                  </span>
                </th>
                <td>
                  {t.steps.stepN(r.stepNo)} {stepName(r)}
                  {r.notes ? (
                    <span className="muted small">
                      {' '}
                      <bdi>{r.notes}</bdi>
                    </span>
                  ) : null}
                  {stage === 'REVIEW' && r.reviewingUnitName ? (
                    <span className="muted small" data-testid="approvals-reviewing">
                      {' · '}
                      {a.inReviewAt()[0]}
                      <bdi>{r.reviewingUnitName}</bdi>
                      {a.inReviewAt()[1]}
                    </span>
                  ) : null}
                  {stage === 'DECISION' && r.reviewNote ? (
                    <span className="muted small" data-testid="approvals-review-note">
                      {' · '}
                      {a.reviewNoteLabel}
                      <bdi>{r.reviewNote}</bdi>
                    </span>
                  ) : null}
                </td>
                <td>
                  {q.since}
                  <span className="muted small"> {a.waiting(q.waitingDays)}</span>
                </td>
                <td data-testid="approvals-limit">
                  <span className={BADGE[q.status] ?? 'badge'}>{a.queueStatus[q.status] ?? q.status}</span>{' '}
                  {q.dueOn ? (
                    <>
                      {a.dueOn(q.dueOn)}
                      {q.deadline ? ` · ${a.deadline(q.deadline)}` : ''}
                      {q.daysLeft !== null && q.daysLeft !== undefined ? ` · ${a.daysLeft(q.daysLeft)}` : ''}
                    </>
                  ) : null}
                </td>
                <td>
                  <Form method="post" className="dues-row-form" data-testid="approvals-decide">
                    <input type="hidden" name="intent" value="decide" />
                    <input type="hidden" name="id" value={r.id} />
                    <FormAlert result={failure} intent={`decide:${r.id}`} />
                    {stage === 'REVIEW' ? (
                      <>
                        <label htmlFor={`note-${r.id}`} className="visually-hidden">
                          {a.note}
                        </label>
                        <input id={`note-${r.id}`} name="note" placeholder={`${a.note}（${a.noteHint}）`} maxLength={2000} />
                      </>
                    ) : null}
                    <label htmlFor={`reason-${r.id}`} className="visually-hidden">
                      {a.reason}
                    </label>
                    <input id={`reason-${r.id}`} name="reason" placeholder={`${a.reason}（${a.reasonHint}）`} maxLength={2000} />
                    <FieldError result={failure} intent={`decide:${r.id}`} name="reason" id={`reason-${r.id}`} />
                    {stage === 'DECISION' && r.kind === 'ADMISSION_APPROVAL' && q.status !== 'DUE' ? (
                      <>
                        <label htmlFor={`late-${r.id}`} className="visually-hidden">
                          {t.steps.fields.lateReason}
                        </label>
                        <input id={`late-${r.id}`} name="lateReason" placeholder={t.steps.fields.lateReason} maxLength={500} />
                      </>
                    ) : null}
                    {stage === 'REVIEW' ? (
                      <button type="submit" name="decision" value="passOn" className="btn btn-small btn-primary" disabled={busy}>
                        {a.passOn}
                      </button>
                    ) : (
                      <button type="submit" name="decision" value="approve" className="btn btn-small btn-primary" disabled={busy}>
                        {a.approve}
                      </button>
                    )}
                    <button type="submit" name="decision" value="return" className="btn btn-small btn-danger" disabled={busy}>
                      {a.return}
                    </button>
                    {asked && mine ? (
                      <ConfirmStep
                        id={`decide-${r.id}`}
                        title={confirmTitle[asked.decision]}
                        confirmLabel={a.confirmYes}
                        cancel={{ to: '/approvals', label: a.cancel }}
                        asked={asked}
                        busy={busy}
                      >
                        <input type="hidden" name="decision" value={asked.decision} />
                        <p>
                          <strong>{isolatedIn((name) => confirmText[asked.decision](name, stepName(r)), r.member.name)}</strong>
                        </p>
                        <p>{a.irreversible}</p>
                      </ConfirmStep>
                    ) : null}
                  </Form>
                </td>
              </tr>
            );
          })}
        </tbody>
      </TableCard>
      {queue.pageInfo.hasNextPage || paged ? (
        <nav className="pager" aria-label={t.accounts.page}>
          {paged ? <Link to="/approvals">{a.first}</Link> : null}
          {queue.pageInfo.hasNextPage && queue.pageInfo.endCursor ? (
            <Link to={`?${pagerKey}=${encodeURIComponent(queue.pageInfo.endCursor)}`} rel="next">
              {a.more} →
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}

export default function ApprovalQueue() {
  const t = useT();
  const a = t.approvals;
  const locale = useLocale();
  const { scope, decides, paged, reviewPaged, queue, review, sent } = useLoaderData<typeof loader>();
  const result = useActionResult<ApprovalResult>();
  const done = result?.ok && 'done' in result ? result : null;
  const stepName = (r: { nameZh: string; nameEn: string }) => (locale === 'zh-CN' ? r.nameZh : r.nameEn);
  const doneText = { approve: a.approved, return: a.returned, passOn: a.passedOn };
  // A general branch reviews; a committee decides, and sees (and may act on) what its general branches still review.
  const reviewsFirst = !decides;
  const reviewSection =
    reviewsFirst || review.totalCount > 0 ? (
      <>
        <h2 id="review-title">{decides ? a.reviewBelowTitle : a.reviewTitle}</h2>
        <p className="muted small">{decides ? a.reviewBelowIntro : a.reviewIntro}</p>
        <p className="muted" role="status" data-testid="approvals-review-total">
          {a.reviewTotal(review.totalCount)}
        </p>
        <QueueTable stage="REVIEW" queue={review} testId="approvals-review" title={decides ? a.reviewBelowTitle : a.reviewTitle} pagerKey="rafter" paged={reviewPaged} />
      </>
    ) : null;
  const decisionSection =
    decides || queue.totalCount > 0 ? (
      <>
        <h2 id="queue-title">{a.queueTitle}</h2>
        <p className="muted small">{a.queueIntro}</p>
        <p className="muted" role="status" data-testid="approvals-total">
          {a.queueTotal(queue.totalCount)}
        </p>
        <QueueTable stage="DECISION" queue={queue} testId="approvals-queue" title={a.queueTitle} pagerKey="after" paged={paged} />
      </>
    ) : null;
  return (
    <section className="page" aria-labelledby="approvals-title">
      <h1 id="approvals-title">{a.title}</h1>
      {scope ? (
        <p className="muted">
          <bdi>{scope.name}</bdi>
        </p>
      ) : null}
      <p className="muted small">{a.intro}</p>
      {done ? (
        <p className="notice" role="status" data-testid="approvals-notice">
          {doneText[done.decision](stepName(done.done))}
        </p>
      ) : null}
      {reviewsFirst ? reviewSection : decisionSection}
      {reviewsFirst ? decisionSection : reviewSection}
      <h2 id="sent-title">{a.sentTitle}</h2>
      <p className="muted small">{a.sentIntro}</p>
      <TableCard testId="approvals-sent" caption={a.sentTitle} empty={sent.length === 0 ? a.sentNone : null}>
        <thead>
          <tr>
            <th scope="col">{a.member}</th>
            <th scope="col">{a.step}</th>
            <th scope="col">{a.decidingUnit}</th>
            <th scope="col">{a.state}</th>
          </tr>
        </thead>
        <tbody>
          {sent.map((r) => (
            <tr key={r.id} data-request={r.id} data-status={r.status}>
              <th scope="row">
                <Link to={`/members/${r.member.id}`}>
                  <bdi>{r.member.name}</bdi>
                </Link>
              </th>
              <td>
                {t.steps.stepN(r.stepNo)} {stepName(r)}
              </td>
              <td>
                <bdi>{r.decidingUnitName}</bdi>
                {r.reviewingUnitName ? (
                  <span className="muted small">
                    {' '}
                    {a.via()[0]}
                    <bdi>{r.reviewingUnitName}</bdi>
                    {a.via()[1]}
                  </span>
                ) : null}
              </td>
              <td>
                <LevelRequestState request={r} />
                {r.status === 'RETURNED' && !r.decidedByName && r.reviewedByName ? (
                  <span className="muted small" data-testid="returned-in-review">
                    {' · '}
                    {a.returnedInReview()[0]}
                    <bdi>{r.reviewedByName}</bdi>
                    {a.returnedInReview()[1]}
                  </span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </TableCard>
    </section>
  );
}
