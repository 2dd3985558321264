// E-mail of inbox items: queue.ts turns items into messages by each person's choice, send.ts sends
// them through SMTP with retries. Both run from the inbox schedule (../schedule.ts) when SMTP is
// configured (LIANJIAN_SMTP_URL or LIANJIAN_SMTP_HOST; see shared/config.ts).
export { queueEmails, type QueueResult } from './queue.js';
export { createTransport, sendQueued, DEFAULT_MAX_ATTEMPTS, type SendOptions, type SendResult } from './send.js';
export { composeDigest, composeImmediate } from './compose.js';
