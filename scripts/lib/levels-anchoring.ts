// Anchoring that keeps running while levels join and leave: commits a batch of fresh record
// documents every `intervalMs` with the indexer's ChainCommitter, keeps each batch's proof bundle,
// and afterwards verifies every bundle from the organisation's root of trust with the light client.
// Used by test/levels.int.test.ts, `npm run soak` (levels phase) and bench/levels.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ChainCommitter } from '@lianjian/indexer/chain';
import { buildTree, createBundle, createChainChecker, inclusionPath, leafHash, LightClient, makeDocument, treeRoot, verifyBundle, type ProofBundle } from '@lianjian/verify';
import { parseTrustRoot, type TrustRoot } from '@lianjian/verify/chain';
import { sleep } from './process.js';

export interface AnchoredBatch {
  seq: number;
  bundle: ProofBundle;
  /** Wall-clock ms (performance.now()) when the commit was sent and when it was in a block. */
  sentAt: number;
  doneAt: number;
}

export interface Anchoring {
  batches: AnchoredBatch[];
  errors: string[];
  /** Stops after the commit in flight; resolves with what was anchored. */
  stop(): Promise<AnchoredBatch[]>;
  /** The longest time between two consecutive batches reaching a block (ms). */
  longestGapMs(): number;
}

const ZERO = new Uint8Array(32);

/** One batch of `n` fresh records; returns the bundle of one of them. */
export async function anchorOnce(committer: ChainCommitter, roots: Uint8Array[], n = 4): Promise<AnchoredBatch> {
  const docs = Array.from({ length: n }, (_, i) =>
    makeDocument({ type: 'Member', id: `m-${randomBytes(6).toString('hex')}`, version: 1, org: 'unit-1', at: new Date().toISOString(), actor: 'system', data: { n: i } }),
  );
  const layers = buildTree(docs.map((d) => leafHash(d)));
  const root = treeRoot(layers);
  const seq = roots.length;
  const prevRoot = roots[seq - 1]!;
  // Claimed before the await, so that pipelined callers each take the next seq.
  roots.push(root);
  const sentAt = performance.now();
  let r;
  try {
    r = await committer.commitBatch({ seq, root, size: n, prevRoot });
  } catch (error) {
    roots.length = Math.min(roots.length, seq); // try this seq again
    throw error;
  }
  const index = seq % n;
  const bundle = createBundle({
    document: docs[index]!,
    index,
    batch: { seq, size: n, root, prevRoot },
    path: inclusionPath(layers, index),
    anchor: { chainId: r.chainId, height: r.height, txHash: r.txHash, time: r.time },
  });
  return { seq, bundle, sentAt, doneAt: performance.now() };
}

/** Starts committing batches in the background (the chain's latest seq must be 0). */
export async function startAnchoring(opts: { rpcUrl: string; mnemonic: string; intervalMs?: number }): Promise<Anchoring> {
  const committer = await ChainCommitter.create({ rpcUrl: opts.rpcUrl, mnemonic: opts.mnemonic, chainId: 'lianjian-local', retry: { maxElapsedMs: 300_000 }, inclusionTimeoutMs: 120_000 });
  const roots: Uint8Array[] = [ZERO];
  const batches: AnchoredBatch[] = [];
  const errors: string[] = [];
  let on = true;
  const loop = (async () => {
    while (on) {
      try {
        batches.push(await anchorOnce(committer, roots));
      } catch (error) {
        errors.push(error instanceof Error ? error.message : String(error));
        if (errors.length > 20) return;
        await sleep(500);
      }
      await sleep(opts.intervalMs ?? 250);
    }
  })();
  return {
    batches,
    errors,
    async stop() {
      on = false;
      await loop;
      return batches;
    },
    longestGapMs() {
      let gap = 0;
      for (let i = 1; i < batches.length; i++) gap = Math.max(gap, batches[i]!.doneAt - batches[i - 1]!.doneAt);
      return gap;
    },
  };
}

export function readTrustRoot(file: string): TrustRoot {
  return parseTrustRoot(readFileSync(file, 'utf8'));
}

export interface VerifiedAll {
  verified: number;
  failed: Array<{ seq: number; reason: string }>;
  /** Signers of each anchoring block, by level name ("中央 centre, 省 province, …"). */
  signers: Map<number, string[]>;
  ms: number;
}

/** Verifies every bundle against `rpcUrl` from the root of trust (one light client, headers cached). */
export async function verifyAllFromRoot(batches: AnchoredBatch[], rpcUrl: string, root: TrustRoot): Promise<VerifiedAll> {
  const lightClient = new LightClient(root, rpcUrl);
  const checker = createChainChecker(rpcUrl, { lightClient });
  const failed: VerifiedAll['failed'] = [];
  const signers = new Map<number, string[]>();
  const t = performance.now();
  for (const b of batches) {
    const r = await verifyBundle(b.bundle, { chain: checker });
    const chain = r.checks.find((c) => c.name === 'chain');
    if (!r.verified || chain?.trust?.mode !== 'root') {
      failed.push({ seq: b.seq, reason: r.checks.filter((c) => !c.ok).map((c) => `${c.name}: ${c.reason ?? ''}`).join('; ') || `trust mode ${chain?.trust?.mode}` });
      continue;
    }
    const trust = chain.trust;
    if (trust.mode === 'root') signers.set(b.seq, (trust.signers?.validators ?? []).filter((v) => v.signed).map((v) => v.name ?? v.address));
  }
  return { verified: batches.length - failed.length, failed, signers, ms: performance.now() - t };
}
