// The web server's settings, from the environment (npm start and docker-compose set them).
import { randomBytes } from 'node:crypto';

export interface WebConfig {
  /** The API's GraphQL endpoint, reached from this server. */
  apiUrl: string;
  /** The chain RPC the browser verifies against: absolute, or a path on this site (/chain-rpc). */
  rpcPublic: string;
  /** The chain RPC the /chain-rpc proxy forwards to. */
  rpcUpstream: string;
  /** The indexer's HTTP port (/health), read by the admin page. */
  indexerUrl: string;
  /** Session cookie signing secrets; the first signs, all verify (rotation). */
  sessionSecrets: string[];
  /** Mark cookies Secure (HTTPS only). */
  cookieSecure: boolean;
  /**
   * The organisation's root of trust (LIANJIAN_TRUST_ROOT, a trust-root.json file), given at
   * deploy time: the browser verifies chain headers from it (lib/site-trust.server.ts). Null:
   * the chain check trusts the node, and the pages say so.
   */
  trustRootFile: string | null;
}

let cached: WebConfig | undefined;

export function webConfig(env: NodeJS.ProcessEnv = process.env): WebConfig {
  if (cached && env === process.env) return cached;
  const rpcUpstream = env.LIANJIAN_RPC || 'http://127.0.0.1:26657';
  const secrets = (env.LIANJIAN_SESSION_SECRET ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (secrets.length === 0) {
    // Without a configured secret, sessions last as long as this process; several web servers
    // behind one address need a shared LIANJIAN_SESSION_SECRET.
    process.stderr.write('web: LIANJIAN_SESSION_SECRET is not set; using a random secret (sessions end when this server restarts)\n');
    secrets.push(randomBytes(32).toString('base64url'));
  } else if (secrets[0]!.length < 32) {
    throw new Error('LIANJIAN_SESSION_SECRET must be at least 32 characters');
  }
  const config: WebConfig = {
    apiUrl: env.LIANJIAN_API_URL || 'http://127.0.0.1:4000/graphql',
    // npm start gives only LIANJIAN_RPC (a node on this machine, so browsers here reach it too).
    rpcPublic: env.LIANJIAN_RPC_PUBLIC || env.LIANJIAN_RPC || 'http://127.0.0.1:26657',
    rpcUpstream,
    indexerUrl: (env.LIANJIAN_INDEXER_URL || 'http://127.0.0.1:9464').replace(/\/+$/, ''),
    sessionSecrets: secrets,
    cookieSecure: env.LIANJIAN_COOKIE_SECURE === undefined ? env.NODE_ENV === 'production' : env.LIANJIAN_COOKIE_SECURE === '1',
    trustRootFile: env.LIANJIAN_TRUST_ROOT?.trim() || null,
  };
  if (env === process.env) cached = config;
  return config;
}
