// lianjian-mirror's work: catch up with the feed and follow it, verifying every document before
// storing it; re-check what it holds against the feed (a version gone, changed or cut short is an
// alert naming the record, kind and batch); notice a feed that stops while the chain goes on.
import { fromHex, type RecordDocument, type TrustRoot } from '@lianjian/verify';
import { AnchorReader } from '@lianjian/verify/chain';
import { FeedClient, FeedError, type FeedPage } from './feed.js';
import { checkSnapshot } from './snapshots.js';
import { reportRound } from './report.js';
import { RECORD_ALERTS, Store, type Alert, type StoredDocument } from './store.js';
import { ChainUnavailable, EntryVerifier, leafOfServedText } from './verifier.js';

export interface MirrorOptions {
  store: Store;
  feed: FeedClient;
  rpcUrl: string;
  trustRoot?: TrustRoot;
  /** Records per feed page (default 1000). */
  pageSize?: number;
  /** Between two polls of the feed when caught up (default 2 s). */
  pollMs?: number;
  /** Between two re-checks of everything held (default 10 min). */
  recheckMs?: number;
  /** How long the chain may hold batches the feed does not serve before that is an alert (default 5 min). */
  stallMs?: number;
  log?: (line: string) => void;
  now?: () => Date;
}

export interface SyncResult {
  stored: number;
  rejected: number;
  position: number;
  headSeq: number;
}

export interface RecheckResult {
  held: number;
  served: number;
  alerts: Alert[];
}

type Key = string;
const keyOf = (type: string, id: string, version: number): Key => `${type}\u0000${id}\u0000${version}`;

export class Mirror {
  readonly store: Store;
  private readonly verifier: EntryVerifier;
  private readonly pageSize: number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private lastRecheck = 0;

  constructor(private readonly opts: MirrorOptions) {
    this.store = opts.store;
    this.verifier = new EntryVerifier(opts.rpcUrl, opts.trustRoot);
    this.pageSize = opts.pageSize ?? 1000;
  }

  private log(line: string): void {
    this.opts.log?.(line);
  }

  private now(): Date {
    return this.opts.now?.() ?? new Date();
  }

  /**
   * Pulls every page the feed has after the stored position (or about `maxRecords`, for a
   * benchmark's sample); stops at the first chain outage.
   */
  async sync(opts: { maxRecords?: number; onPage?: (stored: number) => void } = {}): Promise<SyncResult> {
    let { position } = await this.store.state();
    let stored = 0;
    let rejected = 0;
    let page: FeedPage;
    const fetchPage = (after: number) => {
      const p = this.opts.feed.page(after, this.pageSize);
      p.catch(() => undefined); // awaited below; never an unhandled rejection if this round stops first
      return p;
    };
    let next = fetchPage(position);
    // The previous page's store (and its snapshot checks) runs while this page is verified.
    let storing: Promise<void> = Promise.resolve();
    const knowUnit = async (unitId: string) => {
      if (!(await this.store.state()).unitId) await this.store.setState({ unitId });
    };
    try {
      do {
        page = await next;
        // The centre assembles the next page while this one is verified and stored.
        if (page.hasMore && page.endPosition > position) next = fetchPage(page.endPosition);
        const docs: StoredDocument[] = [];
        const batches = new Map<number, { seq: number; root: Buffer; height: number }>();
        const alerts: Alert[] = [];
        let proofBatches: string | undefined;
        // The page's entries with every field: a proof set page's are completed from its verified set.
        let entries = page.entries;
        if (page.textSet !== undefined || page.proofSet !== undefined) {
          // One proof set for the page: one offline check and one chain check per batch, taken or refused whole.
          // ChainUnavailable propagates.
          const v = page.textSet !== undefined ? await this.verifier.checkTextPage(page.entries, page.textSet, page.texts) : await this.verifier.checkPage(page.entries, page.proofSet);
          if (!v.ok) {
            rejected += v.refused.length;
            const refusedAlerts: Alert[] = v.refused.map(({ entry: e, reason }) => ({ kind: 'UNVERIFIED', entityType: e.type, entityId: e.entityId, version: e.version, batchSeq: e.batchSeq, detail: { position: e.position, reason } }));
            await storing;
            await this.store.alert(refusedAlerts);
            // Nothing of the page is stored and the position stays: the next round asks again.
            this.log(`mirror: refused the page after ${position}: ${v.refused[0]?.reason ?? 'not verified'}`);
            break;
          }
          for (const { entry: e, text, leaf, i } of v.records) {
            docs.push({ position: e.position, type: e.type, entityId: e.entityId, version: e.version, org: e.org, batchSeq: e.batchSeq, document: text, leaf, bundle: null, leafIndex: i });
          }
          for (const b of v.batches) batches.set(b.seq, b);
          if (docs.length) proofBatches = v.proofBatches;
          entries = v.records.map((r) => r.entry);
        } else {
          for (const e of page.entries) {
            const v = await this.verifier.check(e); // ChainUnavailable propagates: nothing of this page is stored
            if (!v.ok) {
              rejected++;
              alerts.push({ kind: 'UNVERIFIED', entityType: e.type, entityId: e.entityId, version: e.version, batchSeq: e.batchSeq, detail: { position: e.position, reason: v.reason } });
              continue;
            }
            docs.push({ position: e.position, type: e.type, entityId: e.entityId, version: e.version, org: e.org, batchSeq: e.batchSeq, document: e.documentText!, leaf: v.leaf, bundle: JSON.stringify(v.bundle) });
            batches.set(v.bundle.batch.seq, { seq: v.bundle.batch.seq, root: Buffer.from(fromHex(v.bundle.batch.root)), height: v.height });
          }
        }
        await storing;
        const thisPage = page;
        storing = (async () => {
          // The unit first: /status never shows stored documents without the unit they belong to.
          await knowUnit(thisPage.unitId);
          await this.store.append(docs, thisPage.endPosition, [...batches.values()], proofBatches);
          // A snapshot's inputs precede it in the log, so they are stored by now (this page or before).
          for (const e of entries) {
            if (e.type !== 'AnalyticsSnapshot') continue;
            const d = docs.find((x) => x.position === e.position);
            if (!d) continue;
            const found = await checkSnapshot(this.store, e, JSON.parse(String(d.document)) as RecordDocument);
            if (found) alerts.push(found);
          }
          await this.store.alert(alerts);
        })();
        storing.catch(() => undefined); // awaited before the next page is stored, and at the end
        stored += docs.length;
        position = Math.max(position, page.endPosition);
        opts.onPage?.(stored);
      } while (page.hasMore && !this.stopped && stored < (opts.maxRecords ?? Infinity));
    } finally {
      await storing;
    }
    const prev = await this.store.state();
    await this.store.setState({ headSeq: page.headSeq, ...(page.headSeq > prev.headSeq ? { behindSince: null } : {}) });
    if (stored || rejected) this.log(`mirror: stored ${stored}, rejected ${rejected}, at position ${position} (batch ${page.headSeq})`);
    return { stored, rejected, position, headSeq: page.headSeq };
  }

  /**
   * Walks the whole feed (documents only, no bundles) and compares it with what the mirror holds.
   * A held version the feed no longer serves is RECORD_DELETED (no version of the record served),
   * HISTORY_CUT (newer than every served version) or VERSION_MISSING (an older one); one served with
   * another document is DOCUMENT_CHANGED. Alerts found before and not found now are resolved.
   */
  async recheck(): Promise<RecheckResult> {
    const served = new Map<Key, Buffer>();
    const newest = new Map<string, number>();
    let after = -1;
    const { position } = await this.store.state();
    for (;;) {
      const page = await this.opts.feed.page(after, 2000, false);
      for (const e of page.entries) {
        if (e.position > position) continue;
        served.set(keyOf(e.type, e.entityId, e.version), leafOfServedText(e.documentText ?? ''));
        newest.set(`${e.type}\u0000${e.entityId}`, Math.max(newest.get(`${e.type}\u0000${e.entityId}`) ?? 0, e.version));
      }
      after = page.endPosition;
      if (!page.hasMore || after >= position) break;
    }
    const alerts: Alert[] = [];
    let held = 0;
    for (let at = -1; ; ) {
      const rows = await this.store.held(at, 5000);
      for (const h of rows) {
        held++;
        const got = served.get(keyOf(h.type, h.entityId, h.version));
        const base = { entityType: h.type, entityId: h.entityId, version: h.version, batchSeq: h.batchSeq };
        if (got === undefined) {
          const top = newest.get(`${h.type}\u0000${h.entityId}`);
          const kind = top === undefined ? 'RECORD_DELETED' : h.version > top ? 'HISTORY_CUT' : 'VERSION_MISSING';
          alerts.push({ kind, ...base, detail: { position: h.position, ...(top === undefined ? {} : { newestServed: top }) } });
        } else if (!got.equals(h.leaf)) {
          alerts.push({ kind: 'DOCUMENT_CHANGED', ...base, detail: { position: h.position, heldLeaf: h.leaf.toString('hex'), servedLeaf: got.toString('hex') } });
        }
      }
      if (rows.length < 5000) break;
      at = rows[rows.length - 1]!.position;
    }
    const added = await this.store.alert(alerts);
    const resolved = await this.store.resolveExcept(RECORD_ALERTS, alerts);
    await this.store.setState({ lastRecheckAt: this.now() });
    this.lastRecheck = Date.now();
    if (alerts.length || resolved) this.log(`mirror: re-check of ${held} held versions: ${alerts.length} findings (${added} new), ${resolved} resolved`);
    return { held, served: served.size, alerts };
  }

  /**
   * The chain's latest batch against the feed's head: batches on chain that the feed does not serve
   * for longer than stallMs (the head not moving meanwhile) are a FEED_STALLED alert — the centre
   * is down or holds them back. Resolved once the feed serves the chain's batches again.
   */
  async stallCheck(): Promise<{ chainSeq: number; headSeq: number; stalled: boolean }> {
    const latest = await new AnchorReader(this.opts.rpcUrl).readLatest();
    const chainSeq = Number(latest.latestSeq);
    const st = await this.store.state();
    const now = this.now();
    let stalled = false;
    if (chainSeq <= st.headSeq) {
      await this.store.setState({ chainSeq, behindSince: null });
      await this.store.resolveExcept(['FEED_STALLED'], []);
    } else {
      const since = st.behindSince ?? now;
      await this.store.setState({ chainSeq, behindSince: since });
      if (now.getTime() - since.getTime() >= (this.opts.stallMs ?? 300_000)) {
        stalled = true;
        await this.store.alert([{ kind: 'FEED_STALLED', detail: { headSeq: st.headSeq, chainSeq, since: since.toISOString() } }]);
      }
    }
    return { chainSeq, headSeq: st.headSeq, stalled };
  }

  /** One round: sync, the stall check (also when the feed is down), and a re-check when due. */
  async tick(): Promise<void> {
    try {
      await this.sync();
    } catch (error) {
      if (error instanceof FeedError || error instanceof ChainUnavailable) this.log(`mirror: ${error.message} (retrying)`);
      else throw error;
    }
    try {
      await this.stallCheck();
    } catch (error) {
      this.log(`mirror: chain not readable for the stall check: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (Date.now() - this.lastRecheck >= (this.opts.recheckMs ?? 600_000)) {
      try {
        await this.recheck();
      } catch (error) {
        this.log(`mirror: re-check postponed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    await reportRound(this.opts.feed, this.store, (line) => this.log(line)); // where this mirror stands, to the centre (report.ts; never throws)
  }

  /** Catch up, then follow: a tick every pollMs until stop(). */
  start(): void {
    this.stopped = false;
    this.lastRecheck = Date.now(); // the first re-check after a full interval: catch-up comes first
    const loop = () => {
      if (this.stopped) return;
      this.running = this.tick()
        .catch((error: unknown) => this.log(`mirror: ${error instanceof Error ? error.stack ?? error.message : String(error)}`))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(loop, this.opts.pollMs ?? 2000);
        });
    };
    loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}
