// Partner API keys (ADMIN only): scoped per type ("Member:read"), bound to a unit subtree,
// shown once at creation, stored as a hash with a clear prefix for lookup, revocable.
import { builder } from '../../../graphql/builder.js';
import { scopedConnection } from '../../../graphql/rows.js';
import type { Context } from '../../../shared/context.js';
import { forbidden, unauthenticated } from '../../../shared/errors.js';
import { createApiKey, revokeApiKey } from '../api-keys.js';
import { describePrincipal } from '../../../shared/principal.js';
import { PARTNER_SCOPES } from '../../../graphql/scopes.js';

function assertAdminOrSelfKey(ctx: Context, keyId: string): void {
  const p = ctx.principal;
  if (p.kind === 'anonymous') throw p.refused ? unauthenticated(p.refused.message, p.refused.messageZh) : unauthenticated();
  if ((p.kind === 'account' && p.role === 'ADMIN') || (p.kind === 'partner' && p.apiKeyId === keyId)) return;
  throw forbidden(`${describePrincipal(p)} may not see API keys: that needs an ADMIN account.`, `${describePrincipal(p)} 无权查看 API 密钥：需要管理员账号。`);
}

builder.prismaObject('ApiKey', {
  description: 'A partner system\'s key (合作方 API 密钥). The secret is shown only once, at creation.',
  authScopes: (key, ctx) => {
    assertAdminOrSelfKey(ctx, key.id);
    return true;
  },
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    prefix: t.exposeString('prefix', { description: 'Identifies the key in logs: ljk_<prefix>_…' }),
    scopes: t.exposeStringList('scopes'),
    unitId: t.exposeID('unitId'),
    unit: t.relation('unit', { description: 'The key sees this unit\'s subtree' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true, description: 'Updated at most once a minute' }),
  }),
});

const CreateApiKeyInput = builder.inputType('CreateApiKeyInput', {
  fields: (t) => ({
    name: t.string({ required: true, description: 'Who the key is for' }),
    scopes: t.stringList({ required: true, description: 'e.g. ["Member:read", "OrgUnit:read"]' }),
    unitId: t.id({ required: true, description: 'The key may only see this unit\'s subtree' }),
    expiresAt: t.field({ type: 'DateTime' }),
  }),
});

const CreatedApiKey = builder.objectRef<{ key: string; id: string }>('CreatedApiKey').implement({
  fields: (t) => ({
    key: t.exposeString('key', { description: 'The secret: send it as "X-Api-Key". Shown only now — store it safely.' }),
    apiKey: t.prismaField({ type: 'ApiKey', resolve: (query, r, _a, ctx) => ctx.prisma.apiKey.findUniqueOrThrow({ ...query, where: { id: r.id } }) }),
  }),
});

builder.queryField('apiKeys', (t) =>
  t.prismaConnection({
    type: 'ApiKey',
    description: 'All partner keys, newest first (ADMIN)',
    args: { includeRevoked: t.arg.boolean({ defaultValue: false }) },
    authScopes: { admin: true },
    ...scopedConnection('ApiKey', (_ctx, args: { includeRevoked?: boolean | null }) => (args.includeRevoked ? {} : { revokedAt: null }), [{ createdAt: 'desc' }, { id: 'asc' }]),
  }),
);

builder.queryField('partnerScopes', (t) =>
  t.stringList({
    description: 'Every scope a partner key can be granted (ADMIN), the list createApiKey accepts',
    authScopes: { admin: true },
    resolve: () => [...PARTNER_SCOPES],
  }),
);

builder.mutationFields((t) => ({
  createApiKey: t.field({
    type: CreatedApiKey,
    description: 'Issues a partner key (ADMIN). The response is the only time the secret is shown.',
    args: { input: t.arg({ type: CreateApiKeyInput, required: true }) },
    authScopes: { admin: true },
    resolve: (_r, { input }, ctx) => createApiKey(ctx, input),
  }),
  revokeApiKey: t.prismaField({
    type: 'ApiKey',
    description: 'Revokes a partner key (ADMIN); it stops working at once',
    args: { id: t.arg.id({ required: true }) },
    authScopes: { admin: true },
    resolve: (query, _r, args, ctx) => revokeApiKey(ctx, args.id, query),
  }),
}));
