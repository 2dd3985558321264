// What /health and /metrics report, read from the database at request time so that a standby
// process reports the log's state as faithfully as the leader.
import type pg from 'pg';
import { loadHead } from './batcher.js';
import type { Indexer } from './indexer.js';

/**
 * The backlog is counted up to this many records and reported as "at least" beyond: an exact
 * count of millions of unbatched records takes seconds, longer than a health probe waits.
 */
export const BACKLOG_COUNT_CAP = 100_000;

export interface LedgerStats {
  /** Unbatched records, counted up to BACKLOG_COUNT_CAP (then backlogCapped). */
  backlog: number;
  backlogCapped: boolean;
  unanchoredRecords: number;
  recordsAnchored: number;
  anchoringLagSeconds: number;
  tamperAlerts: number;
  lastBatchSeq: number;
  lastAnchoredSeq: number;
}

export async function ledgerStats(pool: pg.Pool, indexer?: Indexer, cap = BACKLOG_COUNT_CAP): Promise<LedgerStats> {
  const cursor = indexer?.head?.cursor ?? (await loadHead(pool)).cursor;
  const { rows } = await pool.query<{
    backlog: number;
    unanchored: string;
    anchored: string;
    lag: number | null;
    alerts: number;
    last_seq: number | null;
    last_anchored: number | null;
  }>(
    `SELECT (SELECT count(*)::int FROM (SELECT 1 FROM outbox_record WHERE (xid, id) > ($1::xid8, $2::bigint) LIMIT $3) c) AS backlog,
            (SELECT coalesce(sum(size), 0)::text FROM batch WHERE status <> 'ANCHORED') AS unanchored,
            (SELECT coalesce(max(last_position) + 1, 0)::text FROM batch WHERE status = 'ANCHORED') AS anchored,
            (SELECT extract(epoch FROM clock_timestamp() - least(
               (SELECT o.created_at FROM batch b JOIN record_position rp ON rp.position = b.first_position
                  JOIN outbox_record o ON o.id = rp.record_id WHERE b.status <> 'ANCHORED' ORDER BY b.seq LIMIT 1),
               (SELECT created_at FROM outbox_record WHERE (xid, id) > ($1::xid8, $2::bigint) ORDER BY xid, id LIMIT 1)))::float8) AS lag,
            (SELECT count(*)::int FROM tamper_alert WHERE resolved_at IS NULL) AS alerts,
            (SELECT max(seq) FROM batch) AS last_seq,
            (SELECT max(seq) FROM batch WHERE status = 'ANCHORED') AS last_anchored`,
    [cursor.xid, cursor.id, cap + 1],
  );
  const r = rows[0]!;
  return {
    backlog: Math.min(r.backlog, cap),
    backlogCapped: r.backlog > cap,
    unanchoredRecords: Number(r.unanchored),
    recordsAnchored: Number(r.anchored),
    anchoringLagSeconds: Math.max(0, r.lag ?? 0),
    tamperAlerts: r.alerts,
    lastBatchSeq: r.last_seq ?? 0,
    lastAnchoredSeq: r.last_anchored ?? 0,
  };
}
