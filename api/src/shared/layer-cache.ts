// A process-wide, memory-capped LRU of batch layers (`batch_level` rows) for serving proofs
// (docs/decisions/022-batch-layer-cache.md). The layers of a batch are written once by the indexer,
// so caching them looks free — but decision 006 promised that an edit to the stored proof data shows
// up in what the API serves next (test/reliability/tamper.int.test.ts). So an entry is used only
// when its row version (xmin and ctid, which any UPDATE, DELETE+INSERT or rewrite changes) equals
// the version the request's own proof query read from the row just now: every request still asks
// the database what the layers are, it only skips reading the bytes when they are the ones it holds.
import type { PrismaClient } from '@lianjian/db';
import { getProofs, PROOF_COLUMNS, PROOF_FROM, proofFromRow, type ProofRow, type RecordKey, type RecordProof } from '@lianjian/indexer/proof';
import { pathPositions, toHex } from '@lianjian/verify';

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

interface Row extends ProofRow {
  /** The batch's levels and their row versions: "level/xmin/ctid" joined by ';'. */
  levels: string | null;
}

// getProofs's statement (indexer/src/proof.ts) without the path reads: instead, the row version of each of the
// batch's levels (heap tuples only, no TOAST read), once per batch.
const PROOF_SQL = `
WITH r AS (
${PROOF_COLUMNS}
${PROOF_FROM}),
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

// The path from the levels; the rest of the proof is assembled as getProofs assembles it.
function toProof(row: Row, levels: Map<number, Uint8Array> | undefined, fallbackChainId: string | undefined): RecordProof {
  return proofFromRow(row, (size, index) => {
    const path: string[] = [];
    for (const { level, pos } of pathPositions(size, index)) {
      const hashes = levels?.get(level);
      if (!hashes || (pos + 1) * 32 > hashes.length) return null;
      path.push(toHex(hashes.subarray(pos * 32, pos * 32 + 32)));
    }
    return path;
  }, fallbackChainId);
}
