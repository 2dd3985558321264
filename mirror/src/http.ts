// The mirror's read API, for when the centre is down: its subtree's records with their proof
// bundles v1, exactly as verified and stored — `lianjian-verify --trust <root>` accepts each one,
// so a reader needs no trust in the mirror either. Read-only: GET and HEAD, nothing else.
//   GET /records/:type/:id            { type, id, latest: bundle, versions: [bundle, …] }
//   GET /records/:type/:id/:version   the bundle (application/vnd.lianjian.proof+json)
//   GET /status                       position, batches, documents, open alerts, the last alert
//   GET /alerts[?open=1]              the alerts
//   GET /metrics                      Prometheus gauges (lag behind the chain, position, alerts)
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { METRICS_TYPE, renderMetrics } from './metrics.js';
import type { Store } from './store.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TYPE = /^[A-Z][A-Za-z]{1,63}$/;

export interface RunningHttp {
  url: string;
  server: Server;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown, type = 'application/json; charset=utf-8'): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(text);
}

function problem(res: ServerResponse, status: number, en: string, zh: string): void {
  send(res, status, { error: en, errorZh: zh });
}

async function handle(store: Store, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    return problem(res, 405, 'The mirror is read-only.', '镜像只读。');
  }
  const url = new URL(req.url ?? '/', 'http://mirror');
  const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'status' && parts.length === 1) {
    const [st, counts, alerts] = await Promise.all([store.state(), store.counts(), store.alerts()]);
    const last = alerts[alerts.length - 1];
    return send(res, 200, { unitId: st.unitId, position: st.position, headSeq: st.headSeq, chainSeq: st.chainSeq, lastSyncAt: st.lastSyncAt, lastRecheckAt: st.lastRecheckAt, ...counts, lastAlert: last ?? null });
  }
  if (parts[0] === 'metrics' && parts.length === 1) {
    const [st, counts] = await Promise.all([store.state(), store.counts()]);
    return send(res, 200, renderMetrics(st, counts), METRICS_TYPE);
  }
  if (parts[0] === 'alerts' && parts.length === 1) {
    return send(res, 200, { alerts: await store.alerts({ open: url.searchParams.get('open') === '1' }) });
  }
  if (parts[0] === 'records' && (parts.length === 3 || parts.length === 4)) {
    const [, type, id, v] = parts as [string, string, string, string | undefined];
    if (!TYPE.test(type)) return problem(res, 400, `"${type}" is not a record type.`, `"${type}" 不是记录类型。`);
    if (!UUID.test(id)) return problem(res, 400, 'The id must be a UUID.', 'id 应为 UUID。');
    const versions = await store.versions(type, id);
    if (v !== undefined) {
      const hit = /^[1-9]\d{0,8}$/.test(v) ? versions.find((d) => d.version === Number(v)) : undefined;
      if (!hit) return problem(res, 404, `This mirror holds no version ${v} of ${type} ${id}.`, `本镜像没有 ${type} ${id} 的第 ${v} 版。`);
      return send(res, 200, hit.bundle, 'application/vnd.lianjian.proof+json');
    }
    if (!versions.length) return problem(res, 404, `This mirror holds no ${type} ${id} (not in its subtree, or not received yet).`, `本镜像没有 ${type} ${id}（不在本级范围内或尚未同步）。`);
    const bundles = versions.map((d) => JSON.parse(d.bundle) as unknown);
    return send(res, 200, { type, id, latest: bundles[bundles.length - 1], versions: bundles });
  }
  return problem(res, 404, 'Not found. Try /records/:type/:id, /status, /alerts or /metrics.', '未找到。可用 /records/:type/:id、/status、/alerts 或 /metrics。');
}

export async function startHttp(store: Store, opts: { port?: number; host?: string } = {}): Promise<RunningHttp> {
  const server = createServer((req, res) => {
    handle(store, req, res).catch((error: unknown) => {
      if (!res.headersSent) problem(res, 500, `The mirror could not answer: ${error instanceof Error ? error.message : String(error)}`, '镜像暂时无法应答。');
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const a = server.address() as AddressInfo;
  return {
    url: `http://${a.address}:${a.port}`,
    server,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
