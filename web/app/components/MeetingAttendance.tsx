// Attendance for the whole unit in one form: a status (and an optional note) per eligible
// member, pre-filled with what is on record; rows left "not recorded" are not sent. "All present"
// marks every row present so that only the exceptions need changing; members of the unit the
// form does not list are named, not just counted.
import { useRef } from 'react';
import { Form, useNavigation } from 'react-router';
import { useT } from '../i18n/use-t';
import { ATTENDANCE_STATUSES } from '../lib/meetings';
import { useHydrated } from '../lib/use-hydrated';
import type { FormFailure } from '../lib/meetings-form';
import { Card } from './Card';
import { FieldError, FormAlert, invalidProps } from './MeetingFields';
import { TableCard } from './TableCard';
import type { AttendanceRow } from './MeetingParticipation';

export interface RosterMember {
  id: string;
  name: string;
  stage: string;
}

export interface Roster {
  /** Active members of the unit's subtree, loaded or not. */
  total: number;
  /** Those who may attend this kind of meeting. */
  members: RosterMember[];
  /** Loaded but not eligible for this kind of meeting. */
  missing: RosterMember[];
}

export function MeetingAttendanceForm({ roster, started, recorded, failure }: { roster: Roster; started: boolean; recorded: AttendanceRow[]; failure: FormFailure | null }) {
  const t = useT();
  const m = t.meetings;
  const busy = useNavigation().state === 'submitting';
  const hydrated = useHydrated();
  const form = useRef<HTMLFormElement>(null);
  const byMember = new Map(recorded.map((a) => [a.member.id, a]));
  const notLoaded = roster.total - roster.members.length - roster.missing.length;
  const allPresent = () => {
    for (const el of form.current?.querySelectorAll<HTMLSelectElement>('select[name^="status:"]') ?? []) el.value = 'PRESENT';
  };
  return (
    <Card titleId="attendance-title" title={m.recordAttendance} intro={m.attendanceIntro}>
      {!started ? (
        <p className="muted" data-testid="attendance-not-started">
          {m.notStartedYet}
        </p>
      ) : roster.members.length === 0 ? (
        <p className="muted">{m.noEligible}</p>
      ) : (
        <Form method="post" data-testid="attendance-form" ref={form}>
          <input type="hidden" name="intent" value="attendance" />
          <FormAlert result={failure} intent="attendance" />
          <p className="inline-form">
            <button type="button" className="btn" onClick={allPresent} disabled={!hydrated} aria-describedby="all-present-hint" data-testid="all-present">
              {m.allPresent}
            </button>{' '}
            <span className="muted small" id="all-present-hint">
              {m.allPresentHint}
            </span>
          </p>
          <TableCard frame="table-wrap" className="table attendance-table" caption={m.recordAttendance} columns={[m.member, m.status, m.attendanceNote]}>
            {roster.members.map((p) => {
              const prev = byMember.get(p.id);
              const sid = `att-${p.id}`;
              const nid = `note-${p.id}`;
              return (
                <tr key={p.id} data-member={p.id}>
                  <th scope="row">
                    <label htmlFor={sid}><bdi>{p.name}</bdi></label> <span className="muted small">{t.stages[p.stage] ?? p.stage}</span>
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
                    <label className="visually-hidden" htmlFor={nid}>
                      <bdi>{p.name}</bdi> {m.attendanceNote}
                    </label>
                    <input
                      id={nid}
                      name={`note:${p.id}`}
                      maxLength={500}
                      defaultValue={prev?.note ?? ''}
                      {...invalidProps(failure, 'attendance', `note:${p.id}`, nid)}
                    />
                    <FieldError result={failure} intent="attendance" name={`note:${p.id}`} id={nid} />
                  </td>
                </tr>
              );
            })}
          </TableCard>
          {roster.missing.length > 0 ? (
            <p className="muted small" data-testid="roster-missing">
              {m.rosterMissing(roster.missing.map((p) => m.withStage(p.name, t.stages[p.stage] ?? p.stage)))}
            </p>
          ) : null}
          {notLoaded > 0 ? <p className="muted small">{m.rosterNotLoaded(notLoaded)}</p> : null}
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="save-attendance">
            {m.saveAttendance}
          </button>
        </Form>
      )}
    </Card>
  );
}
