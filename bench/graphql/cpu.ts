// CPU seconds spent while one server is under load, split between its Node process and the
// Postgres backends serving the benchmark's database, read from /proc (as bench/audit/run.ts
// reads the embedded cluster). Wall-clock throughput on a shared 2-core machine moves with the
// background; CPU per request is what a server costs, and where it is spent says what limits it.
import { readFileSync } from 'node:fs';
import pg from 'pg';

const TICK = 100; // USER_HZ: clock ticks per second in /proc/<pid>/stat on Linux

/** CPU seconds of a process (all its threads), plus its reaped children when asked (stat fields 14–17). */
export function procCpu(pid: number, children = false): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const own = Number(f[11]) + Number(f[12]);
    return (children ? own + Number(f[13]) + Number(f[14]) : own) / TICK;
  } catch {
    return null;
  }
}

export interface CpuSample {
  /** CPU seconds of the server's Node process (every thread: libuv pool, GC, JIT included). */
  nodeS: number | null;
  /** CPU seconds of the Postgres backends connected to the benchmark's database. */
  postgresS: number | null;
  /** CPU seconds of this process: the load generator (autocannon) and its bookkeeping. */
  clientS: number;
  /** Backends seen during the run. */
  backends: number;
}

/**
 * Watches the backends of one database: which backends exist is asked from pg_stat_activity,
 * their CPU read from /proc, every `everyMs` while a run lasts, so a backend that appears during
 * the run (a pool growing to the run's concurrency) is counted from its start, and one that
 * closes is counted up to its last sample. Parallel workers live shorter than a sample period
 * and are missed. The watcher's own backend is
 * left out. Returns null figures when the cluster's processes are not visible here (another
 * host through LIANJIAN_BENCH_PG).
 */
export class BackendCpu {
  private client: pg.Client;
  private ownPid = 0;
  private visible = true;

  constructor(url: string, private everyMs = 250) {
    this.client = new pg.Client({ connectionString: url, application_name: 'bench-graphql-cpu' });
  }

  async open(): Promise<void> {
    await this.client.connect();
    this.ownPid = (await this.client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
    this.visible = procCpu(this.ownPid) !== null;
  }

  async close(): Promise<void> {
    await this.client.end();
  }

  private async pids(): Promise<number[]> {
    const { rows } = await this.client.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    return rows.map((r) => r.pid);
  }

  /**
   * Starts counting for the server whose Node process is `nodePid`; the returned `stop` ends the
   * count and gives the CPU seconds spent in between (one measured run).
   */
  async start(nodePid: number | undefined): Promise<{ stop: () => Promise<CpuSample> }> {
    const first = new Map<number, number>();
    const last = new Map<number, number>();
    const sample = async (atStart: boolean) => {
      for (const pid of await this.pids()) {
        const s = procCpu(pid);
        if (s === null) continue;
        // A backend first seen after the start began during the run: all its CPU is the run's.
        if (!first.has(pid)) first.set(pid, atStart ? s : 0);
        last.set(pid, s);
      }
    };
    const node0 = nodePid === undefined ? null : procCpu(nodePid);
    const client0 = process.cpuUsage();
    if (this.visible) await sample(true);
    let sampling = Promise.resolve();
    const timer = this.visible
      ? setInterval(() => {
          sampling = sampling.then(() => sample(false)).catch(() => undefined);
        }, this.everyMs)
      : undefined;
    return {
      stop: async () => {
        clearInterval(timer);
        await sampling;
        if (this.visible) await sample(false);
        const node1 = nodePid === undefined ? null : procCpu(nodePid);
        const client = process.cpuUsage(client0);
        let postgresS = 0;
        for (const [pid, s0] of first) postgresS += last.get(pid)! - s0;
        return {
          nodeS: node0 !== null && node1 !== null ? node1 - node0 : null,
          postgresS: this.visible ? postgresS : null,
          clientS: (client.user + client.system) / 1e6,
          backends: first.size,
        };
      },
    };
  }
}
