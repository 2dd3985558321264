// MEETING_SOON: a published meeting starting within 24 hours, for the accounts of the members who
// may attend it — in the holding unit's subtree, active, of the stages the meeting kind is for
// (meetings/cadence.ts RULES, the same rule meetings/service.ts ineligibility applies). The start
// time is in the key: a meeting moved to another day reminds again. Done once it has started, is
// cancelled or was moved.
import { RULES } from '../../meetings/cadence.js';
import type { ReminderSource } from './source.js';

export const MEETING_SOON_MS = 24 * 3600_000;

const STAGES_BY_KIND = JSON.stringify(Object.fromEntries(Object.entries(RULES).map(([kind, r]) => [kind, r.stages])));

export const meetings: ReminderSource = {
  kind: 'MEETING_SOON',
  async run(db, now) {
    const until = new Date(now.getTime() + MEETING_SOON_MS);
    const created = await db.$executeRaw`
      INSERT INTO inbox_item (account_id, kind, subject_type, subject_id, org_unit_id, key, title, due_at)
      SELECT a.id, 'MEETING_SOON', 'Meeting', mt.id::text, mt.org_unit_id,
             'MEETING_SOON:' || mt.id || ':' || to_char(mt.scheduled_at AT TIME ZONE 'UTC', 'YYYYMMDDHH24MI') || ':' || a.id,
             mt.title, mt.scheduled_at
        FROM meeting mt
        JOIN org_unit hu ON hu.id = mt.org_unit_id
        JOIN org_unit mu ON mu.path LIKE hu.path || '%'
        JOIN member m ON m.org_unit_id = mu.id AND m.status = 'ACTIVE'
                     AND m.stage::text IN (SELECT jsonb_array_elements_text(${STAGES_BY_KIND}::jsonb -> mt.kind::text))
        JOIN account a ON a.member_id = m.id AND a.disabled_at IS NULL
       WHERE mt.status = 'PUBLISHED' AND mt.scheduled_at > ${now}::timestamptz AND mt.scheduled_at <= ${until}::timestamptz
      ON CONFLICT (key) DO NOTHING`;
    const done = await db.$executeRaw`
      UPDATE inbox_item i SET done_at = ${now}
        FROM meeting mt
       WHERE i.kind = 'MEETING_SOON' AND i.done_at IS NULL AND mt.id = i.subject_id::uuid
         AND (mt.status <> 'PUBLISHED' OR mt.scheduled_at <= ${now}::timestamptz
              OR to_char(mt.scheduled_at AT TIME ZONE 'UTC', 'YYYYMMDDHH24MI') <> split_part(i.key, ':', 3))`;
    return { created, done };
  },
};
