// Sending the webhook outbox, and the loop that runs scans and sends in the API process (started
// by start-api.ts like the inbox schedule; LIANJIAN_WEBHOOKS_MS, config.ts).
//
// A run claims due events with a short lease (FOR UPDATE SKIP LOCKED, so replicas never send the
// same event at once), sends each endpoint's events one after another in the order they were
// raised, and stops an endpoint's turn at its first failure (the rest wait for the next run rather
// than hammering a receiver that is down). A failed event is retried after retryBaseMs · 2^(n−1)
// (at most maxRetryMs) until maxAttempts; an endpoint whose attempts fail disableAfter times in a
// row is disabled until its partner enables it again. Every attempt is a row of the delivery log.
//
// The loop uses its own small connection pool: its periodic statements never queue behind, or
// take a slot from, the API's requests.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { performance } from 'node:perf_hooks';
import { createPrisma, type PrismaClient, type WebhookEvent } from '@lianjian/db';
import type { ApiConfig } from '../../shared/config.js';
import { webhooksConfigFromEnv, type WebhooksConfig } from './config.js';
import { liveEndpoints, scanAnchors, scanRecords } from './outbox.js';
import { EVENT_ID_HEADER, EVENT_KIND_HEADER, SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from './signature.js';
import { guardedLookup } from './url-guard.js';

const CLAIM = 100;
const PARALLEL_ENDPOINTS = 8;

/** The JSON body of an event: the same bytes at every attempt. */
export function payloadOf(e: Pick<WebhookEvent, 'id' | 'kind' | 'occurredAt' | 'entityType' | 'entityId' | 'version' | 'orgUnitId' | 'detail'>): string {
  const detail = e.detail && typeof e.detail === 'object' && !Array.isArray(e.detail) ? e.detail : {};
  return JSON.stringify({
    id: e.id,
    kind: e.kind,
    occurredAt: e.occurredAt.toISOString(),
    record: { type: e.entityType, id: e.entityId, version: e.version },
    unitId: e.orgUnitId,
    ...detail,
  });
}

export interface Attempt {
  ok: boolean;
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
}

/** POSTs one signed body; never throws (a failure is an Attempt with ok false). */
export function post(url: string, headers: Record<string, string>, body: string, cfg: Pick<WebhooksConfig, 'timeoutMs' | 'allowLoopback'>): Promise<Attempt> {
  const started = performance.now();
  const done = (statusCode: number | null, error: string | null): Attempt => ({
    ok: statusCode !== null && statusCode >= 200 && statusCode < 300,
    statusCode,
    latencyMs: Math.round(performance.now() - started),
    error,
  });
  return new Promise((resolve) => {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      resolve(done(null, 'the stored URL does not parse'));
      return;
    }
    const send = u.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(
      u,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'Lianjian-Webhooks/1', ...headers },
        lookup: guardedLookup(cfg.allowLoopback) as never,
        timeout: cfg.timeoutMs,
      },
      (res: IncomingMessage) => {
        // Only the status counts; the body is read (up to 4 KB) and dropped so the socket is freed.
        let seen = 0;
        res.on('data', (chunk: Buffer) => {
          seen += chunk.length;
          if (seen > 4096) res.destroy();
        });
        res.on('end', () => resolve(done(res.statusCode ?? null, res.statusCode && res.statusCode < 300 ? null : `HTTP ${res.statusCode}`)));
        res.on('close', () => resolve(done(res.statusCode ?? null, res.statusCode && res.statusCode < 300 ? null : `HTTP ${res.statusCode}`)));
        res.on('error', () => resolve(done(res.statusCode ?? null, `HTTP ${res.statusCode}`)));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${cfg.timeoutMs} ms`)));
    req.on('error', (err: NodeJS.ErrnoException) => resolve(done(null, (err.code && err.code !== 'EWEBHOOKBLOCKED' ? `${err.code}: ` : '') + err.message)));
    req.end(body);
  });
}

export function retryDelayMs(attempts: number, cfg: Pick<WebhooksConfig, 'retryBaseMs' | 'maxRetryMs'>): number {
  return Math.min(cfg.maxRetryMs, cfg.retryBaseMs * 2 ** Math.max(0, attempts - 1));
}

export interface DeliverResult {
  attempted: number;
  delivered: number;
  /** A full claim: more may be due now. */
  more: boolean;
}

/** Sends what is due now. */
export async function deliverDue(prisma: PrismaClient, cfg: WebhooksConfig, keysAt: Date): Promise<DeliverResult> {
  // Retries, leases and the log run on the wall clock (a receiver's outage is real time); whether a
  // key has expired is judged by the API's clock, as when the key calls (tests move that one).
  const clock = () => new Date();
  const now = clock();
  const leaseUntil = new Date(now.getTime() + cfg.timeoutMs * 2 + 5000);
  const claimed = await prisma.$queryRaw<{ id: string }[]>`
    UPDATE webhook_event e SET lease_until = ${leaseUntil}
      FROM (SELECT e.id FROM webhook_event e
              JOIN webhook_endpoint w ON w.id = e.endpoint_id
              JOIN api_key k ON k.id = w.api_key_id
             WHERE e.status = 'PENDING' AND e.next_attempt_at <= ${now} AND (e.lease_until IS NULL OR e.lease_until < ${now})
               AND w.status = 'ACTIVE' AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > ${keysAt})
             ORDER BY e.next_attempt_at, e.created_at, e.record_id
             LIMIT ${CLAIM} FOR UPDATE OF e SKIP LOCKED) c
     WHERE e.id = c.id
    RETURNING e.id::text`;
  if (claimed.length === 0) return { attempted: 0, delivered: 0, more: false };
  const events = await prisma.webhookEvent.findMany({ where: { id: { in: claimed.map((c) => c.id) } }, orderBy: [{ createdAt: 'asc' }, { recordId: 'asc' }, { kind: 'asc' }] });
  const endpoints = new Map((await prisma.webhookEndpoint.findMany({ where: { id: { in: [...new Set(events.map((e) => e.endpointId))] } } })).map((w) => [w.id, w]));
  const byEndpoint = new Map<string, WebhookEvent[]>();
  for (const e of events) byEndpoint.set(e.endpointId, [...(byEndpoint.get(e.endpointId) ?? []), e]);
  let attempted = 0;
  let delivered = 0;
  const queue = [...byEndpoint.entries()];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [endpointId, list] = next;
      const endpoint = endpoints.get(endpointId);
      for (let i = 0; i < list.length; i++) {
        const e = list[i]!;
        if (!endpoint) break;
        const body = payloadOf(e);
        // The receiver checks the timestamp against its own clock: the real time, not the API's (tests move theirs).
        const ts = Math.floor(Date.now() / 1000);
        const attempt = e.attempts + 1;
        const result = await post(endpoint.url, {
          [EVENT_ID_HEADER]: e.id,
          [EVENT_KIND_HEADER]: e.kind,
          'x-lianjian-attempt': String(attempt),
          [TIMESTAMP_HEADER]: String(ts),
          [SIGNATURE_HEADER]: signWebhook(endpoint.secret, ts, body),
        }, body, cfg);
        attempted++;
        const at = clock();
        try {
          await record(prisma, cfg, e, attempt, at, result);
        } catch (err) {
          // The partner deleted the endpoint while its event was on the way: nothing is left to log.
          if (isGone(err)) break;
          throw err;
        }
        if (result.ok) {
          delivered++;
          continue;
        }
        // This endpoint's turn ends at its first failure: release the rest unattempted.
        const rest = list.slice(i + 1).map((x) => x.id);
        if (rest.length) await prisma.webhookEvent.updateMany({ where: { id: { in: rest } }, data: { leaseUntil: null } });
        break;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_ENDPOINTS, queue.length) }, worker));
  return { attempted, delivered, more: claimed.length === CLAIM };
}

/** Prisma's "record to update not found" or a foreign key to a deleted row. */
function isGone(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'P2025' || code === 'P2003';
}

async function record(prisma: PrismaClient, cfg: WebhooksConfig, e: WebhookEvent, attempt: number, at: Date, r: Attempt): Promise<void> {
  const log = { eventId: e.id, endpointId: e.endpointId, attempt, at, ok: r.ok, statusCode: r.statusCode, latencyMs: r.latencyMs, error: r.error?.slice(0, 500) ?? null };
  await prisma.$transaction(async (tx) => {
    await tx.webhookDelivery.create({ data: log });
    if (r.ok) {
      await tx.webhookEvent.update({ where: { id: e.id }, data: { status: 'DELIVERED', attempts: attempt, deliveredAt: at, leaseUntil: null } });
      await tx.webhookEndpoint.update({ where: { id: e.endpointId }, data: { consecutiveFailures: 0, lastSuccessAt: at } });
      return;
    }
    const gaveUp = attempt >= cfg.maxAttempts;
    await tx.webhookEvent.update({
      where: { id: e.id },
      data: { status: gaveUp ? 'FAILED' : 'PENDING', attempts: attempt, leaseUntil: null, nextAttemptAt: new Date(at.getTime() + retryDelayMs(attempt, cfg)) },
    });
    const w = await tx.webhookEndpoint.update({ where: { id: e.endpointId }, data: { consecutiveFailures: { increment: 1 }, lastFailureAt: at } });
    if (w.consecutiveFailures >= cfg.disableAfter && w.status === 'ACTIVE') {
      await tx.webhookEndpoint.update({ where: { id: w.id }, data: { status: 'DISABLED', disabledReason: 'FAILURES', disabledAt: at } });
    }
  });
}

export interface WebhookDispatcher {
  /** Scans the log and sends what is due now (after any run in progress). */
  runNow(): Promise<void>;
  /** Stops the timer, waits for a run in progress, and closes the dispatcher's connections. */
  stop(): Promise<void>;
}

/**
 * Starts the loop: every cfg.intervalMs (sooner while a run leaves work behind) the two scans
 * fill the outbox and what is due is sent.
 */
export function startWebhookDispatcher(databaseUrl: string, config: Pick<ApiConfig, 'now'>, cfg: WebhooksConfig, opts: { onError?: (err: unknown) => void } = {}): WebhookDispatcher {
  const intervalMs = cfg.intervalMs;
  if (intervalMs === null || !(intervalMs > 0)) throw new RangeError('the webhook dispatcher needs a positive interval');
  const prisma = createPrisma(databaseUrl, { max: 2 });
  const onError = opts.onError ?? ((err: unknown) => process.stderr.write(`webhook dispatcher run failed: ${err instanceof Error ? err.message : String(err)}\n`));
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  const once = async (): Promise<boolean> => {
    const now = config.now();
    // One statement a run while no partner has an endpoint (every test API runs this loop).
    const live = await liveEndpoints(prisma, now);
    const records = await scanRecords(prisma, now, live);
    const anchors = await scanAnchors(prisma, now, live);
    if (live.length === 0) return records.more || anchors.more;
    const sent = await deliverDue(prisma, cfg, now);
    return records.more || anchors.more || sent.more;
  };
  const run = (): Promise<boolean> => {
    const next = running.then(once);
    // `running` only orders runs; a failed run is reported through `next` (tick's handler). Left
    // rejected, it would be an unhandled rejection until the next run, and Node stops the process
    // on one (the API died on a database without the webhook tables).
    running = next.then(
      () => undefined,
      () => undefined,
    );
    return next;
  };
  const tick = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      timer = null;
      run().then(
        (more) => tick(more ? 0 : intervalMs),
        (err: unknown) => {
          if (!stopped) onError(err);
          tick(intervalMs);
        },
      );
    }, delay);
    timer.unref();
  };
  tick(intervalMs);
  return {
    async runNow() {
      await run();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running.catch(() => undefined);
      await prisma.$disconnect();
    },
  };
}

/** The dispatcher as the environment asks for it (config.ts), or null when LIANJIAN_WEBHOOKS_MS is 0. */
export function startWebhooksFromEnv(databaseUrl: string, config: Pick<ApiConfig, 'now'>): WebhookDispatcher | null {
  const cfg = webhooksConfigFromEnv();
  return cfg.intervalMs === null ? null : startWebhookDispatcher(databaseUrl, config, cfg);
}
