// Sending the queued e-mails through SMTP (nodemailer). A run claims a batch of due messages by
// moving their next attempt past a lease (FOR UPDATE SKIP LOCKED), so replicas sending at the same
// time never send one message twice; each is then sent, and marked SENT (its items emailedAt), or
// retried later with a doubling delay, or FAILED after `maxAttempts` with the last error kept in
// the log. Addresses and credentials never reach a log line.
import type { PrismaClient } from '@lianjian/db';
import nodemailer, { type Transporter } from 'nodemailer';
import type { SmtpConfig } from '../../../shared/config.js';

export interface SendOptions {
  maxAttempts?: number;
  /** Delay before the second attempt; each further one doubles it (capped at six hours). */
  backoffMs?: number;
  batch?: number;
  /** A transport to use instead of one made from the configuration (kept open between runs). */
  transport?: Transporter;
}

export interface SendResult {
  sent: number;
  retried: number;
  failed: number;
}

export const DEFAULT_MAX_ATTEMPTS = 5;
const DEFAULT_BACKOFF_MS = 60_000;
const LEASE_MS = 5 * 60_000;
const MAX_BACKOFF_MS = 6 * 3600_000;

/** Messages in flight at once (and SMTP connections kept open while a batch is sent). */
const CONCURRENCY = 4;

// Pooled: a batch reuses its connections instead of opening one per message.
export function createTransport(smtp: SmtpConfig): Transporter {
  if (smtp.url) {
    const url = new URL(smtp.url);
    url.searchParams.set('pool', 'true');
    url.searchParams.set('maxConnections', String(CONCURRENCY));
    return nodemailer.createTransport(url.toString());
  }
  return nodemailer.createTransport({
    pool: true,
    maxConnections: CONCURRENCY,
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure ?? false,
    ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}),
  });
}

/** The error as the log keeps it: SMTP's own words, without the addresses it may quote. */
function describe(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.replace(/<?[^\s<>@]+@[^\s<>@]+>?/g, '<address>').slice(0, 500);
}

export async function sendQueued(prisma: PrismaClient, smtp: SmtpConfig, now: Date, opts: SendOptions = {}): Promise<SendResult> {
  const maxAttempts = opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const backoffMs = opts.backoffMs ?? DEFAULT_BACKOFF_MS;
  const batch = opts.batch ?? 100;
  const claimed = await prisma.$queryRaw<{ id: string; to_address: string; subject: string; body: string; attempts: number; item_ids: string[] }[]>`
    UPDATE email_message m SET next_attempt_at = ${new Date(now.getTime() + LEASE_MS)}::timestamptz
     WHERE m.id IN (
       SELECT id FROM email_message
        WHERE status = 'QUEUED' AND next_attempt_at <= ${now}::timestamptz
        ORDER BY next_attempt_at LIMIT ${batch}
        FOR UPDATE SKIP LOCKED)
    RETURNING m.id::text, m.to_address, m.subject, m.body, m.attempts, m.item_ids::text[]`;
  const result: SendResult = { sent: 0, retried: 0, failed: 0 };
  if (claimed.length === 0) return result;
  const transport = opts.transport ?? createTransport(smtp);
  const sendOne = async (m: (typeof claimed)[number]) => {
    const attempts = m.attempts + 1;
    let error: unknown = null;
    try {
      await transport.sendMail({ from: smtp.from, to: m.to_address, subject: m.subject, text: m.body });
    } catch (err) {
      error = err ?? new Error('unknown SMTP failure');
    }
    if (error === null) {
      await prisma.$transaction([
        prisma.emailMessage.update({ where: { id: m.id }, data: { status: 'SENT', attempts, sentAt: now, lastError: null } }),
        prisma.inboxItem.updateMany({ where: { id: { in: m.item_ids }, emailedAt: null }, data: { emailedAt: now } }),
      ]);
      result.sent++;
      return;
    }
    const lastError = describe(error);
    if (attempts >= maxAttempts) {
      await prisma.emailMessage.update({ where: { id: m.id }, data: { status: 'FAILED', attempts, lastError } });
      result.failed++;
    } else {
      const delay = Math.min(MAX_BACKOFF_MS, backoffMs * 2 ** (attempts - 1));
      await prisma.emailMessage.update({ where: { id: m.id }, data: { attempts, lastError, nextAttemptAt: new Date(now.getTime() + delay) } });
      result.retried++;
    }
  };
  try {
    // A few at a time, each marked as soon as the server took it (a crash then resends nothing sent).
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(CONCURRENCY, claimed.length) }, async () => {
        while (next < claimed.length) await sendOne(claimed[next++]!);
      }),
    );
  } finally {
    if (!opts.transport) transport.close();
  }
  return result;
}
