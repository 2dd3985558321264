// A page of documents in COPY's binary format (PostgreSQL, "COPY … Binary Format"): each field is its
// length and its bytes. A text received as bytes goes in as those bytes — nothing escaped — and no
// uuid, number or leaf is written out as text for the server to parse back: the mirror's Postgres
// spent 16–18 µs of CPU a record on a page in COPY's text format, 13.3–13.5 µs in binary
// (bench/mirror/NOTES.md).
import type { StoredDocument } from './store.js';

/** The columns a row holds, in the order copyRows writes them. */
export const COPY_COLUMNS = 'position, entity_type, entity_id, version, org_unit_id, batch_seq, document, leaf, bundle, set_id, leaf_index';

const FIELDS = 11;
const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const TWO_32 = 2 ** 32;

/** A text's UTF-8 bytes (a type name is one of a few dozen: encoded once). */
const typeBytes = new Map<string, Buffer>();

/** Writes a uuid's 16 bytes at `at`; throws when it is not one. */
function writeUuid(out: Buffer, at: number, value: string): number {
  // Hex digits stop at the first that is not one: fewer than 16 bytes is not a uuid.
  if (value.length !== 36 || out.write(value.replaceAll('-', ''), at, 16, 'hex') !== 16) throw new Error(`not a uuid: ${JSON.stringify(value)}`);
  return at + 16;
}

/** The page's rows for `COPY mirror_document (COPY_COLUMNS) FROM STDIN WITH (FORMAT binary)`. */
export function copyRows(docs: readonly StoredDocument[], setId: string | null): Buffer {
  const documents: Buffer[] = [];
  const types: Buffer[] = [];
  let size = SIGNATURE.length + 8 + 2;
  for (const d of docs) {
    let type = typeBytes.get(d.type);
    if (!type) typeBytes.set(d.type, (type = Buffer.from(d.type)));
    const document = typeof d.document === 'string' ? Buffer.from(d.document) : d.document;
    types.push(type);
    documents.push(document);
    size += 2 + FIELDS * 4 + 8 + type.length + 16 + 4 + 16 + 4 + document.length + d.leaf.length + (d.bundle === null ? 0 : Buffer.byteLength(d.bundle)) + 8 + 4;
  }
  const out = Buffer.allocUnsafe(size);
  let at = SIGNATURE.copy(out, 0);
  at = out.writeInt32BE(0, at); // flags
  at = out.writeInt32BE(0, at); // header extension length
  const set = setId === null ? null : Number(setId);
  for (let k = 0; k < docs.length; k++) {
    const d = docs[k]!;
    at = out.writeInt16BE(FIELDS, at);
    at = out.writeInt32BE(8, at);
    at = out.writeInt32BE(Math.floor(d.position / TWO_32), at);
    at = out.writeUInt32BE(d.position >>> 0, at);
    at = out.writeInt32BE(types[k]!.length, at);
    at += types[k]!.copy(out, at);
    at = writeUuid(out, out.writeInt32BE(16, at), d.entityId);
    at = out.writeInt32BE(4, at);
    at = out.writeInt32BE(d.version, at);
    at = writeUuid(out, out.writeInt32BE(16, at), d.org);
    at = out.writeInt32BE(4, at);
    at = out.writeInt32BE(d.batchSeq, at);
    at = out.writeInt32BE(documents[k]!.length, at);
    at += documents[k]!.copy(out, at);
    at = out.writeInt32BE(d.leaf.length, at);
    at += d.leaf.copy(out, at);
    if (d.bundle === null) at = out.writeInt32BE(-1, at);
    else {
      const length = out.write(d.bundle, at + 4);
      at = out.writeInt32BE(length, at) + length;
    }
    if (set === null) at = out.writeInt32BE(-1, at);
    else {
      at = out.writeInt32BE(8, at);
      at = out.writeInt32BE(Math.floor(set / TWO_32), at);
      at = out.writeUInt32BE(set >>> 0, at);
    }
    if (set === null || d.leafIndex === undefined) at = out.writeInt32BE(-1, at);
    else {
      at = out.writeInt32BE(4, at);
      at = out.writeInt32BE(d.leafIndex, at);
    }
  }
  at = out.writeInt16BE(-1, at); // trailer
  return out.subarray(0, at);
}
