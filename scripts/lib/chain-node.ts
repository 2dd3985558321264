// Starts the single-validator localnet (chain/scripts/localnet.sh) as a supervised service.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '@lianjian/db/postgres';
import { startService, type RunningService } from './process.js';
import { TRUST_ROOT_FILE, writeTrustRoot } from './trust-root.js';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const chainBinary = path.join(repoRoot, 'chain/build/lianjiand');

export interface ChainNode extends RunningService {
  rpcUrl: string;
  home: string;
  ports: ChainPorts;
  /** Mnemonics of the funded submitter keys the localnet created. */
  submitterMnemonics(): string[];
  /** The root of trust written at start (<home>/trust-root.json; `lianjian-verify --trust`). */
  trustRootFile: string;
}

export interface ChainPorts {
  rpc: number;
  grpc: number;
  api: number;
  p2p: number;
}

export function chainAvailable(): boolean {
  return existsSync(path.join(repoRoot, 'chain/scripts/localnet.sh')) && existsSync(chainBinary);
}

/** The funded, allowed submitter keys localnet.sh wrote at init (listed in submitters.json). */
export function readSubmitterMnemonics(home: string): string[] {
  const list = path.join(home, 'submitters.json');
  if (!existsSync(list)) return [];
  const { submitters } = JSON.parse(readFileSync(list, 'utf8')) as { submitters: Array<{ mnemonicFile: string }> };
  return submitters.map((s) => readFileSync(path.join(home, s.mnemonicFile), 'utf8').trim());
}

export async function pickChainPorts(): Promise<ChainPorts> {
  return { rpc: await freePort(), grpc: await freePort(), api: await freePort(), p2p: await freePort() };
}

async function latestHeight(rpcUrl: string): Promise<number> {
  try {
    const res = await fetch(`${rpcUrl}/status`, { signal: AbortSignal.timeout(2000) });
    if (!res.ok) return 0;
    const body = (await res.json()) as { result?: { sync_info?: { latest_block_height?: string } } };
    return Number(body.result?.sync_info?.latest_block_height ?? 0);
  } catch {
    return 0;
  }
}

export async function startChainNode(opts: {
  home: string;
  ports: ChainPorts;
  logFile: string;
  submitters?: number;
  /** More localnet.sh settings, e.g. { LIANJIAN_TIMEOUT_COMMIT: '3s' } (applied at init). */
  env?: Record<string, string>;
}): Promise<ChainNode> {
  const rpcUrl = `http://127.0.0.1:${opts.ports.rpc}`;
  const svc = await startService({
    name: 'chain',
    command: 'bash',
    args: [path.join(repoRoot, 'chain/scripts/localnet.sh')],
    env: {
      LIANJIAN_CHAIN_HOME: opts.home,
      LIANJIAN_RPC_PORT: String(opts.ports.rpc),
      LIANJIAN_GRPC_PORT: String(opts.ports.grpc),
      LIANJIAN_API_PORT: String(opts.ports.api),
      LIANJIAN_P2P_PORT: String(opts.ports.p2p),
      LIANJIAN_SUBMITTERS: String(opts.submitters ?? 1),
      ...opts.env,
    },
    logFile: opts.logFile,
    ready: async () => (await latestHeight(rpcUrl)) >= 1,
    readyTimeoutMs: 120_000,
  });
  // The root of trust of this chain, for verifiers (CLI --trust, LIANJIAN_TRUST_ROOT, the web build).
  const trustRootFile = path.join(opts.home, TRUST_ROOT_FILE);
  await writeTrustRoot({ rpcUrl, home: opts.home, file: trustRootFile }).catch((error: unknown) => {
    process.stderr.write(`chain: could not write ${trustRootFile}: ${String(error)}\n`);
  });
  return {
    ...svc,
    rpcUrl,
    home: opts.home,
    ports: opts.ports,
    trustRootFile,
    submitterMnemonics() {
      return readSubmitterMnemonics(opts.home);
    },
  };
}
