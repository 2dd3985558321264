// The indexer's /health JSON (anchoring backlog, lag, latest batches), read by the admin pages.
import { webConfig } from './config.server';

export interface IndexerHealth {
  status: 'ok' | 'degraded' | 'down';
  role?: string;
  backlog: number | null;
  /** The backlog is at least `backlog` (the indexer stops counting there). */
  backlogCapped?: boolean | null;
  unanchoredRecords: number | null;
  anchoringLagSeconds: number | null;
  recordsAnchored: number | null;
  lastBatchSeq: number | null;
  lastAnchoredSeq: number | null;
  tamperAlerts: number | null;
  chain?: { latestSeq?: number | null; lastError?: string | null; conflict?: string | null; configured?: boolean };
  lastBuildError?: string | null;
}

export type HealthReading = { reachable: true; url: string; health: IndexerHealth; at: string } | { reachable: false; url: string; error: string; at: string };

export async function readIndexerHealth(): Promise<HealthReading> {
  const url = webConfig().indexerUrl;
  const at = new Date().toISOString();
  try {
    // /health answers 503 with the same JSON when the indexer is down: both are readings.
    const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(5000) });
    const health = (await res.json()) as IndexerHealth;
    return { reachable: true, url, health, at };
  } catch (error) {
    return { reachable: false, url, error: error instanceof Error ? error.message : String(error), at };
  }
}
