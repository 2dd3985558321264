// A process-wide, memory-capped LRU of batch layers (`batch_level` rows) for serving proofs
// (docs/decisions/022-batch-layer-cache.md). The layers of a batch are written once by the indexer,
// so caching them looks free — but decision 006 promised that an edit to the stored proof data shows
// up in what the API serves next (test/reliability/tamper.int.test.ts). So an entry is used only
// when its row version (xmin and ctid, which any UPDATE, DELETE+INSERT or rewrite changes) equals
// the version the request's own proof query read from the row just now: every request still asks
// the database what the layers are, it only skips reading the bytes when they are the ones it holds.
import type { PrismaClient } from '@lianjian/db';
import { getProofs, ProofStorageError, type RecordKey, type RecordProof } from '@lianjian/indexer/proof';
import { pathPositions, toHex, validateDocument, type ProofBundle } from '@lianjian/verify';

interface Entry {
  version: string;
  hashes: Uint8Array;
}

export interface LayerCacheStats {
  hits: number;
  misses: number;
  bytes: number;
  entries: number;
  capBytes: number;
}

/** LRU by bytes; key `${seq}:${level}`. A Map keeps insertion order, so its first key is the oldest use. */
export class LayerCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  hits = 0;
  misses = 0;

  constructor(readonly capBytes: number) {}

  /** The level's hashes when cached at exactly this row version; otherwise undefined (and a stale entry is dropped). */
  get(seq: number, level: number, version: string): Uint8Array | undefined {
    const key = `${seq}:${level}`;
    const e = this.entries.get(key);
    if (!e || e.version !== version) {
      if (e) this.drop(key, e);
      this.misses++;
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, e);
    this.hits++;
    return e.hashes;
  }

  set(seq: number, level: number, version: string, hashes: Uint8Array): void {
    // A level bigger than a quarter of the cap would push out everything else for one batch.
    if (hashes.length > this.capBytes / 4) return;
    const key = `${seq}:${level}`;
    const old = this.entries.get(key);
    if (old) this.drop(key, old);
    this.entries.set(key, { version, hashes });
    this.bytes += hashes.length;
    for (const [k, e] of this.entries) {
      if (this.bytes <= this.capBytes) break;
      this.drop(k, e);
    }
  }

  stats(): LayerCacheStats {
    return { hits: this.hits, misses: this.misses, bytes: this.bytes, entries: this.entries.size, capBytes: this.capBytes };
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  private drop(key: string, e: Entry): void {
    this.entries.delete(key);
    this.bytes -= e.hashes.length;
  }
}

/** LIANJIAN_LAYER_CACHE_MB: the cap in MiB (default 128); 0 turns the cache off (proofs read as decision 006 reads them). */
export function layerCacheCapFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const given = env.LIANJIAN_LAYER_CACHE_MB;
  if (given === undefined || given === '') return 128 * 1024 * 1024;
  const mb = Number(given);
  // A typo must not silently turn the cache off (or make it unbounded).
  if (!Number.isFinite(mb) || mb < 0) throw new Error(`LIANJIAN_LAYER_CACHE_MB must be a number of MiB ≥ 0 (0: off), not "${given}"`);
  return Math.floor(mb * 1024 * 1024);
}

// One cache per Prisma client (one per process; each test stack has its own database and client).
const caches = new WeakMap<object, LayerCache | null>();

/** The layer cache of this database client, or null when it is off. */
export function layerCacheFor(prisma: object): LayerCache | null {
  let cache = caches.get(prisma);
  if (cache === undefined) {
    const cap = layerCacheCapFromEnv();
    cache = cap > 0 ? new LayerCache(cap) : null;
    caches.set(prisma, cache);
  }
  return cache;
}

/** Tests: give a client its own cache (or none, with cap 0). */
export function setLayerCache(prisma: object, capBytes: number): LayerCache | null {
  const cache = capBytes > 0 ? new LayerCache(capBytes) : null;
  caches.set(prisma, cache);
  return cache;
}

interface Row {
  i: string | number;
  version: number;
  org_unit_id: string;
  document: string;
  leaf: string;
  position: string | null;
  seq: number | null;
  first_position: string | null;
  size: number | null;
  root: string | null;
  prev_root: string | null;
  status: string | null;
  chain_height: string | null;
  tx_hash: string | null;
  anchored_at: string | null;
  chain_id: string | null;
  /** The batch's levels and their row versions: "level/xmin/ctid" joined by ';'. */
  levels: string | null;
}

// indexer/src/proof.ts's statement without the path reads: instead, the row version of each of the
// batch's levels (heap tuples only, no TOAST read), once per batch.
const PROOF_SQL = `
WITH r AS (
SELECT k.i, o.version, o.org_unit_id::text, o.document, encode(o.leaf, 'hex') AS leaf,
       rp.position::text, b.seq, b.first_position::text, b.size,
       encode(b.root, 'hex') AS root, encode(b.prev_root, 'hex') AS prev_root, b.status::text,
       b.chain_height::text, b.tx_hash, to_char(b.anchored_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS anchored_at, b.chain_id
  FROM unnest($1::text[], $2::uuid[], $3::int[]) WITH ORDINALITY AS k(type, id, version, i)
  JOIN LATERAL (
         SELECT id, version, org_unit_id, document, leaf FROM outbox_record
          WHERE entity_type = k.type AND entity_id = k.id AND (k.version IS NULL OR version = k.version)
          ORDER BY version DESC LIMIT 1) o ON true
  LEFT JOIN record_position rp ON rp.record_id = o.id
  LEFT JOIN batch b ON b.seq = rp.batch_seq),
v AS (
SELECT l.batch_seq, string_agg(l.level::text || '/' || l.xmin::text || '/' || l.ctid::text, ';' ORDER BY l.level) AS levels
  FROM batch_level l WHERE l.batch_seq IN (SELECT r.seq FROM r WHERE r.seq IS NOT NULL) GROUP BY l.batch_seq)
SELECT r.*, v.levels FROM r LEFT JOIN v ON v.batch_seq = r.seq`;

const LEVELS_SQL = `
SELECT l.batch_seq AS seq, l.level, l.xmin::text || '/' || l.ctid::text AS version, l.hashes
  FROM unnest($1::int[], $2::int[]) AS w(seq, level)
  JOIN batch_level l ON l.batch_seq = w.seq AND l.level = w.level`;

function parseVersions(levels: string | null): Map<number, string> {
  const out = new Map<number, string>();
  for (const part of levels ? levels.split(';') : []) {
    const slash = part.indexOf('/');
    out.set(Number(part.slice(0, slash)), part.slice(slash + 1));
  }
  return out;
}

/**
 * getProofs (indexer/src/proof.ts) with the audit paths read from cached layers: the same
 * RecordProof for every key, in the order of `keys`. Without a cache it is getProofs itself.
 */
export async function getProofsCached(prisma: PrismaClient, keys: readonly RecordKey[], opts: { chainId?: string; cache?: LayerCache | null } = {}): Promise<(RecordProof | null)[]> {
  const cache = opts.cache === undefined ? layerCacheFor(prisma) : opts.cache;
  if (!cache) return getProofs(prisma, keys, opts.chainId ? { chainId: opts.chainId } : {});
  if (keys.length === 0) return [];
  const rows = await prisma.$queryRawUnsafe<Row[]>(PROOF_SQL, keys.map((k) => k.type), keys.map((k) => k.id), keys.map((k) => k.version ?? null));

  // Per batch: level → hashes, from the cache where the row version matches, else read now.
  const levels = new Map<number, Map<number, Uint8Array>>();
  const want: { seq: number; level: number }[] = [];
  for (const row of rows) {
    if (row.seq === null || levels.has(row.seq)) continue;
    const byLevel = new Map<number, Uint8Array>();
    levels.set(row.seq, byLevel);
    for (const [level, version] of parseVersions(row.levels)) {
      const hashes = cache.get(row.seq, level, version);
      if (hashes) byLevel.set(level, hashes);
      else want.push({ seq: row.seq, level });
    }
  }
  if (want.length > 0) {
    const read = await prisma.$queryRawUnsafe<{ seq: number; level: number; version: string; hashes: Uint8Array }[]>(
      LEVELS_SQL,
      want.map((w) => w.seq),
      want.map((w) => w.level),
    );
    for (const l of read) {
      // The version read with the bytes is the one they are cached under, whatever the first query saw.
      const hashes = new Uint8Array(l.hashes);
      levels.get(l.seq)!.set(l.level, hashes);
      cache.set(l.seq, l.level, l.version, hashes);
    }
  }

  const out: (RecordProof | null)[] = keys.map(() => null);
  for (const row of rows) out[Number(row.i) - 1] = toProof(row, row.seq === null ? undefined : levels.get(row.seq), opts.chainId);
  return out;
}

// indexer/src/proof.ts's toProof, with the path taken from the levels: the same bundle, byte for byte.
function toProof(row: Row, levels: Map<number, Uint8Array> | undefined, fallbackChainId: string | undefined): RecordProof {
  const document = validateDocument(JSON.parse(row.document) as unknown);
  const base = { document, documentText: row.document, orgUnitId: row.org_unit_id };
  if (row.position === null || row.seq === null || row.first_position === null || row.size === null || !row.root || !row.prev_root) {
    return { ...base, status: 'PENDING', position: null, bundle: null };
  }
  const position = Number(row.position);
  const index = position - Number(row.first_position);
  const path: string[] = [];
  for (const { level, pos } of pathPositions(row.size, index)) {
    const hashes = levels?.get(level);
    if (!hashes || (pos + 1) * 32 > hashes.length) {
      throw new ProofStorageError(`batch ${row.seq}: stored levels are missing nodes; cannot build the path of leaf ${index}`);
    }
    path.push(toHex(hashes.subarray(pos * 32, pos * 32 + 32)));
  }
  const chainId = row.chain_id ?? fallbackChainId;
  const anchored = row.status === 'ANCHORED' && row.chain_height !== null && row.tx_hash !== null && row.anchored_at !== null && !!chainId;
  const bundle: ProofBundle = {
    v: 1,
    document,
    leaf: row.leaf,
    index,
    batch: { seq: row.seq, size: row.size, root: row.root, prevRoot: row.prev_root },
    path,
    anchor: anchored ? { chainId: chainId!, height: Number(row.chain_height), txHash: row.tx_hash!.toUpperCase(), time: row.anchored_at! } : null,
  };
  return { ...base, status: anchored ? 'ANCHORED' : 'PENDING', position, bundle };
}
