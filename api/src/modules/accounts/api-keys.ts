// Partner API keys: issuing (the secret is returned once, only its hash is stored) and revoking.
import type { Prisma } from '@lianjian/db';
import { PARTNER_SCOPES } from '../../graphql/scopes.js';
import type { Context } from '../../shared/context.js';
import { conflict, FieldErrors, notFound } from '../../shared/errors.js';
import { requireUuid } from '../../shared/ids.js';
import { newApiKey } from '../auth/tokens.js';

export interface ApiKeyInput {
  name: string;
  scopes: string[];
  unitId: string;
  expiresAt?: Date | null | undefined;
}

export async function createApiKey(ctx: Context, input: ApiKeyInput): Promise<{ key: string; id: string }> {
  const errs = new FieldErrors();
  const name = input.name.trim();
  if (!name || name.length > 100) errs.add('input.name', 'must be 1 to 100 characters.', '长度应为 1 到 100 个字符。');
  const scopes = [...new Set(input.scopes.map((s) => s.trim()))];
  if (scopes.length === 0) errs.add('input.scopes', 'must name at least one scope.', '至少需要一个权限。');
  const unknown = scopes.filter((s) => !PARTNER_SCOPES.includes(s));
  if (unknown.length > 0) {
    errs.add(
      'input.scopes',
      `has unknown scopes ${unknown.join(', ')}; use "<Type>:read" for a verifiable type, "Analytics:read" or "Member:contact".`,
      `包含未知权限 ${unknown.join('、')}；请使用 "<类型>:read"、"Analytics:read" 或 "Member:contact"。`,
    );
  }
  if (input.expiresAt && input.expiresAt <= ctx.config.now()) errs.add('input.expiresAt', 'must be in the future.', '应晚于当前时间。');
  const unitId = requireUuid('input.unitId', input.unitId);
  errs.throwIfAny();
  const unit = await ctx.prisma.orgUnit.findUnique({ where: { id: unitId } });
  if (!unit) throw notFound('Org unit', '组织', unitId);
  const { key, prefix, hash } = newApiKey();
  const row = await ctx.prisma.apiKey.create({
    data: {
      name,
      prefix,
      keyHash: hash,
      scopes,
      unitId,
      createdById: ctx.principal.kind === 'account' ? ctx.principal.accountId : null,
      createdAt: ctx.config.now(),
      expiresAt: input.expiresAt ?? null,
    },
  });
  return { key, id: row.id };
}

export async function revokeApiKey<Q extends Omit<Prisma.ApiKeyFindUniqueArgs, 'where'>>(ctx: Context, rawId: string, query?: Q) {
  const id = requireUuid('id', rawId);
  const key = await ctx.prisma.apiKey.findUnique({ where: { id } });
  if (!key) throw notFound('API key', 'API 密钥', id);
  if (key.revokedAt) throw conflict('This API key is already revoked.', '该 API 密钥已被撤销。');
  return ctx.prisma.apiKey.update({ ...(query ?? {}), where: { id }, data: { revokedAt: ctx.config.now() } });
}
