// The command-line verifier. The only module of this package that touches Node APIs; index.ts
// does not import it, so browsers never see it.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parseBundle, verifyBundle, type ChainChecker, type Check, type ProofBundle, type VerifyReport } from './bundle.js';
import { createChainChecker, DEFAULT_RPC_URL, type ChainCheckerOptions } from './chain/checker.js';
import { NODE_TRUST_NOTE, parseTrustRoot, signersText, type ChainTrust, type TrustRoot } from './chain/trust.js';
import { errorMessage } from './errors.js';
import { parseJson } from './json.js';
import { parseProofSet, verifyProofSet, type ProofSet, type ProofSetRecordReport, type ProofSetReport } from './proofset.js';

export const EXIT_VERIFIED = 0;
export const EXIT_NOT_VERIFIED = 1;
export const EXIT_BAD_INPUT = 2;

export const USAGE = `Usage 用法: lianjian-verify [--offline] [--rpc URL] [--trust FILE] [--json] FILE|-

Verifies a Lianjian proof bundle (application/vnd.lianjian.proof+json) or proof set
(application/vnd.lianjian.proofset+json, "v": 2: one line per record, one chain query per batch).
校验链建证明包或证明集：记录文档哈希、默克尔路径、链上锚定。

  FILE|-      the bundle or proof set file, or - for standard input  证明包/证明集文件，- 表示标准输入
  --offline   check document and Merkle path only, not the chain  仅离线校验，不查询链
  --rpc URL   CometBFT RPC of a chain node (default: $LIANJIAN_RPC or ${DEFAULT_RPC_URL})
  --trust FILE  the organisation's root of trust (default: $LIANJIAN_TRUST_ROOT); without one the
              chain check trusts the node's validator set  组织发布的信任根；未提供时链上检查信任节点
  --json      print the full report as JSON  以 JSON 输出完整报告
  -h, --help  show this help  显示帮助

Exit status 退出码: 0 verified 已验证 · 1 not verified 未通过 · 2 bad usage or unreadable input 用法或输入错误`;

/** What the CLI needs from its surroundings, injectable for tests. */
export type CliIo = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readFile: (path: string) => Promise<string>;
  readStdin: () => Promise<string>;
  env: Record<string, string | undefined>;
  createChainChecker: (rpcUrl: string, opts?: ChainCheckerOptions) => ChainChecker;
};

export function nodeIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(`${text}\n`),
    stderr: (text) => process.stderr.write(`${text}\n`),
    readFile: (path) => readFile(path, 'utf8'),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    env: process.env,
    createChainChecker,
  };
}

const LABELS: Record<Check['name'], string> = {
  document: 'document 记录文档',
  path: 'Merkle path 默克尔路径',
  chain: 'chain anchor 链上锚定',
  fields: 'fields 字段',
};

/** Runs the verifier on argv (without node and script); resolves to the exit status. */
export async function run(argv: string[], io: CliIo = nodeIo()): Promise<number> {
  let options: { offline: boolean; json: boolean; rpc?: string; trust?: string; help: boolean };
  let input: string;
  try {
    const parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        offline: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        rpc: { type: 'string' },
        trust: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    options = parsed.values as typeof options;
    if (options.help) {
      io.stdout(USAGE);
      return EXIT_VERIFIED;
    }
    if (parsed.positionals.length !== 1) {
      throw new Error(parsed.positionals.length === 0 ? 'no bundle file given' : 'give exactly one bundle file');
    }
    if (options.offline && options.rpc !== undefined) throw new Error('--rpc and --offline contradict each other');
    if (options.offline && options.trust !== undefined) throw new Error('--trust and --offline contradict each other');
    input = parsed.positionals[0]!;
  } catch (error) {
    io.stderr(`lianjian-verify: bad usage 用法错误: ${errorMessage(error)}\n\n${USAGE}`);
    return EXIT_BAD_INPUT;
  }

  let bundle: ProofBundle | undefined;
  let set: ProofSet | undefined;
  try {
    let text: string;
    try {
      text = input === '-' ? await io.readStdin() : await io.readFile(input);
    } catch (error) {
      throw new Error(`cannot read ${input === '-' ? 'standard input' : input}: ${errorMessage(error)}`);
    }
    text = text.replace(/^\uFEFF/, '');
    // A proof set says "v": 2; anything else is read (and refused, if need be) as a v1 bundle.
    let json: unknown;
    try {
      json = parseJson(text);
    } catch {
      json = undefined;
    }
    if (typeof json === 'object' && json !== null && (json as { v?: unknown }).v === 2) set = parseProofSet(json);
    else bundle = parseBundle(text);
  } catch (error) {
    const message = `unreadable input 输入无法读取或解析: ${errorMessage(error)}`;
    if (options.json) io.stdout(JSON.stringify({ verified: false, error: message }, null, 2));
    else io.stderr(`lianjian-verify: ${message}`);
    return EXIT_BAD_INPUT;
  }

  // The root of trust: --trust, else LIANJIAN_TRUST_ROOT (a file path); none means trusting the node.
  let trustRoot: TrustRoot | undefined;
  const trustFile = options.offline ? undefined : (options.trust ?? (io.env.LIANJIAN_TRUST_ROOT || undefined));
  if (trustFile !== undefined) {
    try {
      let text: string;
      try {
        text = await io.readFile(trustFile);
      } catch (error) {
        throw new Error(`cannot read ${trustFile}: ${errorMessage(error)}`);
      }
      trustRoot = parseTrustRoot(text);
    } catch (error) {
      const message = `unreadable root of trust 信任根无法读取或解析: ${errorMessage(error)}`;
      if (options.json) io.stdout(JSON.stringify({ verified: false, error: message }, null, 2));
      else io.stderr(`lianjian-verify: ${message}`);
      return EXIT_BAD_INPUT;
    }
  }

  const rpcUrl = options.rpc ?? io.env.LIANJIAN_RPC ?? DEFAULT_RPC_URL;
  const verifyOpts = options.offline ? {} : { chain: trustRoot ? io.createChainChecker(rpcUrl, { trustRoot }) : io.createChainChecker(rpcUrl) };
  if (set !== undefined) {
    const report = await verifyProofSet(set, verifyOpts);
    if (options.json) io.stdout(JSON.stringify(jsonSetReport(report, options.offline ? null : rpcUrl, trustRoot), null, 2));
    else io.stdout(setSummary(set, report));
    return report.verified ? EXIT_VERIFIED : EXIT_NOT_VERIFIED;
  }
  bundle = bundle!;
  const report = await verifyBundle(bundle, verifyOpts);
  if (options.json) io.stdout(JSON.stringify(jsonReport(bundle, report, options.offline ? null : rpcUrl, trustRoot), null, 2));
  else io.stdout(summary(bundle, report));
  return report.verified ? EXIT_VERIFIED : EXIT_NOT_VERIFIED;
}

function jsonReport(bundle: ProofBundle, report: VerifyReport, rpcUrl: string | null, root: TrustRoot | undefined) {
  const { type, id, version } = bundle.document;
  return {
    ...report,
    rpc: rpcUrl,
    trustRoot: root ? { organisation: root.organisation, chainId: root.chainId, height: root.height, genesisHash: root.genesisHash } : null,
    record: { type, id, version },
    batch: { seq: bundle.batch.seq, size: bundle.batch.size, index: bundle.index, root: bundle.batch.root },
    anchor: bundle.anchor,
  };
}

function jsonSetReport(report: ProofSetReport, rpcUrl: string | null, root: TrustRoot | undefined) {
  return {
    ...report,
    rpc: rpcUrl,
    trustRoot: root ? { organisation: root.organisation, chainId: root.chainId, height: root.height, genesisHash: root.genesisHash } : null,
  };
}

/**
 * A proof set: one line per record, then one summary line. The summary is the verdict: it starts
 * with VERIFIED, VERIFIED OFFLINE or NOT VERIFIED and, on failure, names the first reason.
 */
function setSummary(set: ProofSet, report: ProofSetReport): string {
  const lines = report.records.map((r) => recordLine(set, r));
  const n = report.records.length;
  const ok = report.records.filter((r) => r.verified).length;
  const pending = report.records.filter((r) => !r.verified && r.pending).length;
  const counts = `${ok} of ${n} records verified 条记录已验证, ${pending} pending 待上链, ${n - ok - pending} failed 未通过; ${set.batches.length} batches 个批次`;
  if (report.verified) {
    if (report.offline) lines.push(`VERIFIED OFFLINE 离线验证通过: proof set 证明集, ${counts}; chain not checked 未查询链上状态`);
    else {
      const trust = report.batches[0]?.chain.trust;
      const chainId = set.batches.find((b) => b.anchor)?.anchor?.chainId ?? 'chain';
      lines.push(`VERIFIED 已验证: proof set 证明集, ${counts}, one chain query per batch on ${chainId}${trustText(trust)}`);
    }
    return lines.join('\n');
  }
  const failed = report.records.find((r) => !r.verified && !r.pending) ?? report.records.find((r) => !r.verified);
  const reason = failed ? recordReason(failed) : 'the proof set has no records 证明集中没有记录';
  lines.push(`NOT VERIFIED 未通过验证: proof set 证明集, ${counts}; first: ${reason}`);
  return lines.join('\n');
}

function recordLine(set: ProofSet, r: ProofSetRecordReport): string {
  const doc = set.records[r.record]!.doc;
  const batch = r.b === null ? null : set.batches[r.b]!;
  const what = `#${r.record} ${doc.type} ${doc.id} v${doc.version}${batch ? `, leaf ${r.i} of batch ${batch.seq} (size ${batch.size})` : ''}`;
  if (r.verified) return `${r.offline ? 'VERIFIED OFFLINE 离线验证通过' : 'VERIFIED 已验证'}: ${what}`;
  if (r.pending) return `PENDING 待上链: ${what} — ${recordReason(r)}`;
  return `NOT VERIFIED 未通过验证: ${what} — ${recordReason(r)}`;
}

function recordReason(r: ProofSetRecordReport): string {
  const check = r.checks.find((c) => c.ok === false) ?? r.checks.find((c) => c.name !== 'fields' && c.ok === null);
  return check ? `${LABELS[check.name]} — ${check.reason ?? 'failed'}` : 'unknown reason';
}

/** One line: what was proven, or the first reason it was not. */
function summary(bundle: ProofBundle, report: VerifyReport): string {
  const { type, id, version } = bundle.document;
  const what = `${type} ${id} v${version}, leaf ${bundle.index} of batch ${bundle.batch.seq} (size ${bundle.batch.size})`;
  if (report.verified) {
    const chain = report.checks.find((check) => check.name === 'chain');
    if (report.offline) {
      const pending = bundle.anchor === null ? ', batch not anchored yet 批次尚未上链' : '';
      return `VERIFIED OFFLINE 离线验证通过: ${what}; chain not checked 未查询链上状态${pending}`;
    }
    return `VERIFIED 已验证: ${what}; ${chain?.detail ?? 'chain anchor verified'} on ${bundle.anchor?.chainId ?? 'chain'}${trustText(chain?.trust)}`;
  }
  const failed =
    report.checks.find((check) => check.ok === false) ??
    // Online, a chain check that could not run is the reason too: never report success without it.
    report.checks.find((check) => check.name === 'chain' && check.ok === null);
  if (failed?.name === 'chain' && failed.ok === null) {
    return `NOT VERIFIED 未通过验证: ${failed.reason ?? 'chain check could not run'} (无法完成链上检查; --offline checks the document and path only)`;
  }
  return `NOT VERIFIED 未通过验证: ${failed ? `${LABELS[failed.name]} — ${failed.reason ?? 'failed'}` : 'unknown reason'} [${what}]`;
}

/** Whose root the chain check rested on and who signed the anchoring block, or that it trusted the node. */
function trustText(trust: ChainTrust | undefined): string {
  if (trust === undefined || trust.mode === 'node') return `; ${NODE_TRUST_NOTE}`;
  const r = trust.root;
  const root = `; root of trust 信任根: ${r.organisation} (chain ${r.chainId} from height ${r.height})`;
  if (!trust.signers) return root;
  const t = signersText(trust.signers);
  return `${root}; ${t.en} ${t.zh}`;
}
