// inbox, inboxCounts, emailPreferences: the caller's own, for any signed-in account.
import { builder } from '../../../graphql/builder.js';
import { inboxOwner } from '../access.js';
import { emailSettings, inboxCounts, listInbox, type InboxConnection } from '../service.js';
import { EmailSettingsRef, InboxCountsRef, InboxItemRef } from './types.js';

builder.queryField('inbox', (t) =>
  t.connection(
    {
      type: InboxItemRef,
      description: 'The caller’s own reminders, newest first (any signed-in account; an API key has none). Pages forward with first/after.',
      args: { open: t.arg.boolean({ description: 'Only items not yet done' }) },
      resolve: (_root, args, ctx): Promise<InboxConnection> => listInbox(ctx, inboxOwner(ctx), args),
    },
    {
      name: 'InboxConnection',
      fields: (tc) => ({
        totalCount: tc.int({ description: 'All matching items, across pages', resolve: (c) => (c as unknown as InboxConnection).totalCount }),
      }),
    },
  ),
);

builder.queryField('inboxCounts', (t) =>
  t.field({
    type: InboxCountsRef,
    description: 'How many of the caller’s reminders are open and unread (for the navigation)',
    resolve: (_root, _args, ctx) => inboxCounts(ctx, inboxOwner(ctx)),
  }),
);

builder.queryField('emailPreferences', (t) =>
  t.field({
    type: EmailSettingsRef,
    description: 'The caller’s e-mail address and per-kind e-mail choice',
    resolve: (_root, _args, ctx) => emailSettings(ctx, inboxOwner(ctx)),
  }),
);
