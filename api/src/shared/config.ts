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
  /**
   * How often this process generates inbox reminders and queues and sends their e-mail
   * (modules/inbox/schedule.ts), in ms; null: never (the default of defaultConfig).
   * LIANJIAN_REMINDERS_MS, default 10 minutes; 0 turns it off.
   */
  remindersMs: number | null;
  /**
   * How often this process deletes uploads no record names once their grace period is over
   * (modules/attachments/sweep.ts), in ms; null: never (the default of defaultConfig).
   * LIANJIAN_FILES_SWEEP_MS, default 1 hour; 0 turns it off.
   */
  filesSweepMs: number | null;
  /** Where e-mail goes out (modules/inbox/email); null: no e-mail is queued or sent. */
  smtp: SmtpConfig | null;
  /** The web app's address, for links in e-mails (LIANJIAN_WEB_URL). */
  webUrl: string;
  /**
   * Whether the hot partner reads are answered by compiled statements ahead of Apollo
   * (compiled-reads/, docs/decisions/023-compiled-reads.md). LIANJIAN_COMPILED_READS=1/0, default on;
   * off in defaultConfig, so tests that count Prisma's queries see Apollo's path unless they ask.
   */
  compiledReads: boolean;
}

/** LIANJIAN_SMTP_URL (smtp[s]://user:password@host:port), or LIANJIAN_SMTP_HOST, _PORT, _USER, _PASSWORD, _SECURE=1; LIANJIAN_SMTP_FROM. */
export interface SmtpConfig {
  url?: string;
  host?: string;
  port?: number;
  secure?: boolean;
  user?: string;
  password?: string;
  from: string;
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
    remindersMs: remindersFromEnv(env),
    filesSweepMs: filesSweepFromEnv(env),
    smtp: smtpFromEnv(env),
    webUrl: (env.LIANJIAN_WEB_URL || 'http://127.0.0.1:3000').replace(/\/+$/, ''),
    compiledReads: compiledReadsFromEnv(env),
  };
}

export function compiledReadsFromEnv(env: NodeJS.ProcessEnv): boolean {
  const given = env.LIANJIAN_COMPILED_READS;
  if (given === undefined || given === '') return true;
  if (given === '1' || given === '0') return given === '1';
  throw new Error(`LIANJIAN_COMPILED_READS must be 1 or 0, not "${given}"`);
}

export function filesSweepFromEnv(env: NodeJS.ProcessEnv): number | null {
  const given = env.LIANJIAN_FILES_SWEEP_MS;
  if (given === undefined || given === '') return 3600_000;
  const ms = Number(given);
  if (!Number.isInteger(ms) || ms < 0 || (ms > 0 && ms < 1000)) throw new Error(`LIANJIAN_FILES_SWEEP_MS must be 0 (off) or at least 1000 ms, not "${given}"`);
  return ms === 0 ? null : ms;
}

export function remindersFromEnv(env: NodeJS.ProcessEnv): number | null {
  const given = env.LIANJIAN_REMINDERS_MS;
  if (given === undefined || given === '') return 10 * 60_000;
  const ms = Number(given);
  // A typo must not silently turn reminders off (or make them run in a tight loop).
  if (!Number.isInteger(ms) || ms < 0 || (ms > 0 && ms < 1000)) throw new Error(`LIANJIAN_REMINDERS_MS must be 0 (off) or at least 1000 ms, not "${given}"`);
  return ms === 0 ? null : ms;
}

export function smtpFromEnv(env: NodeJS.ProcessEnv): SmtpConfig | null {
  const from = env.LIANJIAN_SMTP_FROM || 'Lianjian <no-reply@lianjian.invalid>';
  if (env.LIANJIAN_SMTP_URL) return { url: env.LIANJIAN_SMTP_URL, from };
  if (!env.LIANJIAN_SMTP_HOST) return null;
  const port = env.LIANJIAN_SMTP_PORT ? Number(env.LIANJIAN_SMTP_PORT) : 587;
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`LIANJIAN_SMTP_PORT must be a port number, not "${env.LIANJIAN_SMTP_PORT}"`);
  return {
    host: env.LIANJIAN_SMTP_HOST,
    port,
    secure: env.LIANJIAN_SMTP_SECURE === '1',
    ...(env.LIANJIAN_SMTP_USER ? { user: env.LIANJIAN_SMTP_USER, password: env.LIANJIAN_SMTP_PASSWORD ?? '' } : {}),
    from,
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
    remindersMs: null,
    filesSweepMs: null,
    smtp: null,
    webUrl: 'http://127.0.0.1:3000',
    compiledReads: false,
    ...overrides,
  };
}
