// One decision: its text, the linked vote's counts, its implementation milestones (added and
// moved along by secretaries and administrators) and every status change as a proven version.
import { Form, Link, useLoaderData, useNavigation } from 'react-router';
import { useActionResult } from '../../lib/use-action-result';
import type { Route } from './+types/detail';
import pageStyles from '../../components/MeetingVote.css?url';
import { Card } from '../../components/Card';
import { DecisionMilestones } from '../../components/DecisionMilestones';
import { Discussion } from '../../components/Discussion';
import { Fact } from '../../components/Facts';
import { FieldError, FormAlert, invalidProps } from '../../components/MeetingFields';
import { Notice } from '../../components/Notice';
import { ProofStatus } from '../../components/ProofStatus';
import { RecordHead } from '../../components/RecordHead';
import { useT } from '../../i18n/use-t';
import { formatDateTime } from '../../lib/format';
import type { FormResult } from '../../lib/meetings-form';
import { titleFor } from '../../lib/meta';
import { DECISION_NEXT } from '../../lib/votes';
import type { loader, action } from './detail.server';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: pageStyles }];

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.votes.decisionTitle);

export { loader, action } from './detail.server';

export type DecisionActionResult = FormResult;

export default function DecisionPage() {
  const t = useT();
  const v = t.votes;
  const { decision: d, history, canWrite, owners, today, discussion } = useLoaderData<typeof loader>();
  const result = useActionResult<DecisionActionResult>();
  const failure = result && !result.ok ? result : null;
  const done = result?.ok ? result : null;
  const busy = useNavigation().state === 'submitting';
  const next = DECISION_NEXT[d.status] ?? [];
  // The API refuses IMPLEMENTED while milestones are open; offer it only once they are closed.
  const unfinished = d.milestones.filter((m) => m.status === 'PLANNED' || m.status === 'IN_PROGRESS').length;
  const blocked = (s: string) => s === 'IMPLEMENTED' && unfinished > 0;
  const statusFieldError = failure?.intent === 'status' && failure.fields.some((f) => f.field === 'status');
  const notices: Record<string, string> = { status: v.statusChanged, 'add-milestone': v.milestoneAdded, 'milestone-status': v.milestoneChanged };
  const tally = d.vote?.tally ?? null;
  return (
    <section className="page" aria-labelledby="decision-title">
      <RecordHead id="decision-title" back={{ to: '/decisions', label: v.backDecisions }} title={d.title} status={{ value: d.status, label: v.decisionStatuses[d.status] ?? d.status, testId: 'decision-status' }} />
      <Notice testId="decision-notice">{done ? notices[done.intent] : null}</Notice>
      <div className="grid-2">
        <Card titleId="decision-facts" title={v.decisionTitle}>
          <ProofStatus
            proof={d.proof}
            fields={{ title: d.title, status: d.status, yesCount: d.yesCount, noCount: d.noCount, abstainCount: d.abstainCount }}
            what={`${d.title} ${t.me.versionN(d.version)}`}
            downloadHref={`/proof/Decision/${d.id}/${d.version}`}
          />
          <dl className="facts">
            <Fact label={v.number}>{d.number ? <bdi>{d.number}</bdi> : '—'}</Fact>
            <Fact label={v.unit}><bdi>{d.orgUnit.name}</bdi></Fact>
            <Fact label={v.decidedOn}>{d.decidedOn}</Fact>
            <Fact label={v.counts} valueTestId="decision-counts">
              {d.yesCount !== null ? `${v.yesCount} ${d.yesCount} · ${v.noCount} ${d.noCount ?? 0} · ${v.abstainCount} ${d.abstainCount ?? 0}` : '—'}
            </Fact>
            <Fact label={v.linkedVote}>
              {d.vote ? (
                <>
                  <Link to={`/votes/${d.vote.id}`}><bdi>{d.vote.title}</bdi></Link>
                  {tally ? (
                    <span className="muted small">
                      {' '}
                      · {v.ballotsCast} {tally.ballotsCast}/{tally.eligibleCount} · {tally.passed ? v.carried : v.rejected}
                    </span>
                  ) : null}
                </>
              ) : (
                v.noVote
              )}
            </Fact>
          </dl>
          {d.vote && tally ? (
            <ul className="plain small" data-testid="vote-counts">
              {d.vote.options.map((o) => (
                <li key={o.id}>
                  <bdi>{o.label}</bdi>: {tally.results.find((r) => r.optionId === o.id)?.count ?? 0}
                </li>
              ))}
            </ul>
          ) : null}
          <h3>{v.content}</h3>
          <p className="prewrap">
            <bdi>{d.content}</bdi>
          </p>
        </Card>
        <div>
          {canWrite && next.length > 0 ? (
            <Card titleId="status-title" title={v.changeStatus}>
              <Form method="post" className="form form-inline">
                <input type="hidden" name="intent" value="status" />
                {statusFieldError ? null : <FormAlert result={failure} intent="status" />}
                <div className="field">
                  <label htmlFor="decision-new-status">{v.newStatus}</label>
                  <select id="decision-new-status" name="status" defaultValue={next.find((s) => !blocked(s))} {...invalidProps(failure, 'status', 'status', 'decision-new-status')}>
                    {next.map((s) => (
                      <option key={s} value={s} disabled={blocked(s)}>
                        {blocked(s) ? v.implementedBlocked(unfinished) : (v.decisionStatuses[s] ?? s)}
                      </option>
                    ))}
                  </select>
                  <FieldError result={failure} intent="status" name="status" id="decision-new-status" />
                </div>
                <button type="submit" className="btn btn-primary" disabled={busy} data-testid="decision-status-submit">
                  {v.apply}
                </button>
              </Form>
            </Card>
          ) : null}
          {canWrite ? (
            <Card titleId="publish-title" title={t.notices.publishDecision} intro={t.notices.publishDecisionNote}>
              <Form method="post" action="/notices/published">
                <input type="hidden" name="unitId" value={d.orgUnit.id} />
                <input type="hidden" name="title" value={t.notices.decisionNoticeTitle(d.title).slice(0, 100)} />
                {/* A notice holds 5000 characters; a longer decision is linked in full from it. */}
                <input type="hidden" name="body" value={d.content.length <= 5000 ? d.content : `${d.content.slice(0, 4998)}……`} />
                <input type="hidden" name="audience" value="SUBTREE" />
                <input type="hidden" name="decisionId" value={d.id} />
                <button type="submit" className="btn" disabled={busy} data-testid="decision-publish">
                  {t.notices.publishDecision}
                </button>
              </Form>
            </Card>
          ) : null}
          <Card titleId="history-title" title={v.history} intro={v.historyNote}>
            <ol className="records" data-testid="decision-history">
              {[...history].reverse().map((h) => (
                <li key={h.version} className="record">
                  <p className="record-head">
                    <strong>{v.versionAt(h.version, formatDateTime(h.at))}</strong>{' '}
                    {typeof h.data.status === 'string' ? <span className="pill">{v.decisionStatuses[h.data.status] ?? h.data.status}</span> : null}
                  </p>
                  <ProofStatus
                    proof={h.proof}
                    fields={typeof h.data.status === 'string' ? { status: h.data.status } : {}}
                    what={v.versionAt(h.version, '')}
                    downloadHref={`/proof/Decision/${d.id}/${h.version}`}
                  />
                </li>
              ))}
            </ol>
          </Card>
        </div>
      </div>
      <DecisionMilestones decision={d} canWrite={canWrite} owners={owners} today={today} failure={failure} busy={busy} />
      <Discussion data={discussion} />
    </section>
  );
}
