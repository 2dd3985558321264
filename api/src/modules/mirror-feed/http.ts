// GET /mirror-feed?after=N&first=M: the mirror feed's PROOF_SET page as plain JSON, beside the
// GraphQL field (which older mirrors keep using). Inside GraphQL the page's proof set v2 is a string
// field: Apollo escaped the ~1.4 MB set into its response and the mirror parsed the body and then the
// string again — the largest items left in both processes' profiles (bench/mirror/NOTES.md). Here the
// set the service wrote (each stored document spliced in as it is) goes into the body as a JSON
// object, unescaped and serialised once; the mirror parses the page once.
//
// The caller is authenticated exactly as for /graphql (the same credentials, the same principal), and
// held to the field's rules (access.ts feedReader: the scope, the key's own subtree) and its argument
// checks (service.ts feedArguments); every refusal is the field's catalogued error, as
// `{ errors: [{ message, extensions: { code, messageZh } }] }` with its HTTP status.
//
// A mirror that accepts MIRROR_TEXTS_MEDIA_TYPE gets the page's documents as their stored texts
// (decisions 026, 027) instead of the proof set v2 (`proofSet`): the page's JSON on the first line
// (`textSet`: the set's batches and each record's batch and leaf index), then record k's stored text
// on line k + 2, byte for byte — no text escaped here or unescaped by the mirror. Anyone else gets the set.
import type { PrismaClient } from '@lianjian/db';
import { GraphQLError } from 'graphql';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Gate } from '../../http/gate.js';
import { authenticate, credentialsFromHeaders } from '../auth/authenticate.js';
import type { ApiConfig } from '../../shared/config.js';
import { createContext, type Context } from '../../shared/context.js';
import { badArgument } from '../../shared/errors.js';
import { feedReader } from './access.js';
import { feedArguments, feedPage, snapshotInputs, type SnapshotInputEntry } from './service.js';

export const MIRROR_FEED_PATH = '/mirror-feed';

/** The Accept type for a page whose documents are their stored canonical texts, one per line after the page's JSON. */
export const MIRROR_TEXTS_MEDIA_TYPE = 'application/vnd.lianjian.mirror-lines';

export interface MirrorFeedDeps {
  prisma: PrismaClient;
  config: ApiConfig;
  /** The client's address as the API's per-address limits see it (http/server.ts). */
  ip: string;
  /** The GraphQL executions' gate: a page costs what the field's did, so it waits for the same slots. */
  gate?: Gate;
}

const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  BAD_USER_INPUT: 400,
  BAD_REQUEST: 400,
  BUSY: 503,
};

const PARAMETERS = new Set(['after', 'first']);

function errorJson(res: ServerResponse, err: GraphQLError): number {
  const code = String(err.extensions.code);
  const status = STATUS[code] ?? 400;
  if (!res.headersSent) {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...(status === 401 ? { 'www-authenticate': 'Bearer' } : {}) });
    res.end(JSON.stringify({ errors: [err.toJSON()] }));
  }
  return status;
}

async function contextOf(req: IncomingMessage, deps: MirrorFeedDeps): Promise<Context> {
  const creds = credentialsFromHeaders({ get: (name: string) => { const v = req.headers[name.toLowerCase()]; return Array.isArray(v) ? v.join(', ') : v ?? null; } });
  const principal = await authenticate(deps.prisma, deps.config, creds);
  return createContext({ prisma: deps.prisma, config: deps.config }, principal, { ip: deps.ip, userAgent: req.headers['user-agent'] ?? null });
}

/** A query parameter as the field's Int: absent → undefined (the default); repeated or not an integer → NaN (refused by feedArguments). */
function intParameter(url: URL, name: string): number | undefined {
  const values = url.searchParams.getAll(name);
  if (values.length === 0) return undefined;
  return values.length === 1 && /^-?\d{1,15}$/.test(values[0]!) ? Number(values[0]) : NaN;
}

/** Handles GET /mirror-feed; answers the HTTP status it sent (499: the client left while it waited for a slot). */
export async function handleMirrorFeed(req: IncomingMessage, res: ServerResponse, url: URL, deps: MirrorFeedDeps): Promise<number> {
  const method = (req.method ?? 'GET').toUpperCase();
  try {
    if (method !== 'GET') {
      res.writeHead(405, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', allow: 'GET' });
      res.end(JSON.stringify({ errors: [{ message: 'Read the mirror feed with GET /mirror-feed?after=<position>&first=<records>.', extensions: { code: 'BAD_REQUEST', messageZh: '请用 GET /mirror-feed?after=<位置>&first=<条数> 读取镜像数据流。' } }] }));
      return 405;
    }
    const ctx = await contextOf(req, deps);
    // Who asks before what is asked, as the field: a stranger learns nothing about the arguments.
    const root = feedReader(ctx);
    for (const name of url.searchParams.keys()) {
      if (!PARAMETERS.has(name)) throw badArgument(name, 'is not a parameter of GET /mirror-feed (after, first).', '不是 GET /mirror-feed 的参数（after、first）。');
    }
    const { after, first } = feedArguments(intParameter(url, 'after'), intParameter(url, 'first'));
    const release = deps.gate ? await deps.gate.enter(() => req.socket.destroyed) : () => undefined;
    if (!release) return 499;
    const texts = (req.headers.accept ?? '').includes(MIRROR_TEXTS_MEDIA_TYPE);
    let body: string;
    try {
      const page = await feedPage(ctx.prisma, root.unitPath, after, first, { format: 'PROOF_SET', documents: texts ? 'texts' : 'set', ...(ctx.config.chainId ? { chainId: ctx.config.chainId } : {}) });
      // What the mirror's GraphQL PROOF_SET query asks of an entry (mirror/src/feed.ts): the position
      // and type, and a snapshot's input list; the rest is record k's own in the set.
      const entries: { position: number; type: string; snapshotInputs: SnapshotInputEntry[] | null }[] = [];
      for (const e of page.entries) entries.push({ position: e.position, type: e.type, snapshotInputs: e.type === 'AnalyticsSnapshot' ? await snapshotInputs(ctx.prisma, e.entityId) : null });
      const head = JSON.stringify({ unitId: root.unitId, after: page.after, endPosition: page.endPosition, hasMore: page.hasMore, headPosition: page.headPosition, headSeq: page.headSeq, entries });
      // The set's (or text set's) JSON as the service wrote it, spliced in as an object: never parsed or escaped here.
      body = texts ? `${head.slice(0, -1)},"textSet":${page.textSet ?? 'null'}}\n${page.texts ? `${page.texts}\n` : ''}` : `${head.slice(0, -1)},"proofSet":${page.proofSet ?? 'null'}}`;
    } finally {
      release();
    }
    res.writeHead(200, { 'content-type': `${texts ? MIRROR_TEXTS_MEDIA_TYPE : 'application/json'}; charset=utf-8`, 'cache-control': 'no-store', vary: 'accept' });
    res.end(body);
    return 200;
  } catch (err) {
    if (err instanceof GraphQLError && typeof err.extensions.code === 'string') return errorJson(res, err);
    throw err;
  }
}
