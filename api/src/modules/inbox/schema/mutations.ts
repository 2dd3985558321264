// markInboxRead, setEmailPreference, setMyEmail: the caller's own inbox and settings only.
// Inbox items and e-mail settings are not records (they are derived from records, or are a
// person's own delivery choice), so these write plain rows.
import { builder } from '../../../graphql/builder.js';
import { inboxOwner } from '../access.js';
import { markRead, setEmail, setPreference } from '../service.js';
import { EmailModeEnum, EmailSettingsRef, InboxItemRef, InboxKindEnum } from './types.js';

builder.mutationFields((t) => ({
  markInboxRead: t.field({
    type: [InboxItemRef],
    description: 'Marks the caller’s items read (a decision told is then also done); an id not in the caller’s inbox is not found',
    args: { ids: t.arg.idList({ required: true }) },
    resolve: (_root, args, ctx) => markRead(ctx, inboxOwner(ctx), args.ids.map(String)),
  }),
  setEmailPreference: t.field({
    type: EmailSettingsRef,
    description: 'Chooses e-mail for one kind of reminder: OFF, IMMEDIATE (one mail per item) or DIGEST (one mail a day); needs an address first',
    args: { kind: t.arg({ type: InboxKindEnum, required: true }), mode: t.arg({ type: EmailModeEnum, required: true }) },
    resolve: (_root, args, ctx) => setPreference(ctx, inboxOwner(ctx), args.kind, args.mode),
  }),
  setMyEmail: t.field({
    type: EmailSettingsRef,
    description: 'Sets the caller’s e-mail address for reminders; null or empty clears it (and turns every kind’s e-mail off)',
    args: { email: t.arg.string() },
    resolve: (_root, args, ctx) => setEmail(ctx, inboxOwner(ctx), args.email ?? null),
  }),
}));
