// GraphiQL for /graphql in a browser: the page, and its bundled files under /graphql/assets/,
// all built locally (graphiql/build.ts) — no CDN, no request to any other origin.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { graphiqlBundle } from './graphiql/build.js';
import { ASSET_PREFIX, CSP, renderPage } from './graphiql/page.js';

export { ASSET_PREFIX };

function buildFailed(res: ServerResponse, err: unknown): number {
  console.error('[api] GraphiQL bundle failed to build:', err);
  res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end('GraphiQL could not be built on this server; the API at /graphql still works (POST).\nGraphiQL 构建失败；/graphql 接口本身仍可用（POST）。\n');
  return 500;
}

// GraphiQL needs the schema to work at all; without introspection it would only show a fetch error.
const INTROSPECTION_OFF = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>链建 Lianjian GraphQL · 内省已关闭 / Introspection is off</title>
<link rel="icon" href="data:,">
</head>
<body>
<h1>GraphiQL 不可用：此服务器已关闭内省查询</h1>
<p>这是生产环境的默认设置。接口 <code>/graphql</code> 本身仍可用（POST）；设置 <code>LIANJIAN_INTROSPECTION=1</code> 并重启 API 可开启内省与本页面。</p>
<h1 lang="en">GraphiQL is unavailable: introspection is off on this server</h1>
<p lang="en">That is the default in production. The API at <code>/graphql</code> still works (POST); set <code>LIANJIAN_INTROSPECTION=1</code> and restart the API to turn introspection and this page on.</p>
</body>
</html>
`;

export async function serveGraphiqlPage(res: ServerResponse, introspection = true): Promise<number> {
  let html: string;
  try {
    html = introspection ? renderPage(await graphiqlBundle()) : INTROSPECTION_OFF;
  } catch (err) {
    return buildFailed(res, err);
  }
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    // The page names hashed files: a stale copy would point at files a newer build no longer has.
    'cache-control': 'no-cache',
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  res.end(html);
  return 200;
}

/** GET/HEAD /graphql/assets/<name>: immutable (content-hashed) files, gzip when accepted. */
export async function serveGraphiqlAsset(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<number> {
  const method = (req.method ?? 'GET').toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
    res.end('Method not allowed / 不支持该方法\n');
    return 405;
  }
  let bundle;
  try {
    bundle = await graphiqlBundle();
  } catch (err) {
    return buildFailed(res, err);
  }
  const asset = bundle.assets.get(pathname.slice(ASSET_PREFIX.length));
  if (!asset) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    res.end('No such GraphiQL file; reload /graphql. / 没有该文件，请刷新 /graphql。\n');
    return 404;
  }
  const headers: Record<string, string> = {
    'content-type': asset.type,
    'cache-control': 'public, max-age=31536000, immutable',
    etag: asset.etag,
    vary: 'accept-encoding',
    'x-content-type-options': 'nosniff',
    // Workers take their policy from their own response.
    'content-security-policy': CSP,
  };
  if (req.headers['if-none-match'] === asset.etag) {
    res.writeHead(304, headers);
    res.end();
    return 304;
  }
  const gzip = asset.gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const body = gzip ? asset.gzip! : asset.contents;
  if (gzip) headers['content-encoding'] = 'gzip';
  headers['content-length'] = String(body.length);
  res.writeHead(200, headers);
  res.end(method === 'HEAD' ? undefined : body);
  return 200;
}
