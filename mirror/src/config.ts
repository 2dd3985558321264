// lianjian-mirror's settings: flags first, then the environment, then defaults.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseTrustRoot, type TrustRoot } from '@lianjian/verify';

export interface MirrorConfig {
  /** The centre's GraphQL endpoint. */
  feedUrl: string;
  /** The level's API key (scope Mirror:read). */
  key: string;
  /** The mirror's own Postgres; absent: an embedded cluster in dataDir. */
  databaseUrl?: string;
  dataDir: string;
  rpcUrl: string;
  trustRoot: TrustRoot;
  trustRootFile: string;
  host: string;
  port: number;
  pollMs: number;
  recheckMs: number;
  stallMs: number;
  pageSize: number;
}

export const USAGE = `Usage 用法: lianjian-mirror --feed URL --key KEY --trust FILE [options]
  --feed URL          the centre's GraphQL endpoint ($LIANJIAN_MIRROR_FEED)  中心的 GraphQL 地址
  --key KEY           the level's API key with scope Mirror:read ($LIANJIAN_MIRROR_KEY, or $LIANJIAN_MIRROR_KEY_FILE)
  --trust FILE        the organisation's root of trust ($LIANJIAN_TRUST_ROOT)  组织信任根
  --rpc URL           a chain node's CometBFT RPC ($LIANJIAN_RPC, default http://127.0.0.1:26657)
  --database-url URL  the mirror's own Postgres ($DATABASE_URL); default: embedded, in --data-dir
  --data-dir DIR      embedded Postgres data ($LIANJIAN_MIRROR_DATA_DIR, default .data/mirror)
  --port N            read API port ($LIANJIAN_MIRROR_PORT, default 4100); --host H (default 127.0.0.1)
  --poll-ms N         feed poll when caught up (default 2000); --recheck-ms N (default 600000);
  --stall-ms N        chain ahead of the feed this long is an alert (default 300000); --page-size N (default 1000)`;

export class ConfigError extends Error {}

export function loadConfig(argv: string[], env: NodeJS.ProcessEnv = process.env): MirrorConfig {
  const { values } = parseArgs({
    args: argv,
    options: {
      feed: { type: 'string' },
      key: { type: 'string' },
      trust: { type: 'string' },
      rpc: { type: 'string' },
      'database-url': { type: 'string' },
      'data-dir': { type: 'string' },
      host: { type: 'string' },
      port: { type: 'string' },
      'poll-ms': { type: 'string' },
      'recheck-ms': { type: 'string' },
      'stall-ms': { type: 'string' },
      'page-size': { type: 'string' },
    },
    strict: true,
  });
  const need = (v: string | undefined, what: string) => {
    if (!v) throw new ConfigError(`missing ${what}`);
    return v;
  };
  const int = (v: string | undefined, fallback: number, what: string) => {
    if (v === undefined || v === '') return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new ConfigError(`${what} must be a whole number, got "${v}"`);
    return n;
  };
  let feedUrl = need(values.feed ?? env.LIANJIAN_MIRROR_FEED, '--feed (the centre GraphQL URL)');
  if (!/\/graphql\/?$/.test(new URL(feedUrl).pathname)) feedUrl = new URL('/graphql', feedUrl).toString();
  const keyFile = env.LIANJIAN_MIRROR_KEY_FILE;
  const key = need(values.key ?? env.LIANJIAN_MIRROR_KEY ?? (keyFile ? readFileSync(keyFile, 'utf8').trim() : undefined), '--key (an API key with scope Mirror:read)');
  const trustRootFile = need(values.trust ?? env.LIANJIAN_TRUST_ROOT, '--trust (the root of trust file)');
  let trustRoot: TrustRoot;
  try {
    trustRoot = parseTrustRoot(readFileSync(trustRootFile, 'utf8'));
  } catch (error) {
    throw new ConfigError(`unreadable root of trust ${trustRootFile}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const databaseUrl = values['database-url'] ?? env.DATABASE_URL;
  return {
    feedUrl,
    key,
    ...(databaseUrl ? { databaseUrl } : {}),
    dataDir: values['data-dir'] ?? env.LIANJIAN_MIRROR_DATA_DIR ?? '.data/mirror',
    rpcUrl: values.rpc ?? env.LIANJIAN_RPC ?? 'http://127.0.0.1:26657',
    trustRoot,
    trustRootFile,
    host: values.host ?? env.LIANJIAN_MIRROR_HOST ?? '127.0.0.1',
    port: int(values.port ?? env.LIANJIAN_MIRROR_PORT, 4100, '--port'),
    pollMs: int(values['poll-ms'], 2000, '--poll-ms'),
    recheckMs: int(values['recheck-ms'], 600_000, '--recheck-ms'),
    stallMs: int(values['stall-ms'], 300_000, '--stall-ms'),
    pageSize: Math.min(2000, Math.max(1, int(values['page-size'], 1000, '--page-size'))),
  };
}
