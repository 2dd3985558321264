// Who may read the mirror feed: an API key holding "Mirror:read", and only its own unit's
// subtree — the feed takes no unit argument, so there is nothing to widen.
import { scopeLoaders } from '../../graphql/scopes.js';
import type { Context } from '../../shared/context.js';
import { forbidden, unauthenticated } from '../../shared/errors.js';
import { describePrincipal } from '../../shared/principal.js';

export const MIRROR_SCOPE = 'Mirror:read';

/** The subtree (unit path) the caller's key covers; the scope itself is checked by authScopes. */
export function feedRoot(ctx: Context): { unitId: string; unitPath: string } {
  const p = ctx.principal;
  if (p.kind !== 'partner') {
    throw forbidden('The mirror feed is read with a level\'s API key (scope "Mirror:read"), not a session.', '镜像数据流须使用本层级具有 "Mirror:read" 权限的 API 密钥读取，不能使用登录会话。');
  }
  return { unitId: p.unitId, unitPath: p.unitPath };
}

/**
 * GET /mirror-feed's check (http.ts), the field's rule outside GraphQL: no valid credentials is
 * UNAUTHENTICATED (with the reason a refused key or session carries), a caller without the scope is
 * FORBIDDEN — the same scope loader the field's `authScopes: { partner: MIRROR_SCOPE }` runs — and
 * then the subtree is the key's own, as for the field.
 */
export function feedReader(ctx: Context): { unitId: string; unitPath: string } {
  const p = ctx.principal;
  if (p.kind === 'anonymous') throw p.refused ? unauthenticated(p.refused.message, p.refused.messageZh) : unauthenticated();
  if (!scopeLoaders(ctx).partner(MIRROR_SCOPE)) {
    throw forbidden(
      `${describePrincipal(p)} may not read the mirror feed (GET /mirror-feed, Query.mirrorFeed): it needs an API key with scope "${MIRROR_SCOPE}".`,
      `${describePrincipal(p)} 无权读取镜像数据流（GET /mirror-feed、Query.mirrorFeed）：需要具有 "${MIRROR_SCOPE}" 权限的 API 密钥。`,
      { field: 'Query.mirrorFeed' },
    );
  }
  return feedRoot(ctx);
}
