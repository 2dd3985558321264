// Signing and verifying a webhook delivery. Kept free of anything but node:crypto so that a
// partner can copy this file (docs/webhooks.md shows the same in a few lines).
//
// The signature is HMAC-SHA256, keyed with the endpoint's secret (its UTF-8 text, "whsec_…"), over
// `${timestamp}.${body}`: the Unix time in seconds from the X-Lianjian-Timestamp header, a dot, and
// the raw request body exactly as received. X-Lianjian-Signature is "v1=<lowercase hex>". A
// receiver refuses a timestamp more than REPLAY_WINDOW_SECONDS away from its own clock, so a
// captured request cannot be replayed later; within the window it drops an event id it has seen.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const TIMESTAMP_HEADER = 'x-lianjian-timestamp';
export const SIGNATURE_HEADER = 'x-lianjian-signature';
export const EVENT_ID_HEADER = 'x-lianjian-event-id';
export const EVENT_KIND_HEADER = 'x-lianjian-event-kind';
/** How far a delivery's timestamp may be from the receiver's clock (either way). */
export const REPLAY_WINDOW_SECONDS = 300;

/** A new endpoint secret: 32 random bytes. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export type WebhookCheck = { ok: true } | { ok: false; reason: 'missing-header' | 'bad-timestamp' | 'outside-window' | 'bad-signature' };

/**
 * Checks a delivery as its receiver: the timestamp is within the replay window of `now`, and one
 * of the signatures (a comma-separated header may carry several "v1=…") is the HMAC of
 * `timestamp.body` under `secret`. `body` must be the raw bytes received, before any JSON parsing.
 */
export function verifyWebhook(input: {
  secret: string;
  body: string | Buffer;
  timestamp: string | null | undefined;
  signature: string | null | undefined;
  now?: Date;
  toleranceSeconds?: number;
}): WebhookCheck {
  if (!input.timestamp || !input.signature) return { ok: false, reason: 'missing-header' };
  if (!/^\d{1,12}$/.test(input.timestamp)) return { ok: false, reason: 'bad-timestamp' };
  const ts = Number(input.timestamp);
  const now = Math.floor((input.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - ts) > (input.toleranceSeconds ?? REPLAY_WINDOW_SECONDS)) return { ok: false, reason: 'outside-window' };
  const body = typeof input.body === 'string' ? input.body : input.body.toString('utf8');
  const want = Buffer.from(signWebhook(input.secret, ts, body));
  for (const given of input.signature.split(',').map((s) => s.trim())) {
    const got = Buffer.from(given);
    if (got.length === want.length && timingSafeEqual(got, want)) return { ok: true };
  }
  return { ok: false, reason: 'bad-signature' };
}
