import { ChainUnavailableError } from '@lianjian/verify/chain';
import { ChainUnreachableError } from './errors.js';

/** Exponential backoff while the node is unreachable; bounded by total time. */
export interface RetryPolicy {
  /** First wait; default 200 ms. */
  initialDelayMs: number;
  /** Cap on one wait; default 5 s. */
  maxDelayMs: number;
  /** Growth per attempt; default 2. */
  factor: number;
  /** Give up (ChainUnreachableError) once this much time has passed; default 60 s. */
  maxElapsedMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { initialDelayMs: 200, maxDelayMs: 5_000, factor: 2, maxElapsedMs: 60_000 };

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `fn`, retrying only when the node could not be reached (ChainUnavailableError); any
 * answer from the node, including a refusal, is returned or thrown at once.
 */
export async function withRetry<T>(what: string, policy: RetryPolicy, fn: () => Promise<T>, onRetry?: (error: unknown, delayMs: number) => void): Promise<T> {
  const started = Date.now();
  let delay = policy.initialDelayMs;
  for (;;) {
    try {
      return await fn();
    } catch (error) {
      if (!(error instanceof ChainUnavailableError)) throw error;
      const elapsed = Date.now() - started;
      if (elapsed + delay > policy.maxElapsedMs) {
        throw new ChainUnreachableError(`${what}: chain node unreachable for ${Math.round(elapsed / 1000)} s, giving up: ${error.message}`, { cause: error });
      }
      onRetry?.(error, delay);
      // Jitter keeps several indexer replicas from retrying in lockstep.
      await sleep(delay * (0.8 + Math.random() * 0.4));
      delay = Math.min(policy.maxDelayMs, delay * policy.factor);
    }
  }
}
