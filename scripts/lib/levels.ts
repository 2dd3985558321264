// Levels run nodes (docs/levels.md): a network of four levels, each a validator
// (chain/scripts/localnet4.sh), and the steps by which another level joins and leaves it:
//   join     a full node from the published genesis and peers, which catches up;
//   promote  the operator admin approves the level's operator on chain (x/anchor
//            MsgApproveOperator), funds it, and the level bonds its node's key (create-validator);
//   leave    the level unbonds its whole self-delegation (or an admin revokes it: jailed).
// Used by `npm run network`, `npm run level`, `npm run soak`, bench/levels and test/levels.
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '@lianjian/db/postgres';
import { chainBinary, readSubmitterMnemonics, repoRoot, type ChainPorts } from './chain-node.js';
import { sleep, startService, type RunningService } from './process.js';
import { writeTrustRoot } from './trust-root.js';

const exec = promisify(execFile);
export const CHAIN_ID = 'lianjian-local';
export const LEVEL_NAMES = ['中央 centre', '省 province', '市 city', '县 county'];
const localnet4 = path.join(repoRoot, 'chain/scripts/localnet4.sh');
const commonSh = path.join(repoRoot, 'chain/scripts/lib/common.sh');

/** Runs lianjiand and returns stdout. */
export async function lianjiand(args: string[], opts: { home?: string } = {}): Promise<string> {
  const full = opts.home ? [...args, '--home', opts.home] : args;
  try {
    const { stdout } = await exec(chainBinary, full, { maxBuffer: 32 << 20 });
    return stdout;
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(`lianjiand ${args.slice(0, 3).join(' ')}: ${(e.stderr || e.message).trim().split('\n').slice(-2).join(' ')}`);
  }
}

const tcp = (rpcUrl: string) => rpcUrl.replace(/^http/, 'tcp');

async function rpc<T>(rpcUrl: string, pathAndQuery: string): Promise<T> {
  const res = await fetch(`${rpcUrl}${pathAndQuery}`, { signal: AbortSignal.timeout(3000) });
  const body = (await res.json()) as { result?: T; error?: { data?: string; message?: string } };
  if (!body.result) throw new Error(`${pathAndQuery}: ${body.error?.data ?? body.error?.message ?? res.status}`);
  return body.result;
}

export async function nodeStatus(rpcUrl: string): Promise<{ height: number; catchingUp: boolean }> {
  const s = await rpc<{ sync_info: { latest_block_height: string; catching_up: boolean } }>(rpcUrl, '/status');
  return { height: Number(s.sync_info.latest_block_height), catchingUp: s.sync_info.catching_up };
}

export async function heightOf(rpcUrl: string): Promise<number> {
  return nodeStatus(rpcUrl).then((s) => s.height).catch(() => 0);
}

/** The validator set (uppercase hex addresses) at the latest height, or at `height`. */
export async function validatorSet(rpcUrl: string, height?: number): Promise<{ height: number; addresses: string[] }> {
  const r = await rpc<{ block_height: string; validators: { address: string }[] }>(rpcUrl, `/validators?per_page=100${height ? `&height=${height}` : ''}`);
  return { height: Number(r.block_height), addresses: r.validators.map((v) => v.address) };
}

/** Addresses of the validators whose precommit for block `height` is in the commit (block height+1's last_commit). */
export async function signersOf(rpcUrl: string, height: number): Promise<string[]> {
  const c = await rpc<{ signed_header: { commit: { signatures: { block_id_flag: number; validator_address: string }[] } } }>(rpcUrl, `/commit?height=${height}`);
  return c.signed_header.commit.signatures.filter((s) => s.block_id_flag === 2).map((s) => s.validator_address);
}

export async function until<T>(what: string, fn: () => Promise<T | undefined>, ms = 90_000, everyMs = 300): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms / 1000} s waiting for ${what}`);
    await sleep(everyMs);
  }
}

/** The consensus address (uppercase hex, as in headers) of the node in `home`. */
export function consensusAddress(home: string): string {
  return (JSON.parse(readFileSync(path.join(home, 'config/priv_validator_key.json'), 'utf8')) as { address: string }).address.toUpperCase();
}

export async function nodeId(home: string): Promise<string> {
  return (await lianjiand(['comet', 'show-node-id'], { home })).trim();
}

async function portFree(port: number): Promise<boolean> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** A base port whose 40 ports (localnet4.sh: base+10i+0…3) are free. */
export async function freeBasePort(): Promise<number> {
  for (let attempt = 0; attempt < 30; attempt++) {
    const candidate = 30_000 + Math.floor(Math.random() * 2_000) * 10;
    const free = await Promise.all(Array.from({ length: 40 }, (_, k) => portFree(candidate + k)));
    if (free.every(Boolean)) return candidate;
  }
  return (await freePort()) + 100;
}

// ------------------------------------------------------------------ the four-level network

/** "中央 centre" → "centre": a CometBFT moniker must be printable ASCII. */
export function monikerOf(name: string, i = 0): string {
  return name.replace(/[^\x21-\x7e ]/g, '').trim().replace(/[ ,]+/g, '-') || `level${i}`;
}

export interface Network {
  /** localnet4.sh's root: node<i>/, submitters.json, the mnemonics, trust-root.json. */
  root: string;
  names: string[];
  rpcUrl(i: number): string;
  ports(i: number): ChainPorts;
  home(i: number): string;
  /** `id@127.0.0.1:port` of every running validator, comma-separated (a joining node's peers). */
  peers(): Promise<string>;
  genesisFile: string;
  trustRootFile: string;
  /** Consensus address (hex) → level name. */
  levelNames: Record<string, string>;
  submitterMnemonics(): string[];
  /** The operator admin: validator 0's account, key "validator" in node0's keyring. */
  admin: { home: string; key: string };
  start(i: number): Promise<void>;
  kill(i: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startNetwork(opts: {
  root: string;
  logDir: string;
  names?: string[];
  basePort?: number;
  submitters?: number;
  organisation?: string;
}): Promise<Network> {
  const names = opts.names ?? LEVEL_NAMES;
  const base = opts.basePort ?? (await freeBasePort());
  const env = {
    LIANJIAN_LOCALNET4_HOME: opts.root,
    LIANJIAN_LOCALNET4_BASE_PORT: String(base),
    // CometBFT monikers are ASCII: the English part of each name (the full names go in the trust root).
    LIANJIAN_LOCALNET4_MONIKERS: names.map(monikerOf).join(','),
    LIANJIAN_SUBMITTERS: String(opts.submitters ?? 1),
  };
  const init = await startService({ name: 'network-init', command: 'bash', args: [localnet4, 'init'], env, logFile: path.join(opts.logDir, 'network-init.log'), ready: async () => true });
  const code = await init.exited;
  if (code !== 0) throw new Error(`localnet4.sh init failed (${code}); see ${path.join(opts.logDir, 'network-init.log')}`);
  const nodes = new Map<number, RunningService>();
  const ports = (i: number): ChainPorts => ({ p2p: base + 10 * i, rpc: base + 10 * i + 1, grpc: base + 10 * i + 2, api: base + 10 * i + 3 });
  const rpcUrl = (i: number) => `http://127.0.0.1:${ports(i).rpc}`;
  const home = (i: number) => path.join(opts.root, `node${i}`);
  const start = async (i: number) => {
    nodes.set(
      i,
      await startService({
        name: `validator${i}`,
        command: 'bash',
        args: [localnet4, 'start', String(i)],
        env,
        logFile: path.join(opts.logDir, `validator${i}.log`),
        ready: async () => (await heightOf(rpcUrl(i))) >= 0 && (await fetch(`${rpcUrl(i)}/health`).then((r) => r.ok).catch(() => false)),
        readyTimeoutMs: 120_000,
      }),
    );
  };
  await Promise.all([0, 1, 2, 3].map(start));
  await until('the four-level network to make blocks', async () => ((await heightOf(rpcUrl(0))) >= 2 ? true : undefined), 120_000);

  const levelNames: Record<string, string> = {};
  names.forEach((n, i) => (levelNames[consensusAddress(home(i))] = n));
  const trustRootFile = path.join(opts.root, 'trust-root.json');
  await writeTrustRoot({ rpcUrl: rpcUrl(0), home: home(0), file: trustRootFile, names: levelNames, organisation: opts.organisation ?? '链建示范组织 Lianjian four-level network', height: 1 });
  return {
    root: opts.root,
    names,
    rpcUrl,
    ports,
    home,
    genesisFile: path.join(home(0), 'config/genesis.json'),
    trustRootFile,
    levelNames,
    admin: { home: home(0), key: 'validator' },
    async peers() {
      const ids = await Promise.all([...nodes.keys()].map(async (i) => `${await nodeId(home(i))}@127.0.0.1:${ports(i).p2p}`));
      return ids.join(',');
    },
    submitterMnemonics: () => readSubmitterMnemonics(opts.root),
    start,
    async kill(i) {
      await nodes.get(i)?.kill();
      nodes.delete(i);
    },
    async stop() {
      await Promise.all([...nodes.values()].map((n) => n.stop(5_000).catch(() => undefined)));
      nodes.clear();
    },
  };
}

// ------------------------------------------------------------------ a level joins as a full node

export interface FullNode {
  home: string;
  rpcUrl: string;
  ports: ChainPorts;
  service: RunningService;
  /** Consensus address (hex) of this node's key: what headers name once it validates. */
  address: string;
  /** How long catching up took, and how many blocks it fetched. */
  catchUp: { blocks: number; ms: number; fromHeight: number; toHeight: number };
}

/** Creates a node home from the published genesis (idempotent: an existing home is reused). */
export async function initLevelNode(opts: { home: string; genesisFile: string; peers: string; moniker: string }): Promise<void> {
  if (!existsSync(path.join(opts.home, 'config/config.toml'))) {
    await lianjiand(['init', opts.moniker, '--chain-id', CHAIN_ID, '--default-denom', 'stake'], { home: opts.home });
  }
  copyFileSync(opts.genesisFile, path.join(opts.home, 'config/genesis.json'));
  // The same settings as every localnet node (common.sh), and the peers it starts from.
  const script = `source '${commonSh}'; configure_node "$1"; toml_set "$1/config/config.toml" p2p persistent_peers "\\"$2\\"";
    toml_set "$1/config/config.toml" p2p flush_throttle_timeout '"10ms"'; toml_set "$1/config/config.toml" consensus peer_gossip_sleep_duration '"10ms"'`;
  await exec('bash', ['-c', script, 'configure', opts.home, opts.peers]);
}

/** Starts a level's node and waits until it has caught up with `referenceRpc` (the height it saw at start). */
export async function joinFullNode(opts: {
  home: string;
  genesisFile: string;
  peers: string;
  moniker: string;
  logFile: string;
  referenceRpc: string;
  ports?: ChainPorts;
  onProgress?: (height: number, target: number) => void;
}): Promise<FullNode> {
  await initLevelNode(opts);
  const ports = opts.ports ?? { rpc: await freePort(), p2p: await freePort(), grpc: await freePort(), api: await freePort() };
  const rpcUrl = `http://127.0.0.1:${ports.rpc}`;
  const target = await heightOf(opts.referenceRpc);
  const t0 = performance.now();
  const service = await startService({
    name: `level-${opts.moniker}`,
    command: chainBinary,
    args: ['start', '--home', opts.home, ...portFlags(ports), '--log_level', 'info'],
    logFile: opts.logFile,
    ready: async () => (await heightOf(rpcUrl)) >= 0 && (await fetch(`${rpcUrl}/health`).then((r) => r.ok).catch(() => false)),
    readyTimeoutMs: 120_000,
  });
  const fromHeight = await heightOf(rpcUrl);
  const toHeight = await until(
    `the node in ${opts.home} to catch up to height ${target}`,
    async () => {
      const s = await nodeStatus(rpcUrl);
      opts.onProgress?.(s.height, target);
      return !s.catchingUp && s.height >= target ? s.height : undefined;
    },
    600_000,
    100,
  );
  return { home: opts.home, rpcUrl, ports, service, address: consensusAddress(opts.home), catchUp: { blocks: toHeight - fromHeight, ms: performance.now() - t0, fromHeight, toHeight } };
}

export function portFlags(p: ChainPorts, host = '127.0.0.1'): string[] {
  return [
    '--rpc.laddr', `tcp://${host}:${p.rpc}`, '--p2p.laddr', `tcp://${host}:${p.p2p}`,
    '--grpc.address', `${host}:${p.grpc}`, '--api.enable', '--api.address', `tcp://${host}:${p.api}`,
    '--rpc.pprof_laddr', '', '--minimum-gas-prices', '0stake',
  ];
}

// ------------------------------------------------------------------ transactions

interface TxResult {
  txhash: string;
  height: number;
  code: number;
  codespace: string;
  log: string;
}

/** Broadcasts `lianjiand tx …` and waits until it is in a block; throws unless code 0 (unless `allowFailure`). */
export async function tx(args: string[], opts: { home: string; from: string; node: string; allowFailure?: boolean }): Promise<TxResult> {
  const out = JSON.parse(
    await lianjiand(['tx', ...args, '--from', opts.from, '--node', tcp(opts.node), '--chain-id', CHAIN_ID, '--keyring-backend', 'test', '--gas', '400000', '--yes', '--output', 'json'], { home: opts.home }),
  ) as { code: number; codespace?: string; raw_log: string; txhash: string };
  if (out.code !== 0) {
    const r = { txhash: out.txhash, height: 0, code: out.code, codespace: out.codespace ?? '', log: out.raw_log };
    if (opts.allowFailure) return r;
    throw new Error(`tx ${args.slice(0, 2).join(' ')} refused (${r.codespace} ${r.code}): ${r.log}`);
  }
  const found = await until(`tx ${out.txhash} in a block`, () =>
    rpc<{ height: string; tx_result: { code: number; codespace?: string; log?: string } }>(opts.node, `/tx?hash=0x${out.txhash}`),
  );
  const r = { txhash: out.txhash, height: Number(found.height), code: found.tx_result.code, codespace: found.tx_result.codespace ?? '', log: found.tx_result.log ?? '' };
  if (r.code !== 0 && !opts.allowFailure) throw new Error(`tx ${args.slice(0, 2).join(' ')} failed in block ${r.height} (${r.codespace} ${r.code}): ${r.log}`);
  return r;
}

/** The level's operator key in its own home (test keyring), created once; returns its address. */
export async function operatorKey(home: string, key = 'operator'): Promise<string> {
  const show = await lianjiand(['keys', 'show', key, '-a', '--keyring-backend', 'test'], { home }).catch(() => '');
  if (show.trim()) return show.trim();
  const out = JSON.parse(await lianjiand(['keys', 'add', key, '--keyring-backend', 'test', '--output', 'json'], { home })) as { address: string; mnemonic: string };
  writeFileSync(path.join(home, `${key}.mnemonic`), `${out.mnemonic}\n`, { mode: 0o600 });
  return out.address;
}

export async function valoperOf(home: string, key = 'operator'): Promise<string> {
  return (await lianjiand(['keys', 'show', key, '--bech', 'val', '-a', '--keyring-backend', 'test'], { home })).trim();
}

/** The operator admin approves `operator` to run a validator (x/anchor MsgApproveOperator). */
export async function approve(opts: { admin: { home: string; key: string }; node: string; operator: string; name: string }): Promise<TxResult> {
  return tx(['anchor', 'approve-operator', opts.operator, opts.name], { home: opts.admin.home, from: opts.admin.key, node: opts.node });
}

export async function revoke(opts: { admin: { home: string; key: string }; node: string; operator: string }): Promise<TxResult> {
  return tx(['anchor', 'revoke-operator', opts.operator], { home: opts.admin.home, from: opts.admin.key, node: opts.node });
}

/**
 * Promotes a caught-up level node to a validator: its operator key is created in its home, the
 * admin funds it and approves it on chain, then it bonds its node's consensus key. Resolves once
 * the node's key is in the validator set.
 */
export async function promote(opts: {
  admin: { home: string; key: string };
  node: string;
  levelHome: string;
  name: string;
  bond?: string;
  fund?: string;
  log?: (line: string) => void;
}): Promise<{ operator: string; valoper: string; address: string; approvedAt: number; createdAt: number; inSetFrom: number }> {
  const log = opts.log ?? (() => {});
  const operator = await operatorKey(opts.levelHome);
  const fund = opts.fund ?? '101000000000stake';
  const bond = opts.bond ?? '100000000000stake';
  await tx(['bank', 'send', opts.admin.key, operator, fund], { home: opts.admin.home, from: opts.admin.key, node: opts.node });
  log(`funded operator ${operator} with ${fund}`);
  const approved = await approve({ admin: opts.admin, node: opts.node, operator, name: opts.name });
  log(`approved by the operator admin on chain (block ${approved.height}, event lianjian.anchor.v1.EventOperatorApproved)`);
  const pubkey = JSON.parse((await lianjiand(['comet', 'show-validator'], { home: opts.levelHome })).trim()) as unknown;
  const spec = path.join(opts.levelHome, 'validator.json');
  writeFileSync(spec, JSON.stringify({ pubkey, amount: bond, moniker: opts.name, 'commission-rate': '0.1', 'commission-max-rate': '0.2', 'commission-max-change-rate': '0.01', 'min-self-delegation': '1' }));
  const created = await tx(['staking', 'create-validator', spec], { home: opts.levelHome, from: 'operator', node: opts.node });
  const address = consensusAddress(opts.levelHome);
  log(`create-validator in block ${created.height}`);
  const inSet = await until('the new validator in the set', async () => {
    const s = await validatorSet(opts.node);
    return s.addresses.includes(address) ? s.height : undefined;
  });
  return { operator, valoper: await valoperOf(opts.levelHome), address, approvedAt: approved.height, createdAt: created.height, inSetFrom: inSet };
}

/** The level leaves: it unbonds its whole self-delegation. Resolves once its key is out of the set. */
export async function leave(opts: { levelHome: string; node: string; key?: string }): Promise<{ height: number; outFrom: number }> {
  const key = opts.key ?? 'operator';
  const operator = (await lianjiand(['keys', 'show', key, '-a', '--keyring-backend', 'test'], { home: opts.levelHome })).trim();
  const valoper = await valoperOf(opts.levelHome, key);
  const del = JSON.parse(await lianjiand(['q', 'staking', 'delegation', operator, valoper, '--node', tcp(opts.node), '--output', 'json'], { home: opts.levelHome })) as {
    delegation_response: { balance: { amount: string; denom: string } };
  };
  const { amount, denom } = del.delegation_response.balance;
  const r = await tx(['staking', 'unbond', valoper, `${amount}${denom}`], { home: opts.levelHome, from: key, node: opts.node });
  const address = consensusAddress(opts.levelHome);
  const outFrom = await until('the validator out of the set', async () => {
    const s = await validatorSet(opts.node);
    return s.addresses.includes(address) ? undefined : s.height;
  });
  return { height: r.height, outFrom };
}

export async function operators(node: string, home?: string): Promise<{ admins: string[]; operators: Array<{ address: string; name: string; approved_by: string; height: string }> }> {
  return JSON.parse(await lianjiand(['q', 'anchor', 'operators', '--node', tcp(node), '--output', 'json'], home ? { home } : {})) as never;
}
