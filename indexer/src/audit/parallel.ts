// Worker threads for the full audit: parsing, canonicalising and hashing every record is CPU
// work that one thread leaves at one core, and each worker's own connection also spreads the
// database's share over the cores. Tasks go to the first idle worker; results are consumed in
// the order the tasks were given (inOrder), so findings come out as a single thread makes them.
import { Worker } from 'node:worker_threads';
import type { Task, TaskResult } from './worker.js';

export class AuditWorkers {
  private readonly idle: Worker[] = [];
  private readonly waiting: { task: Task; resolve: (r: TaskResult) => void; reject: (e: Error) => void }[] = [];
  private readonly pending = new Map<number, { resolve: (r: TaskResult) => void; reject: (e: Error) => void }>();
  private readonly all: Worker[] = [];
  private readonly exited = new Set<Worker>();
  private nextId = 0;
  private failed: Error | undefined;

  /** `snapshot`: an exported snapshot every worker's connection reads from (audit/snapshot.ts). */
  constructor(count: number, databaseUrl: string, snapshot?: string) {
    // Under tsx or vitest this module is TypeScript, and so is its worker: load tsx there too.
    const ts = import.meta.url.endsWith('.ts');
    const url = new URL(`./worker.${ts ? 'ts' : 'js'}`, import.meta.url);
    for (let i = 0; i < count; i++) {
      const w = new Worker(url, { workerData: { databaseUrl, snapshot }, ...(ts ? { execArgv: ['--conditions=source', '--import', 'tsx'] } : {}) });
      w.on('message', (msg: { id: number; result?: TaskResult; error?: string }) => {
        const p = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        if (msg.error !== undefined) p?.reject(new Error(msg.error));
        else p?.resolve(msg.result!);
        this.release(w);
      });
      w.on('error', (error) => this.fail(error));
      w.on('exit', (code) => {
        this.exited.add(w);
        if (code !== 0) this.fail(new Error(`audit worker exited with code ${code}`));
      });
      this.all.push(w);
      this.idle.push(w);
    }
  }

  run(task: Task): Promise<TaskResult> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => {
      this.waiting.push({ task, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.waiting.length > 0) {
      const w = this.idle.pop()!;
      const { task, resolve, reject } = this.waiting.shift()!;
      const id = this.nextId++;
      this.pending.set(id, { resolve, reject });
      w.postMessage({ id, task });
    }
  }

  private release(w: Worker): void {
    this.idle.push(w);
    this.dispatch();
  }

  private fail(error: Error): void {
    if (this.failed) return;
    this.failed = error;
    for (const p of this.pending.values()) p.reject(error);
    for (const q of this.waiting) q.reject(error);
    this.pending.clear();
    this.waiting.length = 0;
  }

  async close(): Promise<void> {
    this.failed ??= new Error('audit workers closed');
    await Promise.all(
      this.all.filter((w) => !this.exited.has(w)).map(
        (w) =>
          new Promise<void>((resolve) => {
            w.once('exit', () => resolve());
            w.postMessage('close');
            // A worker stuck in a query is not waited for.
            setTimeout(() => void w.terminate(), 5_000).unref();
          }),
      ),
    );
  }
}

/**
 * Runs `run` over `items` with at most `limit` in flight and hands each result to `each` in the
 * items' order.
 */
export async function inOrder<T, R>(items: T[], limit: number, run: (item: T) => Promise<R>, each: (result: R, item: T) => Promise<void> | void): Promise<void> {
  const started: Promise<R>[] = [];
  const start = (i: number) => {
    if (i >= items.length) return;
    started[i] = run(items[i]!);
    // A later item's failure is thrown when its turn comes, not reported as unhandled before.
    started[i]!.catch(() => {});
  };
  for (let i = 0; i < Math.max(1, limit); i++) start(i);
  for (let i = 0; i < items.length; i++) {
    const result = await started[i]!;
    start(i + Math.max(1, limit));
    await each(result, items[i]!);
  }
}
