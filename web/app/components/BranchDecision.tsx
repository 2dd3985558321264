// One decision of the member's branch as a member reads it (党务公开): title, status, votes, the
// text and the milestones with their proofs — no milestone owners, since a member reads no other
// member's record. Shared by the branch's decision list and a decision's own page.
import type { ReactNode } from 'react';
import { ProofBadge, ProofCell } from './ProofBadge';
import { TableCard } from './TableCard';
import { UserText } from './UserText';
import { useT } from '../i18n/use-t';

type ProofLike = Parameters<typeof ProofBadge>[0]['proof'];

export interface BranchDecisionShape {
  id: string;
  number?: string | null;
  title: string;
  content: string;
  decidedOn: string;
  status: string;
  yesCount?: number | null;
  noCount?: number | null;
  abstainCount?: number | null;
  overdueMilestones: number;
  proof: ProofLike;
  milestones: ReadonlyArray<{ id: string; title: string; dueOn: string; completedOn?: string | null; status: string; overdue: boolean; overdueDays: number; proof: ProofLike }>;
}

export function BranchDecision({ d, open = false, action }: { d: BranchDecisionShape; open?: boolean; action?: ReactNode }) {
  const v = useT().votes;
  return (
    <>
      <h2 className="h3">
        <UserText>{d.title}</UserText> <span className="pill">{v.decisionStatuses[d.status as keyof typeof v.decisionStatuses] ?? d.status}</span> <ProofBadge proof={d.proof} />
      </h2>
      <p className="muted small">
        {d.number ? <>{v.number} <bdi>{d.number}</bdi> · </> : ''}
        {v.decidedOn} {d.decidedOn}
        {d.yesCount != null ? ` · ${v.yesCount} ${d.yesCount} · ${v.noCount} ${d.noCount ?? 0} · ${v.abstainCount} ${d.abstainCount ?? 0}` : ''}
        {d.overdueMilestones > 0 ? <> <span className="badge badge-fail">{v.overdueMilestones(d.overdueMilestones)}</span></> : null}
      </p>
      <details open={open}>
        <summary>{v.showContent}</summary>
        <p className="prewrap">
          <UserText>{d.content}</UserText>
        </p>
      </details>
      {action}
      {d.milestones.length === 0 ? (
        <p className="muted">{v.milestonesNone}</p>
      ) : (
        <TableCard caption={<><UserText>{d.title}</UserText> · {v.milestones}</>} testId={`milestones-${d.id}`} empty={null} columns={[v.milestone, v.dueOn, v.status, v.proof]}>
          {d.milestones.map((m) => (
            <tr key={m.id} className={m.overdue ? 'row-overdue' : undefined} data-status={m.status}>
              <th scope="row">
                <UserText>{m.title}</UserText>
              </th>
              <td>
                {m.dueOn}
                {m.overdue ? <> <span className="badge badge-fail">{v.overdueDays(m.overdueDays)}</span></> : null}
              </td>
              <td>
                <span className="pill">{v.milestoneStatuses[m.status as keyof typeof v.milestoneStatuses] ?? m.status}</span>
                {m.completedOn ? <span className="muted small"> {m.completedOn}</span> : null}
              </td>
              <ProofCell proof={m.proof} />
            </tr>
          ))}
        </TableCard>
      )}
    </>
  );
}
