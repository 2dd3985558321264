// Runtime settings of the API, from the environment with development defaults. Tests build
// their own (with a fake clock) instead of touching process.env.
import { DEMO_ID_SALT } from '@lianjian/db';

export interface ApiConfig {
  /** Salt of the national ID hash (duplicate detection). Must be set and kept secret in production. */
  idSalt: string;
  /** CometBFT RPC of the app chain, reported on by /health. */
  chainRpc: string | null;
  /** Chain id for anchors of batches stored without one (the indexer records it per batch). */
  chainId: string | null;
  sessionTtlMs: number;
  challengeTtlMs: number;
  /**
   * Wrong passwords for one username at one client address before it is blocked for lockoutMs
   * (doubling at each further block); also wrong TOTP codes per account before the second factor
   * locks (auth/rate-limit.ts, auth/sign-in.ts).
   */
  maxFailedAttempts: number;
  lockoutMs: number;
  /** Wrong passwords from one client address (any username) before it is blocked for ipWindowMs, doubling likewise. */
  ipMaxFailures: number;
  ipWindowMs: number;
  /** Take the client address from X-Forwarded-For (only behind a proxy that sets it). */
  trustProxy: boolean;
  /**
   * Shared with the web server (LIANJIAN_FORWARD_SECRET): a request carrying it in
   * X-Lianjian-Forward-Secret names its client in X-Lianjian-Client-Ip, so that per-address
   * limits see the browser's address, not the web server's. Null: the headers are ignored.
   */
  forwardSecret: string | null;
  /**
   * Whether `__schema`/`__type` queries are answered (and GraphiQL offered). Off in production:
   * the schema then is not a map handed to anyone who asks. LIANJIAN_INTROSPECTION=1/0 overrides.
   */
  introspection: boolean;
  /** Largest `first`/`last` of any connection. */
  maxPageSize: number;
  defaultPageSize: number;
  /** The clock every expiry and TOTP check reads (tests move it). */
  now: () => Date;
  /**
   * How often this process runs the dues arrears scan (modules/dues/arrears-scan.ts), in ms; null:
   * never (the default of defaultConfig, so tests run it only when they ask).
   * LIANJIAN_DUES_ARREARS_SCAN_MS, default 6 hours; 0 turns it off.
   */
  duesArrearsScanMs: number | null;
}


export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const idSalt = env.LIANJIAN_ID_SALT || DEMO_ID_SALT;
  if (env.NODE_ENV === 'production' && idSalt === DEMO_ID_SALT) {
    throw new Error('LIANJIAN_ID_SALT must be set in production (the national ID hash salt)');
  }
  return {
    ...defaultConfig(),
    idSalt,
    chainRpc: env.LIANJIAN_RPC || null,
    chainId: env.LIANJIAN_CHAIN_ID || null,
    trustProxy: env.LIANJIAN_TRUST_PROXY === '1',
    forwardSecret: env.LIANJIAN_FORWARD_SECRET || null,
    introspection: introspectionFromEnv(env),
    duesArrearsScanMs: duesArrearsScanFromEnv(env),
  };
}

export function duesArrearsScanFromEnv(env: NodeJS.ProcessEnv): number | null {
  const given = env.LIANJIAN_DUES_ARREARS_SCAN_MS;
  if (given === undefined || given === '') return 6 * 3600_000;
  const ms = Number(given);
  // A typo must not silently turn the scan off (or make it run in a tight loop).
  if (!Number.isInteger(ms) || ms < 0 || (ms > 0 && ms < 1000)) throw new Error(`LIANJIAN_DUES_ARREARS_SCAN_MS must be 0 (off) or at least 1000 ms, not "${given}"`);
  return ms === 0 ? null : ms;
}

export function introspectionFromEnv(env: NodeJS.ProcessEnv): boolean {
  const given = env.LIANJIAN_INTROSPECTION;
  if (given === undefined || given === '') return env.NODE_ENV !== 'production';
  if (given === '1' || given === '0') return given === '1';
  // A typo must not silently leave the schema open (or closed) in production.
  throw new Error(`LIANJIAN_INTROSPECTION must be 1 or 0, not "${given}"`);
}

export function defaultConfig(overrides: Partial<ApiConfig> = {}): ApiConfig {
  return {
    // The demo seed's salt, so duplicates of seeded members are found in development.
    idSalt: DEMO_ID_SALT,
    chainRpc: null,
    chainId: null,
    sessionTtlMs: 12 * 3600_000,
    challengeTtlMs: 5 * 60_000,
    maxFailedAttempts: 5,
    lockoutMs: 15 * 60_000,
    ipMaxFailures: 20,
    ipWindowMs: 15 * 60_000,
    trustProxy: false,
    forwardSecret: null,
    introspection: true,
    maxPageSize: 100,
    defaultPageSize: 20,
    now: () => new Date(),
    duesArrearsScanMs: null,
    ...overrides,
  };
}
