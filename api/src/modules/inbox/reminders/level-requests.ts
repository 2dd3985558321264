// LEVEL_REQUEST_WAITING: a request on a level's desk, for that level's SECRETARY accounts — the
// reviewing general branch while IN_REVIEW, the deciding committee while PENDING; the status is in
// the key, so a request passed on from review is a new item for the committee and the general
// branch's item is done. LEVEL_REQUEST_DECIDED: the requester is told of an approval or a return
// (decided in the last 30 days, so a first run does not replay history); reading it is the end
// of it (service.ts INFORMATIONAL_KINDS).
import type { ReminderSource } from './source.js';

const WAITING = ['IN_REVIEW', 'PENDING'];

export const levelRequestsWaiting: ReminderSource = {
  kind: 'LEVEL_REQUEST_WAITING',
  async run(db, now) {
    const created = await db.$executeRaw`
      INSERT INTO inbox_item (account_id, kind, subject_type, subject_id, org_unit_id, key, title)
      SELECT a.id, 'LEVEL_REQUEST_WAITING', 'LevelRequest', r.id::text, r.org_unit_id,
             'LEVEL_REQUEST_WAITING:' || r.id || ':' || r.status::text || ':' || a.id, m.name
        FROM level_request r
        JOIN member m ON m.id = r.member_id
        JOIN account a ON a.role = 'SECRETARY' AND a.disabled_at IS NULL
                      AND a.scope_unit_id = CASE WHEN r.status::text = 'IN_REVIEW' THEN r.reviewing_unit_id ELSE r.deciding_unit_id END
       WHERE r.status::text = ANY(${WAITING}::text[])
      ON CONFLICT (key) DO NOTHING`;
    const done = await db.$executeRaw`
      UPDATE inbox_item i SET done_at = ${now}
        FROM level_request r
       WHERE i.kind = 'LEVEL_REQUEST_WAITING' AND i.done_at IS NULL
         AND r.id = i.subject_id::uuid AND r.status::text <> split_part(i.key, ':', 3)`;
    return { created, done };
  },
};

/** How far back a decision still tells its requester. */
export const DECIDED_LOOKBACK_DAYS = 30;

export const levelRequestsDecided: ReminderSource = {
  kind: 'LEVEL_REQUEST_DECIDED',
  async run(db, now) {
    const created = await db.$executeRaw`
      INSERT INTO inbox_item (account_id, kind, subject_type, subject_id, org_unit_id, key, title)
      SELECT a.id, 'LEVEL_REQUEST_DECIDED', 'Member', r.member_id::text, r.org_unit_id,
             'LEVEL_REQUEST_DECIDED:' || r.id || ':' || r.status::text || ':' || a.id, m.name
        FROM level_request r
        JOIN member m ON m.id = r.member_id
        JOIN account a ON a.id = r.requested_by_id AND a.disabled_at IS NULL
       WHERE r.status::text IN ('APPROVED', 'RETURNED')
         AND r.decided_at >= ${now}::timestamptz - make_interval(days => ${DECIDED_LOOKBACK_DAYS}::int)
      ON CONFLICT (key) DO NOTHING`;
    return { created, done: 0 };
  },
};
