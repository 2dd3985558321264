// The mirror's Prometheus metrics, served at GET /metrics by its read API. The alert rule
// MirrorBehind (ops/prometheus/rules.yml) reads lianjian_mirror_lag_seconds: how long the mirror
// has been behind the chain (since the stall check first saw a batch on chain that the mirror does
// not hold), 0 while it is caught up. Counted from the stored state, so a restarted mirror that
// is still behind keeps its age instead of starting again from 0.
import type { MirrorState } from './store.js';

export interface MirrorCounts {
  documents: number;
  batches: number;
  openAlerts: number;
}

export const METRICS_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

export function renderMetrics(state: MirrorState, counts: MirrorCounts, now: Date = new Date()): string {
  const lag = state.behindSince ? Math.max(0, (now.getTime() - state.behindSince.getTime()) / 1000) : 0;
  const gauge = (name: string, help: string, value: number) => `# HELP ${name} ${help}\n# TYPE ${name} gauge\n${name} ${value}\n`;
  return [
    gauge('lianjian_mirror_lag_seconds', 'Seconds the mirror has been behind the chain (0 when caught up).', lag),
    gauge('lianjian_mirror_position', 'Feed log position the mirror has copied and verified up to (-1: nothing yet).', state.position),
    gauge('lianjian_mirror_head_batch', 'Highest batch sequence the mirror holds.', state.headSeq),
    gauge('lianjian_mirror_chain_batch', 'Latest batch sequence the chain had at the last stall check (-1: not checked yet).', state.chainSeq ?? -1),
    gauge('lianjian_mirror_documents', 'Record documents held.', counts.documents),
    gauge('lianjian_mirror_open_alerts', 'Alerts not resolved.', counts.openAlerts),
  ].join('');
}
