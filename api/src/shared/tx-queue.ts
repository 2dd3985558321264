// Interactive transactions hold a pool connection from BEGIN to COMMIT. Under load every write asked
// the pool at once; the pool's queue was longer than Prisma's default 2 s maxWait, so writes failed
// with P2028 while the reads ahead of them were served. Here the API's transactions first queue
// in-process, in arrival order: at most `slots` of them hold (or wait for) a connection, so the
// other `poolSize - slots` connections stay for reads, and a queued write costs no connection.
// A write that still cannot start within its wait budget fails as BUSY (retryable, nothing saved).
import type { PrismaClient } from '@lianjian/db';
import { busy, isTransactionUnavailable } from './errors.js';

export interface TxQueueOptions {
  /** Transactions allowed to hold or wait for a pool connection at once. */
  slots: number;
  /** Longest a transaction may wait, queue and pool together, before it fails as BUSY. */
  maxWaitMs: number;
  /** Longest a started transaction may run before Prisma rolls it back (Prisma's default is 5 s). */
  timeoutMs: number;
}

/** Half the pool for writes (at least one); waits long enough to ride out a burst of 64 clients. */
export function txQueueDefaults(poolSize: number): TxQueueOptions {
  return { slots: Math.max(1, Math.floor(poolSize / 2)), maxWaitMs: 30_000, timeoutMs: 30_000 };
}

/** A counting semaphore whose waiters are served first come, first served, or give up after a time. */
export class Slots {
  #free: number;
  readonly #queue: Array<() => void> = [];

  constructor(n: number) {
    if (!Number.isInteger(n) || n < 1) throw new Error(`transaction slots must be a positive integer, got ${n}`);
    this.#free = n;
  }

  get waiting(): number {
    return this.#queue.length;
  }

  /** true once a slot is held (call release), false if none came free within waitMs. */
  acquire(waitMs: number): Promise<boolean> {
    if (this.#free > 0 && this.#queue.length === 0) {
      this.#free--;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const grant = () => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        const i = this.#queue.indexOf(grant);
        if (i >= 0) this.#queue.splice(i, 1);
        resolve(false);
      }, waitMs);
      this.#queue.push(grant);
    });
  }

  release(): void {
    const next = this.#queue.shift();
    if (next) next();
    else this.#free++;
  }
}

interface TxOptions {
  maxWait?: number;
  timeout?: number;
  isolationLevel?: unknown;
}

const QUEUED = Symbol.for('lianjian.txQueue');

/**
 * Routes `prisma.$transaction` (callback and array forms) through a Slots queue. The client is
 * changed in place so that every caller (`ctx.prisma.$transaction(...)`) goes through it; calling
 * it again on the same client does nothing.
 */
export function queueTransactions(prisma: PrismaClient, opts: TxQueueOptions): Slots {
  const client = prisma as unknown as Record<PropertyKey, unknown>;
  const existing = client[QUEUED];
  if (existing instanceof Slots) return existing;
  const slots = new Slots(opts.slots);
  const original = (prisma.$transaction as (arg: unknown, options?: TxOptions) => Promise<unknown>).bind(prisma);
  const queued = async (arg: unknown, options: TxOptions = {}): Promise<unknown> => {
    const budget = options.maxWait ?? opts.maxWaitMs;
    const t0 = Date.now();
    if (!(await slots.acquire(budget))) throw busy();
    try {
      // The time spent in the queue counts against the same budget.
      const maxWait = Math.max(1, budget - (Date.now() - t0));
      return await original(arg, { ...options, maxWait, timeout: options.timeout ?? opts.timeoutMs });
    } catch (err) {
      throw isTransactionUnavailable(err) ? busy() : err;
    } finally {
      slots.release();
    }
  };
  Object.defineProperty(client, '$transaction', { value: queued, configurable: true, writable: true });
  Object.defineProperty(client, QUEUED, { value: slots });
  return slots;
}
