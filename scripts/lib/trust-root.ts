// Writes the organisation's root of trust (verify/src/chain/trust.ts, PROOF-FORMAT.md §4.1) from a
// node the organisation runs itself and the genesis file in its home: chain id, SHA-256 of the
// genesis file, the header hash and validator set at a height (genesis by default), level names.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CometRpc, DEFAULT_TRUSTING_PERIOD_SECONDS, makeTrustRoot, parseTrustRoot, type TrustRoot } from '@lianjian/verify/chain';

export const TRUST_ROOT_FILE = 'trust-root.json';

export interface TrustRootInput {
  rpcUrl: string;
  /** The node's home: its config/genesis.json is hashed. */
  home?: string;
  genesisFile?: string;
  organisation?: string;
  /** Validator names by address, or by position in the set. */
  names?: Record<string, string> | string[];
  height?: number;
  trustingPeriodSeconds?: number;
}

export function genesisHash(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

export async function makeRoot(input: TrustRootInput): Promise<TrustRoot> {
  const genesisFile = input.genesisFile ?? path.join(input.home ?? '.', 'config/genesis.json');
  const rpc = new CometRpc(input.rpcUrl);
  const period = input.trustingPeriodSeconds ?? DEFAULT_TRUSTING_PERIOD_SECONDS;
  let height = input.height ?? 1;
  if (input.height === undefined) {
    // A genesis older than the trusting period cannot be skipped from: start at the newest block.
    const status = await rpc.status();
    const genesisTime = Date.parse(((await rpc.call<{ genesis: { genesis_time: string } }>('genesis', {})).genesis.genesis_time));
    if (Date.now() - genesisTime > period * 1000 * 0.9) height = Number(status.sync_info.latest_block_height);
  }
  return makeTrustRoot(rpc, {
    organisation: input.organisation ?? 'Lianjian local stack 链建本地',
    genesisHash: genesisHash(genesisFile),
    height,
    names: input.names ?? ['中心 centre'],
    trustingPeriodSeconds: period,
  });
}

/** Writes the root atomically to `file` (default <home>/trust-root.json) and returns it. */
export async function writeTrustRoot(input: TrustRootInput & { file?: string }): Promise<{ file: string; root: TrustRoot }> {
  const file = input.file ?? path.join(input.home ?? '.', TRUST_ROOT_FILE);
  const root = await makeRoot(input);
  writeFileSync(`${file}.tmp`, `${JSON.stringify(root, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
  return { file, root };
}

/** The root written earlier, if it is for this chain and still within its trusting period. */
export function currentTrustRoot(file: string): TrustRoot | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return parseTrustRoot(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}
