// Ending sessions: signing out (the session making the request) and revoking one of your sessions
// (an ADMIN: anyone's). A revoked token stops working at once (authenticate.ts reads revokedAt).
import type { Prisma } from '@lianjian/db';
import { assertSelfOrAdmin } from '../../shared/access.js';
import type { Context } from '../../shared/context.js';
import { conflict, notFound } from '../../shared/errors.js';
import { requireUuid } from '../../shared/ids.js';

export async function signOut(ctx: Context): Promise<boolean> {
  if (ctx.principal.kind !== 'account') return false;
  await ctx.prisma.session.update({ where: { id: ctx.principal.sessionId }, data: { revokedAt: ctx.config.now() } });
  return true;
}

export async function revokeSession<Q extends Omit<Prisma.SessionFindUniqueArgs, 'where'>>(ctx: Context, rawId: string, query?: Q) {
  const id = requireUuid('id', rawId);
  const session = await ctx.prisma.session.findUnique({ where: { id } });
  if (!session) throw notFound('Session', '会话', id);
  assertSelfOrAdmin(ctx, session.accountId, 'sessions', '会话');
  if (session.revokedAt) throw conflict('This session is already revoked.', '该会话已被撤销。');
  return ctx.prisma.session.update({ ...(query ?? {}), where: { id }, data: { revokedAt: ctx.config.now() } });
}
