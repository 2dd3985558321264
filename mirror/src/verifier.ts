// Checks each served document before the mirror stores it: the feed's text is the canonical form
// of the bundle's document and hashes to its leaf, the audit path leads to the batch root, and the
// chain (read from the mirror's own root of trust) holds that root. The chain is asked once per
// batch: confirmed roots are kept, so catch-up costs one chain read per batch, not per record.
import { createHash } from 'node:crypto';
import { canonicalize, createChainChecker, decodeBase64, fromHex, parseBundle, toHex, verifyBundle, verifyProofSet, type ChainChecker, type ProofBundle, type ProofSet, type Sha256, type TrustRoot } from '@lianjian/verify';
import type { FeedEntry } from './feed.js';

export class ChainUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChainUnavailable';
  }
}

export type Verdict = { ok: true; bundle: ProofBundle; leaf: Buffer; height: number } | { ok: false; reason: string };

/** A verified record of a proof set page: its canonical text (what is stored) and leaf. */
export interface SetRecord {
  entry: FeedEntry;
  text: string;
  leaf: Buffer;
  /** The leaf index in its batch. */
  i: number;
}

/**
 * A PROOF_SET page's verdict. The page is taken or refused whole: one bad node fails every record of
 * its batch, and a page partly stored would leave a hole behind the stored position.
 */
export type PageVerdict =
  | { ok: true; records: SetRecord[]; batches: { seq: number; root: Buffer; height: number }[]; proofBatches: string }
  | { ok: false; refused: { entry: FeedEntry; reason: string }[] };

/** Node's native SHA-256 for verifyProofSet (the library's default is its pure-JS one, for browsers): ~10× less per document. */
export const nativeSha256: Sha256 = (...parts) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};

export class EntryVerifier {
  private readonly confirmed = new Map<string, number>();
  private readonly chain: ChainChecker;
  private lastHeight = 0;
  /** Set when a chain read failed for want of the chain (verifyProofSet reports it, it does not throw). */
  private outage: ChainUnavailable | undefined;

  constructor(rpcUrl: string, trustRoot?: TrustRoot) {
    const inner = createChainChecker(rpcUrl, trustRoot ? { trustRoot } : {});
    this.chain = {
      checkBatchRoot: async (seq, root, anchor, claimed) => {
        const key = `${seq}:${toHex(root)}:${anchor?.height ?? ''}:${anchor?.txHash ?? ''}:${claimed.size}:${toHex(claimed.prevRoot)}`;
        const known = this.confirmed.get(key);
        if (known !== undefined) return { ok: true, height: known };
        let r: Awaited<ReturnType<ChainChecker['checkBatchRoot']>>;
        try {
          r = await inner.checkBatchRoot(seq, root, anchor, claimed);
        } catch (error) {
          this.outage = new ChainUnavailable(error instanceof Error ? error.message : String(error));
          throw this.outage;
        }
        // A chain that cannot be read is no verdict on the document: the caller stops and retries.
        if (!r.ok && r.unavailable) throw (this.outage = new ChainUnavailable(r.reason));
        if (r.ok) this.confirmed.set(key, r.height);
        return r;
      },
    };
  }

  /**
   * A PROOF_SET page: the set (as served: an object from GET /mirror-feed, or the GraphQL field's JSON
   * text, parsed here) is checked against the entries (record k is entry k: same
   * type, id, version, org and batch), then verifyProofSet — each batch's nodes consumed exactly up
   * to its root, and one chain check per batch (confirmed batches are not asked again). Throws
   * ChainUnavailable when the chain could not be read: no verdict, nothing to store or alert.
   */
  async checkPage(served: readonly FeedEntry[], servedSet: ProofSet | string | null | undefined): Promise<PageVerdict> {
    // The entries as served: a centre asked for the set names each record by position and type only
    // (feed.ts SET_QUERY); the rest is completed from record k of the set below, and whatever an
    // entry does carry must agree with it.
    let entries: readonly FeedEntry[] = served;
    const refuse = (reason: string): PageVerdict => ({ ok: false, refused: entries.map((entry) => ({ entry, reason })) });
    if (entries.length === 0) return { ok: true, records: [], batches: [], proofBatches: '[]' };
    let set: ProofSet;
    try {
      set = (typeof servedSet === 'string' ? JSON.parse(servedSet) : servedSet ?? null) as ProofSet;
      if (!set || typeof set !== 'object' || !Array.isArray(set.records) || !Array.isArray(set.batches)) return refuse('the page carries no proof set v2');
    } catch (error) {
      return refuse(`the proof set is not JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (set.records.length !== entries.length) return refuse(`the proof set holds ${set.records.length} records for ${entries.length} entries`);
    const completed: FeedEntry[] = [];
    for (let k = 0; k < entries.length; k++) {
      const e = entries[k]!;
      const r = set.records[k]!;
      const d = r?.doc as { type?: unknown; id?: unknown; version?: unknown; org?: unknown } | undefined;
      const batch = typeof r?.b === 'number' ? set.batches[r.b] : undefined;
      const differs = (served: unknown, inSet: unknown) => served !== undefined && served !== inSet;
      if (!d || !batch || differs(e.type, d.type) || differs(e.entityId, d.id) || differs(e.version, d.version) || differs(e.org, d.org) || differs(e.batchSeq, batch.seq)) {
        return refuse(`record ${k} of the proof set names another record or batch than its entry (${e.type} ${e.entityId ?? ''} v${e.version ?? ''} at ${e.position})`);
      }
      completed.push({ ...e, type: d.type as string, entityId: d.id as string, version: d.version as number, org: d.org as string, batchSeq: batch.seq });
    }
    entries = completed;
    this.outage = undefined;
    // The verifier hands back the canonical text and leaf it checked each document with: the text
    // stored is exactly what was hashed and proven, with no second canonicalisation or hash.
    const report = await verifyProofSet(set, { chain: this.chain, sha256: nativeSha256, canonical: true });
    if (this.outage) throw this.outage;
    if (!report.verified) {
      const refused = report.records.map((r, k) => {
        const failed = r.checks.find((c) => c.ok === false) ?? r.checks.find((c) => c.ok === null && c.name !== 'fields');
        return { entry: entries[k]!, reason: r.verified ? 'its page did not verify (another batch of the page failed)' : `${failed?.name ?? 'check'}: ${failed?.reason ?? 'not verified'}` };
      });
      return { ok: false, refused };
    }
    const batches = set.batches.map((b) => {
      const height = b.anchor!.height;
      if (height > this.lastHeight) this.lastHeight = height;
      return { seq: b.seq, root: Buffer.from(decodeBase64(b.root)), height };
    });
    const canonical = report.canonical!;
    const records = set.records.map((r, k) => {
      const leaf = canonical.leaves[k]!;
      return { entry: entries[k]!, text: canonical.texts[k]!, leaf: Buffer.from(leaf.buffer, leaf.byteOffset, leaf.byteLength), i: r.i! };
    });
    // What proves the stored documents besides themselves: the batches (headers and nodes), kept once.
    return { ok: true, records, batches, proofBatches: JSON.stringify(set.batches) };
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
    if (e.documentText === undefined || canonicalize(d) !== e.documentText) return { ok: false, reason: 'the document text is not the canonical form of the bundle document' };
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
