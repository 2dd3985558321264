// The committer against a real single-validator node of its own (a fresh chain, so batch
// numbers start at 1 and no other test file interleaves commits): commits 1..3 and reads them
// back verified, the chain's rejections as typed errors, state kept across a restart, a commit
// sent while the node is down, and measured latency and throughput.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DirectSecp256k1HdWallet } from '@cosmjs/proto-signing';
import { SigningStargateClient } from '@cosmjs/stargate';
import { readBatchVerified, readLatestBatch } from '@lianjian/verify/chain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickChainPorts, startChainNode, type ChainNode } from '../../scripts/lib/chain-node.js';
import {
  BadRootError,
  ChainCommitter,
  PrevRootMismatchError,
  SeqOutOfOrderError,
  UnauthorizedSubmitterError,
  ADDRESS_PREFIX,
  type CommitResult,
} from '../src/chain/index.js';

const ZERO = new Uint8Array(32);
const rootOf = (label: string) => new Uint8Array(createHash('sha256').update(label).digest());

let dir: string;
let node: ChainNode;
let committer: ChainCommitter;
const roots: Uint8Array[] = [ZERO]; // roots[seq]

async function startNode(): Promise<ChainNode> {
  return startChainNode({ home: path.join(dir, 'chain'), ports: node?.ports ?? (await pickChainPorts()), logFile: path.join(dir, 'chain.log'), submitters: 2 });
}

/** Every funded, allowed submitter of the localnet, from the submitters.json it writes. */
function submitterMnemonics(): string[] {
  const home = path.join(dir, 'chain');
  const list = JSON.parse(readFileSync(path.join(home, 'submitters.json'), 'utf8')) as { submitters: { mnemonicFile: string }[] };
  return list.submitters.map((s) => readFileSync(path.join(home, s.mnemonicFile), 'utf8').trim());
}

function log(line: string): void {
  // Measurements go to the test output so that the report can quote them.
  console.log(`[chain-commit] ${line}`);
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'lianjian-chain-commit-'));
  chmodSync(dir, 0o755);
  node = await startNode();
  const [mnemonic] = submitterMnemonics();
  committer = await ChainCommitter.create({ rpcUrl: node.rpcUrl, mnemonic: mnemonic!, chainId: 'lianjian-local' });
});

afterAll(async () => {
  await node?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function commitNext(label: string): Promise<CommitResult> {
  const seq = roots.length;
  const root = rootOf(label);
  const r = await committer.commitBatch({ seq, root, size: seq * 10, prevRoot: roots[seq - 1]! });
  roots.push(root);
  return r;
}

describe('committing and reading back', () => {
  it('starts from an empty chain', async () => {
    expect(await committer.latestBatch()).toEqual({ latestSeq: 0, batch: null });
    expect(await committer.getBatch(1)).toBeNull();
    const latest = await readLatestBatch(node.rpcUrl);
    expect(latest.latestSeq).toBe(0n);
    expect(latest.batch).toBeNull();
  });

  it('commits batches 1..3 and reads each back through a verified state proof', async () => {
    for (const label of ['one', 'two', 'three']) {
      const r = await commitNext(label);
      expect(r).toMatchObject({ seq: roots.length - 1, chainId: 'lianjian-local' });
      expect(r.txHash).toMatch(/^[0-9A-F]{64}$/);
      expect(r.time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
      expect(r.height).toBeGreaterThan(0);
    }
    for (let seq = 1; seq <= 3; seq++) {
      const v = await readBatchVerified(node.rpcUrl, seq, { chainId: 'lianjian-local' });
      expect(v.batch.root).toEqual(roots[seq]);
      expect(v.batch.prevRoot).toEqual(roots[seq - 1]);
      expect(v.batch.size).toBe(BigInt(seq * 10));
      expect(v.batch.submitter).toBe(committer.address);
      expect(v.proof.header.signaturesChecked).toBe(true);
      expect(v.proof.height).toBeGreaterThanOrEqual(v.batch.height);
    }
    const latest = await readLatestBatch(node.rpcUrl);
    expect(latest.latestSeq).toBe(3n);
    expect(latest.batch?.root).toEqual(roots[3]);
    const plain = await committer.latestBatch();
    expect(plain.latestSeq).toBe(3);
    expect(plain.batch?.root).toEqual(roots[3]);
    expect((await committer.getBatch(2))?.prevRoot).toEqual(roots[1]);
  });

  it('returns the block height and time that the chain stored for the batch', async () => {
    const r = await commitNext('four');
    const v = await readBatchVerified(node.rpcUrl, r.seq);
    expect(v.batch.height).toBe(r.height);
    expect(v.batch.time).toBe(r.time);
  });
});

describe('rejections', () => {
  it('a seq gap is SeqOutOfOrder, naming the expected seq', async () => {
    const seq = roots.length + 1;
    const error = await committer.commitBatch({ seq, root: rootOf('gap'), size: 1, prevRoot: roots[roots.length - 1]! }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SeqOutOfOrderError);
    expect(error).toMatchObject({ codespace: 'anchor', code: 7, expectedSeq: roots.length, stage: 'deliver' });
    expect((error as Error).message).toMatch(new RegExp(`seq ${seq} out of order: expected ${roots.length}`));
  });

  it('a repeated seq is SeqOutOfOrder too', async () => {
    const error = await committer.commitBatch({ seq: 1, root: rootOf('again'), size: 1, prevRoot: ZERO }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SeqOutOfOrderError);
    expect((error as Error).message).toMatch(/seq 1 is already committed/);
  });

  it('a wrong prev_root is PrevRootMismatch', async () => {
    const error = await committer.commitBatch({ seq: roots.length, root: rootOf('x'), size: 1, prevRoot: rootOf('not the previous root') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrevRootMismatchError);
    expect(error).toMatchObject({ codespace: 'anchor', code: 8 });
    expect((error as Error).message).toMatch(/prev_root [0-9a-f]{64} does not match root [0-9a-f]{64} of batch \d+/);
  });

  it('a malformed root is BadRoot, refused before it reaches a block', async () => {
    const error = await committer.commitBatch({ seq: roots.length, root: new Uint8Array(31), size: 1, prevRoot: roots[roots.length - 1]! }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRootError);
    expect(error).toMatchObject({ codespace: 'anchor', code: 4, stage: 'check' });
    expect((error as Error).message).toMatch(/root must be exactly 32 bytes, got 31/);
  });

  it('a funded account outside allowed_submitters is Unauthorized', async () => {
    // Fund a fresh key from the second submitter with a plain bank transfer.
    const outsider = await DirectSecp256k1HdWallet.generate(24, { prefix: ADDRESS_PREFIX });
    const [outsiderAccount] = await outsider.getAccounts();
    const funderWallet = await DirectSecp256k1HdWallet.fromMnemonic(submitterMnemonics()[1]!, { prefix: ADDRESS_PREFIX });
    const [funder] = await funderWallet.getAccounts();
    const bank = await SigningStargateClient.connectWithSigner(node.rpcUrl, funderWallet);
    const sent = await bank.sendTokens(funder!.address, outsiderAccount!.address, [{ denom: 'stake', amount: '1000' }], { amount: [], gas: '200000' });
    expect(sent.code).toBe(0);
    bank.disconnect();

    const intruder = await ChainCommitter.create({ rpcUrl: node.rpcUrl, mnemonic: outsider.mnemonic });
    const error = await intruder.commitBatch({ seq: roots.length, root: rootOf('intruder'), size: 1, prevRoot: roots[roots.length - 1]! }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnauthorizedSubmitterError);
    expect(error).toMatchObject({ codespace: 'anchor', code: 2 });
    expect((error as Error).message).toMatch(new RegExp(`submitter ${outsiderAccount!.address} is not in allowed_submitters`));
  });

  it('an account that does not exist on chain is refused with a clear message', async () => {
    const stranger = await DirectSecp256k1HdWallet.generate(12, { prefix: ADDRESS_PREFIX });
    const c = await ChainCommitter.create({ rpcUrl: node.rpcUrl, mnemonic: stranger.mnemonic });
    await expect(c.commitBatch({ seq: roots.length, root: rootOf('s'), size: 1, prevRoot: roots[roots.length - 1]! })).rejects.toThrow(/is not on chain \(fund it first\)/);
  });

  it('the rejections left no trace: the next commit still follows the last good batch', async () => {
    const r = await commitNext('after rejections');
    expect((await readBatchVerified(node.rpcUrl, r.seq)).batch.prevRoot).toEqual(roots[r.seq - 1]);
  });
});

describe('measurements', () => {
  it('commit latency and commit-to-verified-query latency', async () => {
    const commits: number[] = [];
    const reads: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t0 = performance.now();
      const r = await commitNext(`latency ${i}`);
      const t1 = performance.now();
      const v = await readBatchVerified(node.rpcUrl, r.seq);
      const t2 = performance.now();
      expect(v.batch.root).toEqual(roots[r.seq]);
      commits.push(t1 - t0);
      reads.push(t2 - t1);
    }
    const stats = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      return `median ${s[Math.floor(s.length / 2)]!.toFixed(0)} ms, min ${s[0]!.toFixed(0)}, max ${s[s.length - 1]!.toFixed(0)}`;
    };
    log(`commit (broadcast → in a block), n=10: ${stats(commits)}`);
    log(`commit → verified read (proof + signed header H+1), n=10: ${stats(reads)}`);
    log(`commit → verified read end to end, n=10: ${stats(commits.map((c, i) => c + reads[i]!))}`);
  });

  it('batches per second, sequential (each waits for its block)', async () => {
    const n = 20;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await commitNext(`sequential ${i}`);
    const s = (performance.now() - t0) / 1000;
    log(`sequential: ${n} batches in ${s.toFixed(2)} s = ${(n / s).toFixed(2)} batches/s`);
  });

  it('batches per second, pipelined (broadcasts in order, inclusion awaited together)', async () => {
    const [mnemonic] = submitterMnemonics();
    const pipelined = await ChainCommitter.create({ rpcUrl: node.rpcUrl, mnemonic: mnemonic!, pipeline: true });
    const n = 60;
    const first = roots.length;
    const inputs = Array.from({ length: n }, (_, i) => ({ seq: first + i, root: rootOf(`pipelined ${i}`), size: 5 }));
    const t0 = performance.now();
    const results = await Promise.all(inputs.map((input, i) => pipelined.commitBatch({ ...input, prevRoot: i === 0 ? roots[first - 1]! : inputs[i - 1]!.root })));
    const s = (performance.now() - t0) / 1000;
    for (const input of inputs) roots.push(input.root);
    const heights = new Set(results.map((r) => r.height));
    log(`pipelined: ${n} batches in ${s.toFixed(2)} s = ${(n / s).toFixed(2)} batches/s over ${heights.size} blocks`);
    // Order kept: heights never decrease with seq, and the chain holds every root in order.
    for (let i = 1; i < results.length; i++) expect(results[i]!.height).toBeGreaterThanOrEqual(results[i - 1]!.height);
    const latest = await readLatestBatch(node.rpcUrl);
    expect(latest.latestSeq).toBe(BigInt(roots.length - 1));
    expect(latest.batch?.root).toEqual(roots[roots.length - 1]);
    // Committer 1 shares the account: its cached sequence is now stale and must recover.
    await commitNext('after pipelining');
  });
});

describe('node restarts', () => {
  it('keeps the committed batches across a restart', async () => {
    const before = await readLatestBatch(node.rpcUrl);
    await node.stop();
    node = await startNode();
    const after = await readLatestBatch(node.rpcUrl);
    expect(after.latestSeq).toBe(before.latestSeq);
    expect(after.batch?.root).toEqual(before.batch?.root);
    expect((await readBatchVerified(node.rpcUrl, 1)).batch.root).toEqual(roots[1]);
  });

  it('a commit sent while the node is down goes through once it is back', async () => {
    await node.stop();
    const downAt = performance.now();
    const retries: string[] = [];
    const c = await ChainCommitter.create({
      rpcUrl: node.rpcUrl,
      mnemonic: submitterMnemonics()[0]!,
      retry: { initialDelayMs: 200, maxDelayMs: 2_000, maxElapsedMs: 120_000 },
      onRetry: (what) => retries.push(what),
    });
    const seq = roots.length;
    const root = rootOf('while down');
    const pending = c.commitBatch({ seq, root, size: 1, prevRoot: roots[seq - 1]! });
    await new Promise((r) => setTimeout(r, 3_000));
    node = await startNode();
    const r = await pending;
    roots.push(root);
    log(`commit sent while the node was down: in block ${r.height} ${((performance.now() - downAt) / 1000).toFixed(1)} s after the stop, after ${retries.length} retries`);
    expect(retries.length).toBeGreaterThan(0);
    expect((await readBatchVerified(node.rpcUrl, seq)).batch.root).toEqual(root);
  });

  it('gives up with ChainUnreachable after the bounded retry time', async () => {
    const c = await ChainCommitter.create({
      rpcUrl: 'http://127.0.0.1:9', // discard port: nothing listens
      mnemonic: submitterMnemonics()[0]!,
      retry: { initialDelayMs: 100, maxDelayMs: 400, maxElapsedMs: 1_500 },
    });
    const t0 = performance.now();
    await expect(c.commitBatch({ seq: 1, root: rootOf('nowhere'), size: 1, prevRoot: ZERO })).rejects.toThrow(/chain node unreachable for \d+ s, giving up/);
    expect(performance.now() - t0).toBeLessThan(5_000);
  });
});
