// lianjian-mirror's settings: flags over the environment, the GraphQL path added, bad input refused.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const dir = mkdtempSync(path.join(tmpdir(), 'mirror-config-'));
const bad = path.join(dir, 'bad.json');
writeFileSync(bad, '{"not":"a root"}');

describe('loadConfig', () => {
  it('refuses a missing feed, key or root of trust, and an unreadable root', () => {
    expect(() => loadConfig([], {})).toThrow(ConfigError);
    expect(() => loadConfig(['--feed', 'http://c:4000'], {})).toThrow(/--key/);
    expect(() => loadConfig(['--feed', 'http://c:4000', '--key', 'k'], {})).toThrow(/--trust/);
    expect(() => loadConfig(['--feed', 'http://c:4000', '--key', 'k', '--trust', bad], {})).toThrow(/unreadable root of trust/);
    expect(() => loadConfig(['--feed', 'http://c:4000', '--key', 'k', '--trust', path.join(dir, 'none.json')], {})).toThrow(ConfigError);
  });

  it('refuses unknown flags and bad numbers', () => {
    expect(() => loadConfig(['--nope'], {})).toThrow();
    expect(() => loadConfig(['--feed', 'http://c:4000', '--key', 'k', '--trust', bad, '--port', 'x'], {})).toThrow();
  });
});
