// Who may read the mirror feed: an API key holding "Mirror:read", and only its own unit's
// subtree — the feed takes no unit argument, so there is nothing to widen.
import type { Context } from '../../shared/context.js';
import { forbidden } from '../../shared/errors.js';

export const MIRROR_SCOPE = 'Mirror:read';

/** The subtree (unit path) the caller's key covers; the scope itself is checked by authScopes. */
export function feedRoot(ctx: Context): { unitId: string; unitPath: string } {
  const p = ctx.principal;
  if (p.kind !== 'partner') {
    throw forbidden('The mirror feed is read with a level\'s API key (scope "Mirror:read"), not a session.', '镜像数据流须使用本层级具有 "Mirror:read" 权限的 API 密钥读取，不能使用登录会话。');
  }
  return { unitId: p.unitId, unitPath: p.unitPath };
}
