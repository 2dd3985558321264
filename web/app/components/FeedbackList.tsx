// My feedback items, newest first: status, the organisation's response, and the record verified.
import { useT } from '../i18n/use-t';
import { formatDateTime } from '../lib/format';
import type { ProofNode } from '../lib/fragments';
import { proofHref } from '../lib/portal';
import { PortalRecord } from './Portal';

export interface FeedbackNode {
  id: string;
  version: number;
  category: string;
  topic: string;
  content: string;
  status: string;
  submittedAt: string;
  response: string | null;
  respondedAt: string | null;
  proof: ProofNode;
}

const STATUS_PILL: Record<string, string> = { SUBMITTED: 'pill-skip', ACKNOWLEDGED: '', IN_PROGRESS: '', RESOLVED: 'pill-pass', CLOSED: 'pill-fail' };

export function FeedbackList({ items }: { items: FeedbackNode[] }) {
  const t = useT().feedback;
  if (items.length === 0) return <p className="empty">{t.none}</p>;
  return (
    <ul className="records" data-testid="feedback-list">
      {items.map((f) => (
        <PortalRecord
          key={f.id}
          kind="MemberFeedback"
          title={f.topic}
          pill={
            <>
              <span className="pill">{t.categories[f.category] ?? f.category}</span>
              <span className={`pill ${STATUS_PILL[f.status] ?? ''}`} data-testid="feedback-status">
                {t.statuses[f.status] ?? f.status}
              </span>
            </>
          }
          facts={[{ label: t.submittedAt, value: formatDateTime(f.submittedAt) }]}
          proof={f.proof}
          fields={{ category: f.category, topic: f.topic, content: f.content, status: f.status, response: f.response }}
          what={t.what(f.topic)}
          downloadHref={proofHref('MemberFeedback', f.id, f.version, f.proof)}
        >
          <p className="feedback-content"><bdi>{f.content}</bdi></p>
          {f.response ? (
            <div className="feedback-response">
              <strong>{t.response}</strong>
              {f.respondedAt ? <span className="muted small"> · {t.respondedAt(formatDateTime(f.respondedAt))}</span> : null}
              <div>
                <bdi>{f.response}</bdi>
              </div>
            </div>
          ) : (
            <p className="muted small">{t.noResponse}</p>
          )}
        </PortalRecord>
      ))}
    </ul>
  );
}
