// Filling the webhook outbox (webhook_event) from the record log. Two scans, each with a cursor in
// webhook_cursor and a transaction-scoped advisory lock (replicas take turns, never both):
//
// - 'records' walks outbox_record in the indexer's commit-safe order, (xid, id) below
//   pg_snapshot_xmin, so a transaction that commits late is never skipped (the outbox gap), and
//   raises MEMBER_CHANGED, NOTICE_PUBLISHED, DECISION_MADE, MEETING_PUBLISHED (kinds.ts);
// - 'anchors' walks record_position up to the end of the last anchored batch (batches are
//   anchored in seq order) and raises RECORD_ANCHORED.
//
// An event is written for an endpoint only if its key is live, holds the kind's read scope (for
// RECORD_ANCHORED, the record type's), the record's unit is inside the key's subtree, and the
// record was written after the endpoint was registered. The unique (endpoint, kind, record) key
// makes a rescan harmless: a record version yields each event once.
//
// While no endpoint wants a scan's events the scan does not read the log; every JUMP_EVERY idle
// runs it moves its cursor to the head, so that the first endpoint does not wait for years of log
// to be walked (what it skips was written before the endpoint existed, which the filter drops anyway).
import { Prisma, type PrismaClient, type WebhookEventKind } from '@lianjian/db';
import { partnerScope } from '../../shared/principal.js';
import { KIND_TYPE, kindAllowed, kindsOfRecord, RECORD_KIND_TYPES, TYPES_READ_FOR_STATUS } from './kinds.js';

const CHUNK = 500;
const MAX_CHUNKS = 20;
const LOCK = { records: 0x5e_b0_01, anchors: 0x5e_b0_02 } as const;

export interface LiveEndpoint {
  id: string;
  kinds: WebhookEventKind[];
  createdAt: Date;
  scopes: Set<string>;
  unitPath: string;
}

/** Endpoints of keys that are neither revoked nor expired (active or disabled: a disabled one keeps its events). */
export async function liveEndpoints(prisma: PrismaClient, now: Date): Promise<LiveEndpoint[]> {
  const rows = await prisma.webhookEndpoint.findMany({
    where: { apiKey: { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] } },
    select: { id: true, kinds: true, createdAt: true, apiKey: { select: { scopes: true, unit: { select: { path: true } } } } },
  });
  return rows.map((r) => ({ id: r.id, kinds: r.kinds, createdAt: r.createdAt, scopes: new Set(r.apiKey.scopes), unitPath: r.apiKey.unit.path }));
}

type Tx = Prisma.TransactionClient;

async function locked(tx: Tx, key: number): Promise<boolean> {
  const [row] = await tx.$queryRaw<{ ok: boolean }[]>`SELECT pg_try_advisory_xact_lock(${key}::bigint) AS ok`;
  return row?.ok === true;
}

async function cursorOf(tx: Tx, name: 'records' | 'anchors') {
  await tx.$executeRaw`INSERT INTO webhook_cursor (name, xid, record_id, position) VALUES (${name}, '0', 0, -1) ON CONFLICT (name) DO NOTHING`;
  const [c] = await tx.$queryRaw<{ xid: string; record_id: bigint; position: bigint }[]>`SELECT xid, record_id, position FROM webhook_cursor WHERE name = ${name}`;
  return c!;
}

async function unitPaths(tx: Tx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.$queryRaw<{ id: string; path: string }[]>`SELECT id::text, path FROM org_unit WHERE id = ANY(${[...new Set(ids)]}::uuid[])`;
  return new Map(rows.map((r) => [r.id, r.path]));
}

interface EventRow {
  endpointId: string;
  kind: WebhookEventKind;
  recordId: bigint;
  entityType: string;
  entityId: string;
  version: number;
  orgUnitId: string;
  occurredAt: Date;
  detail?: Prisma.InputJsonValue;
  nextAttemptAt: Date;
}

function matches(e: LiveEndpoint, kind: WebhookEventKind, r: { entityType: string; createdAt: Date }, path: string | undefined): boolean {
  if (!e.kinds.includes(kind) || !kindAllowed(kind, e.scopes)) return false;
  if (KIND_TYPE[kind] === null && !e.scopes.has(partnerScope(r.entityType))) return false;
  if (path === undefined || !path.startsWith(e.unitPath)) return false;
  return r.createdAt >= e.createdAt;
}

export interface ScanResult {
  scanned: number;
  events: number;
  /** More of the log is waiting (the scan stopped at its limit). */
  more: boolean;
}

const idle = { records: 0, anchors: 0 };
const JUMP_EVERY = 30;

/** Writes the events of records committed since the last scan. */
export async function scanRecords(prisma: PrismaClient, now: Date, live?: LiveEndpoint[]): Promise<ScanResult> {
  const endpoints = (live ?? (await liveEndpoints(prisma, now))).filter((e) => e.kinds.some((k) => k !== 'RECORD_ANCHORED'));
  if (endpoints.length === 0) {
    if (idle.records++ % JUMP_EVERY === 0) await jumpRecords(prisma);
    return { scanned: 0, events: 0, more: false };
  }
  idle.records = 0;
  const wanted = new Set(endpoints.flatMap((e) => e.kinds).flatMap((k) => (KIND_TYPE[k] ? [KIND_TYPE[k]] : [])));
  const types = RECORD_KIND_TYPES.filter((t) => wanted.has(t));
  let scanned = 0;
  let events = 0;
  for (let i = 0; i < MAX_CHUNKS; i++) {
    const r = await prisma.$transaction(async (tx) => {
      if (!(await locked(tx, LOCK.records))) return null;
      const c = await cursorOf(tx, 'records');
      const rows = await tx.$queryRaw<LogRow[]>`
        SELECT id, xid::text AS xid, entity_type, entity_id::text, version, org_unit_id::text, created_at,
               CASE WHEN entity_type = ANY(${types}::text[]) THEN document END AS document
          FROM outbox_record
         WHERE (xid, id) > (${c.xid}::xid8, ${c.record_id}::bigint) AND xid < pg_snapshot_xmin(pg_current_snapshot())
         ORDER BY xid, id LIMIT ${CHUNK}`;
      if (rows.length === 0) return { scanned: 0, events: 0 };
      const written = await raise(tx, rows, endpoints);
      const last = rows[rows.length - 1]!;
      await tx.$executeRaw`UPDATE webhook_cursor SET xid = ${last.xid}, record_id = ${last.id}, updated_at = now() WHERE name = 'records'`;
      return { scanned: rows.length, events: written };
    });
    if (r === null) return { scanned, events, more: false };
    scanned += r.scanned;
    events += r.events;
    if (r.scanned < CHUNK) {
      // Caught up with the commit-safe part of the log. Records past pg_snapshot_xmin that this
      // statement sees are committed too, only not yet behind every older transaction (one long
      // transaction anywhere in the cluster holds xmin back); raising their events now is safe,
      // since the unique key drops them when the cursor reaches them. The cursor does not move.
      const lookedAhead = lookedAheadBy.get(prisma) ?? new Set<bigint>();
      lookedAheadBy.set(prisma, lookedAhead);
      events += await prisma.$transaction(async (tx) => {
        if (!(await locked(tx, LOCK.records))) return 0;
        const c = await cursorOf(tx, 'records');
        const ahead = await tx.$queryRaw<LogRow[]>`
          SELECT id, xid::text AS xid, entity_type, entity_id::text, version, org_unit_id::text, created_at,
                 CASE WHEN entity_type = ANY(${types}::text[]) THEN document END AS document
            FROM outbox_record
           WHERE (xid, id) > (${c.xid}::xid8, ${c.record_id}::bigint) AND xid >= pg_snapshot_xmin(pg_current_snapshot())
             AND entity_type = ANY(${types}::text[]) AND NOT (id = ANY(${[...lookedAhead]}::bigint[]))
           ORDER BY xid, id LIMIT ${CHUNK}`;
        for (const row of ahead) lookedAhead.add(row.id);
        // Bounded: forgetting one only means reading it again (its events are not raised twice).
        if (lookedAhead.size > 5 * CHUNK) for (const id of [...lookedAhead].slice(0, lookedAhead.size - 5 * CHUNK)) lookedAhead.delete(id);
        return ahead.length ? raise(tx, ahead, endpoints) : 0;
      });
      return { scanned, events, more: false };
    }
  }
  return { scanned, events, more: true };
}

/** Records already looked at past xmin (see scanRecords), per database client, so a stuck xmin does not make every run re-read them. */
const lookedAheadBy = new WeakMap<PrismaClient, Set<bigint>>();

interface LogRow {
  id: bigint;
  xid: string;
  entity_type: string;
  entity_id: string;
  version: number;
  org_unit_id: string;
  created_at: Date;
  document: string | null;
}

/** Writes the events these log rows raise for these endpoints; returns how many were new. */
async function raise(tx: Tx, rows: LogRow[], endpoints: LiveEndpoint[]): Promise<number> {
  const docs = new Map<bigint, { at: string; status: string | null }>();
  for (const row of rows) {
    if (row.document === null) continue;
    const d = JSON.parse(row.document) as { at: string; data?: { status?: unknown } };
    docs.set(row.id, { at: d.at, status: typeof d.data?.status === 'string' ? d.data.status : null });
  }
  const previous = await previousStatuses(tx, rows.filter((row) => TYPES_READ_FOR_STATUS.includes(row.entity_type) && row.version > 1 && docs.get(row.id)?.status === 'PUBLISHED'));
  const paths = await unitPaths(tx, rows.filter((row) => docs.has(row.id)).map((row) => row.org_unit_id));
  const out: EventRow[] = [];
  for (const row of rows) {
    const doc = docs.get(row.id);
    if (!doc) continue;
    const kinds = kindsOfRecord({ entityType: row.entity_type, version: row.version, status: doc.status, previousStatus: previous.get(`${row.entity_id}:${row.version - 1}`) ?? null });
    for (const kind of kinds) {
      for (const e of endpoints) {
        if (!matches(e, kind, { entityType: row.entity_type, createdAt: row.created_at }, paths.get(row.org_unit_id))) continue;
        out.push({ endpointId: e.id, kind, recordId: row.id, entityType: row.entity_type, entityId: row.entity_id, version: row.version, orgUnitId: row.org_unit_id, occurredAt: new Date(doc.at), nextAttemptAt: new Date() });
      }
    }
  }
  return out.length ? (await tx.webhookEvent.createMany({ data: out, skipDuplicates: true })).count : 0;
}

async function previousStatuses(tx: Tx, rows: { entity_type: string; entity_id: string; version: number }[]): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  if (rows.length === 0) return out;
  const found = await tx.$queryRaw<{ entity_id: string; version: number; status: string | null }[]>`
    SELECT o.entity_id::text, o.version, (o.document::jsonb #>> '{data,status}') AS status
      FROM outbox_record o
      JOIN unnest(${rows.map((r) => r.entity_type)}::text[], ${rows.map((r) => r.entity_id)}::uuid[], ${rows.map((r) => r.version - 1)}::int[]) AS p(t, id, v)
        ON o.entity_type = p.t AND o.entity_id = p.id AND o.version = p.v`;
  for (const f of found) out.set(`${f.entity_id}:${f.version}`, f.status);
  return out;
}

async function jumpRecords(prisma: PrismaClient): Promise<void> {
  await prisma.$transaction(async (tx) => {
    if (!(await locked(tx, LOCK.records))) return;
    await cursorOf(tx, 'records');
    // One statement, so the "no endpoint" check and the head come from one snapshot.
    await tx.$executeRaw`
      UPDATE webhook_cursor c SET xid = h.xid::text, record_id = h.id, updated_at = now()
        FROM (SELECT xid, id FROM outbox_record WHERE xid < pg_snapshot_xmin(pg_current_snapshot()) ORDER BY xid DESC, id DESC LIMIT 1) h
       WHERE c.name = 'records' AND (h.xid, h.id) > (c.xid::xid8, c.record_id)
         AND NOT EXISTS (SELECT 1 FROM webhook_endpoint w JOIN api_key k ON k.id = w.api_key_id
                          WHERE k.revoked_at IS NULL AND w.kinds && ARRAY['MEMBER_CHANGED', 'MEETING_PUBLISHED', 'DECISION_MADE', 'NOTICE_PUBLISHED']::webhook_event_kind[])`;
  });
}

/** The last log position whose batch, and every batch before it, is anchored (-1: none). */
const ANCHORED_END = Prisma.sql`COALESCE((SELECT min(first_position) - 1 FROM batch WHERE status <> 'ANCHORED'), (SELECT max(last_position) FROM batch), -1)`;

/** Writes RECORD_ANCHORED events for records in batches anchored since the last scan. */
export async function scanAnchors(prisma: PrismaClient, now: Date, live?: LiveEndpoint[]): Promise<ScanResult> {
  const endpoints = (live ?? (await liveEndpoints(prisma, now))).filter((e) => e.kinds.includes('RECORD_ANCHORED'));
  if (endpoints.length === 0) {
    if (idle.anchors++ % JUMP_EVERY === 0) {
      await prisma.$transaction(async (tx) => {
        if (!(await locked(tx, LOCK.anchors))) return;
        await cursorOf(tx, 'anchors');
        await tx.$executeRaw`UPDATE webhook_cursor SET position = ${ANCHORED_END}, updated_at = now()
          WHERE name = 'anchors' AND position < ${ANCHORED_END} AND NOT EXISTS (SELECT 1 FROM webhook_endpoint w JOIN api_key k ON k.id = w.api_key_id WHERE k.revoked_at IS NULL AND 'RECORD_ANCHORED' = ANY(w.kinds))`;
      });
    }
    return { scanned: 0, events: 0, more: false };
  }
  idle.anchors = 0;
  let scanned = 0;
  let events = 0;
  for (let i = 0; i < MAX_CHUNKS; i++) {
    const r = await prisma.$transaction(async (tx) => {
      if (!(await locked(tx, LOCK.anchors))) return null;
      const c = await cursorOf(tx, 'anchors');
      const rows = await tx.$queryRaw<{ position: bigint; batch_seq: number; id: bigint; entity_type: string; entity_id: string; version: number; org_unit_id: string; created_at: Date }[]>`
        SELECT rp.position, rp.batch_seq, o.id, o.entity_type, o.entity_id::text, o.version, o.org_unit_id::text, o.created_at
          FROM record_position rp JOIN outbox_record o ON o.id = rp.record_id
         WHERE rp.position > ${c.position}::bigint AND rp.position <= ${ANCHORED_END}
         ORDER BY rp.position LIMIT ${CHUNK}`;
      if (rows.length === 0) return { scanned: 0, events: 0 };
      const seqs = [...new Set(rows.map((row) => row.batch_seq))];
      const batches = await tx.$queryRaw<{ seq: number; root: Uint8Array; chain_id: string | null; chain_height: bigint | null; tx_hash: string | null; anchored_at: Date | null }[]>`
        SELECT seq, root, chain_id, chain_height, tx_hash, anchored_at FROM batch WHERE seq = ANY(${seqs}::int[])`;
      const bySeq = new Map(batches.map((b) => [b.seq, b]));
      const paths = await unitPaths(tx, rows.map((row) => row.org_unit_id));
      const out: EventRow[] = [];
      for (const row of rows) {
        const b = bySeq.get(row.batch_seq)!;
        for (const e of endpoints) {
          if (!matches(e, 'RECORD_ANCHORED', { entityType: row.entity_type, createdAt: row.created_at }, paths.get(row.org_unit_id))) continue;
          out.push({
            endpointId: e.id,
            kind: 'RECORD_ANCHORED',
            recordId: row.id,
            entityType: row.entity_type,
            entityId: row.entity_id,
            version: row.version,
            orgUnitId: row.org_unit_id,
            occurredAt: b.anchored_at ?? now,
            detail: {
              batch: {
                seq: b.seq,
                root: Buffer.from(b.root).toString('hex'),
                anchor: { chainId: b.chain_id, height: b.chain_height === null ? null : Number(b.chain_height), txHash: b.tx_hash },
              },
            },
            nextAttemptAt: new Date(),
          });
        }
      }
      const written = out.length ? (await tx.webhookEvent.createMany({ data: out, skipDuplicates: true })).count : 0;
      await tx.$executeRaw`UPDATE webhook_cursor SET position = ${rows[rows.length - 1]!.position}, updated_at = now() WHERE name = 'anchors'`;
      return { scanned: rows.length, events: written };
    });
    if (r === null) return { scanned, events, more: false };
    scanned += r.scanned;
    events += r.events;
    if (r.scanned < CHUNK) return { scanned, events, more: false };
  }
  return { scanned, events, more: true };
}
