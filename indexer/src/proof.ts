// Proof serving (docs/decisions/003-proof-storage-by-levels.md): a record's bundle v1 assembled from the stored
// levels of its batch in ONE indexed query. Per path element the query reads one 32-byte
// substring of a level (an uncompressed out-of-line value, so only the TOAST chunk holding that
// node is fetched): O(log n) work, no tree rebuilt.
import { pathPositions, validateDocument, type ProofBundle, type RecordDocument } from '@lianjian/verify';
import { queryRows, type Sql } from './sql.js';

export interface RecordKey {
  type: string;
  id: string;
  /** Omitted: the latest version. */
  version?: number | null;
}

/**
 * PENDING: not yet on chain (`bundle` is null while the record waits for a batch, and has
 * `anchor: null` once it is in a batch); ANCHORED: the bundle's batch is on chain.
 */
export type ProofStatus = 'PENDING' | 'ANCHORED';

export interface RecordProof {
  status: ProofStatus;
  document: RecordDocument;
  /** The stored canonical (JCS) text; its bytes hash to the leaf. */
  documentText: string;
  orgUnitId: string;
  /** Log position, null until the record is in a batch. */
  position: number | null;
  bundle: ProofBundle | null;
}

/** A record and its batch as the proof statements select them (PROOF_COLUMNS), path aside. */
export interface ProofRow {
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
}

interface Row extends ProofRow {
  /** The audit path as one hex string, 64 characters per hash (no text[] to parse). */
  path: string | null;
}

/** The columns of ProofRow: a record version (by key, $1 types, $2 ids, $3 versions) and its batch. */
export const PROOF_COLUMNS = `SELECT k.i, o.version, o.org_unit_id::text, o.document, encode(o.leaf, 'hex') AS leaf,
       rp.position::text, b.seq, b.first_position::text, b.size,
       encode(b.root, 'hex') AS root, encode(b.prev_root, 'hex') AS prev_root, b.status::text,
       b.chain_height::text, b.tx_hash, to_char(b.anchored_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS anchored_at, b.chain_id`;

/** The keys unnested in order (k.i), each one's record version (latest when none is given), its position and batch. */
export const PROOF_FROM = `  FROM unnest($1::text[], $2::uuid[], $3::int[]) WITH ORDINALITY AS k(type, id, version, i)
  JOIN LATERAL (
         SELECT id, version, org_unit_id, document, leaf FROM outbox_record
          WHERE entity_type = k.type AND entity_id = k.id AND (k.version IS NULL OR version = k.version)
          ORDER BY version DESC LIMIT 1) o ON true
  LEFT JOIN record_position rp ON rp.record_id = o.id
  LEFT JOIN batch b ON b.seq = rp.batch_seq`;

// Level l of a tree of n leaves has ((n-1) >> l) + 1 nodes; the levels below the root are those
// where that is > 1. The sibling of the node above leaf `index` at level l is (index >> l) # 1,
// absent when it falls past the level's end (the odd last node is carried up unchanged).
const PROOF_SQL = `
${PROOF_COLUMNS},
       (SELECT encode(string_agg(substring(l.hashes FROM (p.sib * 32 + 1)::int FOR 32), ''::bytea ORDER BY p.level), 'hex')
          FROM (SELECT lv AS level, ((rp.position - b.first_position) >> lv) # 1 AS sib
                  FROM generate_series(0, 62) AS lv
                 WHERE ((b.size::bigint - 1) >> lv) > 0) p
          JOIN batch_level l ON l.batch_seq = b.seq AND l.level = p.level
         WHERE p.sib <= (b.size::bigint - 1) >> p.level) AS path
${PROOF_FROM}`;

export class ProofStorageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProofStorageError';
  }
}

/**
 * Proofs of many records in one query, in the order of `keys`; null where the record does not
 * exist. `db` is a pg client/pool or a Prisma client/transaction.
 */
export async function getProofs(db: Sql, keys: readonly RecordKey[], opts: { chainId?: string } = {}): Promise<(RecordProof | null)[]> {
  if (keys.length === 0) return [];
  const rows = await queryRows<Row>(db, PROOF_SQL, [keys.map((k) => k.type), keys.map((k) => k.id), keys.map((k) => k.version ?? null)]);
  const out: (RecordProof | null)[] = keys.map(() => null);
  for (const row of rows) out[Number(row.i) - 1] = toProof(row, opts.chainId);
  return out;
}

/** The proof of one record (latest version unless given); null when it does not exist. */
export async function getProofBundle(db: Sql, key: RecordKey, opts: { chainId?: string } = {}): Promise<RecordProof | null> {
  const [proof] = await getProofs(db, [key], opts);
  return proof ?? null;
}

function toProof(row: Row, fallbackChainId: string | undefined): RecordProof {
  return proofFromRow(row, (size, index) => {
    const hex = row.path ?? '';
    if (hex.length !== 64 * pathPositions(size, index).length) return null;
    const path: string[] = [];
    for (let at = 0; at < hex.length; at += 64) path.push(hex.slice(at, at + 64));
    return path;
  }, fallbackChainId);
}

/**
 * A record's proof from its row; `pathOf` gives the audit path of leaf `index` in a batch of `size`
 * (null when the stored levels lack a node). getProofs reads the path in its statement, the API's
 * layer cache from cached levels: one assembly, so both give the same bundle byte for byte.
 */
export function proofFromRow(row: ProofRow, pathOf: (size: number, index: number) => string[] | null, fallbackChainId: string | undefined): RecordProof {
  // Our own stored canonical text: JSON.parse is exact for it (the strict parser is for input
  // from outside), and validateDocument still checks every field.
  const document = validateDocument(JSON.parse(row.document) as unknown);
  const base = { document, documentText: row.document, orgUnitId: row.org_unit_id };
  if (row.position === null || row.seq === null || row.first_position === null || row.size === null || !row.root || !row.prev_root) {
    return { ...base, status: 'PENDING', position: null, bundle: null };
  }
  const position = Number(row.position);
  const index = position - Number(row.first_position);
  const path = pathOf(row.size, index);
  if (!path) throw new ProofStorageError(`batch ${row.seq}: stored levels are missing nodes; cannot build the path of leaf ${index}`);
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
