// Notice mutations: each delegates to service.ts, which writes the rows with their records.
import { builder } from '../../../graphql/builder.js';
import { RoleEnum } from '../../../graphql/enums.js';
import { inputMutation, reread, rowMutation } from '../../../graphql/rows.js';
import { acknowledgeNotice, markNoticeRead, publishNotice, remindNotice, withdrawNotice, MAX_CHOSEN_MEMBERS, type PublishNoticeInput } from '../service.js';
import { AttachmentInputRef } from '../../attachments/schema/index.js';
import { MAX_ATTACHMENTS } from '../../attachments/service.js';
import { NoticeAudienceEnum, NoticeRef } from './types.js';

const PublishNoticeInputRef = builder.inputType('PublishNoticeInput', {
  fields: (t) => ({
    unitId: t.id({ required: true, description: 'The publishing unit (yours or one under it)' }),
    title: t.string({ required: true, description: '2–100 characters on one line' }),
    body: t.string({ required: true, description: '1–5000 characters' }),
    audience: t.field({ type: NoticeAudienceEnum, required: true }),
    roles: t.field({ type: [RoleEnum], description: 'For ROLES: the account roles it is for' }),
    memberIds: t.idList({ description: `For MEMBERS: the chosen members (active, in the unit’s subtree; at most ${MAX_CHOSEN_MEMBERS})` }),
    decisionId: t.id({ description: 'A decision of the publishing unit that this notice makes public' }),
    attachments: t.field({ type: [AttachmentInputRef], description: `Files uploaded with POST /files (at most ${MAX_ATTACHMENTS}): their hashes go into the notice’s record` }),
  }),
});

const ReminderResult = builder.objectRef<{ notice: { id: string }; reminded: number }>('NoticeReminderResult').implement({
  fields: (t) => ({
    notice: t.prismaField({ type: 'Notice', resolve: (q, r, _a, ctx) => reread(ctx, 'Notice', q, r.notice) }),
    reminded: t.exposeInt('reminded', { description: 'Inbox reminders written (those already reminded today are not counted again)' }),
  }),
});

builder.mutationFields((t) => ({
  publishNotice: inputMutation(t, 'Notice', PublishNoticeInputRef, {
    description: 'Publishes a notice from a unit to its subtree, to roles in it or to chosen members (ADMIN, or a SECRETARY over the unit)',
    write: (ctx, input) => publishNotice(ctx, input as PublishNoticeInput),
  }),
  withdrawNotice: rowMutation(t, 'Notice', {
    description: 'Withdraws a notice: it stays on view, marked, and its open reminders end (its publisher’s level)',
    write: (ctx, id) => withdrawNotice(ctx, id),
  }),
  markNoticeRead: rowMutation(t, 'NoticeReceipt', {
    description: 'Records that you opened a notice addressed to you (已读); once only, later calls return the same receipt',
    authScopes: { signedIn: true },
    write: (ctx, id) => markNoticeRead(ctx, id),
  }),
  acknowledgeNotice: rowMutation(t, 'NoticeReceipt', {
    description: 'Confirms a notice addressed to you (已确认): a new version of your receipt; your reminders for it are done',
    authScopes: { signedIn: true },
    write: (ctx, id) => acknowledgeNotice(ctx, id),
  }),
  remindNotice: t.field({
    type: ReminderResult,
    description: 'Reminds everyone the notice is for who has not confirmed it, by an inbox item each; at most once a day (its publisher’s level)',
    args: { id: t.arg.id({ required: true }) },
    authScopes: { writer: true },
    resolve: (_r, args, ctx) => remindNotice(ctx, String(args.id)),
  }),
}));

export { NoticeRef };
