// A decision's implementation milestones by due date, overdue ones marked, each with its proof
// state; secretaries and administrators add milestones and move each along its flow.
import { Form } from 'react-router';
import { useT } from '../i18n/use-t';
import type { ProofNode } from '../lib/fragments';
import type { FormFailure } from '../lib/meetings-form';
import { MILESTONE_NEXT } from '../lib/votes';
import { FieldError, FormAlert, invalidProps } from './MeetingFields';
import { ProofBadge } from './ProofBadge';
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
  const inv = (name: string, id: string) => invalidProps(failure, 'add-milestone', name, id);
  return (
    <article className="card" aria-labelledby="milestones-title">
      <h2 id="milestones-title">{v.milestones}</h2>
      {decision.milestones.length === 0 ? (
        <p className="muted">{v.milestonesNone}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="milestones">
            <caption className="visually-hidden">{v.milestones}</caption>
            <thead>
              <tr>
                <th scope="col">{v.milestone}</th>
                <th scope="col">{v.dueOn}</th>
                <th scope="col">{v.owner}</th>
                <th scope="col">{v.status}</th>
                <th scope="col">{v.proof}</th>
                {canWrite ? <th scope="col">{v.changeStatus}</th> : null}
              </tr>
            </thead>
            <tbody>
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
                    <td>
                      <ProofBadge proof={m.proof} />
                    </td>
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
                              {next.map((s) => (
                                <option key={s} value={s}>
                                  {v.milestoneStatuses[s] ?? s}
                                </option>
                              ))}
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
            </tbody>
          </table>
        </div>
      )}
      {canWrite && standing ? (
        <Form method="post" className="form" data-testid="milestone-form" noValidate>
          <h3>{v.addMilestone}</h3>
          <input type="hidden" name="intent" value="add-milestone" />
          <FormAlert result={failure} intent="add-milestone" />
          <label htmlFor="ms-title">{v.milestone}</label>
          <input id="ms-title" name="title" maxLength={200} required {...inv('title', 'ms-title')} />
          <FieldError result={failure} intent="add-milestone" name="title" id="ms-title" />
          <div className="field-row">
            <div className="field">
              <label htmlFor="ms-due">{v.dueOn}</label>
              <input id="ms-due" name="dueOn" type="date" required min={decision.decidedOn} {...inv('dueOn', 'ms-due')} />
              <FieldError result={failure} intent="add-milestone" name="dueOn" id="ms-due" />
            </div>
            <div className="field">
              <label htmlFor="ms-owner">{v.owner}</label>
              <select id="ms-owner" name="ownerId" {...inv('ownerId', 'ms-owner')}>
                <option value="">{v.noOwner}</option>
                {owners.map((o) => (
                  <option key={o.id} value={o.id} translate="no">
                    {o.name}
                  </option>
                ))}
              </select>
              <FieldError result={failure} intent="add-milestone" name="ownerId" id="ms-owner" />
            </div>
          </div>
          <label htmlFor="ms-notes">{v.notes}</label>
          <textarea id="ms-notes" name="notes" rows={2} maxLength={2000} {...inv('notes', 'ms-notes')} />
          <FieldError result={failure} intent="add-milestone" name="notes" id="ms-notes" />
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="add-milestone">
            {v.add}
          </button>
        </Form>
      ) : null}
    </article>
  );
}
