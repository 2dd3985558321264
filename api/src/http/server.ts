// Node http front: /graphql (Apollo's HTTP integration API, no framework), GraphiQL on GET
// /graphql from a browser (its files under /graphql/assets/), /health (database, and the chain
// when configured) and /metrics.
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { PrismaClient } from '@lianjian/db';
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import { authenticate, credentialsFromHeaders } from '../modules/auth/authenticate.js';
import { handleFiles } from '../modules/attachments/http.js';
import { handleMirrorFeed, MIRROR_FEED_PATH } from '../modules/mirror-feed/http.js';
import { createLive } from '../modules/live/stream.js';
import type { ApiConfig } from '../shared/config.js';
import { createContext, type Context } from '../shared/context.js';
import { createGate } from './gate.js';
import { ASSET_PREFIX, serveGraphiqlAsset, serveGraphiqlPage } from './graphiql.js';
import type { Metrics } from './metrics.js';
import { unstorableText } from './text-guard.js';
import { createCompiledReads } from '../compiled-reads/executor.js';

const MAX_BODY = 1 << 20;

export interface HttpDeps {
  apollo: ApolloServer<Context>;
  prisma: PrismaClient;
  config: ApiConfig;
  metrics: Metrics;
  /** GraphQL executions at once (http/gate.ts); more wait in arrival order. */
  graphqlSlots?: number;
  /** The database live updates (GET /events) LISTEN on; none: /events answers 503. */
  databaseUrl?: string;
}

const DEFAULT_GRAPHQL_SLOTS = 16;

const API_HEADERS = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        // Drain instead of destroying the socket, so that the client receives the 413.
        req.removeAllListeners('data');
        req.resume();
        reject(new BodyTooLarge());
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

function json(res: ServerResponse, status: number, body: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body));
}

function sameSecret(given: string | string[] | undefined, secret: string): boolean {
  if (typeof given !== 'string') return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(secret).digest();
  return timingSafeEqual(a, b);
}

function clientIp(req: IncomingMessage, config: ApiConfig): string {
  // The web server names the browser it calls for, proven by the secret both were started with.
  if (config.forwardSecret && sameSecret(req.headers['x-lianjian-forward-secret'], config.forwardSecret)) {
    const named = req.headers['x-lianjian-client-ip'];
    if (typeof named === 'string' && isIP(named.trim())) return named.trim();
  }
  // Behind a proxy (LIANJIAN_TRUST_PROXY=1) the first X-Forwarded-For hop is the client.
  const fwd = config.trustProxy ? req.headers['x-forwarded-for'] : undefined;
  const first = typeof fwd === 'string' ? fwd.split(',')[0]?.trim() : undefined;
  return first || req.socket.remoteAddress || 'unknown';
}

async function chainStatus(rpc: string | null): Promise<{ ok: boolean; detail: string }> {
  if (!rpc) return { ok: true, detail: 'not configured' };
  try {
    const res = await fetch(`${rpc}/status`, { signal: AbortSignal.timeout(1500) });
    if (!res.ok) return { ok: false, detail: `status ${res.status}` };
    const body = (await res.json()) as { result?: { sync_info?: { latest_block_height?: string }; node_info?: { network?: string } } };
    return { ok: true, detail: `${body.result?.node_info?.network ?? '?'} at height ${body.result?.sync_info?.latest_block_height ?? '?'}` };
  } catch (err) {
    return { ok: false, detail: err instanceof Error ? err.message : String(err) };
  }
}

export interface RequestHandler {
  (req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** Resolves when no request is being handled (or after `timeoutMs`); ends the live streams (GET /events) first. */
  drain(timeoutMs: number): Promise<void>;
}

export function createRequestHandler(deps: HttpDeps): RequestHandler {
  const gate = createGate(deps.graphqlSlots ?? DEFAULT_GRAPHQL_SLOTS);
  const live = createLive({ prisma: deps.prisma, config: deps.config, databaseUrl: deps.databaseUrl ?? null });
  // The hot partner reads as compiled statements (compiled-reads/); null: every request is Apollo's.
  const compiled = deps.databaseUrl ? createCompiledReads({ config: deps.config, prisma: deps.prisma, metrics: deps.metrics, databaseUrl: deps.databaseUrl }) : null;
  // A client that hangs up does not stop its request's resolvers; shutdown waits for them.
  let inflight = 0;
  let idle: (() => void)[] = [];

  async function graphql(req: IncomingMessage, res: ServerResponse, url: URL): Promise<number> {
    const method = (req.method ?? 'GET').toUpperCase();
    if (method === 'GET' && !url.search && (req.headers.accept ?? '').includes('text/html')) return serveGraphiqlPage(res, deps.config.introspection);
    const headers = new HeaderMap();
    for (const [k, v] of Object.entries(req.headers)) {
      if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
    }
    let body: unknown = undefined;
    if (method === 'POST') {
      const text = await readBody(req);
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        json(res, 400, { errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST', messageZh: '请求体不是合法的 JSON。' } }] });
        return 400;
      }
      const unstorable = unstorableText((body as { variables?: unknown } | undefined)?.variables);
      if (unstorable) {
        json(res, 400, { errors: [unstorable.toJSON()] });
        return 400;
      }
    }
    const release = await gate.enter(() => req.socket.destroyed);
    // 499 (nginx's "client closed request"): counted in metrics, never sent.
    if (!release) return 499;
    try {
      // Past the body checks and the gate, ahead of Apollo: a read it fully understands, or null.
      const answer = await compiled?.serve(method, headers, body);
      if (answer) {
        res.writeHead(answer.status, answer.headers);
        res.end(answer.body);
        return answer.status;
      }
      return await execute(req, res, url, method, headers, body);
    } finally {
      release();
    }
  }

  async function execute(req: IncomingMessage, res: ServerResponse, url: URL, method: string, headers: HeaderMap, body: unknown): Promise<number> {
    const result = await deps.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method, headers, search: url.search, body },
      context: async () => {
        const principal = await authenticate(deps.prisma, deps.config, credentialsFromHeaders(headers));
        return createContext({ prisma: deps.prisma, config: deps.config }, principal, {
          ip: clientIp(req, deps.config),
          userAgent: req.headers['user-agent'] ?? null,
        });
      },
    });
    const status = result.status ?? 200;
    const out: Record<string, string> = {};
    for (const [k, v] of result.headers) out[k] = v;
    res.writeHead(status, out);
    if (result.body.kind === 'complete') res.end(result.body.string);
    else {
      for await (const chunk of result.body.asyncIterator) res.write(chunk);
      res.end();
    }
    return status;
  }

  async function health(res: ServerResponse): Promise<number> {
    const [db, chain] = await Promise.all([
      deps.prisma.$queryRaw`SELECT 1`.then(
        () => ({ ok: true, detail: 'ok' }),
        (e: unknown) => ({ ok: false, detail: e instanceof Error ? e.message : String(e) }),
      ),
      chainStatus(deps.config.chainRpc),
    ]);
    // The chain being down degrades proofs (they stay PENDING) but not the API: report, not fail.
    const status = db.ok ? 200 : 503;
    json(res, status, { status: db.ok ? (chain.ok ? 'ok' : 'degraded') : 'unavailable', database: db, chain });
    return status;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    inflight++;
    try {
      await route(req, res);
    } finally {
      if (--inflight === 0) {
        for (const resolve of idle) resolve();
        idle = [];
      }
    }
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const t0 = process.hrtime.bigint();
    // Every answer is data, never a page to render or frame; the GraphiQL page sets its own CSP.
    for (const [k, v] of Object.entries(API_HEADERS)) res.setHeader(k, v);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const isAsset = url.pathname.startsWith(ASSET_PREFIX);
    // A bounded set of labels: a file's hash in the path would make one series per file.
    const isFiles = url.pathname === '/files' || url.pathname.startsWith('/files/');
    const route = ['/graphql', '/health', '/metrics', '/events', MIRROR_FEED_PATH].includes(url.pathname) ? url.pathname : url.pathname === '/' ? '/' : isAsset ? ASSET_PREFIX : isFiles ? '/files' : 'other';
    let status = 500;
    try {
      if (url.pathname === '/graphql') status = await graphql(req, res, url);
      else if (isAsset) status = await serveGraphiqlAsset(req, res, url.pathname);
      else if (url.pathname === '/health') status = await health(res);
      else if (url.pathname === '/events') status = await live.handle(req, res, { ip: clientIp(req, deps.config), userAgent: req.headers['user-agent'] ?? null });
      else if (isFiles) status = await handleFiles(req, res, url, { prisma: deps.prisma, config: deps.config, ip: clientIp(req, deps.config) });
      else if (url.pathname === MIRROR_FEED_PATH) status = await handleMirrorFeed(req, res, url, { prisma: deps.prisma, config: deps.config, ip: clientIp(req, deps.config), gate });
      else if (url.pathname === '/metrics') {
        send(res, 200, 'text/plain; version=0.0.4; charset=utf-8', deps.metrics.render());
        status = 200;
      } else if (url.pathname === '/') {
        res.writeHead(302, { location: '/graphql' });
        res.end();
        status = 302;
      } else {
        json(res, 404, { error: 'Not found. The API is at /graphql.', errorZh: '未找到。API 地址为 /graphql。' });
        status = 404;
      }
    } catch (err) {
      if (err instanceof BodyTooLarge) {
        status = 413;
        res.setHeader('connection', 'close');
        if (!res.headersSent) json(res, 413, { errors: [{ message: `The request body is larger than ${MAX_BODY} bytes.`, extensions: { code: 'PAYLOAD_TOO_LARGE', messageZh: '请求体过大。' } }] });
      } else {
        console.error('[api] request failed:', err);
        if (!res.headersSent) json(res, 500, { errors: [{ message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR', messageZh: '服务器内部错误。' } }] });
        else res.end();
      }
    } finally {
      deps.metrics.httpRequests.inc({ route, status: String(status) });
      deps.metrics.latency.observe({ route }, Number(process.hrtime.bigint() - t0) / 1e9);
    }
  }

  return Object.assign(handle, {
    drain(timeoutMs: number): Promise<void> {
      // Live streams (GET /events) never end by themselves: end them, and their LISTEN connection, first.
      const liveClosed = live.close();
      // The compiled reads' pool once no request uses it.
      if (inflight === 0) return liveClosed.then(() => compiled?.close());
      return new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        idle.push(() => {
          clearTimeout(timer);
          resolve();
        });
      })
        .then(() => liveClosed)
        .then(() => compiled?.close());
    },
  });
}

export function createHttpServer(deps: HttpDeps): { server: Server; drain(timeoutMs: number): Promise<void> } {
  const handle = createRequestHandler(deps);
  return { server: createServer((req, res) => void handle(req, res)), drain: handle.drain };
}
