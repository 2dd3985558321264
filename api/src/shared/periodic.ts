// A job on a timer in the API process (the dues arrears scan, the unused-upload sweep): one run at
// a time, the next interval counted from the end of the last run, a failure reported and the
// schedule kept, and a timer that never keeps a process alive that has nothing else to do.
export interface Periodic<T> {
  /** Runs the job now (after any run in progress); resolves to its result. */
  runNow(): Promise<T>;
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

export interface PeriodicOptions {
  intervalMs: number;
  /** Delay of the first run (default: one interval). */
  firstRunMs?: number;
  /** Where a failed run is reported (default: stderr, `failed` and the error's message). */
  onError?: (err: unknown) => void;
}

/**
 * Starts `job` every `opts.intervalMs`. `what` names the job in the refusal of a bad interval,
 * `failed` in the default report of a failed run; `idle` is what runNow's chain starts from.
 */
export function startPeriodic<T>(what: string, failed: string, idle: T, job: () => Promise<T>, opts: PeriodicOptions): Periodic<T> {
  if (!(Number.isFinite(opts.intervalMs) && opts.intervalMs > 0)) throw new RangeError(`${what} interval must be a positive number of ms, not ${opts.intervalMs}`);
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let running: Promise<T> = Promise.resolve(idle);
  const onError = opts.onError ?? ((err: unknown) => process.stderr.write(`${failed}: ${err instanceof Error ? err.message : String(err)}\n`));

  // A failed run was reported to its own caller; the next one runs regardless.
  const runNow = (): Promise<T> => {
    running = running.catch(() => idle).then(job);
    return running;
  };
  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      timer = null;
      runNow().then(
        () => schedule(opts.intervalMs),
        (err: unknown) => {
          onError(err);
          schedule(opts.intervalMs);
        },
      );
    }, ms);
    timer.unref();
  };
  schedule(opts.firstRunMs ?? opts.intervalMs);

  return {
    runNow,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running.catch(() => undefined);
    },
  };
}
