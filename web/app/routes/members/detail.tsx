// One member (for secretaries, leaders, administrators): profile, the development steps on
// record and the ones allowed next (recorded here by secretaries and administrators), deadlines,
// and every version of the member record — each record verified in the browser.
import { Link, useLoaderData } from 'react-router';
import { useActionResult } from '../../lib/use-action-result';
import type { Route } from './+types/detail';
import { DevelopmentSteps } from '../../components/DevelopmentSteps';
import { DevelopmentTimeline, MemberProfile, RecordVersions } from '../../components/MemberProfile';
import { LevelRequests } from '../../components/LevelRequests';
import { NextActions } from '../../components/NextActions';
import { RecordStep } from '../../components/RecordStep';
import { useLocale, useT } from '../../i18n/use-t';
import { useRootData } from '../../lib/root-data';
import { titleFor } from '../../lib/meta';
import type { FormFailure } from '../../lib/meetings-form';
import type { loader, action } from './detail.server';

export const meta: Route.MetaFunction = ({ matches }) => titleFor(matches, (t) => t.members.history);

export { loader, action } from './detail.server';

/** A refused step keeps what was typed, to show it again. */
export type StepFailure = FormFailure & { values: Record<string, string | string[]> };

export type ActionResult = { ok: true; recorded: { nameZh: string; nameEn: string } } | { ok: true; requested: { nameZh: string; nameEn: string } } | StepFailure;

export default function MemberPage() {
  const t = useT();
  const locale = useLocale();
  const { member, history, canRecord, requestKinds, pendingKinds, people, today } = useLoaderData<typeof loader>();
  const result = useActionResult<ActionResult>();
  return (
    <section className="page" aria-labelledby="member-title">
      <p>
        <Link to="/members">← {t.members.back}</Link>
      </p>
      <h1 id="member-title"><bdi>{member.name}</bdi></h1>
      {useRootData()?.viewer?.role === 'ADMIN' ? (
        <p>
          <Link to={`/admin/accounts?member=${encodeURIComponent(member.id)}`} className="btn btn-small">
            {t.accounts.openAccount}
          </Link>
        </p>
      ) : null}
      {result?.ok && 'recorded' in result ? (
        <p className="notice" role="status" data-testid="step-recorded">
          {t.steps.recorded(locale === 'zh-CN' ? result.recorded.nameZh : result.recorded.nameEn)}
        </p>
      ) : null}
      {result?.ok && 'requested' in result ? (
        <p className="notice" role="status" data-testid="step-requested">
          {t.approvals.requested(locale === 'zh-CN' ? result.requested.nameZh : result.requested.nameEn)}
        </p>
      ) : null}
      <div className="grid-2">
        <MemberProfile member={member} proof={member.proof} titleId="profile-title" />
        <div>
          <article className="card" aria-labelledby="next-title">
            <h2 id="next-title">{t.steps.next}</h2>
            <p className="muted small">{t.steps.nextNote}</p>
            <NextActions actions={member.nextActions} />
            <h3>{t.steps.due}</h3>
            {member.pipelineDue.length === 0 ? (
              <p className="muted small">{t.steps.dueNone}</p>
            ) : (
              <ul className="plain" data-testid="member-due">
                {member.pipelineDue.map((d) => (
                  <li key={`${d.kind}-${d.dueOn}`} className={`due due-${d.status.toLowerCase()}`}>
                    <span className={d.status === 'DUE' ? 'badge badge-skip' : 'badge badge-fail'}>{t.steps.dueStatus[d.status] ?? d.status}</span>{' '}
                    {t.steps.stepN(d.stepNo)} {locale === 'zh-CN' ? d.nameZh : d.nameEn} · {t.steps.dueOn(d.dueOn)} · {t.steps.daysLeft(d.daysLeft)}
                  </li>
                ))}
              </ul>
            )}
          </article>
          {canRecord ? (
            <RecordStep
              key={result?.ok ? `done-${member.developmentHistory.length}-${member.levelRequests.length}` : 'form'}
              actions={member.nextActions}
              requestKinds={requestKinds}
              pendingKinds={pendingKinds}
              people={people}
              today={today}
              history={member.developmentHistory}
              since={member}
              failure={result && !result.ok ? result : null}
            />
          ) : null}
        </div>
      </div>
      {member.levelRequests.length > 0 ? <LevelRequests requests={member.levelRequests} /> : null}
      {member.developmentHistory.length > 0 ? <DevelopmentSteps steps={member.developmentHistory} /> : <DevelopmentTimeline member={member} />}
      <RecordVersions type="Member" id={member.id} history={history} title={t.members.history} note={t.me.recordsNote} />
    </section>
  );
}
