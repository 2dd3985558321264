// The scope loaders behind builder.ts's AuthScopes, the error a failed check becomes, and the one
// list of scopes a partner key can hold, which the checks and createApiKey both answer to.
import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import type { Role } from '@lianjian/db';
import { AuthScopeFailureType, type AuthFailure, type ForbiddenResult } from '@pothos/plugin-scope-auth';
import type { Context } from '../shared/context.js';
import { forbidden, unauthenticated } from '../shared/errors.js';
import { VERIFIABLE_TYPES } from '../shared/records/types.js';
import { describePrincipal, partnerScope, STAFF_ROLES, WRITER_ROLES } from '../shared/principal.js';

/**
 * Every scope a partner key can be granted: reading each verifiable type ("<Type>:read", what
 * `read` and the record rules ask for) and the named scopes some field checks with `partner`.
 * A `partner` check naming a scope outside it fails loudly (below); auth/scopes.test.ts holds every
 * check written in the source to it.
 */
export const PARTNER_SCOPES: readonly string[] = [...VERIFIABLE_TYPES.map((t) => partnerScope(t)), 'Analytics:read', 'Member:contact', 'Mirror:read'];
const GRANTABLE = new Set(PARTNER_SCOPES);

/** A check asked for a scope no key can hold: a bug in the schema, never the caller's fault (an internal error). */
class UngrantableScope extends Error {
  constructor(scope: string) {
    super(`The schema checks the partner scope "${scope}", which no API key can be granted: add it to PARTNER_SCOPES (auth/scopes.ts).`);
  }
}

function grantable(scope: string): string {
  if (!GRANTABLE.has(scope)) throw new UngrantableScope(scope);
  return scope;
}

export function scopeLoaders(ctx: Context) {
  const p = ctx.principal;
  const account = p.kind === 'account' ? p : null;
  return {
    signedIn: account !== null,
    staff: account !== null && STAFF_ROLES.includes(account.role),
    writer: account !== null && WRITER_ROLES.includes(account.role),
    admin: account?.role === 'ADMIN',
    role: (role: Role) => account?.role === role,
    // Not held to PARTNER_SCOPES at run time: history(type: …) passes the caller's own argument.
    read: (type: string) => account !== null || (p.kind === 'partner' && p.scopes.has(partnerScope(type))),
    partner: (scope: string) => p.kind === 'partner' && p.scopes.has(grantable(scope)),
  };
}

const NEEDS: Record<string, (param: unknown) => [string, string]> = {
  signedIn: () => ['a signed-in account', '已登录的账号'],
  staff: () => ['an ADMIN, LEADER or SECRETARY account', '管理员、领导或书记账号'],
  writer: () => ['an ADMIN or SECRETARY account', '管理员或书记账号'],
  admin: () => ['an ADMIN account', '管理员账号'],
  role: (r) => [`a ${String(r)} account`, `${String(r)} 角色账号`],
  read: (t) => [`a signed-in account or an API key with scope "${partnerScope(String(t))}"`, `已登录账号或具有 "${partnerScope(String(t))}" 权限的 API 密钥`],
  partner: (s) => [`an API key with scope "${String(s)}"`, `具有 "${String(s)}" 权限的 API 密钥`],
};

function leaves(f: AuthFailure): AuthFailure[] {
  if (f.kind === AuthScopeFailureType.AnyAuthScopes || f.kind === AuthScopeFailureType.AllAuthScopes) return f.failures.flatMap(leaves);
  return [f];
}

export function unauthorizedError(_parent: unknown, ctx: Context, info: GraphQLResolveInfo, result: ForbiddenResult): Error {
  const all = leaves(result.failure);
  // A scope function that threw our own error (a row-level denial) already says it best.
  for (const f of all) {
    if ('error' in f && f.error instanceof GraphQLError) return f.error;
  }
  const p = ctx.principal;
  if (p.kind === 'anonymous') {
    return p.refused ? unauthenticated(p.refused.message, p.refused.messageZh) : unauthenticated();
  }
  const needs = all.flatMap((f) => (f.kind === AuthScopeFailureType.AuthScope && NEEDS[f.scope] ? [NEEDS[f.scope]!(f.parameter)] : []));
  const field = `${info.parentType.name}.${info.fieldName}`;
  const en = needs.map((n) => n[0]).join(' or ') || 'a permission you do not hold';
  const zh = needs.map((n) => n[1]).join('或') || '您不具备的权限';
  return forbidden(`${describePrincipal(p)} may not use ${field}: it needs ${en}.`, `${describePrincipal(p)} 无权访问 ${field}：需要${zh}。`, {
    field,
  });
}
