// Who registered, who attended (and how they checked in) and what they thought of it, each row
// with its proof state (staff view).
import { useT } from '../i18n/use-t';
import { formatDateTime } from '../lib/format';
import { ProofBadge } from './ProofBadge';
import { UserText } from './UserText';

type RowProof = { status: string; batchSeq: number | null; anchor: { height: number } | null };

export interface RegistrationRow {
  id: string;
  status: string;
  registeredAt: string;
  member: { id: string; name: string };
  proof: RowProof;
}

export interface AttendanceRow {
  id: string;
  status: string;
  method: string | null;
  checkedInAt: string | null;
  note: string | null;
  member: { id: string; name: string };
  proof: RowProof;
}

export interface FeedbackRow {
  id: string;
  rating: number;
  comment: string | null;
  createdAt: string;
  member: { id: string; name: string };
  proof: RowProof;
}

type Conn<T> = { totalCount: number; edges: Array<{ node: T }> };

export function MeetingParticipation({ registrations, attendances, feedback }: { registrations: Conn<RegistrationRow>; attendances: Conn<AttendanceRow>; feedback: Conn<FeedbackRow> }) {
  const m = useT().meetings;
  const ratings = feedback.edges.map((e) => e.node.rating);
  const avg = ratings.length ? (ratings.reduce((a, b) => a + b, 0) / ratings.length).toFixed(1) : null;
  return (
    <div className="grid-2">
      <article className="card" aria-labelledby="attendance-list-title">
        <h2 id="attendance-list-title">
          {m.attendanceList} <span className="muted small">{attendances.totalCount}</span>
        </h2>
        {attendances.edges.length === 0 ? (
          <p className="muted">{m.attendanceNone}</p>
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="attendance-list">
              <thead>
                <tr>
                  <th scope="col">{m.member}</th>
                  <th scope="col">{m.status}</th>
                  <th scope="col">{m.method}</th>
                  <th scope="col">{m.proof}</th>
                </tr>
              </thead>
              <tbody>
                {attendances.edges.map(({ node: a }) => (
                  <tr key={a.id} data-status={a.status}>
                    <th scope="row"><bdi>{a.member.name}</bdi></th>
                    <td>
                      {m.attendance[a.status] ?? a.status}
                      {a.note ? <span className="muted small"> · {a.note}</span> : null}
                    </td>
                    <td>
                      {a.method ? (m.methods[a.method] ?? a.method) : '—'}
                      {a.checkedInAt ? <span className="muted small"> {formatDateTime(a.checkedInAt).slice(11)}</span> : null}
                    </td>
                    <td>
                      <ProofBadge proof={a.proof} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </article>
      <div>
        <article className="card" aria-labelledby="registrations-title">
          <h2 id="registrations-title">
            {m.registrations} <span className="muted small">{registrations.totalCount}</span>
          </h2>
          {registrations.edges.length === 0 ? (
            <p className="muted">{m.registrationsNone}</p>
          ) : (
            <ul className="plain" data-testid="registrations">
              {registrations.edges.map(({ node: r }) => (
                <li key={r.id}>
                  <UserText>{r.member.name}</UserText> <span className="muted small">{formatDateTime(r.registeredAt)}</span> <ProofBadge proof={r.proof} />
                </li>
              ))}
            </ul>
          )}
        </article>
        <article className="card" aria-labelledby="feedback-title">
          <h2 id="feedback-title">
            {m.feedback} {avg ? <span className="muted small">{m.average(avg, ratings.length)}</span> : null}
          </h2>
          {feedback.edges.length === 0 ? (
            <p className="muted">{m.feedbackNone}</p>
          ) : (
            <ul className="plain" data-testid="feedback-list">
              {feedback.edges.map(({ node: f }) => (
                <li key={f.id}>
                  <span className="stars" aria-label={m.ratingN(f.rating)}>
                    {m.stars(f.rating)}
                  </span>{' '}
                  <UserText>{f.member.name}</UserText>
                  {f.comment ? <span className="muted"> — <bdi>{f.comment}</bdi></span> : null} <ProofBadge proof={f.proof} />
                </li>
              ))}
            </ul>
          )}
        </article>
      </div>
    </div>
  );
}
