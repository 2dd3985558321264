// End to end on the run's shared node: a real batch committed by the indexer's committer, its
// proof bundle checked online by lianjian-verify (createChainChecker: ICS23 state proof plus
// signed header), and the ways a bundle can disagree with the chain.
import { readFile } from 'node:fs/promises';
import { createBundle, leafHash, makeDocument, buildTree, inclusionPath, treeRoot, type ProofBundle } from '@lianjian/verify';
import { createChainChecker } from '@lianjian/verify/chain';
import { beforeAll, describe, expect, it } from 'vitest';
import { sharedChain } from '../../test/db.js';
import { run, type CliIo } from '@lianjian/verify/cli';
import { ChainCommitter, PrevRootMismatchError, SeqOutOfOrderError, type CommitResult } from '../src/chain/index.js';

const chain = sharedChain();
let bundle: ProofBundle;
let commit: CommitResult;

/** Other test files share this chain: commit at whatever seq comes next, retrying on a race. */
async function commitNext(committer: ChainCommitter, root: Uint8Array, size: number): Promise<{ r: CommitResult; prevRoot: Uint8Array }> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const latest = await committer.latestBatch();
    const prevRoot = latest.batch?.root ?? new Uint8Array(32);
    try {
      return { r: await committer.commitBatch({ seq: latest.latestSeq + 1, root, size, prevRoot }), prevRoot };
    } catch (error) {
      if (!(error instanceof SeqOutOfOrderError || error instanceof PrevRootMismatchError)) throw error;
    }
  }
  throw new Error('could not commit after 10 races');
}

function batch(size: number, tag: string) {
  const docs = Array.from({ length: size }, (_, i) =>
    makeDocument({ type: 'Member', id: `cli-${tag}-${i}`, version: 1, org: 'unit-1', at: '2026-11-22T09:42:21.998Z', actor: 'system', data: { i, tag } }),
  );
  const layers = buildTree(docs.map((d) => leafHash(d)));
  return { docs, layers, root: treeRoot(layers) };
}

async function cli(argv: string[], b: ProofBundle): Promise<{ code: number; out: string }> {
  const out: string[] = [];
  const io: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => out.push(t),
    readFile: async (p) => (p === 'bundle.json' ? JSON.stringify(b) : readFile(p, 'utf8')),
    readStdin: async () => '',
    env: { LIANJIAN_RPC: chain.rpcUrl },
    createChainChecker: (url) => createChainChecker(url),
  };
  return { code: await run(argv, io), out: out.join('\n') };
}

beforeAll(async () => {
  const committer = await ChainCommitter.create({ rpcUrl: chain.rpcUrl, mnemonic: chain.mnemonics[1] ?? chain.mnemonics[0]!, chainId: 'lianjian-local' });
  // Four leaves, leaf 0: its audit path also fits a three-leaf tree with the same root.
  const b = batch(4, 'good');
  const { r, prevRoot } = await commitNext(committer, b.root, 4);
  commit = r;
  bundle = createBundle({
    document: b.docs[0]!,
    index: 0,
    batch: { seq: r.seq, size: 4, root: b.root, prevRoot },
    path: inclusionPath(b.layers, 0),
    anchor: { chainId: r.chainId, height: r.height, txHash: r.txHash, time: r.time },
  });
});

describe('lianjian-verify online against a real node', () => {
  it('exits 0 for a bundle whose batch is on chain (LIANJIAN_RPC)', async () => {
    const r = await cli(['bundle.json'], bundle);
    expect(r.out).toMatch(new RegExp(`^VERIFIED 已验证: .*batch ${commit.seq} root verified in chain state at height \\d+ on lianjian-local`));
    expect(r.code).toBe(0);
  });

  it('exits 0 with --rpc and reports the chain check in --json', async () => {
    const r = await cli(['--json', '--rpc', chain.rpcUrl, 'bundle.json'], bundle);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as { verified: boolean; checks: { name: string; ok: boolean | null }[] };
    expect(report.verified).toBe(true);
    expect(report.checks.find((c) => c.name === 'chain')?.ok).toBe(true);
  });

  it('exits 1 when the chain holds another root for that seq', async () => {
    const other = batch(4, 'other');
    const forged = createBundle({
      document: other.docs[1]!,
      index: 1,
      batch: { seq: bundle.batch.seq, size: 4, root: other.root, prevRoot: new Uint8Array(32) },
      path: inclusionPath(other.layers, 1),
      anchor: bundle.anchor,
    });
    const r = await cli(['bundle.json'], forged);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(new RegExp(`holds root ${bundle.batch.root} for batch ${commit.seq}, not the bundle's root ${forged.batch.root}`));
  });

  it('exits 1 for a forged tree size that the audit path alone cannot reveal', async () => {
    const forged = { ...bundle, batch: { ...bundle.batch, size: 3 } };
    expect((await cli(['--offline', 'bundle.json'], forged)).code).toBe(0);
    const r = await cli(['bundle.json'], forged);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(new RegExp(`holds size 4 for batch ${commit.seq}, not the bundle's size 3`));
  });

  it('exits 1 for a prev_root that is not the chain\'s', async () => {
    const r = await cli(['bundle.json'], { ...bundle, batch: { ...bundle.batch, prevRoot: 'ee'.repeat(32) } });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(new RegExp(`holds prev_root [0-9a-f]{64} for batch ${commit.seq}, not the bundle's ${'ee'.repeat(32)}`));
  });

  it('exits 1 when the bundle names a batch the chain does not have', async () => {
    const r = await cli(['bundle.json'], { ...bundle, batch: { ...bundle.batch, seq: 1_000_000 } });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/batch 1000000 is not on chain: .*absence proven by the state proof/);
  });

  it('exits 1 when the anchor height, time or transaction is not the chain\'s', async () => {
    const wrongHeight = await cli(['bundle.json'], { ...bundle, anchor: { ...bundle.anchor!, height: commit.height + 1 } });
    expect(wrongHeight.code).toBe(1);
    expect(wrongHeight.out).toMatch(new RegExp(`committed at height ${commit.height}, the bundle says ${commit.height + 1}`));

    const wrongTime = await cli(['bundle.json'], { ...bundle, anchor: { ...bundle.anchor!, time: '2020-01-01T00:00:00.000Z' } });
    expect(wrongTime.code).toBe(1);
    expect(wrongTime.out).toMatch(/the bundle says 2020-01-01T00:00:00.000Z/);

    const wrongTx = await cli(['bundle.json'], { ...bundle, anchor: { ...bundle.anchor!, txHash: 'AB'.repeat(32) } });
    expect(wrongTx.code).toBe(1);
    expect(wrongTx.out).toMatch(new RegExp(`transaction ${'AB'.repeat(32)} is not in block ${commit.height}`));
  });

  it('accepts an anchor time rounded to microseconds, as Postgres stores it', async () => {
    const micro = commit.time.replace(/\.(\d+)Z$/, (_, f: string) => `.${f.padEnd(9, '0').slice(0, 6)}Z`);
    const r = await cli(['bundle.json'], { ...bundle, anchor: { ...bundle.anchor!, time: micro } });
    expect(r.code).toBe(0);
  });

  it('exits 1 for a bundle anchored on another chain', async () => {
    const r = await cli(['bundle.json'], { ...bundle, anchor: { ...bundle.anchor!, chainId: 'someone-elses-chain' } });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/belongs to chain "lianjian-local", expected "someone-elses-chain"/);
  });

  it('exits 1 saying the chain check could not run when the node is unreachable', async () => {
    const r = await cli(['--rpc', 'http://127.0.0.1:9', 'bundle.json'], bundle);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/NOT VERIFIED 未通过验证: chain check could not run: chain node at http:\/\/127\.0\.0\.1:9 is unreachable/);
  });

  it('still verifies offline without any node', async () => {
    const r = await cli(['--offline', 'bundle.json'], bundle);
    expect(r.code).toBe(0);
  });
});
