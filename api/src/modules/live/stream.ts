// GET /events: live updates as Server-Sent Events. The caller authenticates exactly as for
// /graphql (authenticate() on the same headers: a session token or an API key), and is checked
// again every minute while the stream is open, so a revoked or expired session stops hearing
// within a minute, as its next query would be refused. Events are invalidations (targets.ts): the
// page refetches through GraphQL, so scoping stays in the resolvers.
//
// One LISTEN connection per process fans out to every stream (listener.ts). Limits: a few streams
// per principal (tabs), a ceiling per process; a stream whose client stops reading is dropped
// rather than buffered; heartbeats keep proxies from closing an idle stream and find dead clients.
import type { PrismaClient } from '@lianjian/db';
import type { GraphQLError } from 'graphql';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { authenticate, credentialsFromHeaders } from '../auth/authenticate.js';
import type { ApiConfig } from '../../shared/config.js';
import type { Principal } from '../../shared/principal.js';
import { liveUnavailable, notSignedIn, streamsFull, tooManyStreams } from './errors.js';
import { createListener, type Change, type Listener } from './listener.js';
import { eventsFor, type LiveEvent, type Target } from './targets.js';

export interface LiveOptions {
  prisma: PrismaClient;
  config: ApiConfig;
  /** The database to LISTEN on; null: /events answers 503 (live updates off). */
  databaseUrl: string | null;
  /** Streams one account or API key may hold open at once (default 6: a few tabs and devices). */
  maxPerPrincipal?: number;
  /** Streams this process holds open at once (default 2000). */
  maxStreams?: number;
  /** A comment line this often (default 25 s). */
  heartbeatMs?: number;
  /** Credentials are checked again this often (default 60 s). */
  recheckMs?: number;
  /** Bytes waiting for a client before it is dropped (default 64 KiB). */
  maxBufferedBytes?: number;
}

export interface Live {
  /** Answers GET /events: a refusal, or a stream that stays open after this resolves. */
  handle(req: IncomingMessage, res: ServerResponse, request: { ip: string; userAgent: string | null }): Promise<number>;
  /** Open streams. */
  size(): number;
  /** Ends every stream and the LISTEN connection (server shutdown). */
  close(): Promise<void>;
}

interface Stream extends Target {
  key: string;
  res: ServerResponse;
  headers: { get(name: string): string | null };
  checkedAt: number;
  closed: boolean;
}

function principalKey(p: Principal): string | null {
  if (p.kind === 'account') return `account:${p.accountId}`;
  if (p.kind === 'partner') return `key:${p.apiKeyId}`;
  return null;
}

function refuse(res: ServerResponse, status: number, error: GraphQLError, headers: Record<string, string> = {}): number {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify({ errors: [error.toJSON()] }));
  return status;
}

export function createLive(opts: LiveOptions): Live {
  const maxPerPrincipal = opts.maxPerPrincipal ?? 6;
  const maxStreams = opts.maxStreams ?? 2000;
  const heartbeatMs = opts.heartbeatMs ?? 25_000;
  const recheckMs = opts.recheckMs ?? 60_000;
  const maxBuffered = opts.maxBufferedBytes ?? 64 * 1024;
  const deps = { prisma: opts.prisma, config: opts.config };
  const streams = new Set<Stream>();
  let closing = false;
  let heartbeat: ReturnType<typeof setInterval> | null = null;
  // Changes are routed one after another, so a page hears them in the order they committed.
  let routing: Promise<void> = Promise.resolve();

  const listener: Listener | null = opts.databaseUrl
    ? createListener(opts.databaseUrl, {
        onChange: (change) => {
          routing = routing.then(() => route(change)).catch((err: unknown) => console.error('[api] live: routing a change failed:', err));
        },
        onGap: () => {
          for (const s of streams) write(s, { event: 'resync', data: {} });
        },
      })
    : null;

  async function route(change: Change): Promise<void> {
    if (streams.size === 0) return;
    const events = await eventsFor(deps, change, [...streams]);
    for (const [s, list] of events) for (const e of list) write(s, e);
  }

  function end(s: Stream): void {
    if (s.closed) return;
    s.closed = true;
    streams.delete(s);
    if (!s.res.writableEnded) s.res.end();
    if (streams.size === 0 && heartbeat) {
      clearInterval(heartbeat);
      heartbeat = null;
    }
  }

  /** Writes, or drops a client that has stopped reading (its buffer would only grow). */
  function send(s: Stream, text: string): void {
    if (s.closed) return;
    if (s.res.writableLength > maxBuffered) {
      end(s);
      s.res.destroy();
      return;
    }
    s.res.write(text);
  }

  function write(s: Stream, e: LiveEvent): void {
    send(s, `event: ${e.event}\ndata: ${JSON.stringify(e.data)}\n\n`);
  }

  async function recheck(s: Stream): Promise<void> {
    const principal = await authenticate(opts.prisma, opts.config, credentialsFromHeaders(s.headers));
    s.checkedAt = Date.now();
    if (principalKey(principal) !== s.key) {
      // Signed out, revoked, expired or disabled: the page's next query says so; stop telling it anything.
      send(s, 'event: signed-out\ndata: {}\n\n');
      end(s);
    } else {
      // A changed role or scope applies to the next event, as to the next query.
      s.principal = principal;
    }
  }

  function beat(): void {
    const now = Date.now();
    for (const s of [...streams]) {
      send(s, ': ping\n\n');
      if (!s.closed && now - s.checkedAt >= recheckMs) {
        recheck(s).catch((err: unknown) => console.error('[api] live: re-checking credentials failed:', err));
      }
    }
  }

  return {
    size: () => streams.size,
    async handle(req, res, request) {
      if ((req.method ?? 'GET').toUpperCase() !== 'GET') {
        res.writeHead(405, { allow: 'GET', 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ error: 'Use GET /events (Server-Sent Events).', errorZh: '请使用 GET /events（Server-Sent Events）。' }));
        return 405;
      }
      const headers = {
        get(name: string): string | null {
          const v = req.headers[name.toLowerCase()];
          return Array.isArray(v) ? v.join(', ') : (v ?? null);
        },
      };
      const principal = await authenticate(opts.prisma, opts.config, credentialsFromHeaders(headers));
      const key = principalKey(principal);
      if (key === null) return refuse(res, 401, notSignedIn(principal.kind === 'anonymous' ? principal.refused : undefined), { 'www-authenticate': 'Bearer' });
      if (!listener || closing) return refuse(res, 503, liveUnavailable(), { 'retry-after': '60' });
      let mine = 0;
      for (const s of streams) if (s.key === key) mine++;
      if (mine >= maxPerPrincipal) return refuse(res, 429, tooManyStreams(maxPerPrincipal), { 'retry-after': '30' });
      if (streams.size >= maxStreams) return refuse(res, 503, streamsFull(), { 'retry-after': '60' });
      try {
        await listener.start();
      } catch (err) {
        console.error('[api] live: cannot listen:', err instanceof Error ? err.message : String(err));
        return refuse(res, 503, liveUnavailable(), { 'retry-after': '60' });
      }
      if (req.socket.destroyed || closing) return 499;
      const s: Stream = { key, principal, request, res, headers, checkedAt: Date.now(), closed: false };
      streams.add(s);
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        // no-transform: a compressing proxy must pass each event on as it comes.
        'cache-control': 'no-store, no-transform',
        'x-accel-buffering': 'no',
        connection: 'keep-alive',
      });
      res.on('close', () => end(s));
      res.on('error', () => end(s));
      // The browser reconnects after 5 s when the stream breaks; `ready` on each (re)connection
      // lets the page refetch what it may have missed meanwhile.
      send(s, 'retry: 5000\n\n');
      send(s, 'event: ready\ndata: {}\n\n');
      heartbeat ??= setInterval(beat, heartbeatMs);
      heartbeat.unref();
      return 200;
    },
    async close() {
      closing = true;
      for (const s of [...streams]) end(s);
      if (heartbeat) clearInterval(heartbeat);
      heartbeat = null;
      await listener?.stop();
    },
  };
}
