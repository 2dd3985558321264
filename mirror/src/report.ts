// After each round the mirror tells the centre where it stands (issue #21 item 6): the log
// position it holds, the centre's head (batch seq) it saw, how many versions it holds, its open
// alerts and the last one (kind, record, batch). The centre's `reportMirrorState` takes the
// report with the mirror's own key, about that key only; administrators see it on
// /admin/mirrors beside the centre's head, and a mirror that stops reporting shows as such.
//
// A report that fails (the centre is down, an older centre without the mutation) is logged once
// per distinct reason and never stops the round: the copy matters more than the report.
// Unchanged state is sent again only every LIANJIAN_MIRROR_REPORT_MS (default 60 s), so a
// caught-up mirror polling every 2 s does not write at the centre every 2 s, yet stays "reporting".
// LIANJIAN_MIRROR_REPORT=0 turns reports off.
import type { FeedClient } from './feed.js';
import type { Store } from './store.js';

export const REPORT_MUTATION = `mutation ReportMirrorState($input: ReportMirrorStateInput!) { reportMirrorState(input: $input) { reportedAt position headPosition } }`;

export interface MirrorReportInput {
  position: number;
  headSeq: number;
  documents: number;
  openAlerts: number;
  lastAlert: { kind: string; entityType: string | null; entityId: string | null; version: number | null; batchSeq: number | null; detectedAt: string } | null;
}

interface Sent {
  text: string;
  at: number;
  failure?: string;
}

/** Per feed (one per mirror): what was last sent, and the last failure logged. */
const sent = new WeakMap<FeedClient, Sent>();

const everyMs = () => {
  const n = Number(process.env.LIANJIAN_MIRROR_REPORT_MS ?? 60_000);
  return Number.isFinite(n) && n >= 0 ? n : 60_000;
};

/** What this mirror would report now, from its own database. */
export async function currentReport(store: Store): Promise<MirrorReportInput> {
  const [st, counts, last] = await Promise.all([
    store.state(),
    store.counts(),
    store.pool.query<{ kind: string; entity_type: string | null; entity_id: string | null; version: number | null; batch_seq: number | null; detected_at: Date }>(
      `SELECT kind, entity_type, entity_id::text, version, batch_seq, detected_at FROM mirror_alert WHERE resolved_at IS NULL ORDER BY id DESC LIMIT 1`,
    ),
  ]);
  const a = last.rows[0];
  return {
    position: st.position,
    headSeq: st.headSeq,
    documents: counts.documents,
    openAlerts: counts.openAlerts,
    lastAlert: a ? { kind: a.kind, entityType: a.entity_type, entityId: a.entity_id, version: a.version, batchSeq: a.batch_seq, detectedAt: a.detected_at.toISOString() } : null,
  };
}

/**
 * Reports this round's state to the centre through the feed's endpoint, with the feed's key.
 * Returns true when a report was accepted, false when skipped (unchanged, or turned off) or refused.
 */
export async function reportRound(feed: FeedClient, store: Store, log: (line: string) => void = () => {}): Promise<boolean> {
  if (process.env.LIANJIAN_MIRROR_REPORT === '0') return false;
  const prev = sent.get(feed);
  let failure: string | undefined;
  try {
    const input = await currentReport(store);
    const text = JSON.stringify(input);
    if (prev && !prev.failure && prev.text === text && Date.now() - prev.at < everyMs()) return false;
    // A mirror reports with the key it reads with.
    const key = feed.key;
    const res = await fetch(feed.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key },
      body: JSON.stringify({ query: REPORT_MUTATION, variables: { input } }),
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await res.json().catch(() => ({}))) as { data?: { reportMirrorState?: unknown }; errors?: { message: string; extensions?: { code?: string } }[] };
    if (body.data?.reportMirrorState) {
      if (prev?.failure) log('mirror: reporting to the centre again');
      sent.set(feed, { text, at: Date.now() });
      return true;
    }
    const e = body.errors?.[0];
    failure = `${e?.extensions?.code ?? `HTTP ${res.status}`} ${e?.message ?? 'no data'}`;
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
  }
  if (failure !== prev?.failure) log(`mirror: could not report to the centre: ${failure}`);
  sent.set(feed, { text: '', at: 0, failure });
  return false;
}
