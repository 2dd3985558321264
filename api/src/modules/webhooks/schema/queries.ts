// webhookEndpoints, webhookDeliveries: a partner key's own.
import { builder } from '../../../graphql/builder.js';
import { listDeliveries, listEndpoints, type DeliveryConnection } from '../service.js';
import { WebhookDeliveryRef, WebhookEndpointRef } from './types.js';

builder.queryField('webhookEndpoints', (t) =>
  t.field({
    type: [WebhookEndpointRef],
    description: 'The calling partner key’s webhook endpoints, oldest first (API keys only)',
    resolve: (_r, _a, ctx) => listEndpoints(ctx),
  }),
);

builder.queryField('webhookDeliveries', (t) =>
  t.connection(
    {
      type: WebhookDeliveryRef,
      description: 'The calling key’s delivery log, newest attempt first (API keys only). Pages forward with first/after.',
      args: {
        endpointId: t.arg.id({ description: 'Only this endpoint’s' }),
        failedOnly: t.arg.boolean({ description: 'Only failed attempts' }),
      },
      resolve: (_r, args, ctx): Promise<DeliveryConnection> => listDeliveries(ctx, { ...args, endpointId: args.endpointId == null ? null : String(args.endpointId) }),
    },
    {
      name: 'WebhookDeliveryConnection',
      fields: (tc) => ({
        totalCount: tc.int({ description: 'All matching attempts, across pages', resolve: (c) => (c as unknown as DeliveryConnection).totalCount }),
      }),
    },
  ),
);
