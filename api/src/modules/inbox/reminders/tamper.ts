// TAMPER_ALERT: an unresolved finding of the auditor (indexer/src/audit.ts, table tamper_alert),
// for every ADMIN account — the push the auditor lacked (issue #24). Done when resolved.
import type { ReminderSource } from './source.js';

export const tamper: ReminderSource = {
  kind: 'TAMPER_ALERT',
  async run(db, now) {
    const created = await db.$executeRaw`
      INSERT INTO inbox_item (account_id, kind, subject_type, subject_id, key, title)
      SELECT a.id, 'TAMPER_ALERT', 'TamperAlert', t.id::text,
             'TAMPER_ALERT:' || t.id || ':' || a.id, t.kind || coalesce(' ' || t.entity_type, '')
        FROM tamper_alert t
        JOIN account a ON a.role = 'ADMIN' AND a.disabled_at IS NULL
       WHERE t.resolved_at IS NULL
      ON CONFLICT (key) DO NOTHING`;
    const done = await db.$executeRaw`
      UPDATE inbox_item i SET done_at = ${now}
        FROM tamper_alert t
       WHERE i.kind = 'TAMPER_ALERT' AND i.done_at IS NULL AND t.id = i.subject_id::bigint AND t.resolved_at IS NOT NULL`;
    return { created, done };
  },
};
