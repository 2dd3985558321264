// Notice lists: the notices addressed to you (a reader's), and those published in a subtree (the
// publishers' and their levels'), newest first; your unread count for the navigation.
import { builder } from '../../../graphql/builder.js';
import { byIdField, listField, subtreeList, subtreeWhere } from '../../../graphql/rows.js';
import type { Context } from '../../../shared/context.js';
import { forbidden, unauthenticated } from '../../../shared/errors.js';
import type { AccountPrincipal } from '../../../shared/principal.js';
import { assertCanSeeNotice } from '../access.js';
import { addressedTo } from '../audience.js';

function account(ctx: Context): AccountPrincipal {
  const p = ctx.principal;
  if (p.kind === 'anonymous') throw unauthenticated();
  if (p.kind !== 'account') throw forbidden(`API key "${p.name}" has no notices of its own: list a unit’s notices with notices(under:).`, `API 密钥 "${p.name}" 没有自己的通知：请用 notices(under:) 查询组织发布的通知。`);
  return p;
}

builder.queryFields((t) => ({
  notice: byIdField(t, 'Notice', { what: ['Notice', '通知'], description: 'One notice: addressed to you, or published in your subtree (staff)', check: assertCanSeeNotice }),
  myNotices: listField(t, 'Notice', {
    description: 'The notices addressed to you, newest first; `unread: true` only those you have not opened (withdrawn ones excluded)',
    args: { unread: t.arg.boolean() },
    authScopes: { signedIn: true },
    where: (ctx, args) => {
      const p = account(ctx);
      return { ...addressedTo(p), ...(args.unread ? { withdrawnAt: null, receipts: { none: { accountId: p.accountId } } } : {}) };
    },
    orderBy: [{ publishedAt: 'desc' }, { id: 'asc' }],
  }),
  notices: subtreeList(t, 'Notice', {
    description: 'Notices published by the units of a subtree (staff, or an API key with "Notice:read"), newest first',
    authScopes: { $any: { staff: true, partner: 'Notice:read' } },
    where: (ctx, args) => subtreeWhere(ctx, args.under),
    orderBy: [{ publishedAt: 'desc' }, { id: 'asc' }],
  }),
  unreadNoticeCount: t.int({
    description: 'How many notices addressed to you you have not opened (withdrawn ones excluded)',
    authScopes: { signedIn: true },
    resolve: (_r, _a, ctx) => {
      const p = account(ctx);
      return ctx.prisma.notice.count({ where: { ...addressedTo(p), withdrawnAt: null, receipts: { none: { accountId: p.accountId } } } });
    },
  }),
}));
