// Who registered, who attended (and how they checked in) and what they thought of it, each row
// with its proof state (staff view).
import type { ReactNode } from 'react';
import { useT } from '../i18n/use-t';
import { formatDateTime } from '../lib/format';
import { Card } from './Card';
import { ProofBadge, ProofCell } from './ProofBadge';
import { RowHead, TableCard } from './TableCard';
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
      <Part titleId="attendance-list-title" title={m.attendanceList} figure={attendances.totalCount} none={attendances.edges.length === 0 ? m.attendanceNone : null}>
        <TableCard testId="attendance-list" frame="table-wrap" columns={[m.member, m.status, m.method, m.proof]}>
          {attendances.edges.map(({ node: a }) => (
            <tr key={a.id} data-status={a.status}>
              <RowHead name={a.member.name} />
              <td>
                {m.attendance[a.status] ?? a.status}
                {a.note ? <span className="muted small"> · {a.note}</span> : null}
              </td>
              <td>
                {a.method ? (m.methods[a.method] ?? a.method) : '—'}
                {a.checkedInAt ? <span className="muted small"> {formatDateTime(a.checkedInAt).slice(11)}</span> : null}
              </td>
              <ProofCell proof={a.proof} />
            </tr>
          ))}
        </TableCard>
      </Part>
      <div>
        <Part titleId="registrations-title" title={m.registrations} figure={registrations.totalCount} none={registrations.edges.length === 0 ? m.registrationsNone : null}>
          <ul className="plain" data-testid="registrations">
            {registrations.edges.map(({ node: r }) => (
              <li key={r.id}>
                <UserText>{r.member.name}</UserText> <span className="muted small">{formatDateTime(r.registeredAt)}</span> <ProofBadge proof={r.proof} />
              </li>
            ))}
          </ul>
        </Part>
        <Part titleId="feedback-title" title={m.feedback} figure={avg ? m.average(avg, ratings.length) : null} none={feedback.edges.length === 0 ? m.feedbackNone : null}>
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
        </Part>
      </div>
    </div>
  );
}

/** One part of the participation: its heading with a figure beside it, and its rows or a line saying there are none. */
function Part({ titleId, title, figure, none, children }: { titleId: string; title: string; figure: ReactNode; none: string | null; children: ReactNode }) {
  return (
    <Card titleId={titleId} title={<>{title} {figure !== null ? <span className="muted small">{figure}</span> : null}</>}>
      {none !== null ? <p className="muted">{none}</p> : children}
    </Card>
  );
}
