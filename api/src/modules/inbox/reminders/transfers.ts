// TRANSFER_EXPIRING: a transfer letter (组织关系介绍信) still not received that expires within 14
// days or has expired, for the SECRETARY accounts of the issuing unit, who must chase or reissue
// it. Done when it is received, cancelled or marked expired.
import type { ReminderSource } from './source.js';
import { chinaDay } from './source.js';

export const TRANSFER_HORIZON_DAYS = 14;

export const transfers: ReminderSource = {
  kind: 'TRANSFER_EXPIRING',
  async run(db, now) {
    const today = chinaDay(now);
    const created = await db.$executeRaw`
      INSERT INTO inbox_item (account_id, kind, subject_type, subject_id, org_unit_id, key, title, due_at)
      SELECT a.id, 'TRANSFER_EXPIRING', 'MembershipTransfer', t.id::text, t.org_unit_id,
             'TRANSFER_EXPIRING:' || t.id || ':' || a.id, m.name, t.valid_until::timestamp AT TIME ZONE 'Asia/Shanghai'
        FROM membership_transfer t
        JOIN member m ON m.id = t.member_id
        JOIN account a ON a.role = 'SECRETARY' AND a.disabled_at IS NULL AND a.scope_unit_id = t.org_unit_id
       WHERE t.status = 'ISSUED' AND t.valid_until <= ${today}::date + ${TRANSFER_HORIZON_DAYS}::int
      ON CONFLICT (key) DO NOTHING`;
    const done = await db.$executeRaw`
      UPDATE inbox_item i SET done_at = ${now}
        FROM membership_transfer t
       WHERE i.kind = 'TRANSFER_EXPIRING' AND i.done_at IS NULL AND t.id = i.subject_id::uuid AND t.status <> 'ISSUED'`;
    return { created, done };
  },
};
