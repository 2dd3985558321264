// /notices/:id — one notice. Its reader sees the text, their receipt (read when the page opened,
// then confirmed with one button) and both proofs; staff over the publishing unit see how many
// have read and confirmed, who has not (a page at a time), and remind them or withdraw it.
import { useEffect } from 'react';
import { Form, Link, useFetcher, useLoaderData, useNavigation, type ShouldRevalidateFunction } from 'react-router';
import type { Route } from './+types/detail';
import { ActionForm } from '../../components/ActionForm';
import { Attachments } from '../../components/Attachments';
import { Card } from '../../components/Card';
import { ConfirmStep } from '../../components/Confirm';
import { Discussion } from '../../components/Discussion';
import { Fact, Stat } from '../../components/Facts';
import { FormAlert } from '../../components/MeetingFields';
import { Notice } from '../../components/Notice';
import { ProofStatus } from '../../components/ProofStatus';
import { RecordHead } from '../../components/RecordHead';
import { isolatedIn } from '../../components/UserText';
import { useT } from '../../i18n/use-t';
import { askOf, doneOf, failureOf, type ActionAnswer } from '../../lib/action-answer';
import { formatDateTime } from '../../lib/format';
import { noticeState } from '../../lib/notices';
import { titleFor } from '../../lib/meta';
import { useActionResult } from '../../lib/use-action-result';
import { useLiveEvent } from '../../lib/live';
import type { loader } from './detail.server';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.notices.title);

export { loader, action } from './detail.server';

// Recording the reading changes nothing this page shows but the time it says (from the answer): no
// reload for it, so that it cannot land after — and undo on screen — the reader's next act.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) => (formData?.get('intent') === 'read' ? false : defaultShouldRevalidate);

export default function NoticePage() {
  const t = useT();
  const v = t.notices;
  const { notice: n, justPublished, canManage, discussion } = useLoaderData<typeof loader>();
  const result = useActionResult<ActionAnswer>();
  const failure = failureOf(result);
  const done = doneOf(result);
  const busy = useNavigation().state === 'submitting';
  const reader = useFetcher();
  const state = noticeState(n);
  // Confirmations, reminders and withdrawal show up while the page is open (the publisher's counts and list).
  useLiveEvent((m) => m.event === 'notice' && m.data.id === n.id);
  // Opening the notice is reading it (已读): recorded once, by a POST, never by merely loading it.
  useEffect(() => {
    if (n.addressedToMe && !n.myReceipt && !n.withdrawnAt && reader.state === 'idle' && reader.data === undefined) {
      void reader.submit({ intent: 'read' }, { method: 'post' });
    }
  }, [n.addressedToMe, n.myReceipt, n.withdrawnAt, reader]);
  const here = `/notices/${n.id}`;
  const notices: Record<string, string> = { acknowledged: v.acknowledged, withdrawn: v.withdrawn };
  const message = justPublished && !result ? v.published : done ? (done.intent === 'remind' ? v.reminded(Number(done.done)) : notices[done.done]) : null;
  const receipt = n.myReceipt;
  const readNow = (reader.data as ActionAnswer | undefined) && doneOf(reader.data as ActionAnswer)?.done;
  return (
    <section className="page" aria-labelledby="notice-title">
      <RecordHead id="notice-title" back={{ to: '/notices', label: v.back }} title={n.title} status={{ value: state, label: v.states[state] ?? state, testId: 'notice-state' }} />
      <Notice testId="notice-notice">{message}</Notice>
      <FormAlert result={failure} intent={failure?.intent ?? ''} testId="notice-error" />
      <div className="grid-2">
        <Card titleId="notice-text" title={v.body}>
          <p className="muted small">{isolatedIn((unit) => v.publishedBy(unit, formatDateTime(n.publishedAt)), n.unitName)}</p>
          {n.withdrawnAt ? <p className="notice" role="status">{v.withdrawnNote(formatDateTime(n.withdrawnAt))}</p> : null}
          <p className="prewrap" data-testid="notice-body">
            <bdi>{n.body}</bdi>
          </p>
          {n.decision ? (
            <dl className="facts">
              <Fact label={v.fromDecision}>
                <Link to={`/decisions/${n.decision.id}`}><bdi>{n.decision.title}</bdi></Link>
              </Fact>
            </dl>
          ) : null}
          <ProofStatus proof={n.proof} fields={{ title: n.title, body: n.body, ...(n.attachments.length > 0 ? { attachments: n.attachments } : {}) }} what={v.noticeProof} downloadHref={`/proof/Notice/${n.id}/${n.version}`} />
          <Attachments list={n.attachments} bundle={n.proof.bundle} />
        </Card>
        <div>
          {n.addressedToMe ? (
            <Card titleId="receipt-title" title={v.receiptProof} testId="notice-receipt">
              {receipt ? <p>{receipt.acknowledgedAt ? v.acknowledgedAt(formatDateTime(receipt.acknowledgedAt)) : v.readAt(formatDateTime(receipt.readAt))}</p> : readNow ? <p>{v.readAt(formatDateTime(readNow))}</p> : null}
              {!receipt?.acknowledgedAt && !n.withdrawnAt ? (
                <ActionForm intent="acknowledge" label={v.acknowledge} buttonClassName="btn btn-primary" busy={busy} testId="notice-acknowledge" />
              ) : null}
              {receipt ? <ProofStatus proof={receipt.proof} fields={{ readAt: receipt.readAt, acknowledgedAt: receipt.acknowledgedAt }} what={v.receiptProof} downloadHref={`/proof/NoticeReceipt/${receipt.id}/${receipt.version}`} /> : null}
            </Card>
          ) : (
            <p className="muted">{v.notForYou}</p>
          )}
          {n.stats ? (
            <Card titleId="stats-title" title={v.statsTitle} testId="notice-stats">
              <div className="stats">
                <Stat label={v.statsAudience} valueTestId="stat-audience">{n.stats.audience}</Stat>
                <Stat label={v.statsRead} valueTestId="stat-read">{n.stats.read}</Stat>
                <Stat label={v.statsAcknowledged} valueTestId="stat-acknowledged">{n.stats.acknowledged}</Stat>
              </div>
              <h3>{v.pendingTitle}</h3>
              {n.notAcknowledged.edges.length === 0 ? (
                <p className="muted">{v.pendingNone}</p>
              ) : (
                <ul className="plain" data-testid="notice-pending">
                  {n.notAcknowledged.edges.map(({ node: p }) => (
                    <li key={p.accountId}>
                      <bdi>{p.name}</bdi> <span className="muted small">· <bdi>{p.unitName}</bdi> · {p.readAt ? v.pendingRead(formatDateTime(p.readAt)) : v.pendingUnread}</span>
                    </li>
                  ))}
                </ul>
              )}
              {n.notAcknowledged.pageInfo.hasNextPage && n.notAcknowledged.pageInfo.endCursor ? <Link to={`${here}?after=${encodeURIComponent(n.notAcknowledged.pageInfo.endCursor)}`}>{v.more}</Link> : null}
              {canManage && !n.withdrawnAt ? (
                <div className="actions">
                  {n.remindedAt ? <p className="muted small">{v.remindedAt(formatDateTime(n.remindedAt))}</p> : null}
                  {n.stats.acknowledged < n.stats.audience ? (
                    <ActionForm intent="remind" label={v.remind} buttonClassName="btn" busy={busy} testId="notice-remind" />
                  ) : null}
                  <Form method="post">
                    <input type="hidden" name="intent" value="withdraw" />
                    <button type="submit" className="btn btn-quiet" disabled={busy} data-testid="notice-withdraw">
                      {v.withdraw}
                    </button>
                    {askOf(result, 'withdraw', n.id) ? (
                      <ConfirmStep id="withdraw" title={v.withdrawConfirmTitle} confirmLabel={v.withdrawYes} cancel={{ to: here, label: v.cancel }} asked={result} busy={busy}>
                        <p>
                          <strong>{v.withdrawConfirm(n.title)}</strong>
                        </p>
                        <p>{v.withdrawIrreversible}</p>
                      </ConfirmStep>
                    ) : null}
                  </Form>
                </div>
              ) : null}
            </Card>
          ) : null}
        </div>
      </div>
      <Discussion data={discussion} />
    </section>
  );
}
