// QUIZ_DUE: an open quiz closing within three days, for the accounts of the active members under
// the quiz's unit (who may take it: learning/attempts.ts) who have not passed it. Done when they
// pass, or the quiz closes.
import type { ReminderSource } from './source.js';

export const QUIZ_HORIZON_MS = 3 * 24 * 3600_000;

export const quizzes: ReminderSource = {
  kind: 'QUIZ_DUE',
  async run(db, now) {
    const until = new Date(now.getTime() + QUIZ_HORIZON_MS);
    const created = await db.$executeRaw`
      INSERT INTO inbox_item (account_id, kind, subject_type, subject_id, org_unit_id, key, title, due_at)
      SELECT a.id, 'QUIZ_DUE', 'Quiz', q.id::text, q.org_unit_id, 'QUIZ_DUE:' || q.id || ':' || a.id, q.title, q.closes_at
        FROM quiz q
        JOIN org_unit qu ON qu.id = q.org_unit_id
        JOIN org_unit mu ON mu.path LIKE qu.path || '%'
        JOIN member m ON m.org_unit_id = mu.id AND m.status = 'ACTIVE'
        JOIN account a ON a.member_id = m.id AND a.disabled_at IS NULL
       WHERE q.status = 'OPEN' AND q.closes_at > ${now}::timestamptz AND q.closes_at <= ${until}::timestamptz
         AND NOT EXISTS (SELECT 1 FROM quiz_attempt t WHERE t.quiz_id = q.id AND t.member_id = m.id AND t.passed)
      ON CONFLICT (key) DO NOTHING`;
    const done = await db.$executeRaw`
      UPDATE inbox_item i SET done_at = ${now}
        FROM quiz q
       WHERE i.kind = 'QUIZ_DUE' AND i.done_at IS NULL AND q.id = i.subject_id::uuid
         AND (q.status <> 'OPEN' OR q.closes_at <= ${now}::timestamptz OR EXISTS (
               SELECT 1 FROM quiz_attempt t JOIN account a ON a.member_id = t.member_id
                WHERE t.quiz_id = q.id AND a.id = i.account_id AND t.passed))`;
    return { created, done };
  },
};
