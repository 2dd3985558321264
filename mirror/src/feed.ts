// The centre's mirror feed (GraphQL `mirrorFeed`, api/src/modules/mirror-feed) read with the
// level's key. The client trusts nothing it receives: every entry is verified before it is stored.
// PROOF_SET pages are read as plain JSON (GET /mirror-feed beside /graphql: the set an object, not a
// string escaped inside GraphQL's JSON, so each side serialises or parses the page once); a centre
// without that endpoint (404) is read through the GraphQL field from then on. The mirror asks for the
// page's documents as their stored texts, one per line after the page's JSON (decisions 026, 027: each
// text's bytes hashed as received against its committed leaf, and stored as received); a centre that
// does not know that shape answers the proof set.
import type { ProofSet } from '@lianjian/verify';

export interface FeedEntry {
  position: number;
  type: string;
  entityId: string;
  version: number;
  org: string;
  batchSeq: number;
  /** Absent from a PROOF_SET page: the documents are the set's (the text stored is their canonical form). */
  documentText?: string;
  bundle?: unknown;
  /** An AnalyticsSnapshot's listed inputs (only when the page was read with bundles). */
  snapshotInputs?: { ordinal: number; entityType: string; entityId: string; entityVersion: number; leaf: string }[] | null;
}

export interface FeedPage {
  unitId: string;
  after: number;
  endPosition: number;
  hasMore: boolean;
  headPosition: number;
  headSeq: number;
  entries: FeedEntry[];
  /**
   * PROOF_SET pages: the proof set v2, its record k proving entries[k] — as served, unchecked: an
   * object from GET /mirror-feed, its JSON text from the GraphQL field (verifier.ts checkPage takes either).
   */
  proofSet?: ProofSet | string | null;
  /**
   * GET /mirror-feed pages asked for with MIRROR_TEXTS_MEDIA_TYPE: the set's batches and record k's
   * batch and leaf index — as served, unchecked (verifier.ts checkTextPage).
   */
  textSet?: unknown;
  /**
   * With `textSet`: the page's bytes from the line break that ends its JSON on — each stored text
   * after a line break, the last one followed by one (record k's text between the k-th and (k+1)-th).
   */
  texts?: Buffer;
}

/** The Accept type for a page whose documents are their stored texts, one per line after the page's JSON (the API's mirror-feed/http.ts). */
export const MIRROR_TEXTS_MEDIA_TYPE = 'application/vnd.lianjian.mirror-lines';

/** BUNDLES: a v1 bundle per entry; PROOF_SET: one proof set v2 per page (far less to assemble, send and check). */
export type FeedFormat = 'BUNDLES' | 'PROOF_SET';

export class FeedError extends Error {
  constructor(
    message: string,
    /** The centre could not be reached or answered 5xx: try again later. */
    readonly unavailable: boolean,
    /** The GraphQL error code, when the centre gave one. */
    readonly code?: string,
  ) {
    super(message);
    this.name = 'FeedError';
  }
}

const QUERY = `query MirrorFeed($after: Int, $first: Int, $full: Boolean!) { mirrorFeed(after: $after, first: $first, proofs: $full) {
  unitId after endPosition hasMore headPosition headSeq
  entries { position type entityId version org batchSeq documentText bundle @include(if: $full)
    snapshotInputs @include(if: $full) { ordinal entityType entityId entityVersion leaf } } } }`;

// The documents travel once, inside the set; an entry gives what the set cannot: the record's log
// position (and a snapshot's input list). Its id, version, unit and batch are record k's own in the
// set (verifier.ts completes them from it): asking for them again cost the centre ~2,000 × 4 GraphQL
// fields a page and both sides their JSON.
const SET_QUERY = `query MirrorFeedSet($after: Int, $first: Int) { mirrorFeed(after: $after, first: $first, format: PROOF_SET) {
  unitId after endPosition hasMore headPosition headSeq proofSet
  entries { position type snapshotInputs { ordinal entityType entityId entityVersion leaf } } } }`;

type ErrorBody = { errors?: { message: string; extensions?: { code?: string } }[] };

export class FeedClient {
  /** GET /mirror-feed beside the GraphQL endpoint (a sibling path: a prefix before /graphql is kept). */
  readonly plainUrl: string;
  /** Whether PROOF_SET pages are read from GET /mirror-feed; false once this centre answered 404 for it. */
  plain = true;

  constructor(
    /** The API's GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql. */
    readonly url: string,
    /** The mirror's key: it reads the feed and reports its state with it (report.ts). */
    readonly key: string,
    private readonly timeoutMs = 30_000,
    /** PROOF_SET unless told otherwise; a centre that does not know the format is read with bundles. */
    public format: FeedFormat = 'PROOF_SET',
  ) {
    this.plainUrl = new URL('mirror-feed', url.replace(/\/+$/, '')).toString();
  }

  /** One page; `full: false` leaves the proofs out (a re-check compares documents only). */
  async page(after: number, first: number, full = true): Promise<FeedPage> {
    if (full && this.format === 'PROOF_SET') {
      if (this.plain) {
        const page = await this.plainPage(after, first);
        if (page) return page;
      }
      try {
        return await this.request(SET_QUERY, { after, first });
      } catch (error) {
        // An older centre without `format`: its validation error, never a refusal of the key.
        if (!(error instanceof FeedError) || error.code !== 'GRAPHQL_VALIDATION_FAILED') throw error;
        this.format = 'BUNDLES';
      }
    }
    return this.request(QUERY, { after, first, full });
  }

  /** A PROOF_SET page from GET /mirror-feed; undefined when the centre has no such endpoint (404, remembered). */
  private async plainPage(after: number, first: number): Promise<FeedPage | undefined> {
    let res: Response;
    try {
      res = await fetch(`${this.plainUrl}?after=${after}&first=${first}`, {
        headers: { accept: `${MIRROR_TEXTS_MEDIA_TYPE}, application/json;q=0.9`, 'x-api-key': this.key },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new FeedError(`feed unreachable at ${this.plainUrl}: ${error instanceof Error ? error.message : String(error)}`, true);
    }
    if (res.status === 404) {
      // An older centre (its "not found" for any unknown path): its GraphQL field serves the same page.
      await res.body?.cancel().catch(() => undefined);
      this.plain = false;
      return undefined;
    }
    let body: (FeedPage & ErrorBody) | null;
    let texts: Buffer | undefined;
    try {
      if (res.ok && (res.headers.get('content-type') ?? '').startsWith(MIRROR_TEXTS_MEDIA_TYPE)) {
        // The page's JSON, then its texts as bytes: decoded only where the verifier reads a text's fields.
        const bytes = Buffer.from(await res.arrayBuffer());
        const end = bytes.indexOf(0x0a);
        body = JSON.parse(bytes.toString('utf8', 0, end < 0 ? bytes.length : end)) as typeof body;
        texts = end < 0 ? Buffer.alloc(0) : bytes.subarray(end);
      } else {
        body = (await res.json()) as typeof body;
      }
    } catch {
      throw new FeedError(`feed answered HTTP ${res.status} without JSON`, res.status >= 500);
    }
    if (!res.ok || body?.errors?.length) {
      const e = body?.errors?.[0];
      throw new FeedError(`feed refused: ${e?.extensions?.code ?? res.status} ${e?.message ?? 'no page'}`, res.status >= 500, e?.extensions?.code);
    }
    // The shape the GraphQL schema guaranteed there; the set itself is the verifier's to refuse (as ever,
    // the page whole, with UNVERIFIED alerts), whatever it holds.
    const int = (v: unknown) => Number.isSafeInteger(v);
    if (!body || typeof body.unitId !== 'string' || !int(body.after) || !int(body.endPosition) || typeof body.hasMore !== 'boolean' || !int(body.headPosition) || !int(body.headSeq) || !Array.isArray(body.entries) || !('proofSet' in body || 'textSet' in body)) {
      throw new FeedError(`feed answered HTTP ${res.status} without a mirror feed page`, false);
    }
    return texts ? { ...body, texts } : body;
  }

  private async request(query: string, variables: Record<string, unknown>): Promise<FeedPage> {
    let res: Response;
    try {
      res = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': this.key },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new FeedError(`feed unreachable at ${this.url}: ${error instanceof Error ? error.message : String(error)}`, true);
    }
    let body: { data?: { mirrorFeed?: FeedPage }; errors?: { message: string; extensions?: { code?: string } }[] };
    try {
      body = (await res.json()) as typeof body;
    } catch {
      throw new FeedError(`feed answered HTTP ${res.status} without JSON`, res.status >= 500);
    }
    if (body.errors?.length || !body.data?.mirrorFeed) {
      const e = body.errors?.[0];
      throw new FeedError(`feed refused: ${e?.extensions?.code ?? res.status} ${e?.message ?? 'no data'}`, res.status >= 500, e?.extensions?.code);
    }
    return body.data.mirrorFeed;
  }
}
