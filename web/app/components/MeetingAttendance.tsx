// Attendance for the whole unit in one form: a status (and an optional note) per eligible
// member, pre-filled with what is on record; rows left "not recorded" are not sent.
import { Form, useNavigation } from 'react-router';
import { useT } from '../i18n/use-t';
import { ATTENDANCE_STATUSES } from '../lib/meetings';
import type { FormFailure } from '../lib/meetings-form';
import { FieldError, FormAlert, invalidProps } from './MeetingFields';
import type { AttendanceRow } from './MeetingParticipation';

export interface RosterMember {
  id: string;
  name: string;
  stage: string;
}

export function MeetingAttendanceForm({ roster, recorded, failure }: { roster: { total: number; members: RosterMember[] }; recorded: AttendanceRow[]; failure: FormFailure | null }) {
  const t = useT();
  const m = t.meetings;
  const busy = useNavigation().state === 'submitting';
  const byMember = new Map(recorded.map((a) => [a.member.id, a]));
  return (
    <article className="card" aria-labelledby="attendance-title">
      <h2 id="attendance-title">{m.recordAttendance}</h2>
      <p className="muted small">{m.attendanceIntro}</p>
      {roster.members.length === 0 ? (
        <p className="muted">{m.noEligible}</p>
      ) : (
        <Form method="post" data-testid="attendance-form">
          <input type="hidden" name="intent" value="attendance" />
          <FormAlert result={failure} intent="attendance" />
          <div className="table-wrap">
            <table className="table attendance-table">
              <caption className="visually-hidden">{m.recordAttendance}</caption>
              <thead>
                <tr>
                  <th scope="col">{m.member}</th>
                  <th scope="col">{m.status}</th>
                  <th scope="col">{m.attendanceNote}</th>
                </tr>
              </thead>
              <tbody>
                {roster.members.map((p) => {
                  const prev = byMember.get(p.id);
                  const sid = `att-${p.id}`;
                  const nid = `note-${p.id}`;
                  return (
                    <tr key={p.id} data-member={p.id}>
                      <th scope="row">
                        <label htmlFor={sid}>{p.name}</label> <span className="muted small">{t.stages[p.stage] ?? p.stage}</span>
                      </th>
                      <td>
                        <select id={sid} name={`status:${p.id}`} defaultValue={prev?.status ?? ''} {...invalidProps(failure, 'attendance', `status:${p.id}`, sid)}>
                          <option value="">{m.noChange}</option>
                          {ATTENDANCE_STATUSES.map((s) => (
                            <option key={s} value={s}>
                              {m.attendance[s]}
                            </option>
                          ))}
                        </select>
                        <FieldError result={failure} intent="attendance" name={`status:${p.id}`} id={sid} />
                      </td>
                      <td>
                        <input
                          id={nid}
                          name={`note:${p.id}`}
                          maxLength={500}
                          defaultValue={prev?.note ?? ''}
                          aria-label={`${p.name} ${m.attendanceNote}`}
                          {...invalidProps(failure, 'attendance', `note:${p.id}`, nid)}
                        />
                        <FieldError result={failure} intent="attendance" name={`note:${p.id}`} id={nid} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {roster.total > roster.members.length ? <p className="muted small">{m.membersShown(roster.members.length, roster.total)}</p> : null}
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="save-attendance">
            {m.saveAttendance}
          </button>
        </Form>
      )}
    </article>
  );
}
