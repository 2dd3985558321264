// The load scenario shared by the bounded test (load.int.test.ts) and `npm run soak`: N clients
// mixing reads and writes against the API for a fixed time while the indexer anchors on a real
// chain; then every record written during the run must be anchored and verify against the chain.
import { getProofs } from '@lianjian/indexer';
import { createChainChecker, verifyBundle, type ChainChecker } from '@lianjian/verify';
import { startApi, type RunningApi } from '@lianjian/api';
import { percentile, startLoad } from './load.js';
import type { PrismaClient } from '@lianjian/db';
import type { ApiConfig } from '@lianjian/api';

export interface LoadFigures {
  clients: number;
  seconds: number;
  requests: number;
  errors: number;
  errorCodes: Record<string, number>;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** p99 of each request kind (create, update, read, list): shows whether writes wait longer than reads. */
  p99ByKindMs: Record<string, number>;
  maxMs: number;
  writesAcknowledged: number;
  recordsWritten: number;
  recordsVerified: number;
  /** Unverified records with the reason of the first few. */
  notVerified: string[];
  /** From the end of the load until the last record was anchored. */
  anchorDrainMs: number;
}

/** One online check per batch: every record of a batch shares its root, size and anchor. */
function perBatch(checker: ChainChecker): ChainChecker {
  const seen = new Map<string, ReturnType<ChainChecker['checkBatchRoot']>>();
  return {
    checkBatchRoot(seq, root, anchor, batch) {
      const key = `${seq}:${Buffer.from(root).toString('hex')}:${batch.size}:${Buffer.from(batch.prevRoot).toString('hex')}:${anchor?.txHash}:${anchor?.height}`;
      let r = seen.get(key);
      if (!r) seen.set(key, (r = checker.checkBatchRoot(seq, root, anchor, batch)));
      return r;
    },
  };
}

/** What the scenario needs of a stack (the test's, or the soak's without vitest). */
export interface ScenarioStack {
  dbUrl: string;
  prisma: PrismaClient;
  config: ApiConfig;
  token: string;
  unitId: string;
  rpcUrl: string;
  startIndexer(): Promise<void>;
  waitAllAnchored(timeoutMs?: number): Promise<void>;
  sql<T extends Record<string, unknown>>(text: string, values?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export async function loadScenario(opts: { stack: () => Promise<ScenarioStack>; clients: number; seconds: number; writeShare?: number; poolSize?: number; timeoutMs?: number; log?: (line: string) => void }): Promise<LoadFigures> {
  const log = opts.log ?? (() => {});
  const s = await opts.stack();
  let api: RunningApi | undefined;
  try {
    await s.startIndexer();
    await s.waitAllAnchored();
    const [{ max }] = (await s.sql<{ max: string }>(`SELECT coalesce(max(id), 0)::text AS max FROM outbox_record`)) as [{ max: string }];
    // Its own API server with a production-sized pool (the harness's is sized for tests).
    api = await startApi({ databaseUrl: s.dbUrl, port: 0, host: '127.0.0.1', config: s.config, poolSize: opts.poolSize ?? 24 });
    log(`load: ${opts.clients} clients for ${opts.seconds} s`);
    const run = startLoad({ apiUrl: `${api.url}/graphql`, token: s.token, unitId: s.unitId, clients: opts.clients, writeShare: opts.writeShare ?? 0.3, tag: 'soak', timeoutMs: opts.timeoutMs ?? 60_000 });
    const t0 = Date.now();
    await new Promise((r) => setTimeout(r, opts.seconds * 1000));
    await run.stop();
    const elapsed = (Date.now() - t0) / 1000;
    const loadEnd = Date.now();
    await s.waitAllAnchored(300_000);
    const anchorDrainMs = Date.now() - loadEnd;

    const written = await s.sql<{ type: string; id: string; version: number }>(
      `SELECT entity_type AS type, entity_id::text AS id, version FROM outbox_record WHERE id > $1::bigint ORDER BY id`,
      [max],
    );
    log(`load: verifying ${written.length} records online`);
    const chain = perBatch(createChainChecker(s.rpcUrl));
    let verified = 0;
    const notVerified: string[] = [];
    for (let i = 0; i < written.length; i += 500) {
      const keys = written.slice(i, i + 500);
      const proofs = await getProofs(s.prisma, keys);
      for (const [j, p] of proofs.entries()) {
        const k = keys[j]!;
        if (!p?.bundle || p.status !== 'ANCHORED') {
          notVerified.push(`${k.type} ${k.id} v${k.version}: ${p ? p.status : 'missing'}`);
          continue;
        }
        const report = await verifyBundle(p.bundle, { chain });
        if (report.verified) verified++;
        else notVerified.push(`${k.type} ${k.id} v${k.version}: ${report.checks.find((c) => c.ok !== true && c.name !== 'fields')?.reason}`);
      }
    }
    const ms = run.outcomes.map((o) => o.ms);
    const errors = run.outcomes.filter((o) => o.error !== null);
    const errorCodes: Record<string, number> = {};
    for (const e of errors) errorCodes[e.error!] = (errorCodes[e.error!] ?? 0) + 1;
    return {
      clients: opts.clients,
      seconds: elapsed,
      requests: run.outcomes.length,
      errors: errors.length,
      errorCodes,
      requestsPerSecond: run.outcomes.length / elapsed,
      p50Ms: percentile(ms, 50),
      p99Ms: percentile(ms, 99),
      p99ByKindMs: Object.fromEntries(
        (['create', 'update', 'read', 'list'] as const).map((k) => [k, percentile(run.outcomes.filter((o) => o.kind === k).map((o) => o.ms), 99)]),
      ),
      maxMs: Math.max(0, ...ms),
      writesAcknowledged: run.outcomes.filter((o) => (o.kind === 'create' || o.kind === 'update') && o.error === null).length,
      recordsWritten: written.length,
      recordsVerified: verified,
      notVerified: notVerified.slice(0, 10),
      anchorDrainMs,
    };
  } finally {
    await api?.close();
    await s.close();
  }
}

export function formatFigures(f: LoadFigures): string {
  return [
    `clients ${f.clients}, ${f.seconds.toFixed(1)} s`,
    `requests ${f.requests} (${f.requestsPerSecond.toFixed(1)}/s), errors ${f.errors}${f.errors ? ` ${JSON.stringify(f.errorCodes)}` : ''}`,
    `latency p50 ${f.p50Ms.toFixed(0)} ms, p99 ${f.p99Ms.toFixed(0)} ms, max ${f.maxMs.toFixed(0)} ms (p99 ${Object.entries(f.p99ByKindMs).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')} ms)`,
    `writes acknowledged ${f.writesAcknowledged}; records written ${f.recordsWritten}, anchored and verified online ${f.recordsVerified} (last anchored ${(f.anchorDrainMs / 1000).toFixed(1)} s after the load)`,
  ].join('\n');
}
