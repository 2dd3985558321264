// Turning open inbox items into e-mails to send (the EmailMessage log). IMMEDIATE: one message per
// item created since the person chose it (choosing it does not mail out the backlog); DIGEST: at
// most one message a day per person with every open item of their DIGEST kinds not yet mailed.
// An item waits for no second message while one with it is queued or has failed; it is marked
// emailedAt when its message is sent (send.ts). Runs under an advisory lock so that replicas do
// not queue the same item twice.
import type { InboxItem, PrismaClient } from '@lianjian/db';
import { composeDigest, composeImmediate } from './compose.js';

const LOCK = 'lianjian:inbox-email-queue';
export const DIGEST_EVERY_MS = 24 * 3600_000;
/** Items handled per run and mode; the next run takes the rest. */
const BATCH = 5000;

export interface QueueResult {
  immediate: number;
  digests: number;
}

type Candidate = InboxItem & { email: string; mode: 'IMMEDIATE' | 'DIGEST'; chosen_at: Date };

export async function queueEmails(prisma: PrismaClient, now: Date, webUrl: string): Promise<QueueResult> {
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${LOCK}, 0))`;
      const since = new Date(now.getTime() - DIGEST_EVERY_MS);
      const rows = await tx.$queryRaw<Candidate[]>`
        SELECT i.id, i.account_id AS "accountId", i.kind, i.subject_type AS "subjectType", i.subject_id AS "subjectId",
               i.org_unit_id AS "orgUnitId", i.key, i.title, i.due_at AS "dueAt", i.created_at AS "createdAt",
               i.read_at AS "readAt", i.done_at AS "doneAt", i.emailed_at AS "emailedAt",
               a.email, p.mode::text AS mode, p.updated_at AS chosen_at
          FROM inbox_item i
          JOIN email_preference p ON p.account_id = i.account_id AND p.kind = i.kind AND p.mode <> 'OFF'
          JOIN account a ON a.id = i.account_id AND a.email IS NOT NULL AND a.disabled_at IS NULL
         WHERE i.emailed_at IS NULL AND i.done_at IS NULL
           AND (p.mode = 'DIGEST' OR i.created_at >= p.updated_at)
           AND NOT EXISTS (
             SELECT 1 FROM email_message e
              WHERE e.account_id = i.account_id AND e.status <> 'SENT' AND i.id = ANY(e.item_ids))
           AND (p.mode = 'IMMEDIATE' OR NOT EXISTS (
             SELECT 1 FROM email_message e WHERE e.account_id = i.account_id AND e.digest AND e.created_at > ${since}::timestamptz))
         ORDER BY i.created_at, i.id
         LIMIT ${BATCH * 2}`;
      const messages: { accountId: string; toAddress: string; subject: string; body: string; digest: boolean; itemIds: string[]; nextAttemptAt: Date; createdAt: Date }[] = [];
      const digests = new Map<string, Candidate[]>();
      for (const r of rows) {
        if (r.mode === 'IMMEDIATE') {
          const { subject, body } = composeImmediate(r, webUrl);
          messages.push({ accountId: r.accountId, toAddress: r.email, subject, body, digest: false, itemIds: [r.id], nextAttemptAt: now, createdAt: now });
        } else {
          const list = digests.get(r.accountId) ?? [];
          list.push(r);
          digests.set(r.accountId, list);
        }
      }
      for (const [accountId, items] of digests) {
        const { subject, body } = composeDigest(items, webUrl);
        messages.push({ accountId, toAddress: items[0]!.email, subject, body, digest: true, itemIds: items.map((i) => i.id), nextAttemptAt: now, createdAt: now });
      }
      if (messages.length) await tx.emailMessage.createMany({ data: messages });
      return { immediate: messages.filter((m) => !m.digest).length, digests: digests.size };
    },
    { timeout: 120_000 },
  );
}
