// The root of trust against real chain nodes built from chain/ (no stubs):
// - a forged chain started locally with the same chain id and its own validator: its anchors are
//   refused with our root of trust (library and CLI) and accepted with its own;
// - a node that serves another validator set than the chain's (a proxy rewriting /validators)
//   is refused;
// - a validator added (a second level's node, by the staking module from a funded genesis
//   account) and the first one removed (it unbonds): verification from the genesis root follows
//   the hand-over by bisection, and says who signed;
// - measured: one record verified from the root of trust, cold and warm.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChainCommitter } from '../../indexer/src/chain/index.js';
import { freePort } from '@lianjian/db/postgres';
import { chainBinary, pickChainPorts, startChainNode, type ChainNode } from '../../scripts/lib/chain-node.js';
import { startService, type RunningService } from '../../scripts/lib/process.js';
import { createBundle, verifyBundle, type ProofBundle } from '../src/bundle.js';
import { createChainChecker } from '../src/chain/checker.js';
import { LightClient } from '../src/chain/lightclient.js';
import { parseTrustRoot, type TrustRoot } from '../src/chain/trust.js';
import { run, type CliIo } from '../src/cli.js';
import { makeDocument } from '../src/document.js';
import { fromBundles } from '../src/proofset.js';
import { leafHash } from '../src/hash.js';
import { buildTree, inclusionPath, treeRoot } from '../src/merkle.js';

const exec = promisify(execFile);
const ZERO = new Uint8Array(32);

let dir: string;
const running: Array<{ stop: () => Promise<void> }> = [];

function log(line: string) {
  console.log(`[trust-root] ${line}`);
}

/** A single-validator chain of its own (chain/scripts/localnet.sh), which writes <home>/trust-root.json. */
async function chain(name: string): Promise<{ node: ChainNode; root: TrustRoot; committer: ChainCommitter; roots: Uint8Array[] }> {
  const node = await startChainNode({ home: path.join(dir, name), ports: await pickChainPorts(), logFile: path.join(dir, `${name}.log`) });
  running.push(node);
  const root = parseTrustRoot(readFileSync(node.trustRootFile, 'utf8'));
  // No re-broadcast: a node answers a repeated tx with "already exists in cache" while blocks are slow during a set change.
  const committer = await ChainCommitter.create({ rpcUrl: node.rpcUrl, mnemonic: node.submitterMnemonics()[0]!, chainId: 'lianjian-local', rebroadcastIntervalMs: 600_000 });
  return { node, root, committer, roots: [ZERO] };
}

/** Commits a batch of `n` fresh records and returns the bundle of record `index`. */
async function anchorRecords(c: { committer: ChainCommitter; roots: Uint8Array[] }, n = 4, index = 1): Promise<ProofBundle> {
  const docs = Array.from({ length: n }, (_, i) =>
    makeDocument({ type: 'Member', id: `m-${randomBytes(4).toString('hex')}`, version: 1, org: 'unit-1', at: new Date().toISOString(), actor: 'system', data: { n: i } }),
  );
  const layers = buildTree(docs.map((d) => leafHash(d)));
  const root = treeRoot(layers);
  const seq = c.roots.length;
  const prevRoot = c.roots[seq - 1]!;
  const r = await c.committer.commitBatch({ seq, root, size: n, prevRoot });
  c.roots.push(root);
  return createBundle({
    document: docs[index]!,
    index,
    batch: { seq, size: n, root, prevRoot },
    path: inclusionPath(layers, index),
    anchor: { chainId: r.chainId, height: r.height, txHash: r.txHash, time: r.time },
  });
}

/** The CLI in-process with real files and a real chain checker. */
async function cli(argv: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readFile: (p) => Promise.resolve(readFileSync(p, 'utf8')),
    readStdin: () => Promise.resolve(''),
    env,
    createChainChecker,
  };
  const code = await run(argv, io);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

let ours: Awaited<ReturnType<typeof chain>>;
let forged: Awaited<ReturnType<typeof chain>>;
let ourBundle: ProofBundle;
let forgedBundle: ProofBundle;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'lianjian-trust-root-'));
  chmodSync(dir, 0o755);
  [ours, forged] = await Promise.all([chain('ours'), chain('forged')]);
  ourBundle = await anchorRecords(ours);
  forgedBundle = await anchorRecords(forged);
}, 240_000);

afterAll(async () => {
  for (const r of running.reverse()) await r.stop().catch(() => undefined);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a forged chain with the same chain id', () => {
  it('has the same chain id and other validators', () => {
    expect(forged.root.chainId).toBe(ours.root.chainId);
    expect(forged.root.validators[0]!.address).not.toBe(ours.root.validators[0]!.address);
    expect(ours.root).toMatchObject({ height: 1, headerHash: expect.stringMatching(/^[0-9A-F]{64}$/), genesisHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('without a root of trust both verify, and the report says the check trusted the node', async () => {
    const r = await verifyBundle(forgedBundle, { chain: createChainChecker(forged.node.rpcUrl) });
    expect(r.verified, JSON.stringify(r.checks.filter((c) => !c.ok))).toBe(true);
    expect(r.checks.find((c) => c.name === 'chain')?.trust).toMatchObject({ mode: 'node' });
  });

  it('refuses the forged chain’s anchors with our root of trust', async () => {
    const r = await verifyBundle(forgedBundle, { chain: createChainChecker(forged.node.rpcUrl, { trustRoot: ours.root }) });
    expect(r.verified).toBe(false);
    const chainCheck = r.checks.find((c) => c.name === 'chain')!;
    expect(chainCheck).toMatchObject({ ok: false, code: 'fork' });
    expect(chainCheck.reason).toMatch(/refused by the root of trust 信任根拒绝 \(root of trust 信任根: .*\): the node serves a chain with this chain id but other validators/);
  });

  it('accepts them with its own root of trust, and says whose root and who signed', async () => {
    const r = await verifyBundle(forgedBundle, { chain: createChainChecker(forged.node.rpcUrl, { trustRoot: forged.root }) });
    expect(r.verified).toBe(true);
    const trust = r.checks.find((c) => c.name === 'chain')?.trust;
    expect(trust).toMatchObject({ mode: 'root', root: { chainId: 'lianjian-local', height: 1 }, signers: { signed: 1, total: 1, height: forgedBundle.anchor!.height } });
  });

  it('the CLI refuses with one line and exit 1 (--trust), and accepts with the chain’s own root (LIANJIAN_TRUST_ROOT)', async () => {
    const bundleFile = path.join(dir, 'forged-bundle.json');
    writeFileSync(bundleFile, JSON.stringify(forgedBundle));
    const refused = await cli(['--rpc', forged.node.rpcUrl, '--trust', ours.node.trustRootFile, bundleFile]);
    expect(refused.code).toBe(1);
    expect(refused.stdout.split('\n')).toHaveLength(1);
    expect(refused.stdout).toMatch(/^NOT VERIFIED 未通过验证: chain anchor 链上锚定 — refused by the root of trust 信任根拒绝/);
    const accepted = await cli(['--rpc', forged.node.rpcUrl, bundleFile], { LIANJIAN_TRUST_ROOT: forged.node.trustRootFile });
    expect(accepted.code).toBe(0);
    expect(accepted.stdout).toMatch(/root of trust 信任根: Lianjian local stack 链建本地 \(chain lianjian-local from height 1\); signed by 1 of 1 levels: 中心 centre 由 1 个层级中的 1 个签署：中心 centre$/);
    const bare = await cli(['--rpc', ours.node.rpcUrl, writeBundle('ours.json', ourBundle)]);
    expect(bare.code).toBe(0);
    expect(bare.stdout).toMatch(/no root of trust: the chain check trusted the validator set the node presented/);
  });

  it('a proof set v2 goes through the same checker: refused with our root, verified with the chain’s own', async () => {
    const setFile = path.join(dir, 'forged-set.json');
    writeFileSync(setFile, JSON.stringify(fromBundles([forgedBundle])));
    const refused = await cli(['--rpc', forged.node.rpcUrl, '--trust', ours.node.trustRootFile, setFile]);
    expect(refused.code).toBe(1);
    expect(refused.stdout.split('\n').at(-1)).toMatch(/^NOT VERIFIED 未通过验证: proof set 证明集, 0 of 1 .*refused by the root of trust 信任根拒绝/);
    const accepted = await cli(['--rpc', forged.node.rpcUrl, '--trust', forged.node.trustRootFile, setFile]);
    expect(accepted.code, accepted.stdout).toBe(0);
    expect(accepted.stdout.split('\n').at(-1)).toMatch(/^VERIFIED 已验证: proof set 证明集, 1 of 1 .*root of trust 信任根: Lianjian local stack/);
  });

  it('a bad root of trust file is bad input (exit 2)', async () => {
    const bad = path.join(dir, 'bad-root.json');
    writeFileSync(bad, JSON.stringify({ ...ours.root, validators: [] }));
    const r = await cli(['--rpc', ours.node.rpcUrl, '--trust', bad, writeBundle('ours.json', ourBundle)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unreadable root of trust 信任根无法读取或解析: trust root validators must be a non-empty array/);
  });

  it('measures one record verified from the root of trust, cold and warm', async () => {
    const times: { cold: number[]; warm: number[] } = { cold: [], warm: [] };
    for (let i = 0; i < 3; i++) {
      const checker = createChainChecker(ours.node.rpcUrl, { trustRoot: ours.root });
      let t = performance.now();
      expect((await verifyBundle(ourBundle, { chain: checker })).verified).toBe(true);
      times.cold.push(performance.now() - t);
      t = performance.now();
      expect((await verifyBundle(ourBundle, { chain: checker })).verified).toBe(true);
      times.warm.push(performance.now() - t);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!.toFixed(1);
    log(`one record from the root of trust (Node, local node, block ${ourBundle.anchor!.height}): cold ${median(times.cold)} ms, warm ${median(times.warm)} ms (median of 3; cold ${times.cold.map((x) => x.toFixed(0)).join('/')}, warm ${times.warm.map((x) => x.toFixed(0)).join('/')})`);
  });
});

function writeBundle(name: string, bundle: ProofBundle): string {
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify(bundle));
  return file;
}

describe('a node that lies about the validator set', () => {
  let proxy: Server;
  let proxyUrl: string;

  beforeAll(async () => {
    // Forwards JSON-RPC to our node but answers `validators` with the forged chain's set.
    const forgedSet = await (await fetch(`${forged.node.rpcUrl}/validators?height=1`)).json();
    proxy = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', async () => {
        const upstream = await fetch(ours.node.rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        const answer = (await upstream.json()) as { result?: { validators?: unknown } };
        if ((JSON.parse(body) as { method: string }).method === 'validators' && answer.result) {
          answer.result.validators = (forgedSet as { result: { validators: unknown } }).result.validators;
        }
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(answer));
      });
    });
    const port = await freePort();
    await new Promise<void>((resolve) => proxy.listen(port, '127.0.0.1', resolve));
    proxyUrl = `http://127.0.0.1:${port}`;
  });

  afterAll(() => new Promise<void>((resolve) => proxy.close(() => resolve())));

  it('is refused with the root of trust', async () => {
    const r = await verifyBundle(ourBundle, { chain: createChainChecker(proxyUrl, { trustRoot: ours.root }) });
    expect(r.verified).toBe(false);
    const check = r.checks.find((c) => c.name === 'chain')!;
    expect(check.code).toBe('validators-mismatch');
    expect(check.reason).toMatch(/the node lies about the validator set.*节点提供了虚假的验证者集合/);
  });

  it('and by the CLI with --trust', async () => {
    const r = await cli(['--rpc', proxyUrl, '--trust', ours.node.trustRootFile, writeBundle('ours.json', ourBundle)]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^NOT VERIFIED 未通过验证: chain anchor 链上锚定 — refused by the root of trust 信任根拒绝 .*the node lies about the validator set/);
  });
});

// ------------------------------------------------------------------- validator changes

async function lianjiand(args: string[], home: string): Promise<string> {
  const { stdout } = await exec(chainBinary, [...args, '--home', home], { maxBuffer: 16 << 20 });
  return stdout;
}

async function tx(args: string[], home: string): Promise<void> {
  const out = JSON.parse(await lianjiand(['tx', ...args, '--yes', '--output', 'json', '--gas', '400000'], home)) as { code: number; raw_log: string; txhash: string };
  if (out.code !== 0) throw new Error(`tx ${args.slice(0, 2).join(' ')} refused: ${out.raw_log}`);
}

async function until<T>(what: string, fn: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

async function validatorSet(rpcUrl: string): Promise<{ height: number; addresses: string[] }> {
  const r = (await (await fetch(`${rpcUrl}/validators`)).json()) as { result: { block_height: string; validators: { address: string }[] } };
  return { height: Number(r.result.block_height), addresses: r.result.validators.map((v) => v.address) };
}

function setToml(file: string, edits: Array<[RegExp, string]>) {
  let text = readFileSync(file, 'utf8');
  for (const [re, value] of edits) {
    if (!re.test(text)) throw new Error(`${re} not in ${file}`);
    text = text.replace(re, value);
  }
  writeFileSync(file, text);
}

describe('validators change: a level joins, the first leaves', () => {
  let level2: RunningService;

  afterAll(async () => {
    await level2?.stop().catch(() => undefined);
  });

  it('verification from the genesis root follows the hand-over', async () => {
    const home1 = ours.node.home;
    const home2 = path.join(dir, 'level2');
    // A second level's node: same genesis, our node as its peer.
    await lianjiand(['init', 'level2', '--chain-id', 'lianjian-local', '--default-denom', 'stake'], home2);
    copyFileSync(path.join(home1, 'config/genesis.json'), path.join(home2, 'config/genesis.json'));
    const nodeId = (await lianjiand(['comet', 'show-node-id'], home1)).trim();
    const ports = await pickChainPorts();
    setToml(path.join(home2, 'config/config.toml'), [
      [/^persistent_peers = .*$/m, `persistent_peers = "${nodeId}@127.0.0.1:${ours.node.ports.p2p}"`],
      [/^addr_book_strict = .*$/m, 'addr_book_strict = false'],
      [/^allow_duplicate_ip = .*$/m, 'allow_duplicate_ip = true'],
      [/^timeout_commit = .*$/m, 'timeout_commit = "300ms"'],
    ]);
    setToml(path.join(home2, 'config/app.toml'), [[/^minimum-gas-prices = .*$/m, 'minimum-gas-prices = "0stake"']]);
    const rpc2 = `http://127.0.0.1:${ports.rpc}`;
    level2 = await startService({
      name: 'level2',
      command: chainBinary,
      args: ['start', '--home', home2, '--rpc.laddr', `tcp://127.0.0.1:${ports.rpc}`, '--p2p.laddr', `tcp://127.0.0.1:${ports.p2p}`, '--grpc.address', `127.0.0.1:${ports.grpc}`, '--api.address', `tcp://127.0.0.1:${ports.api}`, '--rpc.pprof_laddr', '', '--minimum-gas-prices', '0stake'],
      env: {},
      logFile: path.join(dir, 'level2.log'),
      ready: async () => {
        try {
          const s = (await (await fetch(`${rpc2}/status`)).json()) as { result: { sync_info: { catching_up: boolean; latest_block_height: string } } };
          return !s.result.sync_info.catching_up && Number(s.result.sync_info.latest_block_height) > 1;
        } catch {
          return false;
        }
      },
      readyTimeoutMs: 120_000,
    });

    // The genesis validator's account funds the level's operator; the level bonds as much as the first.
    const operator = (await lianjiand(['keys', 'add', 'level2', '--keyring-backend', 'test', '--output', 'json'], home1).then((o) => JSON.parse(o) as { address: string })).address;
    await tx(['bank', 'send', 'validator', operator, '200000000000stake', '--from', 'validator'], home1);
    await until('the operator funded', async () => (/200000000000/.test(await lianjiand(['q', 'bank', 'balances', operator, '--output', 'json'], home1)) ? true : undefined));
    // Only an operator the existing validators approved may become one (x/anchor OperatorGate).
    await tx(['anchor', 'approve-operator', operator, 'level2', '--from', 'validator'], home1);
    await until('the operator approved', async () => (/level2/.test(await lianjiand(['q', 'anchor', 'operators', '--output', 'json'], home1)) ? true : undefined));
    const pubkey = (await lianjiand(['comet', 'show-validator'], home2)).trim();
    const spec = path.join(dir, 'level2-validator.json');
    writeFileSync(spec, JSON.stringify({ pubkey: JSON.parse(pubkey), amount: '100000000000stake', moniker: 'level2', 'commission-rate': '0.1', 'commission-max-rate': '0.2', 'commission-max-change-rate': '0.01', 'min-self-delegation': '1' }));
    await tx(['staking', 'create-validator', spec, '--from', 'level2'], home1);
    const both = await until('two validators', async () => ((await validatorSet(ours.node.rpcUrl)).addresses.length === 2 ? validatorSet(ours.node.rpcUrl) : undefined));
    const level2Address = both.addresses.find((a) => a !== ours.root.validators[0]!.address)!;
    log(`level 2 joined: validator set of 2 from height ${both.height}`);

    // The organisation republishes nothing: the genesis root still works, and can name the new level.
    const root: TrustRoot = { ...ours.root, names: { [level2Address]: '二级 level 2' } };
    const duringBoth = await anchorRecords(ours);
    const r1 = await verifyBundle(duringBoth, { chain: createChainChecker(ours.node.rpcUrl, { trustRoot: root }) });
    expect(r1.verified).toBe(true);
    expect(r1.checks.find((c) => c.name === 'chain')?.trust).toMatchObject({ mode: 'root', signers: { total: 2 } });

    // The first validator leaves: it unbonds its whole self-delegation.
    const valoper = (await lianjiand(['keys', 'show', 'validator', '--bech', 'val', '-a', '--keyring-backend', 'test'], home1)).trim();
    await tx(['staking', 'unbond', valoper, '100000000000stake', '--from', 'validator'], home1);
    const onlyLevel2 = await until('the first validator gone', async () => {
      const s = await validatorSet(ours.node.rpcUrl);
      return s.addresses.length === 1 && s.addresses[0] === level2Address ? s : undefined;
    });
    log(`first validator left: only level 2 from height ${onlyLevel2.height}`);

    const afterChange = await anchorRecords(ours);
    const lc = new LightClient(root, ours.node.rpcUrl);
    const t = performance.now();
    const r2 = await verifyBundle(afterChange, { chain: createChainChecker(ours.node.rpcUrl, { lightClient: lc }) });
    const ms = performance.now() - t;
    expect(r2.verified, JSON.stringify(r2.checks)).toBe(true);
    const trust = r2.checks.find((c) => c.name === 'chain')!.trust;
    expect(trust).toMatchObject({ mode: 'root', signers: { signed: 1, total: 1, validators: [{ name: '二级 level 2', signed: true }] } });
    const path2 = trust!.mode === 'root' ? trust!.verified : [];
    log(`anchor at ${afterChange.anchor!.height} verified from the genesis root across 2 set changes in ${ms.toFixed(0)} ms; light-client path ${path2.join(' → ')}`);
    // The path crossed the era of both validators (the first could not vouch for level 2 alone).
    expect(path2.some((h) => h >= both.height && h < onlyLevel2.height)).toBe(true);

    // A root that names only level 2's key as the genesis set is refused (not the chain's genesis).
    const wrongRoot: TrustRoot = { ...ours.root, headerHash: null, validators: [{ ...ours.root.validators[0]!, address: level2Address, pubKey: JSON.parse(pubkey).key as string }] };
    const r3 = await verifyBundle(afterChange, { chain: createChainChecker(ours.node.rpcUrl, { trustRoot: wrongRoot }) });
    expect(r3.checks.find((c) => c.name === 'chain')?.code).toBe('fork');
  });
});
