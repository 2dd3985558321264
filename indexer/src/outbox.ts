// The outbox contract (verify/PROOF-FORMAT.md, "Record documents"): every change to a verifiable
// entity appends its record document in the same transaction as the change. This is the one
// place documents are made: a fresh salt, JCS text, leaf = SHA-256(0x00 ‖ text).
import { canonicalize, makeDocument, toHex, type RecordDocument } from '@lianjian/verify';
import { createHash, randomBytes } from 'node:crypto';
import { queryRows, type Sql } from './sql.js';

export interface RecordInput {
  /** GraphQL type name of a verifiable entity. */
  type: string;
  id: string;
  /** The entity's version after the change (1 for a new entity). */
  version: number;
  /** Owning org unit (for an OrgUnit, the unit itself). */
  org: string;
  /** Account id, or "system". */
  actor: string;
  /** The entity's fields after the change: recordData() of @lianjian/db, the mapping shared with the auditor. */
  data: Record<string, unknown>;
  /** Defaults to now. */
  at?: Date | string;
}

export interface AppendedRecord {
  document: RecordDocument;
  /** The canonical (JCS) text stored in outbox_record.document. */
  text: string;
  leaf: Uint8Array;
}

const LEAF_PREFIX = Buffer.from([0x00]);
const nodeRandom = (n: number) => new Uint8Array(randomBytes(n));

/** Builds the document, its canonical text and leaf without writing anything. */
export function prepareRecord(input: RecordInput): AppendedRecord {
  const at = input.at === undefined ? new Date() : typeof input.at === 'string' ? new Date(input.at) : input.at;
  if (Number.isNaN(at.getTime())) throw new RangeError(`record ${input.type}/${input.id}: invalid "at"`);
  const document = makeDocument(
    { type: input.type, id: input.id, version: input.version, org: input.org, at: at.toISOString(), actor: input.actor, data: input.data },
    nodeRandom,
  );
  const text = canonicalize(document);
  // node:crypto's SHA-256 is several times faster than the portable one in @lianjian/verify; the
  // unit tests hold the two to the same leaf.
  return { document, text, leaf: new Uint8Array(createHash('sha256').update(LEAF_PREFIX).update(text, 'utf8').digest()) };
}

const INSERT = `
  INSERT INTO outbox_record (entity_type, entity_id, version, org_unit_id, document, leaf)
  SELECT t, i::uuid, v, o::uuid, d, decode(l, 'hex')
  FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[]) AS u(t, i, v, o, d, l)
  RETURNING 1 AS ok`;

/**
 * Appends records inside the caller's transaction (a Prisma interactive transaction `tx`, or a
 * pg client between BEGIN and COMMIT): one statement for any number of records. The database
 * refuses a change to a verifiable row whose version has no record from the same transaction.
 */
export async function appendRecords(tx: Sql, inputs: readonly RecordInput[]): Promise<AppendedRecord[]> {
  if (inputs.length === 0) return [];
  const prepared = inputs.map(prepareRecord);
  const rows = await queryRows(tx, INSERT, [
    inputs.map((r) => r.type),
    inputs.map((r) => r.id),
    inputs.map((r) => r.version),
    inputs.map((r) => r.org),
    prepared.map((p) => p.text),
    prepared.map((p) => toHex(p.leaf)),
  ]);
  if (rows.length !== inputs.length) throw new Error(`outbox insert wrote ${rows.length} of ${inputs.length} records`);
  return prepared;
}

/** Appends one record; see appendRecords. */
export async function appendRecord(tx: Sql, input: RecordInput): Promise<AppendedRecord> {
  const [record] = await appendRecords(tx, [input]);
  return record!;
}
