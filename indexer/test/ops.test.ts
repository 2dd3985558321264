import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, describeConfig, loadConfig, submitterMnemonicFile } from '../src/config.js';
import { parseFault } from '../src/faults.js';
import { createLogger } from '../src/log.js';
import { indexerMetrics } from '../src/metrics.js';

const MNEMONIC = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';

describe('config', () => {
  const home = mkdtempSync(path.join(tmpdir(), 'lj-cfg-'));
  writeFileSync(path.join(home, 'submitters.json'), JSON.stringify({ submitters: [{ mnemonicFile: 'first.mnemonic' }] }));
  writeFileSync(path.join(home, 'first.mnemonic'), MNEMONIC + '\n');
  const env = { DATABASE_URL: 'postgresql://u:secretpw@127.0.0.1:5432/db', LIANJIAN_RPC: 'http://127.0.0.1:26657', LIANJIAN_CHAIN_HOME: home };

  it('reads the submitter key named by the localnet’s submitters.json, and never shows it', () => {
    expect(submitterMnemonicFile(home)).toBe(path.join(home, 'first.mnemonic'));
    const c = loadConfig({ ...env, PORT: '9000', LIANJIAN_BATCH_MAX_RECORDS: '1000' });
    expect(c.chain?.mnemonic).toBe(MNEMONIC);
    expect(c.policy.maxRecords).toBe(1000);
    const shown = JSON.stringify(describeConfig(c));
    expect(shown).not.toContain('abandon');
    expect(shown).not.toContain('secretpw');
  });

  it('refuses what it cannot use', () => {
    expect(() => loadConfig({})).toThrow(ConfigError);
    expect(() => loadConfig({ ...env, LIANJIAN_CHAIN_HOME: '/nonexistent' })).toThrow(/does not exist/);
    expect(() => loadConfig({ ...env, LIANJIAN_BATCH_MAX_RECORDS: '0' })).toThrow(/≥ 1/);
    expect(loadConfig({ DATABASE_URL: env.DATABASE_URL }).chain).toBeUndefined();
  });
});

describe('fault points', () => {
  it('parses point, action and occurrence', () => {
    expect(parseFault('after-broadcast')).toEqual({ point: 'after-broadcast', action: 'pause', nth: 1 });
    expect(parseFault('mid-proof-write:exit@3')).toEqual({ point: 'mid-proof-write', action: 'exit', nth: 3 });
    expect(parseFault(undefined)).toBeUndefined();
    expect(() => parseFault('somewhere')).toThrow(/LIANJIAN_FAULT/);
  });
});

describe('metrics and logs', () => {
  it('renders Prometheus text', () => {
    const m = indexerMetrics();
    m.batchSize.observe(30);
    m.commitErrors.inc(1, { error: 'SeqOutOfOrderError' });
    m.backlog.set(12);
    const text = m.registry.render();
    expect(text).toMatch(/^# TYPE lianjian_indexer_batch_size histogram$/m);
    expect(text).toMatch(/^lianjian_indexer_batch_size_bucket\{le="100"\} 1$/m);
    expect(text).toMatch(/^lianjian_indexer_batch_size_bucket\{le="10"\} 0$/m);
    expect(text).toMatch(/^lianjian_indexer_commit_errors_total\{error="SeqOutOfOrderError"\} 1$/m);
    expect(text).toMatch(/^lianjian_indexer_backlog_records 12$/m);
  });

  it('writes one JSON object per line', () => {
    const lines: string[] = [];
    const log = createLogger({ write: (l) => lines.push(l), base: { service: 'indexer' } });
    log.info('batch built', { seq: 3n, error: new Error('boom') });
    log.debug('hidden');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'info', msg: 'batch built', service: 'indexer', seq: '3', error: { name: 'Error', message: 'boom' } });
  });
});
