// Accounts and their sessions: visible to the account itself and to ADMINs.
import { builder } from '../../../graphql/builder.js';
import { assertSelfOrAdmin } from '../../../shared/access.js';
import { secretaryManages } from '../access.js';
import { RoleEnum } from '../../../graphql/enums.js';
import { defaultPageSize, idConnectionMaxSize } from '../../../graphql/pagination.js';

builder.prismaObject('Account', {
  description: 'A sign-in identity (账号). Password hash and TOTP secret are never exposed.',
  authScopes: async (account, ctx) => {
    if (!(await secretaryManages(ctx, account))) assertSelfOrAdmin(ctx, account.id, 'the details', '详细信息');
    return true;
  },
  fields: (t) => ({
    id: t.exposeID('id'),
    username: t.exposeString('username'),
    displayName: t.exposeString('displayName'),
    role: t.expose('role', { type: RoleEnum }),
    scopeUnitId: t.exposeID('scopeUnitId'),
    scopeUnit: t.relation('scopeUnit', { description: 'The root of the subtree this account sees' }),
    member: t.relation('member', { nullable: true, description: 'The member record of this person, if any' }),
    totpEnabled: t.boolean({ resolve: (a) => a.totpEnabledAt !== null }),
    lastLoginAt: t.expose('lastLoginAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    sessions: t.relatedConnection('sessions', {
      cursor: 'id',
      description: 'Sessions not yet expired or revoked, newest first',
      maxSize: idConnectionMaxSize,
      defaultSize: defaultPageSize,
      query: (_args, ctx) => ({
        where: { revokedAt: null, expiresAt: { gt: ctx.config.now() } },
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      }),
    }),
  }),
});

builder.prismaObject('Session', {
  description: 'A signed-in session (the token itself is only shown at sign-in)',
  authScopes: (session, ctx) => {
    assertSelfOrAdmin(ctx, session.accountId, 'sessions', '会话');
    return true;
  },
  fields: (t) => ({
    id: t.exposeID('id'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime' }),
    lastSeenAt: t.expose('lastSeenAt', { type: 'DateTime', nullable: true }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
    userAgent: t.exposeString('userAgent', { nullable: true }),
    secondFactor: t.boolean({ description: 'Whether a TOTP code completed this session', resolve: (s) => s.secondFactorAt !== null }),
    current: t.boolean({
      description: 'Whether this is the session making the request',
      resolve: (s, _a, ctx) => ctx.principal.kind === 'account' && ctx.principal.sessionId === s.id,
    }),
  }),
});
