// The mirror's own database: what it holds (documents with their bundles, verified batches),
// where it stands in the feed, and what it found (alerts). Created at start, idempotently: a mirror
// is one process with one schema, so statements that can run again (CREATE … IF NOT EXISTS, and
// the like) are its whole migration story.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { toBundles, type ProofSet } from '@lianjian/verify';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { COPY_COLUMNS, copyRows } from './copy.js';

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS mirror_state (
  id               int PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  unit_id          uuid,
  position         bigint NOT NULL DEFAULT -1,
  head_seq         int NOT NULL DEFAULT 0,
  chain_seq        int,
  behind_since     timestamptz,
  last_sync_at     timestamptz,
  last_recheck_at  timestamptz
);
INSERT INTO mirror_state (id) VALUES (1) ON CONFLICT DO NOTHING;

-- One row per record version, keyed by its log position; bundle is the v1 bundle text as received.
CREATE TABLE IF NOT EXISTS mirror_document (
  position     bigint PRIMARY KEY,
  entity_type  text NOT NULL,
  entity_id    uuid NOT NULL,
  version      int NOT NULL,
  org_unit_id  uuid NOT NULL,
  batch_seq    int NOT NULL,
  document     text NOT NULL,
  leaf         bytea NOT NULL,
  bundle       text NOT NULL,
  stored_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (entity_type, entity_id, version)
);

-- A PROOF_SET page's proof: the verified set's "batches" (headers and shared nodes), stored once. Its
-- documents point into it (set_id, and leaf_index: the record's leaf index in its batch) instead of
-- each carrying a v1 bundle; the set is rebuilt from them and expanded (toBundles) when read, so the
-- documents are not stored twice.
CREATE TABLE IF NOT EXISTS mirror_proof_set (
  id           bigserial PRIMARY KEY,
  batches      text NOT NULL,
  stored_at    timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE mirror_document ADD COLUMN IF NOT EXISTS set_id bigint;
ALTER TABLE mirror_document ADD COLUMN IF NOT EXISTS leaf_index int;
ALTER TABLE mirror_document ALTER COLUMN bundle DROP NOT NULL;
-- A set's documents are one page: the positions first_position … last_position (the primary key's
-- range) with its set_id. Found by that range, they need no index of their own; and the set is
-- written just before them in the same transaction by append(), so no foreign key checks each row.
-- What catch-up costs the mirror's Postgres a record (bench/mirror/NOTES.md): the foreign key ~10 µs
-- of server CPU, the two secondary indexes below ~7 µs, of ~33 µs in all.
ALTER TABLE mirror_proof_set ADD COLUMN IF NOT EXISTS first_position bigint;
ALTER TABLE mirror_proof_set ADD COLUMN IF NOT EXISTS last_position bigint;
DO $$ BEGIN
  IF EXISTS (SELECT 1 FROM mirror_proof_set WHERE first_position IS NULL) THEN
    -- A set left with no document (each skipped as already held) gets an empty range (-1 … -2), so
    -- that this scan of the documents runs once, not at every start.
    UPDATE mirror_proof_set s SET first_position = coalesce(d.lo, -1), last_position = coalesce(d.hi, -2)
      FROM mirror_proof_set x
      LEFT JOIN (SELECT set_id, min(position) AS lo, max(position) AS hi FROM mirror_document WHERE set_id IS NOT NULL GROUP BY set_id) d ON d.set_id = x.id
     WHERE s.id = x.id AND s.first_position IS NULL;
  END IF;
END $$;
ALTER TABLE mirror_document DROP CONSTRAINT IF EXISTS mirror_document_set_id_fkey;
DROP INDEX IF EXISTS mirror_document_set;
-- Every query names the record by type and id (the unique index above leads with both).
DROP INDEX IF EXISTS mirror_document_entity;

-- Batches whose root the chain confirmed (from the mirror's root of trust).
CREATE TABLE IF NOT EXISTS mirror_batch (
  seq          int PRIMARY KEY,
  root         bytea NOT NULL,
  height       bigint NOT NULL,
  verified_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS mirror_alert (
  id           bigserial PRIMARY KEY,
  kind         text NOT NULL,
  entity_type  text,
  entity_id    uuid,
  version      int,
  batch_seq    int,
  detail       jsonb NOT NULL DEFAULT '{}',
  detected_at  timestamptz NOT NULL DEFAULT now(),
  resolved_at  timestamptz
);
CREATE UNIQUE INDEX IF NOT EXISTS mirror_alert_open ON mirror_alert
  (kind, coalesce(entity_type, ''), coalesce(entity_id, '00000000-0000-0000-0000-000000000000'::uuid), coalesce(version, -1))
  WHERE resolved_at IS NULL;
`;

/** Rows per INSERT statement (a feed page is at most 2,000). */
const INSERT_ROWS = 5000;

/**
 * The page as one JSON parameter expanded by json_to_recordset, skipping versions already held: the
 * path a page takes when COPY met one (append).
 */
async function insertSkippingHeld(c: pg.PoolClient, docs: readonly StoredDocument[], setId: string | null): Promise<void> {
  for (let from = 0; from < docs.length; from += INSERT_ROWS) {
    const rows = docs.slice(from, from + INSERT_ROWS).map((d) => ({
      p: d.position,
      t: d.type,
      e: d.entityId,
      v: d.version,
      o: d.org,
      s: d.batchSeq,
      d: String(d.document),
      l: d.leaf.toString('hex'),
      b: d.bundle,
      i: setId === null ? null : (d.leafIndex ?? null),
    }));
    await c.query(
      `INSERT INTO mirror_document (${COPY_COLUMNS})
       SELECT x.p, x.t, x.e, x.v, x.o, x.s, x.d, decode(x.l, 'hex'), x.b, $2::bigint, x.i
         FROM json_to_recordset($1::json) AS x(p bigint, t text, e uuid, v int, o uuid, s int, d text, l text, b text, i int)
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(rows), setId],
    );
  }
}

export type AlertKind =
  /** Every version of a record the mirror holds is gone from the feed. */
  | 'RECORD_DELETED'
  /** The feed no longer serves the newest versions the mirror holds: the history was cut short. */
  | 'HISTORY_CUT'
  /** A version below the newest served one is missing from the feed. */
  | 'VERSION_MISSING'
  /** The feed serves a version the mirror holds with another document. */
  | 'DOCUMENT_CHANGED'
  /** The feed served a document that does not verify against the chain (not stored). */
  | 'UNVERIFIED'
  /** A published snapshot leaves out inputs of its subtree, lists stale versions or foreign ones. */
  | 'SNAPSHOT_INCOMPLETE'
  /** The chain holds batches the feed does not serve, and the feed has not advanced for a while. */
  | 'FEED_STALLED';

export const RECORD_ALERTS: readonly AlertKind[] = ['RECORD_DELETED', 'HISTORY_CUT', 'VERSION_MISSING', 'DOCUMENT_CHANGED'];

export interface Alert {
  kind: AlertKind;
  entityType?: string | null;
  entityId?: string | null;
  version?: number | null;
  batchSeq?: number | null;
  detail?: Record<string, unknown>;
}

export interface StoredAlert extends Alert {
  id: string;
  detectedAt: Date;
  resolvedAt: Date | null;
}

export interface StoredDocument {
  position: number;
  type: string;
  entityId: string;
  version: number;
  org: string;
  batchSeq: number;
  /** The canonical text; on append, its UTF-8 bytes as received when the page carried them (a text page). */
  document: string | Buffer;
  leaf: Buffer;
  /** The v1 bundle text; on append, null when the document's proof is the page's set (setIndex). */
  bundle: string | null;
  /** With a page's proof set (append's `proofBatches`): the record's leaf index in its batch. */
  leafIndex?: number;
}

/** What the read API serves: every stored document with its v1 bundle (expanded from its set if need be). */
export type HeldDocument = StoredDocument & { document: string; bundle: string };

export interface MirrorState {
  unitId: string | null;
  position: number;
  headSeq: number;
  chainSeq: number | null;
  behindSince: Date | null;
  lastSyncAt: Date | null;
  lastRecheckAt: Date | null;
}

export class Store {
  constructor(readonly pool: pg.Pool) {}

  static connect(url: string, onError: (error: Error) => void = () => {}): Store {
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    // An idle connection dropped by the server (a restart, a failover) is an 'error' event on the
    // pool: unheard, it would end the process; the next query simply opens a new connection.
    pool.on('error', onError);
    return new Store(pool);
  }

  async init(): Promise<void> {
    await this.pool.query(SCHEMA_SQL);
  }

  async state(): Promise<MirrorState> {
    const r = (await this.pool.query(`SELECT unit_id::text, position::text, head_seq, chain_seq, behind_since, last_sync_at, last_recheck_at FROM mirror_state WHERE id = 1`)).rows[0];
    return {
      unitId: r.unit_id,
      position: Number(r.position),
      headSeq: r.head_seq,
      chainSeq: r.chain_seq,
      behindSince: r.behind_since,
      lastSyncAt: r.last_sync_at,
      lastRecheckAt: r.last_recheck_at,
    };
  }

  async setState(patch: Partial<Omit<MirrorState, 'position'>>): Promise<void> {
    const cols: Record<string, unknown> = {
      unit_id: patch.unitId,
      head_seq: patch.headSeq,
      chain_seq: patch.chainSeq,
      behind_since: patch.behindSince,
      last_sync_at: patch.lastSyncAt,
      last_recheck_at: patch.lastRecheckAt,
    };
    const set = Object.entries(cols).filter(([, v]) => v !== undefined);
    if (!set.length) return;
    await this.pool.query(`UPDATE mirror_state SET ${set.map(([k], i) => `${k} = $${i + 1}`).join(', ')} WHERE id = 1`, set.map(([, v]) => v));
  }

  /**
   * Stores verified documents and moves the position, in one transaction (a crash loses nothing).
   * With `proofBatches` (the verified set's `batches` as JSON), they are stored once and each
   * document keeps its leaf index rather than a bundle.
   *
   * The page goes in by COPY in its binary format (copy.ts: the cheapest way into Postgres — no
   * statement to parse, no JSON to expand, no field written as text to be parsed back). COPY cannot skip a version already held (a record put back at a new position after a
   * restore), so on a unique violation the page is rolled back to before the COPY and inserted
   * again as one JSON parameter with ON CONFLICT DO NOTHING.
   */
  async append(docs: StoredDocument[], position: number, batches: { seq: number; root: Buffer; height: number }[], proofBatches?: string): Promise<void> {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      if (docs.length) {
        const positions = docs.map((d) => d.position);
        const setId =
          proofBatches === undefined
            ? null
            : (await c.query<{ id: string }>(`INSERT INTO mirror_proof_set (batches, first_position, last_position) VALUES ($1, $2, $3) RETURNING id::text`, [proofBatches, positions.reduce((a, b) => Math.min(a, b)), positions.reduce((a, b) => Math.max(a, b))])).rows[0]!.id;
        await c.query('SAVEPOINT page');
        try {
          await pipeline(Readable.from([copyRows(docs, setId)]), c.query(copyFrom(`COPY mirror_document (${COPY_COLUMNS}) FROM STDIN WITH (FORMAT binary)`)));
          await c.query('RELEASE SAVEPOINT page');
        } catch (error) {
          if ((error as { code?: string }).code !== '23505') throw error;
          await c.query('ROLLBACK TO SAVEPOINT page');
          await insertSkippingHeld(c, docs, setId);
        }
      }
      if (batches.length) {
        await c.query(
          `INSERT INTO mirror_batch (seq, root, height) SELECT * FROM unnest($1::int[], $2::bytea[], $3::bigint[]) ON CONFLICT DO NOTHING`,
          [batches.map((b) => b.seq), batches.map((b) => b.root), batches.map((b) => b.height)],
        );
      }
      await c.query(`UPDATE mirror_state SET position = greatest(position, $1), last_sync_at = now() WHERE id = 1`, [position]);
      await c.query('COMMIT');
    } catch (error) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      c.release();
    }
  }

  /** Raises alerts; an open alert for the same finding is not repeated. Returns how many are new. */
  async alert(alerts: Alert[]): Promise<number> {
    if (!alerts.length) return 0;
    const { rowCount } = await this.pool.query(
      `INSERT INTO mirror_alert (kind, entity_type, entity_id, version, batch_seq, detail)
       SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[], $4::int[], $5::int[], $6::jsonb[])
       ON CONFLICT DO NOTHING`,
      [
        alerts.map((a) => a.kind),
        alerts.map((a) => a.entityType ?? null),
        alerts.map((a) => a.entityId ?? null),
        alerts.map((a) => a.version ?? null),
        alerts.map((a) => a.batchSeq ?? null),
        alerts.map((a) => JSON.stringify(a.detail ?? {})),
      ],
    );
    return rowCount ?? 0;
  }

  /** Resolves the open alerts of `kinds` that are not among `still` (found again by this check). */
  async resolveExcept(kinds: readonly AlertKind[], still: Alert[]): Promise<number> {
    const { rowCount } = await this.pool.query(
      `UPDATE mirror_alert a SET resolved_at = now()
        WHERE a.resolved_at IS NULL AND a.kind = ANY($1::text[])
          AND NOT EXISTS (SELECT 1 FROM unnest($2::text[], $3::text[], $4::uuid[], $5::int[]) AS s(k, t, i, v)
                           WHERE s.k = a.kind AND s.t IS NOT DISTINCT FROM a.entity_type AND s.i IS NOT DISTINCT FROM a.entity_id AND s.v IS NOT DISTINCT FROM a.version)`,
      [kinds, still.map((a) => a.kind), still.map((a) => a.entityType ?? null), still.map((a) => a.entityId ?? null), still.map((a) => a.version ?? null)],
    );
    return rowCount ?? 0;
  }

  async alerts(opts: { open?: boolean } = {}): Promise<StoredAlert[]> {
    const { rows } = await this.pool.query(
      `SELECT id::text, kind, entity_type, entity_id::text, version, batch_seq, detail, detected_at, resolved_at FROM mirror_alert
        ${opts.open ? 'WHERE resolved_at IS NULL' : ''} ORDER BY id`,
    );
    return rows.map((r) => ({ id: r.id, kind: r.kind, entityType: r.entity_type, entityId: r.entity_id, version: r.version, batchSeq: r.batch_seq, detail: r.detail, detectedAt: r.detected_at, resolvedAt: r.resolved_at }));
  }

  /** Held versions, in log order, `limit` at a time after `after` (what a re-check walks). */
  async held(after: number, limit: number): Promise<{ position: number; type: string; entityId: string; version: number; batchSeq: number; leaf: Buffer }[]> {
    const { rows } = await this.pool.query(
      `SELECT position::text, entity_type, entity_id::text, version, batch_seq, leaf FROM mirror_document WHERE position > $1 ORDER BY position LIMIT $2`,
      [after, limit],
    );
    return rows.map((r) => ({ position: Number(r.position), type: r.entity_type, entityId: r.entity_id, version: r.version, batchSeq: r.batch_seq, leaf: r.leaf }));
  }

  /**
   * Every version held of one record, oldest first, each with its v1 bundle text: as received, or
   * expanded (toBundles: a set verifies iff its bundles do) from its page's proof set, rebuilt from
   * the stored batches and the page's documents in log order — the set the mirror verified.
   */
  async versions(type: string, id: string): Promise<HeldDocument[]> {
    const { rows } = await this.pool.query(
      `SELECT position::text, entity_type, entity_id::text, version, org_unit_id::text, batch_seq, document, leaf, bundle, set_id::text
         FROM mirror_document WHERE entity_type = $1 AND entity_id = $2::uuid ORDER BY version`,
      [type, id],
    );
    const expanded = new Map<string, string>(); // position → bundle text
    const setIds = [...new Set(rows.filter((r) => r.bundle === null && r.set_id !== null).map((r) => r.set_id as string))];
    if (setIds.length) {
      const sets = await this.pool.query<{ id: string; batches: string }>(`SELECT id::text, batches FROM mirror_proof_set WHERE id = ANY($1::bigint[])`, [setIds]);
      // Each set's documents by its page's range of positions (the primary key), then its set_id.
      const members = await this.pool.query<{ set_id: string; position: string; batch_seq: number; leaf_index: number; document: string }>(
        `SELECT d.set_id::text, d.position::text, d.batch_seq, d.leaf_index, d.document
           FROM mirror_proof_set s JOIN mirror_document d ON d.position BETWEEN s.first_position AND s.last_position AND d.set_id = s.id
          WHERE s.id = ANY($1::bigint[]) ORDER BY d.position`,
        [setIds],
      );
      for (const s of sets.rows) {
        const batches = JSON.parse(s.batches) as ProofSet['batches'];
        const own = members.rows.filter((m) => m.set_id === s.id);
        const records = own.map((m) => ({ b: batches.findIndex((b) => b.seq === m.batch_seq), i: m.leaf_index, doc: JSON.parse(m.document) as ProofSet['records'][number]['doc'] }));
        toBundles({ v: 2, batches, records }).forEach((b, k) => expanded.set(own[k]!.position, JSON.stringify(b)));
      }
    }
    return rows.map((r) => {
      const bundle = r.bundle ?? expanded.get(r.position) ?? 'null';
      return { position: Number(r.position), type: r.entity_type, entityId: r.entity_id, version: r.version, org: r.org_unit_id, batchSeq: r.batch_seq, document: r.document, leaf: r.leaf, bundle };
    });
  }

  /**
   * The Member records of the subtree at `unitPath` just before log position `before`, as this copy
   * holds them: each member's newest version then, placed by its unit's path then. Id → version, leaf (hex).
   */
  async membersAt(before: number, unitPath: string): Promise<Map<string, { version: number; leaf: string }>> {
    const { rows } = await this.pool.query<{ id: string; version: number; leaf: string }>(
      `WITH m AS (SELECT DISTINCT ON (entity_id) entity_id, version, org_unit_id, leaf FROM mirror_document
                   WHERE entity_type = 'Member' AND position < $1 ORDER BY entity_id, version DESC),
            u AS (SELECT DISTINCT ON (entity_id) entity_id, (document::jsonb -> 'data' ->> 'path') AS path FROM mirror_document
                   WHERE entity_type = 'OrgUnit' AND position < $1 ORDER BY entity_id, version DESC)
       SELECT m.entity_id::text AS id, m.version, encode(m.leaf, 'hex') AS leaf FROM m JOIN u ON u.entity_id = m.org_unit_id
        WHERE left(u.path, length($2)) = $2`,
      [before, unitPath],
    );
    return new Map(rows.map((r) => [r.id, { version: r.version, leaf: r.leaf }]));
  }

  async counts(): Promise<{ documents: number; batches: number; openAlerts: number }> {
    const r = (await this.pool.query(
      `SELECT (SELECT count(*) FROM mirror_document)::int AS documents, (SELECT count(*) FROM mirror_batch)::int AS batches,
              (SELECT count(*) FROM mirror_alert WHERE resolved_at IS NULL)::int AS open`,
    )).rows[0];
    return { documents: r.documents, batches: r.batches, openAlerts: r.open };
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
