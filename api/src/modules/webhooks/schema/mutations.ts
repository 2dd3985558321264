// Webhook mutations, for the partner key that owns the endpoint (service.ts holds the rules).
import { builder } from '../../../graphql/builder.js';
import { deleteWebhook, disableWebhook, enableWebhook, registerWebhook, rotateWebhookSecret } from '../service.js';
import { WebhookEndpointRef, WebhookEventKindEnum, WebhookWithSecretRef } from './types.js';

const RegisterWebhookInputRef = builder.inputType('RegisterWebhookInput', {
  fields: (t) => ({
    url: t.string({ required: true, description: 'An https address on the public internet that accepts POST' }),
    kinds: t.field({ type: [WebhookEventKindEnum], required: true, description: 'Each must be within the key’s scopes' }),
    description: t.string({ description: 'A note for the partner (one line, at most 200 characters)' }),
  }),
});

builder.mutationFields((t) => ({
  registerWebhook: t.field({
    type: WebhookWithSecretRef,
    description: 'Registers an endpoint for event kinds within the calling key’s scopes; the response is the only time its signing secret is shown (API keys only)',
    args: { input: t.arg({ type: RegisterWebhookInputRef, required: true }) },
    resolve: (_r, { input }, ctx) => registerWebhook(ctx, { url: input.url, kinds: input.kinds as never, description: input.description ?? null }),
  }),
  rotateWebhookSecret: t.field({
    type: WebhookWithSecretRef,
    description: 'Replaces an endpoint’s signing secret at once and shows the new one, once (API keys only)',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => rotateWebhookSecret(ctx, String(args.id)),
  }),
  enableWebhook: t.field({
    type: WebhookEndpointRef,
    description: 'Enables an endpoint disabled after failures (or paused): its waiting events are sent at once (API keys only)',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => enableWebhook(ctx, String(args.id)),
  }),
  disableWebhook: t.field({
    type: WebhookEndpointRef,
    description: 'Pauses an endpoint: events are kept and sent after enableWebhook (API keys only)',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => disableWebhook(ctx, String(args.id)),
  }),
  deleteWebhook: t.id({
    description: 'Deletes an endpoint with its waiting events and delivery log; returns its id (API keys only)',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, args, ctx) => deleteWebhook(ctx, String(args.id)),
  }),
}));
