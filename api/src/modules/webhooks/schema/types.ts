// The webhook GraphQL types: endpoints (never their secret, which only registering and rotating
// return), the event kinds, and the delivery log.
import type { WebhookEndpoint } from '@lianjian/db';
import { builder } from '../../../graphql/builder.js';
import { dbEnum } from '../../../graphql/enums.js';
import { KIND_DESCRIPTION } from '../kinds.js';
import { pendingCount, type DeliveryRow, type WithSecret } from '../service.js';

export const WebhookEventKindEnum = builder.enumType('WebhookEventKind', {
  description: 'What a partner can subscribe to (推送事件类型); each needs a read scope of the key',
  values: Object.fromEntries(Object.entries(KIND_DESCRIPTION).map(([k, d]) => [k, { value: k, description: `${d.en} (${d.zh})` }])) as never,
});
export const WebhookEndpointStatusEnum = dbEnum('WebhookEndpointStatus', 'ACTIVE, or DISABLED by the partner or after repeated failures');
export const WebhookEventStatusEnum = dbEnum('WebhookEventStatus', 'PENDING (waiting or retrying), DELIVERED, or FAILED (every attempt failed)');

export const WebhookEndpointRef = builder.objectRef<WebhookEndpoint>('WebhookEndpoint').implement({
  description: 'Where a partner key’s events are POSTed, signed (docs/webhooks.md). Only the key that registered it sees it.',
  fields: (t) => ({
    id: t.exposeID('id'),
    url: t.exposeString('url'),
    description: t.exposeString('description'),
    kinds: t.field({ type: [WebhookEventKindEnum], resolve: (w) => w.kinds as never }),
    status: t.expose('status', { type: WebhookEndpointStatusEnum }),
    disabledReason: t.exposeString('disabledReason', { nullable: true, description: 'FAILURES (disabled by the dispatcher) or PARTNER (disableWebhook)' }),
    disabledAt: t.expose('disabledAt', { type: 'DateTime', nullable: true }),
    consecutiveFailures: t.exposeInt('consecutiveFailures', { description: 'Failed attempts since the last success' }),
    lastSuccessAt: t.expose('lastSuccessAt', { type: 'DateTime', nullable: true }),
    lastFailureAt: t.expose('lastFailureAt', { type: 'DateTime', nullable: true }),
    secretRotatedAt: t.expose('secretRotatedAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'Events are raised for records written after this' }),
    pendingEvents: t.int({ description: 'Events waiting to be sent (or retried)', resolve: (w, _a, ctx) => pendingCount(ctx, w.id) }),
  }),
});

export const WebhookWithSecretRef = builder.objectRef<WithSecret>('WebhookWithSecret').implement({
  fields: (t) => ({
    secret: t.exposeString('secret', { description: 'The signing secret: shown only now — store it safely (verify with HMAC-SHA256, docs/webhooks.md)' }),
    endpoint: t.field({ type: WebhookEndpointRef, resolve: (r) => r.endpoint }),
  }),
});

const WebhookRecordRef = builder.objectRef<{ type: string; id: string; version: number }>('WebhookRecordRef').implement({
  description: 'The record version an event is about (read it, with its proof, by its type’s query)',
  fields: (t) => ({ type: t.exposeString('type'), id: t.exposeID('id'), version: t.exposeInt('version') }),
});

export const WebhookDeliveryRef = builder.objectRef<DeliveryRow>('WebhookDelivery').implement({
  description: 'One attempt to deliver an event (the delivery log)',
  fields: (t) => ({
    id: t.id({ resolve: (d) => String(d.id) }),
    endpointId: t.exposeID('endpointId'),
    eventId: t.exposeID('eventId', { description: 'The payload’s id (X-Lianjian-Event-Id): the same at every attempt' }),
    kind: t.field({ type: WebhookEventKindEnum, resolve: (d) => d.event.kind as never }),
    record: t.field({ type: WebhookRecordRef, resolve: (d) => ({ type: d.event.entityType, id: d.event.entityId, version: d.event.version }) }),
    attempt: t.exposeInt('attempt'),
    at: t.expose('at', { type: 'DateTime' }),
    ok: t.exposeBoolean('ok', { description: 'The receiver answered 2xx' }),
    statusCode: t.exposeInt('statusCode', { nullable: true, description: 'The receiver’s HTTP status; null when none came' }),
    latencyMs: t.exposeInt('latencyMs'),
    error: t.exposeString('error', { nullable: true }),
    eventStatus: t.field({ type: WebhookEventStatusEnum, description: 'Where the event stands now', resolve: (d) => d.event.status }),
    nextAttemptAt: t.field({ type: 'DateTime', nullable: true, description: 'When the event is tried again (while PENDING)', resolve: (d) => (d.event.status === 'PENDING' ? d.event.nextAttemptAt : null) }),
  }),
});
