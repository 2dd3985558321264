// Environment of the indexer process. Secrets (the submitter mnemonic) are read here and kept
// out of `describeConfig`, the only view of the configuration that is ever logged.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_POLICY, type BatchPolicy } from './indexer.js';
import type { Level } from './log.js';

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export interface IndexerConfig {
  databaseUrl: string;
  port: number;
  chain?: { rpcUrl: string; mnemonic: string; mnemonicFile: string; chainId?: string };
  policy: BatchPolicy;
  fault?: string;
  logLevel: Level;
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < min) throw new ConfigError(`${name} must be an integer ≥ ${min}, got "${raw}"`);
  return n;
}

/** The submitter's mnemonic file in a localnet home: the first of submitters.json, else submitter.mnemonic. */
export function submitterMnemonicFile(home: string): string {
  const list = path.join(home, 'submitters.json');
  if (existsSync(list)) {
    const parsed = JSON.parse(readFileSync(list, 'utf8')) as { submitters?: { mnemonicFile?: string }[] };
    const first = parsed.submitters?.[0]?.mnemonicFile;
    if (first) return path.join(home, first);
  }
  return path.join(home, 'submitter.mnemonic');
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): IndexerConfig {
  const databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) throw new ConfigError('DATABASE_URL is not set');
  let chain: IndexerConfig['chain'];
  const rpcUrl = env.LIANJIAN_RPC;
  if (rpcUrl) {
    const file = env.LIANJIAN_SUBMITTER_MNEMONIC_FILE || (env.LIANJIAN_CHAIN_HOME ? submitterMnemonicFile(env.LIANJIAN_CHAIN_HOME) : undefined);
    if (!file) throw new ConfigError('LIANJIAN_RPC is set but neither LIANJIAN_CHAIN_HOME nor LIANJIAN_SUBMITTER_MNEMONIC_FILE names the submitter key');
    if (!existsSync(file)) throw new ConfigError(`submitter mnemonic file ${file} does not exist`);
    const mnemonic = readFileSync(file, 'utf8').trim();
    if (mnemonic.split(/\s+/).length < 12) throw new ConfigError(`${file} does not hold a mnemonic`);
    chain = { rpcUrl, mnemonic, mnemonicFile: file, ...(env.LIANJIAN_CHAIN_ID ? { chainId: env.LIANJIAN_CHAIN_ID } : {}) };
  }
  const level = (env.LIANJIAN_LOG_LEVEL ?? 'info') as Level;
  if (!['debug', 'info', 'warn', 'error'].includes(level)) throw new ConfigError(`LIANJIAN_LOG_LEVEL must be debug, info, warn or error`);
  return {
    databaseUrl,
    port: int(env, 'PORT', 9464, 0),
    ...(chain ? { chain } : {}),
    policy: {
      maxRecords: int(env, 'LIANJIAN_BATCH_MAX_RECORDS', DEFAULT_POLICY.maxRecords, 1),
      maxWaitMs: int(env, 'LIANJIAN_BATCH_MAX_WAIT_MS', DEFAULT_POLICY.maxWaitMs, 0),
      maxUnanchored: int(env, 'LIANJIAN_MAX_UNANCHORED_BATCHES', DEFAULT_POLICY.maxUnanchored, 1),
      pollMs: int(env, 'LIANJIAN_POLL_MS', DEFAULT_POLICY.pollMs, 1),
    },
    ...(env.LIANJIAN_FAULT ? { fault: env.LIANJIAN_FAULT } : {}),
    logLevel: level,
  };
}

/** What may be logged about the configuration: no password, no mnemonic. */
export function describeConfig(c: IndexerConfig): Record<string, unknown> {
  const db = new URL(c.databaseUrl);
  if (db.password) db.password = '****';
  return {
    database: db.toString(),
    port: c.port,
    chain: c.chain ? { rpcUrl: c.chain.rpcUrl, submitterKeyFile: c.chain.mnemonicFile, chainId: c.chain.chainId ?? '(from node)' } : null,
    policy: c.policy,
    fault: c.fault ?? null,
  };
}
