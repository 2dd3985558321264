// A person's requests to the level above (decision 013), as the branch sees them: waiting on the
// deciding committee, approved (the step is recorded), or returned with the committee's reason.
import { useLocale, useT } from '../i18n/use-t';

export interface LevelRequestView {
  id: string;
  stepNo: number;
  nameZh: string;
  nameEn: string;
  status: string;
  requestedAt: string;
  requestedByName?: string | null;
  decidedAt?: string | null;
  decidedByName?: string | null;
  returnReason?: string | null;
  decidingUnitName: string;
}

const BADGE: Record<string, string> = { IN_REVIEW: 'badge badge-pending', PENDING: 'badge badge-pending', APPROVED: 'badge badge-pass', RETURNED: 'badge badge-fail' };

/** The request's state: its badge, when it was requested and decided, and a return's reason. */
export function LevelRequestState({ request: r }: { request: LevelRequestView }) {
  const a = useT().approvals;
  return (
    <span data-testid="level-request-state" data-status={r.status}>
      <span className={BADGE[r.status] ?? 'badge'}>{a.status[r.status] ?? r.status}</span>{' '}
      <span className="muted small">{a.requestedOn(r.requestedAt.slice(0, 10))}</span>
      {r.decidedAt ? (
        <span className="muted small">
          {' · '}
          {a.decidedOn(r.decidedAt.slice(0, 10))[0]}
          <bdi>{r.decidedByName ?? '—'}</bdi>
          {a.decidedOn(r.decidedAt.slice(0, 10))[1]}
        </span>
      ) : null}
      {r.status === 'RETURNED' && r.returnReason ? (
        <span className="return-reason" data-testid="return-reason">
          {' '}
          {a.returnReason}
          <bdi>{r.returnReason}</bdi>
        </span>
      ) : null}
    </span>
  );
}

export function LevelRequests({ requests }: { requests: readonly LevelRequestView[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <article className="card" aria-labelledby="level-requests-title">
      <h2 id="level-requests-title">{t.approvals.requestsTitle}</h2>
      {requests.length === 0 ? <p className="muted small">{t.approvals.requestsNone}</p> : null}
      <ul className="plain" data-testid="level-requests">
        {requests.map((r) => (
          <li key={r.id} data-request={r.id} data-step={r.stepNo}>
            {t.steps.stepN(r.stepNo)} {locale === 'zh-CN' ? r.nameZh : r.nameEn} · <bdi>{r.decidingUnitName}</bdi> <LevelRequestState request={r} />
          </li>
        ))}
      </ul>
    </article>
  );
}
