// Whose webhooks: an endpoint belongs to the partner key that registered it, and only that key
// sees or changes it. Accounts have none (people get reminders in their inbox instead); an
// endpoint of another key is "not found", like an id never used.
import type { Context } from '../../shared/context.js';
import { forbidden, notFound, unauthenticated } from '../../shared/errors.js';
import type { PartnerPrincipal } from '../../shared/principal.js';

export function webhookOwner(ctx: Context): PartnerPrincipal {
  const p = ctx.principal;
  if (p.kind === 'anonymous') throw p.refused ? unauthenticated(p.refused.message, p.refused.messageZh) : unauthenticated();
  if (p.kind === 'account') {
    throw forbidden(
      'Webhooks belong to partner systems: call this with the partner’s API key (X-Api-Key), not a signed-in account.',
      'Webhook 推送属于合作方系统：请使用合作方的 API 密钥（X-Api-Key）调用，而非登录账号。',
    );
  }
  return p;
}

export const endpointNotFound = (id: string) => notFound('Webhook endpoint', '推送端点', id);
