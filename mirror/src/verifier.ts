// Checks each served document before the mirror stores it: the feed's text is the canonical form
// of the bundle's document and hashes to its leaf, the audit path leads to the batch root, and the
// chain (read from the mirror's own root of trust) holds that root. The chain is asked once per
// batch: confirmed roots are kept, so catch-up costs one chain read per batch, not per record.
import { createHash, hash } from 'node:crypto';
import { canonicalize, createChainChecker, decodeBase64, fromHex, parseBundle, toHex, verifyBundle, verifyLeaves, verifyProofSet, type ChainChecker, type ProofBundle, type ProofSet, type Sha256, type TrustRoot } from '@lianjian/verify';
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
  /** The canonical text: a string from a proof set, its UTF-8 bytes as received from a text page. */
  text: string | Buffer;
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
  // A node is three byte strings: hashed at once (a Hash object per node cost more than the hashing).
  if (parts.every((p) => typeof p !== 'string')) return hash('sha256', Buffer.concat(parts as Uint8Array[]), 'buffer');
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};

const TAIL = Buffer.from(',"id":"');

/**
 * What a text (its UTF-8 bytes) is filed under (type, id, version, unit), read from its tail. A record
 * document's canonical (JCS) text ends, after its data, with `,"id":…,"org":…,"salt":…,"type":…,"v":1,"version":N}`,
 * and no value of that tail can hold `,"id":"` (a quote inside a string is escaped), so its last
 * occurrence starts the tail: a few dozen bytes to decode and parse instead of the whole document.
 * The fields are trusted only together with the leaf: a text that is not the committed canonical
 * document does not hash to a proven leaf, and its page is refused. A text without such a tail is
 * parsed whole; undefined when it is not JSON.
 */
function filingFields(text: Buffer): unknown {
  const at = text.lastIndexOf(TAIL);
  if (at > 0) {
    try {
      return JSON.parse(`{${text.toString('utf8', at + 1)}`);
    } catch {
      // not a document's tail: parsed whole below
    }
  }
  try {
    return JSON.parse(text.toString('utf8'));
  } catch {
    return undefined;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The entries completed from their documents (record k is entry k): what an entry carries must agree
 * with the document and its batch, and the fields the mirror files a document under must fit its
 * columns. Returns the reason as a string when a record does not.
 */
function completeEntries(entries: readonly FeedEntry[], docs: readonly unknown[], seqs: readonly unknown[]): FeedEntry[] | string {
  const completed: FeedEntry[] = [];
  for (let k = 0; k < entries.length; k++) {
    const e = entries[k]!;
    const d = docs[k] as { type?: unknown; id?: unknown; version?: unknown; org?: unknown } | null | undefined;
    const seq = seqs[k];
    const differs = (served: unknown, inSet: unknown) => served !== undefined && served !== inSet;
    if (!d || typeof d !== 'object' || typeof seq !== 'number' || differs(e.type, d.type) || differs(e.entityId, d.id) || differs(e.version, d.version) || differs(e.org, d.org) || differs(e.batchSeq, seq)) {
      return `record ${k} of the proof set names another record or batch than its entry (${e.type} ${e.entityId ?? ''} v${e.version ?? ''} at ${e.position})`;
    }
    if (typeof d.type !== 'string' || d.type === '' || typeof d.id !== 'string' || !UUID.test(d.id) || typeof d.org !== 'string' || !UUID.test(d.org) || !Number.isSafeInteger(d.version) || (d.version as number) < 1) {
      return `record ${k} of the proof set (position ${e.position}) has no type, id, unit or version the mirror can file it under`;
    }
    completed.push({ ...e, type: d.type, entityId: d.id, version: d.version as number, org: d.org, batchSeq: seq });
  }
  return completed;
}

/**
 * A served text's leaf, SHA-256(0x00 ‖ its UTF-8 bytes), by Node's one-shot hash: a page hashes
 * thousands of texts, and a Hash object per text cost more than the hashing.
 */
export function leafOfServedText(text: string): Buffer {
  return hash('sha256', `\u0000${text}`, 'buffer');
}

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
    const completed = completeEntries(entries, set.records.map((r) => r?.doc), set.records.map((r) => (typeof r?.b === 'number' ? set.batches[r.b]?.seq : undefined)));
    if (typeof completed === 'string') return refuse(completed);
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

  /**
   * A text page (decisions 026, 027): record k's stored text as the centre sent it — its bytes, between
   * the k-th and (k+1)-th line break of `body` (feed.ts FeedPage.texts) — hashed here (natively) into
   * its leaf, and the leaves proven against each batch's root and the chain (verifyLeaves). A proven
   * leaf is the very bytes the log committed, so the text is neither validated nor re-canonicalised,
   * nor decoded: only its tail is, for the fields the mirror files it under (type, id, version, unit),
   * which must agree with the entry and be what the mirror's columns hold. Each text's line break
   * before it is overwritten in `body` with the leaf's 0x00 prefix, so that a leaf is one hash over
   * the received bytes, with no copy. Taken or refused whole, like checkPage; throws ChainUnavailable
   * when the chain could not be read.
   */
  async checkTextPage(served: readonly FeedEntry[], textSet: unknown, body: Buffer | undefined): Promise<PageVerdict> {
    let entries: readonly FeedEntry[] = served;
    const refuse = (reason: string): PageVerdict => ({ ok: false, refused: entries.map((entry) => ({ entry, reason })) });
    if (entries.length === 0) return { ok: true, records: [], batches: [], proofBatches: '[]' };
    const page = textSet as { batches?: unknown; records?: unknown } | null;
    if (!page || typeof page !== 'object' || !Array.isArray(page.records) || !Array.isArray(page.batches) || !body) return refuse('the page carries no documents with their batches');
    const records = page.records as { b?: unknown; i?: unknown }[];
    const batches = page.batches as { seq?: unknown }[];
    // Record k's text lies between the k-th and (k+1)-th line break, the last one ending the body.
    const breaks: number[] = [];
    for (let at = body.indexOf(0x0a); at >= 0; at = body.indexOf(0x0a, at + 1)) breaks.push(at);
    const lines = breaks.length - 1;
    if (records.length !== entries.length || lines !== entries.length || breaks[0] !== 0 || breaks[lines] !== body.length - 1) {
      return refuse(`the page holds ${Math.max(0, lines)} lines of documents and ${records.length} places for ${entries.length} entries (a text with a line break in it is no canonical document)`);
    }
    const leaves: Buffer[] = [];
    const texts: Buffer[] = [];
    const docs: unknown[] = [];
    for (let k = 0; k < lines; k++) {
      const from = breaks[k]!;
      const to = breaks[k + 1]!;
      const text = body.subarray(from + 1, to);
      const fields = filingFields(text);
      if (fields === undefined) return refuse(`document ${k} of the page (position ${entries[k]!.position}) is not JSON`);
      body[from] = 0;
      leaves.push(hash('sha256', body.subarray(from, to), 'buffer'));
      texts.push(text);
      docs.push(fields);
    }
    const completed = completeEntries(entries, docs, records.map((r) => (typeof r?.b === 'number' ? batches[r.b]?.seq : undefined)));
    if (typeof completed === 'string') return refuse(completed);
    entries = completed;
    this.outage = undefined;
    let report: Awaited<ReturnType<typeof verifyLeaves>>;
    try {
      report = await verifyLeaves(page.batches, records, leaves, { chain: this.chain, sha256: nativeSha256 });
    } catch (error) {
      if (error instanceof ChainUnavailable) throw error;
      return refuse(`the page's batches are malformed: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (this.outage) throw this.outage;
    if (!report.verified) {
      const failed = report.batches.map((b) => (b.path.ok !== true ? b.path : b.chain.ok !== true ? b.chain : null));
      return {
        ok: false,
        refused: entries.map((entry, k) => {
          const check = failed[(records[k] as { b: number }).b];
          return { entry, reason: check ? `${check.name}: ${check.reason ?? 'not verified'}` : 'its page did not verify (another batch of the page failed)' };
        }),
      };
    }
    const proven = (page.batches as { seq: number; root: string; anchor: { height: number } }[]).map((b) => {
      if (b.anchor.height > this.lastHeight) this.lastHeight = b.anchor.height;
      return { seq: b.seq, root: Buffer.from(decodeBase64(b.root)), height: b.anchor.height };
    });
    return {
      ok: true,
      records: entries.map((entry, k) => ({ entry, text: texts[k]!, leaf: leaves[k]!, i: (records[k] as { i: number }).i })),
      batches: proven,
      proofBatches: JSON.stringify(page.batches),
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
