// GraphiQL on GET /graphql from a browser: the page names only files on this server, every file
// it names (and every file those name) is served with its type and long-lived caching, and the
// Content-Security-Policy lets the browser load nothing from elsewhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
let html: string;
let pageRes: Response;

beforeAll(async () => {
  h = await startHarness();
  // The first request builds the bundle (esbuild, in memory).
  pageRes = await fetch(`${h.url}/graphql`, { headers: { accept: 'text/html,application/xhtml+xml' } });
  html = await pageRes.text();
});
afterAll(() => h?.close());

/** Every src/href in the page plus the worker URLs from its config block. */
function pageUrls(): { style: string[]; scripts: string[]; workers: string[] } {
  const style = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]!);
  const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]!);
  const config = JSON.parse(/<script type="application\/json" id="graphiql-config">([^<]*)<\/script>/.exec(html)![1]!) as {
    endpoint: string;
    workers: Record<string, string>;
  };
  expect(config.endpoint).toBe('/graphql');
  return { style, scripts, workers: Object.values(config.workers) };
}

async function get(path: string, headers: Record<string, string> = {}): Promise<{ res: Response; body: Buffer }> {
  const res = await fetch(`${h.url}${path}`, { headers: { 'accept-encoding': 'identity', ...headers } });
  return { res, body: Buffer.from(await res.arrayBuffer()) };
}

describe('the GraphiQL page', () => {
  it('is HTML titled in Chinese and English, not cached, under a same-origin-only CSP', () => {
    expect(pageRes.status).toBe(200);
    expect(pageRes.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(pageRes.headers.get('cache-control')).toBe('no-cache');
    expect(html).toMatch(/<title>链建 Lianjian GraphQL · GraphiQL 调试台 \/ Explorer<\/title>/);
    const csp = pageRes.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("worker-src 'self'");
    expect(csp).not.toMatch(/https?:|\*|unsafe-eval/);
  });

  it('references only files under /graphql/assets/ on this server — no other origin anywhere', () => {
    expect(html).not.toMatch(/https?:\/\/|\/\/[a-z0-9.-]+\.[a-z]{2,}\//i);
    const { style, scripts, workers } = pageUrls();
    expect(style).toHaveLength(1);
    expect(scripts).toHaveLength(1);
    expect(workers).toHaveLength(3);
    for (const url of [...style, ...scripts, ...workers]) expect(url).toMatch(/^\/graphql\/assets\/[\w.-]+-[A-Z0-9]{8}\.(js|css)$/);
    // Every other link is inline (the empty favicon keeps Chromium from asking for /favicon.ico).
    const links = [...html.matchAll(/(?:href|src)="([^"]+)"/g)].map((m) => m[1]!);
    expect(links.filter((u) => !u.startsWith('/graphql/assets/'))).toEqual(['data:,']);
  });

  it('prefills a headers example for a session token or an API key, and a query that needs no sign-in', () => {
    const config = JSON.parse(/id="graphiql-config">([^<]*)</.exec(html)![1]!) as { defaultHeaders: string; defaultQuery: string };
    expect(config.defaultHeaders).toContain('"Authorization": "Bearer ljs_…"');
    expect(config.defaultHeaders).toContain('"X-API-Key": "ljk_…"');
    expect(config.defaultQuery).toMatch(/^\{\n {2}__typename\n\}$/m);
  });
});

describe('GraphiQL files', () => {
  it('serves the script, the stylesheet and the three Monaco workers with their types and immutable caching', async () => {
    const { style, scripts, workers } = pageUrls();
    const cases: Array<[string, string, RegExp]> = [
      [scripts[0]!, 'text/javascript; charset=utf-8', /graphiql-container/],
      [style[0]!, 'text/css; charset=utf-8', /\.graphiql-container/],
      // The workers are Monaco's editor and JSON workers and monaco-graphql's worker.
      ...workers.map((w): [string, string, RegExp] => [w, 'text/javascript; charset=utf-8', w.includes('graphql.worker') ? /GraphQLWorker|getDiagnostics/ : /onmessage|postMessage/]),
    ];
    for (const [url, type, code] of cases) {
      const { res, body } = await get(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type'), url).toBe(type);
      expect(res.headers.get('cache-control'), url).toBe('public, max-age=31536000, immutable');
      expect(res.headers.get('x-content-type-options'), url).toBe('nosniff');
      expect(res.headers.get('etag'), url).toMatch(/^"[\w-]{22}"$/);
      expect(Number(res.headers.get('content-length')), url).toBe(body.length);
      expect(body.toString('utf8'), url).toMatch(code);
    }
    // The script is GraphiQL itself (React, Monaco and the graphiql package), not a stand-in.
    const script = (await get(scripts[0]!)).body.toString('utf8');
    expect(script).toContain('graphiql-sessions');
    expect(script.length).toBeGreaterThan(1_000_000);
  });

  it('serves every file the stylesheet names (fonts) from here, or inlines it as data:', async () => {
    const css = (await get(pageUrls().style[0]!)).body.toString('utf8');
    const urls = [...css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(0);
    const files = urls.filter((u) => !u.startsWith('data:'));
    expect(files.length).toBeGreaterThan(0);
    for (const u of files) {
      expect(u).toMatch(/^\.\/[\w.-]+$/);
      const path = `/graphql/assets/${u.slice(2)}`;
      const { res, body } = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toMatch(/^font\//);
      expect(body.length, path).toBeGreaterThan(1000);
    }
  });

  it('compresses text files with gzip when the client accepts it', async () => {
    const url = pageUrls().scripts[0]!;
    const plain = (await get(url)).body;
    const res = await fetch(`${h.url}${url}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('vary')).toBe('accept-encoding');
    // fetch decompresses transparently; the raw length is the compressed size.
    expect(Number(res.headers.get('content-length'))).toBeLessThan(plain.length / 2);
    expect(Buffer.from(await res.arrayBuffer()).equals(plain)).toBe(true);
  });

  it('answers a matching If-None-Match with 304, an unknown file with 404, and POST with 405', async () => {
    const url = pageUrls().style[0]!;
    const etag = (await get(url)).res.headers.get('etag')!;
    expect((await get(url, { 'if-none-match': etag })).res.status).toBe(304);
    expect((await get('/graphql/assets/graphiql-NOTAFILE.js')).res.status).toBe(404);
    expect((await fetch(`${h.url}${url}`, { method: 'POST' })).status).toBe(405);
  });

  it('leaves /graphql for API clients: a JSON POST still runs the query', async () => {
    const res = await h.gql('{ __typename }');
    expect(res.status).toBe(200);
    expect(res.data).toEqual({ __typename: 'Query' });
  });

  it('counts asset requests under their own metrics route', async () => {
    const text = await (await fetch(`${h.url}/metrics`)).text();
    expect(text).toMatch(/lianjian_http_requests_total\{route="\/graphql\/assets\/",status="200"\} \d+/);
  });
});
