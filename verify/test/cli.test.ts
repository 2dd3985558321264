import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainChecker } from '../src/bundle.js';
import { DEFAULT_RPC_URL } from '../src/chain/checker.js';
import { run, type CliIo } from '../src/cli.js';
import { buildTree, treeRoot } from '../src/merkle.js';
import { leafHash } from '../src/hash.js';
import { buildProofSet, decodeBase64, encodeBase64, type ProofSet } from '../src/proofset.js';
import { ANCHOR, batchDocuments, copy, sampleBundle } from './fixtures.js';

const root = resolve(import.meta.dirname, '../..');
const bin = join(root, 'verify/bin/lianjian-verify.js');
const unreachable = 'http://127.0.0.1:1';

const good = sampleBundle(6, 2);
const tampered = copy(good);
tampered.document.data.name = '改过的名字';

/** Runs the CLI in-process with files from a table and captured output. */
async function cli(argv: string[], files: Record<string, string> = {}, extra: Partial<CliIo> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const urls: string[] = [];
  const io: CliIo = {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    readFile: async (path) => {
      if (!(path in files)) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
      return files[path]!;
    },
    readStdin: async () => files['<stdin>'] ?? '',
    env: {},
    createChainChecker: (url) => {
      urls.push(url);
      return { checkBatchRoot: async () => ({ ok: false, unavailable: true, reason: `no node at ${url}` }) };
    },
    ...extra,
  };
  const code = await run(argv, io);
  return { code, stdout: out.join('\n'), stderr: err.join('\n'), urls };
}

describe('lianjian-verify (in-process)', () => {
  const files = { 'good.json': JSON.stringify(good), 'bad.json': JSON.stringify(tampered), 'junk.json': 'not json' };

  it('exits 0 for a verified bundle offline and says the chain was not checked', async () => {
    const r = await cli(['--offline', 'good.json'], files);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^VERIFIED OFFLINE 离线验证通过: Member m-2 v3, leaf 2 of batch 42 \(size 6\); chain not checked/);
    expect(r.stdout.split('\n')).toHaveLength(1);
  });

  it('exits 1 with one line naming the failed check', async () => {
    const r = await cli(['--offline', 'bad.json'], files);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^NOT VERIFIED 未通过验证: document 记录文档 — the document does not hash to the bundle's leaf/);
    expect(r.stdout.split('\n')).toHaveLength(1);
  });

  it('exits 1 online when the chain check cannot run, never 0', async () => {
    const r = await cli(['good.json'], files);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/chain check could not run: no node at/);
  });

  it('exits 0 online when the chain confirms the root', async () => {
    const chain: ChainChecker = { checkBatchRoot: async () => ({ ok: true, height: 99 }) };
    const r = await cli(['good.json'], files, { createChainChecker: () => chain });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^VERIFIED 已验证: .*height 99 on lianjian-local; no root of trust: the chain check trusted the validator set the node presented/);
  });

  it('picks the RPC from --rpc, then LIANJIAN_RPC, then the default', async () => {
    expect((await cli(['good.json'], files)).urls).toEqual([DEFAULT_RPC_URL]);
    expect((await cli(['good.json'], files, { env: { LIANJIAN_RPC: 'http://node:1' } })).urls).toEqual(['http://node:1']);
    expect((await cli(['--rpc', 'http://a:2', 'good.json'], files, { env: { LIANJIAN_RPC: 'http://node:1' } })).urls).toEqual(['http://a:2']);
    expect((await cli(['--offline', 'good.json'], files)).urls).toEqual([]);
  });

  it('prints the full report with --json', async () => {
    const r = await cli(['--offline', '--json', 'bad.json'], files);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ verified: false, offline: true, record: { type: 'Member', id: 'm-2' }, batch: { seq: 42, index: 2 } });
    expect(report.checks.map((c: { name: string }) => c.name)).toEqual(['document', 'path', 'chain', 'fields']);
  });

  it('reads standard input for "-" and tolerates a byte order mark', async () => {
    const r = await cli(['--offline', '-'], { '<stdin>': `\uFEFF${JSON.stringify(good)}` });
    expect(r.code).toBe(0);
  });

  it('exits 2 on bad usage or unreadable input', async () => {
    const cases: [string[], RegExp][] = [
      [[], /no bundle file given/],
      [['a.json', 'b.json'], /exactly one bundle file/],
      [['--bogus', 'good.json'], /Unknown option '--bogus'/],
      [['--offline', '--rpc', 'http://x', 'good.json'], /contradict/],
      [['--rpc'], /--rpc/],
      [['missing.json'], /cannot read missing.json: ENOENT/],
      [['junk.json'], /not valid JSON/],
    ];
    for (const [argv, message] of cases) {
      const r = await cli(argv, files);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr, argv.join(' ')).toMatch(message);
    }
    const json = await cli(['--json', 'junk.json'], files);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({ verified: false, error: expect.stringMatching(/not valid JSON/) });
  });

  it('prints help and exits 0 for --help', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage 用法: lianjian-verify \[--offline\] \[--rpc URL\] \[--trust FILE\] \[--json\] FILE\|-/);
  });
});

describe('lianjian-verify (the built bin)', () => {
  let dir: string;
  const exec = (args: string[], input?: string) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
      const child = execFile(process.execPath, [bin, ...args], { env: { ...process.env, LIANJIAN_RPC: unreachable } }, (error, stdout, stderr) =>
        done({ code: error ? Number(error.code) : 0, stdout, stderr }),
      );
      child.stdin?.end(input ?? '');
    });

  beforeAll(() => {
    // The bin runs dist/, so build it exactly as `npm run build -w @lianjian/verify` does.
    execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'verify/tsconfig.build.json'], { cwd: root });
    dir = mkdtempSync(join(tmpdir(), 'lianjian-verify-'));
    writeFileSync(join(dir, 'good.json'), JSON.stringify(good));
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(tampered));
    writeFileSync(join(dir, 'junk.json'), '{"v":1,');
  }, 120_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 0, 1 and 2 as documented', async () => {
    const verified = await exec(['--offline', join(dir, 'good.json')]);
    expect(verified).toMatchObject({ code: 0, stdout: expect.stringMatching(/^VERIFIED OFFLINE/) });

    const tamperedRun = await exec(['--offline', join(dir, 'bad.json')]);
    expect(tamperedRun).toMatchObject({ code: 1, stdout: expect.stringMatching(/^NOT VERIFIED .*document/) });

    const online = await exec([join(dir, 'good.json')]);
    expect(online).toMatchObject({ code: 1, stdout: expect.stringMatching(/chain check could not run/) });

    expect((await exec([join(dir, 'junk.json')])).code).toBe(2);
    expect((await exec([join(dir, 'absent.json')])).code).toBe(2);
    expect((await exec([])).code).toBe(2);
  });

  it('reads a bundle from standard input and prints JSON', async () => {
    const r = await exec(['--offline', '--json', '-'], JSON.stringify(good));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ verified: true, offline: true });
  });
});

describe('lianjian-verify --trust (in-process)', () => {
  const root = JSON.stringify({
    v: 1,
    organisation: 'Org 组织',
    chainId: 'lianjian-local',
    genesisHash: '00'.repeat(32),
    height: 1,
    headerHash: null,
    validators: [{ address: '4A9E6F0DF4A9D8B6B6E3B8D6F1CDB5A1F8C1D0E9', pubKey: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=', power: '1', name: 'L1' }],
    names: {},
    trustingPeriodSeconds: 60,
  });
  const files = { 'good.json': JSON.stringify(good), 'root.json': root };

  it('passes the root from --trust or LIANJIAN_TRUST_ROOT to the chain checker, or none', async () => {
    const seen: unknown[] = [];
    const createChainChecker: CliIo['createChainChecker'] = (_url, opts) => {
      seen.push(opts?.trustRoot?.organisation ?? null);
      return { checkBatchRoot: async () => ({ ok: false, code: 'fork', reason: 'refused by the root of trust 信任根拒绝: forged' }) };
    };
    // The fixture's address is not its key's: the root is refused as bad input before any chain call.
    const bad = await cli(['--trust', 'root.json', 'good.json'], files, { createChainChecker });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unreadable root of trust 信任根无法读取或解析: .*does not belong to its public key/);
    expect(seen).toEqual([]);
    const none = await cli(['good.json'], files, { createChainChecker });
    expect(none.code).toBe(1);
    expect(none.stdout).toMatch(/^NOT VERIFIED 未通过验证: chain anchor 链上锚定 — refused by the root of trust/);
    expect(seen).toEqual([null]);
  });

  it('refuses --trust with --offline, and a missing root file', async () => {
    expect((await cli(['--offline', '--trust', 'root.json', 'good.json'], files)).code).toBe(2);
    const missing = await cli(['good.json'], files, { env: { LIANJIAN_TRUST_ROOT: 'nope.json' } });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read nope.json/);
  });
});

describe('lianjian-verify with a proof set v2 (in-process)', () => {
  // Two batches (6 and 9 leaves), three records in the first, one in the second, one pending.
  const docs = batchDocuments(9);
  const batch = (seq: number, size: number) => {
    const layers = buildTree(docs.slice(0, size).map((d) => leafHash(d)));
    return { seq, size, root: treeRoot(layers), prevRoot: new Uint8Array(32).fill(seq), anchor: ANCHOR, levels: layers };
  };
  const set = buildProofSet({
    batches: [batch(42, 6), batch(43, 9)],
    records: [
      { b: 0, i: 1, doc: docs[1]! },
      { b: 0, i: 2, doc: docs[2]! },
      { b: 0, i: 5, doc: docs[5]! },
      { b: 1, i: 8, doc: docs[8]! },
    ],
  });
  const withPending: ProofSet = { ...copy(set), records: [...copy(set).records, { b: null, i: null, doc: docs[0]! }] };
  const edited = copy(set);
  edited.records[1]!.doc.data.name = '改过的名字';
  const files = { 'set.json': JSON.stringify(set), 'pending.json': JSON.stringify(withPending), 'edited.json': JSON.stringify(edited), 'broken.json': JSON.stringify({ ...set, batches: [{ ...set.batches[0], nodes: encodeBase64(decodeBase64(set.batches[0]!.nodes).slice(0, 32)) }, set.batches[1]] }),
    'odd.json': JSON.stringify({ ...set, batches: [{ ...set.batches[0], nodes: 'AA==' }, set.batches[1]] }),
  };

  it('detects "v": 2, verifies offline and prints one line per record and a summary', async () => {
    const r = await cli(['--offline', 'set.json'], files);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe('VERIFIED OFFLINE 离线验证通过: #0 Member m-1 v2, leaf 1 of batch 42 (size 6)');
    expect(lines[3]).toBe('VERIFIED OFFLINE 离线验证通过: #3 Member m-8 v3, leaf 8 of batch 43 (size 9)');
    expect(lines[4]).toMatch(/^VERIFIED OFFLINE 离线验证通过: proof set 证明集, 4 of 4 records verified .*2 batches/);
  });

  it('asks the chain once per batch online, and fails with one summary line when a batch fails', async () => {
    const seqs: number[] = [];
    const chain: ChainChecker = { checkBatchRoot: async (seq) => (seqs.push(seq), { ok: true, height: 99 }) };
    const ok = await cli(['set.json'], files, { createChainChecker: () => chain });
    expect(ok.code).toBe(0);
    expect(seqs).toEqual([42, 43]);
    expect(ok.stdout.split('\n').at(-1)).toMatch(/^VERIFIED 已验证: proof set 证明集, 4 of 4 .*one chain query per batch on lianjian-local; no root of trust/);

    const bad = await cli(['--offline', 'edited.json'], files);
    expect(bad.code).toBe(1);
    const lines = bad.stdout.split('\n');
    expect(lines[0]).toMatch(/^NOT VERIFIED 未通过验证: #0 .*batch 42: the nodes do not lead to the root/);
    expect(lines[3]).toMatch(/^VERIFIED OFFLINE/);
    expect(lines.at(-1)).toMatch(/^NOT VERIFIED 未通过验证: proof set 证明集, 1 of 4 records verified .* 3 failed .*first: Merkle path 默克尔路径 — batch 42/);

    const unreachable = await cli(['set.json'], files);
    expect(unreachable.code).toBe(1);
    expect(unreachable.stdout.split('\n').at(-1)).toMatch(/^NOT VERIFIED .*chain check could not run: no node at/);
  });

  it('reports a pending record as not provable, exits 1 and 2 as for v1', async () => {
    const r = await cli(['--offline', 'pending.json'], files);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/PENDING 待上链: #4 Member m-0 v1 — Merkle path 默克尔路径 — the record is not in a batch yet/);
    expect(r.stdout.split('\n').at(-1)).toMatch(/^NOT VERIFIED .*4 of 5 records verified 条记录已验证, 1 pending/);
    const broken = await cli(['--offline', 'broken.json'], files);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/nodes run out/);
    const odd = await cli(['--offline', 'odd.json'], files);
    expect(odd.code).toBe(2);
    expect(odd.stderr).toMatch(/not a whole number of 32-byte hashes/);
    const json = await cli(['--offline', '--json', 'set.json'], files);
    expect(JSON.parse(json.stdout)).toMatchObject({ verified: true, offline: true, batches: [{ seq: 42 }, { seq: 43 }] });
    const malformed = await cli(['--offline', '-'], { '<stdin>': JSON.stringify({ ...set, records: [] }) });
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toMatch(/unreadable input .*used by no record/);
  });
});
