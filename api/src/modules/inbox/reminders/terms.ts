// TERM_ENDING: a committee (支部委员会, 党委…) whose term ends within 90 days and which no new
// election has ended, for the SECRETARY accounts of its unit and of the unit above (which
// organises the election, 换届). Done when the committee is ended (a new one elected).
import type { ReminderSource } from './source.js';
import { chinaDay } from './source.js';

export const TERM_HORIZON_DAYS = 90;

export const terms: ReminderSource = {
  kind: 'TERM_ENDING',
  async run(db, now) {
    const today = chinaDay(now);
    const created = await db.$executeRaw`
      INSERT INTO inbox_item (account_id, kind, subject_type, subject_id, org_unit_id, key, title, due_at)
      SELECT a.id, 'TERM_ENDING', 'Committee', c.id::text, c.org_unit_id,
             'TERM_ENDING:' || c.id || ':' || a.id, u.name, c.term_end::timestamp AT TIME ZONE 'Asia/Shanghai'
        FROM committee c
        JOIN org_unit u ON u.id = c.org_unit_id
        JOIN account a ON a.role = 'SECRETARY' AND a.disabled_at IS NULL
                      AND (a.scope_unit_id = u.id OR a.scope_unit_id = u.parent_id)
       WHERE c.ended_on IS NULL AND c.term_end <= ${today}::date + ${TERM_HORIZON_DAYS}::int
      ON CONFLICT (key) DO NOTHING`;
    const done = await db.$executeRaw`
      UPDATE inbox_item i SET done_at = ${now}
        FROM committee c
       WHERE i.kind = 'TERM_ENDING' AND i.done_at IS NULL AND c.id = i.subject_id::uuid AND c.ended_on IS NOT NULL`;
    return { created, done };
  },
};
