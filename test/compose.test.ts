// docker-compose.yml cannot be run here (no Docker engine), so check what can be checked:
// Debian's docker-compose accepts it, and every build it names has its Dockerfile.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const secrets = { LIANJIAN_SESSION_SECRET: 'x'.repeat(32), LIANJIAN_ID_SALT: 'salt', LIANJIAN_FORWARD_SECRET: 'f'.repeat(32) };
const compose = (args: string[] = [], env: NodeJS.ProcessEnv = { ...process.env, ...secrets }) =>
  execFileSync('docker-compose', ['-f', path.join(root, 'docker-compose.yml'), 'config', ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });

describe('docker-compose.yml', () => {
  it('is accepted by docker-compose config and names the whole stack', () => {
    // docker-compose 1.29 lists every profile's services too; the network profile's (its levels and
    // the stack on them, named *-network) are not the default stack.
    const all = compose(['--services']).trim().split('\n');
    const services = all.filter((s) => !/^(network-init|level-)|-network$/.test(s)).sort();
    expect(services).toEqual(['api', 'chain', 'indexer', 'migrate', 'postgres', 'trust-root', 'web']);
    expect(all.filter((s) => s.endsWith('-network')).sort()).toEqual(['api-network', 'indexer-network', 'migrate-network', 'postgres-network', 'trust-root-network', 'web-network']);
  });

  it('refuses to start without the deployment secrets', () => {
    const env = { ...process.env };
    delete env.LIANJIAN_SESSION_SECRET;
    delete env.LIANJIAN_ID_SALT;
    delete env.LIANJIAN_FORWARD_SECRET;
    expect(() => compose(['-q'], env)).toThrow(/LIANJIAN_(SESSION_SECRET|ID_SALT|FORWARD_SECRET)/);
  });

  it('gives api and web the same forward secret', () => {
    const config = compose();
    // api and web, in the default stack and in the network profile's.
    expect(config.match(/LIANJIAN_FORWARD_SECRET: \S+/g)).toEqual(Array(4).fill(`LIANJIAN_FORWARD_SECRET: ${'f'.repeat(32)}`));
  });

  it('has a Dockerfile for every build', () => {
    // The resolved config prints each build as "context: /abs/path" then "dockerfile: name".
    const builds = [...compose().matchAll(/context: (\S+)\n\s+dockerfile: (\S+)/g)];
    expect(builds.length).toBeGreaterThanOrEqual(5);
    for (const [, context, dockerfile] of builds) {
      const file = path.resolve(context!, dockerfile!);
      expect(existsSync(file), file).toBe(true);
    }
  });
});
