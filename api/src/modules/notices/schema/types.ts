// The notice and its receipts. What the publisher alone needs (counts, who has not confirmed) is
// answered only to staff over the publishing unit; a reader sees the notice and their own receipt.
import type { Notice } from '@lianjian/db';
import { builder } from '../../../graphql/builder.js';
import { dbEnum, RoleEnum } from '../../../graphql/enums.js';
import { timestamps, unitFields } from '../../../graphql/fields.js';
import { checkPageSize, forwardPage, keyCursor } from '../../../graphql/pagination.js';
import { verifiableObject } from '../../../graphql/verifiable.js';
import type { Context } from '../../../shared/context.js';
import { assertCanSeeNotice, assertCanSeeReceipt, followsUnit } from '../access.js';
import { isAddressedTo } from '../audience.js';
import { notAcknowledged, noticeStats, type NoticeStats, type PendingReader } from '../service.js';
import { AttachmentObject } from '../../attachments/schema/index.js';
import { attachmentsOf } from '../../attachments/service.js';

export const NoticeAudienceEnum = dbEnum('NoticeAudience', 'SUBTREE 本组织及下级全体 / ROLES 指定角色 / MEMBERS 指定党员');

const NoticeStatsRef = builder.objectRef<NoticeStats>('NoticeStats').implement({
  description: 'How many accounts the notice is for, and how many of them have read (已读) and confirmed (已确认) it',
  fields: (t) => ({
    audience: t.exposeInt('audience'),
    read: t.exposeInt('read'),
    acknowledged: t.exposeInt('acknowledged'),
  }),
});

const PendingReaderRef = builder.objectRef<PendingReader>('NoticePendingReader').implement({
  description: 'Someone the notice is for who has not confirmed it yet',
  fields: (t) => ({
    accountId: t.exposeID('accountId'),
    name: t.exposeString('name', { description: 'The account’s display name' }),
    unitName: t.exposeString('unitName', { description: 'Their unit' }),
    readAt: t.expose('readAt', { type: 'DateTime', nullable: true, description: 'When they opened it; null: not yet' }),
  }),
});

const pending = keyCursor('npr', '[0-9a-f-]{36}');

async function unitPathOf(ctx: Context, n: Notice): Promise<string | null> {
  if (!(await followsUnit(ctx, n.orgUnitId))) return null;
  return (await ctx.loaders.orgUnit.load(n.orgUnitId))!.path;
}

export const NoticeRef = verifiableObject('Notice', assertCanSeeNotice, {
  description: 'A notice (通知公告 / 党务公开) a unit published to its subtree, to roles in it or to chosen members',
  fields: (t) => ({
    ...unitFields(t, 'The publishing unit'),
    unitName: t.string({
      description: 'The publishing unit’s name: part of the notice, so its readers see it even where the unit itself is above what they may open',
      resolve: async (n, _a, ctx) => (await ctx.loaders.orgUnit.load(n.orgUnitId))?.name ?? '',
    }),
    title: t.exposeString('title'),
    body: t.exposeString('body'),
    audience: t.expose('audience', { type: NoticeAudienceEnum }),
    roles: t.field({ type: [RoleEnum], description: 'For ROLES: the roles it is for', resolve: (n) => n.roles }),
    memberCount: t.int({ description: 'For MEMBERS: how many members were chosen', resolve: (n) => n.memberIds.length }),
    decision: t.relation('decision', { nullable: true, description: 'The decision it makes public (党务公开), if any' }),
    attachments: t.field({ type: [AttachmentObject], description: 'Files attached (the record’s document holds their hashes); empty when none', resolve: (n) => attachmentsOf(n.attachments) }),
    publishedAt: t.expose('publishedAt', { type: 'DateTime' }),
    remindedAt: t.expose('remindedAt', { type: 'DateTime', nullable: true, description: 'Last reminder to those who had not confirmed' }),
    withdrawnAt: t.expose('withdrawnAt', { type: 'DateTime', nullable: true, description: 'Set when its publisher withdrew it' }),
    addressedToMe: t.boolean({
      description: 'Whether the notice is addressed to you (then you read and confirm it); staff over the publishing unit may see others',
      resolve: async (n, _a, ctx) => ctx.principal.kind === 'account' && isAddressedTo(n, (await ctx.loaders.orgUnit.load(n.orgUnitId))?.path ?? '\u0000', ctx.principal),
    }),
    myReceipt: t.prismaField({
      type: 'NoticeReceipt',
      nullable: true,
      description: 'Your receipt: null until you open the notice',
      resolve: (q, n, _a, ctx) => (ctx.principal.kind === 'account' ? ctx.prisma.noticeReceipt.findUnique({ ...q, where: { noticeId_accountId: { noticeId: n.id, accountId: ctx.principal.accountId } } }) : null),
    }),
    stats: t.field({
      type: NoticeStatsRef,
      nullable: true,
      description: 'Audience, read and confirmed counts: for staff over the publishing unit (null for others)',
      resolve: async (n, _a, ctx) => {
        const path = await unitPathOf(ctx, n);
        return path === null ? null : noticeStats(ctx, n, path);
      },
    }),
    notAcknowledged: t.connection({
      type: PendingReaderRef,
      description: 'Who has not confirmed yet, by account: for staff over the publishing unit (empty for others)',
      resolve: async (n, args, ctx) => {
        checkPageSize(args, ctx);
        const path = await unitPathOf(ctx, n);
        const size = args.first ?? ctx.config.defaultPageSize;
        const rows = path === null ? [] : await notAcknowledged(ctx, n, path, size + 1, pending.decode('after', args.after));
        return forwardPage(rows, size, args.after, (node) => pending.encode(node.accountId));
      },
    }),
    ...timestamps(t),
  }),
});

verifiableObject('NoticeReceipt', assertCanSeeReceipt, {
  description: 'A reader’s receipt of a notice: read (已读) when first opened, then confirmed (已确认) — each a version of this record',
  fields: (t) => ({
    ...unitFields(t, 'The reader’s unit'),
    noticeId: t.exposeID('noticeId'),
    accountId: t.exposeID('accountId'),
    readAt: t.expose('readAt', { type: 'DateTime' }),
    acknowledgedAt: t.expose('acknowledgedAt', { type: 'DateTime', nullable: true }),
    ...timestamps(t),
  }),
});
