// The discussion under a notice, a decision or a held meeting (讨论): the thread oldest first, a
// form to comment with people to mention (those who can see the thread, found by name), and for
// the secretaries who moderate it a form to hide a comment with a reason, asked first since it
// cannot be undone. Hidden comments read "已隐藏：<reason>"; their text is shown only to those
// who may hide (the API answers it to them alone). Loader and action: lib/discussion.server.ts.
import { Form, Link, useNavigation } from 'react-router';
import { useT } from '../i18n/use-t';
import { askOf, doneOf, failureOf, type ActionAnswer } from '../lib/action-answer';
import type { DiscussionData } from '../lib/discussion.server';
import { formatDateTime } from '../lib/format';
import { useActionResult } from '../lib/use-action-result';
import { Card } from './Card';
import { ConfirmStep } from './Confirm';
import { errorId, FieldError, FormAlert } from './MeetingFields';
import { Notice } from './Notice';
import { isolatedIn } from './UserText';
import './Discussion.css';

/** `open`: whether comments may be posted (a meeting's thread opens once it has been held). */
export function Discussion({ data, open = true }: { data: DiscussionData; open?: boolean }) {
  const t = useT();
  const v = t.discussion;
  const result = useActionResult<ActionAnswer>();
  const failure = failureOf(result);
  const done = doneOf(result);
  const busy = useNavigation().state === 'submitting';
  const { thread, candidates, search } = data;
  const message = done?.intent === 'comment' ? v.posted : done?.intent === 'hide-comment' ? v.hiddenDone : null;
  return (
    <Card titleId="discussion-title" title={v.title} className="discussion" testId="discussion">
      <p className="muted small" data-testid="discussion-count">
        {v.count(thread.totalCount)}
      </p>
      <Notice testId="discussion-notice">{message}</Notice>
      {thread.edges.length === 0 ? (
        <p className="muted">{v.none}</p>
      ) : (
        <ol className="discussion-list" data-testid="discussion-list">
          {thread.edges.map(({ node: c }) => {
            const hideIntent = `hide-comment:${c.id}`;
            const asked = askOf(result, 'hide-comment', c.id);
            return (
              <li key={c.id} id={`comment-${c.id}`} className={c.hiddenAt ? 'comment comment-hidden' : 'comment'} data-testid="comment">
                <p className="comment-head small">
                  <strong>
                    <bdi>{c.author.name}</bdi>
                  </strong>
                  {c.mine ? <span className="muted"> ({v.you})</span> : null} <span className="muted">· {v.wrote(formatDateTime(c.createdAt))}</span>
                </p>
                {c.hiddenAt ? (
                  <>
                    <p className="comment-hidden-note" data-testid="comment-hidden">
                      {isolatedIn(v.hidden, c.hiddenReason ?? '')}
                    </p>
                    {c.body !== null ? (
                      <div className="comment-original">
                        <p className="muted small">{v.hiddenText}</p>
                        <p className="prewrap" data-testid="comment-original">
                          <bdi>{c.body}</bdi>
                        </p>
                      </div>
                    ) : null}
                  </>
                ) : (
                  <p className="prewrap" data-testid="comment-body">
                    <bdi>{c.body}</bdi>
                  </p>
                )}
                {c.mentions.length > 0 ? (
                  <p className="muted small" data-testid="comment-mentions">
                    {v.mentioned}
                    {c.mentions.map((m, i) => (
                      <span key={m.accountId}>
                        {i > 0 ? '、' : ''}
                        <bdi>@{m.name}</bdi>
                      </span>
                    ))}
                  </p>
                ) : null}
                <p className="small">
                  <a href={`/proof/Comment/${c.id}/${c.version}`} download>
                    {v.proof} v{c.version}
                  </a>
                </p>
                {c.canHide ? (
                  <Form method="post" className="comment-hide" preventScrollReset>
                    <input type="hidden" name="intent" value="hide-comment" />
                    <input type="hidden" name="id" value={c.id} />
                    <label htmlFor={`reason-${c.id}`}>{v.reason}</label>
                    <input
                      id={`reason-${c.id}`}
                      name="reason"
                      maxLength={200}
                      defaultValue={asked ? String(asked.ask.reason ?? '') : ''}
                      aria-describedby={`reason-${c.id}-hint ${errorId(`reason-${c.id}`)}`}
                      data-testid="comment-hide-reason"
                    />
                    <span id={`reason-${c.id}-hint`} className="muted small">
                      {v.reasonHint}
                    </span>
                    <FieldError result={failure} intent={hideIntent} name="reason" id={`reason-${c.id}`} />
                    <FormAlert result={failure?.fields.length ? undefined : failure} intent={hideIntent} testId="comment-hide-error" />
                    <button type="submit" className="btn btn-small" disabled={busy} data-testid="comment-hide">
                      {v.hide}
                    </button>
                    {asked ? (
                      <ConfirmStep id={`hide-${c.id}`} title={v.hideTitle} confirmLabel={v.hideYes} cancel={{ to: `?#comment-${c.id}`, label: v.cancel }} asked={result} busy={busy}>
                        <p>
                          <strong>{isolatedIn(v.hideConfirm, String(asked.ask.reason ?? ''))}</strong>
                        </p>
                        <p>{v.hideIrreversible}</p>
                      </ConfirmStep>
                    ) : null}
                  </Form>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
      {thread.pageInfo.hasNextPage && thread.pageInfo.endCursor ? (
        <p>
          <Link to={`?comments=${encodeURIComponent(thread.pageInfo.endCursor)}`}>{v.more}</Link>
        </p>
      ) : null}
      {open ? (
        <div className="discussion-write">
          <h3>{v.write}</h3>
          {/* Finding people reloads the page with ?who=; write the comment after choosing them. */}
          <Form method="get" className="inline-form" preventScrollReset>
            <label htmlFor="discussion-who">{v.find}</label>
            <input id="discussion-who" name="who" defaultValue={search} maxLength={50} data-testid="discussion-who" />
            <button type="submit" className="btn btn-small" data-testid="discussion-find">
              {v.findButton}
            </button>
          </Form>
          <Form method="post" key={done?.intent === 'comment' ? done.done : 'new'} preventScrollReset>
            <input type="hidden" name="intent" value="comment" />
            <fieldset className="discussion-mentions">
              <legend>{v.mention}</legend>
              <p className="muted small" id="discussion-mention-hint">
                {v.mentionHint}
              </p>
              {candidates.length === 0 ? (
                <p className="muted small">{v.mentionNone}</p>
              ) : (
                <ul className="plain">
                  {candidates.map((p) => (
                    <li key={p.accountId}>
                      <label>
                        <input type="checkbox" name="mention" value={p.accountId} data-testid="discussion-mention" /> <bdi>{p.name}</bdi>{' '}
                        <span className="muted small">
                          · <bdi>{p.unitName}</bdi> · {t.roles[p.role] ?? p.role}
                        </span>
                      </label>
                    </li>
                  ))}
                </ul>
              )}
              <FieldError result={failure} intent="comment" name="mentions" id="discussion-mentions" />
            </fieldset>
            <label htmlFor="discussion-body">{v.body}</label>
            <textarea id="discussion-body" name="body" rows={4} maxLength={2000} required aria-describedby={`discussion-body-hint ${errorId('discussion-body')}`} data-testid="discussion-body" />
            <span id="discussion-body-hint" className="muted small">
              {v.bodyHint}
            </span>
            <FieldError result={failure} intent="comment" name="body" id="discussion-body" />
            <FormAlert result={failure?.fields.length ? undefined : failure} intent="comment" testId="discussion-error" />
            <div className="actions">
              <button type="submit" className="btn btn-primary" disabled={busy} data-testid="discussion-post">
                {v.post}
              </button>
            </div>
          </Form>
        </div>
      ) : (
        <p className="muted" data-testid="discussion-closed">
          {v.closed}
        </p>
      )}
    </Card>
  );
}
