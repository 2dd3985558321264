// Child-process supervision for the stack, the integration tests and the benchmarks:
// start a service, wait until it answers, stop it (SIGTERM, then SIGKILL after a grace period).
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';

export interface ServiceSpec {
  name: string;
  command: string;
  args: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Output goes here (appended); nothing is printed to the terminal. */
  logFile: string;
  /** Resolves true once the service answers. */
  ready: () => Promise<boolean>;
  readyTimeoutMs?: number;
}

export interface RunningService {
  name: string;
  child: ChildProcess;
  /** Resolves with the exit code (or signal) once the process is gone. */
  exited: Promise<number | string>;
  stop(graceMs?: number): Promise<void>;
  /** SIGKILL without grace: for fault tests. */
  kill(): Promise<void>;
}

export async function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export async function httpOk(url: string, init?: RequestInit): Promise<boolean> {
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(2000) });
    return res.ok;
  } catch {
    return false;
  }
}

export async function startService(spec: ServiceSpec): Promise<RunningService> {
  mkdirSync(path.dirname(spec.logFile), { recursive: true });
  const log = createWriteStream(spec.logFile, { flags: 'a' });
  log.write(`\n=== ${new Date().toISOString()} starting ${spec.command} ${spec.args.join(' ')}\n`);
  // Own process group: a terminal Ctrl-C reaches the supervisor only, which then stops
  // services in order (dependents before what they depend on).
  const child = spawn(spec.command, spec.args, {
    cwd: spec.cwd,
    env: { ...process.env, ...spec.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  let tail = '';
  child.stderr?.on('data', (d: Buffer) => {
    tail = (tail + d.toString()).slice(-2000);
  });
  const exited = new Promise<number | string>((resolve) => {
    child.on('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
    child.on('error', (err) => resolve(`spawn error: ${err.message}`));
  });
  let gone = false;
  void exited.then(() => {
    gone = true;
  });

  const signalGroup = (sig: NodeJS.Signals) => {
    if (gone || child.pid === undefined) return;
    try {
      process.kill(-child.pid, sig);
    } catch {
      /* already gone */
    }
  };
  const svc: RunningService = {
    name: spec.name,
    child,
    exited,
    async stop(graceMs = 10_000) {
      signalGroup('SIGTERM');
      const t = setTimeout(() => signalGroup('SIGKILL'), graceMs);
      await exited;
      clearTimeout(t);
      log.end();
    },
    async kill() {
      signalGroup('SIGKILL');
      await exited;
    },
  };

  const deadline = Date.now() + (spec.readyTimeoutMs ?? 60_000);
  while (!(await spec.ready())) {
    if (gone) {
      throw new Error(`${spec.name} exited before it was ready (see ${spec.logFile}): ${tail.trim().split('\n').slice(-3).join(' | ')}`);
    }
    if (Date.now() > deadline) {
      await svc.stop(2000);
      throw new Error(`${spec.name} was not ready within ${(spec.readyTimeoutMs ?? 60_000) / 1000} s (see ${spec.logFile})`);
    }
    await sleep(200);
  }
  return svc;
}
