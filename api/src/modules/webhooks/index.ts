// What a receiver or another module uses of webhooks: the signature check (docs/webhooks.md), the
// dispatcher (start-api.ts) and the event catalogue.
export { verifyWebhook, signWebhook, REPLAY_WINDOW_SECONDS, SIGNATURE_HEADER, TIMESTAMP_HEADER, EVENT_ID_HEADER, EVENT_KIND_HEADER, type WebhookCheck } from './signature.js';
export { startWebhookDispatcher, startWebhooksFromEnv, deliverDue, payloadOf, type WebhookDispatcher } from './dispatcher.js';
export { scanAnchors, scanRecords } from './outbox.js';
export { webhooksConfigFromEnv, type WebhooksConfig } from './config.js';
export { WEBHOOK_KINDS, KIND_TYPE } from './kinds.js';
