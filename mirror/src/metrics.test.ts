// The lag the MirrorBehind alert reads: 0 while caught up, the age of being behind otherwise.
import { describe, expect, it } from 'vitest';
import { renderMetrics } from './metrics.js';
import type { MirrorState } from './store.js';

const state = (patch: Partial<MirrorState>): MirrorState => ({
  unitId: null, position: 41, headSeq: 3, chainSeq: 3, behindSince: null, lastSyncAt: null, lastRecheckAt: null, ...patch,
});
const counts = { documents: 12, batches: 3, openAlerts: 1 };
const value = (text: string, name: string) => Number(text.match(new RegExp(`^${name} (\\S+)$`, 'm'))?.[1]);

describe('renderMetrics', () => {
  it('reports no lag while the mirror is caught up', () => {
    const text = renderMetrics(state({}), counts);
    expect(value(text, 'lianjian_mirror_lag_seconds')).toBe(0);
    expect(value(text, 'lianjian_mirror_position')).toBe(41);
    expect(value(text, 'lianjian_mirror_open_alerts')).toBe(1);
    expect(text).toMatch(/^# TYPE lianjian_mirror_lag_seconds gauge$/m);
  });

  it('reports how long it has been behind the chain', () => {
    const now = new Date('2026-12-07T10:00:00Z');
    const text = renderMetrics(state({ chainSeq: 5, behindSince: new Date('2026-12-07T09:45:00Z') }), counts, now);
    expect(value(text, 'lianjian_mirror_lag_seconds')).toBe(900);
    expect(value(text, 'lianjian_mirror_chain_batch')).toBe(5);
  });

  it('says -1 for a chain batch never checked', () => {
    expect(value(renderMetrics(state({ chainSeq: null }), counts), 'lianjian_mirror_chain_batch')).toBe(-1);
  });
});
