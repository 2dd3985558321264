// Checks each served document before the mirror stores it: the feed's text is the canonical form
// of the bundle's document and hashes to its leaf, the audit path leads to the batch root, and the
// chain (read from the mirror's own root of trust) holds that root. The chain is asked once per
// batch: confirmed roots are kept, so catch-up costs one chain read per batch, not per record.
import { canonicalize, createChainChecker, fromHex, parseBundle, toHex, verifyBundle, type ChainChecker, type ProofBundle, type TrustRoot } from '@lianjian/verify';
import type { FeedEntry } from './feed.js';

export class ChainUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChainUnavailable';
  }
}

export type Verdict = { ok: true; bundle: ProofBundle; leaf: Buffer; height: number } | { ok: false; reason: string };


export class EntryVerifier {
  private readonly confirmed = new Map<string, number>();
  private readonly chain: ChainChecker;
  private lastHeight = 0;

  constructor(rpcUrl: string, trustRoot?: TrustRoot) {
    const inner = createChainChecker(rpcUrl, trustRoot ? { trustRoot } : {});
    this.chain = {
      checkBatchRoot: async (seq, root, anchor, claimed) => {
        const key = `${seq}:${toHex(root)}:${anchor?.height ?? ''}:${anchor?.txHash ?? ''}:${claimed.size}:${toHex(claimed.prevRoot)}`;
        const known = this.confirmed.get(key);
        if (known !== undefined) return { ok: true, height: known };
        const r = await inner.checkBatchRoot(seq, root, anchor, claimed);
        // A chain that cannot be read is no verdict on the document: the caller stops and retries.
        if (!r.ok && r.unavailable) throw new ChainUnavailable(r.reason);
        if (r.ok) this.confirmed.set(key, r.height);
        return r;
      },
    };
  }

  /** The anchoring height of the last batch confirmed. */
  get height(): number {
    return this.lastHeight;
  }

  async check(e: FeedEntry): Promise<Verdict> {
    let bundle: ProofBundle;
    try {
      bundle = parseBundle(e.bundle);
    } catch (error) {
      return { ok: false, reason: `not a proof bundle v1: ${error instanceof Error ? error.message : String(error)}` };
    }
    const d = bundle.document;
    if (d.type !== e.type || d.id !== e.entityId || d.version !== e.version || d.org !== e.org || bundle.batch.seq !== e.batchSeq) {
      return { ok: false, reason: 'the entry names another record or batch than its bundle' };
    }
    // The text is the bundle's document (canonical form); verifyBundle then checks that the
    // document hashes to the leaf, so the stored text does too.
    if (canonicalize(d) !== e.documentText) return { ok: false, reason: 'the document text is not the canonical form of the bundle document' };
    if (!bundle.anchor) return { ok: false, reason: 'the batch is not anchored' };
    const report = await verifyBundle(bundle, { chain: this.chain });
    if (!report.verified) {
      const failed = report.checks.find((c) => c.ok === false) ?? report.checks.find((c) => c.ok === null && c.name !== 'fields');
      return { ok: false, reason: `${failed?.name ?? 'check'}: ${failed?.reason ?? 'not verified'}` };
    }
    this.lastHeight = bundle.anchor.height;
    return { ok: true, bundle, leaf: Buffer.from(fromHex(bundle.leaf)), height: bundle.anchor.height };
  }
}
