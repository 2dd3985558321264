// docker-compose.yml's profile "network" (docs/levels.md): the four levels' validators as separate
// services on one genesis. No Docker engine here: checked with Debian's docker-compose config.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const env = { ...process.env, LIANJIAN_SESSION_SECRET: 'x'.repeat(32), LIANJIAN_ID_SALT: 'salt', LIANJIAN_FORWARD_SECRET: 'f'.repeat(32) };
const config = () => execFileSync('docker-compose', ['-f', path.join(root, 'docker-compose.yml'), '--profile', 'network', 'config'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env });

describe('docker-compose.yml profile "network"', () => {
  const text = config();
  const levels = ['level-centre', 'level-province', 'level-city', 'level-county'];

  it('runs four validators, each its own service, after one init', () => {
    for (const [i, name] of levels.entries()) {
      expect(text).toMatch(new RegExp(`  ${name}:[\\s\\S]*?scripts/localnet4.sh\\n\\s+- start\\n\\s+- '?${i}'?`));
    }
    expect(text).toMatch(/network-init:[\s\S]*?scripts\/localnet4.sh\n\s+- init/);
  });

  it('gives every level the same network root, peer hosts and the four names', () => {
    expect(text.match(/LIANJIAN_LOCALNET4_PEER_HOSTS: level-centre,level-province,level-city,level-county/g)?.length).toBe(5);
    expect(text.match(/LIANJIAN_LOCALNET4_MONIKERS: centre,province,city,county/g)?.length).toBe(5);
    expect(text.match(/LIANJIAN_LISTEN_HOST: 0.0.0.0/g)?.length).toBeGreaterThanOrEqual(5);
    expect(text).toMatch(/networkdata/);
  });
});
