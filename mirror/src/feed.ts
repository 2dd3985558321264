// The centre's mirror feed (GraphQL `mirrorFeed`, api/src/modules/mirror-feed) read with the
// level's key. The client trusts nothing it receives: every entry is verified before it is stored.

export interface FeedEntry {
  position: number;
  type: string;
  entityId: string;
  version: number;
  org: string;
  batchSeq: number;
  documentText: string;
  bundle: unknown;
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
}

export class FeedError extends Error {
  constructor(
    message: string,
    /** The centre could not be reached or answered 5xx: try again later. */
    readonly unavailable: boolean,
  ) {
    super(message);
    this.name = 'FeedError';
  }
}

const QUERY = `query MirrorFeed($after: Int, $first: Int, $full: Boolean!) { mirrorFeed(after: $after, first: $first, proofs: $full) {
  unitId after endPosition hasMore headPosition headSeq
  entries { position type entityId version org batchSeq documentText bundle @include(if: $full)
    snapshotInputs @include(if: $full) { ordinal entityType entityId entityVersion leaf } } } }`;

export class FeedClient {
  constructor(
    /** The API's GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql. */
    readonly url: string,
    private readonly key: string,
    private readonly timeoutMs = 30_000,
  ) {}

  /** One page; `full: false` leaves the bundles out (a re-check compares documents only). */
  async page(after: number, first: number, full = true): Promise<FeedPage> {
    let res: Response;
    try {
      res = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': this.key },
        body: JSON.stringify({ query: QUERY, variables: { after, first, full } }),
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
      throw new FeedError(`feed refused: ${e?.extensions?.code ?? res.status} ${e?.message ?? 'no data'}`, res.status >= 500);
    }
    return body.data.mirrorFeed;
  }
}
