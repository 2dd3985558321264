// Who reports and who reads mirror reports. A mirror reports with its own key (scope
// "Mirror:read", checked by authScopes) and only about itself: the mutation names no key, so there
// is no other key's row to write. The list is for ADMIN, who issues and revokes the keys.
import type { Context } from '../../shared/context.js';
import { forbidden } from '../../shared/errors.js';
import type { PartnerPrincipal } from '../../shared/principal.js';

export function reportingKey(ctx: Context): PartnerPrincipal {
  const p = ctx.principal;
  if (p.kind !== 'partner') {
    throw forbidden(
      'A mirror reports its state with its own API key (scope "Mirror:read"), not with a signed-in account.',
      '镜像须使用自身的 API 密钥（权限 "Mirror:read"）报告状态，不能使用登录账号。',
    );
  }
  return p;
}
