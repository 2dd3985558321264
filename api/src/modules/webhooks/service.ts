// A partner key's webhook endpoints: registering (the secret is returned once), rotating the
// secret, pausing and enabling, deleting, and the key's own endpoints and delivery log. Rules on
// what may be subscribed and where it may go: kinds.ts, url-guard.ts.
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { Prisma, WebhookDelivery, WebhookEndpoint, WebhookEvent, WebhookEventKind } from '@lianjian/db';
import { checkPageSize, forwardPage, keyCursor } from '../../graphql/pagination.js';
import type { Context } from '../../shared/context.js';
import { badArgument, conflict, FieldErrors } from '../../shared/errors.js';
import { requireUuid } from '../../shared/ids.js';
import { endpointNotFound, webhookOwner } from './access.js';
import { webhooksConfigFromEnv } from './config.js';
import { endpointLimit, kindOutOfScope, MAX_ENDPOINTS_PER_KEY, urlRefused } from './errors.js';
import { kindAllowed } from './kinds.js';
import { newWebhookSecret } from './signature.js';
import { addressRefusal, checkWebhookUrl } from './url-guard.js';

export interface RegisterWebhookInput {
  url: string;
  kinds: WebhookEventKind[];
  description?: string | null;
}

export interface WithSecret {
  secret: string;
  endpoint: WebhookEndpoint;
}

async function checkUrl(field: string, raw: string): Promise<string> {
  const allowLoopback = webhooksConfigFromEnv().allowLoopback;
  const checked = checkWebhookUrl(raw, allowLoopback);
  if ('refused' in checked) throw urlRefused(field, checked.refused);
  // A name that resolves to a private address now is refused now; one that does not resolve yet is
  // accepted (the partner may still be setting it up): every delivery checks again before connecting.
  const host = new URL(checked.url).hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) === 0) {
    const addresses = await lookup(host, { all: true }).catch(() => []);
    for (const a of addresses) {
      const why = addressRefusal(a.address, allowLoopback);
      if (why) throw urlRefused(field, { en: `resolves to ${why}: webhooks go only to public addresses.`, zh: `解析到内网、回环或保留地址（${a.address}）：推送只发往公网地址。` });
    }
  }
  return checked.url;
}

export async function registerWebhook(ctx: Context, input: RegisterWebhookInput): Promise<WithSecret> {
  const key = webhookOwner(ctx);
  const errs = new FieldErrors();
  const kinds = [...new Set(input.kinds)];
  if (kinds.length === 0) errs.add('input.kinds', 'must name at least one event kind.', '至少订阅一种事件类型。');
  const description = (input.description ?? '').trim();
  if (description.length > 200 || /[\r\n]/.test(description)) errs.add('input.description', 'must be one line of at most 200 characters.', '应为一行，不超过 200 个字符。');
  errs.throwIfAny();
  const outside = kinds.filter((k) => !kindAllowed(k, key.scopes));
  if (outside.length) throw kindOutOfScope(key.name, outside);
  const url = await checkUrl('input.url', input.url);
  if ((await ctx.prisma.webhookEndpoint.count({ where: { apiKeyId: key.apiKeyId } })) >= MAX_ENDPOINTS_PER_KEY) throw endpointLimit();
  const secret = newWebhookSecret();
  // created_at from the database's clock, as the records' are: events are raised for records written after it.
  const endpoint = await ctx.prisma.webhookEndpoint.create({ data: { apiKeyId: key.apiKeyId, url, kinds, description, secret } });
  return { secret, endpoint };
}

async function ownEndpoint(ctx: Context, rawId: string): Promise<WebhookEndpoint> {
  const key = webhookOwner(ctx);
  const id = requireUuid('id', rawId);
  const endpoint = await ctx.prisma.webhookEndpoint.findUnique({ where: { id } });
  if (!endpoint || endpoint.apiKeyId !== key.apiKeyId) throw endpointNotFound(id);
  return endpoint;
}

/** A new secret, effective at once: deliveries from now on (retries too) are signed with it. */
export async function rotateWebhookSecret(ctx: Context, id: string): Promise<WithSecret> {
  const endpoint = await ownEndpoint(ctx, id);
  const secret = newWebhookSecret();
  const now = ctx.config.now();
  return { secret, endpoint: await ctx.prisma.webhookEndpoint.update({ where: { id: endpoint.id }, data: { secret, secretRotatedAt: now } }) };
}

/** Enables a disabled endpoint: its failure count starts again and what waited is sent at once. */
export async function enableWebhook(ctx: Context, id: string): Promise<WebhookEndpoint> {
  const endpoint = await ownEndpoint(ctx, id);
  if (endpoint.status === 'ACTIVE') throw conflict('This webhook endpoint is already enabled.', '该推送端点已处于启用状态。');
  // The dispatcher's schedule runs on the wall clock (dispatcher.ts).
  const now = new Date();
  return ctx.prisma.$transaction(async (tx) => {
    await tx.webhookEvent.updateMany({ where: { endpointId: endpoint.id, status: 'PENDING' }, data: { nextAttemptAt: now, leaseUntil: null } });
    return tx.webhookEndpoint.update({ where: { id: endpoint.id }, data: { status: 'ACTIVE', disabledReason: null, disabledAt: null, consecutiveFailures: 0 } });
  });
}

/** Pauses an endpoint: events are still raised and kept, and sent after it is enabled again. */
export async function disableWebhook(ctx: Context, id: string): Promise<WebhookEndpoint> {
  const endpoint = await ownEndpoint(ctx, id);
  if (endpoint.status === 'DISABLED') throw conflict('This webhook endpoint is already disabled.', '该推送端点已处于停用状态。');
  return ctx.prisma.webhookEndpoint.update({ where: { id: endpoint.id }, data: { status: 'DISABLED', disabledReason: 'PARTNER', disabledAt: ctx.config.now() } });
}

/** Deletes an endpoint with its waiting events and its delivery log. */
export async function deleteWebhook(ctx: Context, id: string): Promise<string> {
  const endpoint = await ownEndpoint(ctx, id);
  await ctx.prisma.webhookEndpoint.delete({ where: { id: endpoint.id } });
  return endpoint.id;
}

export async function listEndpoints(ctx: Context): Promise<WebhookEndpoint[]> {
  const key = webhookOwner(ctx);
  return ctx.prisma.webhookEndpoint.findMany({ where: { apiKeyId: key.apiKeyId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
}

export async function pendingCount(ctx: Context, endpointId: string): Promise<number> {
  return ctx.prisma.webhookEvent.count({ where: { endpointId, status: 'PENDING' } });
}

export type DeliveryRow = WebhookDelivery & { event: WebhookEvent };

export interface DeliveryConnection {
  totalCount: number;
  edges: { cursor: string; node: DeliveryRow }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

const cursor = keyCursor('WebhookDelivery', '\\d{1,19}');

/** The key's delivery log, newest attempt first, for one endpoint or all of them. */
export async function listDeliveries(
  ctx: Context,
  args: { endpointId?: string | null; failedOnly?: boolean | null; first?: number | null; after?: string | null; last?: number | null; before?: string | null },
): Promise<DeliveryConnection> {
  const key = webhookOwner(ctx);
  checkPageSize(args, ctx);
  if (args.last != null || args.before != null) {
    throw badArgument(args.last != null ? 'last' : 'before', 'is not supported here: the delivery log pages forward, newest first, with first/after.', '此列表不支持：推送记录从新到旧排列，请使用 first/after 向后翻页。');
  }
  const after = cursor.decode('after', args.after);
  let where: Prisma.WebhookDeliveryWhereInput = { endpoint: { apiKeyId: key.apiKeyId }, ...(args.failedOnly ? { ok: false } : {}) };
  if (args.endpointId != null) where = { ...where, endpointId: (await ownEndpoint(ctx, args.endpointId)).id };
  const pageWhere: Prisma.WebhookDeliveryWhereInput = after === null ? where : { AND: [where, { id: { lt: BigInt(after) } }] };
  const size = args.first ?? ctx.config.defaultPageSize;
  const [totalCount, rows] = await Promise.all([
    ctx.prisma.webhookDelivery.count({ where }),
    ctx.prisma.webhookDelivery.findMany({ where: pageWhere, include: { event: true }, orderBy: { id: 'desc' }, take: size + 1 }),
  ]);
  return { totalCount, ...forwardPage(rows, size, after, (r: DeliveryRow) => cursor.encode(String(r.id))) };
}
