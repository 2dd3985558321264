// VOTE_OPEN and VOTE_CLOSING: an open vote, for the accounts of the members on its frozen roll
// (vote_eligible_voter) who have not voted (voter_roll_entry says who voted, never how); CLOSING
// again within 24 hours of closes_at. Done when they have voted or the vote is no longer open.
import type { InboxKind } from '@lianjian/db';
import type { Db, ReminderSource } from './source.js';

export const VOTE_CLOSING_MS = 24 * 3600_000;

async function clear(db: Db, kind: InboxKind, now: Date): Promise<number> {
  return db.$executeRaw`
    UPDATE inbox_item i SET done_at = ${now}
      FROM vote v
     WHERE i.kind = ${kind}::inbox_kind AND i.done_at IS NULL AND v.id = i.subject_id::uuid
       AND (v.status <> 'OPEN' OR EXISTS (
             SELECT 1 FROM voter_roll_entry r JOIN account a ON a.member_id = r.member_id
              WHERE r.vote_id = v.id AND a.id = i.account_id))`;
}

export const votesOpen: ReminderSource = {
  kind: 'VOTE_OPEN',
  async run(db, now) {
    const created = await db.$executeRaw`
      INSERT INTO inbox_item (account_id, kind, subject_type, subject_id, org_unit_id, key, title, due_at)
      SELECT a.id, 'VOTE_OPEN', 'Vote', v.id::text, v.org_unit_id, 'VOTE_OPEN:' || v.id || ':' || a.id, v.title, v.closes_at
        FROM vote v
        JOIN vote_eligible_voter e ON e.vote_id = v.id
        JOIN account a ON a.member_id = e.member_id AND a.disabled_at IS NULL
       WHERE v.status = 'OPEN'
         AND NOT EXISTS (SELECT 1 FROM voter_roll_entry r WHERE r.vote_id = v.id AND r.member_id = e.member_id)
      ON CONFLICT (key) DO NOTHING`;
    return { created, done: await clear(db, 'VOTE_OPEN', now) };
  },
};

export const votesClosing: ReminderSource = {
  kind: 'VOTE_CLOSING',
  async run(db, now) {
    const until = new Date(now.getTime() + VOTE_CLOSING_MS);
    const created = await db.$executeRaw`
      INSERT INTO inbox_item (account_id, kind, subject_type, subject_id, org_unit_id, key, title, due_at)
      SELECT a.id, 'VOTE_CLOSING', 'Vote', v.id::text, v.org_unit_id, 'VOTE_CLOSING:' || v.id || ':' || a.id, v.title, v.closes_at
        FROM vote v
        JOIN vote_eligible_voter e ON e.vote_id = v.id
        JOIN account a ON a.member_id = e.member_id AND a.disabled_at IS NULL
       WHERE v.status = 'OPEN' AND v.closes_at > ${now}::timestamptz AND v.closes_at <= ${until}::timestamptz
         AND NOT EXISTS (SELECT 1 FROM voter_roll_entry r WHERE r.vote_id = v.id AND r.member_id = e.member_id)
      ON CONFLICT (key) DO NOTHING`;
    return { created, done: await clear(db, 'VOTE_CLOSING', now) };
  },
};
