// /health (200 while the database answers and the indexer loop is alive; JSON with backlog and
// lag) and /metrics (Prometheus text).
import { createServer, type Server } from 'node:http';
import type { Indexer } from './indexer.js';
import type { Logger } from './log.js';
import { ledgerStats } from './status.js';

/** A loop that has not come round for this long is considered stuck (a build of a full batch takes seconds). */
export const LOOP_STALL_MS = 30_000;

export async function healthReport(indexer: Indexer): Promise<{ code: number; body: Record<string, unknown> }> {
  const loopAgeMs = Date.now() - indexer.lastBeat;
  const alive = indexer.role !== 'failed' && indexer.role !== 'stopped' && loopAgeMs < LOOP_STALL_MS;
  let stats: Awaited<ReturnType<typeof ledgerStats>> | undefined;
  let dbError: string | undefined;
  try {
    stats = await ledgerStats(indexer.pool, indexer);
  } catch (error) {
    dbError = error instanceof Error ? error.message : String(error);
  }
  const anchorer = indexer.anchorer;
  const degraded = !!anchorer?.conflict || !!anchorer?.lastError || !!indexer.lastBuildError;
  const ok = alive && !dbError;
  return {
    code: ok ? 200 : 503,
    body: {
      status: !ok ? 'down' : degraded ? 'degraded' : 'ok',
      role: indexer.role,
      db: dbError ? { up: false, error: dbError } : { up: true },
      loop: { alive, lastBeatAgoMs: loopAgeMs },
      backlog: stats?.backlog ?? null,
      backlogCapped: stats?.backlogCapped ?? null,
      unanchoredRecords: stats?.unanchoredRecords ?? null,
      anchoringLagSeconds: stats?.anchoringLagSeconds ?? null,
      recordsAnchored: stats?.recordsAnchored ?? null,
      lastBatchSeq: stats?.lastBatchSeq ?? null,
      lastAnchoredSeq: stats?.lastAnchoredSeq ?? null,
      tamperAlerts: stats?.tamperAlerts ?? null,
      chain: anchorer
        ? { latestSeq: anchorer.chainLatestSeq ?? null, lastError: anchorer.lastError ?? null, conflict: anchorer.conflict?.message ?? null }
        : { configured: false },
      lastBuildError: indexer.lastBuildError ?? null,
    },
  };
}

export async function metricsText(indexer: Indexer): Promise<string> {
  const m = indexer.metrics;
  try {
    const s = await ledgerStats(indexer.pool, indexer);
    m.backlog.set(s.backlog);
    m.unanchoredRecords.set(s.unanchoredRecords);
    m.anchoringLag.set(s.anchoringLagSeconds);
    m.recordsAnchored.set(s.recordsAnchored);
    m.tamperAlerts.set(s.tamperAlerts);
    m.lastAnchoredSeq.set(s.lastAnchoredSeq);
    m.lastBatchSeq.set(s.lastBatchSeq);
    m.dbUp.set(1);
  } catch {
    m.dbUp.set(0);
    // Serve the process-local series even when the database is away; /health reports the outage.
  }
  return m.registry.render();
}

/** Listens on loopback unless LIANJIAN_HTTP_HOST names another address (0.0.0.0 under docker-compose, for Prometheus). */
export function startHttp(indexer: Indexer, port: number, log: Logger, host = process.env.LIANJIAN_HTTP_HOST || '127.0.0.1'): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = (code: number, type: string, body: string) => {
      res.writeHead(code, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (req.method !== 'GET') return send(405, 'text/plain', 'method not allowed\n');
    if (url.pathname === '/health') {
      healthReport(indexer).then(
        (r) => send(r.code, 'application/json', JSON.stringify(r.body) + '\n'),
        (e: unknown) => send(503, 'application/json', JSON.stringify({ status: 'down', error: String(e) }) + '\n'),
      );
      return;
    }
    if (url.pathname === '/metrics') {
      metricsText(indexer).then(
        (t) => send(200, 'text/plain; version=0.0.4; charset=utf-8', t),
        (e: unknown) => send(500, 'text/plain', `${String(e)}\n`),
      );
      return;
    }
    send(404, 'text/plain', 'not found: try /health or /metrics\n');
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      log.info('http listening', { host, port: (server.address() as { port: number }).port });
      resolve(server);
    });
  });
}
