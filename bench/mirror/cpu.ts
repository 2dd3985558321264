// CPU seconds spent by processes, from /proc (Linux): what a catch-up costs on each side, which a
// shared, loaded machine's wall-clock rate does not show. Elsewhere (no /proc) every figure is 0.
import { readdirSync, readFileSync } from 'node:fs';

const TICKS = 100; // USER_HZ: clock ticks per second on Linux

/** utime + stime of one process, in seconds (0 when it is gone or /proc is missing). */
export function cpuSecondsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces, in parentheses): utime is the 14th field, stime the 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return 0;
  }
}

/**
 * The Postgres backends serving these databases (process title `postgres: <user> <db> …`), pid →
 * CPU seconds. A backend that ends between two readings loses its share: the pools here keep theirs.
 */
export function postgresBackends(databases: readonly string[]): Map<number, number> {
  const out = new Map<number, number>();
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return out;
  }
  for (const p of pids) {
    try {
      const cmd = readFileSync(`/proc/${p}/cmdline`, 'utf8');
      if (!cmd.startsWith('postgres: ')) continue;
      const db = cmd.split(' ')[2];
      if (db && databases.includes(db)) out.set(Number(p), cpuSecondsOf(Number(p)));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** CPU seconds the backends of `databases` spent since `before` (backends new since then count from 0). */
export function postgresCpuSince(before: Map<number, number>, databases: readonly string[]): number {
  let sum = 0;
  for (const [pid, now] of postgresBackends(databases)) sum += now - (before.get(pid) ?? 0);
  return sum;
}
