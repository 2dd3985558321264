// The continuous auditor's settings (LIANJIAN_AUDIT_*) and the indexer's new series render as
// Prometheus expects: optional gauges absent until set, one sample per validator.
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../indexer/src/config.js';
import { auditSettingsFromEnv } from '../indexer/src/continuous-audit.js';
import { indexerMetrics } from '../indexer/src/metrics.js';

describe('continuous audit settings', () => {
  it('defaults: on, 20 000 records a second, a pass a minute apart', () => {
    expect(auditSettingsFromEnv({})).toEqual({ enabled: true, verifyAnchored: true, recordsPerSecond: 20_000, passIntervalMs: 60_000, chunkSize: 5_000 });
  });

  it('reads the environment and refuses nonsense', () => {
    const s = auditSettingsFromEnv({ LIANJIAN_AUDIT_RECORDS_PER_SECOND: '0', LIANJIAN_AUDIT_PASS_INTERVAL_MS: '1000', LIANJIAN_AUDIT_ANCHORED: 'off', LIANJIAN_AUDIT_CHUNK: '100' });
    expect(s).toMatchObject({ recordsPerSecond: 0, passIntervalMs: 1_000, verifyAnchored: false, chunkSize: 100 });
    expect(auditSettingsFromEnv({ LIANJIAN_AUDIT: 'off' }).enabled).toBe(false);
    expect(() => auditSettingsFromEnv({ LIANJIAN_AUDIT_RECORDS_PER_SECOND: 'fast' })).toThrow(ConfigError);
    expect(() => auditSettingsFromEnv({ LIANJIAN_AUDIT_PASS_INTERVAL_MS: '-1' })).toThrow(/LIANJIAN_AUDIT_PASS_INTERVAL_MS/);
  });
});

describe('indexer series for the alert rules', () => {
  it('renders audit counters by label, chain gauges only once set, one sample per validator', () => {
    const m = indexerMetrics();
    let text = m.registry.render();
    expect(text).toMatch(/^# TYPE lianjian_chain_latest_height gauge$/m);
    expect(text).not.toMatch(/^lianjian_chain_latest_height /m);
    expect(text).not.toMatch(/^lianjian_audit_last_verified_seq /m);
    m.audit.mismatches.inc(1, { kind: 'ROW_MISMATCH' });
    m.audit.batchesVerified.inc(3, { check: 'anchor' });
    m.chain.height.set(42);
    m.chain.validatorSigned.set({ validator: 'AA' }, 1);
    m.chain.validatorSigned.set({ validator: 'BB' }, 0);
    m.dbUp.set(1);
    text = m.registry.render();
    expect(text).toMatch(/^lianjian_audit_mismatches_total\{kind="ROW_MISMATCH"\} 1$/m);
    expect(text).toMatch(/^lianjian_audit_batches_verified_total\{check="anchor"\} 3$/m);
    expect(text).toMatch(/^lianjian_chain_latest_height 42$/m);
    expect(text).toMatch(/^lianjian_chain_validator_signed\{validator="AA"\} 1$/m);
    expect(text).toMatch(/^lianjian_chain_validator_signed\{validator="BB"\} 0$/m);
    expect(text).toMatch(/^lianjian_indexer_db_up 1$/m);
    m.chain.validatorSigned.reset();
    expect(m.registry.render()).not.toMatch(/lianjian_chain_validator_signed\{/);
  });
});
