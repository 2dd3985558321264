// STEP_DUE: a development step due within two weeks or overdue, for the SECRETARY accounts of the
// member's branch (a group's parent branch). What is due comes from the engine
// (@lianjian/rules/pipeline dueAndOverdue) by way of analytics_due_item, which the analytics
// refresh keeps for exactly the members whose history changed (the runner refreshes it first), so
// the engine's rules are not written a second time in SQL. The due date is part of the key: an
// assessment due every six months is a new item each time.
import type { ReminderSource } from './source.js';
import { chinaDay } from './source.js';

/** Days ahead a step's due date puts it in the inbox. */
export const STEP_HORIZON_DAYS = 14;

export const steps: ReminderSource = {
  kind: 'STEP_DUE',
  async run(db, now) {
    const today = chinaDay(now);
    const created = await db.$executeRaw`
      INSERT INTO inbox_item (account_id, kind, subject_type, subject_id, org_unit_id, key, title, due_at)
      SELECT a.id, 'STEP_DUE', 'Member', d.member_id::text, m.org_unit_id,
             'STEP_DUE:' || d.member_id || ':' || d.kind || ':' || to_char(d.due_on, 'YYYY-MM-DD') || ':' || a.id,
             m.name, d.due_on::timestamp AT TIME ZONE 'Asia/Shanghai'
        FROM analytics_due_item d
        JOIN member m ON m.id = d.member_id
        JOIN org_unit u ON u.id = m.org_unit_id
        JOIN account a ON a.role = 'SECRETARY' AND a.disabled_at IS NULL
                      AND a.scope_unit_id = CASE WHEN u.kind = 'GROUP' THEN u.parent_id ELSE u.id END
       WHERE d.due_on <= ${today}::date + ${STEP_HORIZON_DAYS}::int
      ON CONFLICT (key) DO NOTHING`;
    const done = await db.$executeRaw`
      UPDATE inbox_item i SET done_at = ${now}
       WHERE i.kind = 'STEP_DUE' AND i.done_at IS NULL
         AND NOT EXISTS (
           SELECT 1 FROM analytics_due_item d
            WHERE d.member_id = i.subject_id::uuid
              AND d.kind = split_part(i.key, ':', 3)
              AND to_char(d.due_on, 'YYYY-MM-DD') = split_part(i.key, ':', 4))`;
    // A member moved to another branch (or a secretary to another unit): the item was the old
    // branch's secretary's; the new one's is written above.
    const moved = await db.$executeRaw`
      UPDATE inbox_item i SET done_at = ${now}
        FROM member m JOIN org_unit u ON u.id = m.org_unit_id
       WHERE i.kind = 'STEP_DUE' AND i.done_at IS NULL AND m.id = i.subject_id::uuid
         AND NOT EXISTS (
           SELECT 1 FROM account a
            WHERE a.id = i.account_id AND a.role = 'SECRETARY' AND a.disabled_at IS NULL
              AND a.scope_unit_id = CASE WHEN u.kind = 'GROUP' THEN u.parent_id ELSE u.id END)`;
    return { created, done: done + moved };
  },
};
