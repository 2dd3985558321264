// The webhook dispatcher's settings, from the environment (read where the dispatcher starts and
// where a URL is checked; tests set the variables before starting the API).
//   LIANJIAN_WEBHOOKS_MS             how often the dispatcher scans and sends (default 1000; 0: off)
//   LIANJIAN_WEBHOOKS_RETRY_MS       first retry delay, doubled per attempt (default 10000)
//   LIANJIAN_WEBHOOKS_MAX_RETRY_MS   longest delay between attempts (default 1 h)
//   LIANJIAN_WEBHOOKS_MAX_ATTEMPTS   attempts of one event before it is given up (default 12)
//   LIANJIAN_WEBHOOKS_DISABLE_AFTER  failed attempts in a row that disable an endpoint (default 20)
//   LIANJIAN_WEBHOOKS_TIMEOUT_MS     how long a receiver may take to answer (default 10000)
//   LIANJIAN_WEBHOOKS_ALLOW_LOOPBACK 1: endpoints on 127.0.0.1/::1/localhost, also over http (tests, development)

export interface WebhooksConfig {
  intervalMs: number | null;
  retryBaseMs: number;
  maxRetryMs: number;
  maxAttempts: number;
  disableAfter: number;
  timeoutMs: number;
  allowLoopback: boolean;
}

function int(env: NodeJS.ProcessEnv, name: string, def: number, min: number): number {
  const given = env[name];
  if (given === undefined || given === '') return def;
  const n = Number(given);
  // A typo must not silently change delivery (or make the loop spin).
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a whole number of at least ${min}, not "${given}"`);
  return n;
}

export function webhooksConfigFromEnv(env: NodeJS.ProcessEnv = process.env): WebhooksConfig {
  const interval = int(env, 'LIANJIAN_WEBHOOKS_MS', 1000, 0);
  if (interval > 0 && interval < 50) throw new Error(`LIANJIAN_WEBHOOKS_MS must be 0 (off) or at least 50 ms, not "${interval}"`);
  const loopback = env.LIANJIAN_WEBHOOKS_ALLOW_LOOPBACK ?? '';
  if (!['', '0', '1'].includes(loopback)) throw new Error(`LIANJIAN_WEBHOOKS_ALLOW_LOOPBACK must be 1 or 0, not "${loopback}"`);
  return {
    intervalMs: interval === 0 ? null : interval,
    retryBaseMs: int(env, 'LIANJIAN_WEBHOOKS_RETRY_MS', 10_000, 1),
    maxRetryMs: int(env, 'LIANJIAN_WEBHOOKS_MAX_RETRY_MS', 3600_000, 1),
    maxAttempts: int(env, 'LIANJIAN_WEBHOOKS_MAX_ATTEMPTS', 12, 1),
    disableAfter: int(env, 'LIANJIAN_WEBHOOKS_DISABLE_AFTER', 20, 1),
    timeoutMs: int(env, 'LIANJIAN_WEBHOOKS_TIMEOUT_MS', 10_000, 100),
    allowLoopback: loopback === '1',
  };
}
