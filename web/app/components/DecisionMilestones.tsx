// A decision's implementation milestones by due date, overdue ones marked, each with its proof
// state; secretaries and administrators add milestones and move each along its flow.
import { Form } from 'react-router';
import { useT } from '../i18n/use-t';
import type { ProofNode } from '../lib/fragments';
import type { FormFailure } from '../lib/meetings-form';
import { MILESTONE_NEXT } from '../lib/votes';
import { Card } from './Card';
import { Field, FormAlert, invalidProps } from './MeetingFields';
import { ProofCell } from './ProofBadge';
import { choicesOf, nameChoices, Options } from './SelectField';
import { TableCard } from './TableCard';
import { UserText } from './UserText';

export interface MilestoneRow {
  id: string;
  version: number;
  title: string;
  dueOn: string;
  completedOn: string | null;
  status: string;
  notes: string | null;
  overdue: boolean;
  overdueDays: number;
  completedLate: boolean | null;
  owner: { id: string; name: string } | null;
  proof: ProofNode;
}

export function DecisionMilestones({
  decision,
  canWrite,
  owners,
  today,
  failure,
  busy,
}: {
  decision: { status: string; decidedOn: string; milestones: MilestoneRow[] };
  canWrite: boolean;
  owners: Array<{ id: string; name: string }>;
  today: string;
  failure: FormFailure | null;
  busy: boolean;
}) {
  const v = useT().votes;
  const standing = decision.status !== 'SUPERSEDED' && decision.status !== 'REVOKED';
  const form = { result: failure, intent: 'add-milestone' };
  return (
    <Card titleId="milestones-title" title={v.milestones}>
      {decision.milestones.length === 0 ? (
        <p className="muted">{v.milestonesNone}</p>
      ) : (
        <TableCard testId="milestones" frame="table-wrap" caption={v.milestones} columns={[v.milestone, v.dueOn, v.owner, v.status, v.proof, canWrite && v.changeStatus]}>
          {decision.milestones.map((m) => {
            const next = MILESTONE_NEXT[m.status] ?? [];
            const intent = `milestone-status:${m.id}`;
            return (
              <tr key={m.id} className={m.overdue ? 'row-overdue' : undefined} data-status={m.status}>
                <th scope="row">
                  <UserText>{m.title}</UserText>
                  {m.notes ? <span className="muted small"> · <bdi>{m.notes}</bdi></span> : null}
                </th>
                <td>
                  {m.dueOn}
                  {m.overdue ? <span className="badge badge-fail">{v.overdueDays(m.overdueDays)}</span> : null}
                </td>
                <td>{m.owner ? <bdi>{m.owner.name}</bdi> : v.noOwner}</td>
                <td>
                  <span className="pill">{v.milestoneStatuses[m.status] ?? m.status}</span>
                  {m.completedOn ? <span className="muted small"> {m.completedOn}</span> : null}
                  {m.completedLate ? <span className="pill pill-skip">{v.completedLate}</span> : null}
                </td>
                <ProofCell proof={m.proof} />
                {canWrite ? (
                  <td>
                    {next.length > 0 ? (
                      <Form method="post" className="inline-form milestone-form">
                        <input type="hidden" name="intent" value="milestone-status" />
                        <input type="hidden" name="milestoneId" value={m.id} />
                        <label className="visually-hidden" htmlFor={`ms-${m.id}`}>
                          <bdi>{m.title}</bdi> {v.newStatus}
                        </label>
                        <select id={`ms-${m.id}`} name="status">
                          <Options choices={choicesOf(next, v.milestoneStatuses)} />
                        </select>
                        <label className="visually-hidden" htmlFor={`ms-on-${m.id}`}>
                          <bdi>{m.title}</bdi> {v.completedOn}
                        </label>
                        <input id={`ms-on-${m.id}`} name="on" type="date" max={today} defaultValue={today} {...invalidProps(failure, intent, 'on', `ms-on-${m.id}`)} />
                        <button type="submit" className="btn btn-small" disabled={busy}>
                          {v.apply}
                        </button>
                        <FormAlert result={failure} intent={intent} />
                      </Form>
                    ) : (
                      '—'
                    )}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </TableCard>
      )}
      {canWrite && standing ? (
        <Form method="post" className="form" data-testid="milestone-form" noValidate>
          <h3>{v.addMilestone}</h3>
          <input type="hidden" name="intent" value="add-milestone" />
          <FormAlert result={failure} intent="add-milestone" />
          <Field form={form} id="ms-title" name="title" label={v.milestone} maxLength={200} required />
          <div className="field-row">
            <Field boxed form={form} id="ms-due" name="dueOn" label={v.dueOn} type="date" required min={decision.decidedOn} />
            <Field boxed form={form} id="ms-owner" name="ownerId" label={v.owner} as="select">
              <Options any={v.noOwner} choices={nameChoices(owners)} />
            </Field>
          </div>
          <Field form={form} id="ms-notes" name="notes" label={v.notes} as="textarea" rows={2} maxLength={2000} />
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="add-milestone">
            {v.add}
          </button>
        </Form>
      ) : null}
    </Card>
  );
}
