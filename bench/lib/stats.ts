// Shared by every benchmark: summaries (median of runs with min–max), the machine description,
// and where results go (bench/out/<name>-latest.json, read by bench/report.ts).
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import path from 'node:path';
import { repoRoot } from '../../scripts/lib/chain-node.js';

export const outDir = path.join(repoRoot, 'bench/out');

export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function spread(runs: number[]): Spread {
  return { median: median(runs), min: Math.min(...runs), max: Math.max(...runs), runs };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function version(cmd: string, args: string[]): string | null {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 }).trim().split('\n')[0]!;
  } catch {
    return null;
  }
}

export interface Machine {
  cores: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  go: string | null;
  postgres?: string;
  chromium?: string | null;
  loadavg: number[];
}

export function machine(extra: Partial<Machine> = {}): Machine {
  return {
    cores: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    go: version('go', ['version']),
    loadavg: loadavg().map((l) => Math.round(l * 100) / 100),
    ...extra,
  };
}

export function writeResult(name: string, result: object): string {
  mkdirSync(outDir, { recursive: true });
  const at = new Date().toISOString();
  const body = JSON.stringify({ at, ...result }, null, 2);
  writeFileSync(path.join(outDir, `${name}-${at.replace(/[:.]/g, '-')}.json`), body);
  const latest = path.join(outDir, `${name}-latest.json`);
  writeFileSync(latest, body);
  return latest;
}

export const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '—');
