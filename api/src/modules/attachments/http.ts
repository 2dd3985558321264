// The file endpoints beside /graphql (bytes do not travel well inside GraphQL):
//   POST /files?name=<name>       the body is the file; answers {sha256, size, type, name}
//   GET  /files/<sha256>          the file, as a download
//   GET  /files/<sha256>/thumb    a small WebP of an image
// Authenticated exactly as /graphql (the same credentials, the same principal); a file the caller
// may not see answers the same 404 as one that does not exist. Nothing is ever served for the
// browser to render: downloads are attachments, typed by what the upload check found, sandboxed.
import type { PrismaClient } from '@lianjian/db';
import { GraphQLError } from 'graphql';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { authenticate, credentialsFromHeaders } from '../auth/authenticate.js';
import type { ApiConfig } from '../../shared/config.js';
import { createContext, type Context } from '../../shared/context.js';
import { ErrorCode, unauthenticated } from '../../shared/errors.js';
import { fileTooLarge } from './errors.js';
import { assertCanUpload, fetchFile, fetchThumbnail, storeUpload } from './service.js';
import { filesSettings, SHA256_HEX } from './store.js';

export interface FilesDeps {
  prisma: PrismaClient;
  config: ApiConfig;
  /** The client's address as the API's per-address limits see it (http/server.ts). */
  ip: string;
}

const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  FILE_TOO_LARGE: 413,
  FILE_TYPE_NOT_ALLOWED: 415,
  FILE_EMPTY: 400,
  BAD_REQUEST: 400,
  // An upload is a write transaction (service.ts storeUpload): the write queue can be full.
  BUSY: 503,
};

/** Sent with every file: never rendered in a page of ours, never run, never sniffed. */
const FILE_HEADERS = {
  'content-security-policy': "default-src 'none'; sandbox; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'cross-origin-resource-policy': 'same-site',
  // Access depends on who asks, and the browser's check must see the bytes stored now.
  'cache-control': 'private, no-store',
};

class TooLarge extends Error {}

function errorJson(res: ServerResponse, err: GraphQLError): number {
  const code = String(err.extensions.code);
  const status = STATUS[code] ?? 400;
  if (!res.headersSent) {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...(status === 413 ? { connection: 'close' } : {}) });
    res.end(JSON.stringify({ errors: [err.toJSON()] }));
  }
  return status;
}

function notFoundJson(res: ServerResponse): number {
  res.writeHead(404, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify({ errors: [{ message: 'No such file (or none you may see).', extensions: { code: ErrorCode.NOT_FOUND, messageZh: '文件不存在（或您无权查看）。' } }] }));
  return 404;
}

function readLimited(req: IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? NaN);
    const refuse = () => {
      // Drain instead of destroying the socket, so that the client receives the 413.
      req.removeAllListeners('data');
      req.resume();
      reject(new TooLarge());
    };
    if (Number.isFinite(declared) && declared > max) return refuse();
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) refuse();
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** "附件.pdf" → filename="_.pdf"; filename*=UTF-8''%E9%99%84… (RFC 6266: old clients get the ASCII). */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

async function contextOf(req: IncomingMessage, deps: FilesDeps): Promise<Context> {
  const creds = credentialsFromHeaders({ get: (name: string) => { const v = req.headers[name.toLowerCase()]; return Array.isArray(v) ? v.join(', ') : v ?? null; } });
  const principal = await authenticate(deps.prisma, deps.config, creds);
  return createContext({ prisma: deps.prisma, config: deps.config }, principal, { ip: deps.ip, userAgent: req.headers['user-agent'] ?? null });
}

/** Handles /files and /files/…; answers the HTTP status it sent. */
export async function handleFiles(req: IncomingMessage, res: ServerResponse, url: URL, deps: FilesDeps): Promise<number> {
  const method = (req.method ?? 'GET').toUpperCase();
  try {
    if (url.pathname === '/files' && method === 'POST') {
      const ctx = await contextOf(req, deps);
      // Who may upload is decided before the body is read: a stranger's 10 MB is not stored anywhere.
      try {
        assertCanUpload(ctx);
      } catch (err) {
        req.resume();
        throw err;
      }
      const { maxBytes } = filesSettings();
      let bytes: Buffer;
      try {
        bytes = await readLimited(req, maxBytes);
      } catch (err) {
        if (err instanceof TooLarge) return errorJson(res, fileTooLarge(maxBytes));
        throw err;
      }
      const stored = await storeUpload(ctx, bytes, url.searchParams.get('name') ?? decodeHeader(req.headers['x-file-name']));
      res.writeHead(201, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      res.end(JSON.stringify(stored));
      return 201;
    }
    const m = /^\/files\/([^/]+)(\/thumb)?$/.exec(url.pathname);
    if (m && (method === 'GET' || method === 'HEAD')) {
      const sha = m[1]!.toLowerCase();
      const ctx = await contextOf(req, deps);
      const p = ctx.principal;
      if (p.kind === 'anonymous') return errorJson(res, p.refused ? unauthenticated(p.refused.message, p.refused.messageZh) : unauthenticated());
      if (!SHA256_HEX.test(sha)) return notFoundJson(res);
      if (m[2]) {
        const thumb = await fetchThumbnail(ctx, sha);
        if (!thumb) return notFoundJson(res);
        res.writeHead(200, { ...FILE_HEADERS, 'content-type': 'image/webp', 'content-length': String(thumb.length) });
        res.end(method === 'HEAD' ? undefined : thumb);
        return 200;
      }
      const file = await fetchFile(ctx, sha);
      if (!file) return notFoundJson(res);
      res.writeHead(200, {
        ...FILE_HEADERS,
        'content-type': file.type,
        'content-length': String(file.bytes.length),
        'content-disposition': contentDisposition(file.name),
        // What the record says the file is; the browser recomputes it from the bytes (and only then trusts them).
        'x-lianjian-sha256': sha,
      });
      res.end(method === 'HEAD' ? undefined : file.bytes);
      return 200;
    }
    res.writeHead(405, { 'content-type': 'application/json; charset=utf-8', allow: url.pathname === '/files' ? 'POST' : 'GET, HEAD' });
    res.end(JSON.stringify({ errors: [{ message: 'Upload with POST /files; download with GET /files/<sha256>.', extensions: { code: 'BAD_REQUEST', messageZh: '上传请用 POST /files，下载请用 GET /files/<sha256>。' } }] }));
    return 405;
  } catch (err) {
    if (err instanceof GraphQLError && typeof err.extensions.code === 'string') return errorJson(res, err);
    throw err;
  }
}

function decodeHeader(v: string | string[] | undefined): string | null {
  if (typeof v !== 'string') return null;
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}
